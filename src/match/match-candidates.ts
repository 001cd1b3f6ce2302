import type { EntityManager } from '@mikro-orm/postgresql';
import { ACTIVE_BID_STATUSES } from '../bid/bid.entity.js';
import { talentMeetsBriefSql } from '../bid/eligibility/eligibility.js';
import type { ContentFormat } from '../common/enums.js';
import { type AudienceProfile, EMPTY_AUDIENCE } from '../creator/audience.js';
import type { CredentialType } from '../credential/credential-type.js';
import type { TraderCapability } from '../trader/trader.entity.js';
import { ROI_IN_VERTICALS, VERTICAL_AVERAGE_ROI } from '../credibility/track-record.js';
import { type MatchCandidate, relevantCredentialTypes, SHRINKAGE_PRIOR_DEALS } from './scoring.js';
import type { CandidateKind } from './weights.js';

/**
 * Candidate retrieval: the creators (or, for operated self-broadcasts, the operators) that pass
 * every hard constraint of a brief, found in PostgreSQL so the profile tables are never loaded
 * whole, and among them the ones relevance says are worth scoring. Two parts, kept apart:
 *
 * 1. Hard constraints (ELIGIBLE), each a condition every source applies:
 * - the bidding rules, in their SQL form from bid/eligibility (`talent_meets_brief`): every
 *   credential the brief or its products require, verified (implied types included); the brief's
 *   minimum credibility level; room left under the talent's capacity;
 * - platforms: a creator holds a channel account on one of the brief's platforms
 *   (`creator.platforms`); an operator has run live rooms on one (`trader.platforms`). Every brief
 *   names at least one platform;
 * - formats: a creator has a rate-card line for one of the brief's formats
 *   (`creator.rate_formats`; every brief names at least one). Operators are priced per
 *   broadcast, not per format, so the format rule does not apply to them. Both creator arrays are
 *   summaries the services keep (CredibilityService.refreshForUser), so two GIN-indexed overlaps
 *   replace a subquery per creator; only the over-budget exclusion still reads the rate card;
 * - platforms and formats are written `(…) is true`, so they filter the rows a source's own index
 *   finds rather than joining that index with theirs: nearly every creator passes them, and
 *   ANDing their bitmaps of most of the table cost more than it saved;
 * - no active bid (SUBMITTED, SHORTLISTED, COUNTERED, AGREED) and no deal of any status on the
 *   brief already. A withdrawn, rejected or unselected bid may be followed by a new one, so it
 *   does not exclude.
 * Budget: over-budget candidates are kept and penalised by scoring (price fit 0, OVER_BUDGET)
 *   unless `excludeOverBudget` is set, since a creator may still bid below their card.
 *
 * 2. Relevance (SOURCES): for a brand's ranking over the whole market, several sources, each
 * capped and ordered by a cheap relevance signal of its own, merged without duplicates, so no
 * single relevance-blind cut decides who is scored:
 * - exact: works in the brief's verticals (or their children) and shares its niche tags, most
 *   shared tags first; and, as back-fill, the most credible there whatever their tags;
 * - proven: has settled deals there, best ROI shrunk toward the vertical's average first (the
 *   shrinkage scoring uses), so a long good record is found whatever else the profile says;
 * - credentialed: holds a verified credential the brief's verticals call for
 *   (RELEVANT_CREDENTIALS) and works in the vertical family, the brief's own verticals and the
 *   most shared tags first;
 * - related: shares a niche tag with the brief but works outside its verticals: the parent's
 *   other children, or another vertical altogether (skincare specialists in hyaluronic acid for a
 *   hyaluronic-acid snack), most shared tags first, the vertical family before the rest;
 * - family: the back-fill for a thin market: the most credible in the parent vertical and its
 *   other children (an index walk that stops at the cap);
 * - newcomers: works in the brief's verticals, shares its tags and has no settled deal there yet,
 *   most shared tags and the most real audience first, so cold start has someone to offer.
 * The caps add up to CANDIDATE_CAP, so a ranking never holds more. For named talents (an agency's
 * roster, a talent's own recommended briefs) relevance needs no sources: every named talent who
 * passes the constraints and works in the brief's vertical family or shares a niche tag is scored.
 *
 * Audience: a creator's audience is that of their largest channel (most followers), because
 * platforms report shares per channel and averaging shares across channels of very different
 * sizes would describe nobody. It is read only for a brief that targets an audience (a gender,
 * age bands or regions); for any other, audience fit depends on the real-follower share alone.
 * Track record: from the settlement rows credibility reads too (credibility/track-record.ts): the
 * candidate's settled deals with an ROI in the brief's own verticals (and their children) and
 * their average ROI, and everyone's average ROI there (the vertical family's when the verticals
 * have none yet); scoring shrinks the first toward the second.
 */

/**
 * How many candidates of one brief are scored at most: ten first pages of 20. The sources' caps
 * (SOURCE_CAPS) add up to it.
 */
export const CANDIDATE_CAP = 200;

/** Each relevance source's share of CANDIDATE_CAP; a talent found by several counts once. */
export const SOURCE_CAPS = Object.freeze({ exact: 70, credible: 20, proven: 40, credentialed: 30, related: 20, family: 10, newcomers: 10 });

export interface CandidateQuery {
  briefIds: readonly string[];
  kind: CandidateKind;
  /** Only these creators or operators (an agency's roster, a viewer's own profile); null for everyone. */
  talentIds?: readonly string[] | null;
  excludeOverBudget?: boolean;
}

export interface RetrievedCandidate {
  briefId: string;
  /** The creator's or operator's id. */
  id: string;
  candidate: MatchCandidate;
}

interface CandidateRow {
  brief_id: string;
  id: string;
  vertical_slugs: string[];
  niche_tags: string[];
  verified_credential_types: string[];
  raw_credential_types: string[] | null;
  credibility_score: number;
  credibility_level: number;
  total_followers: string | number;
  audience_quality: number | null;
  capacity: number;
  active_deal_count: number;
  rate_currency: string;
  min_commission_bp: number;
  flat_min_fixed_fee: string | number | null;
  rates: Record<string, string | number> | null;
  audience: AudienceProfile | null;
  capabilities: string[] | null;
  track_record: { deals: number; roi: number | null };
  vertical_average_roi_bp: string | number | null;
}

/** A PostgreSQL array literal; execute() would spread a JS array into a comma list. */
export function pgArray(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;
}

const ACTIVE_BIDS = pgArray(ACTIVE_BID_STATUSES);

/**
 * Per brief: its effective required credentials (its own and its products'), the verticals it is
 * for (its own and their children: where a track record counts), and its vertical family (those,
 * their parents and the parents' children).
 */
const BRIEF_FACTS_SELECT = `
    select b.id, b.platforms, b.formats, b.min_credibility_level, b.budget_amount, b.budget_currency, b.slots,
      (b.target_gender <> 'ANY' or cardinality(b.target_age_bands) > 0 or cardinality(b.target_regions) > 0) as targets_audience,
      array(
        select distinct required from unnest(b.required_credentials || coalesce((
          select array_agg(product_required)
          from brief_product bp join product p on p.id = bp.product_id, unnest(p.required_credentials) product_required
          where bp.brief_id = b.id), '{}')) required
      ) as required_credentials,
      array(
        select distinct v.slug::text from vertical v, unnest(b.vertical_slugs) wanted
        where v.slug = wanted or v.slug like wanted || '.%'
          or v.slug = regexp_replace(wanted, '\\.[^.]+$', '') or v.slug like regexp_replace(wanted, '\\.[^.]+$', '') || '.%'
      ) as relevant_verticals,
      array(
        select distinct v.slug::text from vertical v, unnest(b.vertical_slugs) wanted where v.slug = wanted or v.slug like wanted || '.%'
      ) as record_verticals,
      b.vertical_slugs as brief_verticals, b.niche_tags
    from brief b where b.id = any(?::uuid[])`;

const BRIEF_FACTS = `
  with target as (${BRIEF_FACTS_SELECT}
  )`;

/**
 * One brief's facts as constants, inlined into every source (`not materialized`): PostgreSQL
 * plans each source knowing the actual arrays and levels, rather than assuming a brief it cannot
 * see is selective.
 */
const BRIEF_CONSTANTS = `
  with target as not materialized (
    select ?::uuid as id, ?::text[] as platforms, ?::text[] as formats, ?::int as min_credibility_level,
      ?::bigint as budget_amount, ?::text as budget_currency, ?::int as slots, ?::boolean as targets_audience, ?::text[] as required_credentials,
      ?::text[] as relevant_verticals, ?::text[] as record_verticals, ?::text[] as niche_tags, ?::text[] as relevant_credentials,
      ?::boolean as exclude_over_budget
  )`;

interface BriefFactsRow {
  id: string;
  platforms: string[];
  formats: string[];
  min_credibility_level: number;
  budget_amount: string | number;
  budget_currency: string;
  slots: number;
  targets_audience: boolean;
  required_credentials: string[];
  relevant_verticals: string[];
  record_verticals: string[];
  brief_verticals: string[];
  niche_tags: string[];
  vertical_names: Record<string, string> | null;
}

/** What scoring needs of a brief besides the entity, read by the same statement as the candidates' conditions. */
export interface BriefFacts {
  /** The brief's own required credentials and its products'. */
  requiredCredentials: string[];
  /** Display names of the brief's verticals and their relatives, by slug. */
  verticalNames: Record<string, string>;
}

type Column = 'creator_id' | 'trader_id';

/**
 * Gathered once per brief (the subqueries depend on the brief alone) and tested as an array,
 * rather than probed with a subquery for every creator the indexes let through.
 */
const EXCLUDED_BY_BRIEF = (column: Column) => `
      and x.id <> all(array(select bid.${column} from bid where bid.brief_id = t.id and bid.${column} is not null and bid.status = any('${ACTIVE_BIDS}'::text[])))
      and x.id <> all(array(select deal.${column} from deal where deal.brief_id = t.id and deal.${column} is not null))`;

/** The bidding rules a candidate must meet (bid/eligibility: credentials, level, capacity), inlined by PostgreSQL. */
const TALENT_MEETS_BRIEF = talentMeetsBriefSql('x', { requiredCredentials: 't.required_credentials', minCredibilityLevel: 't.min_credibility_level' });

/**
 * The hard constraints, for a talent `x` and a brief `t`: the bidding rules, then where and in
 * what formats they work, then no bid or deal on the brief already. Every source applies all of
 * them, and nothing else is a constraint.
 */
const ELIGIBLE: Record<CandidateKind, string> = {
  creator: `
      ${TALENT_MEETS_BRIEF}
      and (x.platforms && t.platforms) is true
      and (x.rate_formats && t.formats) is true
      and (not t.exclude_over_budget or exists (select 1 from creator_rate r where r.creator_id = x.id and r.format = any(t.formats)
        and (r.currency <> t.budget_currency or r.min_fixed_fee <= t.budget_amount / t.slots)))
      ${EXCLUDED_BY_BRIEF('creator_id')}`,
  trader: `
      ${TALENT_MEETS_BRIEF}
      and (x.platforms && t.platforms) is true
      and (not t.exclude_over_budget or x.rate_currency <> t.budget_currency or x.min_fixed_fee <= t.budget_amount / t.slots)
      ${EXCLUDED_BY_BRIEF('trader_id')}`,
};

const TABLE: Record<CandidateKind, { table: string; column: Column; tags: string }> = {
  creator: { table: 'creator', column: 'creator_id', tags: 'x.niche_tags' },
  trader: { table: 'trader', column: 'trader_id', tags: "'{}'::text[]" },
};

/** How many of the brief's niche tags the talent shares: the cheap relevance signal sources order by. */
const SHARED_TAGS = (tags: string) => `(select count(*) from unnest(${tags}) tag where tag = any(t.niche_tags))`;

/**
 * The talents who share a niche tag with the brief (for a brief without tags, who work in its own
 * verticals) and pass every constraint, read once through the tag index with what the sources
 * order by: shared tags, a relevant credential, a record in the brief's verticals, where they
 * work. The exact, credentialed, related and newcomer sources all pick from it, so the largest
 * scan of a ranking and its per-row tag count run once, over the tag's holders rather than the
 * whole vertical.
 */
function matchedCte(kind: CandidateKind): string {
  const { table, column, tags } = TABLE[kind];
  const found = kind === 'creator' ? '(x.niche_tags && t.niche_tags or (cardinality(t.niche_tags) = 0 and x.vertical_slugs && t.record_verticals))' : 'x.vertical_slugs && t.record_verticals';
  return `,
  matched as materialized (
    select x.id, x.credibility_score, ${kind === 'creator' ? 'x.audience_quality' : '0::float8 as audience_quality'}, ${SHARED_TAGS(tags)} as shared,
      x.verified_credential_types && t.relevant_credentials as credentialed,
      x.vertical_slugs && t.record_verticals as in_verticals, x.vertical_slugs && t.relevant_verticals as in_family,
      x.id = any(array(select s.${column} from deal_settlement s join vertical sv on sv.id = s.vertical_id
        where sv.slug = any(t.record_verticals) and s.${column} is not null and s.roi_bp is not null)) as proven
    from target t, ${table} x
    where ${found} and ${ELIGIBLE[kind]}
  )`;
}

/**
 * The relevance sources of one brief over the whole market (see the file's comment), each a
 * capped, ordered list of ids, merged by `union` (a talent found twice counts once).
 */
function sources(kind: CandidateKind): string {
  const { table, column } = TABLE[kind];
  const eligible = ELIGIBLE[kind];
  const walk = (condition: string, cap: number) => `
    (select x.id from ${table} x where ${condition} and ${eligible}
      order by x.credibility_level desc, x.credibility_score desc, x.id limit ${cap})`;
  const picked = (condition: string, order: string, cap: number) => `
    (select id from matched where ${condition} order by ${order}, id limit ${cap})`;
  const proven = `
    (select x.id from (
        select s.${column} as id, count(s.roi_bp) as deals, avg(s.roi_bp) as roi
        from deal_settlement s join vertical sv on sv.id = s.vertical_id
        where sv.slug = any(t.record_verticals) and s.${column} is not null and s.roi_bp is not null
        group by s.${column}) record
      join ${table} x on x.id = record.id
      where ${eligible}
      order by (record.deals * record.roi + ${SHRINKAGE_PRIOR_DEALS} * coalesce(va.vertical_average_roi_bp, record.roi)) / (record.deals + ${SHRINKAGE_PRIOR_DEALS}) desc, x.id
      limit ${SOURCE_CAPS.proven})`;
  return [
    picked('in_verticals', 'shared desc, credibility_score desc', SOURCE_CAPS.exact),
    walk('x.vertical_slugs && t.record_verticals', SOURCE_CAPS.credible),
    proven,
    picked('credentialed and in_family', 'in_verticals desc, shared desc, credibility_score desc', SOURCE_CAPS.credentialed),
    picked('not in_verticals', 'shared desc, in_family desc, credibility_score desc', SOURCE_CAPS.related),
    walk('x.vertical_slugs && t.relevant_verticals and not (x.vertical_slugs && t.record_verticals)', SOURCE_CAPS.family),
    picked('in_verticals and not proven', 'shared desc, audience_quality desc', SOURCE_CAPS.newcomers),
  ].join('\n    union');
}

/** Named talents (a roster, one's own profile): all who pass and work in the brief's vertical family or share a niche tag. */
function named(kind: CandidateKind): string {
  const { table, tags } = TABLE[kind];
  return `
    (select x.id from ${table} x
      where x.id = any(?::uuid[]) and (x.vertical_slugs && t.relevant_verticals or ${tags} && t.niche_tags) and ${ELIGIBLE[kind]}
      limit ${CANDIDATE_CAP})`;
}

/**
 * The per-candidate lookups (credentials, rate card, largest channel, track record) run in the
 * outer select, so only for the ids the sources return. Arrays come back as JSON: `pg` parses a
 * PostgreSQL array literal character by character in JavaScript, and JSON.parse reads the same
 * values for about half the CPU.
 */
function candidateSelect(kind: CandidateKind, picked: string): string {
  const { table, column } = TABLE[kind];
  const creator = kind === 'creator';
  return `
  select t.id as brief_id, c.id, to_json(c.vertical_slugs) as vertical_slugs, ${creator ? 'to_json(c.niche_tags)' : "'[]'::json"} as niche_tags,
    to_json(c.verified_credential_types) as verified_credential_types, c.credibility_score, c.credibility_level,
    ${creator ? 'c.total_followers, c.audience_quality' : '0 as total_followers, null::float8 as audience_quality'},
    c.capacity, c.active_deal_count, c.rate_currency, c.min_commission_bp,
    ${creator ? 'null::bigint' : 'c.min_fixed_fee'} as flat_min_fixed_fee, ${creator ? 'null::json' : 'to_json(c.capabilities)'} as capabilities,
    (select to_json(array_agg(distinct cr.type)) from credential cr
      where cr.holder_id = c.user_id and cr.status = 'VERIFIED' and (cr.expires_at is null or cr.expires_at > now())) as raw_credential_types,
    ${creator ? '(select jsonb_object_agg(r.format, r.min_fixed_fee) from creator_rate r where r.creator_id = c.id and r.currency = c.rate_currency)' : 'null::jsonb'} as rates,
    ${creator ? 'case when t.targets_audience then (select ca.audience from channel_account ca where ca.creator_id = c.id order by ca.followers desc, ca.id limit 1) end' : 'null::jsonb'} as audience,
    ${ROI_IN_VERTICALS(column, 'c.id', 't.record_verticals')} as track_record, va.vertical_average_roi_bp
  from target t ${VERTICAL_AVERAGE}
  cross join lateral (${picked}) picked
  join ${table} c on c.id = picked.id`;
}

/**
 * Everyone's average ROI in the brief's own verticals, or in its vertical family while its own
 * verticals have none: once per brief, not once per candidate.
 */
const VERTICAL_AVERAGE = `cross join lateral (select coalesce(${VERTICAL_AVERAGE_ROI('t.record_verticals')}, ${VERTICAL_AVERAGE_ROI('t.relevant_verticals')}) as vertical_average_roi_bp) va`;

const STATEMENTS: Record<CandidateKind, { market: string; named: string }> = {
  creator: {
    market: `${BRIEF_CONSTANTS}${matchedCte('creator')}${candidateSelect('creator', `select id from (${sources('creator')}) merged`)}`,
    named: `${BRIEF_CONSTANTS}${candidateSelect('creator', named('creator'))}`,
  },
  trader: {
    market: `${BRIEF_CONSTANTS}${matchedCte('trader')}${candidateSelect('trader', `select id from (${sources('trader')}) merged`)}`,
    named: `${BRIEF_CONSTANTS}${candidateSelect('trader', named('trader'))}`,
  },
};

/** Several briefs at once, for named talents only (opportunities, recommended briefs): the facts in a CTE, a LATERAL join per brief. */
const MANY_BRIEFS: Record<CandidateKind, string> = {
  creator: `${BRIEF_FACTS.replace('select b.id,', "select b.id, false as exclude_over_budget,")}${candidateSelect('creator', named('creator'))}`,
  trader: `${BRIEF_FACTS.replace('select b.id,', "select b.id, false as exclude_over_budget,")}${candidateSelect('trader', named('trader'))}`,
};

/**
 * The candidates of each brief that pass every hard constraint, for named creators or operators:
 * opportunities and recommended briefs. One brief goes through findBriefCandidates.
 */
export async function findCandidates(em: EntityManager, query: CandidateQuery): Promise<RetrievedCandidate[]> {
  if (!query.briefIds.length || (query.talentIds && !query.talentIds.length)) return [];
  if (query.briefIds.length === 1 || !query.talentIds) return (await Promise.all(query.briefIds.map((briefId) => findBriefCandidates(em, { ...query, briefIds: [briefId] })))).flatMap((found) => found.candidates);
  const rows = await em.getConnection().execute<CandidateRow[]>(MANY_BRIEFS[query.kind], [pgArray(query.briefIds), pgArray(query.talentIds)]);
  return rows.map((row) => ({ briefId: row.brief_id, id: row.id, candidate: toCandidate(query.kind, row) }));
}

/**
 * One brief's candidates (a brand's ranking, an agency's roster for it): the brief's facts first,
 * then the candidates with those facts as constants (BRIEF_CONSTANTS). The facts come back too,
 * so scoring needs no statement of its own. Null facts: no such brief.
 */
export async function findBriefCandidates(em: EntityManager, query: CandidateQuery): Promise<{ facts: BriefFacts | null; candidates: RetrievedCandidate[] }> {
  const connection = em.getConnection();
  const [facts] = await connection.execute<BriefFactsRow[]>(BRIEF_FACTS_STATEMENT, [pgArray(query.briefIds.slice(0, 1))]);
  if (!facts) return { facts: null, candidates: [] };
  const briefFacts = { requiredCredentials: facts.required_credentials, verticalNames: facts.vertical_names ?? {} };
  if (query.talentIds && !query.talentIds.length) return { facts: briefFacts, candidates: [] };
  const statements = STATEMENTS[query.kind];
  const rows = await connection.execute<CandidateRow[]>(
    query.talentIds ? statements.named : statements.market,
    [...briefConstants(facts, query.excludeOverBudget ?? false), ...(query.talentIds ? [pgArray(query.talentIds)] : [])],
  );
  return { facts: briefFacts, candidates: rows.map((row) => ({ briefId: row.brief_id, id: row.id, candidate: toCandidate(query.kind, row) })) };
}

const BRIEF_FACTS_STATEMENT = `${BRIEF_FACTS}
  select t.*, (select jsonb_object_agg(v.slug, v.name) from vertical v where v.slug = any(t.relevant_verticals)) as vertical_names from target t`;

function briefConstants(facts: BriefFactsRow, excludeOverBudget: boolean): unknown[] {
  return [
    facts.id,
    pgArray(facts.platforms),
    pgArray(facts.formats),
    facts.min_credibility_level,
    String(facts.budget_amount),
    facts.budget_currency,
    facts.slots,
    facts.targets_audience,
    pgArray(facts.required_credentials),
    pgArray(facts.relevant_verticals),
    pgArray(facts.record_verticals),
    pgArray(facts.niche_tags),
    pgArray(relevantCredentialTypes(facts.brief_verticals)),
    excludeOverBudget,
  ];
}

/**
 * The two statements findBriefCandidates runs for one brief over the whole market, with `$n`
 * placeholders for a bare `pg` client: the benchmark's raw-SQL comparison. `facts` takes the
 * brief's id; `candidates` takes `candidateParameters(factsRow)`.
 */
export function candidateStatements(kind: CandidateKind): { facts: string; candidates: string } {
  const numbered = (sql: string) => {
    let index = 0;
    return sql.replace(/\?/g, () => `$${++index}`);
  };
  return { facts: numbered(BRIEF_FACTS_STATEMENT), candidates: numbered(STATEMENTS[kind].market) };
}

/** Parameters of `candidateStatements(kind).candidates` for a row of the facts statement, everyone considered. */
export function candidateParameters(facts: Record<string, unknown>): unknown[] {
  return briefConstants(facts as unknown as BriefFactsRow, false);
}

function toCandidate(kind: CandidateKind, row: CandidateRow): MatchCandidate {
  const rates: Partial<Record<ContentFormat, number>> = {};
  for (const [format, fee] of Object.entries(row.rates ?? {})) rates[format as ContentFormat] = Number(fee);
  return {
    kind,
    verticalSlugs: row.vertical_slugs,
    nicheTags: row.niche_tags,
    verifiedCredentialTypes: row.verified_credential_types as CredentialType[],
    rawVerifiedCredentialTypes: (row.raw_credential_types ?? []) as CredentialType[],
    credibilityScore: row.credibility_score,
    credibilityLevel: row.credibility_level,
    audience: kind === 'creator' ? (row.audience ?? EMPTY_AUDIENCE) : null,
    audienceQuality: kind === 'creator' && Number(row.total_followers) > 0 && row.audience_quality !== null ? Number(row.audience_quality) : null,
    totalFollowers: Number(row.total_followers),
    capacity: row.capacity,
    activeDealCount: row.active_deal_count,
    rateCard: {
      currency: row.rate_currency,
      minFixedFeeByFormat: rates,
      flatMinFixedFee: row.flat_min_fixed_fee === null ? null : Number(row.flat_min_fixed_fee),
      minCommissionBp: row.min_commission_bp,
    },
    trackRecord: {
      dealsCompleted: Number(row.track_record.deals),
      roiBpInVertical: row.track_record.roi === null ? null : Math.round(Number(row.track_record.roi)),
      verticalAverageRoiBp: row.vertical_average_roi_bp === null ? null : Math.round(Number(row.vertical_average_roi_bp)),
    },
    ...(kind === 'trader' ? { capabilities: (row.capabilities ?? []) as TraderCapability[] } : {}),
  };
}

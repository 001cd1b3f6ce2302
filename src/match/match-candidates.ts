import type { EntityManager } from '@mikro-orm/postgresql';
import { ACTIVE_BID_STATUSES } from '../bid/bid.entity.js';
import { talentMeetsBriefSql } from '../bid/eligibility/eligibility.js';
import type { ContentFormat } from '../common/enums.js';
import { type AudienceProfile, EMPTY_AUDIENCE } from '../creator/audience.js';
import type { CredentialType } from '../credential/credential-type.js';
import type { TraderCapability } from '../trader/trader.entity.js';
import { ROI_IN_VERTICALS, VERTICAL_AVERAGE_ROI } from '../credibility/track-record.js';
import type { MatchCandidate } from './scoring.js';
import type { CandidateKind } from './weights.js';

/**
 * Candidate retrieval: the creators (or, for operated self-broadcasts, the operators) that pass
 * every hard constraint of a brief, found in PostgreSQL so the profile tables are never loaded
 * whole. One statement per candidate kind serves one brief or many (a LATERAL join per brief), so
 * a brand's ranking, an agency's opportunities and a creator's recommended briefs share it.
 *
 * Hard constraints, each a condition of the statement:
 * - credentials: `verified_credential_types` (verified, implied types included) contains every
 *   credential the brief or any of its products requires;
 * - credibility: `credibility_level` at least the brief's minimum;
 * - platforms: a creator holds a channel account on one of the brief's platforms
 *   (`creator.platforms`); an operator has run live rooms on one (`trader.platforms`). Every brief
 *   names at least one platform;
 * - formats: a creator has a rate-card line for one of the brief's formats
 *   (`creator.rate_formats`; every brief names at least one). Operators are priced per
 *   broadcast, not per format, so the format rule does not apply to them. Both creator arrays are
 *   summaries the services keep (CredibilityService.refreshForUser), so two GIN-indexed overlaps
 *   replace a subquery per creator; only the over-budget exclusion still reads the rate card;
 * - capacity: `active_deal_count < capacity`, written `(…) is true` so the planner reads the
 *   statistics kept on that comparison (migration 20261125100000) instead of assuming a third of
 *   the rows pass, which made briefs with a higher minimum level look narrow enough for bitmap scans;
 * - no active bid (SUBMITTED, SHORTLISTED, COUNTERED, AGREED) and no deal of any status on the
 *   brief already. A withdrawn, rejected or unselected bid may be followed by a new one, so it
 *   does not exclude.
 * Relevance pre-filter: the candidate works in the brief's verticals, their children, their parent
 *   verticals or those parents' other children (vertical fit is 0 for anyone else). Every brief has
 *   one, from its products; the condition is written plainly so the GIN index on vertical_slugs
 *   serves it.
 * Budget: over-budget candidates are kept and penalised by scoring (price fit 0, OVER_BUDGET)
 *   unless `excludeOverBudget` is set, since a creator may still bid below their card.
 * Cap: at most `limit` (CANDIDATE_CAP) candidates per brief, the most credible first (level, then
 *   score, then id, so the cut is deterministic).
 *
 * Audience: a creator's audience is that of their largest channel (most followers), because
 * platforms report shares per channel and averaging shares across channels of very different
 * sizes would describe nobody; the largest channel is where most of a brief's reach comes from.
 * It is read only for a brief that targets an audience (a gender, age bands or regions: what
 * audience fit compares); for any other, audience fit is 1 whatever the audience, and the lookup
 * and its ~0.5 kB of JSON per candidate were a quarter of the candidate statement's time.
 * Track record: from the settlement rows credibility reads too (credibility/track-record.ts): the
 * candidate's settled deals with an ROI in the brief's relevant verticals and their average ROI,
 * and everyone's average ROI there (scoring shrinks the first toward the second).
 */

/**
 * How many candidates of one brief are scored: the most credible that pass every hard constraint.
 * 200 is ten first pages of 20, enough for the diversity re-rank to find specialists to promote
 * and for a brand to page well past what it reads. The cap is what keeps a ranking cheap at scale:
 * with the brief's facts inlined as constants, PostgreSQL walks `creator_match_order` and stops at
 * the 200th candidate that passes (about 1,200 index entries for a broad beauty brief at 100,000
 * creators, ~10 ms by EXPLAIN ANALYZE), where 2,000 candidates meant a bitmap scan of all ~16,000
 * that pass, a sort, and the rate-card, audience and credential lookups for each (~170 ms). A cap
 * of 500 measured ~2× the time of 200 for pages nobody reads. The cost: a less credible creator
 * who would score higher on fit than the 200th is not considered; credibility weighs 10 % of the
 * score, and the cut still takes all the specialists a brief requires credentials of.
 */
export const CANDIDATE_CAP = 200;

export interface CandidateQuery {
  briefIds: readonly string[];
  kind: CandidateKind;
  /** Only these creators or operators (an agency's roster, a viewer's own profile); null for everyone. */
  talentIds?: readonly string[] | null;
  limit?: number;
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
 * Per brief: its effective required credentials (its own and its products'), and the verticals a
 * candidate must work in (the brief's, their children, their parents and the parents' children).
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
      ) as relevant_verticals
    from brief b where b.id = any(?::uuid[])`;

const BRIEF_FACTS = `
  with target as (${BRIEF_FACTS_SELECT}
  )`;

/**
 * One brief's facts as constants. A per-brief LATERAL subquery plans its conditions without
 * knowing the brief, so PostgreSQL assumes they are selective and gathers every creator that
 * passes through bitmap scans before sorting; given the actual arrays and levels, it sees that
 * walking `creator_match_order` finds the first CANDIDATE_CAP candidates after a few thousand
 * entries at most, and picks a bitmap scan only for briefs few creators pass.
 */
const BRIEF_CONSTANTS = `
  with target as (
    select ?::uuid as id, ?::text[] as platforms, ?::text[] as formats, ?::int as min_credibility_level,
      ?::bigint as budget_amount, ?::text as budget_currency, ?::int as slots, ?::boolean as targets_audience, ?::text[] as required_credentials,
      ?::text[] as relevant_verticals
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
  vertical_names: Record<string, string> | null;
}

/** What scoring needs of a brief besides the entity, read by the same statement as the candidates' conditions. */
export interface BriefFacts {
  /** The brief's own required credentials and its products'. */
  requiredCredentials: string[];
  /** Display names of the brief's verticals and their relatives, by slug. */
  verticalNames: Record<string, string>;
}

/**
 * Gathered once per brief (the subqueries depend on the brief alone) and tested as an array,
 * rather than probed with a subquery for every creator the indexes let through.
 */
const EXCLUDED_BY_BRIEF = (column: 'creator_id' | 'trader_id') => `
  and x.id <> all(array(select bid.${column} from bid where bid.brief_id = t.id and bid.${column} is not null and bid.status = any('${ACTIVE_BIDS}'::text[])))
  and x.id <> all(array(select deal.${column} from deal where deal.brief_id = t.id and deal.${column} is not null))`;

/**
 * The per-candidate lookups (credentials, rate card, largest channel, track record) run in the
 * outer select, so only for the capped candidates the inner, index-ordered scan returns.
 */
const TRACK_RECORD = (column: 'creator_id' | 'trader_id') => `
    ${ROI_IN_VERTICALS(column, 'c.id', 't.relevant_verticals')} as track_record, va.vertical_average_roi_bp`;

/** Everyone's average ROI in the brief's verticals: once per brief, not once per candidate. */
const VERTICAL_AVERAGE = `cross join lateral (select ${VERTICAL_AVERAGE_ROI('t.relevant_verticals')} as vertical_average_roi_bp) va`;

const RAW_CREDENTIALS = `
    (select to_json(array_agg(distinct cr.type)) from credential cr
      where cr.holder_id = c.user_id and cr.status = 'VERIFIED' and (cr.expires_at is null or cr.expires_at > now())) as raw_credential_types`;

/**
 * What both kinds return of the capped rows. Arrays come back as JSON: `pg` parses a PostgreSQL
 * array literal character by character in JavaScript, and the four arrays of 200 candidates took
 * longer to parse than the rest of each row; JSON.parse reads the same values for about half the
 * CPU of the whole result.
 */
const CANDIDATE_COLUMNS = `
  t.id as brief_id, c.id, to_json(c.vertical_slugs) as vertical_slugs, to_json(c.niche_tags) as niche_tags,
    to_json(c.verified_credential_types) as verified_credential_types, c.credibility_score, c.credibility_level, c.total_followers,
    c.capacity, c.active_deal_count, c.rate_currency, c.min_commission_bp, c.flat_min_fixed_fee, to_json(c.capabilities) as capabilities`;

/** The bidding rules a candidate must meet (bid/eligibility), inlined by PostgreSQL. */
const TALENT_MEETS_BRIEF = talentMeetsBriefSql('x', { requiredCredentials: 't.required_credentials', minCredibilityLevel: 't.min_credibility_level' });

const CREATOR_SELECT = `
  select ${CANDIDATE_COLUMNS}, ${RAW_CREDENTIALS},
    (select jsonb_object_agg(r.format, r.min_fixed_fee) from creator_rate r where r.creator_id = c.id and r.currency = c.rate_currency) as rates,
    case when t.targets_audience then
      (select ca.audience from channel_account ca where ca.creator_id = c.id order by ca.followers desc, ca.id limit 1) end as audience,
    ${TRACK_RECORD('creator_id')}
  from target t ${VERTICAL_AVERAGE} cross join lateral (
    select x.id, x.user_id, x.vertical_slugs, x.niche_tags, x.verified_credential_types, x.credibility_score, x.credibility_level,
      x.total_followers, x.capacity, x.active_deal_count, x.rate_currency, x.min_commission_bp, null::bigint as flat_min_fixed_fee,
      null::text[] as capabilities
    from creator x
    where ${TALENT_MEETS_BRIEF}
      and x.vertical_slugs && t.relevant_verticals
      and x.platforms && t.platforms
      and x.rate_formats && t.formats
      and (not ?::boolean or exists (select 1 from creator_rate r where r.creator_id = x.id and r.format = any(t.formats)
        and (r.currency <> t.budget_currency or r.min_fixed_fee <= t.budget_amount / t.slots)))
      and (?::uuid[] is null or x.id = any(?::uuid[]))
      ${EXCLUDED_BY_BRIEF('creator_id')}
    order by x.credibility_level desc, x.credibility_score desc, x.id
    limit ?
  ) c`;

const TRADER_SELECT = `
  select ${CANDIDATE_COLUMNS}, c.rates, c.audience, ${RAW_CREDENTIALS}, ${TRACK_RECORD('trader_id')}
  from target t ${VERTICAL_AVERAGE} cross join lateral (
    select x.id, x.user_id, x.vertical_slugs, '{}'::text[] as niche_tags, x.verified_credential_types, x.credibility_score, x.credibility_level,
      0 as total_followers, x.capacity, x.active_deal_count, x.rate_currency, x.min_commission_bp, x.min_fixed_fee as flat_min_fixed_fee,
      x.capabilities, null::jsonb as rates, null::jsonb as audience
    from trader x
    where ${TALENT_MEETS_BRIEF}
      and x.vertical_slugs && t.relevant_verticals
      and x.platforms && t.platforms
      and (not ?::boolean or x.rate_currency <> t.budget_currency or x.min_fixed_fee <= t.budget_amount / t.slots)
      and (?::uuid[] is null or x.id = any(?::uuid[]))
      ${EXCLUDED_BY_BRIEF('trader_id')}
    order by x.credibility_level desc, x.credibility_score desc, x.id
    limit ?
  ) c`;

/**
 * The candidates of each brief that pass every hard constraint, in one statement with a LATERAL
 * join per brief: for opportunities and recommended briefs, always for a few named creators or
 * operators. One brief goes through findBriefCandidates.
 */
export async function findCandidates(em: EntityManager, query: CandidateQuery): Promise<RetrievedCandidate[]> {
  if (!query.briefIds.length || (query.talentIds && !query.talentIds.length)) return [];
  if (query.briefIds.length === 1) return (await findBriefCandidates(em, query)).candidates;
  const talent = query.talentIds ? pgArray(query.talentIds) : null;
  const rows = await em
    .getConnection()
    .execute<CandidateRow[]>(`${BRIEF_FACTS}${query.kind === 'creator' ? CREATOR_SELECT : TRADER_SELECT}`, [
      pgArray(query.briefIds),
      query.excludeOverBudget ?? false,
      talent,
      talent,
      query.limit ?? CANDIDATE_CAP,
    ]);
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
  const talent = query.talentIds ? pgArray(query.talentIds) : null;
  const rows = await connection.execute<CandidateRow[]>(`${BRIEF_CONSTANTS}${query.kind === 'creator' ? CREATOR_SELECT : TRADER_SELECT}`, [
    ...briefConstants(facts),
    query.excludeOverBudget ?? false,
    talent,
    talent,
    query.limit ?? CANDIDATE_CAP,
  ]);
  return { facts: briefFacts, candidates: rows.map((row) => ({ briefId: row.brief_id, id: row.id, candidate: toCandidate(query.kind, row) })) };
}

const BRIEF_FACTS_STATEMENT = `${BRIEF_FACTS}
  select t.*, (select jsonb_object_agg(v.slug, v.name) from vertical v where v.slug = any(t.relevant_verticals)) as vertical_names from target t`;

function briefConstants(facts: BriefFactsRow): unknown[] {
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
  ];
}

/**
 * The two statements findCandidates runs for one brief, with `$n` placeholders for a bare `pg`
 * client: the benchmark's raw-SQL comparison. `facts` takes the brief's id; `candidates` takes
 * `candidateParameters(factsRow)`.
 */
export function candidateStatements(kind: CandidateKind): { facts: string; candidates: string } {
  const numbered = (sql: string) => {
    let index = 0;
    return sql.replace(/\?/g, () => `$${++index}`);
  };
  return { facts: numbered(BRIEF_FACTS_STATEMENT), candidates: numbered(`${BRIEF_CONSTANTS}${kind === 'creator' ? CREATOR_SELECT : TRADER_SELECT}`) };
}

/** Parameters of `candidateStatements(kind).candidates` for a row of the facts statement, everyone considered. */
export function candidateParameters(facts: Record<string, unknown>): unknown[] {
  return [...briefConstants(facts as unknown as BriefFactsRow), false, null, null, CANDIDATE_CAP];
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

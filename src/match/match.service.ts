import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { entitiesById } from '../db/map-row.js';
import { RosterMembership, RosterStatus } from '../agency/agency.entity.js';
import type { Agency } from '../agency/agency.entity.js';
import { type Brief, type DealStructure, type TargetGender } from '../brief/brief.entity.js';
import { talentKindFor } from '../bid/eligibility/eligibility.js';
import type { BriefService } from '../brief/brief.service.js';
import type { ContentFormat, Platform } from '../common/enums.js';
import type { PageRequest } from '../common/page.js';
import { AccessDenied, Problem, ProblemCode, type ProblemDetail } from '../common/problems.js';
import type { ServiceContext } from '../common/service-context.js';
import type { AgeBand } from '../creator/audience.js';
import { Creator } from '../creator/creator.entity.js';
import { Trader, type TraderCapability } from '../trader/trader.entity.js';
import { Vertical } from '../vertical/vertical.entity.js';
import { compareWithAbove } from './comparison.js';
import { diversify, DEFAULT_DIVERSITY_OPTIONS } from './diversity.js';
import { explore } from './exploration.js';
import { MatchProblem } from './match.problems.js';
import { estimateExpectedRoi, type ExpectedRoi } from './expected-roi.js';
import { findBriefCandidates, findCandidates, type RetrievedCandidate } from './match-candidates.js';
import { isNewcomer, type MatchBrief, type MatchScore, parentSlugOf, scoreCandidate } from './scoring.js';
import { type CandidateKind, MatchFactor, type MatchWeights, type MatchWeightsInput, validateWeights } from './weights.js';

/** How many open briefs an agency's opportunities or a talent's recommended briefs consider: the soonest deadlines. */
export const OPPORTUNITY_BRIEF_CAP = 200;

/** One ranked pair of a brief and a creator or operator. */
export interface Match {
  brief: Brief;
  kind: CandidateKind;
  talentId: string;
  /** Filled for the page being returned only. */
  creator: Creator | null;
  trader: Trader | null;
  score: MatchScore;
  /** Computed for the page being returned only. */
  expectedRoi: ExpectedRoi;
}

export interface MatchPage {
  items: Match[];
  /** Cursor of each item. */
  cursors: string[];
  totalCount: number;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

interface Ranked {
  brief: Brief;
  matchBrief: MatchBrief;
  retrieved: RetrievedCandidate;
  matchScore: MatchScore;
  /** matchScore.score, where the diversity re-rank reads it. */
  score: number;
  totalFollowers: number;
}

export interface RecommendationOptions {
  weights?: MatchWeightsInput | null;
  /** Restrict to the ACTIVE roster of this agency (the viewer must be its member). */
  agencyId?: string | null;
  /** Set when `agencyId` was given but named no agency, so the answer is NOT_FOUND on that argument. */
  agencyArgumentInvalid?: boolean;
}

/**
 * Match recommendations. Candidates come from PostgreSQL (match-candidates.ts); scoring, ranking,
 * the diversity re-rank and expected ROI are the pure functions of this folder. A ranking is
 * computed once per request for one (brief, weights, roster): pages and aliased fields of the same
 * request read it from a cache scoped to the request's EntityManager fork.
 */
export class MatchService {
  private readonly rankings = new WeakMap<EntityManager, Map<string, Promise<Ranked[]>>>();

  constructor(private readonly briefs: BriefService) {}

  /**
   * Ranked candidates for one brief: for the brand's members and admins, or, with `agencyId`, the
   * agency's ACTIVE roster for a member of that agency who can see the brief.
   */
  async recommendationsForBrief(context: ServiceContext, briefOrId: Brief | string | null, options: RecommendationOptions, page: PageRequest): Promise<MatchPage> {
    const { viewer } = context;
    if (options.agencyArgumentInvalid) throw Problem.notFound('agency', ['forAgency']);
    // A Brief passed in is the root of a field, so the query that produced it already checked that the viewer sees it.
    const brief = typeof briefOrId === 'string' ? await this.briefs.findVisible(context, briefOrId) : briefOrId;
    if (!brief || !viewer) throw Problem.notFound('brief', ['id']);
    const agencyId = options.agencyId ?? null;
    if (agencyId) {
      if (!viewer.isAdmin && !viewer.isAgencyMember(agencyId)) throw new AccessDenied('Only members of an agency may see matches from its roster.');
    } else if (!viewer.isAdmin && !viewer.isBrandMember(brief.brand.id)) {
      throw Problem.notFound('brief', ['id']);
    }
    const kind = talentKindFor(brief.objective);
    const weights = checkedWeights(options.weights, [kind]);
    const scope = `${brief.id}|${agencyId ?? ''}|${weightsKey(weights)}`;
    const ranked = await this.memoised(context.em, scope, async () => {
      const talentIds = agencyId ? await rosterTalentIds(context.em, [agencyId], kind) : null;
      const { facts, candidates: retrieved } = await findBriefCandidates(context.em, { briefIds: [brief.id], kind, talentIds });
      if (!facts) throw Problem.notFound('brief', ['id']);
      const matchBrief = toMatchBrief(brief, facts.requiredCredentials, facts.verticalNames);
      const scored = retrieved.map((candidate) => rank(brief, matchBrief, candidate, weights));
      return withExplorationPlaces(diversify(sortRanked(scored), { ...DEFAULT_DIVERSITY_OPTIONS }));
    });
    return this.page(context.em, ranked, scope, page, { compare: true });
  }

  /** Open briefs ranked for each member of the agency's ACTIVE roster, best pairs first. Members and admins only. */
  async opportunitiesForAgency(context: ServiceContext, agency: Agency, page: PageRequest): Promise<MatchPage> {
    const { viewer } = context;
    if (!viewer || (!viewer.isAdmin && !viewer.isAgencyMember(agency.id))) throw new AccessDenied('Only members of an agency may see its opportunities.');
    const scope = `agency|${agency.id}`;
    const ranked = await this.memoised(context.em, scope, async () => {
      const [creatorIds, traderIds] = await Promise.all([rosterTalentIds(context.em, [agency.id], 'creator'), rosterTalentIds(context.em, [agency.id], 'trader')]);
      return this.rankOpenBriefs(context, { creator: creatorIds, trader: traderIds });
    });
    return this.page(context.em, ranked, scope, page);
  }

  /** Open briefs the viewer's creator or operator profile passes every hard constraint for, best first. */
  async recommendedBriefs(context: ServiceContext, page: PageRequest): Promise<MatchPage> {
    const { viewer } = context;
    if (!viewer || (!viewer.creatorId && !viewer.traderId)) throw new AccessDenied('Recommended briefs are for creators and operators; create a profile first.');
    const scope = `talent|${viewer.creatorId ?? ''}|${viewer.traderId ?? ''}`;
    const ranked = await this.memoised(context.em, scope, () =>
      this.rankOpenBriefs(context, { creator: viewer.creatorId ? [viewer.creatorId] : [], trader: viewer.traderId ? [viewer.traderId] : [] }),
    );
    return this.page(context.em, ranked, scope, page);
  }

  /** What scoring needs of each brief: its effective required credentials and its verticals' names. */
  async matchBriefs(em: EntityManager, briefs: readonly Brief[]): Promise<MatchBrief[]> {
    if (!briefs.length) return [];
    const [required, verticals] = await Promise.all([
      em.getConnection().execute<{ id: string; required: string[] | null }[]>(
        `select bp.brief_id as id, array_agg(distinct product_required) as required
         from brief_product bp join product p on p.id = bp.product_id, unnest(p.required_credentials) product_required
         where bp.brief_id = any(?::uuid[]) group by bp.brief_id`,
        [`{${briefs.map((brief) => brief.id).join(',')}}`],
      ),
      em.find(Vertical, { slug: { $in: [...new Set(briefs.flatMap((brief) => [...brief.verticalSlugs, ...brief.verticalSlugs.map(parentSlugOf).filter((slug) => slug !== null)]))] } }),
    ]);
    const productRequired = new Map(required.map((row) => [row.id, row.required ?? []]));
    const verticalNames = Object.fromEntries(verticals.map((vertical) => [vertical.slug, vertical.name]));
    return briefs.map((brief) => toMatchBrief(brief, [...new Set([...brief.requiredCredentials, ...(productRequired.get(brief.id) ?? [])])], verticalNames));
  }

  private async rankOpenBriefs(context: ServiceContext, talent: Record<CandidateKind, readonly string[]>): Promise<Ranked[]> {
    const open = await this.briefs.list(context, {}, { first: OPPORTUNITY_BRIEF_CAP });
    const briefs = open.items;
    const matchBriefs = new Map((await this.matchBriefs(context.em, briefs)).map((matchBrief, index) => [briefs[index]!.id, matchBrief]));
    const byId = new Map(briefs.map((brief) => [brief.id, brief]));
    const weights = checkedWeights(null, ['creator', 'trader']);
    const ranked: Ranked[] = [];
    for (const kind of ['creator', 'trader'] as const) {
      const briefIds = briefs.filter((brief) => talentKindFor(brief.objective) === kind).map((brief) => brief.id);
      if (!talent[kind].length || !briefIds.length) continue;
      for (const retrieved of await findCandidates(context.em, { briefIds, kind, talentIds: talent[kind] })) {
        const brief = byId.get(retrieved.briefId)!;
        ranked.push(rank(brief, matchBriefs.get(brief.id)!, retrieved, weights));
      }
    }
    return sortRanked(ranked);
  }

  private memoised(em: EntityManager, key: string, compute: () => Promise<Ranked[]>): Promise<Ranked[]> {
    let cache = this.rankings.get(em);
    if (!cache) this.rankings.set(em, (cache = new Map()));
    let ranking = cache.get(key);
    if (!ranking) {
      ranking = compute();
      cache.set(key, ranking);
      // A failed computation is not cached: the next field of the request tries again.
      ranking.catch(() => cache.delete(key));
    }
    return ranking;
  }

  /** One page of a ranking: offset cursors bound to the ranking's scope, profiles loaded for the page only. */
  private async page(em: EntityManager, ranked: readonly Ranked[], scope: string, page: PageRequest, options: { compare?: boolean } = {}): Promise<MatchPage> {
    const tag = scopeTag(scope);
    const start = page.after ? decodeCursor(page.after, tag) + 1 : 0;
    const size = page.first ?? page.last ?? DEFAULT_PAGE;
    const slice = ranked.slice(start, start + size);
    const creatorIds = slice.filter((entry) => entry.retrieved.candidate.kind === 'creator').map((entry) => entry.retrieved.id);
    const traderIds = slice.filter((entry) => entry.retrieved.candidate.kind === 'trader').map((entry) => entry.retrieved.id);
    const [creators, traders] = await Promise.all([entitiesById(em, Creator, creatorIds), entitiesById(em, Trader, traderIds)]);
    const creatorById = new Map(creators.map((creator) => [creator.id, creator]));
    const traderById = new Map(traders.map((trader) => [trader.id, trader]));
    return {
      items: explained(ranked, start, slice, options.compare ?? false).map(({ entry, score, expectedRoi }) => ({
        brief: entry.brief,
        kind: entry.retrieved.candidate.kind,
        talentId: entry.retrieved.id,
        creator: creatorById.get(entry.retrieved.id) ?? null,
        trader: traderById.get(entry.retrieved.id) ?? null,
        score,
        expectedRoi,
      })),
      cursors: slice.map((_, index) => encodeCursor(start + index, tag)),
      totalCount: ranked.length,
      hasNextPage: start + size < ranked.length,
      hasPreviousPage: start > 0,
    };
  }
}

const DEFAULT_PAGE = 20;

/** Validated, normalised weights, or every problem as a typed error on the `weights` argument. */
function checkedWeights(input: MatchWeightsInput | null | undefined, kinds: readonly CandidateKind[]): MatchWeights {
  const validation = validateWeights(input, kinds);
  if (validation.ok) return validation.weights;
  throw new Problem(
    validation.problems.map((problem): ProblemDetail => ({
      code: MatchProblem[problem.code],
      field: problem.field ? ['weights', problem.field] : ['weights'],
      message: problem.message,
    })),
  );
}

function weightsKey(weights: MatchWeights): string {
  return Object.entries(weights)
    .map(([factor, weight]) => `${factor}=${weight}`)
    .join(',');
}

function rank(brief: Brief, matchBrief: MatchBrief, retrieved: RetrievedCandidate, weights: MatchWeights): Ranked {
  const matchScore = scoreCandidate(matchBrief, retrieved.candidate, weights);
  // The diversity re-rank caps reach that is real: a padded audience is not the reach it claims.
  const realFollowers = Math.round(retrieved.candidate.totalFollowers * (retrieved.candidate.audienceQuality ?? 1));
  return { brief, matchBrief, retrieved, matchScore, score: matchScore.score, totalFollowers: realFollowers };
}

/**
 * Exploration places for newcomers on each page, and no newcomer above a proven specialist with a
 * higher expected ROI in the first places (exploration.ts). A newcomer moved into a place says so
 * in its expected-ROI reason.
 */
function withExplorationPlaces(ranked: Ranked[]): Ranked[] {
  const { ranked: reordered, explored } = explore(ranked, (entry) => {
    const candidate = entry.retrieved.candidate;
    const factor = (name: MatchFactor) => entry.matchScore.factors.find((scored) => scored.factor === name)?.value ?? 0;
    return {
      newcomer: isNewcomer(candidate),
      provenSpecialist: !isNewcomer(candidate) && factor(MatchFactor.VERTICAL_FIT) === 1,
      expectedValue: factor(MatchFactor.TRACK_RECORD),
    };
  });
  return reordered.map((entry) => {
    if (!explored.has(entry)) return entry;
    const factors = entry.matchScore.factors.map((factor) =>
      factor.factor === MatchFactor.TRACK_RECORD ? { ...factor, reason: `Exploration place for a newcomer, shown ahead of higher scores so new talent gets a chance. ${factor.reason}` } : factor,
    );
    return { ...entry, matchScore: { ...entry.matchScore, factors } };
  });
}

/** The page's scores, each after the first of the ranking saying why it sits below the one above it (comparison.ts), and their expected ROI. */
function explained(ranked: readonly Ranked[], start: number, slice: readonly Ranked[], compare: boolean) {
  const expected = (entry: Ranked) => estimateExpectedRoi(entry.matchBrief, entry.retrieved.candidate);
  let above = compare && start > 0 ? { score: ranked[start - 1]!.matchScore, expectedRoi: expected(ranked[start - 1]!) } : null;
  return slice.map((entry, index) => {
    const here = { score: entry.matchScore, expectedRoi: expected(entry) };
    let score = entry.matchScore;
    if (above) {
      const comparison = compareWithAbove(start + index + 1, here, above);
      score = { ...score, factors: score.factors.map((factor) => (factor.factor === comparison.factor ? { ...factor, reason: `${factor.reason} ${comparison.sentence}` } : factor)) };
    }
    above = compare ? here : null;
    return { entry, score, expectedRoi: here.expectedRoi };
  });
}

/** Best score first; ties by credibility, then ids, so the order (and every cursor) is stable. */
function sortRanked(ranked: Ranked[]): Ranked[] {
  return ranked.sort(
      (a, b) =>
        b.score - a.score ||
        b.retrieved.candidate.credibilityScore - a.retrieved.candidate.credibilityScore ||
        a.brief.id.localeCompare(b.brief.id) ||
        a.retrieved.id.localeCompare(b.retrieved.id),
    );
}


async function rosterTalentIds(em: EntityManager, agencyIds: readonly string[], kind: CandidateKind): Promise<string[]> {
  const talentCondition = kind === 'creator' ? { creator: { $ne: null } } : { trader: { $ne: null } };
  const memberships = await em.find(RosterMembership, { agency: { $in: [...agencyIds] }, status: RosterStatus.ACTIVE, ...talentCondition });
  return memberships.flatMap((membership) => {
    const talent = kind === 'creator' ? membership.creator : membership.trader;
    return talent ? [talent.id] : [];
  });
}

function toMatchBrief(brief: Brief, requiredCredentials: readonly string[], verticalNames: Record<string, string>): MatchBrief {
  return {
    objective: brief.objective,
    verticalSlugs: brief.verticalSlugs,
    parentVerticalSlugs: [...new Set(brief.verticalSlugs.map(parentSlugOf).filter((slug) => slug !== null))],
    verticalNames,
    nicheTags: brief.nicheTags,
    requiredCredentials: [...requiredCredentials].sort() as MatchBrief['requiredCredentials'],
    targetAudience: { gender: brief.targetGender as TargetGender, ageBands: brief.targetAgeBands as AgeBand[], regions: brief.targetRegions },
    budget: brief.budgetAmount,
    currency: brief.budgetCurrency,
    slots: brief.slots,
    formats: brief.formats as ContentFormat[],
    platforms: brief.platforms as Platform[],
    preferredStructures: brief.preferredStructures as DealStructure[],
    requiredCapabilities: brief.requiredCapabilities as TraderCapability[],
  };
}

/** A short hash of what a ranking depends on, so a cursor from another ranking is refused. */
function scopeTag(scope: string): string {
  return createHash('sha256').update(scope).digest('base64url').slice(0, 12);
}

function encodeCursor(position: number, tag: string): string {
  return Buffer.from(`${position}:${tag}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string, tag: string): number {
  const [position, cursorTag] = Buffer.from(cursor, 'base64url').toString('utf8').split(':');
  const value = Number(position);
  if (cursorTag !== tag || !/^\d{1,9}$/.test(position ?? '') || !Number.isSafeInteger(value)) {
    throw Problem.of(ProblemCode.INVALID, '`after` is not a cursor from this list of matches.', ['after']);
  }
  return value;
}

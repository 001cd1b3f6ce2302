import { type Cursor, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Platform } from '../common/enums.js';
import { AccessDenied, parseInput, Problem, ProblemCode } from '../common/problems.js';
import { findPage, type PageRequest } from '../common/page.js';
import type { ServiceContext } from '../common/service-context.js';
import { entityById } from '../db/map-row.js';
import type { CredibilityService } from '../credibility/credibility.service.js';
import type { CredibilityLevel } from '../credibility/credibility.js';
import type { VerticalService } from '../vertical/vertical.service.js';
import { Trader, type TraderCapability } from './trader.entity.js';
import {
  rateColumns,
  type TraderProfileCreateValues,
  traderProfileCreateSchema,
  type TraderProfileUpdateValues,
  traderProfileUpdateSchema,
} from './trader.inputs.js';
import { flushOrProblem } from '../db/flush.js';

export interface TraderSearch {
  /** A top-level vertical stands for itself and all its children. */
  verticalSlug?: string | null;
  capability?: TraderCapability | null;
  platform?: Platform | null;
  minLevel?: CredibilityLevel | null;
}

/** Operator profiles: public, one per account, changed only by the account that owns it. */
export class TraderService {
  constructor(
    private readonly credibility: CredibilityService,
    private readonly verticals: VerticalService,
  ) {}

  async createProfile({ em, viewer }: ServiceContext, input: TraderProfileCreateValues): Promise<{ trader: Trader }> {
    if (!viewer) throw new AccessDenied('Sign in first.');
    const { rate, ...data } = parseInput(traderProfileCreateSchema, input);
    await this.verticals.resolveSlugs(em, data.verticalSlugs, ['input', 'verticalSlugs']);
    if (await em.count(Trader, { user: viewer.userId })) throw profileExists();

    const trader = em.create(Trader, { user: viewer.userId, ...data, ...rateColumns(rate) });
    // Two simultaneous creates for the same account: the unique index on user_id decides.
    await flushOrProblem(em, () => profileExists());
    // Credentials verified before the profile existed count from the start.
    await this.credibility.refreshForUser(em, viewer.userId);
    return { trader };
  }

  async updateProfile({ em, viewer }: ServiceContext, traderId: string | null, input: TraderProfileUpdateValues): Promise<{ trader: Trader }> {
    const trader = traderId ? await em.findOne(Trader, traderId) : null;
    if (!trader) throw Problem.notFound('operator', ['id']);
    // Profiles are public, so a stranger is told "not allowed", not "not found".
    if (trader.user.id !== viewer?.userId) throw new AccessDenied('Only the operator who owns this profile may change it.');
    const { rate, ...data } = parseInput(traderProfileUpdateSchema, input);
    if (data.verticalSlugs) await this.verticals.resolveSlugs(em, data.verticalSlugs, ['input', 'verticalSlugs']);
    for (const [key, value] of Object.entries(data)) {
      if (value != null) Object.assign(trader, { [key]: value });
    }
    if (rate) Object.assign(trader, rateColumns(rate));
    await em.flush();
    return { trader };
  }

  /** Public search, most credible first; an unknown vertical slug is refused, not silently empty. */
  async search(em: EntityManager, search: TraderSearch, page: PageRequest): Promise<Cursor<Trader>> {
    const where: FilterQuery<Trader> = {};
    if (search.verticalSlug != null) {
      await this.verticals.resolveSlugs(em, [search.verticalSlug], ['filter', 'verticalSlug']);
      where.verticalSlugs = { $overlap: await this.verticals.expandWithChildren(em, search.verticalSlug) };
    }
    if (search.capability != null) where.capabilities = { $contains: [search.capability] };
    if (search.platform != null) where.platforms = { $contains: [search.platform] };
    if (search.minLevel != null) where.credibilityLevel = { $gte: search.minLevel };
    return findPage(em, Trader, { where, orderBy: { credibilityScore: 'desc', id: 'asc' }, page });
  }

  /** A profile by id: the read behind every public lookup, so it skips building a query (db/map-row.ts). */
  byId(em: EntityManager, traderId: string): Promise<Trader | null> {
    return entityById(em, Trader, traderId);
  }

  /** The operator profiles of many accounts at once, in the order asked, null where there is none. */
  async byUserIds(em: EntityManager, userIds: readonly string[]): Promise<(Trader | null)[]> {
    const traders = await em.find(Trader, { user: { $in: [...userIds] } });
    const byUser = new Map(traders.map((trader) => [trader.user.id, trader]));
    return userIds.map((userId) => byUser.get(userId) ?? null);
  }
}

function profileExists(): Problem {
  return Problem.of(ProblemCode.PROFILE_EXISTS, 'This account already has an operator profile; update it instead.');
}

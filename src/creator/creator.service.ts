import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer.js';
import { AccessDenied, parseInput, Problem, ProblemCode } from '../common/problems.js';
import { findPage, type PageOfItems, type PageRequest } from '../common/page.js';
import { searchQuerySql } from '../common/search-text.js';
import { rankedPage } from '../db/ranked-page.js';
import type { ServiceContext } from '../common/service-context.js';
import { entityById } from '../db/map-row.js';
import type { CredibilityService } from '../credibility/credibility.service.js';
import type { VerticalService } from '../vertical/vertical.service.js';
import { type CreatorSearch, creatorSearchWhere } from './creator-filter.js';
import { ChannelAccount, Creator, CreatorRate } from './creator.entity.js';
import {
  type ChannelAccountAddValues,
  channelAccountAddSchema,
  type ChannelAccountUpdateValues,
  channelAccountUpdateSchema,
  type CreatorProfileCreateValues,
  creatorProfileCreateSchema,
  type CreatorProfileUpdateValues,
  creatorProfileUpdateSchema,
  type RateCardValues,
  rateCardSchema,
  withoutNulls,
} from './creator.inputs.js';
import { flushOrProblem } from '../db/flush.js';

/** A creator search as the API receives it: one vertical slug, not yet expanded to its children. */
export type CreatorSearchInput = Omit<CreatorSearch, 'verticalSlugs'> & { verticalSlug?: string };

type Nullable<T> = { [K in keyof T]?: T[K] | null };

/**
 * Creator profiles with their channel accounts and rate card. Profiles are public; only the
 * account that owns a profile may change it or anything on it.
 */
export class CreatorService {
  constructor(
    private readonly credibility: CredibilityService,
    private readonly verticals: VerticalService,
  ) {}

  async createProfile({ em, viewer }: ServiceContext, input: Nullable<CreatorProfileCreateValues>): Promise<{ creator: Creator }> {
    const userId = signedIn(viewer).userId;
    const data = parseInput(creatorProfileCreateSchema, withoutNulls(input));
    await this.verticals.resolveSlugs(em, data.verticalSlugs, ['input', 'verticalSlugs']);
    if (await em.count(Creator, { user: userId })) throw profileExists();

    const creator = em.create(Creator, { user: userId, ...data });
    await flushOrProblem(em, profileExists);
    // Credentials verified before the profile existed count from the start.
    await this.credibility.refreshForUser(em, userId);
    return { creator };
  }

  async updateProfile(context: ServiceContext, creatorId: string | null, input: Nullable<CreatorProfileUpdateValues>): Promise<{ creator: Creator }> {
    const creator = await this.ownCreator(context, creatorId, 'id');
    const data = parseInput(creatorProfileUpdateSchema, withoutNulls(input));
    if (data.verticalSlugs) await this.verticals.resolveSlugs(context.em, data.verticalSlugs, ['input', 'verticalSlugs']);
    Object.assign(creator, data);
    await context.em.flush();
    return { creator };
  }

  /** Replaces the whole rate card: formats left out lose their fee floor. */
  async setRateCard(context: ServiceContext, creatorId: string | null, input: RateCardValues): Promise<{ creator: Creator }> {
    const creator = await this.ownCreator(context, creatorId);
    const card = parseInput(rateCardSchema, input);
    const { em } = context;
    const current = new Map((await creator.rates.load()).getItems().map((rate) => [rate.format, rate]));
    for (const { format, minFixedFee } of card.rates) {
      const existing = current.get(format);
      // Updating a kept format in place, rather than deleting and re-inserting it, keeps the
      // (creator, format) unique index out of the way of the unit of work's statement order.
      if (existing) Object.assign(existing, { minFixedFee: minFixedFee.amount, currency: minFixedFee.currency });
      else em.create(CreatorRate, { creator, format, minFixedFee: minFixedFee.amount, currency: minFixedFee.currency });
      current.delete(format);
    }
    for (const dropped of current.values()) em.remove(dropped);
    Object.assign(creator, { rateCurrency: card.currency, minCommissionBp: card.minCommissionBp });
    await em.flush();
    await this.credibility.refreshForUser(em, creator.user.id);
    await creator.rates.init();
    return { creator };
  }

  async addChannelAccount(
    context: ServiceContext,
    creatorId: string | null,
    input: Nullable<ChannelAccountAddValues>,
  ): Promise<{ channelAccount: ChannelAccount; creator: Creator }> {
    const creator = await this.ownCreator(context, creatorId);
    const data = parseInput(channelAccountAddSchema, withoutNulls(input));
    const channelAccount = context.em.create(ChannelAccount, { creator, ...data });
    await flushOrProblem(context.em, () => duplicateHandle(data.platform, data.handle));
    await this.credibility.refreshForUser(context.em, creator.user.id);
    return { channelAccount, creator };
  }

  async updateChannelAccount(
    context: ServiceContext,
    channelAccountId: string | null,
    input: Nullable<ChannelAccountUpdateValues>,
  ): Promise<{ channelAccount: ChannelAccount; creator: Creator }> {
    const channelAccount = await this.ownChannelAccount(context, channelAccountId);
    const data = parseInput(channelAccountUpdateSchema, withoutNulls(input));
    Object.assign(channelAccount, data);
    await flushOrProblem(context.em, () => duplicateHandle(channelAccount.platform, channelAccount.handle));
    const creator = channelAccount.creator.getEntity();
    await this.credibility.refreshForUser(context.em, creator.user.id);
    return { channelAccount, creator };
  }

  async removeChannelAccount(context: ServiceContext, channelAccountId: string | null): Promise<{ removedId: string; creator: Creator }> {
    const channelAccount = await this.ownChannelAccount(context, channelAccountId);
    const creator = channelAccount.creator.getEntity();
    context.em.remove(channelAccount);
    await context.em.flush();
    await this.credibility.refreshForUser(context.em, creator.user.id);
    return { removedId: channelAccount.id, creator };
  }

  /**
   * Public search, most credible first, or best match first when `search` has words; an unknown
   * vertical slug is refused, not silently empty.
   */
  async search(em: EntityManager, search: CreatorSearchInput, page: PageRequest): Promise<PageOfItems<Creator>> {
    const { verticalSlug, ...rest } = search;
    let verticalSlugs: string[] | undefined;
    if (verticalSlug != null) {
      await this.verticals.resolveSlugs(em, [verticalSlug], ['filter', 'verticalSlug']);
      verticalSlugs = await this.verticals.expandWithChildren(em, verticalSlug);
    }
    const where = creatorSearchWhere({ ...rest, ...(verticalSlugs ? { verticalSlugs } : {}) });
    const words = search.search == null ? null : searchQuerySql(search.search);
    if (words) return rankedPage(em, Creator, where, words, page);
    return findPage(em, Creator, { where, orderBy: { credibilityScore: 'desc', id: 'asc' }, page });
  }

  /** A profile by id: the read behind every public lookup, so it skips building a query (db/map-row.ts). */
  byId(em: EntityManager, creatorId: string): Promise<Creator | null> {
    return entityById(em, Creator, creatorId);
  }

  channelAccountById(em: EntityManager, channelAccountId: string): Promise<ChannelAccount | null> {
    return em.findOne(ChannelAccount, channelAccountId);
  }

  /** The creator profiles of many accounts at once, in the order asked, null where there is none. */
  async byUserIds(em: EntityManager, userIds: readonly string[]): Promise<(Creator | null)[]> {
    const creators = await em.find(Creator, { user: { $in: [...userIds] } });
    const byUser = new Map(creators.map((creator) => [creator.user.id, creator]));
    return userIds.map((userId) => byUser.get(userId) ?? null);
  }

  /** The viewer's own creator, locked for this transaction so concurrent edits of it queue up. */
  private async ownCreator({ em, viewer }: ServiceContext, creatorId: string | null, field = 'creatorId'): Promise<Creator> {
    const creator = creatorId ? await em.findOne(Creator, creatorId, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
    if (!creator) throw Problem.notFound('creator', [field]);
    assertOwner(viewer, creator);
    return creator;
  }

  private async ownChannelAccount({ em, viewer }: ServiceContext, channelAccountId: string | null): Promise<ChannelAccount> {
    const channelAccount = channelAccountId ? await em.findOne(ChannelAccount, channelAccountId, { populate: ['creator'] }) : null;
    if (!channelAccount) throw Problem.notFound('channel account', ['id']);
    assertOwner(viewer, channelAccount.creator.getEntity());
    return channelAccount;
  }
}

function signedIn(viewer: Viewer | null): Viewer {
  if (!viewer) throw new AccessDenied('Sign in first.');
  return viewer;
}

/** Profiles and channels are public, so a stranger is told "not allowed", not "not found". */
function assertOwner(viewer: Viewer | null, creator: Creator): void {
  if (creator.user.id !== viewer?.userId) throw new AccessDenied('Only the creator who owns this profile may change it.');
}

function profileExists(): Problem {
  return Problem.of(ProblemCode.PROFILE_EXISTS, 'This account already has a creator profile; update it instead.');
}

function duplicateHandle(platform: string, handle: string): Problem {
  return Problem.of(ProblemCode.DUPLICATE, `The ${platform} account "${handle}" is already registered.`, ['input', 'handle']);
}

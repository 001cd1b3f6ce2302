import DataLoader from 'dataloader';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { User } from '../account/account.entity.js';
import { UserType } from '../account/account.types.js';
import type { CurrencyCode } from '../common/money.js';
import { CredibilityType, credibilityOf, numericCredibilityLevel } from '../credibility/credibility.types.js';
import { pageRequest, toConnection, withCursorCheck } from '../graphql/connection.js';
import { type RequestContext, loader } from '../graphql/context.js';
import { toGlobalId, idOfType } from '../graphql/global-id.js';
import { mutate } from '../graphql/mutation.js';
import { defineNode } from '../graphql/node.js';
import { ViewerNotNeeded } from '../graphql/viewer-loading.js';
import { Vertical } from '../vertical/vertical.entity.js';
import { verticalsOf } from '../vertical/vertical.loaders.js';
import { VerticalType } from '../vertical/vertical.types.js';
import { availableSlots } from './capacity.js';
import { ChannelAccount, Creator } from './creator.entity.js';
import type { CreatorSearchInput } from './creator.service.js';
import {
  ChannelAccountAddInput,
  ChannelAccountUpdateInput,
  CreatorFilter,
  CreatorProfileCreateInput,
  CreatorProfileUpdateInput,
  CreatorRateCardInput,
} from './creator.inputs.js';
import {
  ChannelAccountPayload,
  ChannelAccountRemovePayload,
  ChannelAccountType,
  CreatorConnection,
  CreatorProfilePayload,
  CreatorRateCardType,
  CreatorsArgs,
  CreatorType,
} from './creator.types.js';

defineNode({ typeName: 'Creator', entity: Creator, public: true, load: ({ em, services }, id) => services.creators.byId(em, id) });
defineNode({ typeName: 'ChannelAccount', entity: ChannelAccount, public: true, load: ({ em, services }, id) => services.creators.channelAccountById(em, id) });

const creatorsByUserId = (context: RequestContext) =>
  loader(context, 'creator.byUserId', ({ em, services }) => new DataLoader<string, Creator | null>((userIds) => services.creators.byUserIds(em, userIds)));

function toSearch(filter: CreatorFilter | null | undefined): CreatorSearchInput {
  const search: CreatorSearchInput = {};
  if (filter?.verticalSlug != null) search.verticalSlug = filter.verticalSlug;
  if (filter?.nicheTag != null) search.nicheTag = filter.nicheTag;
  if (filter?.kind != null) search.kind = filter.kind;
  if (filter?.platform != null) search.platform = filter.platform;
  if (filter?.minFollowers != null) search.minFollowers = filter.minFollowers;
  if (filter?.maxFollowers != null) search.maxFollowers = filter.maxFollowers;
  if (filter?.minLevel != null) search.minLevel = numericCredibilityLevel(filter.minLevel);
  if (filter?.search != null) search.search = filter.search;
  return search;
}

@Resolver(() => CreatorType)
export class CreatorResolver {
  @ViewerNotNeeded()
  @Query(() => CreatorConnection, {
    description: 'Creators matching the filter, most credible first (then by id). Public. An unknown vertical slug is refused with UNKNOWN_VERTICAL.',
  })
  async creators(@Args(() => CreatorsArgs) args: CreatorsArgs, @Ctx() { em, services }: RequestContext) {
    const page = pageRequest(args);
    return toConnection(await withCursorCheck(() => services.creators.search(em, toSearch(args.filter), page)));
  }

  @ViewerNotNeeded()
  @FieldResolver(() => [VerticalType], { description: 'The verticals the creator works in.' })
  async verticals(@Root() creator: Creator, @Ctx() context: RequestContext): Promise<Vertical[]> {
    return verticalsOf(context, creator.verticalSlugs);
  }

  @ViewerNotNeeded()
  @FieldResolver(() => [ChannelAccountType], { description: 'The creator’s accounts on each platform, largest first.' })
  async channelAccounts(@Root() creator: Creator): Promise<ChannelAccount[]> {
    return (await creator.channelAccounts.load()).getItems();
  }

  @ViewerNotNeeded()
  @FieldResolver(() => CreatorRateCardType, { description: 'The least the creator accepts.' })
  async rateCard(@Root() creator: Creator): Promise<CreatorRateCardType> {
    const rates = (await creator.rates.load()).getItems();
    return {
      currency: creator.rateCurrency as CurrencyCode,
      minCommissionBp: creator.minCommissionBp,
      rates: rates.map((rate) => ({
        format: rate.format,
        minFixedFee: { amount: rate.minFixedFee, currency: rate.currency as CurrencyCode },
      })),
    };
  }

  @ViewerNotNeeded()
  @FieldResolver(() => Int, { description: 'How many more deals the creator can take on now.' })
  availableSlots(@Root() creator: Creator): number {
    return availableSlots(creator.capacity, creator.activeDealCount);
  }

  @ViewerNotNeeded()
  @FieldResolver(() => CredibilityType, { description: 'Credibility earned from verified credentials, audience quality and track record.' })
  credibility(@Root() creator: Creator): CredibilityType {
    return credibilityOf(creator);
  }

  @Authorized()
  @Mutation(() => CreatorProfilePayload, { description: 'Creates the signed-in account’s creator profile; an account has at most one (PROFILE_EXISTS).' })
  creatorProfileCreate(@Arg('input', () => CreatorProfileCreateInput, { description: 'The new profile.' }) input: CreatorProfileCreateInput, @Ctx() context: RequestContext) {
    return mutate(context, (tx) => context.services.creators.createProfile(tx, input));
  }

  @Authorized()
  @Mutation(() => CreatorProfilePayload, { description: 'Changes a creator profile. Only its owner may; anyone else gets FORBIDDEN.' })
  creatorProfileUpdate(
    @Arg('id', () => ID, { description: 'Global id of the creator.' }) id: string,
    @Arg('input', () => CreatorProfileUpdateInput, { description: 'The fields to change.' }) input: CreatorProfileUpdateInput,
    @Ctx() context: RequestContext,
  ) {
    return mutate(context, (tx) => context.services.creators.updateProfile(tx, idOfType(id, 'Creator'), input));
  }

  @Authorized()
  @Mutation(() => CreatorProfilePayload, { description: 'Replaces a creator’s rate card. Only the owner may; anyone else gets FORBIDDEN.' })
  creatorRateCardSet(
    @Arg('creatorId', () => ID, { description: 'Global id of the creator.' }) creatorId: string,
    @Arg('input', () => CreatorRateCardInput, { description: 'The whole new rate card.' }) input: CreatorRateCardInput,
    @Ctx() context: RequestContext,
  ) {
    return mutate(context, (tx) => context.services.creators.setRateCard(tx, idOfType(creatorId, 'Creator'), input));
  }

  @Authorized()
  @Mutation(() => ChannelAccountPayload, {
    description: 'Adds a channel account to a creator and updates follower totals and credibility. Only the owner may; anyone else gets FORBIDDEN.',
  })
  channelAccountAdd(
    @Arg('creatorId', () => ID, { description: 'Global id of the creator.' }) creatorId: string,
    @Arg('input', () => ChannelAccountAddInput, { description: 'The account and its figures.' }) input: ChannelAccountAddInput,
    @Ctx() context: RequestContext,
  ) {
    return mutate(context, (tx) => context.services.creators.addChannelAccount(tx, idOfType(creatorId, 'Creator'), input));
  }

  @Authorized()
  @Mutation(() => ChannelAccountPayload, {
    description: 'Changes a channel account and updates follower totals and credibility. Only the creator may; anyone else gets FORBIDDEN.',
  })
  channelAccountUpdate(
    @Arg('id', () => ID, { description: 'Global id of the channel account.' }) id: string,
    @Arg('input', () => ChannelAccountUpdateInput, { description: 'The fields to change.' }) input: ChannelAccountUpdateInput,
    @Ctx() context: RequestContext,
  ) {
    return mutate(context, (tx) => context.services.creators.updateChannelAccount(tx, idOfType(id, 'ChannelAccount'), input));
  }

  @Authorized()
  @Mutation(() => ChannelAccountRemovePayload, {
    description: 'Removes a channel account and updates follower totals and credibility. Only the creator may; anyone else gets FORBIDDEN.',
  })
  channelAccountRemove(@Arg('id', () => ID, { description: 'Global id of the channel account.' }) id: string, @Ctx() context: RequestContext) {
    return mutate(context, async (tx) => {
      const { removedId, creator } = await context.services.creators.removeChannelAccount(tx, idOfType(id, 'ChannelAccount'));
      return { removedChannelAccountId: toGlobalId('ChannelAccount', removedId), creator };
    });
  }
}

@Resolver(() => ChannelAccountType)
export class ChannelAccountResolver {
  @FieldResolver(() => CreatorType, { description: 'The creator who holds the account.' })
  creator(@Root() channelAccount: ChannelAccount): Promise<Creator> {
    return channelAccount.creator.load() as Promise<Creator>;
  }
}

@Resolver(() => UserType)
export class UserCreatorProfileResolver {
  @FieldResolver(() => CreatorType, { nullable: true, description: 'The account’s creator profile, or null when it has none.' })
  creatorProfile(@Root() user: User, @Ctx() context: RequestContext): Promise<Creator | null> {
    return creatorsByUserId(context).load(user.id);
  }
}

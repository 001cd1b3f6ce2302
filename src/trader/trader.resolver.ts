import DataLoader from 'dataloader';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { UserType } from '../account/account.types.js';
import type { User } from '../account/account.entity.js';
import type { CurrencyCode } from '../common/money.js';
import { availableSlots } from '../creator/capacity.js';
import { CredibilityType, credibilityOf, numericCredibilityLevel } from '../credibility/credibility.types.js';
import { pageRequest, toConnection, withCursorCheck } from '../graphql/connection.js';
import { type RequestContext, loader } from '../graphql/context.js';
import { idOfType } from '../graphql/global-id.js';
import { mutate } from '../graphql/mutation.js';
import { defineNode } from '../graphql/node.js';
import { ViewerNotNeeded } from '../graphql/viewer-loading.js';
import type { Vertical } from '../vertical/vertical.entity.js';
import { verticalsOf } from '../vertical/vertical.loaders.js';
import { VerticalType } from '../vertical/vertical.types.js';
import { Trader } from './trader.entity.js';
import type { TraderSearch } from './trader.service.js';
import { type TraderFilter, TraderProfileCreateInput, TraderProfileUpdateInput } from './trader.inputs.js';
import { TraderConnection, TraderProfilePayload, TraderRate, TradersArgs, TraderType } from './trader.types.js';

defineNode({ typeName: 'Trader', entity: Trader, public: true, load: ({ em, services }, id) => services.traders.byId(em, id) });

const tradersByUserId = (context: RequestContext) =>
  loader(context, 'trader.byUserId', ({ em, services }) => new DataLoader<string, Trader | null>((userIds) => services.traders.byUserIds(em, userIds)));

function toSearch(filter: TraderFilter | null | undefined): TraderSearch {
  return {
    verticalSlug: filter?.verticalSlug ?? null,
    capability: filter?.capability ?? null,
    platform: filter?.platform ?? null,
    minLevel: filter?.minLevel != null ? numericCredibilityLevel(filter.minLevel) : null,
  };
}

@Resolver(() => TraderType)
export class TraderResolver {
  @ViewerNotNeeded()
  @Query(() => TraderConnection, {
    description: 'Live-stream operators matching the filter, most credible first (then by id). Public. An unknown vertical slug is refused with UNKNOWN_VERTICAL.',
  })
  async traders(@Args(() => TradersArgs) args: TradersArgs, @Ctx() { em, services }: RequestContext) {
    const page = pageRequest(args);
    return toConnection(await withCursorCheck(() => services.traders.search(em, toSearch(args.filter), page)));
  }

  @ViewerNotNeeded()
  @FieldResolver(() => [VerticalType], { description: 'The verticals the operator works in.' })
  async verticals(@Root() trader: Trader, @Ctx() context: RequestContext): Promise<Vertical[]> {
    return verticalsOf(context, trader.verticalSlugs);
  }

  @ViewerNotNeeded()
  @FieldResolver(() => Int, { description: 'How many more deals the operator can take on now.' })
  availableSlots(@Root() trader: Trader): number {
    return availableSlots(trader.capacity, trader.activeDealCount);
  }

  @ViewerNotNeeded()
  @FieldResolver(() => TraderRate, { description: 'The least the operator accepts per broadcast.' })
  rate(@Root() trader: Trader): TraderRate {
    return {
      minFixedFee: { amount: trader.minFixedFee, currency: trader.rateCurrency as CurrencyCode },
      minCommissionBp: trader.minCommissionBp,
    };
  }

  @ViewerNotNeeded()
  @FieldResolver(() => CredibilityType, { description: 'Credibility earned from verified credentials and, later, a verified track record.' })
  credibility(@Root() trader: Trader): CredibilityType {
    return credibilityOf(trader);
  }

  @Authorized()
  @Mutation(() => TraderProfilePayload, {
    description: 'Creates the signed-in account’s operator profile; an account has at most one (PROFILE_EXISTS). Credentials already verified count at once.',
  })
  traderProfileCreate(@Arg('input', () => TraderProfileCreateInput, { description: 'The new profile.' }) input: TraderProfileCreateInput, @Ctx() context: RequestContext) {
    return mutate(context, (tx) => context.services.traders.createProfile(tx, input));
  }

  @Authorized()
  @Mutation(() => TraderProfilePayload, { description: 'Changes an operator profile. Only its owner may; anyone else gets FORBIDDEN.' })
  traderProfileUpdate(
    @Arg('id', () => ID, { description: 'Global id of the operator.' }) id: string,
    @Arg('input', () => TraderProfileUpdateInput, { description: 'The changes.' }) input: TraderProfileUpdateInput,
    @Ctx() context: RequestContext,
  ) {
    return mutate(context, (tx) => context.services.traders.updateProfile(tx, idOfType(id, 'Trader'), input));
  }
}

@Resolver(() => UserType)
export class UserTraderProfileResolver {
  @FieldResolver(() => TraderType, { nullable: true, description: 'The account’s operator profile, or null when it has none.' })
  traderProfile(@Root() user: User, @Ctx() context: RequestContext): Promise<Trader | null> {
    return tradersByUserId(context).load(user.id);
  }
}

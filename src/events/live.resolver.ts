import { filter, pipe } from '@graphql-yoga/subscription';
import { GraphQLError } from 'graphql';
import { Arg, Authorized, Ctx, ID, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import type { Viewer } from '../auth/viewer.js';
import { actsAsBidder, seesAsParty } from '../bid/bid-visibility.js';
import { seesAllOfBrand } from '../brief/brief-visibility.js';
import type { RequestContext } from '../graphql/context.js';
import { forbidden } from '../graphql/errors.js';
import { idOfType, toGlobalId } from '../graphql/global-id.js';
import { type BidLiveEvent, channels, type DealLiveEvent, type LiveEvent } from './live-events.js';
import { BidEventType, DealEventType } from './live.types.js';

type Subscribe = SubscribeResolverData<unknown, Record<string, string>, RequestContext>;

/**
 * Listens on `channelNames` and lets through only the events `mayReceive` allows this viewer,
 * checked again for every event: being subscribed is never enough to receive. The viewer's
 * memberships are read afresh for each event too, not kept from when the socket connected: a
 * member removed from a brand or an agency stops receiving its bids with the next event, and
 * the event is then read with the rights the subscriber has now.
 */
async function deliver(context: RequestContext, channelNames: string[], mayReceive: (viewer: Viewer, event: LiveEvent) => boolean) {
  const { userId } = context.viewer!;
  const events = await context.liveEvents.subscribe(channelNames);
  return pipe(
    events,
    filter(async (event: LiveEvent) => {
      context.viewer = await context.services.accounts.loadViewer(context.em, userId);
      return context.viewer !== null && mayReceive(context.viewer, event);
    }),
  );
}

const notFound = (what: string) => new GraphQLError(`No ${what} with this id, or not one you may follow.`, { extensions: { code: 'BAD_USER_INPUT' } });

/**
 * Each event is read afresh for the subscriber: the subscription's identity map and loaders are
 * emptied first, so a bid delivered twice shows its state at each delivery, not the first one.
 */
function freshRead(context: RequestContext): void {
  context.em.clear();
  context.loaders.clear();
}

@Resolver()
export class LiveEventsResolver {
  @Authorized()
  @Subscription(() => BidEventType, {
    description:
      'Changes to the bids on a brief: submitted, revised, withdrawn, and the brand’s own answers. Members of the brand that posted the brief (and admins) only; a bidder follows their own bids with myBidStatusChanged.',
    subscribe: async ({ args, context }: Subscribe) => {
      const briefId = idOfType(args.briefId!, 'Brief');
      const brief = briefId ? await context.services.briefs.findVisible(context, briefId) : null;
      if (!brief) throw notFound('brief');
      if (!seesAllOfBrand(context.viewer, brief.brand.id)) throw forbidden('Only members of the brand that posted the brief may follow its bids.');
      return deliver(context, [channels.bidsOfBrief(brief.id)], (viewer, event) => event.type === 'bid' && seesAllOfBrand(viewer, event.parties.brandId));
    },
  })
  async bidEvents(
    @Root() event: BidLiveEvent,
    @Arg('briefId', () => ID, { description: 'The brief whose bids to follow.' }) _briefId: string,
    @Ctx() context: RequestContext,
  ): Promise<BidEventType> {
    return bidEvent(event, context);
  }

  @Authorized()
  @Subscription(() => BidEventType, {
    description:
      'Status changes of the bids you are on the bidding side of: those made in your creator or operator name, and those your agencies made. Talent and agency members only.',
    subscribe: async ({ context }: Subscribe) => {
      const viewer = context.viewer!;
      const channelNames = [
        ...(viewer.creatorId ? [channels.bidsOfCreator(viewer.creatorId)] : []),
        ...(viewer.traderId ? [channels.bidsOfTrader(viewer.traderId)] : []),
        ...[...viewer.agencyIds].map((agencyId) => channels.bidsOfAgency(agencyId)),
      ];
      if (!channelNames.length) throw forbidden('Only creators, operators and agency members have bids to follow.');
      return deliver(context, channelNames, (subscriber, event) => event.type === 'bid' && actsAsBidder(subscriber, event.parties));
    },
  })
  async myBidStatusChanged(@Root() event: BidLiveEvent, @Ctx() context: RequestContext): Promise<BidEventType> {
    return bidEvent(event, context);
  }

  @Authorized()
  @Subscription(() => DealEventType, {
    description: 'Amendments, deliverables, sales reports, settlement and status changes of a deal. Its parties (and admins) only.',
    subscribe: async ({ args, context }: Subscribe) => {
      const dealId = idOfType(args.dealId!, 'Deal');
      const deal = dealId ? await context.services.deals.visibleById(context, dealId) : null;
      if (!deal) throw notFound('deal');
      return deliver(context, [channels.deal(deal.id)], (viewer, event) => event.type === 'deal' && seesAsParty(viewer, event.parties));
    },
  })
  async dealEvents(
    @Root() event: DealLiveEvent,
    @Arg('dealId', () => ID, { description: 'The deal to follow.' }) _dealId: string,
    @Ctx() context: RequestContext,
  ): Promise<DealEventType> {
    freshRead(context);
    const deal = await context.services.deals.visibleById(context, event.dealId);
    if (!deal) throw notFound('deal');
    return {
      kind: event.kind,
      deal,
      subjectId: event.subjectId && event.subjectType ? toGlobalId(event.subjectType, event.subjectId) : null,
      occurredAt: new Date(event.occurredAt),
    };
  }
}

async function bidEvent(event: BidLiveEvent, context: RequestContext): Promise<BidEventType> {
  freshRead(context);
  const bid = await context.services.bids.visibleById(context, event.bidId);
  if (!bid) throw notFound('bid');
  return { kind: event.kind, bid, occurredAt: new Date(event.occurredAt) };
}

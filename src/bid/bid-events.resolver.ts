import { Arg, Authorized, Ctx, ID, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { seesAllOfBrand } from '../brief/brief.visibility.js';
import { deliver, freshRead, notFollowable } from '../events/delivery.js';
import type { RequestContext } from '../graphql/context.js';
import { forbidden } from '../graphql/errors.js';
import { idOfType } from '../graphql/global-id.js';
import { bidChannels, type BidLiveEvent, isBidEvent } from './bid.events.js';
import { actsAsBidder } from './bid.visibility.js';
import { BidEventType } from './bid-events.types.js';

type Subscribe = SubscribeResolverData<unknown, Record<string, string>, RequestContext>;

@Resolver()
export class BidEventsResolver {
  @Authorized()
  @Subscription(() => BidEventType, {
    description:
      'Changes to the bids on a brief: submitted, revised, withdrawn, and the brand’s own answers. Members of the brand that posted the brief (and admins) only; a bidder follows their own bids with myBidStatusChanged.',
    subscribe: async ({ args, context }: Subscribe) => {
      const briefId = idOfType(args.briefId!, 'Brief');
      const brief = briefId ? await context.services.briefs.findVisible(context, briefId) : null;
      if (!brief) throw notFollowable('brief');
      if (!seesAllOfBrand(context.viewer, brief.brand.id)) throw forbidden('Only members of the brand that posted the brief may follow its bids.');
      return deliver(context, [bidChannels.bidsOfBrief(brief.id)], (viewer, event) => isBidEvent(event) && seesAllOfBrand(viewer, event.parties.brandId));
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
        ...(viewer.creatorId ? [bidChannels.bidsOfCreator(viewer.creatorId)] : []),
        ...(viewer.traderId ? [bidChannels.bidsOfTrader(viewer.traderId)] : []),
        ...[...viewer.agencyIds].map((agencyId) => bidChannels.bidsOfAgency(agencyId)),
      ];
      if (!channelNames.length) throw forbidden('Only creators, operators and agency members have bids to follow.');
      return deliver(context, channelNames, (subscriber, event) => isBidEvent(event) && actsAsBidder(subscriber, event.parties));
    },
  })
  async myBidStatusChanged(@Root() event: BidLiveEvent, @Ctx() context: RequestContext): Promise<BidEventType> {
    return bidEvent(event, context);
  }
}

/** The bid as the subscriber may see it now, read afresh for each delivery. */
async function bidEvent(event: BidLiveEvent, context: RequestContext): Promise<BidEventType> {
  freshRead(context);
  const bid = await context.services.bids.visibleById(context, event.bidId);
  if (!bid) throw notFollowable('bid');
  return { kind: event.kind, bid, occurredAt: new Date(event.occurredAt) };
}

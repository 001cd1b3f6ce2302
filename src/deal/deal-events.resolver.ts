import { Arg, Authorized, Ctx, ID, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { seesAsParty } from '../bid/bid.visibility.js';
import { deliver, freshRead, notFollowable } from '../events/delivery.js';
import type { RequestContext } from '../graphql/context.js';
import { idOfType, toGlobalId } from '../graphql/global-id.js';
import { dealChannel, type DealLiveEvent, isDealEvent } from './deal.events.js';
import { DealEventType } from './deal-events.types.js';

type Subscribe = SubscribeResolverData<unknown, Record<string, string>, RequestContext>;

@Resolver()
export class DealEventsResolver {
  @Authorized()
  @Subscription(() => DealEventType, {
    description: 'Amendments, deliverables, sales reports, settlement and status changes of a deal. Its parties (and admins) only.',
    subscribe: async ({ args, context }: Subscribe) => {
      const dealId = idOfType(args.dealId!, 'Deal');
      const deal = dealId ? await context.services.deals.visibleById(context, dealId) : null;
      if (!deal) throw notFollowable('deal');
      return deliver(context, [dealChannel(deal.id)], (viewer, event) => isDealEvent(event) && seesAsParty(viewer, event.parties));
    },
  })
  async dealEvents(
    @Root() event: DealLiveEvent,
    @Arg('dealId', () => ID, { description: 'The deal to follow.' }) _dealId: string,
    @Ctx() context: RequestContext,
  ): Promise<DealEventType> {
    freshRead(context);
    const deal = await context.services.deals.visibleById(context, event.dealId);
    if (!deal) throw notFollowable('deal');
    return {
      kind: event.kind,
      deal,
      subjectId: event.subjectId && event.subjectType ? toGlobalId(event.subjectType, event.subjectId) : null,
      occurredAt: new Date(event.occurredAt),
    };
  }
}

import { randomUUID } from 'node:crypto';
import type { ServiceContext } from '../common/service-context.js';
import { dealParties } from '../deal/deal-visibility.js';
import type { Deal } from '../deal/deal.entity.js';
import type { BidLiveEvent, DealEventKind, DealLiveEvent, LiveEvent } from './live-events.js';

type NewEvent = Omit<BidLiveEvent, 'eventId' | 'occurredAt'> | Omit<DealLiveEvent, 'eventId' | 'occurredAt'>;

/**
 * Queues an event on the transaction it belongs to. `mutate` publishes the queue only after the
 * transaction commits, and drops it when the transaction rolls back, so subscribers never hear
 * of a change that did not happen. Outside a mutation (seeding, scripts) there is no queue and
 * nothing is published.
 */
export function publishAfterCommit(context: ServiceContext, event: NewEvent): void {
  context.pendingEvents?.push({ ...event, eventId: randomUUID(), occurredAt: new Date().toISOString() } as LiveEvent);
}

/**
 * A deal event for the deal's parties: `subject` names the record the event is about, by its API
 * type name and row id (for example `{ type: 'Deliverable', id: deliverable.id }`).
 */
export function publishDealEvent(context: ServiceContext, deal: Deal, kind: DealEventKind, subject?: { type: string; id: string }): void {
  publishAfterCommit(context, {
    type: 'deal',
    kind,
    dealId: deal.id,
    parties: dealParties(deal),
    subjectId: subject?.id ?? null,
    subjectType: subject?.type ?? null,
  });
}

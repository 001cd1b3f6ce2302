import type { Parties } from '../bid/bid.visibility.js';
import type { ServiceContext } from '../common/service-context.js';
import type { LiveEvent } from '../events/live-event.js';
import { publishAfterCommit } from '../events/publish.js';
import type { Deal } from './deal.entity.js';
import { dealParties } from './deal.visibility.js';

/** What happened on a deal: the kind of record added or changed, named by `subjectId`. */
export const DealEventKind = {
  STATUS_CHANGED: 'STATUS_CHANGED',
  AMENDMENT: 'AMENDMENT',
  DELIVERABLE: 'DELIVERABLE',
  SALES_REPORT: 'SALES_REPORT',
  SETTLEMENT: 'SETTLEMENT',
  DISPUTE: 'DISPUTE',
  REVIEW: 'REVIEW',
} as const;
export type DealEventKind = (typeof DealEventKind)[keyof typeof DealEventKind];

/** A deal event names the deal and its parties, so that each delivery is checked against the subscriber before the deal is read. */
export interface DealLiveEvent extends LiveEvent {
  type: 'deal';
  kind: DealEventKind;
  dealId: string;
  parties: Parties;
  /** The row the event is about (an amendment, a deliverable, a sales report…), if any. */
  subjectId: string | null;
  /** The subject's type name in the API (`DealDeliverable`, `SalesReport`…), for its global id. */
  subjectType: string | null;
}

export function isDealEvent(event: LiveEvent): event is DealLiveEvent {
  return event.type === 'deal';
}

/** Every event of a deal travels on the deal's own channel; only its parties may listen there. */
export const dealChannel = (dealId: string) => `deal:${dealId}`;

/**
 * A deal event for the deal's parties, published once the transaction commits: `subject` names the
 * record the event is about, by its API type name and row id (for example
 * `{ type: 'DealDeliverable', id: deliverable.id }`).
 */
export function publishDealEvent(context: ServiceContext, deal: Deal, kind: DealEventKind, subject?: { type: string; id: string }): void {
  publishAfterCommit<DealLiveEvent>(
    context,
    {
      type: 'deal',
      kind,
      dealId: deal.id,
      parties: dealParties(deal),
      subjectId: subject?.id ?? null,
      subjectType: subject?.type ?? null,
    },
    [dealChannel(deal.id)],
  );
}

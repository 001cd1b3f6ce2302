import type { Parties } from '../bid/bid-visibility.js';

/**
 * What subscribers are told. An event names what changed and who it concerns (its parties), never
 * the data itself: each subscriber reads the object afresh with their own rights, and the parties
 * let every delivery be checked against the subscriber before anything is read. Events travel as
 * JSON (through Redis between instances), so they hold only strings.
 */

/** What happened to a bid. */
export const BidEventKind = {
  SUBMITTED: 'SUBMITTED',
  REVISED: 'REVISED',
  WITHDRAWN: 'WITHDRAWN',
  SHORTLISTED: 'SHORTLISTED',
  REJECTED: 'REJECTED',
  COUNTERED: 'COUNTERED',
  COUNTER_ACCEPTED: 'COUNTER_ACCEPTED',
  ACCEPTED: 'ACCEPTED',
  NOT_SELECTED: 'NOT_SELECTED',
} as const;
export type BidEventKind = (typeof BidEventKind)[keyof typeof BidEventKind];

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

interface EventBase {
  /** Unique per event: a subscriber reached through two channels (talent and agency) sees it once. */
  eventId: string;
  parties: Parties;
  /** ISO 8601. */
  occurredAt: string;
}

export interface BidLiveEvent extends EventBase {
  type: 'bid';
  kind: BidEventKind;
  bidId: string;
  briefId: string;
  /** The bid's status after the change. */
  status: string;
}

export interface DealLiveEvent extends EventBase {
  type: 'deal';
  kind: DealEventKind;
  dealId: string;
  /** The row the event is about (an amendment, a deliverable, a sales report…), if any. */
  subjectId: string | null;
  /** The subject's type name in the API (`Deliverable`, `SalesReport`…), for its global id. */
  subjectType: string | null;
}

export type LiveEvent = BidLiveEvent | DealLiveEvent;

/**
 * The channels events travel on. A bid event goes to its brief's channel (for the brand) and to
 * each bidding party's channel (the talent's, the agency's); a deal event to the deal's channel.
 */
export const channels = {
  bidsOfBrief: (briefId: string) => `bids-of-brief:${briefId}`,
  bidsOfCreator: (creatorId: string) => `bids-of-creator:${creatorId}`,
  bidsOfTrader: (traderId: string) => `bids-of-trader:${traderId}`,
  bidsOfAgency: (agencyId: string) => `bids-of-agency:${agencyId}`,
  deal: (dealId: string) => `deal:${dealId}`,
};

/** Every channel an event is published on. */
export function channelsOf(event: LiveEvent): string[] {
  if (event.type === 'deal') return [channels.deal(event.dealId)];
  const { creatorId, traderId, agencyId } = event.parties;
  return [
    channels.bidsOfBrief(event.briefId),
    ...(creatorId ? [channels.bidsOfCreator(creatorId)] : []),
    ...(traderId ? [channels.bidsOfTrader(traderId)] : []),
    ...(agencyId ? [channels.bidsOfAgency(agencyId)] : []),
  ];
}

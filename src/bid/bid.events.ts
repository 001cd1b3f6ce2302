import type { ServiceContext } from '../common/service-context.js';
import type { LiveEvent } from '../events/live-event.js';
import { publishAfterCommit } from '../events/publish.js';
import type { Parties } from './bid.visibility.js';

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

/** A bid event names the bid and its parties, so that each delivery is checked against the subscriber before the bid is read. */
export interface BidLiveEvent extends LiveEvent {
  type: 'bid';
  kind: BidEventKind;
  bidId: string;
  briefId: string;
  /** The bid's status after the change. */
  status: string;
  parties: Parties;
}

export function isBidEvent(event: LiveEvent): event is BidLiveEvent {
  return event.type === 'bid';
}

/**
 * The channels bid events travel on: the brief's (for the brand) and each bidding party's (the
 * talent's, the agency's), so that a bidder follows every bid made in their name or by their agency.
 */
export const bidChannels = {
  bidsOfBrief: (briefId: string) => `bids-of-brief:${briefId}`,
  bidsOfCreator: (creatorId: string) => `bids-of-creator:${creatorId}`,
  bidsOfTrader: (traderId: string) => `bids-of-trader:${traderId}`,
  bidsOfAgency: (agencyId: string) => `bids-of-agency:${agencyId}`,
};

/** Tells a bid's parties, once the transaction commits, what happened to it. */
export function publishBidEvent(
  context: ServiceContext,
  bid: { bidId: string; briefId: string; status: string; parties: Parties },
  kind: BidEventKind,
): void {
  const { creatorId, traderId, agencyId } = bid.parties;
  publishAfterCommit<BidLiveEvent>(context, { type: 'bid', kind, ...bid }, [
    bidChannels.bidsOfBrief(bid.briefId),
    ...(creatorId ? [bidChannels.bidsOfCreator(creatorId)] : []),
    ...(traderId ? [bidChannels.bidsOfTrader(traderId)] : []),
    ...(agencyId ? [bidChannels.bidsOfAgency(agencyId)] : []),
  ]);
}

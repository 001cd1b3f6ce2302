import type { EntityManager } from '@mikro-orm/postgresql';
import { Problem, ProblemCode } from '../common/problems.js';
import { BidAction, nextBidStatus } from './bid-status.js';
import { ACTIVE_BID_STATUSES, Bid, type BidStatus } from './bid.entity.js';

const ACTION_PHRASES: Record<BidAction, string> = {
  SHORTLIST: 'shortlisted',
  REJECT: 'rejected',
  COUNTER: 'countered',
  REVISE: 'revised',
  ACCEPT_COUNTER: 'agreed to (there is no counter-proposal awaiting the bidder)',
  WITHDRAW: 'withdrawn',
  ACCEPT: 'accepted',
  CLOSE: 'closed',
};

/** Moves a bid through the transition table; a move it does not allow is an ILLEGAL_TRANSITION problem. */
export function moveBid(bid: Bid, action: BidAction): void {
  const next = nextBidStatus(bid.status, action);
  if (!next) throw Problem.of(ProblemCode.ILLEGAL_TRANSITION, illegalMoveMessage(bid.status, action), ['id']);
  bid.status = next;
}

function illegalMoveMessage(status: BidStatus, action: BidAction): string {
  return `This bid is ${status} and cannot be ${ACTION_PHRASES[action]}.`;
}

/**
 * Closes the active bids on a brief as NOT_SELECTED, through the transition table: when its
 * slots are full (all but the bid just accepted) or when it is cancelled. Call it in the
 * transaction that changes the brief, with the brief row locked, so no bid on it is accepted
 * meanwhile; the caller flushes.
 */
export async function closeActiveBids(em: EntityManager, briefId: string, options: { except?: string } = {}): Promise<void> {
  const active = await em.find(Bid, {
    brief: briefId,
    status: { $in: [...ACTIVE_BID_STATUSES] },
    ...(options.except ? { id: { $ne: options.except } } : {}),
  });
  for (const bid of active) moveBid(bid, BidAction.CLOSE);
}

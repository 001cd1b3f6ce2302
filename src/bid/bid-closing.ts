import { Problem, ProblemCode } from '../common/problems.js';
import type { ServiceContext } from '../common/service-context.js';
import { BidAction, bidTransitions } from './bid.transitions.js';
import { Bid, type BidStatus } from './bid.entity.js';
import { BidEventKind, publishBidEvent } from './bid.events.js';

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
  const next = bidTransitions.next(bid.status, action);
  if (!next) throw Problem.of(ProblemCode.ILLEGAL_TRANSITION, illegalMoveMessage(bid.status, action), ['id']);
  bid.status = next;
}

function illegalMoveMessage(status: BidStatus, action: BidAction): string {
  return `This bid is ${status} and cannot be ${ACTION_PHRASES[action]}.`;
}

/**
 * The statuses the system may close a bid from, and the one status it closes them to: both read
 * from the transition table (which, for one statement to do it, must send CLOSE to one status).
 */
const CLOSABLE_BID_STATUSES: readonly BidStatus[] = bidTransitions.statesAllowing(BidAction.CLOSE);
const CLOSED_BID_STATUS: BidStatus = onlyTarget(CLOSABLE_BID_STATUSES, BidAction.CLOSE);

function onlyTarget(from: readonly BidStatus[], action: BidAction): BidStatus {
  const targets = new Set(from.map((status) => bidTransitions.next(status, action)));
  const [target] = targets;
  if (targets.size !== 1 || !target) throw new Error(`one statement closes bids only if ${action} always leads to the same status`);
  return target;
}

/** Which of a brief's active bids to close. */
export interface BidsToClose {
  briefId: string;
  /** The brief's brand, for the events that tell the parties. */
  brandId: string;
  /** The bid just accepted: every other active bid closes when the last slot fills. */
  except?: string;
  /**
   * Whose invitation was just withdrawn: only the bids naming them (as talent or as the bidding
   * agency) that no remaining invitation of the brief still allows close.
   */
  uninvited?: { creatorId: string | null; traderId: string | null; agencyId: string | null };
}

/**
 * Closes active bids of a brief as NOT_SELECTED in one conditional statement, for an award, a
 * cancellation or a withdrawn invitation. The statement names the statuses the transition table
 * lets CLOSE leave, and PostgreSQL re-checks that condition on any row changed meanwhile, so a bid
 * rejected or withdrawn by a transaction that committed first keeps its status. Call it in the
 * transaction that changes the brief, with the brief row locked. Bids of the brief already loaded
 * in `em` are refreshed, so none of them is flushed back with its old status. Each closed bid's
 * parties hear of it once the transaction commits.
 */
export async function closeActiveBids(context: ServiceContext, scope: BidsToClose): Promise<number> {
  const { em } = context;
  const conditions = ['brief_id = ?', 'status = any(?::text[])'];
  const parameters: unknown[] = [scope.briefId, `{${CLOSABLE_BID_STATUSES.join(',')}}`];
  if (scope.except) {
    conditions.push('id <> ?');
    parameters.push(scope.except);
  }
  if (scope.uninvited) {
    conditions.push(
      `(creator_id = ? or trader_id = ? or agency_id = ?)
       and not exists (select 1 from brief_invitation invitation
                        where invitation.brief_id = bid.brief_id
                          and (invitation.creator_id = bid.creator_id or invitation.trader_id = bid.trader_id or invitation.agency_id = bid.agency_id))`,
    );
    parameters.push(scope.uninvited.creatorId, scope.uninvited.traderId, scope.uninvited.agencyId);
  }
  const closed = await em.execute<{ id: string; creator_id: string | null; trader_id: string | null; agency_id: string | null }[]>(
    `update bid set status = ?, updated_at = now() where ${conditions.join(' and ')} returning id, creator_id, trader_id, agency_id`,
    [CLOSED_BID_STATUS, ...parameters],
  );
  for (const row of closed) {
    publishBidEvent(
      context,
      {
        bidId: row.id,
        briefId: scope.briefId,
        status: CLOSED_BID_STATUS,
        parties: { brandId: scope.brandId, creatorId: row.creator_id, traderId: row.trader_id, agencyId: row.agency_id },
      },
      BidEventKind.NOT_SELECTED,
    );
  }
  const loaded = closed.map((row) => row.id).filter((id) => em.getUnitOfWork().getById(Bid, id));
  if (loaded.length) await em.find(Bid, { id: { $in: loaded } }, { refresh: true });
  return closed.length;
}

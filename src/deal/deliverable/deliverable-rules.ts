import type { DeliverableTerm } from '../../bid/bid.entity.js';
import type { DealStatus } from '../deal.entity.js';
import { DealAction } from '../deal.transitions.js';
import { DeliverableStatus } from './deliverable.entity.js';

const { APPROVED, DROPPED } = DeliverableStatus;

/**
 * Whether a deliverable is late: its due date has passed and no proof was submitted by then. A
 * first submission on time keeps it on time even if the brand later asked for changes (the talent
 * kept the date; the rework is the brand's call). Dropped work is never late.
 */
export function isLate(
  deliverable: { status: DeliverableStatus; dueAt: Date },
  submissions: readonly { submittedAt: Date }[],
  now: Date,
): boolean {
  if (deliverable.status === DROPPED) return false;
  const due = deliverable.dueAt.getTime();
  if (submissions.some((submission) => submission.submittedAt.getTime() <= due)) return false;
  return now.getTime() > due;
}

/** A deliverable row as reconciliation sees it. */
export interface LiveDeliverable {
  id: string;
  format: string;
  platform: string;
  description: string;
  dueAt: Date;
}

export interface DeliverablePlan {
  /** Rows the new terms still ask for, at their new position and due date; their history stays with them. */
  keep: { id: string; position: number; dueAt: Date }[];
  /** Rows the new terms no longer ask for. */
  drop: string[];
  /** Work the new terms ask for that no row tracks yet. */
  add: { position: number; term: DeliverableTerm }[];
}

/**
 * Matches the deliverables of new terms to the rows tracking the old ones. A term is the same work
 * as a live row with the same format, platform and description (first come, first matched), so a
 * moved due date keeps the row with its submissions and approval; anything else is new work, and
 * rows nothing matched are dropped.
 */
export function reconcileDeliverables(live: readonly LiveDeliverable[], terms: readonly DeliverableTerm[]): DeliverablePlan {
  const unmatched = [...live];
  const plan: DeliverablePlan = { keep: [], drop: [], add: [] };
  terms.forEach((term, position) => {
    const index = unmatched.findIndex((row) => row.format === term.format && row.platform === term.platform && row.description === term.description);
    if (index === -1) {
      plan.add.push({ position, term });
      return;
    }
    const [row] = unmatched.splice(index, 1);
    plan.keep.push({ id: row!.id, position, dueAt: new Date(term.dueAt) });
  });
  plan.drop = unmatched.map((row) => row.id);
  return plan;
}

/**
 * The move a deal makes once its deliverables changed: DELIVER when every deliverable still asked
 * for is approved, REOPEN when a delivered deal has work again; null when nothing changes. A deal
 * with no deliverables asked for is left as it is.
 */
export function deliveryMove(dealStatus: DealStatus, liveStatuses: readonly DeliverableStatus[]): DealAction | null {
  if (!liveStatuses.length) return null;
  const allApproved = liveStatuses.every((status) => status === APPROVED);
  if (allApproved && dealStatus === 'ACTIVE') return DealAction.DELIVER;
  if (!allApproved && dealStatus === 'DELIVERED') return DealAction.REOPEN;
  return null;
}

import { transitionTable } from '../common/transitions.js';
import { DealStatus } from './deal.entity.js';

/** What can happen to a deal, and who makes it happen. */
export const DealAction = {
  /** Either party: proposes or answers an amendment; the status stays. */
  AMEND: 'AMEND',
  /** Talent: submits a deliverable with its proof; brand: approves it or asks for changes. */
  WORK_ON_DELIVERABLES: 'WORK_ON_DELIVERABLES',
  /** System: the last deliverable was approved. */
  DELIVER: 'DELIVER',
  /** System: an accepted amendment added work after delivery, so the deal is active again. */
  REOPEN: 'REOPEN',
  /** Brand or its integration: reports orders, GMV and refunds for a period. */
  REPORT_SALES: 'REPORT_SALES',
  /** Brand or admin: pays out once everything was delivered. */
  SETTLE: 'SETTLE',
  /** Both parties agreed to call it off before delivery (or an admin did). */
  CANCEL: 'CANCEL',
  /** Either party: raises a dispute with a reason. */
  DISPUTE: 'DISPUTE',
  /** Admin: resolves a dispute by settling on the record as it stands. */
  RESOLVE_BY_SETTLING: 'RESOLVE_BY_SETTLING',
  /** Admin: resolves a dispute by cancelling the deal. */
  RESOLVE_BY_CANCELLING: 'RESOLVE_BY_CANCELLING',
  /** Admin: resolves a dispute by splitting the escrow between the sides; the deal ends there. */
  RESOLVE_BY_SPLITTING: 'RESOLVE_BY_SPLITTING',
} as const;
export type DealAction = (typeof DealAction)[keyof typeof DealAction];

const { ACTIVE, DELIVERED, SETTLED, CANCELLED, DISPUTED } = DealStatus;

/**
 * Every permitted move, and only those. Actions that keep the status (amending, working on
 * deliverables, reporting sales) are listed too, so that "may this happen now?" has one answer.
 * Sales keep arriving while a dispute is open, since the admin settles on the full record.
 * SETTLED and CANCELLED are final: nothing, not even an amendment, changes them.
 */
export const dealTransitions = transitionTable<DealStatus, DealAction>({
  [ACTIVE]: {
    AMEND: ACTIVE,
    WORK_ON_DELIVERABLES: ACTIVE,
    DELIVER: DELIVERED,
    REPORT_SALES: ACTIVE,
    CANCEL: CANCELLED,
    DISPUTE: DISPUTED,
  },
  [DELIVERED]: {
    AMEND: DELIVERED,
    REOPEN: ACTIVE,
    REPORT_SALES: DELIVERED,
    SETTLE: SETTLED,
    DISPUTE: DISPUTED,
  },
  [DISPUTED]: {
    REPORT_SALES: DISPUTED,
    RESOLVE_BY_SETTLING: SETTLED,
    RESOLVE_BY_CANCELLING: CANCELLED,
    RESOLVE_BY_SPLITTING: CANCELLED,
  },
  [SETTLED]: {},
  [CANCELLED]: {},
});

import { transitionTable } from '../common/transitions.js';
import { PayoutStatus } from './ledger.entity.js';

export const PayoutAction = {
  /** Admin: takes requested payouts into a batch sent to the bank. */
  BATCH: 'BATCH',
  /** Admin: the bank transfer went through, with its reference. */
  MARK_PAID: 'MARK_PAID',
  /** Admin: the transfer failed or bounced; the money returns to the payee's available balance. */
  MARK_FAILED: 'MARK_FAILED',
} as const;
export type PayoutAction = (typeof PayoutAction)[keyof typeof PayoutAction];

/** requested → processing → paid, or failed (the money returned to the balance). PAID and FAILED are final. */
export const payoutTransitions = transitionTable<PayoutStatus, PayoutAction>({
  [PayoutStatus.REQUESTED]: { BATCH: PayoutStatus.PROCESSING },
  [PayoutStatus.PROCESSING]: { MARK_PAID: PayoutStatus.PAID, MARK_FAILED: PayoutStatus.FAILED },
  [PayoutStatus.PAID]: {},
  [PayoutStatus.FAILED]: {},
});

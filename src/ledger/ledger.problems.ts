import { defineProblems } from '../common/problems.js';

/** Refusals of the ledger's rules: nothing is written when one is raised. */
export const LedgerProblem = defineProblems({
  INSUFFICIENT_FUNDS:
    'The brand’s balance does not cover this (a deal’s fixed fee when it starts, or commission and the platform fee at settlement); an admin confirms a deposit to top it up.',
  EXCEEDS_ESCROW: 'The amount is more than the deal still holds in escrow.',
  EXCEEDS_AVAILABLE: 'The payout is more than the payee has available in that currency.',
  NO_PAYOUT_DETAILS: 'The payee has no payout details yet; set them with payoutDetailsSet first.',
  DEPOSIT_REFERENCE_USED: 'A deposit with this bank-transfer reference was already confirmed; one transfer tops a balance up once.',
});

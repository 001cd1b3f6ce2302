import { transitionTable } from '../../common/transitions.js';
import type { DealStatus } from '../deal.entity.js';
import { DealAction, dealTransitions } from '../deal.transitions.js';
import { AmendmentStatus } from './amendment.entity.js';

/** What can be done to a proposed amendment, and by whom. */
export const AmendmentAction = {
  /** The other side: the proposed terms become the next version. */
  ACCEPT: 'ACCEPT',
  /** The other side: the terms stay as they are. */
  REJECT: 'REJECT',
  /** The proposing side: takes the proposal back. */
  WITHDRAW: 'WITHDRAW',
} as const;
export type AmendmentAction = (typeof AmendmentAction)[keyof typeof AmendmentAction];

/**
 * Where an amendment stands as its parties see it: its stored status, or LAPSED for a proposal
 * whose deal can no longer be amended. LAPSED is never stored: the deal's move to DISPUTED,
 * SETTLED or CANCELLED is what ends the proposal, and reading it from the deal's status keeps the
 * two from ever disagreeing, whichever path moved the deal.
 */
export const AmendmentState = { ...AmendmentStatus, LAPSED: 'LAPSED' } as const;
export type AmendmentState = (typeof AmendmentState)[keyof typeof AmendmentState];

/** Only a PROPOSED amendment can be answered; every answer is final, and so is a lapse. */
export const amendmentTransitions = transitionTable<AmendmentState, AmendmentAction>({
  PROPOSED: { ACCEPT: AmendmentStatus.ACCEPTED, REJECT: AmendmentStatus.REJECTED, WITHDRAW: AmendmentStatus.WITHDRAWN },
  ACCEPTED: {},
  REJECTED: {},
  WITHDRAWN: {},
  LAPSED: {},
});

/**
 * A proposal lapses once its deal takes no amendments: no answer could take effect any more, and
 * a deal that leaves the amendable statuses never returns to them (see the deal's transition
 * table), so the lapse is final. Answered amendments keep their answer.
 */
export function amendmentState(status: AmendmentStatus, dealStatus: DealStatus): AmendmentState {
  if (status === AmendmentStatus.PROPOSED && dealTransitions.next(dealStatus, DealAction.AMEND) === null) return AmendmentState.LAPSED;
  return status;
}

import { transitionTable } from '../../common/transitions.js';
import { DeliverableStatus } from './deliverable.entity.js';

/** What can happen to a deliverable. */
export const DeliverableAction = {
  /** Talent: hands in proof. */
  SUBMIT: 'SUBMIT',
  /** Brand: accepts the submitted proof. */
  APPROVE: 'APPROVE',
  /** Brand: asks for another submission, with a reason. */
  REQUEST_CHANGES: 'REQUEST_CHANGES',
  /** System: an accepted amendment no longer asks for it. */
  DROP: 'DROP',
} as const;
export type DeliverableAction = (typeof DeliverableAction)[keyof typeof DeliverableAction];

const { PENDING, SUBMITTED, CHANGES_REQUESTED, APPROVED, DROPPED } = DeliverableStatus;

/**
 * Every permitted move of a deliverable. A submission awaits the brand's answer before the next
 * one, so the brand always reviews the proof it was shown. Any deliverable the terms stop asking
 * for is dropped, approved ones included; DROPPED is final (work asked for again is a new row).
 */
export const deliverableTransitions = transitionTable<DeliverableStatus, DeliverableAction>({
  [PENDING]: { SUBMIT: SUBMITTED, DROP: DROPPED },
  [SUBMITTED]: { APPROVE: APPROVED, REQUEST_CHANGES: CHANGES_REQUESTED, DROP: DROPPED },
  [CHANGES_REQUESTED]: { SUBMIT: SUBMITTED, DROP: DROPPED },
  [APPROVED]: { DROP: DROPPED },
  [DROPPED]: {},
});

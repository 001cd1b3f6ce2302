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

/** Only a PROPOSED amendment can be answered; every answer is final. */
const TRANSITIONS: Readonly<Record<AmendmentStatus, Partial<Record<AmendmentAction, AmendmentStatus>>>> = {
  PROPOSED: { ACCEPT: AmendmentStatus.ACCEPTED, REJECT: AmendmentStatus.REJECTED, WITHDRAW: AmendmentStatus.WITHDRAWN },
  ACCEPTED: {},
  REJECTED: {},
  WITHDRAWN: {},
};

/** The status `action` moves an amendment to, or null when it is not allowed from `current`. */
export function nextAmendmentStatus(current: AmendmentStatus, action: AmendmentAction): AmendmentStatus | null {
  return TRANSITIONS[current][action] ?? null;
}

import { transitionTable } from '../common/transitions.js';
import { InvitationStatus } from './organisation.entity.js';

/** What can be done to an invitation: the invitee accepts or declines it, an owner revokes it. */
export const InvitationAction = { ACCEPT: 'ACCEPT', DECLINE: 'DECLINE', REVOKE: 'REVOKE' } as const;
export type InvitationAction = (typeof InvitationAction)[keyof typeof InvitationAction];

/** An invitation is answered once: whatever closed it, it stays closed, and a new offer is a new invitation. */
export const invitationTransitions = transitionTable<InvitationStatus, InvitationAction>({
  [InvitationStatus.INVITED]: {
    [InvitationAction.ACCEPT]: InvitationStatus.ACCEPTED,
    [InvitationAction.DECLINE]: InvitationStatus.DECLINED,
    [InvitationAction.REVOKE]: InvitationStatus.REVOKED,
  },
  [InvitationStatus.ACCEPTED]: {},
  [InvitationStatus.DECLINED]: {},
  [InvitationStatus.REVOKED]: {},
});

import { describe, expect, it } from 'vitest';
import { InvitationStatus } from './organisation.entity.js';
import { InvitationAction, invitationTransitions } from './organisation.transitions.js';

describe('invitationTransitions', () => {
  it.each([
    [InvitationAction.ACCEPT, InvitationStatus.ACCEPTED],
    [InvitationAction.DECLINE, InvitationStatus.DECLINED],
    [InvitationAction.REVOKE, InvitationStatus.REVOKED],
  ])('closes an open invitation on %s as %s', (action, closed) => {
    expect(invitationTransitions.next(InvitationStatus.INVITED, action)).toBe(closed);
  });

  it('allows every action only while the invitation is open, so it is answered once', () => {
    for (const action of Object.values(InvitationAction)) expect(invitationTransitions.statesAllowing(action)).toEqual([InvitationStatus.INVITED]);
  });
});

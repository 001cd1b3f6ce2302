import { describe, expect, it } from 'vitest';
import { CredentialStatus } from './credential.entity.js';
import { CredentialReview, credentialTransitions } from './credential.transitions.js';

describe('credentialTransitions', () => {
  it('turns a pending credential into the verdict', () => {
    expect(credentialTransitions.next(CredentialStatus.PENDING, CredentialReview.VERIFY)).toBe(CredentialStatus.VERIFIED);
    expect(credentialTransitions.next(CredentialStatus.PENDING, CredentialReview.REJECT)).toBe(CredentialStatus.REJECTED);
  });

  it('reviews a credential once: a verdict is never replaced by another', () => {
    for (const verdict of Object.values(CredentialReview)) expect(credentialTransitions.statesAllowing(verdict)).toEqual([CredentialStatus.PENDING]);
  });
});

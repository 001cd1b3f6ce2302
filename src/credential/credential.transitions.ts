import { transitionTable } from '../common/transitions.js';
import { CredentialStatus } from './credential.entity.js';

/** An admin's verdict on a submitted credential. */
export const CredentialReview = { VERIFY: 'VERIFY', REJECT: 'REJECT' } as const;
export type CredentialReview = (typeof CredentialReview)[keyof typeof CredentialReview];

/** A credential is reviewed once; a changed qualification is a new submission. */
export const credentialTransitions = transitionTable<CredentialStatus, CredentialReview>({
  [CredentialStatus.PENDING]: { [CredentialReview.VERIFY]: CredentialStatus.VERIFIED, [CredentialReview.REJECT]: CredentialStatus.REJECTED },
  [CredentialStatus.VERIFIED]: {},
  [CredentialStatus.REJECTED]: {},
});

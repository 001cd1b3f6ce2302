import type { FilterQuery } from '@mikro-orm/core';
import type { Viewer } from '../auth/viewer.js';
import { type Credential, CredentialStatus } from './credential.entity.js';

/**
 * Who sees what of a credential. A verified credential is public proof of a qualification; a
 * pending or rejected one, and the licence number, evidence and review note of any, are the
 * holder's business and the reviewing admins' only.
 */
export function seesPrivateDetails(viewer: Viewer | null, holderId: string): boolean {
  return viewer !== null && (viewer.isAdmin || viewer.userId === holderId);
}

export function seesCredential(viewer: Viewer | null, credential: { holderId: string; status: CredentialStatus }): boolean {
  return credential.status === CredentialStatus.VERIFIED || seesPrivateDetails(viewer, credential.holderId);
}

/** The same rule as `seesCredential`, as a database condition for loading many at once. */
export function visibleCredentialsWhere(viewer: Viewer | null): FilterQuery<Credential> {
  if (viewer?.isAdmin) return {};
  if (viewer) return { $or: [{ status: CredentialStatus.VERIFIED }, { holder: viewer.userId }] };
  return { status: CredentialStatus.VERIFIED };
}

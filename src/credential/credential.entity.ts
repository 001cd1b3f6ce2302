import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import { User } from '../account/account.entity.js';
import { CredentialType } from './credential-type.js';

export const CredentialStatus = {
  PENDING: 'PENDING',
  VERIFIED: 'VERIFIED',
  REJECTED: 'REJECTED',
} as const;
export type CredentialStatus = (typeof CredentialStatus)[keyof typeof CredentialStatus];

/**
 * A professional qualification held by a person. It belongs to the user, not to a profile, so
 * that the same verified licence counts for their creator and their trader profile alike.
 */
const CredentialSchema = defineEntity({
  name: 'Credential',
  checks: [
    {
      name: 'credential_review_consistent',
      expression: "(status = 'PENDING') = (reviewed_at is null)",
    },
    // Nobody verifies their own credential; the service says so first, the database makes sure.
    { name: 'credential_not_self_reviewed', expression: 'reviewed_by_id <> holder_id' },
  ],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    holder: () => p.manyToOne(User).ref().deleteRule('cascade').index(),
    type: p.enum(() => CredentialType),
    issuer: p.string().length(200),
    licenseNumber: p.string().length(100),
    evidenceUrl: p.string().length(1000).nullable(),
    status: p.enum(() => CredentialStatus).default(CredentialStatus.PENDING),
    expiresAt: p.datetime().nullable(),
    reviewedBy: () => p.manyToOne(User).ref().nullable(),
    reviewedAt: p.datetime().nullable(),
    reviewNote: p.text().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export class Credential extends CredentialSchema.class {}
CredentialSchema.setClass(Credential);

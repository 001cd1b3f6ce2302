import { z } from 'zod';
import { ProblemCode } from '../common/problems.js';
import { CredentialType } from './credential-type.js';

export const MAX_REVIEW_NOTE_LENGTH = 2000;

const reviewNote = z.string().trim().max(MAX_REVIEW_NOTE_LENGTH, `at most ${MAX_REVIEW_NOTE_LENGTH} characters`);

/** A credential as submitted. Built per call because "already expired" depends on the clock. */
export function credentialSubmitSchema(now: Date) {
  return z.object({
    type: z.enum(CredentialType),
    issuer: z.string().trim().min(1, 'issuers need 1 to 200 characters').max(200, 'issuers need 1 to 200 characters'),
    licenseNumber: z.string().trim().min(1, 'licence numbers need 1 to 100 characters').max(100, 'licence numbers need 1 to 100 characters'),
    evidenceUrl: z
      .url({ protocol: /^https?$/, error: 'must be an http or https address' })
      .max(1000, 'addresses have at most 1000 characters')
      .nullish()
      .transform((value) => value ?? null),
    expiresAt: z
      .date()
      .nullish()
      .transform((value) => value ?? null)
      .refine((value) => value === null || value > now, {
        message: 'the credential has already expired',
        params: { code: ProblemCode.INVALID },
      }),
  });
}
export type CredentialSubmitInput = z.input<ReturnType<typeof credentialSubmitSchema>>;

export const credentialVerifySchema = z.object({
  note: reviewNote
    .nullish()
    .transform((value) => value || null),
});
export type CredentialVerifyInput = z.input<typeof credentialVerifySchema>;

export const credentialRejectSchema = z.object({
  reason: reviewNote.min(1, 'say why the credential is rejected'),
});
export type CredentialRejectInput = z.input<typeof credentialRejectSchema>;

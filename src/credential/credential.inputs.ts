// Services load this file outside the schema build too (the CLI, seeds, tests), and its input
// classes' decorators need the metadata polyfill loaded first.
import 'reflect-metadata';
import { Field, InputType } from 'type-graphql';
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
export type CredentialSubmitValues = z.input<ReturnType<typeof credentialSubmitSchema>>;

export const credentialVerifySchema = z.object({
  note: reviewNote
    .nullish()
    .transform((value) => value || null),
});
export type CredentialVerifyValues = z.input<typeof credentialVerifySchema>;

export const credentialRejectSchema = z.object({
  reason: reviewNote.min(1, 'say why the credential is rejected'),
});
export type CredentialRejectValues = z.input<typeof credentialRejectSchema>;

@InputType({ description: 'A qualification to submit for review, held by the signed-in account.' })
export class CredentialSubmitInput {
  @Field(() => CredentialType, { description: 'The qualification.' })
  type!: CredentialType;

  @Field({ description: 'Who issued it, 1 to 200 characters.' })
  issuer!: string;

  @Field({ description: 'The licence or certificate number, 1 to 100 characters. Only the holder and admins see it.' })
  licenseNumber!: string;

  @Field(() => String, { nullable: true, description: 'An http(s) link to a scan or registry entry, at most 1000 characters. Only the holder and admins see it.' })
  evidenceUrl?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the qualification lapses; must be in the future. Omit when it does not lapse.' })
  expiresAt?: Date | null;
}

@InputType({ description: 'An admin’s confirmation of a credential.' })
export class CredentialVerifyInput {
  @Field(() => String, { nullable: true, description: 'Optional note for the holder, at most 2000 characters.' })
  note?: string | null;
}

@InputType({ description: 'An admin’s refusal of a credential.' })
export class CredentialRejectInput {
  @Field({ description: 'Why it is rejected, 1 to 2000 characters; the holder sees it.' })
  reason!: string;
}

import { z } from 'zod';

export const MAX_PROOF_URL_LENGTH = 2000;
export const MAX_NOTE_LENGTH = 2000;

/** `dealDeliverableSubmit`'s proof: where the work can be seen. */
export const proofUrlSchema = z
  .url({ protocol: /^https?$/, message: 'Give the proof as an http or https address.' })
  .max(MAX_PROOF_URL_LENGTH, `at most ${MAX_PROOF_URL_LENGTH} characters`)
  // Schemes are case-insensitive (HTTPS://… is a valid address); the stored proof spells it in
  // lower case, as the database's check on the column and every client expect.
  .transform((url) => url.replace(/^[a-z]+:/i, (scheme) => scheme.toLowerCase()));

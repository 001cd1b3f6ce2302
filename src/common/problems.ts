import type { z } from 'zod';

/**
 * A module's problem codes, each with the sentence the API's `UserErrorCode` enum describes it
 * with. Declared next to the rules that raise them (`defineProblems`); the composition root joins
 * every module's catalogue into the one GraphQL enum and refuses a code declared twice.
 */
export interface ProblemCatalogue {
  readonly descriptions: Readonly<Record<string, string>>;
}

export type ProblemCodes<T extends Record<string, string>> = { readonly [K in keyof T & string]: K } & ProblemCatalogue;

/** `{ CODE: 'description' }` to `{ CODE: 'CODE' }`, with the descriptions kept for the schema. */
export function defineProblems<const T extends Record<string, string>>(descriptions: T): ProblemCodes<T> {
  const codes = Object.fromEntries(Object.keys(descriptions).map((code) => [code, code]));
  Object.defineProperty(codes, 'descriptions', { value: Object.freeze({ ...descriptions }), enumerable: false });
  return codes as ProblemCodes<T>;
}

/** Codes raised by rules of more than one module, and by the infrastructure itself. */
export const ProblemCode = defineProblems({
  INVALID: 'A value is malformed; the message says how.',
  OUT_OF_RANGE: 'A number or length is outside its allowed range.',
  INVALID_EMAIL: 'The email address is not valid.',
  NOT_FOUND: 'No such object is available to you.',
  DUPLICATE: 'The same value is already registered.',
  PROFILE_EXISTS: 'The account already has this kind of profile.',
  INVITATION_NOT_PENDING: 'The invitation was already answered or withdrawn.',
  SELF_REVIEW: 'Nobody may review their own work: verify their own credential, or approve (or ask changes to) a deliverable their side delivers.',
  ALREADY_REVIEWED: 'The credential has already been reviewed, or your side has already reviewed this deal.',
  IDEMPOTENCY_KEY_REUSED: 'The idempotency key was already used with different input.',
  ILLEGAL_TRANSITION: 'The object’s current status does not allow this action.',
  CURRENCY_MISMATCH: 'An amount is in another currency than the one it must be in (e.g. the brief’s budget currency).',
  STALE_REVISION: 'The bid changed since the revision you agreed to; review the current revision and agree to it instead.',
});

/**
 * What a user can fix. Services throw a `Problem` for an expected failure; the GraphQL layer turns
 * it into `userErrors` on the mutation's payload, and the surrounding transaction rolls back, so
 * a rejected request never leaves a partial write.
 */
export interface ProblemDetail {
  /** A code from `ProblemCode` or from the catalogue of the module whose rule was broken. */
  code: string;
  /** Path to the input field at fault, e.g. `["input", "channelAccounts", 0, "followers"]`. */
  field: (string | number)[] | null;
  message: string;
}

export class Problem extends Error {
  readonly details: ProblemDetail[];

  constructor(details: ProblemDetail | ProblemDetail[]) {
    const list = Array.isArray(details) ? details : [details];
    super(list.map((detail) => detail.message).join('; '));
    this.name = 'Problem';
    this.details = list;
  }

  static of(code: string, message: string, field: (string | number)[] | null = null): Problem {
    return new Problem({ code, message, field });
  }

  /** "Not found", phrased the same whether the object is missing or private to someone else. */
  static notFound(what: string, field: (string | number)[] | null = null): Problem {
    return Problem.of(ProblemCode.NOT_FOUND, `No ${what} with that id is available to you.`, field);
  }
}

/**
 * Validates service input with a zod schema; every issue becomes one user error whose field
 * path starts at `root` (the GraphQL argument name).
 */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown, root = 'input'): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new Problem(
    result.error.issues.map((issue) => {
      const params = 'params' in issue ? (issue.params as { code?: string } | undefined) : undefined;
      const code =
        params?.code ??
        (issue.code === 'too_small' || issue.code === 'too_big' ? ProblemCode.OUT_OF_RANGE : ProblemCode.INVALID);
      return { code, field: [root, ...issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part))], message: issue.message };
    }),
  );
}

/**
 * The viewer may see the object but may not do this to it (a brand's public profile edited by a
 * non-member). The API answers with a top-level FORBIDDEN. For objects the viewer may not even
 * see, services throw `Problem.notFound` instead, so nothing hints that the object exists.
 */
export class AccessDenied extends Error {
  constructor(message = 'You do not have access to this operation.') {
    super(message);
    this.name = 'AccessDenied';
  }
}

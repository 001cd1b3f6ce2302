import type { z } from 'zod';

/**
 * What a user can fix. Services throw a `Problem` for an expected failure; the GraphQL layer turns
 * it into `userErrors` on the mutation's payload, and the surrounding transaction rolls back, so
 * a rejected request never leaves a partial write.
 */
export const ProblemCode = {
  INVALID: 'INVALID',
  OUT_OF_RANGE: 'OUT_OF_RANGE',
  INVALID_EMAIL: 'INVALID_EMAIL',
  PASSWORD_TOO_SHORT: 'PASSWORD_TOO_SHORT',
  EMAIL_TAKEN: 'EMAIL_TAKEN',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  NOT_FOUND: 'NOT_FOUND',
  UNKNOWN_VERTICAL: 'UNKNOWN_VERTICAL',
  DUPLICATE: 'DUPLICATE',
  PROFILE_EXISTS: 'PROFILE_EXISTS',
  ALREADY_MEMBER: 'ALREADY_MEMBER',
  ALREADY_INVITED: 'ALREADY_INVITED',
  ALREADY_ON_ROSTER: 'ALREADY_ON_ROSTER',
  INVITATION_NOT_PENDING: 'INVITATION_NOT_PENDING',
  ROSTER_MEMBERSHIP_CLOSED: 'ROSTER_MEMBERSHIP_CLOSED',
  SELF_REVIEW: 'SELF_REVIEW',
  ALREADY_REVIEWED: 'ALREADY_REVIEWED',
  LAST_OWNER: 'LAST_OWNER',
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  ILLEGAL_TRANSITION: 'ILLEGAL_TRANSITION',
  CURRENCY_MISMATCH: 'CURRENCY_MISMATCH',
  BRIEF_NOT_OPEN: 'BRIEF_NOT_OPEN',
  NOT_INVITED: 'NOT_INVITED',
  MISSING_CREDENTIAL: 'MISSING_CREDENTIAL',
  BELOW_MIN_LEVEL: 'BELOW_MIN_LEVEL',
  ALREADY_BID: 'ALREADY_BID',
  AT_CAPACITY: 'AT_CAPACITY',
  WRONG_BIDDER_KIND: 'WRONG_BIDDER_KIND',
  NOT_ON_ROSTER: 'NOT_ON_ROSTER',
  COUNTER_PENDING: 'COUNTER_PENDING',
  STALE_REVISION: 'STALE_REVISION',
  SLOTS_FULL: 'SLOTS_FULL',
  BRIEF_NOT_EDITABLE: 'BRIEF_NOT_EDITABLE',
  DEADLINE_IN_PAST: 'DEADLINE_IN_PAST',
  NEGATIVE_WEIGHT: 'NEGATIVE_WEIGHT',
  NON_FINITE_WEIGHT: 'NON_FINITE_WEIGHT',
  ALL_WEIGHTS_ZERO: 'ALL_WEIGHTS_ZERO',
  WRONG_SIDE: 'WRONG_SIDE',
  AMENDMENT_PENDING: 'AMENDMENT_PENDING',
  NEGATIVE_AMOUNT: 'NEGATIVE_AMOUNT',
  REFUNDS_EXCEED_GMV: 'REFUNDS_EXCEED_GMV',
  SALES_REPORT_CONFLICT: 'SALES_REPORT_CONFLICT',
  REPORT_SUPERSEDED: 'REPORT_SUPERSEDED',
  PERIOD_OVERLAP: 'PERIOD_OVERLAP',
  DEAL_NOT_DELIVERED: 'DEAL_NOT_DELIVERED',
  DEAL_NOT_SETTLED: 'DEAL_NOT_SETTLED',
  WORK_STARTED: 'WORK_STARTED',
} as const;
export type ProblemCode = (typeof ProblemCode)[keyof typeof ProblemCode];

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

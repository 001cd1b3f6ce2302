import { z } from 'zod';
import { ContentFormat, Platform } from '../common/enums.js';
import { basisPointsSchema, type CurrencyCode, moneySchema } from '../common/money.js';
import { Problem, type ProblemDetail, ProblemCode, parseInput } from '../common/problems.js';
import type { DeliverableTerm } from './bid.entity.js';

export const MAX_DELIVERABLES = 20;
export const MAX_DELIVERABLE_DESCRIPTION = 2000;
export const MAX_PITCH_LENGTH = 5000;
export const MAX_MESSAGE_LENGTH = 5000;
/** What the brand tells bidders when it rejects a bid or cancels a brief. */
export const MAX_REASON_LENGTH = 2000;
/** Deliverables are promised within a year; anything later is a typo or a promise nobody tracks. */
export const MAX_DUE_DAYS = 365;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Terms as a client sends them, on a bid, a revision or a counter. */
export interface BidTermsInput {
  fixedFee: { amount: number; currency: string };
  commissionBp: number;
  gmvGuarantee?: { amount: number; currency: string } | null;
  agencyShareBp?: number | null;
  deliverables: { format: string; platform: string; dueAt: Date; description: string }[];
}

/** Terms as a revision stores them: one currency, minor units, basis points. */
export interface ProposedTerms {
  currency: CurrencyCode;
  fixedFee: number;
  commissionBp: number;
  gmvGuarantee: number | null;
  agencyShareBp: number | null;
  deliverables: DeliverableTerm[];
}

/** What the terms are checked against: the brief, the clock, and who may state the agency's share. */
export interface TermsContext {
  /** The brief's budget currency; every amount must be in it. */
  currency: string;
  /** The brief's formats and platforms; an empty list means the brief accepts any. */
  formats: readonly string[];
  platforms: readonly string[];
  now: Date;
  /**
   * The agency's share is between the agency and its talent: only an agency states it, on its own
   * bids. `allowed` says whether this author may give it; `fallback` is used when it is not given.
   */
  agencyShare: { allowed: boolean; fallback: number | null };
  /**
   * Due dates already agreed (a deal's terms in force), in milliseconds: an amendment restates them
   * as they are, so they stay acceptable after they have passed.
   */
  agreedDueDates?: ReadonlySet<number>;
}

const termsSchema = z.object({
  fixedFee: moneySchema,
  commissionBp: basisPointsSchema,
  gmvGuarantee: moneySchema
    .extend({ amount: moneySchema.shape.amount.min(1, 'a GMV guarantee must be more than 0; leave it out for none') })
    .nullish(),
  agencyShareBp: basisPointsSchema.nullish(),
  deliverables: z
    .array(
      z.object({
        format: z.enum(ContentFormat),
        platform: z.enum(Platform),
        dueAt: z.date(),
        description: z
          .string()
          .trim()
          .min(1, 'describe the deliverable')
          .max(MAX_DELIVERABLE_DESCRIPTION, `at most ${MAX_DELIVERABLE_DESCRIPTION} characters`),
      }),
    )
    .min(1, 'promise at least one deliverable')
    .max(MAX_DELIVERABLES, `at most ${MAX_DELIVERABLES} deliverables`),
});

/**
 * Validates proposed terms against the brief. Every problem is reported at once, each at its own
 * field under `root` (e.g. `["input", "terms"]`), so the client can fix them in one pass.
 */
export function parseBidTerms(input: BidTermsInput, context: TermsContext, root: string[]): ProposedTerms {
  const terms = parseInputAt(termsSchema, input, root);
  const path = (...rest: (string | number)[]) => [...root, ...rest];
  const problems: ProblemDetail[] = [];

  if (terms.fixedFee.currency !== context.currency) problems.push(currencyMismatch(context.currency, path('fixedFee', 'currency')));
  if (terms.gmvGuarantee && terms.gmvGuarantee.currency !== context.currency) {
    problems.push(currencyMismatch(context.currency, path('gmvGuarantee', 'currency')));
  }
  if (terms.agencyShareBp != null && !context.agencyShare.allowed) {
    problems.push({
      code: ProblemCode.INVALID,
      field: path('agencyShareBp'),
      message: 'Only an agency states its share, on the bids it submits for its roster; leave agencyShareBp out.',
    });
  }
  const latestDue = context.now.getTime() + MAX_DUE_DAYS * DAY_MS;
  terms.deliverables.forEach((deliverable, index) => {
    if (context.formats.length && !context.formats.includes(deliverable.format)) {
      problems.push({
        code: ProblemCode.INVALID,
        field: path('deliverables', index, 'format'),
        message: `The brief asks for ${context.formats.join(', ')}; ${deliverable.format} is not among them.`,
      });
    }
    if (context.platforms.length && !context.platforms.includes(deliverable.platform)) {
      problems.push({
        code: ProblemCode.INVALID,
        field: path('deliverables', index, 'platform'),
        message: `The brief runs on ${context.platforms.join(', ')}; ${deliverable.platform} is not among them.`,
      });
    }
    const due = deliverable.dueAt.getTime();
    if (context.agreedDueDates?.has(due)) return;
    if (Number.isNaN(due) || due <= context.now.getTime() || due > latestDue) {
      problems.push({
        code: ProblemCode.OUT_OF_RANGE,
        field: path('deliverables', index, 'dueAt'),
        message: `Due dates must be in the future and at most ${MAX_DUE_DAYS} days away.`,
      });
    }
  });
  if (problems.length) throw new Problem(problems);

  return {
    currency: terms.fixedFee.currency,
    fixedFee: terms.fixedFee.amount,
    commissionBp: terms.commissionBp,
    gmvGuarantee: terms.gmvGuarantee?.amount ?? null,
    agencyShareBp: terms.agencyShareBp ?? context.agencyShare.fallback,
    deliverables: terms.deliverables.map((deliverable) => ({ ...deliverable, dueAt: deliverable.dueAt.toISOString() })),
  };
}

/** `parseInput` for a value nested below the argument, e.g. at `["input", "terms"]`. */
function parseInputAt<T extends z.ZodType>(schema: T, value: unknown, root: string[]): z.infer<T> {
  try {
    return parseInput(schema, value, 'value');
  } catch (error) {
    if (!(error instanceof Problem)) throw error;
    throw new Problem(error.details.map((detail) => ({ ...detail, field: [...root, ...(detail.field?.slice(1) ?? [])] })));
  }
}

function currencyMismatch(currency: string, field: (string | number)[]): ProblemDetail {
  return { code: ProblemCode.CURRENCY_MISMATCH, field, message: `Amounts must be in the brief’s currency, ${currency}.` };
}

/** Trimmed text of `min` to `max` characters (empty when not given and `min` is 0); any other length is OUT_OF_RANGE at `field`. */
export function boundedText(value: string | null | undefined, { min = 0, max }: { min?: number; max: number }, field: string[]): string {
  const text = (value ?? '').trim();
  if (text.length < min || text.length > max) {
    throw Problem.of(ProblemCode.OUT_OF_RANGE, min > 0 ? `Give ${min} to ${max} characters.` : `At most ${max} characters.`, field);
  }
  return text;
}

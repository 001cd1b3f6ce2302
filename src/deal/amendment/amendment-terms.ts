import { z } from 'zod';
import type { DeliverableTerm } from '../../bid/bid.entity.js';
import { type BidTermsInput, parseBidTerms, type TermsContext } from '../../bid/bid-terms.js';
import { Problem, ProblemCode, parseInput } from '../../common/problems.js';
import { FeePayment } from '../deal.entity.js';

/** Terms as a party proposes them in an amendment: a bid's terms, plus what only a deal's terms hold. */
export interface DealTermsInput extends BidTermsInput {
  refundWindowDays?: number | null;
  exclusivityDays?: number | null;
  usageRightsDays?: number | null;
  feePayment?: string | null;
}

/** Everything about a deal's terms that its parties may agree to change. */
export interface NegotiableTerms {
  currency: string;
  fixedFee: number;
  commissionBp: number;
  gmvGuarantee: number | null;
  refundWindowDays: number;
  agencyShareBp: number;
  deliverables: DeliverableTerm[];
  exclusivityDays: number;
  usageRightsDays: number;
  feePayment: FeePayment;
}

const dealOnlySchema = z.object({
  refundWindowDays: z.number().int().min(0).max(365).nullish(),
  exclusivityDays: z.number().int().min(0).max(3650).nullish(),
  usageRightsDays: z.number().int().min(0).max(3650).nullish(),
  feePayment: z.enum(FeePayment).nullish(),
});

/**
 * Validates an amendment's terms the way a bid's are validated (the brief's formats and platforms,
 * the deal's currency, who may state the agency's share), plus the deal's own fields; what is left
 * out carries over from `current`. The due dates in force stay acceptable once past, so that
 * amendments can restate work already done. Proposing the terms in force is INVALID.
 */
export function parseAmendmentTerms(input: DealTermsInput, current: NegotiableTerms, context: Omit<TermsContext, 'currency' | 'agreedDueDates'>, root: string[]): NegotiableTerms {
  const problems: Problem[] = [];
  const attempt = <T>(parse: () => T): T | undefined => {
    try {
      return parse();
    } catch (error) {
      if (!(error instanceof Problem)) throw error;
      problems.push(error);
      return undefined;
    }
  };
  const agreedDueDates = new Set(current.deliverables.map((deliverable) => new Date(deliverable.dueAt).getTime()));
  const common = attempt(() => parseBidTerms(input, { ...context, currency: current.currency, agreedDueDates }, root));
  // parseBidTerms lets any agreed date through; a past one only stays with the work it was agreed for.
  pastDueIndexes(common?.deliverables ?? [], current.deliverables, context.now).forEach((index) => {
    problems.push(
      Problem.of(
        ProblemCode.OUT_OF_RANGE,
        'A due date in the past stays only with the deliverable it was agreed for (same format, platform and description); new or moved work is due in the future.',
        [...root, 'deliverables', index, 'dueAt'],
      ),
    );
  });
  const extra = attempt(() => {
    try {
      return parseInput(dealOnlySchema, input, 'value');
    } catch (error) {
      if (!(error instanceof Problem)) throw error;
      throw new Problem(error.details.map((detail) => ({ ...detail, field: [...root, ...(detail.field?.slice(1) ?? [])] })));
    }
  });
  if (!common || !extra || problems.length) throw new Problem(problems.flatMap((problem) => problem.details));

  const proposed: NegotiableTerms = {
    currency: common.currency,
    fixedFee: common.fixedFee,
    commissionBp: common.commissionBp,
    gmvGuarantee: common.gmvGuarantee,
    refundWindowDays: extra.refundWindowDays ?? current.refundWindowDays,
    agencyShareBp: common.agencyShareBp ?? current.agencyShareBp,
    deliverables: common.deliverables,
    exclusivityDays: extra.exclusivityDays ?? current.exclusivityDays,
    usageRightsDays: extra.usageRightsDays ?? current.usageRightsDays,
    feePayment: extra.feePayment ?? current.feePayment,
  };
  if (sameTerms(proposed, current)) {
    throw Problem.of(ProblemCode.INVALID, 'These are the terms in force; an amendment must change something.', root);
  }
  return proposed;
}

/** Whether two sets of terms say the same, due dates compared as instants. */
export function sameTerms(a: NegotiableTerms, b: NegotiableTerms): boolean {
  const scalar = (terms: NegotiableTerms) => [
    terms.currency,
    terms.fixedFee,
    terms.commissionBp,
    terms.gmvGuarantee,
    terms.refundWindowDays,
    terms.agencyShareBp,
    terms.exclusivityDays,
    terms.usageRightsDays,
    terms.feePayment,
  ];
  const deliverables = (terms: NegotiableTerms) =>
    terms.deliverables.map((deliverable) => [deliverable.format, deliverable.platform, new Date(deliverable.dueAt).getTime(), deliverable.description]);
  return JSON.stringify([scalar(a), deliverables(a)]) === JSON.stringify([scalar(b), deliverables(b)]);
}

/**
 * The positions in `proposed` of deliverables due by `now` that are not work already agreed with
 * that same due date: new or moved work that would be late the moment its terms are in force.
 */
export function pastDueIndexes(proposed: readonly DeliverableTerm[], agreed: readonly DeliverableTerm[], now: Date): number[] {
  return proposed.flatMap((deliverable, index) =>
    new Date(deliverable.dueAt).getTime() <= now.getTime() && !agreed.some((existing) => sameDeliverable(existing, deliverable)) ? [index] : [],
  );
}

/** The same work due at the same instant. */
function sameDeliverable(a: DeliverableTerm, b: DeliverableTerm): boolean {
  return a.format === b.format && a.platform === b.platform && a.description === b.description && new Date(a.dueAt).getTime() === new Date(b.dueAt).getTime();
}

import { describe, expect, it } from 'vitest';
import { Problem } from '../../common/problems.js';
import { type DealTermsInput, type NegotiableTerms, parseAmendmentTerms, pastDueIndexes, sameTerms } from './amendment-terms.js';

const NOW = new Date('2026-12-01T00:00:00Z');
const inDays = (days: number) => new Date(NOW.getTime() + days * 24 * 60 * 60 * 1000);
const context = { formats: ['SHORT_VIDEO'], platforms: ['DOUYIN'], now: NOW, agencyShare: { allowed: false, fallback: 2000 } };

const current: NegotiableTerms = {
  currency: 'CNY',
  fixedFee: 800_000,
  commissionBp: 1000,
  gmvGuarantee: null,
  refundWindowDays: 7,
  agencyShareBp: 2000,
  deliverables: [{ format: 'SHORT_VIDEO', platform: 'DOUYIN', dueAt: inDays(-3).toISOString(), description: 'Unboxing' }],
  exclusivityDays: 30,
  usageRightsDays: 90,
  feePayment: 'ON_APPROVAL',
};

/** The terms in force as a client restates them. */
const restated = (overrides: Partial<DealTermsInput> = {}): DealTermsInput => ({
  fixedFee: { amount: current.fixedFee, currency: 'CNY' },
  commissionBp: current.commissionBp,
  deliverables: current.deliverables.map((deliverable) => ({ ...deliverable, dueAt: new Date(deliverable.dueAt) })),
  ...overrides,
});

function codes(input: DealTermsInput, agencyAllowed = false): { code: string; field: (string | number)[] | null }[] {
  try {
    parseAmendmentTerms(input, current, { ...context, agencyShare: { allowed: agencyAllowed, fallback: 2000 } }, ['input', 'terms']);
  } catch (error) {
    if (error instanceof Problem) return error.details.map(({ code, field }) => ({ code, field }));
    throw error;
  }
  return [];
}

describe('parseAmendmentTerms', () => {
  it('carries over what is left out and keeps a past due date that is already agreed', () => {
    const proposed = parseAmendmentTerms(restated({ fixedFee: { amount: 900_000, currency: 'CNY' } }), current, context, ['terms']);
    expect(proposed).toEqual({ ...current, fixedFee: 900_000 });
  });

  it('takes the deal’s own fields', () => {
    const proposed = parseAmendmentTerms(restated({ refundWindowDays: 14, exclusivityDays: 0, usageRightsDays: 365, feePayment: 'ON_SETTLEMENT' }), current, context, ['terms']);
    expect(proposed).toMatchObject({ refundWindowDays: 14, exclusivityDays: 0, usageRightsDays: 365, feePayment: 'ON_SETTLEMENT' });
  });

  it('refuses the terms in force, restated unchanged, as INVALID', () => {
    expect(codes(restated())).toEqual([{ code: 'INVALID', field: ['input', 'terms'] }]);
  });

  it('refuses another currency with CURRENCY_MISMATCH', () => {
    expect(codes(restated({ fixedFee: { amount: 900_000, currency: 'USD' } }))).toEqual([{ code: 'CURRENCY_MISMATCH', field: ['input', 'terms', 'fixedFee', 'currency'] }]);
  });

  it('refuses a new due date in the past, and out-of-range deal fields, all at once', () => {
    const problems = codes(
      restated({
        deliverables: [{ format: 'SHORT_VIDEO', platform: 'DOUYIN', dueAt: inDays(-1), description: 'Late idea' }],
        refundWindowDays: 366,
        exclusivityDays: -1,
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        { code: 'OUT_OF_RANGE', field: ['input', 'terms', 'deliverables', 0, 'dueAt'] },
        { code: 'OUT_OF_RANGE', field: ['input', 'terms', 'refundWindowDays'] },
        { code: 'OUT_OF_RANGE', field: ['input', 'terms', 'exclusivityDays'] },
      ]),
    );
    expect(problems).toHaveLength(3);
  });

  it('keeps a past due date only with the work it was agreed for', () => {
    const [unboxing] = current.deliverables;
    const agreedDue = new Date(unboxing!.dueAt);
    // New work given the unboxing's (past) date would be late the moment it is agreed.
    expect(
      codes(restated({ deliverables: [{ ...unboxing!, dueAt: agreedDue }, { format: 'SHORT_VIDEO', platform: 'DOUYIN', dueAt: agreedDue, description: 'Second video' }] })),
    ).toEqual([{ code: 'OUT_OF_RANGE', field: ['input', 'terms', 'deliverables', 1, 'dueAt'] }]);
    // Restated with the work it belongs to, it stays.
    expect(codes(restated({ deliverables: [{ ...unboxing!, dueAt: agreedDue }, { format: 'SHORT_VIDEO', platform: 'DOUYIN', dueAt: inDays(10), description: 'Second video' }] }))).toEqual([]);
  });

  it('lets only an agency member restate the agency’s share', () => {
    expect(codes(restated({ agencyShareBp: 1500 }))).toEqual([{ code: 'INVALID', field: ['input', 'terms', 'agencyShareBp'] }]);
    expect(codes(restated({ agencyShareBp: 1500 }), true)).toEqual([]);
  });

  it('refuses a format the brief does not ask for', () => {
    expect(codes(restated({ deliverables: [{ format: 'ARTICLE', platform: 'DOUYIN', dueAt: inDays(5), description: 'Blog' }] }))).toEqual([
      { code: 'INVALID', field: ['input', 'terms', 'deliverables', 0, 'format'] },
    ]);
  });
});

describe('sameTerms', () => {
  it('compares due dates as instants, not as text', () => {
    const sameInstant = { ...current, deliverables: [{ ...current.deliverables[0]!, dueAt: new Date(current.deliverables[0]!.dueAt).toISOString().replace('Z', '+00:00') }] };
    expect(sameTerms(current, sameInstant)).toBe(true);
    expect(sameTerms(current, { ...current, usageRightsDays: 91 })).toBe(false);
  });
});

describe('pastDueIndexes', () => {
  it('names new or moved work that is due by now, and not agreed work restated with its own date', () => {
    const [unboxing] = current.deliverables;
    const proposed = [
      unboxing!,
      { ...unboxing!, description: 'New clip', dueAt: inDays(-1).toISOString() },
      { ...unboxing!, description: 'Later clip', dueAt: inDays(2).toISOString() },
      { ...unboxing!, dueAt: inDays(-2).toISOString() },
    ];
    expect(pastDueIndexes(proposed, current.deliverables, NOW)).toEqual([1, 3]);
    // Two days on, the later clip is overdue too.
    expect(pastDueIndexes(proposed, current.deliverables, inDays(3))).toEqual([1, 2, 3]);
  });
});

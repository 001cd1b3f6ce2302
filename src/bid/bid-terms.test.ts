import { describe, expect, it } from 'vitest';
import { MAX_MONEY_AMOUNT } from '../common/money.js';
import { Problem } from '../common/problems.js';
import { type BidTermsInput, boundedText, MAX_DELIVERABLES, parseBidTerms, type TermsContext } from './bid-terms.js';

const NOW = new Date('2026-12-01T00:00:00Z');
const inDays = (days: number) => new Date(NOW.getTime() + days * 24 * 60 * 60 * 1000);

const context: TermsContext = {
  currency: 'CNY',
  formats: ['SHORT_VIDEO', 'LIVE_STREAM'],
  platforms: ['DOUYIN'],
  now: NOW,
  agencyShare: { allowed: false, fallback: null },
};

const deliverable = { format: 'SHORT_VIDEO', platform: 'DOUYIN', dueAt: inDays(10), description: 'A 60-second review' };
const valid: BidTermsInput = {
  fixedFee: { amount: 500_000, currency: 'CNY' },
  commissionBp: 1500,
  gmvGuarantee: null,
  deliverables: [deliverable],
};

function problemsOf(input: BidTermsInput, overrides: Partial<TermsContext> = {}): { code: string; field: (string | number)[] | null }[] {
  try {
    parseBidTerms(input, { ...context, ...overrides }, ['input', 'terms']);
  } catch (error) {
    if (error instanceof Problem) return error.details.map(({ code, field }) => ({ code, field }));
    throw error;
  }
  return [];
}

describe('parseBidTerms', () => {
  it('turns valid terms into a revision’s columns', () => {
    expect(parseBidTerms({ ...valid, gmvGuarantee: { amount: 9_000_000, currency: 'CNY' } }, context, ['terms'])).toEqual({
      currency: 'CNY',
      fixedFee: 500_000,
      commissionBp: 1500,
      gmvGuarantee: 9_000_000,
      agencyShareBp: null,
      deliverables: [{ ...deliverable, dueAt: inDays(10).toISOString() }],
    });
  });

  it.each([
    ['a negative fee', { fixedFee: { amount: -1, currency: 'CNY' } }, ['input', 'terms', 'fixedFee', 'amount']],
    ['a fee above the maximum', { fixedFee: { amount: MAX_MONEY_AMOUNT + 1, currency: 'CNY' } }, ['input', 'terms', 'fixedFee', 'amount']],
    ['a commission above 10000 bp', { commissionBp: 10_001 }, ['input', 'terms', 'commissionBp']],
    ['a negative commission', { commissionBp: -1 }, ['input', 'terms', 'commissionBp']],
    ['a zero GMV guarantee', { gmvGuarantee: { amount: 0, currency: 'CNY' } }, ['input', 'terms', 'gmvGuarantee', 'amount']],
    ['no deliverables', { deliverables: [] }, ['input', 'terms', 'deliverables']],
    ['too many deliverables', { deliverables: Array.from({ length: MAX_DELIVERABLES + 1 }, () => deliverable) }, ['input', 'terms', 'deliverables']],
  ])('refuses %s with OUT_OF_RANGE', (_label, change, field) => {
    expect(problemsOf({ ...valid, ...change } as BidTermsInput)).toEqual([{ code: 'OUT_OF_RANGE', field }]);
  });

  it('accepts the bounds themselves', () => {
    expect(problemsOf({ ...valid, fixedFee: { amount: 0, currency: 'CNY' }, commissionBp: 0 })).toEqual([]);
    expect(problemsOf({ ...valid, fixedFee: { amount: MAX_MONEY_AMOUNT, currency: 'CNY' }, commissionBp: 10_000 })).toEqual([]);
  });

  it('requires every amount in the brief’s currency', () => {
    expect(problemsOf({ ...valid, fixedFee: { amount: 1, currency: 'USD' }, gmvGuarantee: { amount: 5, currency: 'EUR' } })).toEqual([
      { code: 'CURRENCY_MISMATCH', field: ['input', 'terms', 'fixedFee', 'currency'] },
      { code: 'CURRENCY_MISMATCH', field: ['input', 'terms', 'gmvGuarantee', 'currency'] },
    ]);
  });

  it('requires deliverables in the brief’s formats and platforms, unless the brief names none', () => {
    const offBrief = { ...deliverable, format: 'ARTICLE', platform: 'WEIBO' };
    expect(problemsOf({ ...valid, deliverables: [deliverable, offBrief] })).toEqual([
      { code: 'INVALID', field: ['input', 'terms', 'deliverables', 1, 'format'] },
      { code: 'INVALID', field: ['input', 'terms', 'deliverables', 1, 'platform'] },
    ]);
    expect(problemsOf({ ...valid, deliverables: [offBrief] }, { formats: [], platforms: [] })).toEqual([]);
  });

  it.each([
    ['in the past', inDays(-1)],
    ['now', NOW],
    ['more than a year away', inDays(366)],
  ])('refuses a due date %s', (_label, dueAt) => {
    expect(problemsOf({ ...valid, deliverables: [{ ...deliverable, dueAt }] })).toEqual([
      { code: 'OUT_OF_RANGE', field: ['input', 'terms', 'deliverables', 0, 'dueAt'] },
    ]);
  });

  it('lets only an agency state its share, and falls back to its usual one', () => {
    expect(problemsOf({ ...valid, agencyShareBp: 1000 })).toEqual([{ code: 'INVALID', field: ['input', 'terms', 'agencyShareBp'] }]);
    const agency = { agencyShare: { allowed: true, fallback: 2000 } };
    expect(parseBidTerms({ ...valid, agencyShareBp: 1000 }, { ...context, ...agency }, ['terms']).agencyShareBp).toBe(1000);
    expect(parseBidTerms(valid, { ...context, ...agency }, ['terms']).agencyShareBp).toBe(2000);
    expect(problemsOf({ ...valid, agencyShareBp: 10_001 }, agency)).toEqual([{ code: 'OUT_OF_RANGE', field: ['input', 'terms', 'agencyShareBp'] }]);
  });
});

describe('boundedText', () => {
  it('trims, and treats a missing value as empty', () => {
    expect(boundedText('  why not  ', { max: 10 }, ['reason'])).toBe('why not');
    expect(boundedText(null, { max: 10 }, ['reason'])).toBe('');
    expect(boundedText(undefined, { max: 10 }, ['reason'])).toBe('');
  });

  it('refuses text outside its bounds with OUT_OF_RANGE at the field, counting after trimming', () => {
    const problemOf = (value: string | null, bounds: { min?: number; max: number }) => {
      try {
        boundedText(value, bounds, ['reason']);
        return null;
      } catch (error) {
        return (error as Problem).details;
      }
    };
    expect(problemOf('x'.repeat(11), { max: 10 })).toEqual([{ code: 'OUT_OF_RANGE', field: ['reason'], message: 'At most 10 characters.' }]);
    expect(problemOf('   ', { min: 1, max: 10 })).toEqual([{ code: 'OUT_OF_RANGE', field: ['reason'], message: 'Give 1 to 10 characters.' }]);
    expect(problemOf(null, { min: 1, max: 10 })).toHaveLength(1);
    expect(problemOf(` ${'x'.repeat(10)} `, { max: 10 })).toBeNull();
  });
});

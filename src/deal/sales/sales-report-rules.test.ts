import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Problem } from '../../common/problems.js';
import { calendarDay, overlappingReport, parseSalesReport, type SalesReportValues, sameFigures } from './sales-report-rules.js';

const NOW = Date.parse('2026-11-24T12:00:00Z');
const cny = (amount: number) => ({ amount, currency: 'CNY' as const });
const values = (overrides: Partial<SalesReportValues> = {}): SalesReportValues => ({
  periodStart: '2026-11-01',
  periodEnd: '2026-11-07',
  ordersCount: 12,
  gmv: cny(100_000),
  refunds: [],
  ...overrides,
});

/** The codes and fields of the problems `parseSalesReport` throws for `input`; [] when it passes. */
function problemsOf(input: SalesReportValues): string[] {
  try {
    parseSalesReport(input, 'CNY', NOW);
    return [];
  } catch (error) {
    if (!(error instanceof Problem)) throw error;
    return error.details.map((detail) => `${detail.code} ${detail.field?.join('.')}`);
  }
}

describe('parseSalesReport', () => {
  it('takes a valid report, defaulting the source to BRAND_MANUAL and ordering the refund buckets', () => {
    const parsed = parseSalesReport(values({ refunds: [{ amount: cny(30), daysAfterOrder: 9 }, { amount: cny(20), daysAfterOrder: 1 }] }), 'CNY', NOW);
    expect(parsed).toEqual({
      key: { periodStart: '2026-11-01', periodEnd: '2026-11-07', source: 'BRAND_MANUAL' },
      figures: { ordersCount: 12, currency: 'CNY', gmv: 100_000, refunds: [{ amount: 20, daysAfterOrder: 1 }, { amount: 30, daysAfterOrder: 9 }] },
    });
  });

  it.each([
    ['negative GMV', { gmv: cny(-1) }, ['NEGATIVE_AMOUNT input.gmv.amount']],
    ['a negative refund', { refunds: [{ amount: cny(-1), daysAfterOrder: 0 }] }, ['NEGATIVE_AMOUNT input.refunds.0.amount.amount']],
    ['GMV in another currency', { gmv: { amount: 1, currency: 'USD' as const } }, ['CURRENCY_MISMATCH input.gmv.currency']],
    ['a fractional amount', { gmv: cny(1.5) }, ['INVALID input.gmv.amount']],
    ['an amount above the Money limit', { gmv: cny(10_000_000_001) }, ['OUT_OF_RANGE input.gmv.amount']],
    ['a day before the order', { refunds: [{ amount: cny(1), daysAfterOrder: -1 }] }, ['OUT_OF_RANGE input.refunds.0.daysAfterOrder']],
    ['negative orders', { ordersCount: -1 }, ['OUT_OF_RANGE input.ordersCount']],
    ['an impossible date', { periodStart: '2026-02-30' }, ['INVALID input.periodStart']],
    ['a date with a time', { periodEnd: '2026-11-07T00:00:00Z' }, ['INVALID input.periodEnd']],
    ['a period that ends before it starts', { periodStart: '2026-11-08' }, ['INVALID input.periodEnd']],
    ['a period that ends after tomorrow', { periodEnd: '2026-11-26' }, ['OUT_OF_RANGE input.periodEnd']],
    ['a source in lower case', { source: 'douyin_shop' }, ['INVALID input.source']],
    ['refunds above the GMV', { gmv: cny(100), refunds: [{ amount: cny(60), daysAfterOrder: 1 }, { amount: cny(41), daysAfterOrder: 30 }] }, ['REFUNDS_EXCEED_GMV input.refunds']],
  ])('refuses %s', (_, overrides, expected) => {
    expect(problemsOf(values(overrides as Partial<SalesReportValues>))).toEqual(expected);
  });

  it('accepts refunds that add up to exactly the GMV, a one-day period, and a period ending tomorrow (reporters east of UTC)', () => {
    expect(problemsOf(values({ gmv: cny(100), refunds: [{ amount: cny(100), daysAfterOrder: 0 }] }))).toEqual([]);
    expect(problemsOf(values({ periodStart: '2026-11-07', periodEnd: '2026-11-07' }))).toEqual([]);
    expect(problemsOf(values({ periodEnd: '2026-11-25' }))).toEqual([]);
  });

  it('lists every problem of a report at once', () => {
    expect(problemsOf(values({ gmv: cny(-5), ordersCount: -1, source: 'x' }))).toEqual(['INVALID input.source', 'OUT_OF_RANGE input.ordersCount', 'NEGATIVE_AMOUNT input.gmv.amount']);
  });
});

describe('calendarDay', () => {
  it('knows real days from look-alikes', () => {
    expect(calendarDay('2024-02-29')).toBe(Date.parse('2024-02-29T00:00:00Z'));
    expect(calendarDay('2026-02-29')).toBeNull();
    expect(calendarDay('2026-13-01')).toBeNull();
    expect(calendarDay('26-11-01')).toBeNull();
  });
});

describe('sameFigures', () => {
  const refundsArbitrary = fc.array(fc.record({ amount: fc.nat(1_000_000), daysAfterOrder: fc.nat(60) }), { maxLength: 8 });

  it('ignores the order in which refund buckets are listed', () => {
    fc.assert(
      fc.property(refundsArbitrary, fc.nat(100), (refunds, seed) => {
        const shuffled = [...refunds].sort(() => ((seed = (seed * 31 + 7) % 101) % 3) - 1);
        const figures = { ordersCount: 3, currency: 'CNY', gmv: 10_000_000 };
        return sameFigures({ ...figures, refunds }, { ...figures, refunds: shuffled });
      }),
    );
  });

  it('tells apart figures that differ in anything', () => {
    const base = { ordersCount: 3, currency: 'CNY', gmv: 500, refunds: [{ amount: 5, daysAfterOrder: 2 }] };
    expect(sameFigures(base, { ...base })).toBe(true);
    expect(sameFigures(base, { ...base, ordersCount: 4 })).toBe(false);
    expect(sameFigures(base, { ...base, gmv: 501 })).toBe(false);
    expect(sameFigures(base, { ...base, refunds: [{ amount: 5, daysAfterOrder: 3 }] })).toBe(false);
    expect(sameFigures(base, { ...base, refunds: [] })).toBe(false);
  });
});

describe('overlappingReport', () => {
  const reports = [
    { periodStart: '2026-11-01', periodEnd: '2026-11-07', source: 'BRAND_MANUAL' },
    { periodStart: '2026-11-01', periodEnd: '2026-11-30', source: 'DOUYIN_SHOP' },
  ];

  it('finds a report of the same source sharing at least one day, and only that', () => {
    expect(overlappingReport(reports, { periodStart: '2026-11-07', periodEnd: '2026-11-10', source: 'BRAND_MANUAL' })).toBe(reports[0]);
    expect(overlappingReport(reports, { periodStart: '2026-10-01', periodEnd: '2026-12-31', source: 'BRAND_MANUAL' })).toBe(reports[0]);
    expect(overlappingReport(reports, { periodStart: '2026-11-08', periodEnd: '2026-11-14', source: 'BRAND_MANUAL' })).toBeUndefined();
    expect(overlappingReport(reports, { periodStart: '2026-11-02', periodEnd: '2026-11-03', source: 'TMALL' })).toBeUndefined();
  });
});

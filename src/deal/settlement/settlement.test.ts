import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CurrencyCode } from '../../common/money.js';
import {
  computeSettlement,
  MAX_SETTLEMENT_AMOUNT,
  type SettlementBreakdown,
  SettlementInputError,
  type SettlementInput,
  type SettlementSalesRecord,
  type SettlementTerms,
} from './settlement.js';

/** All amounts are in fen (CNY minor units): 1_000_000 fen = 10,000.00 CNY. */
const baseTerms: SettlementTerms = {
  currency: 'CNY',
  fixedFee: 1_000_000,
  commissionBp: 1_000,
  gmvGuarantee: null,
  agencyShareBp: 0,
  platformFeeBp: 0,
  refundWindowDays: 7,
};

const settle = (terms: Partial<SettlementTerms>, sales: SettlementSalesRecord[], hasAgency = false) =>
  computeSettlement({ terms: { ...baseTerms, ...terms }, sales, hasAgency });

const sale = (gmv: number, ...refunds: [amount: number, daysAfterOrder: number][]): SettlementSalesRecord => ({
  gmv,
  refunds: refunds.map(([amount, daysAfterOrder]) => ({ amount, daysAfterOrder })),
});

const M = MAX_SETTLEMENT_AMOUNT;

describe('computeSettlement: hand-worked examples', () => {
  it('settles a deal with a missed guarantee, late refunds, an agency and a platform fee', () => {
    const breakdown = settle(
      { fixedFee: 1_000_000, commissionBp: 1_000, gmvGuarantee: 10_000_000, agencyShareBp: 2_000, platformFeeBp: 500, refundWindowDays: 7 },
      [sale(4_000_000, [200_000, 2], [100_000, 7]), sale(2_500_000, [200_000, 0], [150_000, 8])],
      true,
    );
    expect(breakdown).toEqual<SettlementBreakdown>({
      currency: 'CNY',
      grossGmv: 6_500_000, // 4_000_000 + 2_500_000 = 65,000.00
      refundsCounted: 500_000, // days 2, 7 (last day of the window) and 0: 200_000 + 100_000 + 200_000
      refundsIgnored: 150_000, // day 8 is past the 7-day window
      netGmv: 6_000_000, // 6_500_000 − 500_000 = 60,000.00
      fixedFee: 1_000_000,
      makeGood: 400_000, // 1_000_000 × (1 − 6_000_000 / 10_000_000) = 1_000_000 × 0.4 = 4,000.00
      feeEarned: 600_000, // 1_000_000 − 400_000
      commission: 600_000, // 10 % of 6_000_000
      creatorGross: 1_200_000, // 600_000 + 600_000
      agencyShare: 240_000, // 20 % of 1_200_000
      creatorNet: 960_000, // 1_200_000 − 240_000
      platformFee: 60_000, // 5 % of 1_200_000, charged to the brand on top
      brandTotalCost: 1_260_000, // 1_200_000 + 60_000
      // 6_000_000 / 1_260_000 = 4.7619047… → 47_619 bp, rounded down
      roi: { numerator: 6_000_000, denominator: 1_260_000, basisPoints: 47_619 },
    });
  });

  it('counts a refund on the last day of the window and ignores one the day after', () => {
    const inside = settle({ refundWindowDays: 7 }, [sale(1_000_000, [300_000, 7])]);
    const outside = settle({ refundWindowDays: 7 }, [sale(1_000_000, [300_000, 8])]);
    expect(inside).toMatchObject({ refundsCounted: 300_000, refundsIgnored: 0, netGmv: 700_000, commission: 70_000 });
    expect(outside).toMatchObject({ refundsCounted: 0, refundsIgnored: 300_000, netGmv: 1_000_000, commission: 100_000 });
  });

  it('with a zero-day window counts only same-day refunds', () => {
    const breakdown = settle({ refundWindowDays: 0 }, [sale(1_000_000, [100_000, 0], [200_000, 1])]);
    expect(breakdown).toMatchObject({ refundsCounted: 100_000, refundsIgnored: 200_000, netGmv: 900_000 });
  });

  it('without a guarantee never makes good, even with no sales at all', () => {
    const breakdown = settle({ gmvGuarantee: null, platformFeeBp: 500 }, []);
    expect(breakdown).toMatchObject({
      grossGmv: 0,
      netGmv: 0,
      makeGood: 0,
      feeEarned: 1_000_000,
      commission: 0,
      creatorNet: 1_000_000,
      platformFee: 50_000, // 5 % of 1_000_000
      brandTotalCost: 1_050_000,
      roi: { numerator: 0, denominator: 1_050_000, basisPoints: 0 },
    });
  });

  it('refunds the whole fee when a guarantee meets zero GMV, leaving no cost and no ROI', () => {
    const breakdown = settle({ gmvGuarantee: 10_000_000, platformFeeBp: 500 }, [sale(300_000, [300_000, 1])]);
    expect(breakdown).toMatchObject({
      grossGmv: 300_000,
      netGmv: 0, // everything was refunded inside the window
      makeGood: 1_000_000, // 1_000_000 × (1 − 0 / 10_000_000)
      feeEarned: 0,
      commission: 0,
      creatorGross: 0,
      platformFee: 0,
      brandTotalCost: 0,
      roi: { numerator: 0, denominator: 0, basisPoints: null },
    });
  });

  it('makes no good when net GMV meets or beats the guarantee', () => {
    expect(settle({ gmvGuarantee: 5_000_000 }, [sale(5_000_000)]).makeGood).toBe(0);
    expect(settle({ gmvGuarantee: 5_000_000 }, [sale(9_000_000)]).makeGood).toBe(0);
    // One fen short: 1_000_000 × 1 / 5_000_000 = 0.2 → 0 (rounded down)
    expect(settle({ gmvGuarantee: 5_000_000 }, [sale(4_999_999)]).makeGood).toBe(0);
    // Five fen short: 1_000_000 × 5 / 5_000_000 = 1
    expect(settle({ gmvGuarantee: 5_000_000 }, [sale(4_999_995)]).makeGood).toBe(1);
  });

  it('judges the guarantee on net GMV, not gross', () => {
    // gross 10_000_000 meets the guarantee, but 2_000_000 refunded in the window leaves 8_000_000:
    // 1_000_000 × (10_000_000 − 8_000_000) / 10_000_000 = 200_000
    const breakdown = settle({ gmvGuarantee: 10_000_000 }, [sale(10_000_000, [2_000_000, 3])]);
    expect(breakdown.makeGood).toBe(200_000);
  });

  it('pays all of net GMV as commission at 100 %, and all of the gross to the agency at 100 %', () => {
    const breakdown = settle({ fixedFee: 0, commissionBp: 10_000, agencyShareBp: 10_000 }, [sale(1_234_567, [34_567, 1])], true);
    expect(breakdown).toMatchObject({ netGmv: 1_200_000, commission: 1_200_000, creatorGross: 1_200_000, agencyShare: 1_200_000, creatorNet: 0 });
  });

  it('takes no agency share when the deal has no agency, whatever the terms say', () => {
    const breakdown = settle({ agencyShareBp: 2_000 }, [sale(1_000_000)], false);
    expect(breakdown).toMatchObject({ creatorGross: 1_100_000, agencyShare: 0, creatorNet: 1_100_000 });
  });

  it('charges a 100 % platform fee to the brand, not to the creator', () => {
    const breakdown = settle({ platformFeeBp: 10_000 }, [sale(1_000_000)]);
    // gross 1_000_000 + 100_000 commission = 1_100_000; the brand pays that twice over
    expect(breakdown).toMatchObject({ creatorNet: 1_100_000, platformFee: 1_100_000, brandTotalCost: 2_200_000 });
  });
});

describe('computeSettlement: rounding at the edges (always down)', () => {
  it('rounds a percentage of one minor unit down to nothing', () => {
    const breakdown = settle({ fixedFee: 1, commissionBp: 9_999, agencyShareBp: 9_999, platformFeeBp: 9_999 }, [sale(1)], true);
    expect(breakdown).toMatchObject({
      commission: 0, // 1 × 9_999 / 10_000 = 0.9999 → 0
      creatorGross: 1, // 1 + 0
      agencyShare: 0, // 1 × 0.9999 → 0
      creatorNet: 1,
      platformFee: 0,
      brandTotalCost: 1,
      roi: { numerator: 1, denominator: 1, basisPoints: 10_000 },
    });
  });

  it('pays 1 bp only once the base reaches 10_000 minor units', () => {
    expect(settle({ fixedFee: 0, commissionBp: 1 }, [sale(9_999)]).commission).toBe(0); // 0.9999 → 0
    expect(settle({ fixedFee: 0, commissionBp: 1 }, [sale(10_000)]).commission).toBe(1);
    expect(settle({ fixedFee: 0, commissionBp: 1 }, [sale(19_999)]).commission).toBe(1); // 1.9999 → 1
  });

  it('rounds the make-good down, so the talent keeps the fraction', () => {
    expect(settle({ fixedFee: 1, gmvGuarantee: 3 }, [sale(1)]).makeGood).toBe(0); // 1 × 2/3 = 0.67 → 0
    expect(settle({ fixedFee: 1, gmvGuarantee: 2 }, []).makeGood).toBe(1); // 1 × 2/2 = 1
    const split = settle({ fixedFee: 3, gmvGuarantee: 2 }, [sale(1)]); // 3 × 1/2 = 1.5 → 1
    expect(split).toMatchObject({ makeGood: 1, feeEarned: 2 });
  });

  it('rounds ROI down to whole basis points', () => {
    // fee 3, no commission: 1 / 3 = 0.33333… → 3_333 bp
    expect(settle({ fixedFee: 3, commissionBp: 0 }, [sale(1)]).roi).toEqual({ numerator: 1, denominator: 3, basisPoints: 3_333 });
  });
});

describe('computeSettlement: huge but safe amounts', () => {
  it('settles the largest accepted amounts exactly, every output a safe integer', () => {
    const breakdown = settle({ fixedFee: M, commissionBp: 10_000, agencyShareBp: 10_000, platformFeeBp: 10_000 }, [sale(M)], true);
    expect(breakdown).toMatchObject({
      netGmv: M,
      commission: M,
      creatorGross: 2 * M,
      agencyShare: 2 * M,
      creatorNet: 0,
      platformFee: 2 * M,
      brandTotalCost: 4 * M, // 3_602_879_701_896
      roi: { numerator: M, denominator: 4 * M, basisPoints: 2_500 }, // M / 4M = 0.25
    });
  });

  it('keeps the largest possible ROI a safe integer', () => {
    // M of GMV for a cost of 1 fen: M × 10_000 bp = 9_007_199_254_740_000 ≤ 2^53 − 1
    const roi = settle({ fixedFee: 1, commissionBp: 0 }, [sale(M)]).roi;
    expect(roi.basisPoints).toBe(9_007_199_254_740_000);
    expect(Number.isSafeInteger(roi.basisPoints)).toBe(true);
  });

  it('makes good exactly on huge amounts, where floating point would drift', () => {
    // M × (M − (M − 1)) / M = 1 exactly
    expect(settle({ fixedFee: M, gmvGuarantee: M }, [sale(M - 1)]).makeGood).toBe(1);
    // M × (M − 1) / M = M − 1 exactly
    expect(settle({ fixedFee: M, gmvGuarantee: M }, [sale(1)]).makeGood).toBe(M - 1);
  });
});

describe('computeSettlement: bad input', () => {
  it.each<[string, Partial<SettlementTerms>, SettlementSalesRecord[], string]>([
    ['a negative fixed fee', { fixedFee: -1 }, [], 'terms.fixedFee'],
    ['a fractional fixed fee', { fixedFee: 10.5 }, [], 'terms.fixedFee'],
    ['a NaN fixed fee', { fixedFee: Number.NaN }, [], 'terms.fixedFee'],
    ['a fixed fee above the settlement maximum', { fixedFee: M + 1 }, [], 'terms.fixedFee'],
    ['a commission above 100 %', { commissionBp: 10_001 }, [], 'terms.commissionBp'],
    ['a negative platform fee', { platformFeeBp: -1 }, [], 'terms.platformFeeBp'],
    ['an agency share above 100 %', { agencyShareBp: 10_001 }, [], 'terms.agencyShareBp'],
    ['a zero guarantee', { gmvGuarantee: 0 }, [], 'terms.gmvGuarantee'],
    ['a fractional refund window', { refundWindowDays: 1.5 }, [], 'terms.refundWindowDays'],
    ['an unknown currency', { currency: 'XXX' }, [], 'terms.currency'],
    ['a negative GMV', {}, [sale(-1)], 'sales[0].gmv'],
    ['a negative refund', {}, [sale(100, [-1, 0])], 'sales[0].refunds[0].amount'],
    ['a refund with a negative day', {}, [sale(100, [1, -1])], 'sales[0].refunds[0].daysAfterOrder'],
    ['refunds larger than the GMV of their record, by one minor unit', {}, [sale(1_000), sale(100, [60, 1], [41, 30])], 'sales[1].refunds'],
    ['a GMV above the settlement maximum', {}, [sale(M + 1)], 'sales[0].gmv'],
    ['records adding up to more than the maximum', {}, [sale(M), sale(1)], 'sales'],
  ])('rejects %s', (_label, terms, sales, field) => {
    expect(() => settle(terms, sales)).toThrow(SettlementInputError);
    try {
      settle(terms, sales);
    } catch (error) {
      expect((error as SettlementInputError).field).toBe(field);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const amount = (max: number) => fc.oneof(fc.integer({ min: 0, max: Math.min(max, 50) }), fc.integer({ min: 0, max }));
const bp = fc.oneof(fc.constantFrom(0, 1, 5_000, 9_999, 10_000), fc.integer({ min: 0, max: 10_000 }));

/** Room for five records plus a growth of one more record's worth, all within the maximum. */
const RECORD_MAX = Math.floor(M / 6);

/** A record whose refunds never exceed its GMV: the refunds are the gaps between sorted cut points. */
const salesRecord = amount(RECORD_MAX).chain((gmv) =>
  fc
    .array(fc.record({ cut: fc.integer({ min: 0, max: gmv }), daysAfterOrder: fc.integer({ min: 0, max: 30 }) }), { maxLength: 4 })
    .map((cuts): SettlementSalesRecord => {
      const sorted = [...cuts].sort((a, b) => a.cut - b.cut);
      return { gmv, refunds: sorted.map((point, index) => ({ amount: point.cut - (sorted[index - 1]?.cut ?? 0), daysAfterOrder: point.daysAfterOrder })) };
    }),
);

const terms: fc.Arbitrary<SettlementTerms> = fc.record({
  currency: fc.constantFrom(...Object.values(CurrencyCode)),
  fixedFee: amount(M),
  commissionBp: bp,
  gmvGuarantee: fc.option(fc.oneof(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: M })), { nil: null }),
  agencyShareBp: bp,
  platformFeeBp: bp,
  refundWindowDays: fc.integer({ min: 0, max: 30 }),
});

const settlementInput: fc.Arbitrary<SettlementInput> = fc.record({
  terms,
  sales: fc.array(salesRecord, { maxLength: 5 }),
  hasAgency: fc.boolean(),
});

const big = BigInt;
const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

/** floor(value) characterised without division: part × d ≤ n < (part + 1) × d. */
const isFloorOf = (part: number, numerator: bigint, denominator: bigint) =>
  big(part) * denominator <= numerator && numerator < (big(part) + 1n) * denominator;

describe('computeSettlement: properties', () => {
  it('adds the parts up to the totals to the minor unit', () => {
    fc.assert(
      fc.property(settlementInput, (input) => {
        const result = computeSettlement(input);
        const allRefunds = input.sales.flatMap((record) => record.refunds.map((refund) => refund.amount));
        expect(result.grossGmv).toBe(sum(input.sales.map((record) => record.gmv)));
        expect(result.refundsCounted + result.refundsIgnored).toBe(sum(allRefunds));
        expect(result.netGmv).toBe(result.grossGmv - result.refundsCounted);
        expect(result.fixedFee).toBe(input.terms.fixedFee);
        expect(result.feeEarned).toBe(result.fixedFee - result.makeGood);
        expect(result.creatorGross).toBe(result.feeEarned + result.commission);
        expect(result.creatorNet).toBe(result.creatorGross - result.agencyShare);
        expect(result.brandTotalCost).toBe(result.fixedFee - result.makeGood + result.commission + result.platformFee);
        expect(result.brandTotalCost).toBe(result.creatorNet + result.agencyShare + result.platformFee);
        expect(result.roi.numerator).toBe(result.netGmv);
        expect(result.roi.denominator).toBe(result.brandTotalCost);
        expect(result.currency).toBe(input.terms.currency);
      }),
      { numRuns: 500 },
    );
  });

  it('never pays a negative amount, and every amount is a safe integer', () => {
    fc.assert(
      fc.property(settlementInput, (input) => {
        const { roi, currency: _currency, ...amounts } = computeSettlement(input);
        for (const [name, value] of Object.entries(amounts)) {
          expect(Number.isSafeInteger(value), name).toBe(true);
          expect(value, name).toBeGreaterThanOrEqual(0);
        }
        for (const value of [roi.numerator, roi.denominator, roi.basisPoints ?? 0]) {
          expect(Number.isSafeInteger(value)).toBe(true);
          expect(value).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('rounds every proportional amount down, exactly as documented', () => {
    fc.assert(
      fc.property(settlementInput, ({ terms: t, sales, hasAgency }) => {
        const result = computeSettlement({ terms: t, sales, hasAgency });
        expect(isFloorOf(result.commission, big(result.netGmv) * big(t.commissionBp), 10_000n)).toBe(true);
        expect(isFloorOf(result.platformFee, big(result.creatorGross) * big(t.platformFeeBp), 10_000n)).toBe(true);
        const agencyBp = hasAgency ? t.agencyShareBp : 0;
        expect(isFloorOf(result.agencyShare, big(result.creatorGross) * big(agencyBp), 10_000n)).toBe(true);
        if (t.gmvGuarantee != null && result.netGmv < t.gmvGuarantee) {
          const shortfall = big(t.gmvGuarantee - result.netGmv);
          expect(isFloorOf(result.makeGood, big(t.fixedFee) * shortfall, big(t.gmvGuarantee))).toBe(true);
        }
        if (result.brandTotalCost === 0) expect(result.roi.basisPoints).toBeNull();
        else expect(isFloorOf(result.roi.basisPoints!, big(result.netGmv) * 10_000n, big(result.brandTotalCost))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('never makes good more than the fee, and nothing without a guarantee or once it is met', () => {
    fc.assert(
      fc.property(settlementInput, (input) => {
        const result = computeSettlement(input);
        expect(result.makeGood).toBeLessThanOrEqual(result.fixedFee);
        const guarantee = input.terms.gmvGuarantee;
        if (guarantee == null || result.netGmv >= guarantee) expect(result.makeGood).toBe(0);
      }),
      { numRuns: 500 },
    );
  });

  it('never lowers commission or the talent’s pay, nor raises the make-good, as GMV grows', () => {
    fc.assert(
      fc.property(settlementInput, fc.nat(), amount(RECORD_MAX), (input, pick, extra) => {
        const before = computeSettlement(input);
        const grown =
          input.sales.length === 0
            ? [{ gmv: extra, refunds: [] }]
            : input.sales.map((record, index) => (index === pick % input.sales.length ? { ...record, gmv: record.gmv + extra } : record));
        const after = computeSettlement({ ...input, sales: grown });
        expect(after.netGmv).toBe(before.netGmv + extra);
        expect(after.commission).toBeGreaterThanOrEqual(before.commission);
        expect(after.makeGood).toBeLessThanOrEqual(before.makeGood);
        expect(after.creatorNet).toBeGreaterThanOrEqual(before.creatorNet);
        expect(after.brandTotalCost).toBeGreaterThanOrEqual(before.brandTotalCost);
      }),
      { numRuns: 500 },
    );
  });

  it('treats refunds after the window as if they had never happened, apart from reporting them', () => {
    fc.assert(
      fc.property(settlementInput, (input) => {
        const withLate = computeSettlement(input);
        const inWindowOnly = input.sales.map((record) => ({
          ...record,
          refunds: record.refunds.filter((refund) => refund.daysAfterOrder <= input.terms.refundWindowDays),
        }));
        const withoutLate = computeSettlement({ ...input, sales: inWindowOnly });
        expect(withoutLate.refundsIgnored).toBe(0);
        expect(withLate).toEqual({ ...withoutLate, refundsIgnored: withLate.refundsIgnored });
      }),
      { numRuns: 300 },
    );
  });

  it('never gives the creator more than the agency-free pay when an agency joins', () => {
    fc.assert(
      fc.property(settlementInput, (input) => {
        const alone = computeSettlement({ ...input, hasAgency: false });
        const represented = computeSettlement({ ...input, hasAgency: true });
        expect(alone.agencyShare).toBe(0);
        expect(alone.creatorNet).toBe(alone.creatorGross);
        expect(represented.creatorNet).toBeLessThanOrEqual(alone.creatorNet);
        // The agency's cut moves money within the talent's side; the brand pays the same.
        expect(represented.brandTotalCost).toBe(alone.brandTotalCost);
      }),
      { numRuns: 300 },
    );
  });
});

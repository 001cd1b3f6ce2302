import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ContentFormat } from '../common/enums.js';
import { CredentialType } from '../credential/credential-type.js';
import { estimateExpectedRoi } from './expected-roi.js';
import type { MatchBrief, MatchCandidate, TrackRecord } from './scoring.js';

/** CNY in minor units (fen). */
const yuan = (amount: number) => amount * 100;

const infantSupplement: MatchBrief = {
  objective: 'SEEDING_CONTENT',
  verticalSlugs: ['mother-baby.infant-food-supplements'],
  parentVerticalSlugs: ['mother-baby'],
  nicheTags: ['dha'],
  requiredCredentials: [],
  targetAudience: { gender: 'ANY', ageBands: [], regions: [] },
  budget: yuan(300_000),
  currency: 'CNY',
  slots: 3,
  formats: [ContentFormat.SHORT_VIDEO, ContentFormat.IMAGE_POST],
  platforms: ['XIAOHONGSHU'],
  preferredStructures: ['HYBRID', 'FIXED_FEE'],
};

const pediatrician: MatchCandidate = {
  kind: 'creator',
  verticalSlugs: ['mother-baby.infant-food-supplements'],
  nicheTags: ['dha'],
  verifiedCredentialTypes: [CredentialType.PEDIATRICIAN, CredentialType.PHYSICIAN],
  rawVerifiedCredentialTypes: [CredentialType.PEDIATRICIAN],
  credibilityScore: 58,
  credibilityLevel: 4,
  audience: null,
  totalFollowers: 120_000,
  capacity: 4,
  activeDealCount: 1,
  // The cheapest line for the brief's formats is the image post.
  rateCard: { currency: 'CNY', minFixedFeeByFormat: { SHORT_VIDEO: yuan(12_000), IMAGE_POST: yuan(6_000), LONG_VIDEO: yuan(1_000) }, minCommissionBp: 1500 },
  // Shrunk: (9 × 3.8 + 5 × 2.6) ÷ 14 = 3.3714×.
  trackRecord: { dealsCompleted: 9, roiBpInVertical: 38_000, verticalAverageRoiBp: 26_000 },
};

const assumptionNamed = (result: ReturnType<typeof estimateExpectedRoi>, name: string) => result.assumptions.find((entry) => entry.name === name);

describe('estimateExpectedRoi', () => {
  it('prices a hybrid deal at the rate-card minimums and discounts the track record by the commission', () => {
    const result = estimateExpectedRoi(infantSupplement, pediatrician);
    // Net GMV = 3.3714× × CNY 6,000 = CNY 20,228.57; cost = 6,000 + 15 % of it = CNY 9,034.29.
    expect(result).toMatchObject({ expectedNetGmv: 2_022_857, expectedCost: 903_429, roiBp: 22_391, currency: 'CNY' });
    expect(result.assumptions.map((entry) => entry.name)).toEqual([
      'dealStructure',
      'fixedFee',
      'commissionRate',
      'ownRoiInVertical',
      'verticalAverageRoi',
      'shrunkRoi',
      'referenceSpend',
      'expectedNetGmv',
      'expectedCost',
    ]);
    expect(assumptionNamed(result, 'dealStructure')?.value).toBe('HYBRID');
    expect(assumptionNamed(result, 'fixedFee')).toEqual({ name: 'fixedFee', value: 'CNY 6,000.00', source: "The rate card's minimum fee for an image post." });
    expect(assumptionNamed(result, 'commissionRate')?.value).toBe('15.00%');
    expect(assumptionNamed(result, 'ownRoiInVertical')).toMatchObject({ value: '3.80×', source: expect.stringContaining('9 completed deals') });
    expect(assumptionNamed(result, 'verticalAverageRoi')?.value).toBe('2.60×');
    expect(assumptionNamed(result, 'shrunkRoi')).toMatchObject({ value: '3.37×', source: expect.stringContaining('n = 9') });
    for (const assumption of result.assumptions) {
      expect(assumption.value).not.toBe('');
      expect(assumption.source).toMatch(/\.$/);
    }
  });

  it('expects the shrunk ROI itself from a fixed-fee deal, which pays no commission', () => {
    const result = estimateExpectedRoi({ ...infantSupplement, preferredStructures: ['FIXED_FEE'] }, pediatrician);
    expect(result).toMatchObject({ expectedNetGmv: 2_022_857, expectedCost: yuan(6_000), roiBp: 33_714 });
    expect(assumptionNamed(result, 'commissionRate')).toMatchObject({ value: '0.00%', source: 'A fixed-fee deal pays no commission.' });
  });

  it('expects 1 ÷ commission from a commission-only deal, which pays no slot fee', () => {
    const result = estimateExpectedRoi({ ...infantSupplement, preferredStructures: ['COMMISSION'] }, pediatrician);
    expect(result.roiBp).toBe(66_667);
    expect(result.expectedCost).toBe(Math.round(2_022_857 * 0.15));
    expect(assumptionNamed(result, 'fixedFee')).toMatchObject({ value: 'CNY 0.00', source: 'A commission-only deal pays no slot fee.' });
  });

  it('assumes the vertical average for a newcomer and says so', () => {
    const newcomer = { ...pediatrician, trackRecord: { dealsCompleted: 0, roiBpInVertical: null, verticalAverageRoiBp: 26_000 } };
    const result = estimateExpectedRoi({ ...infantSupplement, preferredStructures: ['FIXED_FEE'] }, newcomer);
    expect(result.roiBp).toBe(26_000);
    expect(assumptionNamed(result, 'ownRoiInVertical')).toMatchObject({
      value: 'none',
      source: 'No completed deals with reported sales in the vertical: the ROI below is an assumption (the vertical average), not a record.',
    });
  });

  it('gives no ROI when nobody has completed a deal in the vertical, but still the fixed cost', () => {
    const unknown = { ...pediatrician, trackRecord: { dealsCompleted: 0, roiBpInVertical: null, verticalAverageRoiBp: null } };
    const result = estimateExpectedRoi(infantSupplement, unknown);
    expect(result).toMatchObject({ roiBp: null, expectedNetGmv: null, expectedCost: yuan(6_000) });
    expect(assumptionNamed(result, 'expectedNetGmv')).toMatchObject({ value: 'unknown', source: expect.stringContaining('no basis') });
  });

  it("falls back to the brief's budget per slot when the rate card states no fee for its formats", () => {
    const noCard = { ...pediatrician, rateCard: { currency: 'CNY', minFixedFeeByFormat: { LIVE_STREAM: yuan(50_000) }, minCommissionBp: 0 } };
    const result = estimateExpectedRoi({ ...infantSupplement, preferredStructures: ['FIXED_FEE'] }, noCard);
    expect(result.expectedCost).toBe(yuan(100_000));
    expect(assumptionNamed(result, 'referenceSpend')).toEqual({
      name: 'referenceSpend',
      value: 'CNY 100,000.00',
      source: "The rate card states no fee for the brief's formats, so the brief's budget per slot (CNY 300,000.00 over 3 slots) stands in.",
    });
    const dollars = estimateExpectedRoi(infantSupplement, { ...pediatrician, rateCard: { ...pediatrician.rateCard, currency: 'USD' } });
    expect(assumptionNamed(dollars, 'referenceSpend')?.source).toContain('The rate card is in USD, not CNY');
  });

  it("uses an operator's fee per broadcast", () => {
    const operator: MatchCandidate = {
      ...pediatrician,
      kind: 'trader',
      rateCard: { currency: 'CNY', minFixedFeeByFormat: {}, flatMinFixedFee: yuan(80_000), minCommissionBp: 500 },
      capabilities: ['SUPPLY_CHAIN', 'FULFILMENT'],
    };
    const result = estimateExpectedRoi({ ...infantSupplement, objective: 'OPERATED_SELF_BROADCAST', formats: [ContentFormat.LIVE_STREAM], slots: 1 }, operator);
    expect(assumptionNamed(result, 'fixedFee')).toMatchObject({ value: 'CNY 80,000.00', source: "The rate card's minimum fee per broadcast." });
  });

  const recordArbitrary: fc.Arbitrary<TrackRecord> = fc.record({
    dealsCompleted: fc.nat(200),
    roiBpInVertical: fc.option(fc.integer({ min: 0, max: 300_000 }), { nil: null }),
    verticalAverageRoiBp: fc.option(fc.integer({ min: 0, max: 300_000 }), { nil: null }),
  });
  const structuresArbitrary = fc.uniqueArray(fc.constantFrom('FIXED_FEE' as const, 'COMMISSION' as const, 'HYBRID' as const), { maxLength: 3 });

  it('always gives whole minor units, a cost that is not negative, and an ROI that is null only without a basis or a cost', () => {
    fc.assert(
      fc.property(recordArbitrary, structuresArbitrary, fc.nat(yuan(1_000_000)), fc.integer({ min: 0, max: 10_000 }), (trackRecord, preferredStructures, fee, commissionBp) => {
        const result = estimateExpectedRoi(
          { ...infantSupplement, preferredStructures },
          { ...pediatrician, trackRecord, rateCard: { currency: 'CNY', minFixedFeeByFormat: { SHORT_VIDEO: fee }, minCommissionBp: commissionBp } },
        );
        expect(Number.isInteger(result.expectedCost) && result.expectedCost >= 0).toBe(true);
        if (result.expectedNetGmv === null) {
          expect(result.roiBp).toBeNull();
        } else {
          expect(Number.isInteger(result.expectedNetGmv) && result.expectedNetGmv >= 0).toBe(true);
          expect(result.roiBp === null).toBe(result.expectedCost === 0);
        }
        if (result.roiBp !== null) expect(Number.isInteger(result.roiBp) && result.roiBp >= 0).toBe(true);
      }),
    );
  });

  it('never expects less from a better record in the same vertical', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.nat(200_000), fc.nat(200_000), (deals, a, b) => {
        const [worse, better] = a <= b ? [a, b] : [b, a];
        const roi = (roiBpInVertical: number) =>
          estimateExpectedRoi(infantSupplement, { ...pediatrician, trackRecord: { dealsCompleted: deals, roiBpInVertical, verticalAverageRoiBp: 26_000 } }).roiBp!;
        expect(roi(better)).toBeGreaterThanOrEqual(roi(worse));
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeCredibility,
  LEVEL_THRESHOLDS,
  levelForScore,
  MAX_AUDIENCE_POINTS,
  MAX_CREDENTIAL_POINTS,
  MAX_TRACK_RECORD_POINTS,
  NO_TRACK_RECORD,
  type TrackRecordInputs,
  trackRecordPoints,
} from './credibility.js';

describe('computeCredibility', () => {
  it('gives nothing to an account with no verified credential and no audience', () => {
    expect(computeCredibility({ verifiedCredentialCount: 0, audienceQuality: null })).toEqual({
      score: 0,
      level: 1,
      credentialPoints: 0,
      audiencePoints: 0,
      trackRecordPoints: 0,
    });
  });

  it('places a verified dermatologist with a clean audience above a celebrity with a padded one', () => {
    const dermatologist = computeCredibility({ verifiedCredentialCount: 1, audienceQuality: 0.92 });
    const celebrity = computeCredibility({ verifiedCredentialCount: 0, audienceQuality: 0.7 });
    expect(dermatologist.score).toBe(50);
    expect(dermatologist.level).toBe(4);
    expect(celebrity.score).toBe(15);
    expect(celebrity.level).toBe(1);
  });

  it('gives no audience points at or below 40 % real followers, and full points at 100 %', () => {
    expect(computeCredibility({ verifiedCredentialCount: 0, audienceQuality: 0.4 }).audiencePoints).toBe(0);
    expect(computeCredibility({ verifiedCredentialCount: 0, audienceQuality: 0.1 }).audiencePoints).toBe(0);
    expect(computeCredibility({ verifiedCredentialCount: 0, audienceQuality: 1 }).audiencePoints).toBe(MAX_AUDIENCE_POINTS);
  });

  it('rewards further credentials less than the first', () => {
    const points = [1, 2, 3, 4].map((count) => computeCredibility({ verifiedCredentialCount: count, audienceQuality: null }).credentialPoints);
    expect(points).toEqual([24, 30, 34, 34]);
  });

  it('keeps L5 out of reach without a track record', () => {
    const best = computeCredibility({ verifiedCredentialCount: 10, audienceQuality: 1 });
    expect(best.score).toBe(MAX_CREDENTIAL_POINTS + MAX_AUDIENCE_POINTS);
    expect(best.level).toBe(4);
  });

  it('always yields a score in 0..100 that never falls when credentials or audience quality improve', () => {
    fc.assert(
      fc.property(
        fc.nat(6),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.nat(2),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        (count, quality, extraCount, extraQuality) => {
          const base = computeCredibility({ verifiedCredentialCount: count, audienceQuality: quality });
          const better = computeCredibility({
            verifiedCredentialCount: count + extraCount,
            audienceQuality: Math.min(1, quality + extraQuality),
          });
          expect(base.score).toBeGreaterThanOrEqual(0);
          expect(base.score).toBeLessThanOrEqual(100);
          expect(better.score).toBeGreaterThanOrEqual(base.score);
          expect(base.level).toBe(levelForScore(base.score));
        },
      ),
    );
  });
});

/** n settled deals, each with `deliverables` deliverables on time, a 5-star review, the given ROI and a guarantee met. */
function excellentRecord(deals: number, roiBp = 40_000, deliverables = 2): TrackRecordInputs {
  return {
    dealsCompleted: deals,
    deliverablesTotal: deals * deliverables,
    deliverablesOnTime: deals * deliverables,
    guaranteedDeals: deals,
    guaranteeAttainment: deals,
    averageRoiBp: roiBp,
    roiDeals: deals,
    reviewCount: deals,
    reviewAverage: 5,
  };
}

/** Inputs a real record can hold: counts within the deals, at most one review and one guarantee per deal. */
const recordArbitrary: fc.Arbitrary<TrackRecordInputs> = fc
  .record({
    dealsCompleted: fc.nat(60),
    deliverables: fc.nat(200),
    onTimeShare: fc.double({ min: 0, max: 1, noNaN: true }),
    guaranteedShare: fc.double({ min: 0, max: 1, noNaN: true }),
    attainment: fc.double({ min: 0, max: 1, noNaN: true }),
    averageRoiBp: fc.option(fc.integer({ min: 0, max: 500_000 }), { nil: null }),
    reviewedShare: fc.double({ min: 0, max: 1, noNaN: true }),
    reviewAverage: fc.double({ min: 1, max: 5, noNaN: true }),
  })
  .map((r) => {
    const guaranteedDeals = Math.floor(r.dealsCompleted * r.guaranteedShare);
    const reviewCount = Math.floor(r.dealsCompleted * r.reviewedShare);
    return {
      dealsCompleted: r.dealsCompleted,
      deliverablesTotal: r.deliverables,
      deliverablesOnTime: Math.floor(r.deliverables * r.onTimeShare),
      guaranteedDeals,
      guaranteeAttainment: guaranteedDeals * r.attainment,
      averageRoiBp: r.dealsCompleted ? r.averageRoiBp : null,
      roiDeals: r.averageRoiBp === null ? 0 : r.dealsCompleted,
      reviewCount,
      reviewAverage: reviewCount ? r.reviewAverage : null,
    };
  });

describe('credibility from the track record', () => {
  const pediatrician = { verifiedCredentialCount: 1, audienceQuality: 0.953 };

  it('leaves every score without a settled deal exactly as credentials and audience make it', () => {
    fc.assert(
      fc.property(fc.nat(6), fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }), (count, quality) => {
        const without = computeCredibility({ verifiedCredentialCount: count, audienceQuality: quality });
        const empty = computeCredibility({ verifiedCredentialCount: count, audienceQuality: quality, trackRecord: NO_TRACK_RECORD });
        expect(empty).toEqual(without);
        expect(without.trackRecordPoints).toBe(0);
      }),
    );
  });

  it('lifts a verified pediatrician with a clean audience from L4 to L5 only after a run of excellent deals', () => {
    expect(computeCredibility(pediatrician)).toMatchObject({ score: 52, level: 4 });
    expect(computeCredibility({ ...pediatrician, trackRecord: excellentRecord(3) }).level).toBe(4);
    const proven = computeCredibility({ ...pediatrician, trackRecord: excellentRecord(8) });
    expect(proven.level).toBe(5);
    expect(proven.trackRecordPoints).toBeGreaterThan(18);
  });

  it('never gives L5 for a single deal, however perfect the profile and the deal', () => {
    fc.assert(
      fc.property(recordArbitrary, (record) => {
        const single = { ...record, dealsCompleted: Math.min(1, record.dealsCompleted) };
        const capped = {
          ...single,
          guaranteedDeals: Math.min(single.guaranteedDeals, single.dealsCompleted),
          guaranteeAttainment: Math.min(single.guaranteeAttainment, single.dealsCompleted),
          reviewCount: Math.min(single.reviewCount, single.dealsCompleted),
          roiDeals: Math.min(single.roiDeals, single.dealsCompleted),
        };
        expect(computeCredibility({ verifiedCredentialCount: 9, audienceQuality: 1, trackRecord: capped }).level).toBeLessThanOrEqual(4);
      }),
    );
    const perfectDeal = { ...excellentRecord(1, 10_000_000, 50) };
    expect(computeCredibility({ verifiedCredentialCount: 9, audienceQuality: 1, trackRecord: perfectDeal }).level).toBe(4);
    expect(computeCredibility({ verifiedCredentialCount: 9, audienceQuality: 1, trackRecord: excellentRecord(2) }).level).toBe(5);
  });

  it('rewards deliverables on time, guarantees met, ROI and good reviews', () => {
    const base = excellentRecord(6);
    const worse = (change: Partial<TrackRecordInputs>) => trackRecordPoints({ ...base, ...change });
    const best = trackRecordPoints(base);
    expect(worse({ deliverablesOnTime: 6 })).toBeLessThan(best);
    expect(worse({ guaranteeAttainment: 3 })).toBeLessThan(best);
    expect(worse({ averageRoiBp: 5_000 })).toBeLessThan(best);
    expect(worse({ reviewAverage: 2 })).toBeLessThan(best);
  });

  it('shrinks a few reviews toward neutral: one 5-star review counts less than ten', () => {
    const reviewed = (reviewCount: number, reviewAverage: number | null) =>
      trackRecordPoints({ ...NO_TRACK_RECORD, dealsCompleted: 10, reviewCount, reviewAverage });
    const unreviewed = reviewed(0, null);
    expect(reviewed(1, 5) - unreviewed).toBeGreaterThan(0);
    expect(reviewed(10, 5) - unreviewed).toBeGreaterThan(2 * (reviewed(1, 5) - unreviewed));
    expect(reviewed(1, 1)).toBeLessThan(unreviewed);
  });

  it('stays in 0..100 and never falls when a good input improves', () => {
    fc.assert(
      fc.property(
        recordArbitrary,
        fc.nat(4),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom('dealsCompleted', 'deliverablesOnTime', 'guaranteeAttainment', 'averageRoiBp', 'reviewAverage'),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (record, credentials, audience, input, step) => {
          const better: TrackRecordInputs = { ...record };
          if (input === 'dealsCompleted') better.dealsCompleted += 1 + Math.floor(step * 10);
          if (input === 'deliverablesOnTime') better.deliverablesOnTime = Math.min(record.deliverablesTotal, record.deliverablesOnTime + Math.ceil(step * 5));
          if (input === 'guaranteeAttainment') better.guaranteeAttainment = Math.min(record.guaranteedDeals, record.guaranteeAttainment + step);
          if (input === 'averageRoiBp' && record.averageRoiBp !== null) better.averageRoiBp = record.averageRoiBp + Math.floor(step * 50_000);
          if (input === 'reviewAverage' && record.reviewAverage !== null) better.reviewAverage = Math.min(5, record.reviewAverage + step);
          const before = computeCredibility({ verifiedCredentialCount: credentials, audienceQuality: audience, trackRecord: record });
          const after = computeCredibility({ verifiedCredentialCount: credentials, audienceQuality: audience, trackRecord: better });
          expect(after.score).toBeGreaterThanOrEqual(before.score);
          expect(trackRecordPoints(better)).toBeGreaterThanOrEqual(trackRecordPoints(record) - 1e-9);
          for (const result of [before, after]) {
            expect(result.score).toBeGreaterThanOrEqual(0);
            expect(result.score).toBeLessThanOrEqual(100);
            expect(result.trackRecordPoints).toBeLessThan(MAX_TRACK_RECORD_POINTS);
            expect(result.level).toBe(levelForScore(result.score));
          }
        },
      ),
    );
  });

  it('treats nonsense counts as no evidence rather than failing', () => {
    const points = trackRecordPoints({ ...NO_TRACK_RECORD, dealsCompleted: Number.NaN, reviewCount: -3, reviewAverage: 9 });
    expect(points).toBe(0);
    expect(trackRecordPoints({ ...excellentRecord(4), averageRoiBp: Number.POSITIVE_INFINITY })).toBeGreaterThan(trackRecordPoints(excellentRecord(4)));
  });
});

describe('credibility of talent without an audience (operators)', () => {
  const operator = (record: TrackRecordInputs) => computeCredibility({ verifiedCredentialCount: 0, audienceQuality: null, trackRecord: record });
  /** Five to eight self-broadcasts, one deliverable each, on time, reviewed 5 stars, no guarantees asked. */
  const operatorRecord = (deals: number, roiBp: number): TrackRecordInputs => ({
    ...excellentRecord(deals, roiBp, 1),
    guaranteedDeals: 0,
    guaranteeAttainment: 0,
  });

  it('lifts an operator with five settled deals at 3.6× to L3, where the record alone once left them L1', () => {
    expect(operator(operatorRecord(5, 36_000)).level).toBe(3);
    expect(computeCredibility({ verifiedCredentialCount: 0, audienceQuality: 0.4, trackRecord: operatorRecord(5, 36_000) }).level).toBe(1);
  });

  it('keeps an operator with one middling deal at L1, and gives a long excellent record a high level', () => {
    expect(operator({ ...operatorRecord(1, 15_000), reviewAverage: 3 }).level).toBe(1);
    expect(operator(excellentRecord(20)).level).toBeGreaterThanOrEqual(4);
    expect(operator(excellentRecord(1000)).score).toBeLessThanOrEqual(100);
  });

  it('ranks operators by their record: more deals, better ROI, kept guarantees never lower the score', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 80_000 }), (deals, roiBp) => {
        const base = operator(operatorRecord(deals, roiBp)).score;
        expect(operator(operatorRecord(deals + 1, roiBp)).score).toBeGreaterThanOrEqual(base);
        expect(operator(operatorRecord(deals, roiBp + 10_000)).score).toBeGreaterThanOrEqual(base);
        expect(operator({ ...operatorRecord(deals, roiBp), guaranteedDeals: deals, guaranteeAttainment: deals }).score).toBeGreaterThanOrEqual(base);
      }),
    );
  });
});

describe('levelForScore', () => {
  it('starts each level exactly at its threshold', () => {
    for (const [level, threshold] of Object.entries(LEVEL_THRESHOLDS)) {
      expect(levelForScore(threshold)).toBe(Number(level));
      if (threshold > 0) expect(levelForScore(threshold - 1)).toBe(Number(level) - 1);
    }
  });
});

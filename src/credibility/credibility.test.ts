import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCredibility, LEVEL_THRESHOLDS, levelForScore, MAX_AUDIENCE_POINTS, MAX_CREDENTIAL_POINTS } from './credibility.js';

describe('computeCredibility', () => {
  it('gives nothing to an account with no verified credential and no audience', () => {
    expect(computeCredibility({ verifiedCredentialCount: 0, audienceQuality: null })).toEqual({
      score: 0,
      level: 1,
      credentialPoints: 0,
      audiencePoints: 0,
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

describe('levelForScore', () => {
  it('starts each level exactly at its threshold', () => {
    for (const [level, threshold] of Object.entries(LEVEL_THRESHOLDS)) {
      expect(levelForScore(threshold)).toBe(Number(level));
      if (threshold > 0) expect(levelForScore(threshold - 1)).toBe(Number(level) - 1);
    }
  });
});

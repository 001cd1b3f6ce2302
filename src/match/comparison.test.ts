import { describe, expect, it } from 'vitest';
import { compareWithAbove } from './comparison.js';
import type { ExpectedRoi } from './expected-roi.js';
import type { MatchScore } from './scoring.js';

const roi = (expectedNetGmv: number | null, expectedCost: number): ExpectedRoi => ({ roiBp: null, expectedNetGmv, expectedCost, currency: 'CNY', assumptions: [] });
const score = (contributions: Record<string, number>): MatchScore => ({
  score: Object.values(contributions).reduce((sum, part) => sum + part, 0),
  flags: [],
  factors: Object.entries(contributions).map(([factor, contribution]) => ({ factor: factor as never, weight: 0.2, value: contribution / 0.2, contribution, reason: 'Why.' })),
});

describe('compareWithAbove', () => {
  it('says "similar expected GMV, higher cost" and names the factor behind most of the gap', () => {
    const above = { score: score({ trackRecord: 0.3, priceFit: 0.06 }), expectedRoi: roi(3_000_000, 900_000) };
    const here = { score: score({ trackRecord: 0.29, priceFit: 0.02 }), expectedRoi: roi(2_900_000, 2_400_000) };
    const comparison = compareWithAbove(4, here, above);
    expect(comparison.factor).toBe('priceFit');
    expect(comparison.sentence).toBe(
      'Below #3: similar expected GMV (CNY 29,000.00 against CNY 30,000.00) and higher cost (CNY 24,000.00 against CNY 9,000.00); most of the gap is price fit (0.040 of score).',
    );
  });

  it('says when a match was placed below one that scores less', () => {
    const above = { score: score({ trackRecord: 0.1 }), expectedRoi: roi(null, 500_000) };
    const here = { score: score({ trackRecord: 0.3 }), expectedRoi: roi(null, 500_000) };
    expect(compareWithAbove(10, here, above).sentence).toContain('Placed below #9 though it scores as well or better');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MATCH_WEIGHTS, FACTORS_FOR_KIND, MATCH_FACTORS, type MatchFactor, normalise, validateWeights, WeightProblemCode } from './weights.js';

const total = (weights: Record<MatchFactor, number>, factors: readonly MatchFactor[] = MATCH_FACTORS) =>
  factors.reduce((sum, factor) => sum + weights[factor], 0);

describe('DEFAULT_MATCH_WEIGHTS', () => {
  it('adds up to 1 for creators, and normalises to 1 for operators, whose capabilities weigh more than the two creator factors they replace', () => {
    expect(total(DEFAULT_MATCH_WEIGHTS, FACTORS_FOR_KIND.creator)).toBeCloseTo(1, 12);
    expect(total(normalise(DEFAULT_MATCH_WEIGHTS, FACTORS_FOR_KIND.trader), FACTORS_FOR_KIND.trader)).toBeCloseTo(1, 12);
    expect(DEFAULT_MATCH_WEIGHTS.capabilityFit).toBeGreaterThan(DEFAULT_MATCH_WEIGHTS.nicheTagOverlap + DEFAULT_MATCH_WEIGHTS.audienceFit);
  });

  it('scores operators on capabilities instead of niche tags and audience, and creators the other way round', () => {
    expect(FACTORS_FOR_KIND.trader).toContain('capabilityFit');
    expect(FACTORS_FOR_KIND.trader).not.toContain('audienceFit');
    expect(FACTORS_FOR_KIND.trader).not.toContain('nicheTagOverlap');
    expect(FACTORS_FOR_KIND.creator).not.toContain('capabilityFit');
  });

  it('cannot be changed by a caller', () => {
    expect(Object.isFrozen(DEFAULT_MATCH_WEIGHTS)).toBe(true);
  });
});

describe('validateWeights', () => {
  it('gives the defaults, normalised, when the caller passes nothing', () => {
    const result = validateWeights(undefined);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(total(result.weights)).toBeCloseTo(1, 12);
    // Nine factors adding up to more than 1 before normalising (capability fit stands in for two creator factors): each keeps its proportion.
    expect(result.weights.verticalFit / result.weights.trackRecord).toBeCloseTo(DEFAULT_MATCH_WEIGHTS.verticalFit / DEFAULT_MATCH_WEIGHTS.trackRecord, 12);
  });

  it('keeps the default for every factor the caller leaves out or sets to null', () => {
    const result = validateWeights({ priceFit: 1.2, availability: null });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.weights.priceFit / result.weights.verticalFit).toBeCloseTo(1.2 / DEFAULT_MATCH_WEIGHTS.verticalFit, 9);
    expect(result.weights.availability / result.weights.verticalFit).toBeCloseTo(DEFAULT_MATCH_WEIGHTS.availability / DEFAULT_MATCH_WEIGHTS.verticalFit, 9);
  });

  it('lets a caller switch a factor off with 0', () => {
    const result = validateWeights({ priceFit: 0 });
    expect(result.ok && result.weights.priceFit).toBe(0);
  });

  it('rejects a negative weight, naming the field', () => {
    expect(validateWeights({ credibility: -0.1 })).toEqual({
      ok: false,
      problems: [{ code: WeightProblemCode.NEGATIVE_WEIGHT, field: 'credibility', message: expect.stringContaining('must not be negative') }],
    });
  });

  it('rejects NaN and infinite weights, naming each field, all at once', () => {
    const result = validateWeights({ trackRecord: Number.NaN, priceFit: Number.POSITIVE_INFINITY, audienceFit: -1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(({ code, field }) => ({ code, field }))).toEqual([
      { code: WeightProblemCode.NEGATIVE_WEIGHT, field: 'audienceFit' },
      { code: WeightProblemCode.NON_FINITE_WEIGHT, field: 'trackRecord' },
      { code: WeightProblemCode.NON_FINITE_WEIGHT, field: 'priceFit' },
    ]);
  });

  it('rejects weights that are all zero', () => {
    const allZero = Object.fromEntries(MATCH_FACTORS.map((factor) => [factor, 0]));
    const result = validateWeights(allZero);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(({ code, field }) => ({ code, field }))).toEqual([
      { code: WeightProblemCode.ALL_WEIGHTS_ZERO, field: null },
      { code: WeightProblemCode.ALL_WEIGHTS_ZERO, field: null },
    ]);
  });

  it('rejects weights that leave every creator factor at zero when creators are to be ranked', () => {
    const onlyCapability = Object.fromEntries(MATCH_FACTORS.map((factor) => [factor, factor === 'capabilityFit' ? 1 : 0]));
    expect(validateWeights(onlyCapability, ['trader']).ok).toBe(true);
    const forCreators = validateWeights(onlyCapability, ['creator']);
    expect(forCreators.ok).toBe(false);
    if (forCreators.ok) return;
    expect(forCreators.problems).toEqual([{ code: WeightProblemCode.ALL_WEIGHTS_ZERO, field: null, message: expect.stringContaining('creators') }]);
  });

  it('normalises any valid weights to non-negative shares adding up to 1, keeping their proportions', () => {
    const weight = fc.oneof(fc.constant(null), fc.constant(0), fc.double({ min: 0, max: Number.MAX_VALUE, noNaN: true }));
    fc.assert(
      fc.property(fc.record(Object.fromEntries(MATCH_FACTORS.map((factor) => [factor, weight])) as Record<MatchFactor, fc.Arbitrary<number | null>>), (input) => {
        const result = validateWeights(input);
        if (!result.ok) {
          expect(result.problems.every((problem) => problem.code === WeightProblemCode.ALL_WEIGHTS_ZERO)).toBe(true);
          return;
        }
        expect(total(result.weights)).toBeCloseTo(1, 9);
        for (const factor of MATCH_FACTORS) expect(result.weights[factor]).toBeGreaterThanOrEqual(0);
        const merged = (factor: MatchFactor) => input[factor] ?? DEFAULT_MATCH_WEIGHTS[factor];
        const [a, b] = [MATCH_FACTORS[0]!, MATCH_FACTORS[1]!];
        if (result.weights[b] > 1e-9) {
          const expected = merged(a) / merged(b);
          expect(Math.abs(result.weights[a] / result.weights[b] - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, expected));
        }
      }),
    );
  });
});

describe('normalise', () => {
  it('scales only the given factors and sets the others to 0', () => {
    const weights = normalise(DEFAULT_MATCH_WEIGHTS, FACTORS_FOR_KIND.trader);
    expect(weights.audienceFit).toBe(0);
    expect(weights.nicheTagOverlap).toBe(0);
    expect(total(weights)).toBeCloseTo(1, 12);
  });

  it('refuses factors that all weigh zero', () => {
    const zero = Object.fromEntries(MATCH_FACTORS.map((factor) => [factor, 0])) as Record<MatchFactor, number>;
    expect(() => normalise(zero, MATCH_FACTORS)).toThrow(RangeError);
  });
});

/**
 * How much each factor of a match counts. The defaults live here and nowhere else; a caller may
 * pass its own weights, which `validateWeights` checks and normalises.
 */

/**
 * The factors a match is scored on. The keys are the GraphQL enum names, the values the field
 * names of a weights input, so one object serves the schema and the scoring.
 */
export const MatchFactor = {
  VERTICAL_FIT: 'verticalFit',
  NICHE_TAG_OVERLAP: 'nicheTagOverlap',
  CREDENTIAL_RELEVANCE: 'credentialRelevance',
  CREDIBILITY: 'credibility',
  AUDIENCE_FIT: 'audienceFit',
  TRACK_RECORD: 'trackRecord',
  PRICE_FIT: 'priceFit',
  AVAILABILITY: 'availability',
  CAPABILITY_FIT: 'capabilityFit',
} as const;
export type MatchFactor = (typeof MatchFactor)[keyof typeof MatchFactor];

/** Every factor, in the order factors are listed in a score. */
export const MATCH_FACTORS: readonly MatchFactor[] = Object.values(MatchFactor);

export type CandidateKind = 'creator' | 'trader';

/**
 * Operators have no niche tags and no audience of their own (they run the brand's stream), and
 * only operators have capabilities; a factor that cannot be judged for a kind is left out rather
 * than scored as a miss.
 */
export const FACTORS_FOR_KIND: Readonly<Record<CandidateKind, readonly MatchFactor[]>> = {
  creator: MATCH_FACTORS.filter((factor) => factor !== MatchFactor.CAPABILITY_FIT),
  trader: MATCH_FACTORS.filter((factor) => factor !== MatchFactor.NICHE_TAG_OVERLAP && factor !== MatchFactor.AUDIENCE_FIT),
};

export type MatchWeights = Readonly<Record<MatchFactor, number>>;

/**
 * Relative weights. The creator factors add up to 1; the operator factors are normalised the same
 * way, with capability fit weighing more than the niche tags and audience it replaces, because
 * what an operator can run is the job they are hired for. Expected
 * ROI (the track-record factor) leads because the market now buys ROI, not reach; vertical fit,
 * niche tags and credential relevance say whether the talent is a specialist for the product;
 * price enters once, through price fit; follower count is deliberately not a factor at all.
 * Chosen on the judged set among 10,000 distractors (`EVAL_GRID=1 npm run eval:match`, a grid of
 * 162 combinations around these, seeds/match-judged-set.ts): expected ROI at 0.45 or more and
 * niche tags at 0.05 made a flat best region; vertical fit and credential relevance barely
 * moved it. The defaults sit inside that region at round values rather than on its best point,
 * so they do not follow the judged set's accidents. See bench/README.md.
 */
export const DEFAULT_MATCH_WEIGHTS: MatchWeights = Object.freeze({
  verticalFit: 0.15,
  nicheTagOverlap: 0.05,
  credentialRelevance: 0.08,
  credibility: 0.06,
  audienceFit: 0.08,
  trackRecord: 0.45,
  priceFit: 0.06,
  availability: 0.07,
  capabilityFit: 0.24,
});

/** Weights as a caller gives them: any subset; a factor left out (or null) keeps its default. */
export type MatchWeightsInput = Partial<Record<MatchFactor, number | null>>;

export const WeightProblemCode = {
  NEGATIVE_WEIGHT: 'NEGATIVE_WEIGHT',
  NON_FINITE_WEIGHT: 'NON_FINITE_WEIGHT',
  ALL_WEIGHTS_ZERO: 'ALL_WEIGHTS_ZERO',
} as const;
export type WeightProblemCode = (typeof WeightProblemCode)[keyof typeof WeightProblemCode];

export interface WeightProblem {
  code: WeightProblemCode;
  /** The weights field at fault, or null when the problem is the weights as a whole. */
  field: MatchFactor | null;
  message: string;
}

export type WeightsValidation = { ok: true; weights: MatchWeights } | { ok: false; problems: WeightProblem[] };

const KIND_NAMES: Record<CandidateKind, string> = { creator: 'creators', trader: 'live-stream operators' };

/**
 * Checks a caller's weights and returns them merged with the defaults and normalised to add up to
 * 1, or every problem at once. `kinds` are the candidate kinds the weights will score: each must
 * keep at least one factor above zero, since a kind whose factors all weigh 0 cannot be ranked.
 */
export function validateWeights(
  input: MatchWeightsInput | null | undefined,
  kinds: readonly CandidateKind[] = ['creator', 'trader'],
): WeightsValidation {
  const merged: Record<MatchFactor, number> = { ...DEFAULT_MATCH_WEIGHTS };
  const problems: WeightProblem[] = [];
  for (const factor of MATCH_FACTORS) {
    const given = input?.[factor];
    if (given == null) continue;
    if (!Number.isFinite(given)) {
      problems.push({ code: WeightProblemCode.NON_FINITE_WEIGHT, field: factor, message: `The weight of ${factor} must be a finite number.` });
    } else if (given < 0) {
      problems.push({ code: WeightProblemCode.NEGATIVE_WEIGHT, field: factor, message: `The weight of ${factor} must not be negative; use 0 to ignore the factor.` });
    } else {
      merged[factor] = given;
    }
  }
  if (problems.length) return { ok: false, problems };

  for (const kind of kinds) {
    if (FACTORS_FOR_KIND[kind].every((factor) => merged[factor] === 0)) {
      problems.push({
        code: WeightProblemCode.ALL_WEIGHTS_ZERO,
        field: null,
        message: `At least one factor that applies to ${KIND_NAMES[kind]} (${FACTORS_FOR_KIND[kind].join(', ')}) must weigh more than 0.`,
      });
    }
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, weights: normalise(merged, MATCH_FACTORS) };
}

/**
 * The weights of `factors` scaled to add up to 1, every other factor 0. Dividing by the largest
 * weight first keeps the sum finite for weights near Number.MAX_VALUE. Throws when all of
 * `factors` weigh 0: validated weights never do.
 */
export function normalise(weights: MatchWeights, factors: readonly MatchFactor[]): MatchWeights {
  const largest = Math.max(0, ...factors.map((factor) => weights[factor]));
  if (!(largest > 0)) throw new RangeError(`No weight above 0 among ${factors.join(', ')}.`);
  const scaled = factors.map((factor) => weights[factor] / largest);
  const total = scaled.reduce((sum, weight) => sum + weight, 0);
  const result = Object.fromEntries(MATCH_FACTORS.map((factor) => [factor, 0])) as Record<MatchFactor, number>;
  factors.forEach((factor, index) => (result[factor] = scaled[index]! / total));
  return Object.freeze(result);
}

import { defineProblems } from '../common/problems.js';

/** Refusals of the ranking's `weights` argument (weights.ts validates them). */
export const MatchProblem = defineProblems({
  NEGATIVE_WEIGHT: 'A match weight is negative; use 0 to ignore a factor.',
  NON_FINITE_WEIGHT: 'A match weight is not a finite number.',
  ALL_WEIGHTS_ZERO: 'Every factor that applies to the candidates weighs 0, so nothing can be ranked.',
});

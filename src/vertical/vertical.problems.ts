import { defineProblems } from '../common/problems.js';

/** Refusals of the vertical taxonomy's rules, raised for every module that names a vertical by slug. */
export const VerticalProblem = defineProblems({
  UNKNOWN_VERTICAL: 'No vertical has that slug or id.',
});

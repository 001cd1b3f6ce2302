import { defineProblems } from '../common/problems.js';

/** Refusals shared by the deal's sub-modules: amendments and deliverables both belong to one side. */
export const DealProblem = defineProblems({
  WRONG_SIDE:
    'The action belongs to the other side of the deal: an amendment is answered by the side that did not propose it and withdrawn by the side that did; deliverables are submitted by the talent’s side.',
});

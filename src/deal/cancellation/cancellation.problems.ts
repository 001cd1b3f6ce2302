import { defineProblems } from '../../common/problems.js';

export const CancellationProblem = defineProblems({
  WORK_STARTED: 'Proof of work was already submitted on the deal, so a party can no longer call it off; open a dispute (dealDisputeOpen) instead.',
});

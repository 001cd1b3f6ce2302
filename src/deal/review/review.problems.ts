import { defineProblems } from '../../common/problems.js';

export const ReviewProblem = defineProblems({
  DEAL_NOT_SETTLED: 'The deal is not settled yet; reviews open after settlement.',
});

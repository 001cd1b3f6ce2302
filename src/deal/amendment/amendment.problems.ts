import { defineProblems } from '../../common/problems.js';

export const AmendmentProblem = defineProblems({
  AMENDMENT_PENDING: 'An amendment to the deal already awaits an answer; answer or withdraw it first.',
});

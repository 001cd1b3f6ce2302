import { defineProblems } from '../../common/problems.js';

export const SettlementProblem = defineProblems({
  DEAL_NOT_DELIVERED: 'The deal is not DELIVERED: it settles only once every deliverable is approved (or when an admin resolves a dispute).',
});

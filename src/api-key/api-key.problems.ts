import { defineProblems } from '../common/problems.js';

export const ApiKeyProblem = defineProblems({
  SCOPE_NOT_ALLOWED: 'The scope cannot be held by a key of this kind of organisation.',
  KEY_REVOKED: 'The API key was already revoked.',
  SCOPE_MISSING: 'The API key does not hold the scope this operation needs.',
});

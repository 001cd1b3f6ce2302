import { defineProblems } from '../common/problems.js';

/**
 * Why signing up or logging in is refused. INVALID_EMAIL stays a shared code: invitations to a
 * brand or agency refuse a malformed email with it too.
 */
export const AccountProblem = defineProblems({
  PASSWORD_TOO_SHORT: 'Passwords need at least 10 characters.',
  EMAIL_TAKEN: 'An account with this email already exists.',
  INVALID_CREDENTIALS: 'The email and password do not match an account.',
});

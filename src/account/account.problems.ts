import { defineProblems } from '../common/problems.js';

/**
 * Why signing up, logging in or changing an account is refused. INVALID_EMAIL stays a shared
 * code: invitations to a brand or agency refuse a malformed email with it too. No code here ever
 * says whether an address has an account.
 */
export const AccountProblem = defineProblems({
  PASSWORD_TOO_SHORT: 'Passwords need at least 10 characters.',
  WEAK_PASSWORD: 'The password would be easy to guess: it is common, follows a pattern, or is built from the account’s own email or name.',
  INVALID_CREDENTIALS: 'The email and password do not match an account.',
  TOO_MANY_ATTEMPTS: 'Too many attempts from this address or at this account; wait `retryAfterSeconds` and try again.',
  INVALID_ACCOUNT_TOKEN: 'The link from the email is not valid: it was mistyped, already used, or has expired.',
  EMAIL_UNAVAILABLE: 'The address cannot be used for this account.',
  EMAIL_NOT_VERIFIED: 'Verify your email address first: follow the link mailed to it (requestEmailVerification sends a new one).',
});

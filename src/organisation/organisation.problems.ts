import { defineProblems } from '../common/problems.js';

/**
 * Refusals of the membership rules brands and agencies share. INVITATION_NOT_PENDING stays a
 * shared code: agency rosters refuse a second answer to their invitations with it too.
 */
export const OrganisationProblem = defineProblems({
  ALREADY_MEMBER: 'The user already belongs to this brand or agency.',
  ALREADY_INVITED: 'That email already has an open invitation to this brand or agency; revoke it first to invite again.',
  LAST_OWNER: 'A brand or agency must keep at least one owner.',
});

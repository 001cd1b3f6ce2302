import { defineProblems } from '../common/problems.js';

/**
 * Refusals of the roster rules. INVITATION_NOT_PENDING stays a shared code (organisation
 * invitations raise it too), and NOT_ON_ROSTER is raised by bid acceptance, not here.
 */
export const RosterProblem = defineProblems({
  ALREADY_ON_ROSTER: 'The talent already has an open invitation or an active roster place.',
  ROSTER_MEMBERSHIP_CLOSED: 'The roster membership was already declined or ended.',
});

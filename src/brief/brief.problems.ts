import { defineProblems } from '../common/problems.js';

/** Refusals of the brief rules: what may change in a brief, and when. */
export const BriefProblem = defineProblems({
  BRIEF_NOT_EDITABLE: 'The brief’s status rules out this change: its terms change only while it is a DRAFT, its invitations only while it is DRAFT or OPEN.',
  DEADLINE_IN_PAST: 'The deadline has already passed; choose a moment in the future.',
});

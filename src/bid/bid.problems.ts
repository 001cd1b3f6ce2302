import { defineProblems } from '../common/problems.js';

/**
 * Refusals of the bidding rules: who may bid on a brief, and how a bid moves to a deal.
 * STALE_REVISION stays a shared code (a deal amendment raises it too).
 */
export const BidProblem = defineProblems({
  BRIEF_NOT_OPEN: 'The brief does not allow this now: new bids need it OPEN before its deadline; changes to bids need it not yet awarded or cancelled.',
  NOT_INVITED: 'The brief is invite-only and neither the talent nor the bidding agency is invited.',
  MISSING_CREDENTIAL: 'The talent lacks a verified credential the brief or its products require.',
  BELOW_MIN_LEVEL: 'The talent’s credibility level is below the brief’s minimum.',
  ALREADY_BID: 'The talent already has an active bid on this brief; revise it instead.',
  AT_CAPACITY: 'The talent is working on as many deals as their capacity allows.',
  WRONG_BIDDER_KIND: 'Operated self-broadcast briefs take operators; the other objectives take creators.',
  NOT_ON_ROSTER: 'The talent is not an active member of the agency’s roster.',
  COUNTER_PENDING: 'The brand’s own counter-proposal still awaits the bidder’s answer.',
  SLOTS_FULL: 'Every slot of the brief is already filled.',
});

import { BriefObjective } from '../../brief/brief.entity.js';
import type { ProblemDetail } from '../../common/problems.js';
import { availableSlots } from '../../creator/capacity.js';
import { BidProblem } from '../bid.problems.js';

/*
 * Who may bid on a brief, in its two languages: the predicate here, which says why not, and its
 * SQL form beside it (eligibility.sql, `talent_meets_brief`), which candidate retrieval filters
 * with. eligibility.test.ts holds them to the same answer.
 */

/** Operated self-broadcasts are run by operators; every other objective is work for a creator. */
const OPERATOR_OBJECTIVE: string = BriefObjective.OPERATED_SELF_BROADCAST;

export type TalentKind = 'creator' | 'trader';

/** What of a talent's profile the bidding rules read. */
export interface TalentProfile {
  kind: TalentKind;
  /** Verified credential types, including the ones they imply (the profile's summary column). */
  verifiedCredentialTypes: readonly string[];
  credibilityLevel: number;
  capacity: number;
  activeDealCount: number;
}

/** What of a brief the bidding rules read. */
export interface BriefRequirements {
  objective: string;
  /** The brief's own required credentials and its products' together. */
  requiredCredentials: readonly string[];
  minCredibilityLevel: number;
}

/** The credential types `required` asks for that `held` lacks, in `required`'s order. */
export function missingCredentials(required: readonly string[], held: readonly string[]): string[] {
  const heldSet = new Set(held);
  return [...new Set(required)].filter((type) => !heldSet.has(type));
}

/**
 * The kind of talent a brief with this objective hires. Not part of the SQL form: candidate
 * retrieval reads the table of this kind (creator or trader) and nothing else.
 */
export function talentKindFor(objective: string): TalentKind {
  return objective === OPERATOR_OBJECTIVE ? 'trader' : 'creator';
}

export function isRightTalentKind(objective: string, kind: TalentKind): boolean {
  return talentKindFor(objective) === kind;
}

/**
 * Why this talent may not bid on this brief, one detail per broken rule, all at once (empty when
 * they may). Whether the brief is open, and whether the bidder is invited, are the caller's
 * questions: they need the clock and the database.
 */
export function talentEligibilityProblems(brief: BriefRequirements, talent: TalentProfile, talentField: string[]): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  if (!isRightTalentKind(brief.objective, talent.kind)) {
    problems.push({
      code: BidProblem.WRONG_BIDDER_KIND,
      field: talentField,
      message:
        brief.objective === OPERATOR_OBJECTIVE
          ? 'Operated self-broadcast briefs take bids from live-stream operators only.'
          : 'Only creators bid on seeding-content and live-sale briefs; operators bid on operated self-broadcasts.',
    });
  }
  const missing = missingCredentials(brief.requiredCredentials, talent.verifiedCredentialTypes);
  if (missing.length) {
    problems.push({
      code: BidProblem.MISSING_CREDENTIAL,
      field: talentField,
      message: `The brief requires verified credentials the talent does not hold: ${missing.join(', ')}.`,
    });
  }
  if (talent.credibilityLevel < brief.minCredibilityLevel) {
    problems.push({
      code: BidProblem.BELOW_MIN_LEVEL,
      field: talentField,
      message: `The brief requires credibility level ${brief.minCredibilityLevel}; the talent is at level ${talent.credibilityLevel}.`,
    });
  }
  if (availableSlots(talent.capacity, talent.activeDealCount) === 0) {
    problems.push({
      code: BidProblem.AT_CAPACITY,
      field: talentField,
      message: `The talent is working on ${talent.activeDealCount} deals, their capacity; they take no new ones until one ends.`,
    });
  }
  return problems;
}

/** Column names of a row (a table alias or a CTE) that holds a brief's requirements. */
interface BriefColumns {
  requiredCredentials: string;
  minCredibilityLevel: string;
}

/**
 * The SQL form of the predicate, for a talent of the brief's kind: `talent` is the alias of a
 * creator or trader row, `brief` names the columns holding the brief's requirements. The function
 * is `language sql immutable`, so PostgreSQL inlines its body into the statement and the
 * conditions keep the indexes and statistics they use written out.
 */
export function talentMeetsBriefSql(talent: string, brief: BriefColumns): string {
  return `talent_meets_brief(${talent}.verified_credential_types, ${talent}.credibility_level, ${talent}.capacity, ${talent}.active_deal_count, ${brief.requiredCredentials}, ${brief.minCredibilityLevel})`;
}

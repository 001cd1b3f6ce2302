import { transitionTable } from '../common/transitions.js';
import { BriefStatus } from './brief.entity.js';

/** What can happen to a brief. */
export const BriefAction = {
  /** The brand opens a draft for bids. */
  PUBLISH: 'PUBLISH',
  /** The brand stops taking bids before the deadline. */
  CLOSE: 'CLOSE',
  /** The deadline passes; nobody has to ask. */
  EXPIRE: 'EXPIRE',
  /** Accepted bids fill the last slot. */
  AWARD: 'AWARD',
  /** The brand calls the brief off. */
  CANCEL: 'CANCEL',
  /** A deal of an awarded brief was cancelled, so one of its slots is free again. */
  REOPEN: 'REOPEN',
} as const;
export type BriefAction = (typeof BriefAction)[keyof typeof BriefAction];

/**
 * Every permitted move, and only those: DRAFT → OPEN → CLOSED → AWARDED, or CANCELLED from any
 * status before AWARDED. An AWARDED brief reopens only when a cancelled deal frees one of its slots
 * (closing again at once when its deadline has passed); a CANCELLED brief never moves again.
 */
export const briefTransitions = transitionTable<BriefStatus, BriefAction>({
  [BriefStatus.DRAFT]: { [BriefAction.PUBLISH]: BriefStatus.OPEN, [BriefAction.CANCEL]: BriefStatus.CANCELLED },
  [BriefStatus.OPEN]: {
    [BriefAction.CLOSE]: BriefStatus.CLOSED,
    [BriefAction.EXPIRE]: BriefStatus.CLOSED,
    [BriefAction.AWARD]: BriefStatus.AWARDED,
    [BriefAction.CANCEL]: BriefStatus.CANCELLED,
  },
  [BriefStatus.CLOSED]: { [BriefAction.AWARD]: BriefStatus.AWARDED, [BriefAction.CANCEL]: BriefStatus.CANCELLED },
  [BriefStatus.AWARDED]: { [BriefAction.REOPEN]: BriefStatus.OPEN },
  [BriefStatus.CANCELLED]: {},
});

/** The timestamp each status records when a brief enters it. */
export const ENTERED_AT = {
  [BriefStatus.OPEN]: 'publishedAt',
  [BriefStatus.CLOSED]: 'closedAt',
  [BriefStatus.AWARDED]: 'awardedAt',
  [BriefStatus.CANCELLED]: 'cancelledAt',
} as const satisfies Partial<Record<BriefStatus, string>>;

/**
 * The status readers should see. Housekeeping writes CLOSED a few seconds after the deadline; until
 * then a stored OPEN brief whose deadline has passed is already closed for every purpose.
 */
export function effectiveBriefStatus(brief: { status: BriefStatus; deadline: Date }, now: Date): BriefStatus {
  if (brief.deadline.getTime() > now.getTime()) return brief.status;
  return briefTransitions.next(brief.status, BriefAction.EXPIRE) ?? brief.status;
}

/**
 * When the brief stopped taking bids: the recorded close (by the brand, or by housekeeping at the
 * deadline), or the deadline itself when it has passed and nothing recorded it yet.
 */
export function effectiveClosedAt(brief: { status: BriefStatus; deadline: Date; closedAt?: Date | null }, now: Date): Date | null {
  if (brief.closedAt) return brief.closedAt;
  return effectiveBriefStatus(brief, now) === brief.status ? null : brief.deadline;
}

const ACTION_VERBS: Record<BriefAction, string> = {
  PUBLISH: 'published',
  CLOSE: 'closed',
  EXPIRE: 'closed at its deadline',
  AWARD: 'awarded',
  CANCEL: 'cancelled',
  REOPEN: 'reopened',
};

/** Why a move is refused, naming the current status, the move, and where the move is allowed from. */
export function illegalTransitionMessage(current: BriefStatus, action: BriefAction): string {
  const allowedFrom = briefTransitions.statesAllowing(action);
  return `This brief is ${current} and cannot be ${ACTION_VERBS[action]}; only a brief that is ${allowedFrom.join(' or ')} can.`;
}

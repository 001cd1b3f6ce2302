import { RosterStatus } from './agency.entity.js';

/** What someone can do to a roster membership. */
export const RosterAction = {
  /** The invited talent joins the roster. */
  ACCEPT: 'ACCEPT',
  /** The invited talent turns the invitation down. */
  DECLINE: 'DECLINE',
  /** The agency or the talent closes the membership, or the agency withdraws an open invitation. */
  END: 'END',
} as const;
export type RosterAction = (typeof RosterAction)[keyof typeof RosterAction];

/**
 * Every permitted status move, and only those. A talent joins a roster only by accepting an
 * invitation, and a membership that was declined or ended stays closed: a new place starts with a
 * new invitation, so each row tells one story.
 */
const TRANSITIONS: Readonly<Record<RosterStatus, Partial<Record<RosterAction, RosterStatus>>>> = {
  [RosterStatus.INVITED]: {
    [RosterAction.ACCEPT]: RosterStatus.ACTIVE,
    [RosterAction.DECLINE]: RosterStatus.DECLINED,
    [RosterAction.END]: RosterStatus.ENDED,
  },
  [RosterStatus.ACTIVE]: { [RosterAction.END]: RosterStatus.ENDED },
  [RosterStatus.DECLINED]: {},
  [RosterStatus.ENDED]: {},
};

/** The status `action` moves a membership to, or null when the move is not allowed from `current`. */
export function nextRosterStatus(current: RosterStatus, action: RosterAction): RosterStatus | null {
  return TRANSITIONS[current][action] ?? null;
}

/** Statuses that still occupy the talent's place at the agency (the database allows one per agency). */
export const OPEN_ROSTER_STATUSES: readonly RosterStatus[] = [RosterStatus.INVITED, RosterStatus.ACTIVE];

import { RosterStatus } from './agency.entity.js';

/** What someone can do to a roster membership. */
export const RosterAction = {
  /** The invited talent joins the roster. */
  ACCEPT: 'ACCEPT',
  /** The invited talent turns the invitation down. */
  DECLINE: 'DECLINE',
  /** Either side closes the membership: the agency withdraws an open invitation, the talent turns it down, or either leaves an active one. */
  END: 'END',
} as const;
export type RosterAction = (typeof RosterAction)[keyof typeof RosterAction];

/** The two sides of a roster membership. */
export const RosterParty = {
  /** A member of the agency. */
  AGENCY: 'AGENCY',
  /** The creator or operator on (or invited to) the roster. */
  TALENT: 'TALENT',
} as const;
export type RosterParty = (typeof RosterParty)[keyof typeof RosterParty];

/**
 * Every permitted status move, by whom, and only those. A talent joins a roster only by accepting
 * an invitation, and a membership that was declined or ended stays closed: a new place starts
 * with a new invitation, so each row tells one story. Closing an open invitation says who closed
 * it: the talent declines it, while ENDED means the agency withdrew it.
 */
const TRANSITIONS: Readonly<Record<RosterStatus, Partial<Record<RosterAction, Partial<Record<RosterParty, RosterStatus>>>>>> = {
  [RosterStatus.INVITED]: {
    [RosterAction.ACCEPT]: { [RosterParty.TALENT]: RosterStatus.ACTIVE },
    [RosterAction.DECLINE]: { [RosterParty.TALENT]: RosterStatus.DECLINED },
    [RosterAction.END]: { [RosterParty.AGENCY]: RosterStatus.ENDED, [RosterParty.TALENT]: RosterStatus.DECLINED },
  },
  [RosterStatus.ACTIVE]: { [RosterAction.END]: { [RosterParty.AGENCY]: RosterStatus.ENDED, [RosterParty.TALENT]: RosterStatus.ENDED } },
  [RosterStatus.DECLINED]: {},
  [RosterStatus.ENDED]: {},
};

/** The status `action` by `party` moves a membership to, or null when that move is not allowed from `current`. */
export function nextRosterStatus(current: RosterStatus, action: RosterAction, party: RosterParty): RosterStatus | null {
  return TRANSITIONS[current][action]?.[party] ?? null;
}

/** Statuses that still occupy the talent's place at the agency (the database allows one per agency). */
export const OPEN_ROSTER_STATUSES: readonly RosterStatus[] = [RosterStatus.INVITED, RosterStatus.ACTIVE];

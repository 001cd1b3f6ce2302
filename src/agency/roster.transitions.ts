import { transitionTable } from '../common/transitions.js';
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

/** An action as taken by one side: the same action may lead elsewhere depending on who takes it. */
export type RosterMove = `${RosterParty}_${RosterAction}`;

export const rosterMove = (party: RosterParty, action: RosterAction): RosterMove => `${party}_${action}`;

/**
 * Every permitted status move, by whom, and only those. A talent joins a roster only by accepting
 * an invitation, and a membership that was declined or ended stays closed: a new place starts
 * with a new invitation, so each row tells one story. Closing an open invitation says who closed
 * it: the talent declines it, while ENDED means the agency withdrew it.
 */
export const rosterTransitions = transitionTable<RosterStatus, RosterMove>({
  [RosterStatus.INVITED]: {
    TALENT_ACCEPT: RosterStatus.ACTIVE,
    TALENT_DECLINE: RosterStatus.DECLINED,
    AGENCY_END: RosterStatus.ENDED,
    TALENT_END: RosterStatus.DECLINED,
  },
  [RosterStatus.ACTIVE]: { AGENCY_END: RosterStatus.ENDED, TALENT_END: RosterStatus.ENDED },
  [RosterStatus.DECLINED]: {},
  [RosterStatus.ENDED]: {},
});

/** Statuses that still occupy the talent's place at the agency (the database allows one per agency). */
export const OPEN_ROSTER_STATUSES: readonly RosterStatus[] = [RosterStatus.INVITED, RosterStatus.ACTIVE];

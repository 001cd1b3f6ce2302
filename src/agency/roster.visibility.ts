import type { FilterQuery } from '@mikro-orm/core';
import type { Viewer } from '../auth/viewer.js';
import { type RosterMembership, RosterStatus } from './agency.entity.js';

/** What the visibility rules read of a roster membership. */
export interface RosterMembershipFacts {
  agencyId: string;
  creatorId: string | null;
  traderId: string | null;
  status: RosterStatus;
}

export function rosterFactsOf(membership: RosterMembership): RosterMembershipFacts {
  return {
    agencyId: membership.agency.id,
    creatorId: membership.creator?.id ?? null,
    traderId: membership.trader?.id ?? null,
    status: membership.status,
  };
}

/** The viewer is the creator or operator the membership is about. */
export function isRosterTalent(viewer: Viewer, membership: RosterMembershipFacts): boolean {
  return (
    (membership.creatorId !== null && membership.creatorId === viewer.creatorId) ||
    (membership.traderId !== null && membership.traderId === viewer.traderId)
  );
}

/** The agency's members and admins see every membership of its roster, and its commercial terms. */
export function seesWholeRoster(viewer: Viewer | null, agencyId: string): boolean {
  return !!viewer && (viewer.isAdmin || viewer.isAgencyMember(agencyId));
}

/**
 * Who sees a roster membership. Active memberships are public; invitations and past memberships
 * are the agency's and the talent's business (and admins').
 */
export function seesRosterMembership(viewer: Viewer | null, membership: RosterMembershipFacts): boolean {
  return (
    membership.status === RosterStatus.ACTIVE || seesWholeRoster(viewer, membership.agencyId) || (!!viewer && isRosterTalent(viewer, membership))
  );
}

/** The agency's share is a commercial term: the agency's side, the talent and admins see it. */
export function seesRosterShare(viewer: Viewer | null, membership: RosterMembershipFacts): boolean {
  return seesWholeRoster(viewer, membership.agencyId) || (!!viewer && isRosterTalent(viewer, membership));
}

/** `seesRosterMembership` for one agency's roster, as a database condition. */
export function visibleRosterWhere(viewer: Viewer | null, agencyId: string): { $or?: FilterQuery<RosterMembership>[] } {
  if (seesWholeRoster(viewer, agencyId)) return {};
  return {
    $or: [
      { status: RosterStatus.ACTIVE },
      ...(viewer?.creatorId ? [{ creator: viewer.creatorId }] : []),
      ...(viewer?.traderId ? [{ trader: viewer.traderId }] : []),
    ],
  };
}

/** `seesRosterMembership` for the rosters of several agencies at once, in SQL. */
export function visibleRosterSql(viewer: Viewer | null, agencyIds: readonly string[]): { sql: string; parameters: unknown[] } {
  const wholeRosterAgencyIds = agencyIds.filter((agencyId) => seesWholeRoster(viewer, agencyId));
  return {
    sql: `(status = 'ACTIVE' or agency_id = any(?::uuid[]) or creator_id = ? or trader_id = ?)`,
    parameters: [`{${wholeRosterAgencyIds.join(',')}}`, viewer?.creatorId ?? null, viewer?.traderId ?? null],
  };
}

import type { FilterQuery } from '@mikro-orm/core';
import type { Viewer } from '../auth/viewer.js';
import { type Brief, type BriefInvitation, BriefStatus, BriefVisibility } from './brief.entity.js';

/**
 * Who is looking at briefs, with everything the visibility rule needs. Besides the viewer's own
 * memberships and profiles, an agency member speaks for the creators and operators on the
 * agency's ACTIVE roster, so their invitations count for the agency too.
 */
export interface BriefAudience {
  isAdmin: boolean;
  brandIds: ReadonlySet<string>;
  agencyIds: ReadonlySet<string>;
  /** The viewer's own creator profile and the creators on the ACTIVE rosters of the viewer's agencies. */
  creatorIds: ReadonlySet<string>;
  /** The same for operators. */
  traderIds: ReadonlySet<string>;
}

export const ANONYMOUS_AUDIENCE: BriefAudience = {
  isAdmin: false,
  brandIds: new Set(),
  agencyIds: new Set(),
  creatorIds: new Set(),
  traderIds: new Set(),
};

/** The audience of a viewer, given the talent on the ACTIVE rosters of the viewer's agencies. */
export function briefAudienceOf(viewer: Viewer | null, rosterTalent: { creatorIds: readonly string[]; traderIds: readonly string[] }): BriefAudience {
  if (!viewer) return ANONYMOUS_AUDIENCE;
  return {
    isAdmin: viewer.isAdmin,
    brandIds: viewer.brandIds,
    agencyIds: viewer.agencyIds,
    creatorIds: new Set([...(viewer.creatorId ? [viewer.creatorId] : []), ...rosterTalent.creatorIds]),
    traderIds: new Set([...(viewer.traderId ? [viewer.traderId] : []), ...rosterTalent.traderIds]),
  };
}

/** Who an INVITE_ONLY brief invites. */
export interface BriefInvitees {
  creatorIds: readonly string[];
  traderIds: readonly string[];
  agencyIds: readonly string[];
}

export const NO_INVITEES: BriefInvitees = { creatorIds: [], traderIds: [], agencyIds: [] };

/** Statuses in which a brief is out in the world; drafts and cancelled briefs are the brand's business. */
export const PUBLISHED_BRIEF_STATUSES: readonly BriefStatus[] = [BriefStatus.OPEN, BriefStatus.CLOSED, BriefStatus.AWARDED];

/**
 * Who sees a brief. The brand's members and admins see all of its briefs. Once published (OPEN,
 * CLOSED or AWARDED), a PUBLIC brief is seen by everyone, signed in or not; an INVITE_ONLY one only
 * by those it invites: an invited creator or operator, the members of an invited agency, and the
 * members of an agency whose active roster holds an invited creator or operator.
 */
export function seesBrief(
  audience: BriefAudience,
  brief: { brandId: string; status: BriefStatus; visibility: BriefVisibility },
  invitees: BriefInvitees,
): boolean {
  if (audience.isAdmin || audience.brandIds.has(brief.brandId)) return true;
  if (!PUBLISHED_BRIEF_STATUSES.includes(brief.status)) return false;
  if (brief.visibility === BriefVisibility.PUBLIC) return true;
  return (
    invitees.creatorIds.some((id) => audience.creatorIds.has(id)) ||
    invitees.traderIds.some((id) => audience.traderIds.has(id)) ||
    invitees.agencyIds.some((id) => audience.agencyIds.has(id))
  );
}

/**
 * Whether the viewer sees everything of the brand's briefs: drafts, cancelled briefs, invitations,
 * every bid and the fee range. The brand's members and admins do.
 */
export function seesAllOfBrand(viewer: Viewer | null, brandId: string): boolean {
  return !!viewer && (viewer.isAdmin || viewer.isBrandMember(brandId));
}

/** The same rule as `seesBrief`, as a database condition for loading one brief or many. */
export function visibleBriefsWhere(audience: BriefAudience): FilterQuery<Brief> {
  if (audience.isAdmin) return {};
  const published = { status: { $in: [...PUBLISHED_BRIEF_STATUSES] } };
  const invited: FilterQuery<BriefInvitation>[] = [];
  if (audience.creatorIds.size) invited.push({ creator: { $in: [...audience.creatorIds] } });
  if (audience.traderIds.size) invited.push({ trader: { $in: [...audience.traderIds] } });
  if (audience.agencyIds.size) invited.push({ agency: { $in: [...audience.agencyIds] } });

  const reach: FilterQuery<Brief>[] = [{ ...published, visibility: BriefVisibility.PUBLIC }];
  if (invited.length) reach.push({ ...published, visibility: BriefVisibility.INVITE_ONLY, invitations: { $some: { $or: invited } } });
  if (audience.brandIds.size) reach.push({ brand: { $in: [...audience.brandIds] } });
  return { $or: reach };
}

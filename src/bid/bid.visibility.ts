import type { FilterQuery } from '@mikro-orm/core';
import type { Viewer } from '../auth/viewer.js';
import { BiddingMode } from '../brief/brief.entity.js';
import { seesAllOfBrand } from '../brief/brief.visibility.js';
import { uuidArray } from '../db/sql-arrays.js';
import type { Bid } from './bid.entity.js';

/**
 * Who a bid concerns, and the deal it may become: the brand that posted the brief, the talent, and
 * the agency that bid for the talent, if any.
 */
export interface Parties {
  brandId: string;
  creatorId: string | null;
  traderId: string | null;
  agencyId: string | null;
}

/**
 * Who sees a bid or a deal: its parties and admins. Members of the brand (and admins) see every bid
 * on its briefs; the talent's own account sees the bids and deals made in their name, whoever made
 * them; members of an agency see the ones that agency made. Nobody else does, whatever the brief's
 * bidding mode: competitors learn at most aggregates (count, fee range), never a bid.
 */
export function seesAsParty(viewer: Viewer | null, parties: Parties): boolean {
  return seesAllOfBrand(viewer, parties.brandId) || actsAsBidder(viewer, parties);
}

/**
 * Whether the viewer is on the bidding side of a bid: the talent's own account or a member of the
 * agency that submitted it. They see it, and they revise, accept counters and withdraw.
 */
export function actsAsBidder(viewer: Viewer | null, bid: Omit<Parties, 'brandId'>): boolean {
  if (!viewer) return false;
  return (
    (bid.creatorId !== null && bid.creatorId === viewer.creatorId) ||
    (bid.traderId !== null && bid.traderId === viewer.traderId) ||
    (bid.agencyId !== null && viewer.isAgencyMember(bid.agencyId))
  );
}

/**
 * Who learns the range of fees proposed on a brief: the brand's members and admins always; in OPEN
 * bidding also its bidders, those on the bidding side of a bid of their own on it. Nobody else, so
 * that browsing briefs is no way to learn what competitors ask.
 */
export function seesFeeRange(viewer: Viewer | null, brief: { brandId: string; biddingMode: BiddingMode }, hasOwnBid: boolean): boolean {
  return seesAllOfBrand(viewer, brief.brandId) || (brief.biddingMode === BiddingMode.OPEN && hasOwnBid);
}

/** The same rule as `seesAsParty`, as a condition for loading many bids at once. */
export function visibleBidsWhere(viewer: Viewer | null): FilterQuery<Bid> {
  if (!viewer) return { id: { $in: [] } };
  if (viewer.isAdmin) return {};
  const conditions: FilterQuery<Bid>[] = [];
  if (viewer.brandIds.size) conditions.push({ brief: { brand: { $in: [...viewer.brandIds] } } });
  if (viewer.creatorId) conditions.push({ creator: viewer.creatorId });
  if (viewer.traderId) conditions.push({ trader: viewer.traderId });
  if (viewer.agencyIds.size) conditions.push({ agency: { $in: [...viewer.agencyIds] } });
  return conditions.length ? { $or: conditions } : { id: { $in: [] } };
}

/**
 * `actsAsBidder` as a raw SQL condition on the bid's own columns, for statements the query builder
 * cannot express (one page per brief with window functions, aggregates per brief).
 */
export function bidderBidsSql(viewer: Viewer | null): { sql: string; parameters: unknown[] } {
  if (!viewer) return { sql: 'false', parameters: [] };
  return {
    sql: 'creator_id = ? or trader_id = ? or agency_id = any(?::uuid[])',
    parameters: [viewer.creatorId, viewer.traderId, uuidArray(viewer.agencyIds)],
  };
}


import type { FilterQuery } from '@mikro-orm/core';
import type { Viewer } from '../auth/viewer.js';
import type { Bid } from './bid.entity.js';

/** Who a bid concerns: the brand that posted the brief, the talent, and the agency that bid, if any. */
export interface BidParties {
  brandId: string;
  creatorId: string | null;
  traderId: string | null;
  agencyId: string | null;
}

/**
 * Who sees a bid. Members of the brief's brand (and admins) see every bid on it; the talent's own
 * account sees the bids made in their name, whoever made them; members of an agency see the bids
 * that agency submitted. Nobody else does, whatever the brief's bidding mode: competitors learn
 * at most aggregates (count, fee range), never a bid.
 */
export function seesBid(viewer: Viewer | null, bid: BidParties): boolean {
  return seesAllBidsOfBrand(viewer, bid.brandId) || actsAsBidder(viewer, bid);
}

/** Whether the viewer sees every bid on briefs of `brandId`, not just the ones they bid. */
export function seesAllBidsOfBrand(viewer: Viewer | null, brandId: string): boolean {
  return !!viewer && (viewer.isAdmin || viewer.isBrandMember(brandId));
}

/**
 * Whether the viewer is on the bidding side of a bid: the talent's own account or a member of the
 * agency that submitted it. They see it, and they revise, accept counters and withdraw.
 */
export function actsAsBidder(viewer: Viewer | null, bid: Omit<BidParties, 'brandId'>): boolean {
  if (!viewer) return false;
  return (
    (bid.creatorId !== null && bid.creatorId === viewer.creatorId) ||
    (bid.traderId !== null && bid.traderId === viewer.traderId) ||
    (bid.agencyId !== null && viewer.isAgencyMember(bid.agencyId))
  );
}

/** The same rule as `seesBid`, as a condition for loading many bids at once. */
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
 * cannot express (one page per brief with window functions).
 */
export function bidderBidsSql(viewer: Viewer | null): { sql: string; parameters: unknown[] } {
  if (!viewer) return { sql: 'false', parameters: [] };
  return {
    sql: 'creator_id = ? or trader_id = ? or agency_id = any(?::uuid[])',
    parameters: [viewer.creatorId, viewer.traderId, uuidArray(viewer.agencyIds)],
  };
}

/** A PostgreSQL array literal of uuids (they need no quoting). */
export function uuidArray(ids: Iterable<string>): string {
  return `{${[...ids].join(',')}}`;
}

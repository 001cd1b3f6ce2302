import type { FilterQuery } from '@mikro-orm/core';
import type { Viewer } from '../auth/viewer.js';
import type { Deal } from './deal.entity.js';

/** Who a deal binds: the brand, the talent, and the agency that represents the talent, if any. */
export interface DealParties {
  brandId: string;
  creatorId: string | null;
  traderId: string | null;
  agencyId: string | null;
}

/**
 * Who sees a deal: its parties (members of the brand, the talent's own account, members of the
 * agency) and admins, who resolve disputes. Terms and money are nobody else's business.
 */
export function seesDeal(viewer: Viewer | null, deal: DealParties): boolean {
  if (!viewer) return false;
  return (
    viewer.isAdmin ||
    viewer.isBrandMember(deal.brandId) ||
    (deal.creatorId !== null && deal.creatorId === viewer.creatorId) ||
    (deal.traderId !== null && deal.traderId === viewer.traderId) ||
    (deal.agencyId !== null && viewer.isAgencyMember(deal.agencyId))
  );
}

/** The parties of a loaded deal, for `seesDeal`. */
export function dealParties(deal: Deal): DealParties {
  return { brandId: deal.brand.id, creatorId: deal.creator?.id ?? null, traderId: deal.trader?.id ?? null, agencyId: deal.agency?.id ?? null };
}

/** The same rule as `seesDeal`, as a condition for loading many deals at once. */
export function visibleDealsWhere(viewer: Viewer | null): FilterQuery<Deal> {
  if (!viewer) return { id: { $in: [] } };
  if (viewer.isAdmin) return {};
  const conditions: FilterQuery<Deal>[] = [];
  if (viewer.brandIds.size) conditions.push({ brand: { $in: [...viewer.brandIds] } });
  if (viewer.creatorId) conditions.push({ creator: viewer.creatorId });
  if (viewer.traderId) conditions.push({ trader: viewer.traderId });
  if (viewer.agencyIds.size) conditions.push({ agency: { $in: [...viewer.agencyIds] } });
  return conditions.length ? { $or: conditions } : { id: { $in: [] } };
}

import type { Viewer } from '../auth/viewer.js';
import { type Parties, seesAsParty } from '../bid/bid.visibility.js';
import type { Deal } from './deal.entity.js';

/**
 * The parties of a deal, those of the bid it was made from; `seesAsParty` says who sees it (terms
 * and money are nobody else's business, admins aside, who resolve disputes).
 */
export function dealParties(deal: Deal): Parties {
  return { brandId: deal.brand.id, creatorId: deal.creator?.id ?? null, traderId: deal.trader?.id ?? null, agencyId: deal.agency?.id ?? null };
}

/** Whether the viewer sees the deal, and with it everything recorded on it: its parties and admins. */
export function seesDeal(viewer: Viewer | null, deal: Deal): boolean {
  return seesAsParty(viewer, dealParties(deal));
}

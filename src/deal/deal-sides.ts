import type { Viewer } from '../auth/viewer.js';
import { actsAsBidder, type Parties } from '../bid/bid.visibility.js';
import type { Deal } from './deal.entity.js';

/** Which side of a deal someone acts for: the brand that pays, or the talent (with their agency) who delivers. */
export const DealSide = { BRAND: 'BRAND', TALENT: 'TALENT' } as const;
export type DealSide = (typeof DealSide)[keyof typeof DealSide];

/** Which party someone speaks for on a deal: disputes and cancellations record it. */
export const DealPartySide = { BRAND: 'BRAND', TALENT: 'TALENT', AGENCY: 'AGENCY' } as const;
export type DealPartySide = (typeof DealPartySide)[keyof typeof DealPartySide];

/**
 * The sides the viewer acts for on a deal. The talent side is the creator's or operator's own
 * account and the members of the agency that represents them; the brand side is the brand's
 * members. Admins see deals but act for neither side. Someone on both sides (a brand member who is
 * also the talent) is on both, so rules that need "the other side" refuse them.
 */
export function sidesOf(viewer: Viewer | null, parties: Parties): Set<DealSide> {
  const sides = new Set<DealSide>();
  if (!viewer) return sides;
  if (actsAsBidder(viewer, parties)) sides.add(DealSide.TALENT);
  if (viewer.isBrandMember(parties.brandId)) sides.add(DealSide.BRAND);
  return sides;
}

/** The side a proposal is made for: the talent's when the viewer is on both, since it is their work the terms describe. */
export function proposingSide(sides: ReadonlySet<DealSide>): DealSide | null {
  if (sides.has(DealSide.TALENT)) return DealSide.TALENT;
  if (sides.has(DealSide.BRAND)) return DealSide.BRAND;
  return null;
}

export function otherSide(side: DealSide): DealSide {
  return side === DealSide.BRAND ? DealSide.TALENT : DealSide.BRAND;
}

/** Which party the viewer speaks for, or null for anyone else (admins included). */
export function partySide(viewer: Viewer, deal: Deal): DealPartySide | null {
  if (viewer.isBrandMember(deal.brand.id)) return DealPartySide.BRAND;
  if ((deal.creator && deal.creator.id === viewer.creatorId) || (deal.trader && deal.trader.id === viewer.traderId)) return DealPartySide.TALENT;
  if (deal.agency && viewer.isAgencyMember(deal.agency.id)) return DealPartySide.AGENCY;
  return null;
}

import type { Viewer } from '../auth/viewer.js';
import type { PayeeOwner } from './postings.js';

/** Whose money: a brand, or a payee (talent or agency). */
export type LedgerOwner = { brandId: string } | PayeeOwner;

/** Whether the viewer receives this payee's money: the creator or operator themself, or a member of the agency. */
export function actsForPayee(viewer: Viewer, payee: PayeeOwner): boolean {
  if ('creatorId' in payee) return viewer.creatorId === payee.creatorId;
  if ('traderId' in payee) return viewer.traderId === payee.traderId;
  return viewer.isAgencyMember(payee.agencyId);
}

/** Who sees an owner's balances, statements, deposits and payouts: its own people, and admins. */
export function seesLedgerOf(viewer: Viewer | null, owner: LedgerOwner): boolean {
  if (!viewer) return false;
  if (viewer.isAdmin) return true;
  return 'brandId' in owner ? viewer.isBrandMember(owner.brandId) : actsForPayee(viewer, owner);
}

/**
 * Ledger postings: which accounts each money movement touches and by how much, as plain
 * functions with no I/O. `LedgerService.post` writes what they return; the database checks again
 * that every entry balances.
 *
 * Sign convention: a line's amount is what flows INTO its account (negative: out of it), and an
 * account's balance is the sum of its lines. Every account but the bank's clearing account holds
 * money somebody is owed, so its balance never goes below zero; the clearing account is the
 * outside world, its balance the negative of all money ever deposited and not yet paid out. So
 * "money in = money out + balances" is the statement that all balances sum to zero.
 */
import type { SettlementBreakdown } from '../deal/settlement/settlement.js';

export const AccountKind = {
  /** What a brand deposited and has not committed: it funds deals and pays commission. */
  BRAND_BALANCE: 'BRAND_BALANCE',
  /** A deal's fixed fee, held from the deal's start until approval, settlement or cancellation releases it. */
  DEAL_ESCROW: 'DEAL_ESCROW',
  /** What the platform owes a creator or operator, available for payout. */
  TALENT_PAYABLE: 'TALENT_PAYABLE',
  /** What the platform owes an agency (its share), available for payout. */
  AGENCY_PAYABLE: 'AGENCY_PAYABLE',
  /** Payouts requested and not yet paid or returned. */
  PAYOUT_IN_TRANSIT: 'PAYOUT_IN_TRANSIT',
  /** The platform's fees. */
  PLATFORM_REVENUE: 'PLATFORM_REVENUE',
  /** The bank: deposits come from it, paid payouts go to it. The only account that goes below zero. */
  BANK: 'BANK',
} as const;
export type AccountKind = (typeof AccountKind)[keyof typeof AccountKind];

export const EntryKind = {
  DEPOSIT: 'DEPOSIT',
  DEAL_FUNDING: 'DEAL_FUNDING',
  FEE_RELEASE: 'FEE_RELEASE',
  SETTLEMENT: 'SETTLEMENT',
  ESCROW_REFUND: 'ESCROW_REFUND',
  DISPUTE_SPLIT: 'DISPUTE_SPLIT',
  PAYOUT_REQUESTED: 'PAYOUT_REQUESTED',
  PAYOUT_PAID: 'PAYOUT_PAID',
  PAYOUT_RETURNED: 'PAYOUT_RETURNED',
  UNCLAIMED_RETURN: 'UNCLAIMED_RETURN',
} as const;
export type EntryKind = (typeof EntryKind)[keyof typeof EntryKind];

/** Whose an account is; at most one owner, none for the platform's and the bank's. */
export type AccountOwner =
  | { brandId: string }
  | { dealId: string }
  | { creatorId: string }
  | { traderId: string }
  | { agencyId: string }
  | Record<string, never>;

export interface AccountRef {
  kind: AccountKind;
  owner: AccountOwner;
}

/** The talent of a deal: a creator or an operator. */
export type TalentOwner = { creatorId: string } | { traderId: string };
/** Who receives payouts: the talent, or an agency. */
export type PayeeOwner = TalentOwner | { agencyId: string };

export interface PostingLine {
  account: AccountRef;
  /** Into the account when positive, out of it when negative; never zero. */
  amount: number;
}

export const account = {
  brand: (brandId: string): AccountRef => ({ kind: AccountKind.BRAND_BALANCE, owner: { brandId } }),
  escrow: (dealId: string): AccountRef => ({ kind: AccountKind.DEAL_ESCROW, owner: { dealId } }),
  talent: (talent: TalentOwner): AccountRef => ({ kind: AccountKind.TALENT_PAYABLE, owner: talent }),
  agency: (agencyId: string): AccountRef => ({ kind: AccountKind.AGENCY_PAYABLE, owner: { agencyId } }),
  payable: (payee: PayeeOwner): AccountRef => ('agencyId' in payee ? account.agency(payee.agencyId) : account.talent(payee)),
  inTransit: (payee: PayeeOwner): AccountRef => ({ kind: AccountKind.PAYOUT_IN_TRANSIT, owner: payee }),
  platform: (): AccountRef => ({ kind: AccountKind.PLATFORM_REVENUE, owner: {} }),
  bank: (): AccountRef => ({ kind: AccountKind.BANK, owner: {} }),
};

/** Whether an account may hold less than zero (only the bank's clearing account may). */
export const mayGoNegative = (kind: AccountKind) => kind === AccountKind.BANK;

/** A posting's lines minus those of zero amount: the database refuses a zero line, and it says nothing. */
export function nonZero(lines: readonly PostingLine[]): PostingLine[] {
  return lines.filter((line) => line.amount !== 0);
}

/** Whether the lines sum to zero (one posting is always in one currency). */
export function isBalanced(lines: readonly PostingLine[]): boolean {
  return lines.reduce((sum, line) => sum + line.amount, 0) === 0 && lines.every((line) => Number.isSafeInteger(line.amount));
}

/** `amount` from one account to another. */
export function transfer(from: AccountRef, to: AccountRef, amount: number): PostingLine[] {
  return nonZero([
    { account: from, amount: -amount },
    { account: to, amount },
  ]);
}

const floorShare = (amount: number, bp: number) => Number((BigInt(amount) * BigInt(bp)) / 10_000n);

/** What the talent's side has been paid from a deal so far, by whom. */
export interface Released {
  talent: number;
  agency: number;
}

/**
 * How much of the fixed fee an approval releases: after `approved` of `live` deliverables are
 * approved, floor(fee × approved ÷ live) has been released in all, so the last approval releases
 * the rest and the shares never add up to more than the fee. Never more than the escrow holds,
 * never negative (an amendment that lowered the fee after earlier releases releases nothing).
 * The agency's cut of the release keeps its running total at floor(released × share), so at
 * settlement `computeSettlement`'s agency share is never less than what the agency already has.
 */
export function feeRelease(input: {
  fixedFee: number;
  live: number;
  approved: number;
  released: Released;
  escrow: number;
  agencyShareBp: number;
  hasAgency: boolean;
}): Released {
  if (input.live <= 0 || input.approved <= 0) return { talent: 0, agency: 0 };
  const approved = Math.min(input.approved, input.live);
  const target = Number((BigInt(input.fixedFee) * BigInt(approved)) / BigInt(input.live));
  const alreadyReleased = input.released.talent + input.released.agency;
  const amount = Math.max(0, Math.min(target - alreadyReleased, input.escrow));
  if (amount === 0) return { talent: 0, agency: 0 };
  const agencyTotal = input.hasAgency ? floorShare(alreadyReleased + amount, input.agencyShareBp) : 0;
  const agency = Math.max(0, Math.min(amount, agencyTotal - input.released.agency));
  return { talent: amount - agency, agency };
}

/** A fee release: escrow to the talent and the agency. */
export function releaseLines(dealId: string, talent: TalentOwner, agencyId: string | null, release: Released): PostingLine[] {
  return nonZero([
    { account: account.escrow(dealId), amount: -(release.talent + release.agency) },
    { account: account.talent(talent), amount: release.talent },
    ...(agencyId ? [{ account: account.agency(agencyId), amount: release.agency }] : []),
  ]);
}

/**
 * The settlement entry, exactly as `computeSettlement` says. Whatever the deal still holds in
 * escrow comes out; the brand has paid escrow + released into the deal and owes brandTotalCost
 * in all, so the difference comes back to it or is charged to its balance: the make-good is
 * returned from escrow (up to what escrow holds), commission and the platform fee are charged.
 * The talent's side ends with creatorNet and the agency with agencyShare in all, counting what
 * approvals released before; the platform gets its fee.
 */
export function settlementLines(input: {
  dealId: string;
  brandId: string;
  talent: TalentOwner;
  agencyId: string | null;
  breakdown: Pick<SettlementBreakdown, 'makeGood' | 'creatorNet' | 'agencyShare' | 'platformFee' | 'brandTotalCost'>;
  escrow: number;
  released: Released;
}): PostingLine[] {
  const { breakdown, escrow, released } = input;
  const makeGoodReturned = Math.min(breakdown.makeGood, escrow);
  const brandRest = escrow + released.talent + released.agency - breakdown.brandTotalCost - makeGoodReturned;
  return nonZero([
    { account: account.escrow(input.dealId), amount: -escrow },
    { account: account.brand(input.brandId), amount: makeGoodReturned },
    { account: account.brand(input.brandId), amount: brandRest },
    { account: account.talent(input.talent), amount: breakdown.creatorNet - released.talent },
    ...(input.agencyId ? [{ account: account.agency(input.agencyId), amount: breakdown.agencyShare - released.agency }] : []),
    { account: account.platform(), amount: breakdown.platformFee },
  ]);
}

/**
 * An admin's split of what a disputed deal still holds in escrow: `toTalent` to the talent's side
 * (the agency taking its agreed share of it, rounded down), the rest back to the brand.
 */
export function splitLines(input: {
  dealId: string;
  brandId: string;
  talent: TalentOwner;
  agencyId: string | null;
  agencyShareBp: number;
  escrow: number;
  toTalent: number;
}): PostingLine[] {
  const agency = input.agencyId ? floorShare(input.toTalent, input.agencyShareBp) : 0;
  return nonZero([
    { account: account.escrow(input.dealId), amount: -input.escrow },
    { account: account.brand(input.brandId), amount: input.escrow - input.toTalent },
    { account: account.talent(input.talent), amount: input.toTalent - agency },
    ...(input.agencyId ? [{ account: account.agency(input.agencyId), amount: agency }] : []),
  ]);
}

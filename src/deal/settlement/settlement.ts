/**
 * Settlement of a deal: one pure function from the terms in force and the sales records in force
 * to a breakdown that is exact to the minor unit.
 *
 * Money model (who pays whom):
 * - The brand pays the talent the fixed fee less the make-good, plus commission on net GMV. That
 *   is the talent's gross: `creatorGross = fixedFee − makeGood + commission`.
 * - The agency, when there is one, takes its share out of the talent's gross; the talent keeps the
 *   rest: `creatorNet = creatorGross − agencyShare`.
 * - The platform fee is charged to the BRAND on top of the talent's gross, never deducted from the
 *   talent. The price a creator bid is then what the creator's side receives (split only by the
 *   agency share the creator agreed to), and ROI is computed from everything the brand really
 *   paid, platform included: `brandTotalCost = creatorGross + platformFee`
 *   `= creatorNet + agencyShare + platformFee`. Every minor unit the brand pays lands with exactly
 *   one party.
 * - `roi = netGmv ÷ brandTotalCost`, given as that exact fraction plus whole basis points.
 *
 * Sales model: each record in force (corrections already applied by the caller) gives its GMV and
 * its refunds; each refund says how many whole calendar days after the order it happened (the
 * order day is day 0). A refund counts against GMV when `daysAfterOrder <= refundWindowDays`, so a
 * 7-day window covers the order day plus 7 further days; later refunds are ignored (reported as
 * `refundsIgnored`). A record's refunds may not exceed its GMV, which is also why net GMV can never
 * fall below 0.
 *
 * Rounding rule, the only one: every proportional amount (commission, make-good, agency share,
 * platform fee, ROI in basis points) is the exact rational value rounded DOWN to a whole minor unit
 * (floor; all values are non-negative). Why floor:
 * - nobody is ever charged a fraction of a minor unit they do not owe: a share never exceeds its
 *   exact value, so shares of an amount can never add up to more than that amount;
 * - it is monotonic, so more GMV can never produce less commission;
 * - anyone can reproduce it with integer division (SQL `div`, a spreadsheet's FLOOR).
 * Its bias (under one minor unit per line, a handful of lines per deal) is negligible, which is
 * why round-half-even's fairness over many values buys nothing here. Totals are never rounded on
 * their own: they are sums and differences of already-rounded parts (the talent's net is derived
 * by subtraction), so the parts add up to the totals exactly.
 *
 * Arithmetic is done in bigint; inputs and outputs are numbers. The amounts are bounded by
 * `MAX_SETTLEMENT_AMOUNT` so that every output, including ROI in basis points, is a safe integer.
 */
import { CurrencyCode } from '../../common/money.js';

const BASIS_POINTS = 10_000;
const BASIS_POINTS_BIG = BigInt(BASIS_POINTS);

/**
 * Largest fixed fee, guarantee or total GMV one settlement accepts: about 9 billion major units,
 * ~90 times the largest single Money input the API takes. Chosen so that `amount × 10000` is still
 * a safe integer, which bounds every output (brand total cost ≤ 4 × this, ROI ≤ GMV × 10000 bp).
 */
export const MAX_SETTLEMENT_AMOUNT = Math.floor(Number.MAX_SAFE_INTEGER / BASIS_POINTS);

export interface SettlementTerms {
  /** One of CurrencyCode; every amount below is in its minor unit. */
  currency: string;
  fixedFee: number;
  commissionBp: number;
  /** Net GMV guaranteed; null or undefined for no guarantee (then there is no make-good). */
  gmvGuarantee?: number | null;
  /** Applied only when the deal has an agency (see `hasAgency`). */
  agencyShareBp: number;
  platformFeeBp: number;
  refundWindowDays: number;
}

export interface SettlementRefund {
  amount: number;
  /** Whole calendar days between the order and the refund; 0 for a same-day refund. */
  daysAfterOrder: number;
}

export interface SettlementSalesRecord {
  gmv: number;
  refunds: readonly SettlementRefund[];
}

export interface SettlementInput {
  terms: SettlementTerms;
  /** The records in force: superseded reports must already be left out. */
  sales: readonly SettlementSalesRecord[];
  /** Whether an agency is party to the deal; without one nobody takes an agency share. */
  hasAgency: boolean;
}

/** ROI as an exact fraction, plus floor(fraction × 10000); null basis points when nothing was paid. */
export interface SettlementRoi {
  numerator: number;
  denominator: number;
  basisPoints: number | null;
}

/**
 * Identities (all exact, in minor units):
 *   netGmv         = grossGmv − refundsCounted
 *   feeEarned      = fixedFee − makeGood
 *   creatorGross   = feeEarned + commission
 *   creatorNet     = creatorGross − agencyShare
 *   brandTotalCost = creatorGross + platformFee = creatorNet + agencyShare + platformFee
 *   roi            = netGmv / brandTotalCost
 */
export interface SettlementBreakdown {
  currency: CurrencyCode;
  grossGmv: number;
  /** Refunds inside the refund window: they reduce GMV. */
  refundsCounted: number;
  /** Refunds after the refund window: reported, but they do not reduce GMV. */
  refundsIgnored: number;
  netGmv: number;
  fixedFee: number;
  /** Part of the fixed fee returned to the brand because net GMV fell short of the guarantee. */
  makeGood: number;
  /** The fixed fee the talent keeps after the make-good. */
  feeEarned: number;
  commission: number;
  /** What the brand owes the talent's side: fee earned plus commission. */
  creatorGross: number;
  agencyShare: number;
  /** What the creator (or operator) keeps after the agency's share. */
  creatorNet: number;
  /** Charged to the brand on top of the talent's gross. */
  platformFee: number;
  brandTotalCost: number;
  roi: SettlementRoi;
}

/** A settlement input that breaks the rules above; a bug in the caller, since services validate first. */
export class SettlementInputError extends RangeError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field} ${message}`);
    this.name = 'SettlementInputError';
  }
}

const CURRENCIES: ReadonlySet<string> = new Set(Object.values(CurrencyCode));

function wholeNumber(value: number, field: string, max: number): bigint {
  if (!Number.isSafeInteger(value) || value < 0) throw new SettlementInputError(field, 'must be a non-negative safe integer');
  if (value > max) throw new SettlementInputError(field, `must be at most ${max}`);
  return BigInt(value);
}

const basisPoints = (value: number, field: string) => wholeNumber(value, field, BASIS_POINTS);

/** floor(amount × numerator ÷ denominator) for non-negative values: bigint division truncates. */
const floorShare = (amount: bigint, numerator: bigint, denominator: bigint) => (amount * numerator) / denominator;

export function computeSettlement({ terms, sales, hasAgency }: SettlementInput): SettlementBreakdown {
  if (!CURRENCIES.has(terms.currency)) throw new SettlementInputError('terms.currency', 'must be a supported currency code');
  const currency = terms.currency as CurrencyCode;
  const fixedFee = wholeNumber(terms.fixedFee, 'terms.fixedFee', MAX_SETTLEMENT_AMOUNT);
  const commissionBp = basisPoints(terms.commissionBp, 'terms.commissionBp');
  const agencyShareBp = basisPoints(terms.agencyShareBp, 'terms.agencyShareBp');
  const platformFeeBp = basisPoints(terms.platformFeeBp, 'terms.platformFeeBp');
  const refundWindowDays = wholeNumber(terms.refundWindowDays, 'terms.refundWindowDays', Number.MAX_SAFE_INTEGER);
  const guarantee = terms.gmvGuarantee == null ? null : wholeNumber(terms.gmvGuarantee, 'terms.gmvGuarantee', MAX_SETTLEMENT_AMOUNT);
  if (guarantee === 0n) throw new SettlementInputError('terms.gmvGuarantee', 'must be positive, or null for no guarantee');

  let grossGmv = 0n;
  let refundsCounted = 0n;
  let refundsIgnored = 0n;
  sales.forEach((record, recordIndex) => {
    const gmv = wholeNumber(record.gmv, `sales[${recordIndex}].gmv`, MAX_SETTLEMENT_AMOUNT);
    let recordRefunds = 0n;
    record.refunds.forEach((refund, refundIndex) => {
      const field = `sales[${recordIndex}].refunds[${refundIndex}]`;
      const amount = wholeNumber(refund.amount, `${field}.amount`, MAX_SETTLEMENT_AMOUNT);
      const daysAfterOrder = wholeNumber(refund.daysAfterOrder, `${field}.daysAfterOrder`, Number.MAX_SAFE_INTEGER);
      recordRefunds += amount;
      if (daysAfterOrder <= refundWindowDays) refundsCounted += amount;
      else refundsIgnored += amount;
    });
    if (recordRefunds > gmv) throw new SettlementInputError(`sales[${recordIndex}].refunds`, 'must not add up to more than the GMV of the same record');
    grossGmv += gmv;
  });
  if (grossGmv > BigInt(MAX_SETTLEMENT_AMOUNT)) throw new SettlementInputError('sales', `must not add up to more than ${MAX_SETTLEMENT_AMOUNT} of GMV`);

  const netGmv = grossGmv - refundsCounted;
  // fee × (1 − net/guarantee) = fee × (guarantee − net) / guarantee; ≤ fee because net ≥ 0.
  const makeGood = guarantee !== null && netGmv < guarantee ? floorShare(fixedFee, guarantee - netGmv, guarantee) : 0n;
  const feeEarned = fixedFee - makeGood;
  const commission = floorShare(netGmv, commissionBp, BASIS_POINTS_BIG);
  const creatorGross = feeEarned + commission;
  const agencyShare = hasAgency ? floorShare(creatorGross, agencyShareBp, BASIS_POINTS_BIG) : 0n;
  const creatorNet = creatorGross - agencyShare;
  const platformFee = floorShare(creatorGross, platformFeeBp, BASIS_POINTS_BIG);
  const brandTotalCost = creatorGross + platformFee;

  return {
    currency,
    grossGmv: Number(grossGmv),
    refundsCounted: Number(refundsCounted),
    refundsIgnored: Number(refundsIgnored),
    netGmv: Number(netGmv),
    fixedFee: Number(fixedFee),
    makeGood: Number(makeGood),
    feeEarned: Number(feeEarned),
    commission: Number(commission),
    creatorGross: Number(creatorGross),
    agencyShare: Number(agencyShare),
    creatorNet: Number(creatorNet),
    platformFee: Number(platformFee),
    brandTotalCost: Number(brandTotalCost),
    roi: {
      numerator: Number(netGmv),
      denominator: Number(brandTotalCost),
      basisPoints: brandTotalCost === 0n ? null : Number(floorShare(netGmv, BASIS_POINTS_BIG, brandTotalCost)),
    },
  };
}

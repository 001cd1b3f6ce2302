import type { DealStructure } from '../brief/brief.entity.js';
import { authenticityOf, budgetPerSlot, calibratedRoi, formatMoney, formatName, formatRoi, listText, type MatchBrief, type MatchCandidate, minimumFeeFor, percent, SHRINKAGE_PRIOR_DEALS } from './scoring.js';

/**
 * The ROI a brand can expect from hiring one candidate for one slot of a brief, with every
 * assumption the estimate rests on, so a brand can see what it is trusting.
 *
 * The model is deliberately simple:
 * 1. Terms: the candidate's rate-card minimums under the structure the brief prefers (hybrid when
 *    it accepts one, since a rate card prices a fee and a commission together; else a fixed fee
 *    only; else a commission only).
 * 2. Net GMV: the candidate's track-record ROI in the vertical, shrunk toward the vertical's
 *    average discounted for padded followers (calibratedRoi), times a reference spend: the slot fee the candidate charges (the budget
 *    per slot when the rate card states no fee in the brief's currency, or a fee of 0).
 * 3. Cost: the fixed fee the structure pays plus the commission on that net GMV.
 * 4. ROI: net GMV ÷ cost, in basis points (10000 = 1×).
 * Without any ROI on record in the vertical, by anyone, there is no basis for net GMV: roiBp and
 * expectedNetGmv are null and expectedCost is the fixed part alone.
 */

export interface RoiAssumption {
  name: string;
  /** Human-readable: an amount with its currency, a ratio such as 2.40×, a rate in %. */
  value: string;
  /** Where the value came from. */
  source: string;
}

export interface ExpectedRoi {
  /** Expected net GMV ÷ expected cost in basis points, or null without a basis for the GMV. */
  roiBp: number | null;
  /** Net GMV in minor units of `currency`, or null without a basis. */
  expectedNetGmv: number | null;
  /** Fixed fee plus commission in minor units of `currency` (the fixed fee alone when the GMV is unknown). */
  expectedCost: number;
  currency: string;
  assumptions: RoiAssumption[];
}

export function estimateExpectedRoi(brief: MatchBrief, candidate: MatchCandidate): ExpectedRoi {
  const currency = brief.currency;
  const assumptions: RoiAssumption[] = [];
  const assume = (name: string, value: string, source: string) => assumptions.push({ name, value, source });

  const structure = chooseStructure(brief.preferredStructures);
  assume(
    'dealStructure',
    structure,
    brief.preferredStructures.length
      ? `The brief prefers ${listText([...brief.preferredStructures], 'or')}; hybrid is taken when accepted, because a rate card prices a fee and a commission together.`
      : 'The brief states no preferred structure; a rate card prices a fee and a commission together, so hybrid.',
  );

  const perSlot = budgetPerSlot(brief);
  const perSlotText = `${formatMoney(brief.budget, currency)} over ${brief.slots} slot${brief.slots === 1 ? '' : 's'}`;
  const cardFee = minimumFeeFor(brief, candidate.rateCard);
  const referenceSpend = cardFee && cardFee.amount > 0 ? cardFee.amount : perSlot;
  const referenceSource = cardFee
    ? cardFee.amount > 0
      ? `The rate card's minimum fee ${cardFee.format === null ? 'per broadcast' : `for ${formatName(cardFee.format)}`}.`
      : `The rate card asks no fixed fee, so the brief's budget per slot (${perSlotText}) stands in for the spend.`
    : candidate.rateCard.currency === currency
      ? `The rate card states no fee for the brief's formats, so the brief's budget per slot (${perSlotText}) stands in.`
      : `The rate card is in ${candidate.rateCard.currency}, not ${currency}, so the brief's budget per slot (${perSlotText}) stands in.`;

  const fixedFee = structure === 'COMMISSION' ? 0 : referenceSpend;
  assume('fixedFee', formatMoney(fixedFee, currency), structure === 'COMMISSION' ? 'A commission-only deal pays no slot fee.' : referenceSource);

  const commissionBp = structure === 'FIXED_FEE' ? 0 : Math.max(0, candidate.rateCard.minCommissionBp);
  assume(
    'commissionRate',
    `${(commissionBp / 100).toFixed(2)}%`,
    structure === 'FIXED_FEE' ? 'A fixed-fee deal pays no commission.' : "The rate card's minimum commission on net GMV.",
  );

  const record = candidate.trackRecord;
  const shrunk = calibratedRoi(candidate);
  const authenticity = authenticityOf(candidate);
  assume(
    'ownRoiInVertical',
    shrunk.ownDeals ? formatRoi(record.roiBpInVertical ?? 0) : 'none',
    shrunk.ownDeals
      ? `Net GMV ÷ what brands paid over ${shrunk.ownDeals} completed deals in the vertical.`
      : 'No completed deals with reported sales in the vertical: the ROI below is an assumption (the vertical average), not a record.',
  );
  assume(
    'verticalAverageRoi',
    record.verticalAverageRoiBp === null ? 'none' : formatRoi(record.verticalAverageRoiBp),
    'Net GMV ÷ what brands paid over every completed deal in the vertical, by anyone.',
  );

  if (shrunk.roiBp === null) {
    assume('expectedNetGmv', 'unknown', 'Nobody has completed a deal with reported sales in the vertical, so there is no basis for an estimate.');
    return { roiBp: null, expectedNetGmv: null, expectedCost: fixedFee, currency, assumptions };
  }
  if (authenticity < 1) {
    assume('realFollowerShare', percent(candidate.audienceQuality ?? 0), `Bought followers neither watch nor buy: the vertical average is discounted to ${percent(authenticity)} of itself before it is assumed.`);
  }
  assume(
    'shrunkRoi',
    formatRoi(shrunk.roiBp),
    `(n × own ROI + ${SHRINKAGE_PRIOR_DEALS} × ${authenticity < 1 ? 'discounted ' : ''}vertical average) ÷ (n + ${SHRINKAGE_PRIOR_DEALS}) with n = ${shrunk.ownDeals}: ${shrunk.ownDeals ? 'a short record stays near the average' : 'with no record, the assumption alone'}.`,
  );
  assume('referenceSpend', formatMoney(referenceSpend, currency), referenceSource);

  const expectedNetGmv = Math.round((shrunk.roiBp * referenceSpend) / 10_000);
  assume('expectedNetGmv', formatMoney(expectedNetGmv, currency), 'The shrunk ROI times the reference spend: what the track record says one slot of spend returns.');

  const commission = Math.round((expectedNetGmv * commissionBp) / 10_000);
  const expectedCost = fixedFee + commission;
  assume('expectedCost', formatMoney(expectedCost, currency), `Fixed fee ${formatMoney(fixedFee, currency)} plus commission ${formatMoney(commission, currency)} on the expected net GMV.`);

  const roiBp = expectedCost > 0 ? Math.round((expectedNetGmv * 10_000) / expectedCost) : null;
  return { roiBp, expectedNetGmv, expectedCost, currency, assumptions };
}

/** Hybrid when the brief accepts it (or says nothing), else fixed fee, else commission. */
function chooseStructure(preferred: readonly DealStructure[]): DealStructure {
  if (!preferred.length || preferred.includes('HYBRID')) return 'HYBRID';
  return preferred.includes('FIXED_FEE') ? 'FIXED_FEE' : 'COMMISSION';
}

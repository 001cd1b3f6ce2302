import type { ExpectedRoi } from './expected-roi.js';
import { type FactorScore, formatMoney, listText, type MatchScore } from './scoring.js';
import type { MatchFactor } from './weights.js';

/**
 * Why a match sits below the one above it, in the words a brand compares by: expected GMV and
 * fee first ("similar expected GMV, higher fee"), then the factor that accounts for most of the
 * gap. Pure; the ranking adds the sentence to that factor's reason.
 */

export interface Ranked {
  score: MatchScore;
  expectedRoi: ExpectedRoi;
}

export interface Comparison {
  /** The factor the sentence belongs to: where this match loses most against the one above. */
  factor: MatchFactor;
  sentence: string;
}

/** Amounts within this share of each other are "similar". */
export const SIMILAR_SHARE = 0.15;

const FACTOR_WORDS: Record<MatchFactor, string> = {
  verticalFit: 'vertical fit',
  nicheTagOverlap: 'niche tags',
  credentialRelevance: 'relevant credentials',
  credibility: 'credibility',
  audienceFit: 'audience fit',
  trackRecord: 'expected ROI',
  priceFit: 'price fit',
  availability: 'availability',
  capabilityFit: 'capabilities',
};

function compared(here: number | null, above: number | null, currency: string, more: string, less: string, noun: string): string | null {
  if (here === null || above === null) return null;
  const amounts = `${formatMoney(here, currency)} against ${formatMoney(above, currency)}`;
  const larger = Math.max(Math.abs(here), Math.abs(above));
  if (larger === 0 || Math.abs(here - above) <= SIMILAR_SHARE * larger) return `similar ${noun} (${amounts})`;
  return `${here > above ? more : less} ${noun} (${amounts})`;
}

/** The sentence for the match at `position` (1-based) about the one at `position − 1`. */
export function compareWithAbove(position: number, here: Ranked, above: Ranked): Comparison {
  const deficits = here.score.factors.map((factor): [FactorScore, number] => [
    factor,
    (above.score.factors.find((other) => other.factor === factor.factor)?.contribution ?? 0) - factor.contribution,
  ]);
  const [chief, gap] = deficits.reduce((best, entry) => (entry[1] > best[1] ? entry : best));
  const currency = here.expectedRoi.currency;
  const money = [
    compared(here.expectedRoi.expectedNetGmv, above.expectedRoi.expectedNetGmv, currency, 'higher', 'lower', 'expected GMV'),
    compared(here.expectedRoi.expectedCost, above.expectedRoi.expectedCost, currency, 'higher', 'lower', 'cost'),
  ].filter((part) => part !== null);
  const against = `#${position - 1}`;
  if (here.score.score >= above.score.score || gap <= 0) {
    return {
      factor: chief.factor,
      sentence: `Placed below ${against} though it scores as well or better, to spread the first page beyond top-reach accounts or to give a newcomer a place${money.length ? `; ${listText(money)}` : ''}.`,
    };
  }
  return {
    factor: chief.factor,
    sentence: `Below ${against}: ${money.length ? `${listText(money)}; ` : ''}most of the gap is ${FACTOR_WORDS[chief.factor]} (${gap.toFixed(3)} of score).`,
  };
}

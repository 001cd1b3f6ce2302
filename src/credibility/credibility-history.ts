import { CredibilityChangeReason } from './credibility.entity.js';
import type { TrackRecordInputs } from './credibility.js';

/** The facts a credibility summary was computed from, before or after a refresh. */
export interface ScoreFacts {
  score: number;
  level: number;
  /** Credential types that count (verified, implied ones included). */
  claimable: readonly string[];
  totalFollowers: number;
  audienceQuality: number;
}

export interface ExplainedChange {
  reason: CredibilityChangeReason;
  explanation: string;
}

const percent = (share: number) => `${Math.round(share * 100)} %`;
const times = (bp: number) => `${(bp / 10_000).toFixed(1)}×`;
const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** A one-line summary of a track record, as the history explains a change it caused. */
export function describeTrackRecord(record: TrackRecordInputs): string {
  const parts = [`${plural(record.dealsCompleted, 'settled deal')}`];
  if (record.deliverablesTotal) parts.push(`${record.deliverablesOnTime} of ${plural(record.deliverablesTotal, 'deliverable')} on time`);
  if (record.guaranteedDeals) parts.push(`${percent(record.guaranteeAttainment / record.guaranteedDeals)} of guaranteed GMV achieved`);
  if (record.averageRoiBp !== null) parts.push(`average ROI ${times(record.averageRoiBp)}`);
  if (record.reviewCount && record.reviewAverage !== null) parts.push(`${plural(record.reviewCount, 'review')} averaging ${record.reviewAverage.toFixed(1)} of 5`);
  return parts.join(', ');
}

/**
 * Why a score moved, told from what changed between the two summaries: the caller's cause (a deal
 * settled or reviewed) when it gave one, else a credential that started or stopped counting, else
 * a changed audience, else a plain recalculation. One sentence for the talent, ending with the move.
 */
export function explainChange(before: ScoreFacts, after: ScoreFacts, record: TrackRecordInputs, cause: CredibilityChangeReason | null): ExplainedChange {
  const move =
    before.level === after.level
      ? `Score ${before.score} → ${after.score}, level L${after.level}.`
      : `Score ${before.score} → ${after.score}, level L${before.level} → L${after.level}.`;
  const gained = after.claimable.filter((type) => !before.claimable.includes(type));
  const lost = before.claimable.filter((type) => !after.claimable.includes(type));

  if (cause === CredibilityChangeReason.DEAL_SETTLED || cause === CredibilityChangeReason.REVIEW_RECEIVED) {
    const what = cause === CredibilityChangeReason.DEAL_SETTLED ? 'A deal was settled' : 'A brand reviewed a settled deal';
    return { reason: cause, explanation: `${what}; the track record now counts ${describeTrackRecord(record)}. ${move}` };
  }
  if (gained.length) {
    return { reason: CredibilityChangeReason.CREDENTIAL_VERIFIED, explanation: `Verified credential now counts: ${gained.join(', ')}. ${move}` };
  }
  if (lost.length) {
    return { reason: CredibilityChangeReason.CREDENTIAL_LAPSED, explanation: `Credential no longer counts (expired or no longer verified): ${lost.join(', ')}. ${move}` };
  }
  if (before.totalFollowers !== after.totalFollowers || before.audienceQuality !== after.audienceQuality) {
    const audience = after.totalFollowers
      ? `${after.totalFollowers.toLocaleString('en-US')} followers, ${percent(after.audienceQuality)} of them real`
      : 'no channel accounts';
    return { reason: CredibilityChangeReason.AUDIENCE_CHANGED, explanation: `Channel accounts changed: ${audience}. ${move}` };
  }
  return { reason: CredibilityChangeReason.RECALCULATED, explanation: `Recomputed from the same verified facts under the current rules. ${move}` };
}

/**
 * Credibility: a score in 0..100 and a level L1..L5 earned from verified facts, never declared.
 *
 * Point budget (the parts' maxima add up to 100):
 * | part                      | max | how it is earned                                                        |
 * |---------------------------|-----|-------------------------------------------------------------------------|
 * | verified credentials      |  34 | 24 for the first distinct verified type, 30 for two, 34 for three+      |
 * | audience quality          |  30 | linear from 40 % real followers (0) to 100 % (30)                       |
 * | track record              |  36 | settled deals, scaled by experience (below)                             |
 * |   experience              |   8 |   deals completed                                                       |
 * |   deliverables on time    |  10 |   share delivered by the due date                                       |
 * |   GMV promises kept       |   6 |   net GMV achieved ÷ GMV guaranteed, per guaranteed deal, capped at 1   |
 * |   ROI delivered           |   6 |   average ROI r as r ÷ (r + 1×): 0.5 at break-even, 0.8 at 4×           |
 * |   reviews                 |   6 |   average rating, 1 star = 0, 5 stars = 1                               |
 *
 * Every part of the track record is multiplied by the experience factor n ÷ (n + 5) for n deals
 * completed, and each quality (on time, promises, ROI, reviews) is shrunk toward a neutral 0.5
 * with a few pseudo-observations, so one lucky deal or one glowing review moves little and a long
 * record speaks for itself. The record part only adds: a poor record earns few points, and brands
 * see the poor record itself in the track-record summary and in matching's ROI factor.
 *
 * Talent with no audience to judge (an operator runs the brand's stream, not a channel of their
 * own) has only the record to show for reach and results, so their record's points are scaled by
 * RECORD_ONLY_SCALE, from its 36 to the 100 every part together could give: an operator with five
 * settled deals at 3.6× ROI, on time and well reviewed, reaches L3, and a long excellent record
 * reaches the levels a credentialed specialist with a real audience starts at. Without that, the
 * record alone topped out at 36 and most operators stayed L1 whatever they achieved.
 *
 * Why: credentials and audience together reach at most 64, below L5 (70). L5 is reserved for
 * talent with a real track record: with one deal the record adds under 5 points (one review and
 * one guarantee per deal at most; see the tests), so even a perfect profile needs two good deals, and a typical
 * specialist (one credential, ~95 % real audience, about 52 points) needs some seven or eight
 * excellent ones. With no record (n = 0) the score is exactly what the first two parts give.
 */

export const CREDIBILITY_LEVELS = [1, 2, 3, 4, 5] as const;
export type CredibilityLevel = (typeof CREDIBILITY_LEVELS)[number];

/** Lowest score of each level: L2 from 20, L3 from 35, L4 from 50, L5 from 70. */
export const LEVEL_THRESHOLDS: Record<CredibilityLevel, number> = { 1: 0, 2: 20, 3: 35, 4: 50, 5: 70 };

/** Points for the first, second and third (or further) distinct verified credential. */
const CREDENTIAL_POINTS = [0, 24, 30, 34] as const;
export const MAX_CREDENTIAL_POINTS = CREDENTIAL_POINTS[CREDENTIAL_POINTS.length - 1]!;
export const MAX_AUDIENCE_POINTS = 30;
/** Below this share of real followers an audience earns nothing; fake followers are common. */
const AUDIENCE_QUALITY_FLOOR = 0.4;

/** The track record's share of the budget, part by part. */
export const TRACK_RECORD_POINTS = { experience: 8, onTime: 10, promisesKept: 6, roi: 6, reviews: 6 } as const;
export const MAX_TRACK_RECORD_POINTS = Object.values(TRACK_RECORD_POINTS).reduce((sum, points) => sum + points, 0);
/** What a record's points are multiplied by for talent with no audience to judge (operators). */
export const RECORD_ONLY_SCALE = (MAX_CREDENTIAL_POINTS + MAX_AUDIENCE_POINTS + MAX_TRACK_RECORD_POINTS) / MAX_TRACK_RECORD_POINTS;
/** n deals count as n ÷ (n + EXPERIENCE_PRIOR_DEALS) of a full record. */
export const EXPERIENCE_PRIOR_DEALS = 5;
/** Pseudo-observations at the neutral 0.5 that each quality is shrunk with. */
const PRIOR = { deliverables: 4, guaranteedDeals: 2, roiDeals: 2, reviews: 3 } as const;
/** ROI at which the ROI quality is 0.5: break-even, net GMV equal to what the brand paid. */
const ROI_HALF_BP = 10_000;
const NEUTRAL = 0.5;

/** What settled deals say about a creator or operator. All counts are over SETTLED deals only. */
export interface TrackRecordInputs {
  dealsCompleted: number;
  /** Deliverables of those deals, and how many were first submitted by their due date. */
  deliverablesTotal: number;
  deliverablesOnTime: number;
  /** Deals that had a GMV guarantee, and the sum over them of min(1, net GMV ÷ guarantee). */
  guaranteedDeals: number;
  guaranteeAttainment: number;
  /** Average ROI delivered (net GMV ÷ brand total cost) in basis points over deals with a cost; null without any. */
  averageRoiBp: number | null;
  /** Deals with an ROI, the weight of `averageRoiBp`. */
  roiDeals: number;
  /** Reviews the brands wrote about the talent, and their average rating in 1..5 (null without any). */
  reviewCount: number;
  reviewAverage: number | null;
}

export const NO_TRACK_RECORD: TrackRecordInputs = {
  dealsCompleted: 0,
  deliverablesTotal: 0,
  deliverablesOnTime: 0,
  guaranteedDeals: 0,
  guaranteeAttainment: 0,
  averageRoiBp: null,
  roiDeals: 0,
  reviewCount: 0,
  reviewAverage: null,
};

export interface CredibilityInputs {
  /** Distinct credential types verified by an admin and not expired. */
  verifiedCredentialCount: number;
  /**
   * Follower-weighted share of real followers in 0..1, or null when there is no audience to judge
   * (an operator; a creator without a channel): then the record stands for reach too.
   */
  audienceQuality: number | null;
  /** Settled deals; absent or empty for someone without any. */
  trackRecord?: TrackRecordInputs;
}

export interface Credibility {
  score: number;
  level: CredibilityLevel;
  credentialPoints: number;
  audiencePoints: number;
  trackRecordPoints: number;
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
const finite = (value: number) => (Number.isFinite(value) ? value : 0);
const count = (value: number) => Math.max(0, Math.floor(finite(value)));
const oneDecimal = (value: number) => Math.round(value * 10) / 10;

export function levelForScore(score: number): CredibilityLevel {
  let level: CredibilityLevel = 1;
  for (const candidate of CREDIBILITY_LEVELS) {
    if (score >= LEVEL_THRESHOLDS[candidate]) level = candidate;
  }
  return level;
}

/** (observations × quality + prior × 0.5) ÷ (observations + prior): few observations stay near neutral. */
function shrink(quality: number, observations: number, prior: number): number {
  return (observations * clamp(finite(quality), 0, 1) + prior * NEUTRAL) / (observations + prior);
}

/** The track record's points, 0 with no deal and below MAX_TRACK_RECORD_POINTS always. */
export function trackRecordPoints(record: TrackRecordInputs): number {
  const deals = count(record.dealsCompleted);
  if (deals === 0) return 0;
  const experience = deals / (deals + EXPERIENCE_PRIOR_DEALS);

  const total = count(record.deliverablesTotal);
  const onTime = Math.min(total, count(record.deliverablesOnTime));
  const onTimeQuality = shrink(total ? onTime / total : NEUTRAL, total, PRIOR.deliverables);

  const guaranteed = count(record.guaranteedDeals);
  const attainment = guaranteed ? clamp(finite(record.guaranteeAttainment), 0, guaranteed) / guaranteed : NEUTRAL;
  const promiseQuality = shrink(attainment, guaranteed, PRIOR.guaranteedDeals);

  const roi = record.averageRoiBp === null || Number.isNaN(record.averageRoiBp) ? null : Math.max(0, record.averageRoiBp);
  const roiDeals = roi === null ? 0 : count(record.roiDeals);
  const roiQuality = shrink(roi === null ? NEUTRAL : roi === Infinity ? 1 : roi / (roi + ROI_HALF_BP), roiDeals, PRIOR.roiDeals);

  const reviews = record.reviewAverage === null ? 0 : count(record.reviewCount);
  const reviewQuality = shrink(reviews ? (clamp(finite(record.reviewAverage ?? 3), 1, 5) - 1) / 4 : NEUTRAL, reviews, PRIOR.reviews);

  return (
    experience *
    (TRACK_RECORD_POINTS.experience +
      TRACK_RECORD_POINTS.onTime * onTimeQuality +
      TRACK_RECORD_POINTS.promisesKept * promiseQuality +
      TRACK_RECORD_POINTS.roi * roiQuality +
      TRACK_RECORD_POINTS.reviews * reviewQuality)
  );
}

/** The points `count` distinct verified credential types earn. */
export function credentialPointsFor(count: number): number {
  return CREDENTIAL_POINTS[clamp(Math.floor(finite(count)), 0, CREDENTIAL_POINTS.length - 1)]!;
}

export function computeCredibility(inputs: CredibilityInputs): Credibility {
  const credentialPoints = credentialPointsFor(inputs.verifiedCredentialCount);
  const quality = inputs.audienceQuality === null ? 0 : clamp(inputs.audienceQuality, 0, 1);
  const audiencePoints = MAX_AUDIENCE_POINTS * clamp((quality - AUDIENCE_QUALITY_FLOOR) / (1 - AUDIENCE_QUALITY_FLOOR), 0, 1);
  const recordPoints = trackRecordPoints(inputs.trackRecord ?? NO_TRACK_RECORD) * (inputs.audienceQuality === null ? RECORD_ONLY_SCALE : 1);
  const score = Math.round(clamp(credentialPoints + audiencePoints + recordPoints, 0, 100));
  return {
    score,
    level: levelForScore(score),
    credentialPoints,
    audiencePoints: oneDecimal(audiencePoints),
    trackRecordPoints: oneDecimal(recordPoints),
  };
}

/**
 * Credibility: a score in 0..100 and a level L1..L5 earned from verified facts, never declared.
 *
 * Today the score has two parts: verified credentials and audience quality. Their maxima add up
 * to 64, below the L5 threshold, on purpose: the top level is reserved for talent with a verified
 * track record of deals, which the deals module adds as a third part.
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

export interface CredibilityInputs {
  /** Distinct credential types verified by an admin and not expired. */
  verifiedCredentialCount: number;
  /** Follower-weighted share of real followers in 0..1, or null when there is no audience to judge. */
  audienceQuality: number | null;
}

export interface Credibility {
  score: number;
  level: CredibilityLevel;
  credentialPoints: number;
  audiencePoints: number;
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

export function levelForScore(score: number): CredibilityLevel {
  let level: CredibilityLevel = 1;
  for (const candidate of CREDIBILITY_LEVELS) {
    if (score >= LEVEL_THRESHOLDS[candidate]) level = candidate;
  }
  return level;
}

export function computeCredibility(inputs: CredibilityInputs): Credibility {
  const credentialCount = clamp(Math.floor(inputs.verifiedCredentialCount), 0, CREDENTIAL_POINTS.length - 1);
  const credentialPoints = CREDENTIAL_POINTS[credentialCount]!;
  const quality = inputs.audienceQuality === null ? 0 : clamp(inputs.audienceQuality, 0, 1);
  const audiencePoints = MAX_AUDIENCE_POINTS * clamp((quality - AUDIENCE_QUALITY_FLOOR) / (1 - AUDIENCE_QUALITY_FLOOR), 0, 1);
  const score = Math.round(clamp(credentialPoints + audiencePoints, 0, 100));
  return { score, level: levelForScore(score), credentialPoints, audiencePoints: Math.round(audiencePoints * 10) / 10 };
}

import { type CredibilityLevel, LEVEL_THRESHOLDS } from './credibility.js';

/**
 * What each creator level needs, stated once: the API's `credibilityLevels` and the docs read this
 * table. A score alone never lifts a profile: an unverified profile stays at L1 whatever it
 * declares, and the top levels need a record of deals settled through the marketplace.
 */
export interface LevelRequirement {
  level: CredibilityLevel;
  minScore: number;
  /** At least one channel whose ownership is verified, or one verified credential. */
  verifiedIdentity: boolean;
  /** Deals settled through the marketplace. */
  minSettledDeals: number;
  summary: string;
}

export const LEVEL_REQUIREMENTS: readonly LevelRequirement[] = [
  { level: 1, minScore: LEVEL_THRESHOLDS[1], verifiedIdentity: false, minSettledDeals: 0, summary: 'Every profile starts here, whatever it declares.' },
  { level: 2, minScore: LEVEL_THRESHOLDS[2], verifiedIdentity: true, minSettledDeals: 0, summary: `Score ${LEVEL_THRESHOLDS[2]}+, and a verified channel or credential.` },
  { level: 3, minScore: LEVEL_THRESHOLDS[3], verifiedIdentity: true, minSettledDeals: 0, summary: `Score ${LEVEL_THRESHOLDS[3]}+, and a verified channel or credential.` },
  { level: 4, minScore: LEVEL_THRESHOLDS[4], verifiedIdentity: true, minSettledDeals: 3, summary: `Score ${LEVEL_THRESHOLDS[4]}+, a verified channel or credential, and 3 settled deals.` },
  { level: 5, minScore: LEVEL_THRESHOLDS[5], verifiedIdentity: true, minSettledDeals: 5, summary: `Score ${LEVEL_THRESHOLDS[5]}+, a verified channel or credential, and 5 settled deals.` },
];

export interface LevelFacts {
  score: number;
  verifiedChannels: number;
  verifiedCredentials: number;
  settledDeals: number;
}

export interface LevelDecision {
  level: CredibilityLevel;
  /** Why the profile is below the level its score alone would reach; null when the score decides. */
  heldBackBy: string | null;
}

function unmet(requirement: LevelRequirement, facts: LevelFacts): string | null {
  if (facts.score < requirement.minScore) return `a score of ${requirement.minScore}`;
  if (requirement.verifiedIdentity && facts.verifiedChannels + facts.verifiedCredentials === 0) return 'a verified channel or credential';
  if (facts.settledDeals < requirement.minSettledDeals) return `${requirement.minSettledDeals} settled deals (${facts.settledDeals} so far)`;
  return null;
}

/** The highest level whose every requirement holds (and every lower level's). */
export function levelFor(facts: LevelFacts): LevelDecision {
  let level: CredibilityLevel = 1;
  let heldBackBy: string | null = null;
  for (const requirement of LEVEL_REQUIREMENTS.slice(1)) {
    const missing = unmet(requirement, facts);
    if (missing) {
      if (facts.score >= requirement.minScore) heldBackBy = `L${requirement.level} needs ${missing}`;
      break;
    }
    level = requirement.level;
  }
  return { level, heldBackBy };
}

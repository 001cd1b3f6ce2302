import type { BriefObjective, DealStructure, TargetGender } from '../brief/brief.entity.js';
import type { ContentFormat, Platform } from '../common/enums.js';
import type { AgeBand, AudienceProfile } from '../creator/audience.js';
import { availableSlots } from '../creator/capacity.js';
import { CredentialType, impliedCredentialTypes } from '../credential/credential-type.js';
import { credentialPointsFor, MAX_CREDENTIAL_POINTS } from '../credibility/credibility.js';
import type { TraderCapability } from '../trader/trader.entity.js';
import { type CandidateKind, DEFAULT_MATCH_WEIGHTS, FACTORS_FOR_KIND, type MatchFactor, type MatchWeights, normalise } from './weights.js';

/**
 * Scores one candidate (a creator, or an operator for an operated self-broadcast) against one
 * brief: a score in 0..1 and, per factor, its weight, its value, its contribution and a sentence
 * that says why. Pure: candidate retrieval (hard constraints, in PostgreSQL) happens before, and
 * feeds plain objects in.
 */

export interface TargetAudience {
  gender: TargetGender;
  ageBands: readonly AgeBand[];
  /** Provinces or cities, compared case-insensitively with the audience's top regions. */
  regions: readonly string[];
}

export interface MatchBrief {
  objective: BriefObjective;
  /** The exact (leaf) verticals of the brief's products. */
  verticalSlugs: readonly string[];
  /** Their parent verticals. */
  parentVerticalSlugs: readonly string[];
  /** Display names by slug, for the reasons; a slug without a name is shown as the slug. */
  verticalNames?: Readonly<Record<string, string>>;
  /** Normalised niche tags (see src/common/niche-tags.ts). */
  nicheTags: readonly string[];
  /** The brief's own required credentials and its products' together. */
  requiredCredentials: readonly CredentialType[];
  targetAudience: TargetAudience;
  /** What the brand means to spend in all, in minor units of `currency`. */
  budget: number;
  currency: string;
  /** How many creators or operators the brand will hire; the budget is shared among them. */
  slots: number;
  /** Formats the brief accepts; empty means any. */
  formats: readonly ContentFormat[];
  platforms: readonly Platform[];
  preferredStructures: readonly DealStructure[];
  /**
   * What an operator must be able to run for an operated self-broadcast. Empty or missing means
   * the whole broadcast end to end: every capability (SELF_BROADCAST_CAPABILITIES).
   */
  requiredCapabilities?: readonly TraderCapability[] | null;
}

export interface RateCard {
  currency: string;
  /** A creator's rate card: the lowest fixed fee per format, in minor units. */
  minFixedFeeByFormat: Partial<Record<ContentFormat, number>>;
  /** A fee that applies whatever the format: an operator's lowest fee for running one broadcast. */
  flatMinFixedFee?: number | null;
  minCommissionBp: number;
}

export interface TrackRecord {
  /** Completed deals in the brief's vertical. */
  dealsCompleted: number;
  /** Net GMV ÷ what brands paid over those deals, in basis points (10000 = 1×); null without any. */
  roiBpInVertical: number | null;
  /** The same ratio over every completed deal in the brief's vertical, by anyone; null without any. */
  verticalAverageRoiBp: number | null;
}

export interface MatchCandidate {
  kind: CandidateKind;
  verticalSlugs: readonly string[];
  nicheTags: readonly string[];
  /** Verified credential types including the ones they imply (the profile's summary column). */
  verifiedCredentialTypes: readonly CredentialType[];
  /** Verified credential types as held, without implied ones: named in the reasons. */
  rawVerifiedCredentialTypes: readonly CredentialType[];
  credibilityScore: number;
  credibilityLevel: number;
  /** The combined audience of the creator's channels; null when unknown (and for operators). */
  audience: AudienceProfile | null;
  /**
   * Follower-weighted share of real followers across the creator's channels, 0..1; null (or
   * absent) for operators and creators without followers, whose reach is not judged.
   */
  audienceQuality?: number | null;
  totalFollowers: number;
  capacity: number;
  activeDealCount: number;
  rateCard: RateCard;
  trackRecord: TrackRecord;
  /** An operator's capabilities; creators have none. */
  capabilities?: readonly TraderCapability[];
}

/**
 * What a score noticed that a hard constraint may exclude. Retrieval normally filters these out
 * before scoring; the flag makes a candidate that slipped through visible instead of silently low.
 */
export const MatchFlag = {
  MISSING_REQUIRED_CREDENTIAL: 'MISSING_REQUIRED_CREDENTIAL',
  OVER_BUDGET: 'OVER_BUDGET',
  AT_CAPACITY: 'AT_CAPACITY',
  NEAR_CAPACITY: 'NEAR_CAPACITY',
  MISSING_CAPABILITY: 'MISSING_CAPABILITY',
} as const;
export type MatchFlag = (typeof MatchFlag)[keyof typeof MatchFlag];

export interface FactorScore {
  factor: MatchFactor;
  /** This factor's share of the score, a multiple of 1e-6; the weights of a score add up to 1. */
  weight: number;
  /** How well the candidate does on this factor, 0..1, rounded to 6 decimals. */
  value: number;
  /** weight × value, rounded to 6 decimals. */
  contribution: number;
  reason: string;
}

export interface MatchScore {
  /** The sum of the contributions, in 0..1. */
  score: number;
  factors: FactorScore[];
  flags: MatchFlag[];
}

/**
 * Scores and contributions are whole millionths. Each weight is apportioned to integer millionths
 * adding up to exactly SCORE_SCALE (largest remainders), each contribution is round(weight ×
 * value) in millionths, so it never exceeds its weight, and the score is their integer sum:
 * `Σ round(contribution × 1e6) === score × 1e6` holds exactly and the score stays in 0..1. Summed
 * as JavaScript floats, the contributions equal the score to within about 1e-15.
 */
export const SCORE_SCALE = 1_000_000;

/** Value of the parent vertical alone; the exact vertical is worth 1. */
export const PARENT_VERTICAL_VALUE = 0.5;
/** Value of a vertical outside the brief's family that shares niche tags with it (skincare in hyaluronic acid for a hyaluronic-acid snack). */
export const RELATED_VERTICAL_VALUE = 0.25;
/**
 * The real-follower share an honest account has; a lower share discounts reach (audience fit,
 * the diversity re-rank, the ROI assumed before a record exists) in proportion, a higher one does
 * not add. Bought followers neither watch nor buy.
 */
export const AUTHENTIC_REAL_SHARE = 0.9;
/**
 * How steeply the expected-ROI factor rises with the cautious ROI r against the cautious ROI b of
 * a newcomer assumed the vertical's average: value = 1 ÷ (1 + (b ÷ r)^ROI_SENSITIVITY). At 2
 * (as the track-record factor always had): b scores 0.5, 1.5 b 0.69, twice b 0.8, half of it 0.2.
 */
export const ROI_SENSITIVITY = 2;
/**
 * How far talents' true ROIs spread around the vertical's average, as a share of it: the prior's
 * standard deviation. With SHRINKAGE_PRIOR_DEALS it sets the uncertainty left after n deals,
 * ROI_SPREAD × average × √(k ÷ (k + n)): half the average for a newcomer, a third after 6 deals.
 */
export const ROI_SPREAD = 0.5;
/**
 * The factor ranks on the calibrated ROI less this many standard deviations of its uncertainty: a
 * brand paying a fee prefers a likely 3× to a possible 3×, so evidence counts, and a newcomer's
 * assumed average counts for less than a record that shows it.
 */
export const ROI_CAUTION = 1;
/** Value of a general credential (a physician) where the vertical calls for a specialist (a pediatrician). */
export const GENERAL_CREDENTIAL_VALUE = 0.5;
/** Value of something the brief targets but the candidate does not report (an audience part, a price). */
export const UNKNOWN_VALUE = 0.5;
/**
 * Empirical-Bayes prior strength in deals: a candidate's own ROI in the vertical is averaged with
 * the vertical's average as if the average were backed by this many deals. With 5 completed deals
 * the two weigh equally; one lucky deal moves the estimate only a sixth of the way. (The same
 * constant orders the proven-performers source of candidate retrieval.)
 */
export const SHRINKAGE_PRIOR_DEALS = 5;
/** A fee at or below this share of the budget per slot is well within budget (price fit 1). */
export const COMFORTABLE_BUDGET_SHARE = 0.5;
/** Price fit of a fee exactly at the budget per slot; it falls linearly to this from the comfortable share. */
export const AT_BUDGET_VALUE = 0.2;
/** A creator with this many free slots or fewer, and deals running, is near capacity. */
export const NEAR_CAPACITY_FREE_SLOTS = 1;
/** What being near capacity multiplies availability by. */
export const NEAR_CAPACITY_FACTOR = 0.5;

/** Everything an operator runs for an operated self-broadcast end to end. */
export const SELF_BROADCAST_CAPABILITIES: readonly TraderCapability[] = [
  'STRATEGY_AND_COVERAGE',
  'LIVE_OPERATION',
  'TRAFFIC_MARKETING',
  'SUPPLY_CHAIN',
  'FULFILMENT',
];

/**
 * Credentials that make a creator a specialist for a vertical even when the brief requires none.
 * A leaf's own entry replaces its parent's; verticals not listed call for no credential.
 */
export const RELEVANT_CREDENTIALS: Readonly<Record<string, readonly CredentialType[]>> = {
  'mother-baby': [CredentialType.PEDIATRICIAN, CredentialType.NUTRITIONIST],
  beauty: [CredentialType.COSMETIC_CHEMIST],
  'beauty.functional-skincare': [CredentialType.DERMATOLOGIST, CredentialType.COSMETIC_CHEMIST],
  'beauty.haircare': [CredentialType.DERMATOLOGIST, CredentialType.COSMETIC_CHEMIST],
  food: [CredentialType.NUTRITIONIST],
  'food.hyaluronic-acid-snacks': [CredentialType.NUTRITIONIST, CredentialType.RESEARCHER],
  health: [CredentialType.PHYSICIAN, CredentialType.PHARMACIST, CredentialType.NUTRITIONIST],
  'health.otc-medicine': [CredentialType.PHARMACIST, CredentialType.PHYSICIAN],
  finance: [CredentialType.FINANCIAL_ADVISOR],
};

interface Judgement {
  value: number;
  reason: string;
  flags?: MatchFlag[];
}

const JUDGES: Record<MatchFactor, (brief: MatchBrief, candidate: MatchCandidate) => Judgement> = {
  verticalFit: judgeVerticalFit,
  nicheTagOverlap: judgeNicheTagOverlap,
  credentialRelevance: judgeCredentialRelevance,
  credibility: judgeCredibility,
  audienceFit: judgeAudienceFit,
  trackRecord: judgeTrackRecord,
  priceFit: judgePriceFit,
  availability: judgeAvailability,
  capabilityFit: judgeCapabilityFit,
};

/** What the judges read of a brief that depends on the brief alone: worked out once per brief object, not once per candidate. */
interface BriefTerms {
  /** The parents of the brief's verticals, stated or implied by the slugs. */
  parentVerticalSlugs: string[];
  nicheTags: string[];
  /** The brief's verticals by name, for the reasons. */
  verticalLabel: string;
  budgetPerSlot: number;
  budgetPerSlotText: string;
  audience: { ageBands: AgeBand[]; ageBandText: string; regions: string[]; regionKeys: Set<string>; regionText: string };
}

/** Briefs are never changed once built (as for credentialNeeds), so a ranking's 200 scores share one BriefTerms. */
const termsByBrief = new WeakMap<MatchBrief, BriefTerms>();

function briefTerms(brief: MatchBrief): BriefTerms {
  let terms = termsByBrief.get(brief);
  if (!terms) {
    const perSlot = budgetPerSlot(brief);
    const ageBands = unique(brief.targetAudience.ageBands);
    const regions = unique(brief.targetAudience.regions);
    terms = {
      parentVerticalSlugs: unique([...brief.parentVerticalSlugs, ...brief.verticalSlugs.map(parentSlugOf).filter((slug) => slug !== null)]),
      nicheTags: unique(brief.nicheTags),
      verticalLabel: verticalLabel(brief),
      budgetPerSlot: perSlot,
      budgetPerSlotText: `the budget per slot (${formatMoney(perSlot, brief.currency)})`,
      audience: {
        ageBands,
        ageBandText: listText(ageBands.map((band) => AGE_BAND_LABELS[band]), 'or'),
        regions,
        regionKeys: new Set(regions.map((region) => region.toLowerCase())),
        regionText: listText(regions, 'or'),
      },
    };
    termsByBrief.set(brief, terms);
  }
  return terms;
}

/**
 * The candidate's score for the brief. `weights` need not be normalised; the factors that apply to
 * the candidate's kind are scaled to add up to 1. Pass weights checked by validateWeights for the
 * candidate's kind: if every factor of the kind weighs 0 this throws.
 */
export function scoreCandidate(brief: MatchBrief, candidate: MatchCandidate, weights: MatchWeights = DEFAULT_MATCH_WEIGHTS): MatchScore {
  const factors = FACTORS_FOR_KIND[candidate.kind];
  const weightMicros = weightMicrosFor(weights, candidate.kind);
  const flags = new Set<MatchFlag>();
  let scoreMicros = 0;
  const scored = factors.map((factor, index): FactorScore => {
    const judgement = JUDGES[factor](brief, candidate);
    const value = clamp01(judgement.value);
    const micros = weightMicros[index]!;
    const contributionMicros = Math.round(micros * value);
    scoreMicros += contributionMicros;
    for (const flag of judgement.flags ?? []) flags.add(flag);
    return {
      factor,
      weight: micros / SCORE_SCALE,
      value: Math.round(value * SCORE_SCALE) / SCORE_SCALE,
      contribution: contributionMicros / SCORE_SCALE,
      reason: judgement.reason,
    };
  });
  return { score: scoreMicros / SCORE_SCALE, factors: scored, flags: [...flags] };
}

/**
 * A ranking scores hundreds of candidates with the same weights, and normalising and apportioning
 * them dominated the time of a score; frozen weights (validated weights and the defaults are)
 * cannot change, so their apportionment is kept per weights object and kind.
 */
const apportioned = new WeakMap<MatchWeights, Partial<Record<CandidateKind, number[]>>>();

function weightMicrosFor(weights: MatchWeights, kind: CandidateKind): number[] {
  const factors = FACTORS_FOR_KIND[kind];
  if (!Object.isFrozen(weights)) return apportion(normalise(weights, factors), factors);
  let byKind = apportioned.get(weights);
  if (!byKind) apportioned.set(weights, (byKind = {}));
  return (byKind[kind] ??= apportion(normalise(weights, factors), factors));
}

/** Normalised weights as integer millionths adding up to exactly SCORE_SCALE (largest remainders, ties in factor order). */
function apportion(weights: MatchWeights, factors: readonly MatchFactor[]): number[] {
  const exact = factors.map((factor) => weights[factor] * SCORE_SCALE);
  const micros = exact.map(Math.floor);
  const left = SCORE_SCALE - micros.reduce((sum, part) => sum + part, 0);
  const byRemainder = exact.map((part, index) => ({ index, remainder: part - micros[index]! })).sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (let unit = 0; unit < left; unit++) micros[byRemainder[unit % byRemainder.length]!.index]! += 1;
  return micros;
}

// ---- vertical fit ----

/** A child's slug names its parent (src/vertical/vertical-slug.ts): `beauty.makeup` → `beauty`. */
export function parentSlugOf(slug: string): string | null {
  const dot = slug.lastIndexOf('.');
  return dot < 0 ? null : slug.slice(0, dot);
}

function judgeVerticalFit(brief: MatchBrief, candidate: MatchCandidate): Judgement {
  const name = (slug: string) => verticalName(brief, slug);
  if (!brief.verticalSlugs.length) return { value: 1, reason: 'The brief names no vertical, so every vertical fits.' };
  for (const wanted of brief.verticalSlugs) {
    if (candidate.verticalSlugs.includes(wanted)) return { value: 1, reason: `Works in ${name(wanted)}, the brief's exact vertical.` };
    const within = candidate.verticalSlugs.find((slug) => slug.startsWith(`${wanted}.`));
    if (within) return { value: 1, reason: `Works in ${name(within)}, within the brief's vertical ${name(wanted)}.` };
  }
  for (const parent of briefTerms(brief).parentVerticalSlugs) {
    const held = candidate.verticalSlugs.find((slug) => slug === parent || parentSlugOf(slug) === parent);
    if (!held) continue;
    const leaf = brief.verticalSlugs.find((slug) => parentSlugOf(slug) === parent) ?? brief.verticalSlugs[0]!;
    const reason =
      held === parent
        ? `Works across ${name(parent)}, the parent vertical of the brief's ${name(leaf)}, not in ${name(leaf)} itself.`
        : `Works in ${name(held)}, beside the brief's ${name(leaf)} under ${name(parent)}: a parent-vertical fit only.`;
    return { value: PARENT_VERTICAL_VALUE, reason };
  }
  const shared = sharedNicheTags(brief, candidate);
  if (shared.length && candidate.verticalSlugs.length) {
    return {
      value: RELATED_VERTICAL_VALUE,
      reason: `Works in ${listText(candidate.verticalSlugs.map(name))}, outside the brief's verticals but related to them through ${listText(shared)}.`,
    };
  }
  return { value: 0, reason: `Works in none of the brief's verticals (${listText(brief.verticalSlugs.map(name))}) or their parent verticals.` };
}

function sharedNicheTags(brief: MatchBrief, candidate: MatchCandidate): string[] {
  const held = new Set(candidate.nicheTags);
  return briefTerms(brief).nicheTags.filter((tag) => held.has(tag));
}

// ---- niche tags ----

function judgeNicheTagOverlap(brief: MatchBrief, candidate: MatchCandidate): Judgement {
  const wanted = briefTerms(brief).nicheTags;
  if (!wanted.length) return { value: 1, reason: 'The brief names no niche tags, so none are missed.' };
  const held = new Set(candidate.nicheTags);
  const shared = wanted.filter((tag) => held.has(tag));
  const value = shared.length / wanted.length;
  if (!shared.length) return { value, reason: `Shares none of the brief's ${wanted.length} niche tags (${listText(wanted)}).` };
  if (shared.length === wanted.length) return { value, reason: `Shares all ${wanted.length} of the brief's niche tags: ${listText(shared)}.` };
  return { value, reason: `Shares ${shared.length} of the brief's ${wanted.length} niche tags: ${listText(shared)}.` };
}

// ---- credentials ----

/** The specialist credentials the brief's verticals call for (RELEVANT_CREDENTIALS), in declaration order. */
export function relevantCredentialTypes(verticalSlugs: readonly string[]): CredentialType[] {
  const relevant = new Set<CredentialType>();
  for (const slug of verticalSlugs) {
    const parent = parentSlugOf(slug);
    const entry = RELEVANT_CREDENTIALS[slug] ?? (parent === null ? undefined : RELEVANT_CREDENTIALS[parent]) ?? [];
    for (const type of entry) relevant.add(type);
  }
  return inDeclarationOrder(relevant);
}

/**
 * Credential relevance. A required credential the candidate does not hold verified gives 0 and a
 * flag, whatever else they hold. Otherwise a specialist credential (one the brief requires or its
 * vertical calls for) gives 1, and a general credential such a specialist implies (a physician,
 * where pediatricians are the specialists) gives GENERAL_CREDENTIAL_VALUE. A required general
 * credential counts as general when a specialist that implies it is also wanted: for infant
 * nutrition requiring "any physician", a pediatrician is still the better match.
 */
function judgeCredentialRelevance(brief: MatchBrief, candidate: MatchCandidate): Judgement {
  const { required, specialists, generals, vertical } = credentialNeeds(brief);
  const held = new Set([...candidate.verifiedCredentialTypes, ...impliedCredentialTypes(candidate.rawVerifiedCredentialTypes)]);
  const missing = required.filter((type) => !held.has(type));
  if (missing.length) {
    return {
      value: 0,
      flags: [MatchFlag.MISSING_REQUIRED_CREDENTIAL],
      reason: `Holds no verified ${listText(missing.map(credentialName))} credential, which the brief requires; unverified, pending and expired credentials do not count.`,
    };
  }
  if (!specialists.size) return { value: 1, reason: `Neither the brief nor ${vertical} calls for a credential, so none is missed.` };

  // Name what the candidate actually holds, a required type first, before a type it only implies.
  const preferRaw = (types: Set<CredentialType>) =>
    candidate.rawVerifiedCredentialTypes.find((type) => types.has(type) && required.includes(type)) ??
    candidate.rawVerifiedCredentialTypes.find((type) => types.has(type)) ??
    inDeclarationOrder(held).find((type) => types.has(type));
  const specialist = preferRaw(specialists);
  if (specialist) {
    const reason = required.includes(specialist)
      ? `Holds a verified ${credentialName(specialist)} credential, exactly what the brief requires.`
      : `Holds a verified ${credentialName(specialist)} credential, a specialist qualification for ${vertical}.`;
    return { value: 1, reason };
  }
  const general = preferRaw(generals);
  const specialistNames = listText(inDeclarationOrder(specialists).map(credentialName), 'or');
  if (general) {
    return {
      value: GENERAL_CREDENTIAL_VALUE,
      reason: `Holds a verified ${credentialName(general)} credential, a general qualification; a ${specialistNames} counts for more in ${vertical}.`,
    };
  }
  return { value: 0, reason: `Holds no verified credential relevant to ${vertical}, such as ${specialistNames}.` };
}

interface CredentialNeeds {
  required: CredentialType[];
  specialists: Set<CredentialType>;
  generals: Set<CredentialType>;
  vertical: string;
}

/** What a brief's credentials call for depends on the brief alone; a ranking asks once per brief object (briefs are never changed once built), not once per candidate. */
const credentialNeedsByBrief = new WeakMap<MatchBrief, CredentialNeeds>();

function credentialNeeds(brief: MatchBrief): CredentialNeeds {
  let needs = credentialNeedsByBrief.get(brief);
  if (!needs) {
    const required = inDeclarationOrder(new Set(brief.requiredCredentials));
    const wanted = new Set([...relevantCredentialTypes(brief.verticalSlugs), ...required]);
    const specialists = new Set([...wanted].filter((type) => ![...wanted].some((other) => other !== type && impliedCredentialTypes([other]).has(type))));
    const generals = new Set([...impliedCredentialTypes(specialists), ...wanted].filter((type) => !specialists.has(type)));
    needs = { required, specialists, generals, vertical: briefTerms(brief).verticalLabel };
    credentialNeedsByBrief.set(brief, needs);
  }
  return needs;
}

// ---- credibility ----

/**
 * Credibility without its credential points: credential relevance already counts the credentials
 * that matter to the brief (and only those), so the credibility factor reads what else the score
 * rests on, audience quality and the record, over the points those parts can give.
 */
function judgeCredibility(_brief: MatchBrief, candidate: MatchCandidate): Judgement {
  const credentialPoints = credentialPointsFor(new Set(candidate.rawVerifiedCredentialTypes).size);
  const rest = Math.max(0, candidate.credibilityScore - credentialPoints);
  const outOf = 100 - MAX_CREDENTIAL_POINTS;
  const level = `Credibility score ${candidate.credibilityScore} of 100 (level L${candidate.credibilityLevel})`;
  return {
    value: rest / outOf,
    reason: credentialPoints
      ? `${level}; without the ${credentialPoints} points its credentials earn, which credential relevance counts, ${Math.round(rest)} of ${outOf}.`
      : `${level}, from audience quality and record.`,
  };
}

/** The share of reach that is real: 1 at AUTHENTIC_REAL_SHARE real followers or more, less in proportion below; 1 when reach is not judged. */
export function authenticityOf(candidate: Pick<MatchCandidate, 'audienceQuality'>): number {
  const quality = candidate.audienceQuality;
  return quality === null || quality === undefined ? 1 : clamp01(quality / AUTHENTIC_REAL_SHARE);
}

// ---- audience ----

const AGE_BAND_LABELS: Record<AgeBand, string> = {
  UNDER_18: 'under 18',
  AGE_18_24: '18–24',
  AGE_25_30: '25–30',
  AGE_31_40: '31–40',
  AGE_41_50: '41–50',
  OVER_50: 'over 50',
};

/**
 * Audience fit: the mean of the parts the brief targets, each the share of the candidate's
 * audience inside the target: the targeted gender's share, the share in the targeted age bands,
 * the share in the targeted regions. Regions come from the top-regions list, so that part is a
 * lower bound. A targeted part the candidate does not report counts as UNKNOWN_VALUE. A brief that
 * targets none is fitted by any audience, unread: retrieval does not fetch audiences for it. Either
 * way the fit is multiplied by the audience's authenticity (authenticityOf): padded followers are
 * in no target.
 */
function judgeAudienceFit(brief: MatchBrief, candidate: MatchCandidate): Judgement {
  const target = brief.targetAudience;
  const audience = candidate.audience;
  const parts: { value: number; text: string }[] = [];
  if (target.gender !== 'ANY') {
    const genderWord = target.gender === 'FEMALE' ? 'female' : 'male';
    if (audience && audience.femaleShare + audience.maleShare > 0) {
      const share = clamp01(target.gender === 'FEMALE' ? audience.femaleShare : audience.maleShare);
      parts.push({ value: share, text: `${percent(share)} ${genderWord}` });
    } else {
      parts.push({ value: UNKNOWN_VALUE, text: `gender split not reported (counted as ${percent(UNKNOWN_VALUE)} ${genderWord})` });
    }
  }
  const { ageBands: bands, ageBandText: bandText, regions, regionKeys: wanted, regionText } = briefTerms(brief).audience;
  if (bands.length) {
    if (audience?.ageBands.length) {
      const share = clamp01(sum(audience.ageBands.filter((entry) => bands.includes(entry.band)).map((entry) => entry.share)));
      parts.push({ value: share, text: `${percent(share)} aged ${bandText}` });
    } else {
      parts.push({ value: UNKNOWN_VALUE, text: `ages not reported (counted as ${percent(UNKNOWN_VALUE)} aged ${bandText})` });
    }
  }
  if (regions.length) {
    if (audience?.topRegions.length) {
      const share = clamp01(sum(audience.topRegions.filter((entry) => wanted.has(entry.region.toLowerCase())).map((entry) => entry.share)));
      parts.push({ value: share, text: `${percent(share)} in ${regionText}` });
    } else {
      parts.push({ value: UNKNOWN_VALUE, text: `regions not reported (counted as ${percent(UNKNOWN_VALUE)} in ${regionText})` });
    }
  }
  const authenticity = authenticityOf(candidate);
  const padded =
    authenticity < 1 ? ` Only ${percent(candidate.audienceQuality ?? 0)} of followers are real, so the fit counts at ${percent(authenticity)}.` : '';
  if (!parts.length) return { value: authenticity, reason: `The brief targets no particular audience, so any audience fits.${padded}` };
  return {
    value: (sum(parts.map((part) => part.value)) / parts.length) * authenticity,
    reason: `Audience against the brief's target: ${listText(parts.map((part) => part.text))}.${padded}`,
  };
}

// ---- track record ----

export interface ShrunkRoi {
  /** The calibrated ROI in basis points, or null when neither the candidate nor anyone has an ROI in the vertical. */
  roiBp: number | null;
  /** The calibrated ROI less ROI_CAUTION standard deviations of its uncertainty (at least 0); null with roiBp. */
  cautiousRoiBp: number | null;
  /** Deals of the candidate's own that went into it. */
  ownDeals: number;
  /** What it was shrunk toward: the vertical's average discounted by authenticity (the candidate's own ROI when the vertical has none). */
  priorBp: number | null;
  /** The vertical's average ROI (the candidate's own when the vertical has none): what the factor compares with. */
  averageBp: number | null;
}

/**
 * Empirical-Bayes shrinkage: (n × own + k × prior) ÷ (n + k) with k = SHRINKAGE_PRIOR_DEALS, so a
 * short record stays near the prior and a long one speaks for itself. The prior is the vertical's
 * average times `authenticity`: before a record shows otherwise, an account whose followers are
 * half bought is assumed to sell like half an account. Its uncertainty shrinks with the deals too
 * (ROI_SPREAD), and `cautiousRoiBp` is the estimate less ROI_CAUTION of it.
 */
export function shrinkRoi(record: TrackRecord, authenticity = 1): ShrunkRoi {
  const own = record.roiBpInVertical === null ? null : Math.max(0, record.roiBpInVertical);
  const ownDeals = own === null ? 0 : Math.max(0, Math.floor(record.dealsCompleted));
  const average = record.verticalAverageRoiBp === null ? (ownDeals > 0 ? own : null) : Math.max(0, record.verticalAverageRoiBp);
  if (average === null) return { roiBp: null, cautiousRoiBp: null, ownDeals, priorBp: null, averageBp: null };
  const prior = average * clamp01(authenticity);
  const roiBp = (ownDeals * (own ?? 0) + SHRINKAGE_PRIOR_DEALS * prior) / (ownDeals + SHRINKAGE_PRIOR_DEALS);
  const uncertainty = ROI_SPREAD * average * Math.sqrt(SHRINKAGE_PRIOR_DEALS / (SHRINKAGE_PRIOR_DEALS + ownDeals));
  return { roiBp, cautiousRoiBp: Math.max(0, roiBp - ROI_CAUTION * uncertainty), ownDeals, priorBp: prior, averageBp: average };
}

/** The candidate's calibrated ROI for the brief (shrunk, authenticity-discounted prior); null without any basis. */
export function calibratedRoi(candidate: Pick<MatchCandidate, 'trackRecord' | 'audienceQuality'>): ShrunkRoi {
  return shrinkRoi(candidate.trackRecord, authenticityOf(candidate));
}

/** No completed deal with reported sales in the brief's verticals: their ROI is an assumption. */
export function isNewcomer(candidate: Pick<MatchCandidate, 'trackRecord'>): boolean {
  return shrinkRoi(candidate.trackRecord).ownDeals === 0;
}

/**
 * Expected ROI, the brand's reason to hire: the calibrated ROI less its uncertainty (calibratedRoi's
 * cautiousRoiBp, r), against b, the same for a newcomer with an honest audience assumed the
 * vertical's average a (b = a × (1 − ROI_CAUTION × ROI_SPREAD)), as 1 ÷ (1 + (b ÷ r)^ROI_SENSITIVITY).
 * Such a newcomer scores 0.5; a record above the average lifts the value the more deals show it,
 * a record below lowers it, and so does a padded audience before any record. Relative to the
 * vertical, because a 3× ROI is excellent in one vertical and ordinary in another. Price does not
 * enter here (a ratio of GMV to cost does not grow with the fee); it enters once, through price fit.
 */
function judgeTrackRecord(brief: MatchBrief, candidate: MatchCandidate): Judgement {
  const vertical = briefTerms(brief).verticalLabel;
  const shrunk = calibratedRoi(candidate);
  const { roiBp, cautiousRoiBp, averageBp, priorBp } = shrunk;
  if (roiBp === null || cautiousRoiBp === null || averageBp === null || priorBp === null) {
    return { value: UNKNOWN_VALUE, reason: `No completed deals with reported sales in ${vertical} yet, by anyone, so the track record counts as neutral.` };
  }
  const newcomerBp = averageBp * (1 - ROI_CAUTION * ROI_SPREAD);
  const value = newcomerBp <= 0 ? (roiBp > averageBp ? 1 : UNKNOWN_VALUE) : cautiousRoiBp === 0 ? 0 : 1 / (1 + (newcomerBp / cautiousRoiBp) ** ROI_SENSITIVITY);
  const cautious = `at least ${formatRoi(cautiousRoiBp)} allowing for its uncertainty`;
  if (shrunk.ownDeals === 0) {
    const discount = priorBp < averageBp ? `, discounted for an audience only ${percent(candidate.audienceQuality ?? 0)} real` : '';
    return {
      value,
      reason: `New to ${vertical}: no completed deals with reported sales yet, so the expected ROI of ${formatRoi(roiBp)} is an assumption (the vertical's average of ${formatRoi(averageBp)}${discount}), not a record; ${cautious}.`,
    };
  }
  const deals = shrunk.ownDeals === 1 ? '1 completed deal' : `${shrunk.ownDeals} completed deals`;
  return {
    value,
    reason: `Expected ROI ${formatRoi(roiBp)} (${cautious}) against the vertical's ${formatRoi(averageBp)}: ${deals} in ${vertical} at ${formatRoi(candidate.trackRecord.roiBpInVertical ?? 0)}, shrunk toward ${priorBp < averageBp ? 'the average discounted for padded followers' : 'the average'} by the number of deals.`,
  };
}

// ---- price ----

/** The budget for one slot: the brief's budget shared equally among its slots, in minor units. */
export function budgetPerSlot(brief: Pick<MatchBrief, 'budget' | 'slots'>): number {
  return Math.floor(brief.budget / Math.max(1, brief.slots));
}

export interface MinimumFee {
  amount: number;
  /** The format it is for, or null for a flat fee (an operator's fee per broadcast). */
  format: ContentFormat | null;
}

/**
 * The least the candidate accepts for one slot of this brief: the cheapest of their rate-card
 * lines for the brief's formats (any format when the brief names none) and their flat fee. Null
 * when they state none, or state them in another currency than the brief's budget.
 */
export function minimumFeeFor(brief: Pick<MatchBrief, 'formats' | 'currency'>, rateCard: RateCard): MinimumFee | null {
  if (rateCard.currency !== brief.currency) return null;
  // The first of equal fees is kept, as the card lists them.
  let least: MinimumFee | null = null;
  for (const [format, amount] of Object.entries(rateCard.minFixedFeeByFormat) as [ContentFormat, number | undefined][]) {
    if (amount != null && (!brief.formats.length || brief.formats.includes(format)) && (least === null || amount < least.amount)) least = { amount, format };
  }
  const flat = rateCard.flatMinFixedFee;
  return flat != null && (least === null || flat < least.amount) ? { amount: flat, format: null } : least;
}

/**
 * Whether the candidate's least fee for one slot is above the budget per slot. Scoring penalises
 * such a candidate (price fit 0, flag OVER_BUDGET) rather than excluding it, since a creator may
 * still bid lower than their card; retrieval may exclude with this when configured to.
 */
export function exceedsBudget(brief: Pick<MatchBrief, 'formats' | 'currency' | 'budget' | 'slots'>, candidate: Pick<MatchCandidate, 'rateCard'>): boolean {
  const fee = minimumFeeFor(brief, candidate.rateCard);
  return fee !== null && fee.amount > budgetPerSlot(brief);
}

/**
 * Price fit from r = least fee ÷ budget per slot: 1 up to COMFORTABLE_BUDGET_SHARE, then falling
 * linearly to AT_BUDGET_VALUE at the budget, and 0 above it (penalised, flagged, not excluded).
 */
function judgePriceFit(brief: MatchBrief, candidate: MatchCandidate): Judgement {
  const { budgetPerSlot: perSlot, budgetPerSlotText: perSlotText } = briefTerms(brief);
  if (candidate.rateCard.currency !== brief.currency) {
    return { value: UNKNOWN_VALUE, reason: `Rate card is in ${candidate.rateCard.currency}, the budget in ${brief.currency}, so the price is not compared.` };
  }
  const fee = minimumFeeFor(brief, candidate.rateCard);
  if (!fee) {
    const formats = brief.formats.length ? listText(brief.formats.map(formatName), 'or') : 'any format';
    return { value: UNKNOWN_VALUE, reason: `States no minimum fee for ${formats}, so the price counts as neutral.` };
  }
  const feeText = `Minimum fee ${formatMoney(fee.amount, brief.currency)} ${fee.format === null ? 'per broadcast' : `for ${formatName(fee.format)}`}`;
  if (fee.amount > perSlot) {
    return { value: 0, flags: [MatchFlag.OVER_BUDGET], reason: `${feeText} is above ${perSlotText}.` };
  }
  const share = perSlot === 0 ? 0 : fee.amount / perSlot;
  if (share <= COMFORTABLE_BUDGET_SHARE) return { value: 1, reason: `${feeText} is ${percent(share)} of ${perSlotText}, well within it.` };
  const value = 1 - ((share - COMFORTABLE_BUDGET_SHARE) / (1 - COMFORTABLE_BUDGET_SHARE)) * (1 - AT_BUDGET_VALUE);
  return { value, reason: `${feeText} is ${percent(share)} of ${perSlotText}: within budget, with little room.` };
}

// ---- availability ----

/**
 * Availability: the share of capacity still free. A candidate with deals running and at most
 * NEAR_CAPACITY_FREE_SLOTS free is near capacity: the value is multiplied by NEAR_CAPACITY_FACTOR,
 * so work spreads to those who can take it on.
 */
function judgeAvailability(_brief: MatchBrief, candidate: MatchCandidate): Judgement {
  const { capacity, activeDealCount } = candidate;
  const free = availableSlots(capacity, activeDealCount);
  if (free === 0 || capacity <= 0) {
    return { value: 0, flags: [MatchFlag.AT_CAPACITY], reason: `Working on ${activeDealCount} deals, their full capacity of ${capacity}; no room for another.` };
  }
  const share = free / capacity;
  if (activeDealCount > 0 && free <= NEAR_CAPACITY_FREE_SLOTS) {
    return {
      value: share * NEAR_CAPACITY_FACTOR,
      flags: [MatchFlag.NEAR_CAPACITY],
      reason: `Has ${free} of ${capacity} slots free with ${activeDealCount} deals running: near capacity, so availability is ${percent(NEAR_CAPACITY_FACTOR)} of the free share.`,
    };
  }
  return { value: share, reason: `Has ${free} of ${capacity} slots free.` };
}

// ---- operator capabilities ----

function judgeCapabilityFit(brief: MatchBrief, candidate: MatchCandidate): Judgement {
  const stated = unique(brief.requiredCapabilities ?? []);
  const required = stated.length ? stated : SELF_BROADCAST_CAPABILITIES;
  const need = stated.length ? 'the brief needs' : 'an operated self-broadcast needs end to end';
  const held = new Set(candidate.capabilities ?? []);
  const covered = required.filter((capability) => held.has(capability));
  const lacking = required.filter((capability) => !held.has(capability));
  const value = covered.length / required.length;
  const flags = lacking.length ? [MatchFlag.MISSING_CAPABILITY] : [];
  const names = (list: readonly TraderCapability[]) => listText(list.map(capabilityName));
  if (!lacking.length) return { value, reason: `Runs all ${required.length} capabilities ${need}: ${names(required)}.` };
  if (!covered.length) return { value, flags, reason: `Runs none of the ${required.length} capabilities ${need} (${names(required)}).` };
  return { value, flags, reason: `Runs ${covered.length} of the ${required.length} capabilities ${need} (${names(covered)}); lacks ${names(lacking)}.` };
}

// ---- wording ----

export function formatMoney(amount: number, currency: string): string {
  const whole = Math.floor(Math.abs(amount) / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (Math.abs(amount) % 100).toString().padStart(2, '0');
  return `${amount < 0 ? '-' : ''}${currency} ${whole}.${cents}`;
}

export function formatRoi(roiBp: number): string {
  return `${(roiBp / 10_000).toFixed(2)}×`;
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** "a short video", "an image post". */
export function formatName(format: ContentFormat): string {
  return `${/^[AEIOU]/.test(format) ? 'an' : 'a'} ${spoken(format)}`;
}

function credentialName(type: CredentialType): string {
  return spoken(type);
}

function capabilityName(capability: TraderCapability): string {
  return spoken(capability);
}

const spokenNames = new Map<string, string>();

/** An enum value as words ("SHORT_VIDEO" → "short video"), kept per value: a ranking's reasons name the same few values hundreds of times. */
function spoken(value: string): string {
  let name = spokenNames.get(value);
  if (name === undefined) spokenNames.set(value, (name = value.toLowerCase().replaceAll('_', ' ')));
  return name;
}

function verticalName(brief: MatchBrief, slug: string): string {
  return brief.verticalNames?.[slug] ?? slug;
}

function verticalLabel(brief: MatchBrief): string {
  return brief.verticalSlugs.length ? listText(brief.verticalSlugs.map((slug) => verticalName(brief, slug))) : "the brief's vertical";
}

/** "a", "a and b", "a, b and c". */
export function listText(items: readonly string[], conjunction = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`;
}

const CREDENTIAL_ORDER = Object.values(CredentialType);

function inDeclarationOrder(types: Iterable<CredentialType>): CredentialType[] {
  const set = new Set(types);
  return CREDENTIAL_ORDER.filter((type) => set.has(type));
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function clamp01(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}

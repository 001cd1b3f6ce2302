import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ContentFormat } from '../common/enums.js';
import { AgeBand, type AudienceProfile } from '../creator/audience.js';
import { CredentialType, impliedCredentialTypes } from '../credential/credential-type.js';
import {
  budgetPerSlot,
  exceedsBudget,
  type FactorScore,
  type MatchBrief,
  type MatchCandidate,
  MatchFlag,
  type MatchScore,
  minimumFeeFor,
  parentSlugOf,
  relevantCredentialTypes,
  SCORE_SCALE,
  scoreCandidate,
  shrinkRoi,
  type TrackRecord,
} from './scoring.js';
import { DEFAULT_MATCH_WEIGHTS, FACTORS_FOR_KIND, MATCH_FACTORS, type MatchFactor, validateWeights } from './weights.js';

const VERTICAL_NAMES: Record<string, string> = {
  'mother-baby': 'Mother & baby',
  'mother-baby.infant-food-supplements': 'Infant food supplements',
  'mother-baby.infant-formula': 'Infant formula',
  'mother-baby.baby-care': 'Baby care',
  beauty: 'Beauty & personal care',
  'beauty.functional-skincare': 'Functional skincare',
  'beauty.makeup': 'Make-up',
  food: 'Food & beverage',
  'food.hyaluronic-acid-snacks': 'Hyaluronic-acid snacks',
  'food.healthy-drinks': 'Healthy drinks',
  'food.snacks': 'Snacks',
  fashion: 'Fashion',
  'fashion.womenswear': 'Womenswear',
};

/** CNY in minor units (fen). */
const yuan = (amount: number) => amount * 100;

function brief(overrides: Partial<MatchBrief>): MatchBrief {
  const verticalSlugs = overrides.verticalSlugs ?? [];
  return {
    objective: 'SEEDING_CONTENT',
    verticalSlugs,
    parentVerticalSlugs: verticalSlugs.map(parentSlugOf).filter((slug) => slug !== null),
    verticalNames: VERTICAL_NAMES,
    nicheTags: [],
    requiredCredentials: [],
    targetAudience: { gender: 'ANY', ageBands: [], regions: [] },
    budget: yuan(100_000),
    currency: 'CNY',
    slots: 1,
    formats: [],
    platforms: [],
    preferredStructures: ['HYBRID'],
    ...overrides,
  };
}

function creator(overrides: Partial<MatchCandidate> & { raw?: CredentialType[] }): MatchCandidate {
  const { raw = [], ...rest } = overrides;
  return {
    kind: 'creator',
    verticalSlugs: [],
    nicheTags: [],
    verifiedCredentialTypes: [...impliedCredentialTypes(raw)],
    rawVerifiedCredentialTypes: raw,
    credibilityScore: 30,
    credibilityLevel: 2,
    audience: null,
    totalFollowers: 50_000,
    capacity: 3,
    activeDealCount: 0,
    rateCard: { currency: 'CNY', minFixedFeeByFormat: {}, minCommissionBp: 1500 },
    trackRecord: { dealsCompleted: 0, roiBpInVertical: null, verticalAverageRoiBp: 25_000 },
    ...rest,
  };
}

function operator(overrides: Partial<MatchCandidate>): MatchCandidate {
  return creator({ kind: 'trader', totalFollowers: 0, capacity: 2, ...overrides });
}

const factorOf = (result: MatchScore, factor: MatchFactor): FactorScore => {
  const found = result.factors.find((entry) => entry.factor === factor);
  if (!found) throw new Error(`no ${factor} factor`);
  return found;
};

function expectConsistent(result: MatchScore) {
  const micros = result.factors.map((entry) => Math.round(entry.contribution * SCORE_SCALE));
  expect(micros.reduce((sum, part) => sum + part, 0)).toBe(Math.round(result.score * SCORE_SCALE));
  expect(result.factors.reduce((sum, entry) => sum + Math.round(entry.weight * SCORE_SCALE), 0)).toBe(SCORE_SCALE);
  expect(Math.abs(result.factors.reduce((sum, entry) => sum + entry.contribution, 0) - result.score)).toBeLessThan(1e-12);
  expect(result.score).toBeGreaterThanOrEqual(0);
  expect(result.score).toBeLessThanOrEqual(1);
}

// ---- the hand-judged briefs and candidates of issue 4 ----

const infantSupplementBrief = brief({
  verticalSlugs: ['mother-baby.infant-food-supplements'],
  nicheTags: ['dha', 'infant-nutrition', 'vitamin-d', 'algal-oil'],
  targetAudience: { gender: 'FEMALE', ageBands: [AgeBand.AGE_25_30, AgeBand.AGE_31_40], regions: ['Shanghai', 'Zhejiang', 'Jiangsu'] },
  budget: yuan(300_000),
  slots: 3,
  formats: [ContentFormat.SHORT_VIDEO, ContentFormat.IMAGE_POST],
  platforms: ['XIAOHONGSHU', 'DOUYIN'],
  preferredStructures: ['HYBRID', 'FIXED_FEE'],
});

const youngMothers: AudienceProfile = {
  femaleShare: 0.82,
  maleShare: 0.18,
  ageBands: [
    { band: AgeBand.AGE_18_24, share: 0.14 },
    { band: AgeBand.AGE_25_30, share: 0.38 },
    { band: AgeBand.AGE_31_40, share: 0.34 },
    { band: AgeBand.AGE_41_50, share: 0.14 },
  ],
  topRegions: [
    { region: 'Shanghai', share: 0.16 },
    { region: 'Zhejiang', share: 0.12 },
    { region: 'Guangdong', share: 0.1 },
    { region: 'Jiangsu', share: 0.09 },
  ],
};

const pediatrician = creator({
  verticalSlugs: ['mother-baby.infant-food-supplements', 'mother-baby.infant-formula'],
  nicheTags: ['dha', 'infant-nutrition', 'vitamin-d', 'probiotics'],
  raw: [CredentialType.PEDIATRICIAN],
  credibilityScore: 58,
  credibilityLevel: 4,
  audience: youngMothers,
  totalFollowers: 120_000,
  capacity: 4,
  activeDealCount: 1,
  rateCard: { currency: 'CNY', minFixedFeeByFormat: { SHORT_VIDEO: yuan(12_000), IMAGE_POST: yuan(6_000) }, minCommissionBp: 1500 },
  trackRecord: { dealsCompleted: 9, roiBpInVertical: 38_000, verticalAverageRoiBp: 26_000 },
});

const celebrity = creator({
  verticalSlugs: ['fashion.womenswear', 'beauty.makeup', 'mother-baby.baby-care'],
  nicheTags: ['new-launch', 'gift-guide', 'unboxing'],
  credibilityScore: 25,
  credibilityLevel: 2,
  audience: {
    femaleShare: 0.64,
    maleShare: 0.36,
    ageBands: [
      { band: AgeBand.AGE_18_24, share: 0.46 },
      { band: AgeBand.AGE_25_30, share: 0.3 },
      { band: AgeBand.AGE_31_40, share: 0.12 },
      { band: AgeBand.AGE_41_50, share: 0.12 },
    ],
    topRegions: [
      { region: 'Guangdong', share: 0.14 },
      { region: 'Shanghai', share: 0.08 },
      { region: 'Beijing', share: 0.07 },
    ],
  },
  totalFollowers: 6_000_000,
  capacity: 3,
  activeDealCount: 0,
  rateCard: { currency: 'CNY', minFixedFeeByFormat: { SHORT_VIDEO: yuan(90_000), LIVE_STREAM: yuan(250_000) }, minCommissionBp: 3000 },
  trackRecord: { dealsCompleted: 1, roiBpInVertical: 12_000, verticalAverageRoiBp: 26_000 },
});

describe('scoreCandidate: the hand-judged orderings', () => {
  it('ranks a verified pediatrician with a good mother-and-baby record above a celebrity with 50 times the followers for an infant supplement', () => {
    expect(celebrity.totalFollowers).toBe(50 * pediatrician.totalFollowers);
    const doctor = scoreCandidate(infantSupplementBrief, pediatrician);
    const star = scoreCandidate(infantSupplementBrief, celebrity);
    expect(doctor.score).toBeGreaterThan(star.score);
    expect(doctor.score - star.score).toBeGreaterThan(0.2);

    expect(factorOf(doctor, 'verticalFit')).toMatchObject({ value: 1, reason: "Works in Infant food supplements, the brief's exact vertical." });
    expect(factorOf(star, 'verticalFit')).toMatchObject({
      value: 0.5,
      reason: "Works in Baby care, beside the brief's Infant food supplements under Mother & baby: a parent-vertical fit only.",
    });
    expect(factorOf(doctor, 'credentialRelevance')).toMatchObject({
      value: 1,
      reason: 'Holds a verified pediatrician credential, a specialist qualification for Infant food supplements.',
    });
    expect(factorOf(star, 'credentialRelevance').value).toBe(0);
    // Credential relevance counts her credential; credibility counts the rest of her 58 points (24 are the credential's).
    expect(factorOf(doctor, 'credibility')).toMatchObject({
      value: Math.round((34 / 66) * 1e6) / 1e6,
      reason: 'Credibility score 58 of 100 (level L4); without the 24 points its credentials earn, which credential relevance counts, 34 of 66.',
    });
    expect(factorOf(doctor, 'nicheTagOverlap')).toMatchObject({ value: 0.75, reason: "Shares 3 of the brief's 4 niche tags: dha, infant-nutrition and vitamin-d." });
    expect(factorOf(doctor, 'trackRecord').reason).toBe(
      "Expected ROI 3.37× (at least 2.59× allowing for its uncertainty) against the vertical's 2.60×: 9 completed deals in Infant food supplements at 3.80×, shrunk toward the average by the number of deals.",
    );
    expect(factorOf(doctor, 'trackRecord').value).toBeGreaterThan(factorOf(star, 'trackRecord').value);
    expect(factorOf(doctor, 'audienceFit').reason).toBe("Audience against the brief's target: 82% female, 72% aged 25–30 or 31–40 and 37% in Shanghai, Zhejiang or Jiangsu.");
    expect(doctor.flags).toEqual([]);
    expectConsistent(doctor);
    expectConsistent(star);
  });

  it('keeps the pediatrician first even when the brand weighs price and availability heavily', () => {
    const weights = validateWeights({ priceFit: 0.3, availability: 0.3 }, ['creator']);
    if (!weights.ok) throw new Error('weights rejected');
    expect(scoreCandidate(infantSupplementBrief, pediatrician, weights.weights).score).toBeGreaterThan(
      scoreCandidate(infantSupplementBrief, celebrity, weights.weights).score,
    );
  });

  it('never lets an unverified credential meet a requirement: relevance 0 and a flag', () => {
    const requiresPediatrician = brief({ ...infantSupplementBrief, requiredCredentials: [CredentialType.PEDIATRICIAN] });
    // The same doctor whose pediatrician credential is still pending review: nothing verified.
    const pending = creator({ ...pediatrician, verifiedCredentialTypes: [], rawVerifiedCredentialTypes: [] });
    const pendingScore = scoreCandidate(requiresPediatrician, pending);
    expect(factorOf(pendingScore, 'credentialRelevance')).toMatchObject({
      value: 0,
      contribution: 0,
      reason: 'Holds no verified pediatrician credential, which the brief requires; unverified, pending and expired credentials do not count.',
    });
    expect(pendingScore.flags).toContain(MatchFlag.MISSING_REQUIRED_CREDENTIAL);

    const verified = scoreCandidate(requiresPediatrician, pediatrician);
    expect(factorOf(verified, 'credentialRelevance')).toMatchObject({ value: 1, reason: 'Holds a verified pediatrician credential, exactly what the brief requires.' });
    expect(verified.flags).not.toContain(MatchFlag.MISSING_REQUIRED_CREDENTIAL);
  });

  it('never meets a requirement with a credential that is not among the verified types, whatever else the candidate holds', () => {
    const types = Object.values(CredentialType);
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...types), { minLength: 1, maxLength: 3 }), fc.uniqueArray(fc.constantFrom(...types)), (required, raw) => {
        const held = impliedCredentialTypes(raw);
        fc.pre(required.some((type) => !held.has(type)));
        const result = scoreCandidate(brief({ ...infantSupplementBrief, requiredCredentials: required }), creator({ ...pediatrician, raw, verifiedCredentialTypes: [...held], rawVerifiedCredentialTypes: raw }));
        expect(factorOf(result, 'credentialRelevance').value).toBe(0);
        expect(result.flags).toContain(MatchFlag.MISSING_REQUIRED_CREDENTIAL);
      }),
    );
  });

  it('prefers a reviewer with a strong functional-skincare record to a lifestyle creator for a ceramide serum', () => {
    const ceramideSerum = brief({
      verticalSlugs: ['beauty.functional-skincare'],
      nicheTags: ['ceramide', 'barrier-repair', 'sensitive-skin'],
      targetAudience: { gender: 'FEMALE', ageBands: [AgeBand.AGE_18_24, AgeBand.AGE_25_30], regions: [] },
      budget: yuan(120_000),
      slots: 4,
      formats: [ContentFormat.SHORT_VIDEO, ContentFormat.LONG_VIDEO, ContentFormat.IMAGE_POST],
    });
    const reviewer = creator({
      verticalSlugs: ['beauty.functional-skincare', 'beauty.makeup'],
      nicheTags: ['ceramide', 'barrier-repair', 'niacinamide', 'sunscreen'],
      credibilityScore: 38,
      credibilityLevel: 3,
      audience: {
        femaleShare: 0.74,
        maleShare: 0.26,
        ageBands: [
          { band: AgeBand.AGE_18_24, share: 0.35 },
          { band: AgeBand.AGE_25_30, share: 0.33 },
          { band: AgeBand.AGE_31_40, share: 0.32 },
        ],
        topRegions: [],
      },
      totalFollowers: 85_000,
      capacity: 6,
      activeDealCount: 2,
      rateCard: { currency: 'CNY', minFixedFeeByFormat: { LONG_VIDEO: yuan(18_000), IMAGE_POST: yuan(7_000) }, minCommissionBp: 2000 },
      trackRecord: { dealsCompleted: 14, roiBpInVertical: 45_000, verticalAverageRoiBp: 28_000 },
    });
    const lifestyle = creator({
      verticalSlugs: ['beauty.makeup', 'fashion.womenswear', 'food.snacks'],
      nicheTags: ['lipstick', 'sensitive-skin', 'office-wear'],
      credibilityScore: 30,
      credibilityLevel: 2,
      audience: {
        femaleShare: 0.9,
        maleShare: 0.1,
        ageBands: [
          { band: AgeBand.AGE_18_24, share: 0.55 },
          { band: AgeBand.AGE_25_30, share: 0.3 },
          { band: AgeBand.AGE_31_40, share: 0.15 },
        ],
        topRegions: [],
      },
      totalFollowers: 260_000,
      capacity: 5,
      activeDealCount: 0,
      rateCard: { currency: 'CNY', minFixedFeeByFormat: { SHORT_VIDEO: yuan(10_000), IMAGE_POST: yuan(5_000) }, minCommissionBp: 1500 },
      trackRecord: { dealsCompleted: 0, roiBpInVertical: null, verticalAverageRoiBp: 28_000 },
    });
    const reviewerScore = scoreCandidate(ceramideSerum, reviewer);
    const lifestyleScore = scoreCandidate(ceramideSerum, lifestyle);
    expect(reviewerScore.score).toBeGreaterThan(lifestyleScore.score);
    // The lifestyle creator's audience fits the target better; the reviewer wins on vertical, tags and record.
    expect(factorOf(lifestyleScore, 'audienceFit').value).toBeGreaterThan(factorOf(reviewerScore, 'audienceFit').value);
    expect(factorOf(reviewerScore, 'trackRecord').value).toBeGreaterThan(factorOf(lifestyleScore, 'trackRecord').value);
    expect(factorOf(lifestyleScore, 'trackRecord').reason).toBe(
      "New to Functional skincare: no completed deals with reported sales yet, so the expected ROI of 2.80× is an assumption (the vertical's average of 2.80×), not a record; at least 1.40× allowing for its uncertainty.",
    );
    expectConsistent(reviewerScore);
    expectConsistent(lifestyleScore);
  });

  it('ranks first, for a self-broadcast that needs them, the operator with supply-chain and fulfilment capabilities', () => {
    const selfBroadcast = brief({
      objective: 'OPERATED_SELF_BROADCAST',
      verticalSlugs: ['food.hyaluronic-acid-snacks'],
      requiredCapabilities: ['SUPPLY_CHAIN', 'FULFILMENT'],
      budget: yuan(200_000),
      formats: [ContentFormat.LIVE_STREAM],
      platforms: ['DOUYIN'],
    });
    const record = (dealsCompleted: number, roiBpInVertical: number | null) => ({ dealsCompleted, roiBpInVertical, verticalAverageRoiBp: 30_000 });
    const fullService = operator({
      capabilities: ['STRATEGY_AND_COVERAGE', 'LIVE_OPERATION', 'SUPPLY_CHAIN', 'FULFILMENT'],
      verticalSlugs: ['food.healthy-drinks', 'food.snacks'],
      credibilityScore: 44,
      credibilityLevel: 3,
      capacity: 3,
      activeDealCount: 1,
      rateCard: { currency: 'CNY', minFixedFeeByFormat: {}, flatMinFixedFee: yuan(80_000), minCommissionBp: 500 },
      trackRecord: record(0, null),
    });
    const liveRoomOnly = operator({
      capabilities: ['LIVE_OPERATION', 'TRAFFIC_MARKETING', 'STRATEGY_AND_COVERAGE'],
      verticalSlugs: ['food.hyaluronic-acid-snacks'],
      credibilityScore: 52,
      credibilityLevel: 4,
      capacity: 2,
      activeDealCount: 0,
      rateCard: { currency: 'CNY', minFixedFeeByFormat: {}, flatMinFixedFee: yuan(60_000), minCommissionBp: 800 },
      trackRecord: record(4, 36_000),
    });
    const warehouseOnly = operator({
      capabilities: ['SUPPLY_CHAIN'],
      verticalSlugs: ['food.hyaluronic-acid-snacks'],
      credibilityScore: 26,
      credibilityLevel: 2,
      capacity: 4,
      activeDealCount: 2,
      rateCard: { currency: 'CNY', minFixedFeeByFormat: {}, flatMinFixedFee: yuan(50_000), minCommissionBp: 300 },
      trackRecord: record(0, null),
    });
    const ranked = [
      { name: 'live-room only', result: scoreCandidate(selfBroadcast, liveRoomOnly) },
      { name: 'warehouse only', result: scoreCandidate(selfBroadcast, warehouseOnly) },
      { name: 'full service', result: scoreCandidate(selfBroadcast, fullService) },
    ].sort((a, b) => b.result.score - a.result.score);
    expect(ranked.map((entry) => entry.name)[0]).toBe('full service');

    const best = ranked[0]!.result;
    expect(best.factors.map((entry) => entry.factor)).toEqual(FACTORS_FOR_KIND.trader);
    expect(factorOf(best, 'capabilityFit')).toMatchObject({ value: 1, reason: 'Runs all 2 capabilities the brief needs: supply chain and fulfilment.' });
    expect(factorOf(best, 'priceFit').reason).toBe('Minimum fee CNY 80,000.00 per broadcast is 40% of the budget per slot (CNY 200,000.00), well within it.');
    const liveRoom = ranked.find((entry) => entry.name === 'live-room only')!.result;
    expect(factorOf(liveRoom, 'capabilityFit')).toMatchObject({ value: 0, reason: 'Runs none of the 2 capabilities the brief needs (supply chain and fulfilment).' });
    expect(liveRoom.flags).toContain(MatchFlag.MISSING_CAPABILITY);
    for (const entry of ranked) expectConsistent(entry.result);
  });

  it('penalises a creator near capacity beyond their smaller free share', () => {
    const free = scoreCandidate(infantSupplementBrief, { ...pediatrician, capacity: 3, activeDealCount: 0 });
    const roomy = scoreCandidate(infantSupplementBrief, { ...pediatrician, capacity: 6, activeDealCount: 4 });
    const nearlyFull = scoreCandidate(infantSupplementBrief, { ...pediatrician, capacity: 3, activeDealCount: 2 });
    const full = scoreCandidate(infantSupplementBrief, { ...pediatrician, capacity: 3, activeDealCount: 3 });

    expect(free.score).toBeGreaterThan(roomy.score);
    // Both have a third of their capacity free; only the one with a single slot left is near capacity.
    expect(roomy.score).toBeGreaterThan(nearlyFull.score);
    expect(factorOf(roomy, 'availability')).toMatchObject({ value: 0.333333, reason: 'Has 2 of 6 slots free.' });
    expect(factorOf(nearlyFull, 'availability')).toMatchObject({
      value: 0.166667,
      reason: 'Has 1 of 3 slots free with 2 deals running: near capacity, so availability is 50% of the free share.',
    });
    expect(nearlyFull.flags).toEqual([MatchFlag.NEAR_CAPACITY]);
    expect(factorOf(full, 'availability').value).toBe(0);
    expect(full.flags).toEqual([MatchFlag.AT_CAPACITY]);
    expect(nearlyFull.score).toBeGreaterThan(full.score);
  });
});

describe('scoreCandidate: factor rules', () => {
  const skincare = brief({ verticalSlugs: ['beauty.functional-skincare'] });

  it('counts the exact vertical fully, the parent vertical half, and anything else not at all', () => {
    const value = (verticalSlugs: string[]) => factorOf(scoreCandidate(skincare, creator({ verticalSlugs })), 'verticalFit');
    expect(value(['beauty.functional-skincare']).value).toBe(1);
    expect(value(['beauty'])).toMatchObject({
      value: 0.5,
      reason: "Works across Beauty & personal care, the parent vertical of the brief's Functional skincare, not in Functional skincare itself.",
    });
    expect(value(['beauty.makeup']).value).toBe(0.5);
    expect(value(['food.snacks'])).toMatchObject({ value: 0, reason: "Works in none of the brief's verticals (Functional skincare) or their parent verticals." });
  });

  it('counts a specialist credential over a general one over none, and a required general credential below the specialist', () => {
    const infant = brief({ verticalSlugs: ['mother-baby.infant-food-supplements'] });
    const relevance = (target: MatchBrief, raw: CredentialType[]) => factorOf(scoreCandidate(target, creator({ raw })), 'credentialRelevance');
    expect(relevance(infant, [CredentialType.PEDIATRICIAN]).value).toBe(1);
    expect(relevance(infant, [CredentialType.NUTRITIONIST]).value).toBe(1);
    expect(relevance(infant, [CredentialType.PHYSICIAN])).toMatchObject({
      value: 0.5,
      reason: 'Holds a verified physician credential, a general qualification; a pediatrician or nutritionist counts for more in Infant food supplements.',
    });
    // A dermatologist is a physician too, but no infant specialist.
    expect(relevance(infant, [CredentialType.DERMATOLOGIST]).value).toBe(0.5);
    expect(relevance(infant, [CredentialType.LAWYER])).toMatchObject({
      value: 0,
      reason: 'Holds no verified credential relevant to Infant food supplements, such as pediatrician or nutritionist.',
    });

    const anyPhysician = brief({ verticalSlugs: ['mother-baby.infant-food-supplements'], requiredCredentials: [CredentialType.PHYSICIAN] });
    expect(relevance(anyPhysician, [CredentialType.PEDIATRICIAN]).value).toBe(1);
    expect(relevance(anyPhysician, [CredentialType.PHYSICIAN]).value).toBe(0.5);

    const requiresPediatrician = brief({ verticalSlugs: ['mother-baby.infant-food-supplements'], requiredCredentials: [CredentialType.PEDIATRICIAN] });
    expect(relevance(requiresPediatrician, [CredentialType.PHYSICIAN]).value).toBe(0);

    const womenswear = brief({ verticalSlugs: ['fashion.womenswear'] });
    expect(relevance(womenswear, [])).toMatchObject({ value: 1, reason: 'Neither the brief nor Womenswear calls for a credential, so none is missed.' });
  });

  it('looks up the relevant credentials of a leaf, falling back to its parent', () => {
    expect(relevantCredentialTypes(['beauty.functional-skincare'])).toEqual([CredentialType.DERMATOLOGIST, CredentialType.COSMETIC_CHEMIST]);
    expect(relevantCredentialTypes(['beauty.makeup'])).toEqual([CredentialType.COSMETIC_CHEMIST]);
    expect(relevantCredentialTypes(['mother-baby.baby-care'])).toEqual([CredentialType.PEDIATRICIAN, CredentialType.NUTRITIONIST]);
    expect(relevantCredentialTypes(['fashion.womenswear'])).toEqual([]);
  });

  it('scores niche tags by how many of the brief\'s tags the candidate covers', () => {
    const tagged = brief({ nicheTags: ['ceramide', 'barrier-repair'] });
    const value = (nicheTags: string[]) => factorOf(scoreCandidate(tagged, creator({ nicheTags })), 'nicheTagOverlap');
    expect(value(['ceramide', 'barrier-repair', 'retinol', 'spf', 'acne-care']).value).toBe(1);
    expect(value(['ceramide']).value).toBe(0.5);
    expect(value(['lipstick'])).toMatchObject({ value: 0, reason: "Shares none of the brief's 2 niche tags (ceramide and barrier-repair)." });
  });

  it('counts an unreported audience part as neutral, and an untargeted brief as a full fit', () => {
    const targeted = brief({ targetAudience: { gender: 'MALE', ageBands: [], regions: [] } });
    expect(factorOf(scoreCandidate(targeted, creator({ audience: null })), 'audienceFit').value).toBe(0.5);
    expect(factorOf(scoreCandidate(targeted, creator({ audience: youngMothers })), 'audienceFit').value).toBe(0.18);
    expect(factorOf(scoreCandidate(brief({}), creator({ audience: null })), 'audienceFit')).toMatchObject({
      value: 1,
      reason: 'The brief targets no particular audience, so any audience fits.',
    });
  });

  it('shrinks a short record toward the vertical average, so one lucky deal does not beat a long good record', () => {
    const lucky: TrackRecord = { dealsCompleted: 1, roiBpInVertical: 80_000, verticalAverageRoiBp: 25_000 };
    const steady: TrackRecord = { dealsCompleted: 20, roiBpInVertical: 40_000, verticalAverageRoiBp: 25_000 };
    expect(shrinkRoi(lucky).roiBp).toBeCloseTo((80_000 + 5 * 25_000) / 6, 6);
    expect(shrinkRoi(steady).roiBp).toBeCloseTo((20 * 40_000 + 5 * 25_000) / 25, 6);
    const value = (trackRecord: TrackRecord) => factorOf(scoreCandidate(skincare, creator({ trackRecord })), 'trackRecord').value;
    expect(value(steady)).toBeGreaterThan(value(lucky));
    expect(value({ dealsCompleted: 0, roiBpInVertical: null, verticalAverageRoiBp: 25_000 })).toBe(0.5);
    expect(value({ dealsCompleted: 200, roiBpInVertical: 50_000, verticalAverageRoiBp: 25_000 })).toBeGreaterThan(0.75);
    expect(factorOf(scoreCandidate(skincare, creator({ trackRecord: { dealsCompleted: 0, roiBpInVertical: null, verticalAverageRoiBp: null } })), 'trackRecord')).toMatchObject({
      value: 0.5,
      reason: 'No completed deals with reported sales in Functional skincare yet, by anyone, so the track record counts as neutral.',
    });
  });

  it('gives full price fit well within the budget per slot, less near it, and 0 with a flag above it', () => {
    const twoSlots = brief({ budget: yuan(40_000), slots: 2, formats: [ContentFormat.SHORT_VIDEO] });
    expect(budgetPerSlot(twoSlots)).toBe(yuan(20_000));
    const priced = (fee: number) => creator({ rateCard: { currency: 'CNY', minFixedFeeByFormat: { SHORT_VIDEO: fee, LONG_VIDEO: 1 }, minCommissionBp: 0 } });
    const price = (fee: number) => factorOf(scoreCandidate(twoSlots, priced(fee)), 'priceFit');
    expect(price(yuan(8_000)).value).toBe(1);
    expect(price(yuan(10_000)).value).toBe(1);
    expect(price(yuan(15_000))).toMatchObject({
      value: 0.6,
      reason: 'Minimum fee CNY 15,000.00 for a short video is 75% of the budget per slot (CNY 20,000.00): within budget, with little room.',
    });
    expect(price(yuan(20_000)).value).toBeCloseTo(0.2, 6);
    const over = scoreCandidate(twoSlots, priced(yuan(20_001)));
    expect(factorOf(over, 'priceFit')).toMatchObject({ value: 0, reason: 'Minimum fee CNY 20,001.00 for a short video is above the budget per slot (CNY 20,000.00).' });
    expect(over.flags).toContain(MatchFlag.OVER_BUDGET);
    expect(exceedsBudget(twoSlots, priced(yuan(20_001)))).toBe(true);
    expect(exceedsBudget(twoSlots, priced(yuan(20_000)))).toBe(false);
  });

  it('never raises price fit when the fee goes up', () => {
    const target = brief({ budget: yuan(50_000), slots: 2 });
    fc.assert(
      fc.property(fc.nat(yuan(100_000)), fc.nat(yuan(100_000)), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const price = (fee: number) => factorOf(scoreCandidate(target, creator({ rateCard: { currency: 'CNY', minFixedFeeByFormat: { ARTICLE: fee }, minCommissionBp: 0 } })), 'priceFit').value;
        expect(price(low)).toBeGreaterThanOrEqual(price(high));
      }),
    );
  });

  it('compares only fees for the brief\'s formats and in its currency', () => {
    const shortVideos = brief({ formats: [ContentFormat.SHORT_VIDEO], budget: yuan(10_000) });
    const card = { currency: 'CNY', minFixedFeeByFormat: { IMAGE_POST: yuan(2_000), SHORT_VIDEO: yuan(30_000) }, minCommissionBp: 0 };
    expect(minimumFeeFor(shortVideos, card)).toEqual({ amount: yuan(30_000), format: ContentFormat.SHORT_VIDEO });
    expect(minimumFeeFor(brief({}), card)).toEqual({ amount: yuan(2_000), format: ContentFormat.IMAGE_POST });
    expect(minimumFeeFor(shortVideos, { ...card, currency: 'USD' })).toBeNull();
    const dollars = scoreCandidate(shortVideos, creator({ rateCard: { ...card, currency: 'USD' } }));
    expect(factorOf(dollars, 'priceFit')).toMatchObject({ value: 0.5, reason: 'Rate card is in USD, the budget in CNY, so the price is not compared.' });
    expect(exceedsBudget(shortVideos, creator({ rateCard: { ...card, currency: 'USD' } }))).toBe(false);
    const silent = scoreCandidate(shortVideos, creator({ rateCard: { currency: 'CNY', minFixedFeeByFormat: { IMAGE_POST: 1 }, minCommissionBp: 0 } }));
    expect(factorOf(silent, 'priceFit')).toMatchObject({ value: 0.5, reason: 'States no minimum fee for a short video, so the price counts as neutral.' });
  });

  it('leaves out capability fit for creators and niche tags and audience for operators', () => {
    expect(scoreCandidate(infantSupplementBrief, pediatrician).factors.map((entry) => entry.factor)).toEqual(FACTORS_FOR_KIND.creator);
    const result = scoreCandidate(brief({ objective: 'OPERATED_SELF_BROADCAST' }), operator({ capabilities: ['LIVE_OPERATION'] }));
    expect(result.factors.map((entry) => entry.factor)).toEqual(FACTORS_FOR_KIND.trader);
    expect(factorOf(result, 'capabilityFit')).toMatchObject({
      value: 0.2,
      reason:
        'Runs 1 of the 5 capabilities an operated self-broadcast needs end to end (live operation); lacks strategy and coverage, traffic marketing, supply chain and fulfilment.',
    });
  });

  it('uses the weights it is given: a factor weighted 0 contributes nothing', () => {
    const weights = { ...DEFAULT_MATCH_WEIGHTS, credentialRelevance: 0 };
    const result = scoreCandidate(infantSupplementBrief, pediatrician, weights);
    expect(factorOf(result, 'credentialRelevance')).toMatchObject({ weight: 0, value: 1, contribution: 0 });
    expectConsistent(result);
  });
});

// ---- properties over random briefs and candidates ----

const SLUGS = ['mother-baby.infant-food-supplements', 'mother-baby.infant-formula', 'mother-baby', 'beauty.functional-skincare', 'beauty.makeup', 'food.hyaluronic-acid-snacks', 'fashion.womenswear'];
const TAGS = ['dha', 'ceramide', 'probiotics', 'vitamin-d', 'retinol', 'collagen'];
const REGIONS = ['Shanghai', 'Zhejiang', 'Guangdong', 'Beijing'];
const CAPABILITIES = ['STRATEGY_AND_COVERAGE', 'LIVE_OPERATION', 'TRAFFIC_MARKETING', 'SUPPLY_CHAIN', 'FULFILMENT'] as const;
// Shares and weights in thousandths: realistic, and far quicker for fast-check to shrink than doubles.
const share = fc.integer({ min: 0, max: 1000 }).map((thousandths) => thousandths / 1000);
const money = fc.integer({ min: 0, max: 10_000_000_000 });
const roi = fc.option(fc.integer({ min: 0, max: 500_000 }), { nil: null });

const briefArbitrary: fc.Arbitrary<MatchBrief> = fc
  .record({
    objective: fc.constantFrom('SEEDING_CONTENT', 'LIVE_SALE', 'OPERATED_SELF_BROADCAST' as const),
    verticalSlugs: fc.uniqueArray(fc.constantFrom(...SLUGS), { maxLength: 2 }),
    nicheTags: fc.uniqueArray(fc.constantFrom(...TAGS), { maxLength: 4 }),
    requiredCredentials: fc.uniqueArray(fc.constantFrom(...Object.values(CredentialType)), { maxLength: 2 }),
    targetAudience: fc.record({
      gender: fc.constantFrom('ANY', 'FEMALE', 'MALE' as const),
      ageBands: fc.uniqueArray(fc.constantFrom(...Object.values(AgeBand)), { maxLength: 3 }),
      regions: fc.uniqueArray(fc.constantFrom(...REGIONS), { maxLength: 2 }),
    }),
    budget: money,
    currency: fc.constantFrom('CNY', 'USD'),
    slots: fc.integer({ min: 1, max: 100 }),
    formats: fc.uniqueArray(fc.constantFrom(...Object.values(ContentFormat)), { maxLength: 3 }),
    preferredStructures: fc.uniqueArray(fc.constantFrom('FIXED_FEE', 'COMMISSION', 'HYBRID' as const), { maxLength: 3 }),
    requiredCapabilities: fc.option(fc.uniqueArray(fc.constantFrom(...CAPABILITIES)), { nil: null }),
  })
  .map((fields) => brief(fields));

const candidateArbitrary: fc.Arbitrary<MatchCandidate> = fc
  .record({
    kind: fc.constantFrom('creator', 'trader' as const),
    verticalSlugs: fc.uniqueArray(fc.constantFrom(...SLUGS), { maxLength: 3 }),
    nicheTags: fc.uniqueArray(fc.constantFrom(...TAGS), { maxLength: 4 }),
    raw: fc.uniqueArray(fc.constantFrom(...Object.values(CredentialType)), { maxLength: 3 }),
    credibilityScore: fc.integer({ min: 0, max: 100 }),
    credibilityLevel: fc.integer({ min: 1, max: 5 }),
    audience: fc.option(
      fc.record({
        femaleShare: share,
        maleShare: share,
        ageBands: fc.uniqueArray(fc.record({ band: fc.constantFrom(...Object.values(AgeBand)), share }), { selector: (entry) => entry.band, maxLength: 6 }),
        topRegions: fc.uniqueArray(fc.record({ region: fc.constantFrom(...REGIONS), share }), { selector: (entry) => entry.region, maxLength: 4 }),
      }),
      { nil: null },
    ),
    totalFollowers: fc.nat(),
    capacity: fc.integer({ min: 1, max: 100 }),
    activeDealCount: fc.integer({ min: 0, max: 120 }),
    rateCard: fc.record({
      currency: fc.constantFrom('CNY', 'USD'),
      minFixedFeeByFormat: fc.record(Object.fromEntries(Object.values(ContentFormat).map((format) => [format, money])), { requiredKeys: [] }),
      flatMinFixedFee: fc.option(money, { nil: null }),
      minCommissionBp: fc.integer({ min: 0, max: 10_000 }),
    }),
    trackRecord: fc.record({ dealsCompleted: fc.nat(500), roiBpInVertical: roi, verticalAverageRoiBp: roi }),
    capabilities: fc.uniqueArray(fc.constantFrom(...CAPABILITIES)),
  })
  .map((fields) => creator(fields));

const weightsArbitrary = fc
  .record(Object.fromEntries(MATCH_FACTORS.map((factor) => [factor, fc.integer({ min: 0, max: 1000 }).map((thousandths) => thousandths / 1000)])) as Record<MatchFactor, fc.Arbitrary<number>>)
  .map((input) => validateWeights(input))
  .filter((result) => result.ok)
  .map((result) => (result.ok ? result.weights : DEFAULT_MATCH_WEIGHTS));

describe('scoreCandidate: properties', () => {
  it('keeps the score in 0..1, every value in 0..1, and contributions that add up to the score exactly (in millionths)', () => {
    fc.assert(
      fc.property(briefArbitrary, candidateArbitrary, weightsArbitrary, (target, candidate, weights) => {
        const result = scoreCandidate(target, candidate, weights);
        expectConsistent(result);
        for (const entry of result.factors) {
          expect(entry.value).toBeGreaterThanOrEqual(0);
          expect(entry.value).toBeLessThanOrEqual(1);
          expect(entry.contribution).toBeLessThanOrEqual(entry.weight);
          expect(Math.abs(entry.contribution - entry.weight * entry.value)).toBeLessThanOrEqual(1.5e-6);
          expect(entry.reason).toMatch(/^[A-Z0-9].*\.$/);
        }
        expect(result.factors.map((entry) => entry.factor)).toEqual(FACTORS_FOR_KIND[candidate.kind]);
      }),
      { numRuns: 500 },
    );
  });

  it('is a pure function: the same inputs give the same score and reasons', () => {
    fc.assert(
      fc.property(briefArbitrary, candidateArbitrary, (target, candidate) => {
        expect(scoreCandidate(target, candidate)).toEqual(scoreCandidate(structuredClone(target), structuredClone(candidate)));
      }),
    );
  });

  it('never ranks a candidate lower for working in the exact vertical rather than the parent or none', () => {
    fc.assert(
      fc.property(candidateArbitrary, (candidate) => {
        const target = brief({ verticalSlugs: ['mother-baby.infant-food-supplements'] });
        const score = (verticalSlugs: string[]) => scoreCandidate(target, { ...candidate, verticalSlugs }).score;
        expect(score(['mother-baby.infant-food-supplements'])).toBeGreaterThanOrEqual(score(['mother-baby.baby-care']));
        expect(score(['mother-baby.baby-care'])).toBeGreaterThanOrEqual(score(['fashion.womenswear']));
      }),
    );
  });
});

describe('scoreCandidate: authenticity, credentials counted once, evidence over assumption', () => {
  const serum = brief({
    verticalSlugs: ['beauty.functional-skincare'],
    nicheTags: ['ceramide', 'barrier-repair'],
    targetAudience: { gender: 'FEMALE', ageBands: [], regions: [] },
    formats: [ContentFormat.IMAGE_POST],
    budget: yuan(40_000),
  });
  const base = creator({
    verticalSlugs: ['beauty.functional-skincare'],
    nicheTags: ['ceramide', 'barrier-repair'],
    audience: youngMothers,
    audienceQuality: 0.95,
    credibilityScore: 40,
    rateCard: { currency: 'CNY', minFixedFeeByFormat: { IMAGE_POST: yuan(8_000) }, minCommissionBp: 1500 },
    trackRecord: { dealsCompleted: 0, roiBpInVertical: null, verticalAverageRoiBp: 25_000 },
  });

  it('never ranks a mostly padded audience above a comparable authentic one, and discounts reach in proportion', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(12), (a, b, deals) => {
        const [low, high] = a < b ? [a, b] : [b, a];
        const trackRecord = { dealsCompleted: deals, roiBpInVertical: deals ? 30_000 : null, verticalAverageRoiBp: 25_000 };
        const padded = scoreCandidate(serum, { ...base, audienceQuality: low, trackRecord });
        const authentic = scoreCandidate(serum, { ...base, audienceQuality: high, trackRecord });
        expect(authentic.score).toBeGreaterThanOrEqual(padded.score);
      }),
    );
    const padded = scoreCandidate(serum, { ...base, audienceQuality: 0.45 });
    expect(factorOf(padded, 'audienceFit').value).toBeCloseTo(0.82 * 0.5, 6);
    expect(factorOf(padded, 'audienceFit').reason).toContain('Only 45% of followers are real, so the fit counts at 50%.');
    expect(factorOf(padded, 'trackRecord').reason).toContain('discounted for an audience only 45% real');
  });

  it('counts a credential once: relevance for the brief, and none of its points in credibility', () => {
    const researcher = scoreCandidate(serum, { ...base, rawVerifiedCredentialTypes: [CredentialType.RESEARCHER], verifiedCredentialTypes: [CredentialType.RESEARCHER], credibilityScore: 64 });
    const plain = scoreCandidate(serum, { ...base, credibilityScore: 40 });
    // RESEARCHER is no skincare qualification: same relevance as none, and its 24 credibility points do not count.
    expect(factorOf(researcher, 'credentialRelevance').value).toBe(0);
    expect(factorOf(researcher, 'credibility').value).toBeCloseTo(factorOf(plain, 'credibility').value, 6);
    expect(researcher.score).toBeCloseTo(plain.score, 6);
  });

  it('ranks a record above the average over a newcomer assumed average, and a poor record below both', () => {
    const value = (dealsCompleted: number, roiBpInVertical: number | null) =>
      factorOf(scoreCandidate(serum, { ...base, trackRecord: { dealsCompleted, roiBpInVertical, verticalAverageRoiBp: 25_000 } }), 'trackRecord').value;
    expect(value(0, null)).toBeCloseTo(0.5, 6);
    expect(value(7, 25_000)).toBeGreaterThan(value(0, null));
    expect(value(9, 35_000)).toBeGreaterThan(value(7, 25_000));
    expect(value(2, 6_000)).toBeLessThan(value(0, null));
    for (let deals = 1; deals < 30; deals++) expect(value(deals + 1, 35_000)).toBeGreaterThanOrEqual(value(deals, 35_000));
  });

  it('fits a related vertical through shared niche tags, below the parent vertical', () => {
    const snack = brief({ verticalSlugs: ['food.hyaluronic-acid-snacks'], nicheTags: ['hyaluronic-acid', 'collagen'] });
    const skincareSpecialist = creator({ verticalSlugs: ['beauty.functional-skincare'], nicheTags: ['hyaluronic-acid'] });
    expect(factorOf(scoreCandidate(snack, skincareSpecialist), 'verticalFit')).toMatchObject({
      value: 0.25,
      reason: "Works in Functional skincare, outside the brief's verticals but related to them through hyaluronic-acid.",
    });
    expect(factorOf(scoreCandidate(snack, creator({ verticalSlugs: ['beauty.functional-skincare'], nicheTags: ['retinol'] })), 'verticalFit').value).toBe(0);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ContentFormat } from '../common/enums.js';
import { AgeBand } from '../creator/audience.js';
import { CredentialType, impliedCredentialTypes } from '../credential/credential-type.js';
import { DEFAULT_DIVERSITY_OPTIONS, type DiversityOptions, diversify, topReachThreshold } from './diversity.js';
import { type MatchBrief, type MatchCandidate, scoreCandidate } from './scoring.js';

const infantSupplement: MatchBrief = {
  objective: 'SEEDING_CONTENT',
  verticalSlugs: ['mother-baby.infant-food-supplements'],
  parentVerticalSlugs: ['mother-baby'],
  verticalNames: { 'mother-baby.infant-food-supplements': 'Infant food supplements', 'mother-baby': 'Mother & baby' },
  nicheTags: ['dha', 'infant-nutrition', 'vitamin-d'],
  requiredCredentials: [],
  targetAudience: { gender: 'FEMALE', ageBands: [AgeBand.AGE_25_30, AgeBand.AGE_31_40], regions: [] },
  budget: 100_000_000,
  currency: 'CNY',
  slots: 10,
  formats: [ContentFormat.SHORT_VIDEO],
  platforms: ['DOUYIN'],
  preferredStructures: ['HYBRID'],
};

/** A mother-and-baby creator; `followers` decides whether they are top reach, `credibility` nudges the score. */
function motherBabyCreator(followers: number, credibility: number, raw: CredentialType[]): MatchCandidate {
  return {
    kind: 'creator',
    verticalSlugs: ['mother-baby.infant-food-supplements'],
    nicheTags: ['dha', 'infant-nutrition', 'vitamin-d'],
    verifiedCredentialTypes: [...impliedCredentialTypes(raw)],
    rawVerifiedCredentialTypes: raw,
    credibilityScore: credibility,
    credibilityLevel: 3,
    audience: {
      femaleShare: 0.85,
      maleShare: 0.15,
      ageBands: [
        { band: AgeBand.AGE_25_30, share: 0.4 },
        { band: AgeBand.AGE_31_40, share: 0.35 },
      ],
      topRegions: [],
    },
    totalFollowers: followers,
    capacity: 4,
    activeDealCount: 0,
    rateCard: { currency: 'CNY', minFixedFeeByFormat: { SHORT_VIDEO: 2_000_000 }, minCommissionBp: 1500 },
    trackRecord: { dealsCompleted: 6, roiBpInVertical: 30_000, verticalAverageRoiBp: 26_000 },
  };
}

interface Named {
  name: string;
  score: number;
  totalFollowers: number;
}

/** Scored through scoreCandidate and ranked best first, as the resolver will. */
function rank(candidates: { name: string; candidate: MatchCandidate }[]): Named[] {
  return candidates
    .map(({ name, candidate }) => ({ name, score: scoreCandidate(infantSupplement, candidate).score, totalFollowers: candidate.totalFollowers }))
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
}

// Mother-and-baby hosts with millions of followers and full credibility marks from a clean
// audience; nutritionists with tens of thousands and slightly lower scores.
const hosts = [0, 1, 2, 3, 4].map((index) => ({ name: `host-${index}`, candidate: motherBabyCreator(3_000_000 + index * 500_000, 70 - index, [CredentialType.NUTRITIONIST]) }));
const specialists = [0, 1, 2, 3, 4, 5].map((index) => ({ name: `nutritionist-${index}`, candidate: motherBabyCreator(40_000 + index * 1_000, 55 - index, [CredentialType.NUTRITIONIST]) }));
const ranked = rank([...hosts, ...specialists]);
const options: DiversityOptions = { topReachFollowerThreshold: 1_000_000, maxTopReachOnFirstPage: 2, pageSize: 5, specialistTolerance: 0.05 };
const names = (list: Named[]) => list.map((entry) => entry.name);

describe('diversify', () => {
  it('starts from a ranking in which the top-reach hosts would fill the first page', () => {
    expect(names(ranked).slice(0, 5)).toEqual(['host-0', 'host-1', 'host-2', 'host-3', 'host-4']);
    // ...while the best specialist scores within the tolerance of the hosts it would displace.
    expect(ranked[2]!.score - ranked[5]!.score).toBeLessThanOrEqual(0.05);
  });

  it('limits top-reach creators on page one when specialists fit nearly as well, keeping the order otherwise', () => {
    const result = diversify(ranked, options);
    expect(names(result)).toEqual([
      'host-0',
      'host-1',
      'nutritionist-0',
      'nutritionist-1',
      'nutritionist-2',
      'host-2',
      'host-3',
      'host-4',
      'nutritionist-3',
      'nutritionist-4',
      'nutritionist-5',
    ]);
  });

  it('leaves a top-reach creator in place when no specialist comes within the tolerance', () => {
    const result = diversify(ranked, { ...options, specialistTolerance: 0 });
    expect(names(result)).toEqual(names(ranked));
  });

  it('changes nothing while the first page holds no more top-reach creators than allowed', () => {
    expect(diversify(ranked, { ...options, maxTopReachOnFirstPage: 5 })).toEqual(ranked);
    expect(diversify(ranked, { ...options, topReachFollowerThreshold: 50_000_000 })).toEqual(ranked);
  });

  it('can take top reach as a follower percentile of the ranked set', () => {
    // 5 of 11 candidates are hosts: the 0.6 percentile starts at the smallest host.
    expect(topReachThreshold(ranked, { ...options, topReachFollowerThreshold: null, topReachPercentile: 0.6 })).toBe(3_000_000);
    const result = diversify(ranked, { ...options, topReachFollowerThreshold: null, topReachPercentile: 0.6 });
    expect(names(result)).toEqual(names(diversify(ranked, options)));
  });

  it('uses a million followers, three per page of twenty and a 0.05 tolerance by default', () => {
    expect(DEFAULT_DIVERSITY_OPTIONS).toEqual({ topReachFollowerThreshold: 1_000_000, maxTopReachOnFirstPage: 3, pageSize: 20, specialistTolerance: 0.05 });
    expect(names(diversify(ranked)).slice(0, 4)).toEqual(['host-0', 'host-1', 'host-2', 'nutritionist-0']);
  });

  it('refuses options that make no sense', () => {
    expect(() => diversify(ranked, { ...options, pageSize: 0 })).toThrow(RangeError);
    expect(() => diversify(ranked, { ...options, maxTopReachOnFirstPage: -1 })).toThrow(RangeError);
    expect(() => diversify(ranked, { ...options, specialistTolerance: Number.NaN })).toThrow(RangeError);
    expect(() => diversify(ranked, { ...options, topReachPercentile: 0.9 })).toThrow(RangeError);
    expect(() => diversify(ranked, { ...options, topReachFollowerThreshold: null })).toThrow(RangeError);
    expect(() => diversify(ranked, { ...options, topReachFollowerThreshold: null, topReachPercentile: 1 })).toThrow(RangeError);
  });

  describe('properties over random rankings', () => {
    const rankingArbitrary = fc
      .array(
        fc.record({
          score: fc.integer({ min: 0, max: 1_000_000 }).map((micros) => micros / 1_000_000),
          totalFollowers: fc.oneof(fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 1_000_000, max: 100_000_000 })),
        }),
        { maxLength: 40 },
      )
      .map((list) => list.sort((a, b) => b.score - a.score).map((entry, index) => ({ ...entry, name: `c${index}` })));
    const optionsArbitrary = fc.record({
      topReachFollowerThreshold: fc.constant(1_000_000),
      maxTopReachOnFirstPage: fc.nat(5),
      pageSize: fc.integer({ min: 1, max: 12 }),
      specialistTolerance: fc.constantFrom(0, 0.01, 0.05, 0.2),
    });
    const isTopReach = (entry: Named) => entry.totalFollowers >= 1_000_000;

    it('returns a permutation, the same one every time, with each group in its original order', () => {
      fc.assert(
        fc.property(rankingArbitrary, optionsArbitrary, (input, settings) => {
          const result = diversify(input, settings);
          expect([...names(result)].sort()).toEqual([...names(input)].sort());
          expect(diversify(input, settings)).toEqual(result);
          expect(names(result.filter(isTopReach))).toEqual(names(input.filter(isTopReach)));
          expect(names(result.filter((entry) => !isTopReach(entry)))).toEqual(names(input.filter((entry) => !isTopReach(entry))));
        }),
      );
    });

    it('keeps top-reach creators beyond the cap off page one unless no specialist comes within the tolerance', () => {
      fc.assert(
        fc.property(rankingArbitrary, optionsArbitrary, (input, settings) => {
          const result = diversify(input, settings);
          const firstPage = result.slice(0, settings.pageSize);
          const overCap = firstPage.filter(isTopReach).slice(settings.maxTopReachOnFirstPage);
          const specialistsLeft = result.slice(settings.pageSize).filter((entry) => !isTopReach(entry));
          for (const host of overCap) {
            for (const specialist of specialistsLeft) expect(host.score - specialist.score).toBeGreaterThan(settings.specialistTolerance);
          }
        }),
      );
    });

    it('changes nothing after the first page except by moving displaced candidates there, in order', () => {
      fc.assert(
        fc.property(rankingArbitrary, optionsArbitrary, (input, settings) => {
          const result = diversify(input, settings);
          const onFirstPage = new Set(names(result.slice(0, settings.pageSize)));
          expect(names(result.slice(settings.pageSize))).toEqual(names(input.filter((entry) => !onFirstPage.has(entry.name))));
        }),
      );
    });
  });
});

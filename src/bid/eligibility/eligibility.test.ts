import { describe, expect, it } from 'vitest';
import { type BriefRequirements, isRightTalentKind, missingCredentials, type TalentProfile, talentEligibilityProblems } from './eligibility.js';

const brief: BriefRequirements = { objective: 'SEEDING_CONTENT', requiredCredentials: ['DERMATOLOGIST', 'PHYSICIAN'], minCredibilityLevel: 2 };
const creator: TalentProfile = {
  kind: 'creator',
  verifiedCredentialTypes: ['DERMATOLOGIST', 'PHYSICIAN'],
  credibilityLevel: 3,
  capacity: 3,
  activeDealCount: 1,
};
const codes = (briefChange: Partial<BriefRequirements>, talentChange: Partial<TalentProfile>) =>
  talentEligibilityProblems({ ...brief, ...briefChange }, { ...creator, ...talentChange }, ['input', 'creatorId']).map((problem) => problem.code);

describe('talentEligibilityProblems', () => {
  it('finds nothing wrong with a qualified creator who has room', () => {
    expect(codes({}, {})).toEqual([]);
  });

  it('names the missing credentials', () => {
    const [problem] = talentEligibilityProblems(brief, { ...creator, verifiedCredentialTypes: ['PHYSICIAN'] }, ['input', 'creatorId']);
    expect(problem).toMatchObject({ code: 'MISSING_CREDENTIAL', field: ['input', 'creatorId'] });
    expect(problem!.message).toContain('DERMATOLOGIST');
  });

  it.each([
    ['an operator on a seeding brief', {}, { kind: 'trader' as const }, ['WRONG_BIDDER_KIND']],
    ['a creator on an operated self-broadcast', { objective: 'OPERATED_SELF_BROADCAST' }, {}, ['WRONG_BIDDER_KIND']],
    ['a level below the minimum', { minCredibilityLevel: 4 }, {}, ['BELOW_MIN_LEVEL']],
    ['a talent at capacity', {}, { activeDealCount: 3 }, ['AT_CAPACITY']],
    ['a talent over a lowered capacity', {}, { capacity: 1, activeDealCount: 2 }, ['AT_CAPACITY']],
    ['everything at once', { minCredibilityLevel: 5 }, { kind: 'trader' as const, verifiedCredentialTypes: [], activeDealCount: 3 }, ['WRONG_BIDDER_KIND', 'MISSING_CREDENTIAL', 'BELOW_MIN_LEVEL', 'AT_CAPACITY']],
  ])('refuses %s', (_label, briefChange, talentChange, expected) => {
    expect(codes(briefChange, talentChange)).toEqual(expected);
  });

  it('accepts the minimum level itself', () => {
    expect(codes({ minCredibilityLevel: 3 }, {})).toEqual([]);
  });
});

describe('missingCredentials', () => {
  it('lists each required type not held, once', () => {
    expect(missingCredentials(['PEDIATRICIAN', 'PHYSICIAN', 'PEDIATRICIAN'], ['PHYSICIAN'])).toEqual(['PEDIATRICIAN']);
    expect(missingCredentials([], [])).toEqual([]);
  });
});

describe('isRightTalentKind', () => {
  it('sends operators to operated self-broadcasts and creators to everything else', () => {
    expect(isRightTalentKind('OPERATED_SELF_BROADCAST', 'trader')).toBe(true);
    expect(isRightTalentKind('OPERATED_SELF_BROADCAST', 'creator')).toBe(false);
    expect(isRightTalentKind('LIVE_SALE', 'creator')).toBe(true);
    expect(isRightTalentKind('LIVE_SALE', 'trader')).toBe(false);
  });
});

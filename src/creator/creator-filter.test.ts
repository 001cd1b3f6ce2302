import { describe, expect, it } from 'vitest';
import type { Problem } from '../common/problems.js';
import { creatorSearchWhere } from './creator-filter.js';

describe('creatorSearchWhere', () => {
  it('matches every creator when nothing is asked', () => {
    expect(creatorSearchWhere({})).toEqual({});
  });

  it('turns each condition into a condition on the creator row', () => {
    expect(
      creatorSearchWhere({
        verticalSlugs: ['beauty', 'beauty.makeup'],
        nicheTag: ' Hyaluronic Acid ',
        kind: 'PROFESSIONAL',
        platform: 'DOUYIN',
        minFollowers: 1000,
        maxFollowers: 5000,
        minLevel: 3,
      }),
    ).toEqual({
      verticalSlugs: { $overlap: ['beauty', 'beauty.makeup'] },
      nicheTags: { $contains: ['hyaluronic-acid'] },
      kind: 'PROFESSIONAL',
      channelAccounts: { $some: { platform: 'DOUYIN' } },
      totalFollowers: { $gte: 1000, $lte: 5000 },
      credibilityLevel: { $gte: 3 },
    });
  });

  it('accepts a follower bound of 0 and a single bound', () => {
    expect(creatorSearchWhere({ minFollowers: 0 })).toEqual({ totalFollowers: { $gte: 0 } });
    expect(creatorSearchWhere({ maxFollowers: 0 })).toEqual({ totalFollowers: { $lte: 0 } });
  });

  it('refuses negative follower bounds and an empty niche tag, naming each field', () => {
    let problem: Problem | undefined;
    try {
      creatorSearchWhere({ minFollowers: -1, maxFollowers: -2, nicheTag: ' - ' });
    } catch (error) {
      problem = error as Problem;
    }
    expect(problem?.details.map((detail) => [detail.code, detail.field])).toEqual([
      ['OUT_OF_RANGE', ['filter', 'minFollowers']],
      ['OUT_OF_RANGE', ['filter', 'maxFollowers']],
      ['INVALID', ['filter', 'nicheTag']],
    ]);
  });
});

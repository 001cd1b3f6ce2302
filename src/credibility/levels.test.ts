import { describe, expect, it } from 'vitest';
import { LEVEL_REQUIREMENTS, levelFor } from './levels.js';

const facts = (overrides: Partial<Parameters<typeof levelFor>[0]>) => ({ score: 0, verifiedChannels: 0, verifiedCredentials: 0, settledDeals: 0, ...overrides });

describe('creator levels', () => {
  it('keep an unverified profile at L1 whatever its score', () => {
    expect(levelFor(facts({ score: 30 }))).toEqual({ level: 1, heldBackBy: 'L2 needs a verified channel or credential' });
    expect(levelFor(facts({ score: 100, settledDeals: 20 })).level).toBe(1);
  });

  it('follow the score once a channel or a credential is verified', () => {
    expect(levelFor(facts({ score: 19, verifiedChannels: 1 }))).toEqual({ level: 1, heldBackBy: null });
    expect(levelFor(facts({ score: 20, verifiedChannels: 1 })).level).toBe(2);
    expect(levelFor(facts({ score: 35, verifiedCredentials: 1 })).level).toBe(3);
  });

  it('need a record of settled deals for L4 and L5', () => {
    expect(levelFor(facts({ score: 64, verifiedCredentials: 2, verifiedChannels: 1 }))).toEqual({ level: 3, heldBackBy: 'L4 needs 3 settled deals (0 so far)' });
    expect(levelFor(facts({ score: 64, verifiedChannels: 1, settledDeals: 3 })).level).toBe(4);
    expect(levelFor(facts({ score: 80, verifiedChannels: 1, settledDeals: 4 }))).toEqual({ level: 4, heldBackBy: 'L5 needs 5 settled deals (4 so far)' });
    expect(levelFor(facts({ score: 80, verifiedChannels: 1, settledDeals: 5 })).level).toBe(5);
  });

  it('are stated in one table, each level asking at least what the one below asks', () => {
    expect(LEVEL_REQUIREMENTS.map((requirement) => requirement.level)).toEqual([1, 2, 3, 4, 5]);
    for (let index = 1; index < LEVEL_REQUIREMENTS.length; index++) {
      const [lower, higher] = [LEVEL_REQUIREMENTS[index - 1]!, LEVEL_REQUIREMENTS[index]!];
      expect(higher.minScore).toBeGreaterThan(lower.minScore);
      expect(higher.minSettledDeals).toBeGreaterThanOrEqual(lower.minSettledDeals);
    }
  });
});

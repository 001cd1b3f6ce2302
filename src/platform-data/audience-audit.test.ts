import { describe, expect, it } from 'vitest';
import { type AuditInput, auditAudience, followerTier } from './audience-audit.js';

const day = (daysAgo: number) => new Date(Date.UTC(2026, 11, 1) - daysAgo * 86_400_000);
const steady = (followers: number) => [120, 90, 60, 30].map((daysAgo, index) => ({ at: day(daysAgo), followers: Math.round(followers * (0.8 + index * 0.05)) }));

/** A healthy mid-tier Douyin skincare channel: every factor at or above its norm. */
const healthy: AuditInput = {
  platform: 'DOUYIN',
  followers: 300_000,
  averageViews: 45_000,
  engagementRate: 0.05,
  realFollowerShare: 0.95,
  followerHistory: steady(300_000),
  audience: { femaleShare: 0.8, maleShare: 0.2, ageBands: [], topRegions: [] },
  verticalSlugs: ['beauty.functional-skincare'],
};
const factor = (input: AuditInput, kind: string) => auditAudience(input).factors.find((entry) => entry.kind === kind)!;

describe('auditAudience', () => {
  it('scores a healthy channel 100, every factor with a sentence', () => {
    const audit = auditAudience(healthy);
    expect(audit.score).toBe(100);
    expect(audit.factors.map((entry) => entry.kind)).toEqual(['ENGAGEMENT', 'VIEWS_PER_FOLLOWER', 'FOLLOWER_GROWTH', 'REAL_FOLLOWERS', 'AUDIENCE_CONSISTENCY']);
    for (const entry of audit.factors) expect(entry.sentence.length).toBeGreaterThan(20);
  });

  it('fails a padded channel on several factors at once, with reasons', () => {
    const padded: AuditInput = {
      ...healthy,
      followers: 2_400_000,
      averageViews: 9_000,
      engagementRate: 0.004,
      realFollowerShare: 0.31,
      audience: { femaleShare: 0.3, maleShare: 0.7, ageBands: [], topRegions: [] },
      followerHistory: [
        { at: day(90), followers: 280_000 },
        { at: day(60), followers: 290_000 },
        { at: day(30), followers: 300_000 },
        { at: day(20), followers: 2_350_000 },
      ],
    };
    const audit = auditAudience(padded);
    expect(audit.score).toBeLessThan(15);
    expect(factor(padded, 'FOLLOWER_GROWTH')).toMatchObject({ value: 0 });
    expect(factor(padded, 'FOLLOWER_GROWTH').sentence).toContain('One burst');
    expect(factor(padded, 'REAL_FOLLOWERS')).toMatchObject({ value: 0 });
    expect(factor(padded, 'REAL_FOLLOWERS').sentence).toContain('looks bought');
    expect(factor(padded, 'VIEWS_PER_FOLLOWER').value).toBe(0);
    expect(factor(padded, 'AUDIENCE_CONSISTENCY').value).toBeLessThan(0.6);
  });

  it.each([
    [0.05, 1],
    [0.04, 1],
    [0.02, 0.375],
    [0.008, 0],
    [0, 0],
  ])('judges engagement %f on a mid-tier Douyin channel (norm 4 %%) as %f', (engagementRate, value) => {
    expect(factor({ ...healthy, engagementRate }, 'ENGAGEMENT').value).toBeCloseTo(value, 3);
  });

  it('expects less engagement of a larger audience', () => {
    const small = { ...healthy, followers: 5_000, averageViews: 1_500 };
    const huge = { ...healthy, followers: 20_000_000, averageViews: 1_500_000 };
    expect(factor({ ...small, engagementRate: 0.03 }, 'ENGAGEMENT').value!).toBeLessThan(factor({ ...huge, engagementRate: 0.03 }, 'ENGAGEMENT').value!);
    expect([5_000, 50_000, 500_000, 5_000_000, 50_000_000].map(followerTier)).toEqual([0, 1, 2, 3, 4]);
  });

  it('holds every platform to its own norm: Weibo engagement runs lower than Douyin’s', () => {
    expect(factor({ ...healthy, platform: 'WEIBO', engagementRate: 0.012 }, 'ENGAGEMENT').value).toBe(1);
    expect(factor({ ...healthy, platform: 'DOUYIN', engagementRate: 0.012 }, 'ENGAGEMENT').value).toBeLessThan(0.2);
  });

  it('leaves out what the data cannot tell, and says so', () => {
    const bare = { ...healthy, realFollowerShare: null, followerHistory: [], audience: { femaleShare: 0, maleShare: 0, ageBands: [], topRegions: [] } };
    const audit = auditAudience(bare);
    expect(audit.factors.filter((entry) => entry.value === null).map((entry) => entry.kind)).toEqual(['FOLLOWER_GROWTH', 'REAL_FOLLOWERS', 'AUDIENCE_CONSISTENCY']);
    expect(audit.score).toBe(100);
    expect(factor(bare, 'REAL_FOLLOWERS').sentence).toContain('no real-follower estimate');
    expect(factor({ ...healthy, followers: 0, averageViews: 0 }, 'VIEWS_PER_FOLLOWER').value).toBeNull();
  });

  it('sees steady growth as healthy, however fast, and a burst as a sign of bought followers', () => {
    const fastButSteady = [120, 90, 60, 30].map((daysAgo, index) => ({ at: day(daysAgo), followers: 100_000 * 2 ** index }));
    expect(factor({ ...healthy, followers: 900_000, followerHistory: fastButSteady }, 'FOLLOWER_GROWTH').value).toBe(1);
    const small = [{ at: day(60), followers: 290_000 }, { at: day(30), followers: 295_000 }, { at: day(10), followers: 300_000 }];
    expect(factor({ ...healthy, followerHistory: small }, 'FOLLOWER_GROWTH').value).toBe(1);
    // The order the counts arrive in does not matter.
    const shuffled = [...steady(300_000)].reverse();
    expect(factor({ ...healthy, followerHistory: shuffled }, 'FOLLOWER_GROWTH').value).toBe(1);
  });

  it.each([
    [0.95, 1],
    [0.675, 0.5],
    [0.4, 0],
    [0.2, 0],
  ])('maps a platform real-follower share of %f to %f', (realFollowerShare, value) => {
    expect(factor({ ...healthy, realFollowerShare }, 'REAL_FOLLOWERS').value).toBeCloseTo(value, 3);
  });

  it('compares the audience with what the creator’s verticals draw', () => {
    expect(factor({ ...healthy, verticalSlugs: ['mother-baby.infant-formula'], audience: { femaleShare: 0.9, maleShare: 0.1, ageBands: [{ band: 'AGE_31_40', share: 0.6 }], topRegions: [] } }, 'AUDIENCE_CONSISTENCY').value).toBe(1);
    expect(factor({ ...healthy, verticalSlugs: ['electronics.phones'], audience: { femaleShare: 0.9, maleShare: 0.1, ageBands: [], topRegions: [] } }, 'AUDIENCE_CONSISTENCY').value).toBeCloseTo(0.2, 3);
    // The best-fitting vertical counts for a creator in two.
    expect(factor({ ...healthy, verticalSlugs: ['electronics.phones', 'beauty.makeup'] }, 'AUDIENCE_CONSISTENCY').value).toBe(1);
    expect(factor({ ...healthy, verticalSlugs: ['food.snacks'] }, 'AUDIENCE_CONSISTENCY').value).toBeNull();
  });

  it('always gives a score from 0 to 100, whatever the figures', () => {
    for (const engagementRate of [0, 0.001, 0.5, 1]) {
      for (const followers of [0, 1, 999_999, 2_000_000_000]) {
        for (const realFollowerShare of [null, 0, 1]) {
          const { score } = auditAudience({ ...healthy, followers, engagementRate, realFollowerShare, averageViews: followers });
          expect(score).toBeGreaterThanOrEqual(0);
          expect(score).toBeLessThanOrEqual(100);
          expect(Number.isInteger(score)).toBe(true);
        }
      }
    }
  });
});

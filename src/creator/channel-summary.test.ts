import { describe, expect, it } from 'vitest';
import { summariseChannelAccounts } from './channel-summary.js';

describe('summariseChannelAccounts', () => {
  it('weights each channel’s real-follower share by its size', () => {
    const summary = summariseChannelAccounts([
      { followers: 900_000, realFollowerShare: 0.6 },
      { followers: 100_000, realFollowerShare: 1 },
    ]);
    expect(summary.totalFollowers).toBe(1_000_000);
    expect(summary.audienceQuality).toBeCloseTo(0.64, 10);
  });

  it('reports no audience quality for a creator without followers', () => {
    expect(summariseChannelAccounts([])).toEqual({ totalFollowers: 0, audienceQuality: 0 });
    expect(summariseChannelAccounts([{ followers: 0, realFollowerShare: 0.9 }])).toEqual({ totalFollowers: 0, audienceQuality: 0 });
  });
});

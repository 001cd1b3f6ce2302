import { describe, expect, it } from 'vitest';
import { summariseChannelAccounts } from './channel-summary.js';

const verified = new Date('2026-12-01T00:00:00Z');

describe('summariseChannelAccounts', () => {
  it('counts nothing of a declared channel', () => {
    expect(summariseChannelAccounts([{ verifiedAt: null, followers: 0, auditScore: null }])).toEqual({ totalFollowers: 0, audienceQuality: 0, verifiedChannels: 0 });
  });

  it('adds verified followers and weights each audit by its channel’s followers', () => {
    const summary = summariseChannelAccounts([
      { verifiedAt: verified, followers: 300_000, auditScore: 90 },
      { verifiedAt: verified, followers: 100_000, auditScore: 30 },
      { verifiedAt: null, followers: 0, auditScore: null },
    ]);
    expect(summary.totalFollowers).toBe(400_000);
    expect(summary.audienceQuality).toBeCloseTo(0.75, 6);
    expect(summary.verifiedChannels).toBe(2);
  });

  it('has no audience quality while no verified channel has an audit', () => {
    expect(summariseChannelAccounts([{ verifiedAt: verified, followers: 0, auditScore: null }])).toEqual({ totalFollowers: 0, audienceQuality: 0, verifiedChannels: 1 });
  });
});

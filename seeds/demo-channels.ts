import type { EntityManager } from '@mikro-orm/postgresql';
import type { Platform } from '../src/common/enums.js';
import type { AudienceProfile } from '../src/creator/audience.js';
import { ChannelAccount, type Creator, VerificationMethod } from '../src/creator/creator.entity.js';
import { auditAudience } from '../src/platform-data/audience-audit.js';
import { ChannelSnapshot, SnapshotSource } from '../src/platform-data/channel-snapshot.entity.js';
import { Connector } from '../src/platform-data/connector.entity.js';

/** A demo channel as its creator describes it, and what the platform's connector reports. */
export interface DemoChannel {
  platform: Platform;
  handle: string;
  followers: number;
  averageViews: number;
  engagementRate: number;
  /** The platform's real-follower estimate. */
  realFollowerShare: number;
  audience: AudienceProfile;
  /** Left declared: the tour shows a claim that counts for nothing. */
  declaredOnly?: true;
  /** Bought followers: a burst in the follower history the connector reports. */
  padded?: true;
}

const DAY = 86_400_000;

/**
 * Plants a channel the way the product makes one: the creator's declared figures, then (unless it
 * stays declared) ownership confirmed by the platform's connector and its first snapshot with its
 * audit. One connector per platform is made on first use.
 */
export function plantChannel(
  tx: EntityManager,
  creator: Creator,
  channel: DemoChannel,
  connectors: Map<Platform, Connector>,
  now: Date,
): ChannelAccount {
  const { platform, handle, followers, averageViews, engagementRate, realFollowerShare, audience } = channel;
  const account = tx.create(ChannelAccount, {
    creator,
    platform,
    handle,
    declaredFollowers: followers,
    declaredAverageViews: averageViews,
    declaredEngagementRate: engagementRate,
    declaredAudience: audience,
  });
  if (channel.declaredOnly) return account;

  let connector = connectors.get(platform);
  if (!connector) {
    connector = tx.create(Connector, { name: `${platform} data sync (demo)`, platform });
    connectors.set(platform, connector);
  }
  // A steady channel grows a few per cent a month; a padded one jumps when the followers were bought.
  const shares = channel.padded ? [0.3, 0.31, 0.32, 0.97] : [0.8, 0.84, 0.88, 0.92];
  const followerHistory = [120, 90, 60, 30].map((daysAgo, index) => ({ at: new Date(now.getTime() - daysAgo * DAY), followers: Math.round(followers * shares[index]!) }));
  const capturedAt = new Date(now.getTime() - DAY);
  const audit = auditAudience({ platform, followers, averageViews, engagementRate, realFollowerShare, followerHistory, audience, verticalSlugs: creator.verticalSlugs });
  tx.create(ChannelSnapshot, {
    channelAccount: account,
    source: SnapshotSource.CONNECTOR,
    connector,
    externalId: `demo-${platform}-${handle}`,
    capturedAt,
    followers,
    averageViews,
    engagementRate,
    realFollowerShare,
    audience,
    followerHistory: followerHistory.map((point) => ({ at: point.at.toISOString(), followers: point.followers })),
    auditScore: audit.score,
    audit: audit.factors,
  });
  Object.assign(account, {
    verifiedAt: capturedAt,
    verificationMethod: VerificationMethod.CONNECTOR,
    verifiedByConnector: connector.id,
    followers,
    averageViews,
    engagementRate,
    realFollowerShare,
    audience,
    snapshotCapturedAt: capturedAt,
    auditScore: audit.score,
    audit: audit.factors,
  });
  return account;
}

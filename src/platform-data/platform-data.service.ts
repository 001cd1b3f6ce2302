import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ApiKeyPrincipal } from '../auth/api-key-principal.js';
import { ApiKeyScope } from '../api-key/api-key.scopes.js';
import { requireScope } from '../api-key/api-key.service.js';
import { AccessDenied, parseInput, Problem, ProblemCode } from '../common/problems.js';
import type { ServiceContext } from '../common/service-context.js';
import { ChannelAccount, ChannelVerificationCode, VerificationMethod } from '../creator/creator.entity.js';
import { withoutNulls } from '../creator/creator.inputs.js';
import { CredibilityChangeReason } from '../credibility/credibility.entity.js';
import type { CredibilityService } from '../credibility/credibility.service.js';
import { flushOrProblem } from '../db/flush.js';
import { auditAudience } from './audience-audit.js';
import { ChannelSnapshot, SnapshotSource } from './channel-snapshot.entity.js';
import { Connector } from './connector.entity.js';
import { connectorCreateSchema, type Snapshot, snapshotSchema, verificationCodeSchema } from './platform-data.inputs.js';
import { PlatformDataProblem } from './platform-data.problems.js';

/** How long a verification code stays valid: long enough to edit a bio and for a review to happen. */
export const VERIFICATION_CODE_DAYS = 7;
/** Unambiguous characters (no 0/O, 1/I/L) for codes people copy by hand. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** Who confirms a channel's ownership: an admin (from their session) or a connector (with a key). */
export type Verifier = { admin: true } | { connector: ApiKeyPrincipal };

/**
 * Channel verification and platform data: one-time codes, their confirmation by an admin or a
 * connector, and the snapshots connectors post. The newest verified snapshot sets the figures
 * that count; each refresh of credibility happens in the same transaction.
 */
export class PlatformDataService {
  constructor(private readonly credibility: CredibilityService) {}

  async registerConnector({ em, viewer }: ServiceContext, input: unknown): Promise<{ connector: Connector }> {
    if (!viewer?.isAdmin) throw new AccessDenied('Only admins register platform connectors.');
    const data = parseInput(connectorCreateSchema, input);
    const connector = em.create(Connector, { ...data, createdBy: viewer.userId });
    await flushOrProblem(em, () => Problem.of(ProblemCode.DUPLICATE, 'A connector with this name already exists.', ['input', 'name']));
    return { connector };
  }

  /** A fresh one-time code for the creator to place in the channel's bio or a post. */
  async issueVerificationCode({ em, viewer }: ServiceContext, channelAccountId: string | null): Promise<{ channelAccount: ChannelAccount; code: string; expiresAt: Date }> {
    const channelAccount = channelAccountId ? await em.findOne(ChannelAccount, channelAccountId, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
    if (!channelAccount) throw Problem.notFound('channel account', ['channelAccountId']);
    await channelAccount.creator.load();
    if (channelAccount.creator.getEntity().user.id !== viewer?.userId) throw new AccessDenied('Only the creator who owns this channel may ask for its verification code.');
    if (channelAccount.verifiedAt) throw Problem.of(PlatformDataProblem.CHANNEL_ALREADY_VERIFIED, 'This channel is already verified.', ['channelAccountId']);
    const code = `MCN-${[...randomBytes(8)].map((byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length]).join('')}`;
    const expiresAt = new Date(Date.now() + VERIFICATION_CODE_DAYS * 86_400_000);
    em.create(ChannelVerificationCode, { channelAccount, code, handle: channelAccount.handle, expiresAt });
    await em.flush();
    return { channelAccount, code, expiresAt };
  }

  /**
   * Confirms ownership with a code seen on the channel. An admin's confirmation also records the
   * figures the channel shows as its first verified snapshot; a connector posts its own.
   */
  async verify(context: ServiceContext, verifier: Verifier, channelAccountId: string | null, rawCode: string): Promise<{ channelAccount: ChannelAccount }> {
    const { em, viewer } = context;
    if ('admin' in verifier && !viewer?.isAdmin) throw new AccessDenied('Only admins or platform connectors verify channels.');
    const connector = 'connector' in verifier ? await this.connectorOf(em, verifier.connector, ApiKeyScope.CHANNELS_VERIFY) : null;
    const channelAccount = await this.lockedChannel(em, channelAccountId, connector);
    const creator = channelAccount.creator.getEntity();
    if (!connector && creator.user.id === viewer!.userId) throw Problem.of(ProblemCode.SELF_REVIEW, 'Admins may not verify their own channels.', ['input', 'channelAccountId']);
    if (channelAccount.verifiedAt) throw Problem.of(PlatformDataProblem.CHANNEL_ALREADY_VERIFIED, 'This channel is already verified.', ['input', 'channelAccountId']);

    const code = parseInput(verificationCodeSchema, rawCode, 'code');
    const issued = await em.findOne(ChannelVerificationCode, { code, channelAccount }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!issued || issued.handle !== channelAccount.handle) {
      throw Problem.of(PlatformDataProblem.VERIFICATION_CODE_INVALID, 'This code was not issued for this channel and handle.', ['input', 'code']);
    }
    if (issued.usedAt) throw Problem.of(PlatformDataProblem.VERIFICATION_CODE_USED, 'This code was already used.', ['input', 'code']);
    if (issued.expiresAt <= new Date()) throw Problem.of(PlatformDataProblem.VERIFICATION_CODE_EXPIRED, 'This code has expired; the creator can ask for a new one.', ['input', 'code']);

    const now = new Date();
    issued.usedAt = now;
    em.assign(channelAccount, {
      verifiedAt: now,
      verificationMethod: connector ? VerificationMethod.CONNECTOR : VerificationMethod.ADMIN,
      verifiedBy: connector ? null : viewer!.userId,
      verifiedByConnector: connector?.id ?? null,
    });
    let figures = 'its figures will count from the connector’s first snapshot';
    if (!connector) {
      const snapshot = this.applySnapshot(em, channelAccount, creator.verticalSlugs, {
        source: SnapshotSource.ADMIN,
        recordedBy: viewer!.userId,
        capturedAt: now,
        followers: channelAccount.declaredFollowers,
        averageViews: channelAccount.declaredAverageViews,
        engagementRate: channelAccount.declaredEngagementRate,
        realFollowerShare: null,
        audience: channelAccount.declaredAudience,
        followerHistory: [],
      });
      figures = `${snapshot.followers.toLocaleString('en-US')} followers now count, audience audit ${snapshot.auditScore}/100`;
    }
    await em.flush();
    await this.credibility.refreshForUser(em, creator.user.id, {
      reason: CredibilityChangeReason.CHANNEL_VERIFIED,
      detail: `The ${channelAccount.platform} channel ${channelAccount.handle} was verified by ${connector ? `the connector ${connector.name}` : 'an admin'}; ${figures}.`,
    });
    return { channelAccount };
  }

  /**
   * Records a connector's snapshot of a verified channel. The same snapshot sent again answers with
   * the stored one and stores nothing; the same id with other content, or a snapshot older than
   * the newest one, is refused.
   */
  async recordSnapshot(
    { em }: ServiceContext,
    principal: ApiKeyPrincipal | null | undefined,
    channelAccountId: string | null,
    input: object,
  ): Promise<{ snapshot: ChannelSnapshot; channelAccount: ChannelAccount; replayed: boolean }> {
    const connector = await this.connectorOf(em, principal, ApiKeyScope.SNAPSHOTS_WRITE);
    const data = parseInput(snapshotSchema, withoutNulls(input));
    const channelAccount = await this.lockedChannel(em, channelAccountId, connector);

    const earlier = await em.findOne(ChannelSnapshot, { connector, externalId: data.snapshotId });
    if (earlier) {
      if (earlier.channelAccount.id === channelAccount.id && sameSnapshot(earlier, data)) return { snapshot: earlier, channelAccount, replayed: true };
      throw Problem.of(PlatformDataProblem.SNAPSHOT_ID_REUSED, 'A snapshot with this id and other content was already recorded.', ['input', 'snapshotId']);
    }
    if (!channelAccount.verifiedAt) {
      throw Problem.of(PlatformDataProblem.CHANNEL_NOT_VERIFIED, 'This channel is not verified; its ownership must be confirmed first.', ['input', 'channelAccountId']);
    }
    if (channelAccount.snapshotCapturedAt && data.capturedAt <= channelAccount.snapshotCapturedAt) {
      throw Problem.of(PlatformDataProblem.SNAPSHOT_OUT_OF_ORDER, `The channel already has a snapshot taken at ${channelAccount.snapshotCapturedAt.toISOString()}.`, ['input', 'capturedAt']);
    }
    const creator = channelAccount.creator.getEntity();
    const previousAudit = channelAccount.auditScore;
    const snapshot = this.applySnapshot(em, channelAccount, creator.verticalSlugs, { ...data, source: SnapshotSource.CONNECTOR, connector, externalId: data.snapshotId });
    await flushOrProblem(em, () => Problem.of(PlatformDataProblem.SNAPSHOT_OUT_OF_ORDER, 'A snapshot for this channel at this time is already recorded.', ['input', 'capturedAt']));
    const weakest = snapshot.audit.filter((factor) => factor.value !== null && factor.value < 0.5).map((factor) => factor.sentence);
    await this.credibility.refreshForUser(em, creator.user.id, {
      reason: CredibilityChangeReason.AUDIT_CHANGED,
      detail:
        `New figures from ${connector.name} for ${channelAccount.platform} ${channelAccount.handle}: ${snapshot.followers.toLocaleString('en-US')} followers, ` +
        `audience audit ${previousAudit === null ? '' : `${previousAudit} → `}${snapshot.auditScore}/100.` +
        (weakest.length ? ` ${weakest.join(' ')}` : ''),
    });
    return { snapshot, channelAccount, replayed: false };
  }

  /** The newest snapshots of each channel, newest first, at most `limit` each. */
  async snapshotsOf(em: EntityManager, channelAccountIds: readonly string[], limit: number): Promise<ChannelSnapshot[][]> {
    const snapshots = await em.find(ChannelSnapshot, { channelAccount: { $in: [...channelAccountIds] } }, { orderBy: { capturedAt: 'desc', id: 'desc' } });
    const byChannel = new Map<string, ChannelSnapshot[]>();
    for (const snapshot of snapshots) {
      const list = byChannel.get(snapshot.channelAccount.id) ?? [];
      if (list.length < limit) list.push(snapshot);
      byChannel.set(snapshot.channelAccount.id, list);
    }
    return channelAccountIds.map((id) => byChannel.get(id) ?? []);
  }

  private applySnapshot(
    em: EntityManager,
    channelAccount: ChannelAccount,
    verticalSlugs: readonly string[],
    figures: Omit<Snapshot, 'snapshotId'> & { source: SnapshotSource; connector?: Connector; externalId?: string; recordedBy?: string },
  ): ChannelSnapshot {
    const audit = auditAudience({ ...figures, platform: channelAccount.platform, verticalSlugs });
    const snapshot = em.create(ChannelSnapshot, {
      channelAccount,
      source: figures.source,
      connector: figures.connector ?? null,
      recordedBy: figures.recordedBy ?? null,
      externalId: figures.externalId ?? null,
      capturedAt: figures.capturedAt,
      followers: figures.followers,
      averageViews: figures.averageViews,
      engagementRate: figures.engagementRate,
      realFollowerShare: figures.realFollowerShare,
      audience: figures.audience,
      followerHistory: figures.followerHistory.map((point) => ({ at: point.at.toISOString(), followers: point.followers })),
      auditScore: audit.score,
      audit: audit.factors,
    });
    Object.assign(channelAccount, {
      followers: figures.followers,
      averageViews: figures.averageViews,
      engagementRate: figures.engagementRate,
      realFollowerShare: figures.realFollowerShare,
      audience: figures.audience,
      snapshotCapturedAt: figures.capturedAt,
      auditScore: audit.score,
      audit: audit.factors,
    });
    return snapshot;
  }

  /** The connector a key acts for, when it holds the scope. */
  private async connectorOf(em: EntityManager, principal: ApiKeyPrincipal | null | undefined, scope: ApiKeyScope): Promise<Connector> {
    const key = requireScope(principal, scope);
    const connector = key.organisation.kind === 'CONNECTOR' ? await em.findOne(Connector, key.organisation.id) : null;
    if (!connector) throw new AccessDenied('Only platform connectors may do this.');
    return connector;
  }

  /** The channel, locked; a connector sees only channels of its own platform. */
  private async lockedChannel(em: EntityManager, channelAccountId: string | null, connector: Connector | null): Promise<ChannelAccount> {
    const channelAccount = channelAccountId ? await em.findOne(ChannelAccount, channelAccountId, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
    if (!channelAccount || (connector && channelAccount.platform !== connector.platform)) throw Problem.notFound('channel account', ['input', 'channelAccountId']);
    await channelAccount.creator.load();
    return channelAccount;
  }
}

function sameSnapshot(stored: ChannelSnapshot, sent: Snapshot): boolean {
  return (
    stored.capturedAt.getTime() === sent.capturedAt.getTime() &&
    stored.followers === sent.followers &&
    stored.averageViews === sent.averageViews &&
    stored.engagementRate === sent.engagementRate &&
    stored.realFollowerShare === sent.realFollowerShare &&
    // jsonb keeps keys in its own order, so the comparison is by value, not by text.
    isDeepStrictEqual(stored.audience, sent.audience) &&
    isDeepStrictEqual(stored.followerHistory, sent.followerHistory.map((point) => ({ at: point.at.toISOString(), followers: point.followers })))
  );
}

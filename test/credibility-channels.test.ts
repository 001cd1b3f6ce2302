import { beforeAll, describe, expect, it } from 'vitest';
import {
  CredApiKeyCreateDocument,
  CredApiKeyRevokeDocument,
  CredApiKeyRotateDocument,
  CredApiKeysDocument,
  CredChannelAddDocument,
  CredChannelUpdateDocument,
  CredChannelVerifyDocument,
  CredConnectorCreateDocument,
  CredCreatorCreateDocument,
  CredCreatorDocument,
  CredLevelsDocument,
  CredRateCardDocument,
  CredRecommendationsDocument,
  CredSnapshotRecordDocument,
  CredVerificationCodeDocument,
  type ChannelSnapshotInput,
  type CreatorRateCardInput,
} from './generated/graphql.js';
import { type Actor, errorCodes, signUp, signUpAdmin, succeeded } from './support/actors.js';
import { createBrand, createBrief, rowId } from './support/bids.js';
import { nodeWith, useTestServer } from './support/test-server.js';
import { createLogger } from '../src/observability/logger.js';

const server = useTestServer({}, process.env.DEBUG_LOG ? { logger: createLogger({ level: 'error', pretty: false }) } : {});

let admin: Actor;
let handles = 0;
const handle = (prefix: string) => `${prefix}-${++handles}-${Date.now().toString(36)}`;
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

async function newCreator(name: string, verticalSlugs = ['beauty.functional-skincare']) {
  const actor = await signUp(server, name.replace(/\W+/g, '-'));
  const { creator } = succeeded(
    await server.graphql(CredCreatorCreateDocument, { input: { displayName: name, kind: 'REVIEWER', verticalSlugs } }, { token: actor.token }),
    'creatorProfileCreate',
  );
  return { actor, creator };
}

async function addChannel(owner: Actor, creatorId: string, followers: number, platform: 'DOUYIN' | 'XIAOHONGSHU' = 'DOUYIN') {
  return succeeded(
    await server.graphql(
      CredChannelAddDocument,
      { creatorId, input: { platform, handle: handle('channel'), followers, averageViews: Math.round(followers * 0.15), engagementRate: 0.05, realFollowerShare: 1 } },
      { token: owner.token },
    ),
    'channelAccountAdd',
  );
}

async function codeFor(owner: Actor, channelAccountId: string): Promise<string> {
  return succeeded(await server.graphql(CredVerificationCodeDocument, { channelAccountId }, { token: owner.token }), 'channelAccountVerificationCodeCreate').code;
}

async function creatorView(id: string, token?: string) {
  const result = await server.graphql(CredCreatorDocument, { id }, token ? { token } : {});
  expect(result.errors).toBeUndefined();
  return nodeWith(result.data?.node, 'credibilityHistory')!;
}

async function connectorWithKey(platform: 'DOUYIN' | 'XIAOHONGSHU', scopes: ('SNAPSHOTS_WRITE' | 'CHANNELS_VERIFY')[] = ['SNAPSHOTS_WRITE', 'CHANNELS_VERIFY']) {
  const { connector } = succeeded(await server.graphql(CredConnectorCreateDocument, { input: { name: handle(`${platform} sync`), platform } }, { token: admin.token }), 'connectorCreate');
  const issued = succeeded(await server.graphql(CredApiKeyCreateDocument, { input: { organisationId: connector.id, name: 'production', scopes } }, { token: admin.token }), 'apiKeyCreate');
  return { connector, key: issued.apiKey, secret: issued.secret };
}

beforeAll(async () => {
  admin = await signUpAdmin(server);
});

describe('a declared channel', () => {
  it('leaves the 5,000,000-follower newcomer at L1, with declared reach only and nothing gained in recommendations', async () => {
    const brand = await createBrand(server);
    const briefId = await createBrief(server, brand);
    const boasting = await newCreator('boasting newcomer');
    const { creator, channelAccount } = await addChannel(boasting.actor, boasting.creator.id, 5_000_000);

    expect(channelAccount.status).toBe('DECLARED');
    expect(channelAccount.followers).toBe(5_000_000);
    expect(channelAccount.verified).toBeNull();
    expect(creator).toMatchObject({ totalFollowers: 0, declaredFollowers: 5_000_000, audienceQuality: 0, credibility: { score: 0, level: 'L1' } });
    expect((await server.sql<{ platforms: string[] }>('select platforms from creator where id = ?', [rowId(boasting.creator.id)]))[0]!.platforms).toEqual([]);

    // Beside a twin with the same verified channel and nothing declared, the claim changes nothing.
    const quiet = await newCreator('quiet newcomer');
    for (const { actor, creator: profile } of [boasting, quiet]) {
      const { channelAccount: small } = await addChannel(actor, profile.id, 20_000, 'XIAOHONGSHU');
      succeeded(await server.graphql(CredChannelVerifyDocument, { input: { channelAccountId: small.id, code: await codeFor(actor, small.id) } }, { token: admin.token }), 'channelAccountVerify');
      const card: CreatorRateCardInput = { currency: 'CNY', minCommissionBp: 500, rates: [{ format: 'SHORT_VIDEO', minFixedFee: { amount: 300_000, currency: 'CNY' } }] };
      succeeded(await server.graphql(CredRateCardDocument, { creatorId: profile.id, input: card }, { token: actor.token }), 'creatorRateCardSet');
    }

    const matches = (await server.graphql(CredRecommendationsDocument, { briefId }, { token: brand.owner.token })).data!.briefMatchRecommendations!.edges.map((edge) => edge.node);
    const boastingMatch = matches.find((match) => match.creator?.id === boasting.creator.id);
    const quietMatch = matches.find((match) => match.creator?.id === quiet.creator.id);
    expect(boastingMatch).toBeDefined();
    expect(boastingMatch!.score).toBe(quietMatch!.score);
    expect(boastingMatch!.factors).toEqual(quietMatch!.factors);
  });

  it('counts once an admin confirms the one-time code, keeping who verified it and when, with a history entry', async () => {
    const { actor, creator } = await newCreator('verified reviewer');
    const { channelAccount } = await addChannel(actor, creator.id, 120_000);
    const code = await codeFor(actor, channelAccount.id);
    expect(code).toMatch(/^MCN-[2-9A-Z]{8}$/);

    const verified = succeeded(await server.graphql(CredChannelVerifyDocument, { input: { channelAccountId: channelAccount.id, code } }, { token: admin.token }), 'channelAccountVerify').channelAccount;
    expect(verified).toMatchObject({ status: 'VERIFIED', verified: { followers: 120_000 }, verification: { method: 'ADMIN' } });
    expect(verified.audit!.score).toBeGreaterThan(50);
    const [row] = await server.sql<{ verified_by_id: string }>('select verified_by_id from channel_account where id = ?', [rowId(channelAccount.id)]);
    expect(row!.verified_by_id).toBe(rowId(admin.userId));

    const view = await creatorView(creator.id, actor.token);
    expect(view.totalFollowers).toBe(120_000);
    expect(view.credibility.level).toBe('L2');
    expect(view.credibilityHistory!.edges[0]!.node).toMatchObject({ reason: 'CHANNEL_VERIFIED', previousLevel: 'L1', newLevel: 'L2' });
    expect(view.credibilityHistory!.edges[0]!.node.explanation).toContain('verified by an admin');
  });

  it('refuses a code that is wrong, reused, expired, or verified by its own holder, storing nothing', async () => {
    const { actor, creator } = await newCreator('careful creator');
    const first = (await addChannel(actor, creator.id, 50_000)).channelAccount;
    const second = (await addChannel(actor, creator.id, 60_000, 'XIAOHONGSHU')).channelAccount;
    const firstCode = await codeFor(actor, first.id);
    const verify = (channelAccountId: string, code: string, token = admin.token) => server.graphql(CredChannelVerifyDocument, { input: { channelAccountId, code } }, { token });

    expect(errorCodes(await verify(first.id, 'MCN-WRONG234'), 'channelAccountVerify')).toEqual(['VERIFICATION_CODE_INVALID']);
    expect(errorCodes(await verify(second.id, firstCode), 'channelAccountVerify')).toEqual(['VERIFICATION_CODE_INVALID']);
    succeeded(await verify(first.id, firstCode.toLowerCase()), 'channelAccountVerify');
    expect(errorCodes(await verify(first.id, firstCode), 'channelAccountVerify')).toEqual(['CHANNEL_ALREADY_VERIFIED']);

    const secondCode = await codeFor(actor, second.id);
    await server.sql("update channel_verification_code set expires_at = now() - interval '1 minute' where code = ?", [secondCode]);
    expect(errorCodes(await verify(second.id, secondCode), 'channelAccountVerify')).toEqual(['VERIFICATION_CODE_EXPIRED']);
    const thirdCode = await codeFor(actor, second.id);
    await server.sql('update channel_verification_code set used_at = now() where code = ?', [thirdCode]);
    expect(errorCodes(await verify(second.id, thirdCode), 'channelAccountVerify')).toEqual(['VERIFICATION_CODE_USED']);
    const [{ count }] = (await server.sql<{ count: string }>('select count(*) from channel_snapshot where channel_account_id = ?', [rowId(second.id)])) as [{ count: string }];
    expect(Number(count)).toBe(0);

    // An admin's own channel needs another admin; a creator cannot verify at all.
    const ownCode = await codeFor(actor, second.id);
    expect((await verify(second.id, ownCode, actor.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('drops the verification when the handle changes, with a history entry saying why', async () => {
    const { actor, creator } = await newCreator('renamed creator');
    const { channelAccount } = await addChannel(actor, creator.id, 200_000);
    succeeded(await server.graphql(CredChannelVerifyDocument, { input: { channelAccountId: channelAccount.id, code: await codeFor(actor, channelAccount.id) } }, { token: admin.token }), 'channelAccountVerify');

    const followersOnly = succeeded(await server.graphql(CredChannelUpdateDocument, { id: channelAccount.id, input: { followers: 9_000_000 } }, { token: actor.token }), 'channelAccountUpdate');
    expect(followersOnly.channelAccount).toMatchObject({ status: 'VERIFIED', followers: 9_000_000, verified: { followers: 200_000 } });
    expect(followersOnly.creator.totalFollowers).toBe(200_000);

    const renamed = succeeded(await server.graphql(CredChannelUpdateDocument, { id: channelAccount.id, input: { handle: handle('renamed') } }, { token: actor.token }), 'channelAccountUpdate');
    expect(renamed.channelAccount).toMatchObject({ status: 'DECLARED', verified: null, verification: null, audit: null });
    expect(renamed.creator).toMatchObject({ totalFollowers: 0, credibility: { level: 'L1' } });
    const history = (await creatorView(creator.id, actor.token)).credibilityHistory!.edges.map((edge) => edge.node);
    expect(history[0]).toMatchObject({ reason: 'CHANNEL_VERIFICATION_DROPPED', previousLevel: 'L2', newLevel: 'L1' });
    expect(history[0]!.explanation).toContain('(dropped)');
  });
});

describe('connector snapshots', () => {
  let owner: Actor;
  let creatorId: string;
  let channelId: string;
  let douyin: Awaited<ReturnType<typeof connectorWithKey>>;

  const snapshot = (overrides: Partial<ChannelSnapshotInput> = {}): ChannelSnapshotInput => ({
    channelAccountId: channelId,
    snapshotId: handle('snap'),
    capturedAt: daysAgo(1),
    followers: 300_000,
    averageViews: 45_000,
    engagementRate: 0.05,
    realFollowerShare: 0.94,
    audience: { femaleShare: 0.8, maleShare: 0.2, ageBands: [], topRegions: [] },
    followerHistory: [
      { at: daysAgo(90), followers: 240_000 },
      { at: daysAgo(60), followers: 262_000 },
      { at: daysAgo(30), followers: 281_000 },
    ],
    ...overrides,
  });
  const record = (input: ChannelSnapshotInput, secret = douyin.secret) => server.graphql(CredSnapshotRecordDocument, { input }, { token: secret });
  const snapshotCount = async () => Number((await server.sql<{ count: string }>('select count(*) from channel_snapshot where channel_account_id = ?', [rowId(channelId)]))[0]!.count);

  beforeAll(async () => {
    douyin = await connectorWithKey('DOUYIN');
    const made = await newCreator('skincare reviewer');
    owner = made.actor;
    creatorId = made.creator.id;
    channelId = (await addChannel(owner, creatorId, 310_000)).channelAccount.id;
  });

  it('refuses a snapshot for a channel that is not verified yet', async () => {
    expect(errorCodes(await record(snapshot()), 'channelSnapshotRecord')).toEqual(['CHANNEL_NOT_VERIFIED']);
  });

  it('lets the platform’s connector confirm the code with its key', async () => {
    const code = await codeFor(owner, channelId);
    const verified = succeeded(await server.graphql(CredChannelVerifyDocument, { input: { channelAccountId: channelId, code } }, { token: douyin.secret }), 'channelAccountVerify');
    expect(verified.channelAccount).toMatchObject({ status: 'VERIFIED', verification: { method: 'CONNECTOR' }, verified: null });
  });

  it('moves credibility with a verified snapshot, with a history entry, and records the key’s last use', async () => {
    const before = await creatorView(creatorId, owner.token);
    const result = succeeded(await record(snapshot()), 'channelSnapshotRecord');
    expect(result.replayed).toBe(false);
    expect(result.snapshot.source).toBe('CONNECTOR');
    expect(result.channelAccount.verified).toEqual({ followers: 300_000, realFollowerShare: 0.94 });
    const after = await creatorView(creatorId, owner.token);
    expect(after.totalFollowers).toBe(300_000);
    expect(after.credibility.score).toBeGreaterThan(before.credibility.score);
    expect(after.credibilityHistory!.edges[0]!.node).toMatchObject({ reason: 'AUDIT_CHANGED' });
    expect(after.credibilityHistory!.edges[0]!.node.explanation).toContain('300,000 followers');
    const keys = (await server.graphql(CredApiKeysDocument, { organisationId: douyin.connector.id }, { token: admin.token })).data!.apiKeys!;
    expect(keys[0]!.lastUsedAt).not.toBeNull();
  });

  it('stores a replayed snapshot once, and refuses the same id with other content or an older snapshot', async () => {
    const input = snapshot({ capturedAt: daysAgo(0.5) });
    succeeded(await record(input), 'channelSnapshotRecord');
    const count = await snapshotCount();
    const replay = succeeded(await record(input), 'channelSnapshotRecord');
    expect(replay.replayed).toBe(true);
    expect(errorCodes(await record({ ...input, followers: 400_000 }), 'channelSnapshotRecord')).toEqual(['SNAPSHOT_ID_REUSED']);
    expect(errorCodes(await record(snapshot({ capturedAt: daysAgo(2) })), 'channelSnapshotRecord')).toEqual(['SNAPSHOT_OUT_OF_ORDER']);
    expect(await snapshotCount()).toBe(count);
  });

  it('refuses impossible figures with typed errors, storing nothing', async () => {
    const count = await snapshotCount();
    const cases: [Partial<ChannelSnapshotInput>, string[]][] = [
      [{ followers: -1 }, ['input', 'followers']],
      [{ followers: 2_000_000_001 }, ['input', 'followers']],
      [{ engagementRate: 1.5 }, ['input', 'engagementRate']],
      [{ realFollowerShare: -0.1 }, ['input', 'realFollowerShare']],
      [{ audience: { femaleShare: 1.2, maleShare: 0, ageBands: [], topRegions: [] } }, ['input', 'audience', 'femaleShare']],
      [{ capturedAt: new Date(Date.now() + 86_400_000).toISOString() }, ['input', 'capturedAt']],
      [{ followerHistory: [{ at: daysAgo(3), followers: -5 }] }, ['input', 'followerHistory', '0', 'followers']],
    ];
    for (const [overrides, field] of cases) {
      const result = await record(snapshot({ capturedAt: daysAgo(0.1), ...overrides }));
      expect(result.errors, JSON.stringify(overrides)).toBeUndefined();
      expect(result.data!.channelSnapshotRecord.userErrors.map((error) => error.field), JSON.stringify(overrides)).toContainEqual(field);
    }
    expect(await snapshotCount()).toBe(count);
  });

  it('lets a key act only within its scopes and for its own platform', async () => {
    const verifyOnly = await connectorWithKey('DOUYIN', ['CHANNELS_VERIFY']);
    expect((await record(snapshot({ capturedAt: daysAgo(0.05) }), verifyOnly.secret)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const xiaohongshu = await connectorWithKey('XIAOHONGSHU');
    expect(errorCodes(await record(snapshot({ capturedAt: daysAgo(0.05) }), xiaohongshu.secret), 'channelSnapshotRecord')).toEqual(['NOT_FOUND']);
    expect(errorCodes(await record(snapshot({ channelAccountId: 'Q2hhbm5lbEFjY291bnQ6MDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAw' })), 'channelSnapshotRecord')).toEqual(['NOT_FOUND']);
    // A signed-in person is not a connector.
    expect((await server.graphql(CredSnapshotRecordDocument, { input: snapshot() }, { token: owner.token })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // A key is no session: everything else treats it as anonymous.
    expect((await server.graphql(CredApiKeysDocument, { organisationId: douyin.connector.id }, { token: douyin.secret })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lowers a padded channel’s audit, with reasons, and its creator’s credibility', async () => {
    const before = await creatorView(creatorId, owner.token);
    const padded = succeeded(
      await record(
        snapshot({
          capturedAt: daysAgo(0.01),
          followers: 2_400_000,
          averageViews: 9_000,
          engagementRate: 0.004,
          realFollowerShare: 0.31,
          audience: { femaleShare: 0.3, maleShare: 0.7, ageBands: [], topRegions: [] },
          followerHistory: [
            { at: daysAgo(90), followers: 280_000 },
            { at: daysAgo(60), followers: 290_000 },
            { at: daysAgo(30), followers: 300_000 },
            { at: daysAgo(20), followers: 2_350_000 },
          ],
        }),
      ),
      'channelSnapshotRecord',
    );
    const audit = padded.snapshot.audit;
    expect(audit.score).toBeLessThan(20);
    expect(audit.score).toBeLessThan(before.channelAccounts[0]!.audit!.score);
    const reasons = Object.fromEntries(audit.factors.map((factor) => [factor.kind, factor]));
    expect(reasons.FOLLOWER_GROWTH!.sentence).toMatch(/burst/);
    expect(reasons.REAL_FOLLOWERS!.sentence).toContain('31 %');
    expect(reasons.ENGAGEMENT!.value).toBeLessThan(0.2);
    const after = await creatorView(creatorId, owner.token);
    expect(after.audienceQuality).toBeLessThan(before.audienceQuality);
    expect(after.credibility.score).toBeLessThan(before.credibility.score);
    expect(after.credibilityHistory!.edges[0]!.node.explanation).toMatch(/audience audit \d+ → \d+\/100/);
    expect(after.channelAccounts[0]!.snapshots.length).toBeGreaterThanOrEqual(3);
  });
});

describe('organisation API keys', () => {
  it('are shown once, listed by their prefix, refused after revocation and replaced by rotation', async () => {
    const { connector, key, secret } = await connectorWithKey('DOUYIN');
    expect(secret.startsWith(key.prefix)).toBe(true);
    const listed = (await server.graphql(CredApiKeysDocument, { organisationId: connector.id }, { token: admin.token })).data!.apiKeys!;
    expect(JSON.stringify(listed)).not.toContain(secret);
    const [stored] = await server.sql<{ secret_hash: string }>('select secret_hash from api_key where id = ?', [rowId(key.id)]);
    expect(stored!.secret_hash).not.toContain(secret.slice(9));

    const rotated = succeeded(await server.graphql(CredApiKeyRotateDocument, { id: key.id }, { token: admin.token }), 'apiKeyRotate');
    expect(rotated.secret).not.toBe(secret);
    const anyRequest = (token: string) => server.graphql(CredLevelsDocument, {}, { token });
    expect((await anyRequest(secret)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await anyRequest(rotated.secret)).errors).toBeUndefined();

    succeeded(await server.graphql(CredApiKeyRevokeDocument, { id: rotated.apiKey.id }, { token: admin.token }), 'apiKeyRevoke');
    expect((await anyRequest(rotated.secret)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(errorCodes(await server.graphql(CredApiKeyRevokeDocument, { id: rotated.apiKey.id }, { token: admin.token }), 'apiKeyRevoke')).toEqual(['KEY_REVOKED']);
  });

  it('are managed only by the organisation’s owners, and hold only scopes their kind allows', async () => {
    const brand = await createBrand(server);
    const stranger = await signUp(server, 'stranger');
    const create = (token: string, scopes: ('SNAPSHOTS_WRITE' | 'CHANNELS_VERIFY')[]) =>
      server.graphql(CredApiKeyCreateDocument, { input: { organisationId: brand.brandId, name: 'shop', scopes } }, { token });
    expect((await create(stranger.token, ['SNAPSHOTS_WRITE'])).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(errorCodes(await create(brand.owner.token, ['SNAPSHOTS_WRITE']), 'apiKeyCreate')).toEqual(['SCOPE_NOT_ALLOWED']);
    expect(errorCodes(await create(brand.owner.token, []), 'apiKeyCreate')).toEqual(['OUT_OF_RANGE']);
    expect((await server.graphql(CredApiKeysDocument, { organisationId: brand.brandId }, { token: stranger.token })).data!.apiKeys).toBeNull();
    const { connector } = await connectorWithKey('DOUYIN');
    expect((await server.graphql(CredApiKeyCreateDocument, { input: { organisationId: connector.id, name: 'x', scopes: ['SNAPSHOTS_WRITE'] } }, { token: brand.owner.token })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('levels', () => {
  it('are one public table of stated requirements', async () => {
    const levels = (await server.graphql(CredLevelsDocument)).data!.credibilityLevels;
    expect(levels.map((level) => [level.level, level.minScore, level.verifiedIdentity, level.minSettledDeals])).toEqual([
      ['L1', 0, false, 0],
      ['L2', 20, true, 0],
      ['L3', 35, true, 0],
      ['L4', 50, true, 3],
      ['L5', 70, true, 5],
    ]);
  });
});

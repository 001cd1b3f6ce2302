import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromGlobalId } from '../src/graphql/global-id.js';
import { type Actor, errorCodes, signUp, signUpAdmin, succeeded } from './support/actors.js';
import { startTestServer, type TestServer, useTestServer } from './support/test-server.js';

const server = useTestServer();

const CREATOR_FIELDS = /* GraphQL */ `
  id displayName bio kind nicheTags capacity activeDealCount availableSlots totalFollowers audienceQuality createdAt
  verticals { slug }
  credibility { score level }
  rateCard { currency minCommissionBp rates { format minFixedFee { amount currency } } }
  channelAccounts { id platform handle followers }
`;
const ACCOUNT_FIELDS = /* GraphQL */ `
  id platform handle followers averageViews engagementRate realFollowerShare updatedAt
  audience { femaleShare maleShare ageBands { band share } topRegions { region share } }
  creator { id }
`;

const CREATE = `mutation($input: CreatorProfileCreateInput!) { creatorProfileCreate(input: $input) { creator { ${CREATOR_FIELDS} } userErrors { code field message } } }`;
const UPDATE = `mutation($id: ID!, $input: CreatorProfileUpdateInput!) { creatorProfileUpdate(id: $id, input: $input) { creator { ${CREATOR_FIELDS} } userErrors { code field message } } }`;
const RATE_CARD = `mutation($creatorId: ID!, $input: CreatorRateCardInput!) { creatorRateCardSet(creatorId: $creatorId, input: $input) { creator { ${CREATOR_FIELDS} } userErrors { code field message } } }`;
const ADD = `mutation($creatorId: ID!, $input: ChannelAccountAddInput!) { channelAccountAdd(creatorId: $creatorId, input: $input) { channelAccount { ${ACCOUNT_FIELDS} } creator { ${CREATOR_FIELDS} } userErrors { code field message } } }`;
const CHANGE = `mutation($id: ID!, $input: ChannelAccountUpdateInput!) { channelAccountUpdate(id: $id, input: $input) { channelAccount { ${ACCOUNT_FIELDS} } creator { ${CREATOR_FIELDS} } userErrors { code field message } } }`;
const REMOVE = `mutation($id: ID!) { channelAccountRemove(id: $id) { removedChannelAccountId creator { ${CREATOR_FIELDS} } userErrors { code field message } } }`;
const NODE = `query($id: ID!) { node(id: $id) { id ... on Creator { ${CREATOR_FIELDS} } ... on ChannelAccount { ${ACCOUNT_FIELDS} } } }`;
const CREATORS = `query($filter: CreatorFilter, $first: Int = 20, $after: String) {
  creators(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id displayName credibility { score level } } }
  }
}`;

interface CreatorView {
  id: string;
  displayName: string;
  bio: string;
  kind: string;
  nicheTags: string[];
  capacity: number;
  availableSlots: number;
  totalFollowers: number;
  audienceQuality: number;
  verticals: { slug: string }[];
  credibility: { score: number; level: string };
  rateCard: { currency: string; minCommissionBp: number; rates: { format: string; minFixedFee: { amount: number; currency: string } }[] };
  channelAccounts: { id: string; platform: string; handle: string; followers: number }[];
}
interface AccountView {
  id: string;
  handle: string;
  followers: number;
  audience: { femaleShare: number; ageBands: { band: string; share: number }[] };
  creator: { id: string };
}
type Payload = Record<string, { creator: CreatorView; channelAccount: AccountView; removedChannelAccountId: string; userErrors: { code: string; field: string[] }[] }>;

let handles = 0;
const uniqueHandle = (prefix = 'handle') => `${prefix}-${++handles}-${Date.now().toString(36)}`;

async function createCreator(on: TestServer, actor: Actor, input: Record<string, unknown> = {}): Promise<CreatorView> {
  const result = await on.graphql<Payload>(CREATE, { input: { displayName: 'Creator', kind: 'REVIEWER', ...input } }, { token: actor.token });
  return succeeded<{ creator: CreatorView }>(result as never, 'creatorProfileCreate').creator;
}

async function addAccount(on: TestServer, actor: Actor, creatorId: string, input: Record<string, unknown>) {
  const result = await on.graphql<Payload>(ADD, { creatorId, input: { platform: 'DOUYIN', handle: uniqueHandle(), followers: 1000, ...input } }, { token: actor.token });
  return succeeded<{ channelAccount: AccountView; creator: CreatorView }>(result as never, 'channelAccountAdd');
}

const count = async (statement: string, parameters: unknown[] = []) => (await server.sql<{ n: number }>(statement, parameters))[0]!.n;
/** The database id behind an actor's global user id, for checking rows directly. */
const uid = (actor: Actor) => fromGlobalId(actor.userId)!.id;

describe('creatorProfileCreate', () => {
  it('creates the signed-in account’s profile, shown under viewer.creatorProfile', async () => {
    const actor = await signUp(server, 'lin');
    const creator = await createCreator(server, actor, {
      displayName: ' Dr Lin ',
      bio: 'Dermatologist',
      kind: 'PROFESSIONAL',
      verticalSlugs: ['beauty.functional-skincare', 'health'],
      nicheTags: ['Ceramide', 'ceramide', 'Hyaluronic Acid'],
      capacity: 4,
    });
    expect(creator).toMatchObject({
      displayName: 'Dr Lin',
      bio: 'Dermatologist',
      kind: 'PROFESSIONAL',
      verticals: [{ slug: 'beauty.functional-skincare' }, { slug: 'health' }],
      nicheTags: ['ceramide', 'hyaluronic-acid'],
      capacity: 4,
      availableSlots: 4,
      totalFollowers: 0,
      audienceQuality: 0,
      credibility: { score: 0, level: 'L1' },
      rateCard: { currency: 'CNY', minCommissionBp: 0, rates: [] },
      channelAccounts: [],
    });
    const viewer = await server.graphql<{ viewer: { creatorProfile: { id: string } } }>(`{ viewer { creatorProfile { id } } }`, {}, { token: actor.token });
    expect(viewer.data?.viewer.creatorProfile.id).toBe(creator.id);
  });

  it('answers null for an account without a profile', async () => {
    const actor = await signUp(server, 'plain');
    const viewer = await server.graphql(`{ viewer { creatorProfile { id } } }`, {}, { token: actor.token });
    expect(viewer.data).toEqual({ viewer: { creatorProfile: null } });
  });

  it('refuses a second profile for the same account with PROFILE_EXISTS', async () => {
    const actor = await signUp(server, 'twice');
    await createCreator(server, actor);
    const again = await server.graphql(CREATE, { input: { displayName: 'Again', kind: 'REVIEWER' } }, { token: actor.token });
    expect(errorCodes(again as never, 'creatorProfileCreate')).toEqual(['PROFILE_EXISTS']);
    expect(await count('select count(*)::int as n from creator where user_id = ?', [uid(actor)])).toBe(1);
  });

  it('lets only one of several simultaneous creates through', async () => {
    const actor = await signUp(server, 'race');
    const results = await Promise.all(
      Array.from({ length: 6 }, () => server.graphql(CREATE, { input: { displayName: 'Race', kind: 'LIFESTYLE' } }, { token: actor.token })),
    );
    const codes = results.map((result) => errorCodes(result as never, 'creatorProfileCreate')[0] ?? 'OK');
    expect(codes.filter((code) => code === 'OK')).toHaveLength(1);
    expect(codes.filter((code) => code === 'PROFILE_EXISTS')).toHaveLength(5);
    expect(await count('select count(*)::int as n from creator where user_id = ?', [uid(actor)])).toBe(1);
  });

  it.each([
    ['an unknown vertical', { verticalSlugs: ['beauty', 'no-such-vertical'] }, 'UNKNOWN_VERTICAL', ['input', 'verticalSlugs']],
    ['a blank display name', { displayName: '   ' }, 'OUT_OF_RANGE', ['input', 'displayName']],
    ['capacity 0', { capacity: 0 }, 'OUT_OF_RANGE', ['input', 'capacity']],
    ['capacity above 100', { capacity: 101 }, 'OUT_OF_RANGE', ['input', 'capacity']],
    ['more than 20 niche tags', { nicheTags: Array.from({ length: 21 }, (_, index) => `tag-${index}`) }, 'OUT_OF_RANGE', ['input', 'nicheTags']],
  ])('refuses %s and creates nothing', async (_label, change, code, field) => {
    const actor = await signUp(server, 'bad');
    const result = await server.graphql<Payload>(CREATE, { input: { displayName: 'X', kind: 'REVIEWER', ...change } }, { token: actor.token });
    expect(errorCodes(result as never, 'creatorProfileCreate')).toEqual([code]);
    expect(result.data?.creatorProfileCreate?.userErrors[0]?.field).toEqual(field);
    expect(await count('select count(*)::int as n from creator where user_id = ?', [uid(actor)])).toBe(0);
  });

  it('needs a signed-in account', async () => {
    const result = await server.graphql(CREATE, { input: { displayName: 'X', kind: 'REVIEWER' } });
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(result.data).toBeNull();
  });
});

describe('creatorProfileUpdate', () => {
  it('changes only the fields given, for the owner', async () => {
    const owner = await signUp(server, 'owner');
    const creator = await createCreator(server, owner, { nicheTags: ['dha'], capacity: 3 });
    const result = await server.graphql<Payload>(
      UPDATE,
      { id: creator.id, input: { displayName: 'Renamed', verticalSlugs: ['mother-baby.infant-food-supplements'], bio: null } },
      { token: owner.token },
    );
    const updated = succeeded<{ creator: CreatorView }>(result as never, 'creatorProfileUpdate').creator;
    expect(updated).toMatchObject({ displayName: 'Renamed', kind: 'REVIEWER', nicheTags: ['dha'], capacity: 3, verticals: [{ slug: 'mother-baby.infant-food-supplements' }] });
  });

  it('forbids anyone but the owner, admins included, and changes nothing', async () => {
    const owner = await signUp(server, 'owner');
    const creator = await createCreator(server, owner, { displayName: 'Original' });
    for (const other of [await signUp(server, 'stranger'), await signUpAdmin(server)]) {
      const result = await server.graphql(UPDATE, { id: creator.id, input: { displayName: 'Hijacked' } }, { token: other.token });
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const anonymous = await server.graphql(UPDATE, { id: creator.id, input: { displayName: 'Hijacked' } });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await server.sql('select display_name from creator where user_id = ?', [uid(owner)])).toEqual([{ display_name: 'Original' }]);
  });

  it('answers NOT_FOUND alike for a missing creator, an id of another type and garbage', async () => {
    const owner = await signUp(server, 'owner');
    const missing = Buffer.from('Creator:00000000-0000-0000-0000-000000000000').toString('base64url');
    for (const id of [missing, owner.userId, 'garbage']) {
      const result = await server.graphql<Payload>(UPDATE, { id, input: { displayName: 'X' } }, { token: owner.token });
      expect(errorCodes(result as never, 'creatorProfileUpdate')).toEqual(['NOT_FOUND']);
      expect(result.data?.creatorProfileUpdate?.userErrors[0]?.field).toEqual(['id']);
    }
  });

  it.each([
    ['an unknown vertical', { verticalSlugs: ['nope'] }, 'UNKNOWN_VERTICAL'],
    ['capacity 0', { capacity: 0 }, 'OUT_OF_RANGE'],
    ['a display name over 120 characters', { displayName: 'x'.repeat(121) }, 'OUT_OF_RANGE'],
  ])('refuses %s and changes nothing', async (_label, change, code) => {
    const owner = await signUp(server, 'owner');
    const creator = await createCreator(server, owner, { displayName: 'Kept', verticalSlugs: ['food'], capacity: 5 });
    const result = await server.graphql(UPDATE, { id: creator.id, input: { displayName: 'Changed', ...change } }, { token: owner.token });
    expect(errorCodes(result as never, 'creatorProfileUpdate')).toEqual([code]);
    expect(await server.sql('select display_name, vertical_slugs, capacity from creator where user_id = ?', [uid(owner)])).toEqual([
      { display_name: 'Kept', vertical_slugs: ['food'], capacity: 5 },
    ]);
  });
});

describe('channel accounts', () => {
  const audience = {
    femaleShare: 0.8,
    maleShare: 0.2,
    ageBands: [
      { band: 'AGE_25_30', share: 0.5 },
      { band: 'AGE_31_40', share: 0.5 },
    ],
    topRegions: [{ region: 'Shanghai', share: 0.3 }],
  };

  it('adds an account and brings follower totals, audience quality and credibility up to date', async () => {
    const owner = await signUp(server, 'channels');
    const creator = await createCreator(server, owner);
    const first = await addAccount(server, owner, creator.id, { platform: 'DOUYIN', followers: 900_000, realFollowerShare: 0.6, audience, engagementRate: 0.05, averageViews: 12_000 });
    expect(first.channelAccount).toMatchObject({ followers: 900_000, audience: { femaleShare: 0.8, ageBands: audience.ageBands }, creator: { id: creator.id } });
    // 0.6 real followers earns 30 × (0.6 − 0.4) / 0.6 = 10 points.
    expect(first.creator).toMatchObject({ totalFollowers: 900_000, credibility: { score: 10, level: 'L1' } });
    expect(first.creator.audienceQuality).toBeCloseTo(0.6, 10);

    const second = await addAccount(server, owner, creator.id, { platform: 'XIAOHONGSHU', followers: 100_000, realFollowerShare: 1 });
    expect(second.creator.totalFollowers).toBe(1_000_000);
    expect(second.creator.audienceQuality).toBeCloseTo(0.64, 10);
    expect(second.creator.credibility).toEqual({ score: 12, level: 'L1' });
    expect(second.creator.channelAccounts.map((account) => account.followers)).toEqual([900_000, 100_000]);
  });

  it('updates totals when an account changes and when it is removed', async () => {
    const owner = await signUp(server, 'changes');
    const creator = await createCreator(server, owner);
    const { channelAccount } = await addAccount(server, owner, creator.id, { followers: 5000, realFollowerShare: 0.4 });
    await addAccount(server, owner, creator.id, { platform: 'BILIBILI', followers: 1000, realFollowerShare: 1 });

    const changed = await server.graphql<Payload>(CHANGE, { id: channelAccount.id, input: { followers: 9000, realFollowerShare: 1 } }, { token: owner.token });
    const afterChange = succeeded<{ channelAccount: AccountView; creator: CreatorView }>(changed as never, 'channelAccountUpdate');
    expect(afterChange.channelAccount.followers).toBe(9000);
    expect(afterChange.creator).toMatchObject({ totalFollowers: 10_000, audienceQuality: 1, credibility: { score: 30, level: 'L2' } });

    const removed = await server.graphql<Payload>(REMOVE, { id: channelAccount.id }, { token: owner.token });
    const afterRemove = succeeded<{ removedChannelAccountId: string; creator: CreatorView }>(removed as never, 'channelAccountRemove');
    expect(afterRemove.removedChannelAccountId).toBe(channelAccount.id);
    expect(afterRemove.creator).toMatchObject({ totalFollowers: 1000, credibility: { score: 30, level: 'L2' } });
    expect(afterRemove.creator.channelAccounts.map((account) => account.platform)).toEqual(['BILIBILI']);
    expect((await server.graphql(NODE, { id: channelAccount.id })).data).toEqual({ node: null });

    const lastId = afterRemove.creator.channelAccounts[0]!.id;
    const emptied = await server.graphql<Payload>(REMOVE, { id: lastId }, { token: owner.token });
    expect(succeeded<{ creator: CreatorView }>(emptied as never, 'channelAccountRemove').creator).toMatchObject({
      totalFollowers: 0,
      audienceQuality: 0,
      credibility: { score: 0, level: 'L1' },
    });
  });

  it('keeps an audience it was not given and replaces it when it is', async () => {
    const owner = await signUp(server, 'audience');
    const creator = await createCreator(server, owner);
    const { channelAccount } = await addAccount(server, owner, creator.id, { audience });
    const kept = await server.graphql<Payload>(CHANGE, { id: channelAccount.id, input: { averageViews: 10 } }, { token: owner.token });
    expect(succeeded<{ channelAccount: AccountView }>(kept as never, 'channelAccountUpdate').channelAccount.audience.femaleShare).toBe(0.8);
    const replaced = await server.graphql<Payload>(
      CHANGE,
      { id: channelAccount.id, input: { audience: { femaleShare: 0.1, maleShare: 0.9, ageBands: [], topRegions: [] } } },
      { token: owner.token },
    );
    expect(succeeded<{ channelAccount: AccountView }>(replaced as never, 'channelAccountUpdate').channelAccount.audience).toMatchObject({ femaleShare: 0.1, ageBands: [] });
  });

  it.each([
    ['negative followers', { followers: -1 }, 'OUT_OF_RANGE', ['input', 'followers']],
    ['negative average views', { averageViews: -1 }, 'OUT_OF_RANGE', ['input', 'averageViews']],
    ['an engagement rate above 1', { engagementRate: 1.5 }, 'OUT_OF_RANGE', ['input', 'engagementRate']],
    ['a negative real-follower share', { realFollowerShare: -0.1 }, 'OUT_OF_RANGE', ['input', 'realFollowerShare']],
    ['an audience share above 1', { audience: { ...audience, femaleShare: 1.2, maleShare: 0 } }, 'OUT_OF_RANGE', ['input', 'audience', 'femaleShare']],
    ['an age-band share below 0', { audience: { ...audience, ageBands: [{ band: 'OVER_50', share: -0.2 }] } }, 'OUT_OF_RANGE', ['input', 'audience', 'ageBands', '0', 'share']],
    ['female and male shares above 1', { audience: { ...audience, femaleShare: 0.7, maleShare: 0.4 } }, 'INVALID', ['input', 'audience', 'maleShare']],
    [
      'age-band shares above 1',
      { audience: { ...audience, ageBands: [{ band: 'AGE_18_24', share: 0.6 }, { band: 'AGE_25_30', share: 0.400002 }] } },
      'INVALID',
      ['input', 'audience', 'ageBands'],
    ],
    [
      'the same age band twice',
      { audience: { ...audience, ageBands: [{ band: 'AGE_18_24', share: 0.2 }, { band: 'AGE_18_24', share: 0.3 }] } },
      'INVALID',
      ['input', 'audience', 'ageBands', '1', 'band'],
    ],
  ])('refuses %s on add and on update, and writes nothing', async (_label, change, code, field) => {
    const owner = await signUp(server, 'invalid');
    const creator = await createCreator(server, owner);
    const { channelAccount } = await addAccount(server, owner, creator.id, { followers: 700, audience });
    const before = await server.sql('select * from channel_account where id = (select id from channel_account where handle = ?)', [channelAccount.handle]);
    const creatorBefore = await server.sql('select total_followers, audience_quality, credibility_score from creator where user_id = ?', [uid(owner)]);

    const added = await server.graphql<Payload>(ADD, { creatorId: creator.id, input: { platform: 'WEIBO', handle: uniqueHandle(), followers: 10, ...change } }, { token: owner.token });
    expect(errorCodes(added as never, 'channelAccountAdd')).toEqual([code]);
    expect(added.data?.channelAccountAdd?.userErrors[0]?.field).toEqual(field);

    const updated = await server.graphql<Payload>(CHANGE, { id: channelAccount.id, input: { handle: 'renamed', ...change } }, { token: owner.token });
    expect(errorCodes(updated as never, 'channelAccountUpdate')).toEqual([code]);
    expect(updated.data?.channelAccountUpdate?.userErrors[0]?.field).toEqual(field);

    expect(await count('select count(*)::int as n from channel_account where creator_id = (select id from creator where user_id = ?)', [uid(owner)])).toBe(1);
    expect(await server.sql('select * from channel_account where id = (select id from channel_account where handle = ?)', [channelAccount.handle])).toEqual(before);
    expect(await server.sql('select total_followers, audience_quality, credibility_score from creator where user_id = ?', [uid(owner)])).toEqual(creatorBefore);
  });

  it('accepts age-band shares that overshoot 1 only by rounding', async () => {
    const owner = await signUp(server, 'rounding');
    const creator = await createCreator(server, owner);
    const bands = [{ band: 'AGE_18_24', share: 0.3333334 }, { band: 'AGE_25_30', share: 0.3333334 }, { band: 'AGE_31_40', share: 0.3333334 }];
    const { channelAccount } = await addAccount(server, owner, creator.id, { audience: { ...audience, ageBands: bands } });
    expect(channelAccount.audience.ageBands).toHaveLength(3);
  });

  it('refuses a (platform, handle) another creator already registered with DUPLICATE, on add and on update', async () => {
    const first = await signUp(server, 'first');
    const second = await signUp(server, 'second');
    const firstCreator = await createCreator(server, first);
    const secondCreator = await createCreator(server, second);
    const handle = uniqueHandle('taken');
    await addAccount(server, first, firstCreator.id, { platform: 'KUAISHOU', handle });

    const added = await server.graphql<Payload>(ADD, { creatorId: secondCreator.id, input: { platform: 'KUAISHOU', handle, followers: 5 } }, { token: second.token });
    expect(errorCodes(added as never, 'channelAccountAdd')).toEqual(['DUPLICATE']);
    expect(added.data?.channelAccountAdd?.userErrors[0]?.field).toEqual(['input', 'handle']);

    // The same handle on another platform is someone else's account and is fine.
    const other = await addAccount(server, second, secondCreator.id, { platform: 'DOUYIN', handle, followers: 5 });
    const moved = await server.graphql(CHANGE, { id: other.channelAccount.id, input: { platform: 'KUAISHOU' } }, { token: second.token });
    expect(errorCodes(moved as never, 'channelAccountUpdate')).toEqual(['DUPLICATE']);
    expect(await server.sql('select platform from channel_account where creator_id = (select id from creator where user_id = ?)', [uid(second)])).toEqual([
      { platform: 'DOUYIN' },
    ]);
    expect(await server.sql('select total_followers from creator where user_id = ?', [uid(second)])).toEqual([{ total_followers: '5' }]);
  });

  it('lets only the owner add, change or remove accounts', async () => {
    const owner = await signUp(server, 'owner');
    const creator = await createCreator(server, owner);
    const { channelAccount } = await addAccount(server, owner, creator.id, { followers: 42 });
    const stranger = await signUp(server, 'stranger');
    const attempts = [
      [ADD, { creatorId: creator.id, input: { platform: 'WEIBO', handle: uniqueHandle(), followers: 1 } }],
      [CHANGE, { id: channelAccount.id, input: { followers: 1 } }],
      [REMOVE, { id: channelAccount.id }],
    ] as const;
    for (const [mutation, variables] of attempts) {
      expect((await server.graphql(mutation, variables, { token: stranger.token })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await server.graphql(mutation, variables)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    expect(await server.sql('select followers from channel_account where creator_id = (select id from creator where user_id = ?)', [uid(owner)])).toEqual([
      { followers: 42 },
    ]);
  });

  it('answers NOT_FOUND for a channel account that does not exist', async () => {
    const owner = await signUp(server, 'owner');
    const creator = await createCreator(server, owner);
    const removed = await server.graphql(REMOVE, { id: creator.id }, { token: owner.token });
    expect(errorCodes(removed as never, 'channelAccountRemove')).toEqual(['NOT_FOUND']);
    const added = await server.graphql(ADD, { creatorId: 'nope', input: { platform: 'WEIBO', handle: uniqueHandle(), followers: 1 } }, { token: owner.token });
    expect(errorCodes(added as never, 'channelAccountAdd')).toEqual(['NOT_FOUND']);
  });

  it('shows creators and their channel accounts to anyone through node(id:)', async () => {
    const owner = await signUp(server, 'public');
    const creator = await createCreator(server, owner, { displayName: 'Public' });
    const { channelAccount } = await addAccount(server, owner, creator.id, { followers: 77 });
    const creatorNode = await server.graphql<{ node: CreatorView }>(NODE, { id: creator.id });
    expect(creatorNode.data?.node).toMatchObject({ id: creator.id, displayName: 'Public', totalFollowers: 77, channelAccounts: [{ id: channelAccount.id }] });
    const accountNode = await server.graphql<{ node: AccountView }>(NODE, { id: channelAccount.id });
    expect(accountNode.data?.node).toMatchObject({ id: channelAccount.id, followers: 77, creator: { id: creator.id } });
  });
});

describe('creatorRateCardSet', () => {
  const card = {
    currency: 'CNY',
    minCommissionBp: 1500,
    rates: [
      { format: 'SHORT_VIDEO', minFixedFee: { amount: 800_00, currency: 'CNY' } },
      { format: 'LIVE_STREAM', minFixedFee: { amount: 5000_00, currency: 'CNY' } },
    ],
  };

  it('replaces the whole card', async () => {
    const owner = await signUp(server, 'rates');
    const creator = await createCreator(server, owner);
    const first = succeeded<{ creator: CreatorView }>((await server.graphql(RATE_CARD, { creatorId: creator.id, input: card }, { token: owner.token })) as never, 'creatorRateCardSet');
    expect(first.creator.rateCard).toEqual({
      currency: 'CNY',
      minCommissionBp: 1500,
      rates: [
        { format: 'LIVE_STREAM', minFixedFee: { amount: 500_000, currency: 'CNY' } },
        { format: 'SHORT_VIDEO', minFixedFee: { amount: 80_000, currency: 'CNY' } },
      ],
    });

    const replacement = { currency: 'USD', minCommissionBp: 0, rates: [{ format: 'SHORT_VIDEO', minFixedFee: { amount: 99, currency: 'USD' } }, { format: 'ARTICLE', minFixedFee: { amount: 0, currency: 'USD' } }] };
    const second = succeeded<{ creator: CreatorView }>(
      (await server.graphql(RATE_CARD, { creatorId: creator.id, input: replacement }, { token: owner.token })) as never,
      'creatorRateCardSet',
    );
    expect(second.creator.rateCard).toEqual({
      currency: 'USD',
      minCommissionBp: 0,
      rates: [
        { format: 'ARTICLE', minFixedFee: { amount: 0, currency: 'USD' } },
        { format: 'SHORT_VIDEO', minFixedFee: { amount: 99, currency: 'USD' } },
      ],
    });
    const reread = await server.graphql<{ node: CreatorView }>(NODE, { id: creator.id });
    expect(reread.data?.node.rateCard).toEqual(second.creator.rateCard);
  });

  it.each([
    ['a rate in another currency', { rates: [{ format: 'SHORT_VIDEO', minFixedFee: { amount: 1, currency: 'USD' } }] }, 'INVALID', ['input', 'rates', '0', 'minFixedFee', 'currency']],
    [
      'a format priced twice',
      { rates: [{ format: 'ARTICLE', minFixedFee: { amount: 1, currency: 'CNY' } }, { format: 'ARTICLE', minFixedFee: { amount: 2, currency: 'CNY' } }] },
      'INVALID',
      ['input', 'rates', '1', 'format'],
    ],
    ['a negative fee', { rates: [{ format: 'ARTICLE', minFixedFee: { amount: -1, currency: 'CNY' } }] }, 'OUT_OF_RANGE', ['input', 'rates', '0', 'minFixedFee', 'amount']],
    ['a fee above the maximum', { rates: [{ format: 'ARTICLE', minFixedFee: { amount: 10_000_000_001, currency: 'CNY' } }] }, 'OUT_OF_RANGE', ['input', 'rates', '0', 'minFixedFee', 'amount']],
    ['a commission above 10000 bp', { minCommissionBp: 10_001 }, 'OUT_OF_RANGE', ['input', 'minCommissionBp']],
    ['a negative commission', { minCommissionBp: -1 }, 'OUT_OF_RANGE', ['input', 'minCommissionBp']],
  ])('refuses %s and keeps the old card', async (_label, change, code, field) => {
    const owner = await signUp(server, 'badrates');
    const creator = await createCreator(server, owner);
    succeeded((await server.graphql(RATE_CARD, { creatorId: creator.id, input: card }, { token: owner.token })) as never, 'creatorRateCardSet');
    const result = await server.graphql<Payload>(RATE_CARD, { creatorId: creator.id, input: { ...card, ...change } }, { token: owner.token });
    expect(errorCodes(result as never, 'creatorRateCardSet')).toEqual([code]);
    expect(result.data?.creatorRateCardSet?.userErrors[0]?.field).toEqual(field);
    const reread = await server.graphql<{ node: CreatorView }>(NODE, { id: creator.id });
    expect(reread.data?.node.rateCard).toMatchObject({ currency: 'CNY', minCommissionBp: 1500 });
    expect(reread.data?.node.rateCard.rates).toHaveLength(2);
  });

  it('lets only the owner set the card', async () => {
    const owner = await signUp(server, 'owner');
    const creator = await createCreator(server, owner);
    const stranger = await signUp(server, 'stranger');
    expect((await server.graphql(RATE_CARD, { creatorId: creator.id, input: card }, { token: stranger.token })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await server.graphql(RATE_CARD, { creatorId: creator.id, input: card })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await count('select count(*)::int as n from creator_rate where creator_id = (select id from creator where user_id = ?)', [uid(owner)])).toBe(0);
  });
});

describe('creators search', () => {
  // A database of its own, so the creators made by other tests do not show up in the results.
  let search: TestServer;
  const ids: Record<string, string> = {};

  const find = async (filter: Record<string, unknown> | null, first = 20, after?: string) => {
    const result = await search.graphql<{
      creators: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { id: string; displayName: string } }[] };
    }>(CREATORS, { filter, first, after });
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data!.creators;
  };
  const names = async (filter: Record<string, unknown> | null) => (await find(filter)).edges.map((edge) => edge.node.displayName);

  beforeAll(async () => {
    search = await startTestServer();
    const admin = await signUpAdmin(search);
    const make = async (name: string, input: Record<string, unknown>, account?: Record<string, unknown>) => {
      const actor = await signUp(search, name);
      const creator = await createCreator(search, actor, { displayName: name, ...input });
      if (account) await addAccount(search, actor, creator.id, account);
      ids[name] = creator.id;
      return actor;
    };
    // Scores: A 54 (verified credential 24 + clean audience 30), D 30, B 15, C 0, E 0.
    const a = await make('A', { kind: 'PROFESSIONAL', verticalSlugs: ['beauty.functional-skincare'], nicheTags: ['ceramide'] }, { platform: 'DOUYIN', followers: 1_000_000, realFollowerShare: 1 });
    await make('B', { kind: 'REVIEWER', verticalSlugs: ['beauty.makeup'], nicheTags: ['lipstick'] }, { platform: 'XIAOHONGSHU', followers: 50_000, realFollowerShare: 0.7 });
    await make('C', { kind: 'LIFESTYLE', verticalSlugs: ['food.snacks'], nicheTags: ['Ceramide'] });
    await make('D', { kind: 'CELEBRITY', verticalSlugs: ['beauty'] }, { platform: 'WEIBO', followers: 10_000_000, realFollowerShare: 1 });
    await make('E', { kind: 'PROFESSIONAL', verticalSlugs: ['mother-baby.infant-food-supplements'] }, { platform: 'DOUYIN', followers: 20_000, realFollowerShare: 0.4 });

    const submitted = await search.graphql<{ credentialSubmit: { credential: { id: string } } }>(
      `mutation { credentialSubmit(input: { type: DERMATOLOGIST, issuer: "Council", licenseNumber: "D-1" }) { credential { id } userErrors { code } } }`,
      {},
      { token: a.token },
    );
    const credentialId = submitted.data!.credentialSubmit.credential.id;
    succeeded((await search.graphql(`mutation($id: ID!) { credentialVerify(id: $id) { userErrors { code } } }`, { id: credentialId }, { token: admin.token })) as never, 'credentialVerify');
  });
  afterAll(() => search?.stop());

  it('lists every creator most credible first, then by id', async () => {
    const all = await find(null);
    expect(all.totalCount).toBe(5);
    expect(all.edges.map((edge) => edge.node.displayName).slice(0, 3)).toEqual(['A', 'D', 'B']);
    const tied = [ids.C!, ids.E!].sort((x, y) => (Buffer.from(x, 'base64url').toString() < Buffer.from(y, 'base64url').toString() ? -1 : 1));
    expect(all.edges.slice(3).map((edge) => edge.node.id)).toEqual(tied);
  });

  it('reports the credibility the verified credential and audience earned', async () => {
    const result = await search.graphql<{ node: CreatorView }>(NODE, { id: ids.A });
    expect(result.data?.node.credibility).toEqual({ score: 54, level: 'L4' });
  });

  it('filters by vertical, a top-level vertical including its children', async () => {
    expect(await names({ verticalSlug: 'beauty' })).toEqual(['A', 'D', 'B']);
    expect(await names({ verticalSlug: 'beauty.makeup' })).toEqual(['B']);
    expect(await names({ verticalSlug: 'mother-baby' })).toEqual(['E']);
    expect(await names({ verticalSlug: 'finance' })).toEqual([]);
  });

  it('refuses an unknown vertical slug with UNKNOWN_VERTICAL', async () => {
    const result = await search.graphql(CREATORS, { filter: { verticalSlug: 'no-such-vertical' } });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.userErrors).toEqual([{ code: 'UNKNOWN_VERTICAL', field: ['filter', 'verticalSlug'], message: expect.any(String) }]);
  });

  it('filters by niche tag after normalising it', async () => {
    expect(await names({ nicheTag: 'CERAMIDE ' })).toEqual(['A', 'C']);
    expect(await names({ nicheTag: 'lipstick' })).toEqual(['B']);
  });

  it('filters by kind and by platform', async () => {
    expect(await names({ kind: 'PROFESSIONAL' })).toEqual(['A', 'E']);
    expect(await names({ platform: 'DOUYIN' })).toEqual(['A', 'E']);
    expect(await names({ platform: 'BILIBILI' })).toEqual([]);
  });

  it('filters by total followers, bounds included', async () => {
    expect(await names({ minFollowers: 1_000_000 })).toEqual(['A', 'D']);
    expect((await names({ maxFollowers: 50_000 })).sort()).toEqual(['B', 'C', 'E']);
    expect(await names({ minFollowers: 20_000, maxFollowers: 1_000_000 })).toEqual(['A', 'B', 'E']);
  });

  it('refuses a negative follower bound', async () => {
    const result = await search.graphql(CREATORS, { filter: { minFollowers: -1 } });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('filters by minimum credibility level', async () => {
    expect(await names({ minLevel: 'L2' })).toEqual(['A', 'D']);
    expect(await names({ minLevel: 'L4' })).toEqual(['A']);
    expect(await names({ minLevel: 'L5' })).toEqual([]);
  });

  it('combines conditions', async () => {
    expect(await names({ kind: 'PROFESSIONAL', platform: 'DOUYIN', minLevel: 'L2' })).toEqual(['A']);
  });

  it('pages with first and after without skipping or repeating', async () => {
    const everyone = (await find(null)).edges.map((edge) => edge.node.id);
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 3; page += 1) {
      const result = await find(null, 2, after);
      seen.push(...result.edges.map((edge) => edge.node.id));
      expect(result.pageInfo.hasNextPage).toBe(page < 2);
      after = result.pageInfo.endCursor;
    }
    expect(seen).toEqual(everyone);
  });

  it('loads the nested lists of a page in a fixed number of statements', async () => {
    search.resetQueryCount();
    const result = await search.graphql(`{ creators(first: 20) { edges { node { verticals { slug } channelAccounts { handle } rateCard { rates { format } } credentials { type } } } } }`);
    expect(result.errors).toBeUndefined();
    // Page + count, then one statement each for verticals, channel accounts, rates and credentials.
    expect(search.queryCount()).toBeLessThanOrEqual(6);
  });
});

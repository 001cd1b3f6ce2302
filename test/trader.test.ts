import { beforeAll, describe, expect, it } from 'vitest';
import { fromGlobalId } from '../src/graphql/global-id.js';
import {
  CredentialSubmitCodesDocument,
  CredentialVerifyCodesDocument,
  TraderCreateDocument,
  TraderDirectoryDocument,
  type TraderDirectoryQuery,
  type TraderDirectoryQueryVariables,
  type TraderFieldsFragment,
  type TraderFilter,
  TraderNodeDocument,
  TraderPageWithVerticalsDocument,
  type TraderProfileCreateInput,
  TraderUpdateDocument,
  ViewerTraderProfileDocument,
} from './generated/graphql.js';
import { type Actor, errorCodes, signUp, signUpAdmin, succeeded } from './support/actors.js';
import { nodeWith, useTestServer } from './support/test-server.js';

const server = useTestServer();

const CREATE = TraderCreateDocument;
const UPDATE = TraderUpdateDocument;
const NODE = TraderNodeDocument;
const TRADERS = TraderDirectoryDocument;
type TradersPage = TraderDirectoryQuery['traders'];

const baseInput: TraderProfileCreateInput = {
  displayName: 'Operator',
  capabilities: ['LIVE_OPERATION'],
  rate: { minFixedFee: { amount: 500_000, currency: 'CNY' }, minCommissionBp: 800 },
};

async function createTrader(actor: Actor, input: Partial<TraderProfileCreateInput> = {}) {
  const result = await server.graphql(CREATE, { input: { ...baseInput, ...input } }, { token: actor.token });
  return succeeded(result, 'traderProfileCreate').trader;
}

const rowId = (globalId: string) => fromGlobalId(globalId)!.id;
const count = async (statement: string, parameters: unknown[] = []) => (await server.sql<{ n: number }>(statement, parameters))[0]!.n;

describe('traderProfileCreate', () => {
  it('creates the signed-in account’s public operator profile', async () => {
    const actor = await signUp(server, 'wang');
    const trader = await createTrader(actor, {
      displayName: '  Wang Operates  ',
      bio: 'Ran 300 self-broadcasts for skincare brands.',
      capabilities: ['STRATEGY_AND_COVERAGE', 'LIVE_OPERATION', 'LIVE_OPERATION'],
      verticalSlugs: ['beauty.functional-skincare', 'food'],
      platforms: ['DOUYIN', 'TAOBAO_LIVE'],
      capacity: 4,
    });
    expect(trader).toMatchObject({
      displayName: 'Wang Operates',
      bio: 'Ran 300 self-broadcasts for skincare brands.',
      capabilities: ['STRATEGY_AND_COVERAGE', 'LIVE_OPERATION'],
      platforms: ['DOUYIN', 'TAOBAO_LIVE'],
      capacity: 4,
      activeDealCount: 0,
      availableSlots: 4,
      verticals: [
        { slug: 'beauty.functional-skincare', name: 'Functional skincare' },
        { slug: 'food', name: 'Food & beverage' },
      ],
      rate: { minFixedFee: { amount: 500_000, currency: 'CNY' }, minCommissionBp: 800 },
      credibility: { score: 0, level: 'L1' },
    });

    const viewer = await server.graphql(ViewerTraderProfileDocument, {}, { token: actor.token });
    expect(viewer.data?.viewer?.traderProfile?.id).toBe(trader.id);
    const anonymous = await server.graphql(NODE, { id: trader.id });
    expect(anonymous.data?.node).toMatchObject({ id: trader.id, displayName: 'Wang Operates' });
  });

  it('counts credentials verified before the profile existed', async () => {
    const admin = await signUpAdmin(server);
    const actor = await signUp(server, 'credentialed');
    const submitted = await server.graphql(
      CredentialSubmitCodesDocument,
      { input: { type: 'NUTRITIONIST', issuer: 'Chinese Nutrition Society', licenseNumber: 'CNS-12345' } },
      { token: actor.token },
    );
    const credentialId = succeeded(submitted, 'credentialSubmit').credential.id;
    succeeded(
      await server.graphql(CredentialVerifyCodesDocument, { id: credentialId }, { token: admin.token }),
      'credentialVerify',
    );

    const trader = await createTrader(actor);
    expect(trader.credibility.score).toBeGreaterThan(0);
    expect(trader.credibility.level).not.toBe('L1');
  });

  it('gives an account at most one operator profile', async () => {
    const actor = await signUp(server, 'twice');
    await createTrader(actor);
    const again = await server.graphql(CREATE, { input: baseInput }, { token: actor.token });
    expect(errorCodes(again, 'traderProfileCreate')).toEqual(['PROFILE_EXISTS']);
  });

  it('lets only one of several simultaneous creates for the same account through', async () => {
    const actor = await signUp(server, 'race');
    const results = await Promise.all(Array.from({ length: 4 }, () => server.graphql(CREATE, { input: baseInput }, { token: actor.token })));
    const codes = results.map((result) => errorCodes(result, 'traderProfileCreate')[0] ?? 'OK');
    expect(codes.filter((code) => code === 'OK')).toHaveLength(1);
    expect(codes.filter((code) => code === 'PROFILE_EXISTS')).toHaveLength(3);
  });

  it.each([
    ['no capability', { capabilities: [] }, 'OUT_OF_RANGE', ['input', 'capabilities']],
    ['an unknown vertical', { verticalSlugs: ['beauty', 'pets.cat-food'] }, 'UNKNOWN_VERTICAL', ['input', 'verticalSlugs']],
    ['a commission over 100 %', { rate: { minFixedFee: { amount: 0, currency: 'CNY' }, minCommissionBp: 10_001 } }, 'OUT_OF_RANGE', ['input', 'rate', 'minCommissionBp']],
    ['a negative fee', { rate: { minFixedFee: { amount: -1, currency: 'CNY' }, minCommissionBp: 0 } }, 'OUT_OF_RANGE', ['input', 'rate', 'minFixedFee', 'amount']],
    ['a capacity of 0', { capacity: 0 }, 'OUT_OF_RANGE', ['input', 'capacity']],
    ['a blank display name', { displayName: '   ' }, 'OUT_OF_RANGE', ['input', 'displayName']],
  ])('refuses %s and creates nothing', async (_label, input, code, field) => {
    const actor = await signUp(server, 'invalid');
    const result = await server.graphql(CREATE, { input: { ...baseInput, ...(input as Partial<TraderProfileCreateInput>) } }, { token: actor.token });
    expect(errorCodes(result, 'traderProfileCreate')).toEqual([code]);
    expect(result.data?.traderProfileCreate?.userErrors[0]?.field).toEqual(field);
    expect(await count('select count(*)::int as n from trader where user_id = ?', [rowId(actor.userId)])).toBe(0);
  });

  it('needs a signed-in account', async () => {
    const result = await server.graphql(CREATE, { input: baseInput });
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('traderProfileUpdate', () => {
  it('changes only the fields given, for the owner', async () => {
    const actor = await signUp(server, 'updater');
    const trader = await createTrader(actor, { bio: 'Old bio', platforms: ['KUAISHOU'] });
    const result = await server.graphql(
      UPDATE,
      {
        id: trader.id,
        input: {
          capabilities: ['SUPPLY_CHAIN', 'FULFILMENT'],
          verticalSlugs: ['mother-baby.infant-food-supplements'],
          rate: { minFixedFee: { amount: 100, currency: 'USD' }, minCommissionBp: 1_500 },
          capacity: 1,
        },
      },
      { token: actor.token },
    );
    expect(succeeded(result, 'traderProfileUpdate').trader).toMatchObject({
      bio: 'Old bio',
      platforms: ['KUAISHOU'],
      capabilities: ['SUPPLY_CHAIN', 'FULFILMENT'],
      verticals: [{ slug: 'mother-baby.infant-food-supplements' }],
      rate: { minFixedFee: { amount: 100, currency: 'USD' }, minCommissionBp: 1_500 },
      capacity: 1,
      availableSlots: 1,
    });
  });

  it('refuses anyone but the owner with FORBIDDEN and changes nothing', async () => {
    const owner = await signUp(server, 'owner');
    const stranger = await signUp(server, 'stranger');
    const trader = await createTrader(owner, { displayName: 'Mine' });
    const result = await server.graphql(UPDATE, { id: trader.id, input: { displayName: 'Stolen' } }, { token: stranger.token });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const after = await server.graphql(NODE, { id: trader.id });
    expect(nodeWith(after.data?.node, 'displayName')?.displayName).toBe('Mine');
  });

  it.each([
    ['an unknown id', 'VHJhZGVyOjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMA'],
    ['a malformed id', 'not-an-id'],
  ])('answers %s with NOT_FOUND', async (_label, id) => {
    const actor = await signUp(server, 'missing');
    const result = await server.graphql(UPDATE, { id, input: { displayName: 'X' } }, { token: actor.token });
    expect(errorCodes(result, 'traderProfileUpdate')).toEqual(['NOT_FOUND']);
  });

  it('refuses an empty capability list', async () => {
    const actor = await signUp(server, 'empty-capabilities');
    const trader = await createTrader(actor);
    const result = await server.graphql(UPDATE, { id: trader.id, input: { capabilities: [] } }, { token: actor.token });
    expect(errorCodes(result, 'traderProfileUpdate')).toEqual(['OUT_OF_RANGE']);
  });
});

describe('traders', () => {
  let skincare: TraderFieldsFragment;
  let snacks: TraderFieldsFragment;
  let fashion: TraderFieldsFragment;
  let ids: string[];

  beforeAll(async () => {
    await server.sql('delete from trader');
    skincare = await createTrader(await signUp(server, 'skincare'), {
      displayName: 'Skincare operator',
      verticalSlugs: ['beauty.functional-skincare'],
      capabilities: ['LIVE_OPERATION', 'TRAFFIC_MARKETING'],
      platforms: ['DOUYIN'],
    });
    snacks = await createTrader(await signUp(server, 'snacks'), {
      displayName: 'Snacks operator',
      verticalSlugs: ['food.hyaluronic-acid-snacks'],
      capabilities: ['SUPPLY_CHAIN'],
      platforms: ['TAOBAO_LIVE', 'DOUYIN'],
    });
    fashion = await createTrader(await signUp(server, 'fashion'), {
      displayName: 'Fashion operator',
      verticalSlugs: ['fashion', 'beauty.makeup'],
      capabilities: ['LIVE_OPERATION'],
      platforms: ['KUAISHOU'],
    });
    // Credibility is earned, not declared; set it directly to test ordering and the level filter.
    await server.sql('update trader set credibility_score = 55, credibility_level = 4 where id = ?', [rowId(snacks.id)]);
    await server.sql('update trader set credibility_score = 24, credibility_level = 2 where id = ?', [rowId(fashion.id)]);
    ids = [snacks.id, fashion.id, skincare.id];
  });

  const search = async (filter: TraderFilter | null, extra: Omit<TraderDirectoryQueryVariables, 'filter'> = {}) => {
    const result = await server.graphql(TRADERS, { filter, ...extra });
    expect(result.errors).toBeUndefined();
    return result.data!.traders;
  };
  const namesOf = (page: TradersPage) => page.edges.map((edge) => edge.node.displayName);

  it('lists every operator, most credible first', async () => {
    const page = await search(null);
    expect(page.edges.map((edge) => edge.node.id)).toEqual(ids);
    expect(page.totalCount).toBe(3);
  });

  it('treats a top-level vertical as including its children, and a child as itself', async () => {
    expect(namesOf(await search({ verticalSlug: 'beauty' }))).toEqual(['Fashion operator', 'Skincare operator']);
    expect(namesOf(await search({ verticalSlug: 'beauty.functional-skincare' }))).toEqual(['Skincare operator']);
    expect(namesOf(await search({ verticalSlug: 'food' }))).toEqual(['Snacks operator']);
  });

  it('filters by capability, platform and minimum level, all together', async () => {
    expect(namesOf(await search({ capability: 'LIVE_OPERATION' }))).toEqual(['Fashion operator', 'Skincare operator']);
    expect(namesOf(await search({ platform: 'DOUYIN' }))).toEqual(['Snacks operator', 'Skincare operator']);
    expect(namesOf(await search({ minLevel: 'L2' }))).toEqual(['Snacks operator', 'Fashion operator']);
    expect(namesOf(await search({ minLevel: 'L5' }))).toEqual([]);
    expect(namesOf(await search({ capability: 'LIVE_OPERATION', platform: 'DOUYIN', verticalSlug: 'beauty' }))).toEqual(['Skincare operator']);
  });

  it('pages through the list with cursors', async () => {
    const first = await search(null, { first: 2 });
    expect(first.edges.map((edge) => edge.node.id)).toEqual(ids.slice(0, 2));
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await search(null, { first: 2, after: first.pageInfo.endCursor });
    expect(second.edges.map((edge) => edge.node.id)).toEqual(ids.slice(2));
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses an unknown vertical instead of answering with an empty list', async () => {
    const result = await server.graphql(TRADERS, { filter: { verticalSlug: 'no-such-vertical' } });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('loads verticals for a whole page in a fixed number of statements', async () => {
    const query = TraderPageWithVerticalsDocument;
    server.resetQueryCount();
    const before = await server.graphql(query);
    const statementsForThree = server.queryCount();
    for (let index = 0; index < 4; index += 1) {
      await createTrader(await signUp(server, `more-${index}`), { verticalSlugs: ['home', 'electronics.phones'] });
    }
    server.resetQueryCount();
    const after = await server.graphql(query);
    expect(before.errors).toBeUndefined();
    expect(after.data?.traders.edges).toHaveLength(7);
    expect(server.queryCount()).toBe(statementsForThree);
  });
});

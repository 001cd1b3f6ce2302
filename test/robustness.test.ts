import { beforeAll, describe, expect, it } from 'vitest';
import { signUp, signUpAdmin, succeeded, type Actor } from './support/actors.js';
import { useTestServer } from './support/test-server.js';

const server = useTestServer();
let creator: Actor & { creatorId: string };
beforeAll(async () => {
  const actor = await signUp(server, 'robust');
  const created = await server.graphql(
    `mutation { creatorProfileCreate(input: { displayName: "Robust", kind: REVIEWER, verticalSlugs: ["beauty.functional-skincare"], nicheTags: ["ceramide"], capacity: 3 }) { creator { id } userErrors { code message } } }`,
    {},
    { token: actor.token },
  );
  creator = { ...actor, creatorId: succeeded<{ creator: { id: string } }>(created as never, 'creatorProfileCreate').creator.id };
});

const cursor = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');

describe('text holding the NUL character', () => {
  it('is refused as bad input, in variables and inline, before anything runs', async () => {
    const viaVariables = await server.graphql(`query($search: String) { brands(search: $search, first: 5) { totalCount } }`, { search: 'a\u0000b' });
    const inline = await server.graphql(`{ vertical(slug: "beauty\\u0000") { name } }`);
    for (const result of [viaVariables, inline]) {
      expect(result.status).toBe(400);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toMatch(/NUL/);
    }
  });

  it('writes nothing when it is hidden inside a mutation input', async () => {
    const result = await server.graphql(
      `mutation($input: BrandCreateInput!) { brandCreate(input: $input) { brand { id } userErrors { code } } }`,
      { input: { name: 'Acme\u0000', description: '' } },
      { token: creator.token },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await server.sql(`select count(*)::int as n from brand where name like 'Acme%'`)).toEqual([{ n: 0 }]);
  });
});

describe('cursors that decode but do not belong to the list', () => {
  it.each([
    ['values of the wrong type', `{ creators(first: 2, after: "${cursor([52, 'nope'])}") { totalCount } }`],
    ['too few values', `{ traders(first: 2, after: "${cursor(['x'])}") { totalCount } }`],
    ['an object instead of a list', `{ creators(first: 2, after: "${cursor([{ a: 1 }, 'x'])}") { totalCount } }`],
    ['not JSON at all', `{ creators(first: 2, after: "!!!") { totalCount } }`],
  ])('answer %s as bad input, not as a server error', async (_label, query) => {
    const result = await server.graphql(query);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/not a cursor from this list/);
  });

  it('still accepts the cursors the list itself hands out', async () => {
    const first = await server.graphql<{ creators: { pageInfo: { endCursor: string } } }>(`{ creators(first: 1) { pageInfo { endCursor } } }`);
    const next = await server.graphql(`query($after: String) { creators(first: 1, after: $after) { totalCount } }`, {
      after: first.data!.creators.pageInfo.endCursor,
    });
    expect(next.errors).toBeUndefined();
  });

  it('refuses a cursor of the wrong type on the admin review queue too', async () => {
    const admin = await signUpAdmin(server);
    const result = await server.graphql(`{ credentialsPendingReview(first: 2, after: "${cursor(['zzz', 'nope'])}") { totalCount } }`, {}, { token: admin.token });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('concurrent changes to one creator', () => {
  it('keeps follower totals equal to the sum of the channel accounts after 20 simultaneous additions', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        server.graphql(
          `mutation($id: ID!, $input: ChannelAccountAddInput!) { channelAccountAdd(creatorId: $id, input: $input) { userErrors { code } } }`,
          {
            id: creator.creatorId,
            input: { platform: 'DOUYIN', handle: `robust-${index}`, followers: 1000 * (index + 1), averageViews: 10, engagementRate: 0.05, realFollowerShare: 0.9 },
          },
          { token: creator.token },
        ),
      ),
    );
    expect(results.every((result) => result.status === 200 && !result.errors)).toBe(true);
    const [row] = await server.sql<{ stored: string; actual: string }>(
      `select c.total_followers::text as stored, (select sum(followers) from channel_account where creator_id = c.id)::text as actual
         from creator c where c.id = (select id from creator where display_name = 'Robust')`,
    );
    expect(row!.stored).toBe(row!.actual);
    expect(row!.stored).toBe(String((20 * 21 * 1000) / 2));
  });

  it('sets the same rate card from four simultaneous requests without a server error', async () => {
    const input = { currency: 'CNY', minCommissionBp: 1000, rates: [{ format: 'LONG_VIDEO', minFixedFee: { amount: 500000, currency: 'CNY' } }] };
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        server.graphql(
          `mutation($id: ID!, $input: CreatorRateCardInput!) { creatorRateCardSet(creatorId: $id, input: $input) { userErrors { code } } }`,
          { id: creator.creatorId, input },
          { token: creator.token },
        ),
      ),
    );
    expect(results.map((result) => result.errors?.[0]?.extensions?.code ?? 'OK')).toEqual(['OK', 'OK', 'OK', 'OK']);
    expect(await server.sql(`select count(*)::int as n from creator_rate where format = 'LONG_VIDEO'`)).toEqual([{ n: 1 }]);
  });
});

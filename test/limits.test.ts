import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL, startTestServer, type TestServer, useTestServer } from './support/test-server.js';

const server = useTestServer();

interface Refusal {
  status: number;
  code: string | undefined;
  message: string;
  statements: number;
  data: unknown;
}

/** Sends an anonymous query and says how it was refused and how many SQL statements it ran. */
async function refusalOf(target: TestServer, query: string, variables?: Record<string, unknown>): Promise<Refusal> {
  target.resetQueryCount();
  const result = await target.graphql(query, variables);
  return {
    status: result.status,
    code: result.errors?.[0]?.extensions?.code,
    message: result.errors?.[0]?.message ?? '',
    statements: target.queryCount(),
    data: result.data,
  };
}

/** `briefs → bids → brief → bids …`, `levels` connections deep. */
function nestedBids(levels: number): string {
  let inner = 'id';
  for (let level = 0; level < levels; level += 1) inner = `brief { bids(first: 1) { edges { node { ${inner} } } } }`;
  return `{ briefs(first: 1) { edges { node { bids(first: 1) { edges { node { ${inner} } } } } } } }`;
}

describe('limits checked before any resolver runs', () => {
  it('runs a query within every limit, and says what it cost', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ creators(first: 5) { totalCount edges { node { id } } } }' }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: unknown; extensions?: { cost?: { requested: number } } };
    expect(body.errors).toBeUndefined();
    expect(body.extensions?.cost?.requested).toBe(11);
  });

  it('refuses a query nested deeper than 10 fields (QUERY_TOO_DEEP), running no SQL', async () => {
    expect((await refusalOf(server, nestedBids(0))).code).toBeUndefined();
    const refusal = await refusalOf(server, nestedBids(2));
    expect(refusal).toMatchObject({ status: 400, code: 'QUERY_TOO_DEEP', statements: 0, data: undefined });
    expect(refusal.message).toMatch(/the limit is 10\b/);
  });

  it('refuses more than 15 aliases (TOO_MANY_ALIASES)', async () => {
    const aliases = (count: number) => `{ ${Array.from({ length: count }, (_, index) => `a${index}: __typename`).join(' ')} }`;
    expect((await refusalOf(server, aliases(15))).code).toBeUndefined();
    const refusal = await refusalOf(server, aliases(16));
    expect(refusal).toMatchObject({ status: 400, code: 'TOO_MANY_ALIASES', statements: 0 });
    expect(refusal.message).toMatch(/the limit is 15\b/);
  });

  it('refuses more than 10 directives (TOO_MANY_DIRECTIVES)', async () => {
    const directives = (count: number) => `{ ${'__typename @include(if: true) '.repeat(count)} }`;
    expect((await refusalOf(server, directives(10))).code).toBeUndefined();
    const refusal = await refusalOf(server, directives(11));
    expect(refusal).toMatchObject({ status: 400, code: 'TOO_MANY_DIRECTIVES', statements: 0 });
    expect(refusal.message).toMatch(/the limit is 10\b/);
  });

  it('stops parsing a document of more than 2,000 tokens (TOO_MANY_TOKENS)', async () => {
    const refusal = await refusalOf(server, `{ ${'__typename '.repeat(2000)} }`);
    expect(refusal).toMatchObject({ status: 400, code: 'TOO_MANY_TOKENS', statements: 0 });
    expect(refusal.message).toMatch(/more than 2000 tokens/);
  });

  it('refuses a query costing more than 5,000 points, connections charged by page size (QUERY_TOO_COSTLY)', async () => {
    // 1 + 100 × (edges 1 + node 1 + bids (1 + 100 × 2)) = 20,301
    const refusal = await refusalOf(server, '{ creators(first: 100) { edges { node { bids(first: 100) { edges { node { id } } } } } } }');
    expect(refusal).toMatchObject({ status: 400, code: 'QUERY_TOO_COSTLY', statements: 0 });
    expect(refusal.message).toMatch(/cost 20301 points; the limit is 5000\b/);
    const smaller = await refusalOf(server, '{ creators(first: 10) { edges { node { bids(first: 10) { edges { node { id } } } } } } }');
    expect(smaller.code).toBeUndefined();
  });

  it('measures a document of fragments that spread each other twice without blowing up, and refuses it', async () => {
    const fragments = ['fragment F0 on Query { creators(first: 1) { totalCount } }'];
    for (let level = 1; level <= 40; level += 1) fragments.push(`fragment F${level} on Query { ...F${level - 1} ...F${level - 1} }`);
    const refusal = await refusalOf(server, `{ ...F40 } ${fragments.join(' ')}`);
    expect(refusal).toMatchObject({ code: 'QUERY_TOO_COSTLY', statements: 0 });
  });

  it('requires `first` or `last` from 1 to 100 on every connection, also through variables, before running anything', async () => {
    const missing = await refusalOf(server, '{ creators { totalCount } }');
    expect(missing).toMatchObject({ status: 400, code: 'BAD_USER_INPUT', statements: 0 });
    expect(missing.message).toBe('`creators` needs `first` or `last` (1 to 100).');
    const nested = await refusalOf(server, '{ briefs(first: 1) { edges { node { bids { totalCount } } } } }');
    expect(nested.message).toBe('`briefs.edges.node.bids` needs `first` or `last` (1 to 100).');
    const tooMany = await refusalOf(server, 'query($n: Int) { creators(first: $n) { totalCount } }', { n: 101 });
    expect(tooMany).toMatchObject({ code: 'BAD_USER_INPUT', statements: 0 });
    expect(tooMany.message).toBe('`first` on `creators` must be between 1 and 100; got 101.');
    expect((await refusalOf(server, '{ creators(last: 0) { totalCount } }')).code).toBe('BAD_USER_INPUT');
  });

  it('measures each request’s own variables, however often the same query text came before', async () => {
    const query = 'query($n: Int!, $deep: Boolean!) { creators(first: $n) { edges { node { bids(first: 100) @include(if: $deep) { edges { node { id } } } } } } }';
    const costOf = async (variables: Record<string, unknown>) => {
      const { body } = await postGraphQL(server.url, query, variables);
      return { code: body.errors?.[0]?.extensions?.code, cost: (body.extensions?.cost as { requested: number } | undefined)?.requested };
    };
    for (let round = 0; round < 3; round += 1) expect(await costOf({ n: 2, deep: false })).toEqual({ code: undefined, cost: 5 });
    expect(await costOf({ n: 3, deep: false })).toEqual({ code: undefined, cost: 7 });
    expect((await costOf({ n: 100, deep: true })).code).toBe('QUERY_TOO_COSTLY');
    expect((await costOf({ n: 101, deep: false })).code).toBe('BAD_USER_INPUT');
  });
});

describe('limits from the environment', () => {
  let strict: TestServer;
  beforeAll(async () => {
    strict = await startTestServer({ GRAPHQL_MAX_COST: '10', GRAPHQL_MAX_DEPTH: '4', GRAPHQL_MAX_ALIASES: '1', GRAPHQL_MAX_DIRECTIVES: '0', GRAPHQL_MAX_TOKENS: '100' });
  });
  afterAll(() => strict?.stop());

  it('applies each configured limit instead of the default', async () => {
    expect((await refusalOf(strict, '{ creators(first: 4) { edges { node { id } } } }')).code).toBeUndefined();
    const costly = await refusalOf(strict, '{ creators(first: 5) { edges { node { id } } } }');
    expect(costly).toMatchObject({ code: 'QUERY_TOO_COSTLY', statements: 0 });
    expect(costly.message).toMatch(/cost 11 points; the limit is 10\b/);
    expect((await refusalOf(strict, '{ creators(first: 1) { edges { node { agency { id } } } } }')).code).toBe('QUERY_TOO_DEEP');
    expect((await refusalOf(strict, '{ a: __typename b: __typename }')).code).toBe('TOO_MANY_ALIASES');
    expect((await refusalOf(strict, '{ __typename @skip(if: false) }')).code).toBe('TOO_MANY_DIRECTIVES');
    expect((await refusalOf(strict, `{ ${'__typename '.repeat(100)} }`)).message).toMatch(/more than 100 tokens/);
  });
});

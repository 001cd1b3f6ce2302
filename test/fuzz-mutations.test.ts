import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../src/graphql/global-id.js';
import { buildApplicationSchema } from '../src/app/schema.js';
import { AccountLogInDocument } from './generated/graphql.js';
import { PASSWORD } from './support/actors.js';
import { useTestServer } from './support/test-server.js';
import { buildWorld, type Role, tokenOf, type World } from './support/world.js';

/**
 * Random and malformed values for every mutation's arguments, generated from the schema, sent as
 * a plausible signed-in user and anonymously. Whatever arrives, the answer is typed: never a 500,
 * never a stack trace, a known error code, and nothing written when the answer is an error.
 */

const schema = await buildApplicationSchema();
const mutationFields = Object.values(schema.getMutationType()!.getFields());
const userErrorCodes = new Set(
  (() => {
    const type = schema.getType('UserErrorCode');
    return isEnumType(type) ? type.getValues().map((value) => value.name) : [];
  })(),
);
/** Top-level codes a refusal may carry; INTERNAL_SERVER_ERROR is deliberately not among them. */
const TOP_LEVEL_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'QUERY_TOO_DEEP',
  'QUERY_TOO_COSTLY',
  'TOO_MANY_ALIASES',
  'TOO_MANY_DIRECTIVES',
  'TOO_MANY_TOKENS',
  'RATE_LIMITED',
  'TIMEOUT',
  'OPERATION_RESOLUTION_FAILURE',
]);
const STACK_TRACE = /\bat [\w.<>]+ \(|\.[cm]?[jt]s:\d+:\d+|"stacktrace"/;

const RUNS_SIGNED_IN = 20;
const RUNS_ANONYMOUS = 5;
/**
 * A fixed seed keeps CI reproducible: a failure names its counterexample and fails the same way
 * again. `FUZZ_SEED=<number>` (or `FUZZ_SEED=random`) explores other inputs locally.
 */
const SEED = process.env.FUZZ_SEED === 'random' ? undefined : Number(process.env.FUZZ_SEED ?? 20261124);

/** Who would plausibly send each mutation: the one whose objects the world's ids mostly name. */
function senderOf(mutation: string): Role {
  if (/^(vertical|credentialVerify|credentialReject|dealDisputeResolve)/.test(mutation)) return 'admin';
  if (/^(brand|product|brief|bidAccept|bidShortlist|bidReject|bidCounter$|organisationInvitationRevoke|dealSalesReport|dealSettle|dealDeliverable(Approve|RequestChanges))/.test(mutation)) {
    return 'brandOwner';
  }
  if (/^(agency|roster(Invite|MembershipEnd))/.test(mutation)) return 'involvedAgency';
  if (/^trader/.test(mutation)) return 'operator';
  if (/^(signUp|logIn)/.test(mutation)) return 'anonymous';
  return 'talent';
}

/**
 * Housekeeping writes on its own schedule: keep it from moving the database under a comparison.
 * The rate limit is raised so that hundreds of requests from one address are not throttled; the
 * query limits stay as they ship.
 */
const TEST_ENVIRONMENT = { HOUSEKEEPING_INTERVAL_MS: '3600000', RATE_LIMIT_POINTS: '100000000' };

const server = useTestServer(TEST_ENVIRONMENT);
let world: World;
let worldIds: string[] = [];
beforeAll(async () => {
  world = await buildWorld(server);
  worldIds = Object.values(world.ids);
});

// ---------------------------------------------------------------------------------------------
// Values

/** Text that reaches the resolver: empty, blank, long, odd Unicode, markup, injection attempts. */
const nastyStrings = fc.constantFrom(
  '',
  ' ',
  '\n\t ',
  'x'.repeat(10_001),
  "'; drop table brand; --",
  '%_\\',
  '🧴🧪 ceramide 神经酰胺',
  '\u202Eevil\u202C',
  '\uD800',
  'javascript:alert(1)',
  'https://example.com/a',
  'ftp://example.com',
  'beauty.functional-skincare',
  'someone@example.com',
  '  Padded Name  ',
  '<script>alert(1)</script>',
);
/** Text refused before any resolver runs: NUL characters, and strings that fill most of a body. */
const hostileStrings = fc.constantFrom('\u0000', 'a\u0000b', 'y'.repeat(300_000));
const strings = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }).filter((text) => !text.includes('\u0000')) },
  { weight: 3, arbitrary: nastyStrings },
);
const badIds = fc.oneof(
  fc.constantFrom(
    '',
    'x',
    'not a global id',
    toGlobalId('Brief', randomUUID()),
    toGlobalId('Bid', randomUUID()),
    toGlobalId('Nope', randomUUID()),
    toGlobalId('Brief', 'not-a-uuid'),
    Buffer.from('Brief:').toString('base64url'),
    'A'.repeat(5000),
    '\u0000',
  ),
  fc.string({ maxLength: 30 }),
);
const ints = fc.oneof(
  { weight: 3, arbitrary: fc.integer() },
  { weight: 3, arbitrary: fc.constantFrom(0, -1, 1, 100, 10_000, 10_001, 2_147_483_647, -2_147_483_648) },
  { weight: 1, arbitrary: fc.constantFrom(2_147_483_648, 1e15, -1e15, 1.5) },
);
/** Within GraphQL's Int, so the value reaches the resolver. */
const int32s = fc.oneof(fc.integer(), fc.constantFrom(0, -1, 1, 100, 10_000, 10_001, 2_147_483_647, -2_147_483_648));
const floats = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, 0.5, 1, 1.0000001, -0.1, 1e308, -1e308, 5e-324));
const safeInts = fc.oneof(fc.maxSafeInteger(), fc.constantFrom(0, -1, Number.MAX_SAFE_INTEGER, 2 ** 53, -(2 ** 53), 1.5));
/** Dates the DateTime scalar accepts: from long past to far future, around now most often. */
const dateTimes = fc.oneof(
  fc.date({ noInvalidDate: true, min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z') }).map((date) => date.toISOString()),
  fc.integer({ min: -400, max: 400 }).map((days) => new Date(Date.now() + days * 86_400_000).toISOString()),
);
const hostileDateTimes = fc.oneof(
  dateTimes,
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
  fc.constantFrom('2026-13-45T00:00:00Z', 'yesterday', '0000-01-01T00:00:00Z', '+275760-09-13T00:00:00.000Z', '1970-01-01', ''),
);
const localDates = dateTimes.map((dateTime) => dateTime.slice(0, 10));
const hostileLocalDates = fc.oneof(localDates, fc.constantFrom('2026-02-30', '2026-13-01', '26-01-01', '', 'today'));
const garbage: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 10 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant({}),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.constant({ nested: { deeper: [1, 'x', null, { a: {} }] } }),
);

function scalarValues(name: string, hostile: boolean): fc.Arbitrary<unknown> {
  switch (name) {
    case 'ID':
      return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...worldIds) }, { weight: 2, arbitrary: badIds });
    case 'String':
      return hostile ? fc.oneof({ weight: 10, arbitrary: strings }, { weight: 1, arbitrary: hostileStrings }) : strings;
    case 'Int':
      return hostile ? ints : int32s;
    case 'Float':
      return floats;
    case 'Boolean':
      return fc.boolean();
    case 'DateTime':
      return hostile ? hostileDateTimes : dateTimes;
    case 'LocalDate':
      return hostile ? hostileLocalDates : localDates;
    case 'SafeInt':
      return hostile ? safeInts : fc.oneof(fc.maxSafeInteger(), fc.constantFrom(0, -1, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER));
    default:
      return fc.oneof(strings, int32s);
  }
}

/**
 * Values of the type with hostile contents (nasty strings, extreme numbers, dates and ids). When
 * `hostile`, also the wrong shape now and then: nulls for required values, missing fields, the
 * wrong type, unknown enum values, extra fields, lists of 150 items; these mostly stop at GraphQL's
 * own coercion. Without it, every value has the right shape, so the request reaches the resolver
 * and the service's own validation.
 */
function valuesOf(type: GraphQLInputType, hostile: boolean, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) {
    const value = shapeOf(type.ofType, hostile, depth);
    return hostile ? fc.oneof({ weight: 30, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: garbage }) : value;
  }
  const value = shapeOf(type, hostile, depth);
  if (!hostile) return fc.oneof({ weight: 8, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) });
  return fc.oneof({ weight: 20, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: garbage });
}

/** A value of a nullable type's own shape (never null itself). */
function shapeOf(type: GraphQLInputType, hostile: boolean, depth: number): fc.Arbitrary<unknown> {
  if (isListType(type)) {
    const item = valuesOf(type.ofType as GraphQLInputType, hostile, depth + 1);
    const list = fc.array(item, { maxLength: 4 });
    return hostile ? fc.oneof({ weight: 12, arbitrary: list }, { weight: 1, arbitrary: item.map((value) => Array.from({ length: 150 }, () => value)) }) : list;
  }
  if (isEnumType(type)) {
    const valid = fc.constantFrom(...type.getValues().map((value) => value.name));
    return hostile ? fc.oneof({ weight: 12, arbitrary: valid }, { weight: 1, arbitrary: fc.constantFrom('NOT_A_VALUE', 'open', '') }) : valid;
  }
  if (isScalarType(type)) return scalarValues(type.name, hostile);
  if (isInputObjectType(type)) {
    if (depth > 4) return fc.constant({});
    const fields = Object.values(type.getFields());
    const required = hostile ? [] : fields.filter((field) => isNonNullType(field.type) && field.defaultValue === undefined).map((field) => field.name);
    const record = fc.record(Object.fromEntries(fields.map((field) => [field.name, valuesOf(field.type, hostile, depth + 1)])), { requiredKeys: required });
    if (!hostile) return record;
    return fc
      .tuple(record, fc.option(fc.tuple(fc.constantFrom('unknownField', '__proto__', 'constructor'), garbage), { freq: 20 }))
      .map(([value, extra]) => (extra ? { ...value, [extra[0]]: extra[1] } : value));
  }
  return garbage;
}

// ---------------------------------------------------------------------------------------------
// Documents

/** The payload's leaves, and one level into its objects, so what was written is read back too. */
function selectionOf(type: GraphQLObjectType, depth = 0): string {
  const parts = ['__typename'];
  for (const field of Object.values(type.getFields())) {
    if (field.args.some((argument) => isNonNullType(argument.type))) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) parts.push(field.name);
    else if (isObjectType(named) && depth < 1 && !named.name.endsWith('Connection')) parts.push(`${field.name} { ${selectionOf(named, depth + 1)} }`);
  }
  return parts.join(' ');
}

function documentOf(field: GraphQLField<unknown, unknown>, operation: 'mutation' | 'query' = 'mutation'): string {
  const variables = field.args.map((argument: GraphQLArgument) => `$${argument.name}: ${String(argument.type)}`).join(', ');
  const passed = field.args.map((argument) => `${argument.name}: $${argument.name}`).join(', ');
  const payload = getNamedType(field.type) as GraphQLObjectType;
  return `${operation} Fuzz${variables ? `(${variables})` : ''} { ${field.name}${passed ? `(${passed})` : ''} { ${selectionOf(payload)} } }`;
}

/** Half the runs well-shaped (they reach the resolver), half hostile in shape too. */
function variablesOf(field: GraphQLField<unknown, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const required = field.args.filter((argument) => isNonNullType(argument.type)).map((argument) => argument.name);
  const shaped = (hostile: boolean) =>
    fc.record(Object.fromEntries(field.args.map((argument) => [argument.name, valuesOf(argument.type, hostile)])), { requiredKeys: hostile ? [] : required });
  return fc.oneof(shaped(false), shaped(true));
}

// ---------------------------------------------------------------------------------------------
// Checks

/** Every table's rows, as one digest each; an error answer must leave every digest as it was. */
async function databaseDigest(): Promise<Record<string, string>> {
  const tables = await server.sql<{ name: string }>(
    `select tablename as name from pg_tables where schemaname = current_schema() and tablename not like 'mikro_orm%' order by tablename`,
  );
  const statement = tables.map(({ name }) => `select '${name}' as name, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from "${name}" t`).join(' union all ');
  const rows = await server.sql<{ name: string; digest: string }>(statement);
  return Object.fromEntries(rows.map((row) => [row.name, row.digest]));
}

interface Answer {
  status: number;
  text: string;
  body: { data?: Record<string, { userErrors?: { code: string }[] } | null> | null; errors?: { message: string; extensions?: { code?: string } }[] } | null;
}

async function post(body: string, headers: Record<string, string> = {}, token?: string): Promise<Answer> {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body,
  });
  const text = await response.text();
  let parsed: Answer['body'] = null;
  try {
    parsed = JSON.parse(text) as Answer['body'];
  } catch {
    parsed = null;
  }
  return { status: response.status, text, body: parsed };
}

/** What every answer must be, whatever was sent. Returns whether it refused (any error at all). */
function expectTyped(answer: Answer, context: string): boolean {
  expect(answer.status, `${context}: ${answer.text.slice(0, 500)}`).toBeLessThan(500);
  expect(answer.text, context).not.toMatch(STACK_TRACE);
  const errors = answer.body?.errors ?? [];
  for (const error of errors) {
    expect(TOP_LEVEL_CODES.has(error.extensions?.code ?? ''), `${context}: untyped error ${JSON.stringify(error)}`).toBe(true);
  }
  let userErrors = 0;
  for (const payload of Object.values(answer.body?.data ?? {})) {
    for (const userError of payload?.userErrors ?? []) {
      userErrors += 1;
      expect(userErrorCodes.has(userError.code), `${context}: unknown user error code ${JSON.stringify(userError)}`).toBe(true);
    }
  }
  return errors.length > 0 || userErrors > 0 || answer.status >= 400;
}

// ---------------------------------------------------------------------------------------------

describe('every mutation, fuzzed from the schema', () => {
  it('covers every mutation the schema has', () => {
    expect(mutationFields.length).toBeGreaterThan(40);
  });

  it.each(mutationFields.map((field) => [field.name, field] as const))('%s answers random and malformed input with typed errors and writes nothing when it refuses', async (name, field) => {
    const document = documentOf(field);
    let digest = await databaseDigest();
    let executed = 0;
    for (const [pass, role] of [senderOf(name), 'anonymous' as const].entries()) {
      await fc.assert(
        fc.asyncProperty(variablesOf(field), async (variables) => {
          const answer = await post(JSON.stringify({ query: document, variables }), {}, tokenOf(world, role));
          const context = `${name} as ${role} with ${JSON.stringify(variables).slice(0, 400)}`;
          const refused = expectTyped(answer, context);
          // A response with a data entry ran the operation: it got past parsing and coercion.
          if (pass === 0 && answer.body && 'data' in answer.body) executed += 1;
          const after = await databaseDigest();
          if (refused) expect(after, `${context} wrote although it answered with errors`).toEqual(digest);
          digest = after;
        }),
        { numRuns: role === 'anonymous' ? RUNS_ANONYMOUS : RUNS_SIGNED_IN, endOnFailure: true, ...(SEED === undefined ? {} : { seed: SEED + pass }) },
      );
    }
    if (ENDS_SESSIONS.test(name)) await logEveryoneInAgain();
    // Otherwise the fuzzing only ever tested GraphQL's own coercion, not the mutation.
    expect(executed, `${name} never got past coercion`).toBeGreaterThan(0);
  });
});

/** Mutations that may end the sender's sessions when they succeed: the world's tokens die with them. */
const ENDS_SESSIONS = /^(logOut|logOutEverywhere|passwordChange|passwordReset|emailChangeConfirm)$/;

/** Fresh tokens for every actor of the world, so the mutations fuzzed next run as someone. */
async function logEveryoneInAgain(): Promise<void> {
  for (const actor of Object.values(world.actors)) {
    const answer = await server.graphql(AccountLogInDocument, { input: { email: actor.email, password: PASSWORD } });
    const token = answer.data?.logIn.token;
    if (!token) throw new Error(`could not log ${actor.email} in again: ${JSON.stringify(answer)}`);
    actor.token = token;
  }
}

describe('every query with arguments, fuzzed from the schema', () => {
  const queryFields = Object.values(schema.getQueryType()!.getFields()).filter((field) => field.args.length > 0);

  it.each(queryFields.map((field) => [field.name, field] as const))('%s answers random and malformed arguments with typed errors, and writes nothing', async (name, field) => {
    const document = documentOf(field, 'query');
    const before = await databaseDigest();
    for (const [pass, role] of (['brandOwner', 'anonymous'] as const).entries()) {
      await fc.assert(
        fc.asyncProperty(variablesOf(field), async (variables) => {
          const answer = await post(JSON.stringify({ query: document, variables }), {}, tokenOf(world, role));
          expectTyped(answer, `${name} as ${role} with ${JSON.stringify(variables).slice(0, 400)}`);
        }),
        { numRuns: RUNS_ANONYMOUS * 2, endOnFailure: true, ...(SEED === undefined ? {} : { seed: SEED + pass }) },
      );
    }
    expect(await databaseDigest()).toEqual(before);
  });
});

describe('malformed HTTP requests', () => {
  const query = '{ __typename }';
  const mutation = 'mutation { signUp(input: { email: "x@example.com", password: "correct horse battery", displayName: "x" }) { token } }';

  it.each([
    ['invalid JSON', '{"query": "{ __typename }"', {}],
    ['an empty body', '', {}],
    ['JSON null', 'null', {}],
    ['a JSON number', '42', {}],
    ['a JSON string', '"{ __typename }"', {}],
    ['a batch (an array of operations)', JSON.stringify([{ query }, { query }]), {}],
    ['a query that is a number', JSON.stringify({ query: 42 }), {}],
    ['a query that is an object', JSON.stringify({ query: { query } }), {}],
    ['variables that are an array', JSON.stringify({ query, variables: [1, 2] }), {}],
    ['variables that are a string', JSON.stringify({ query, variables: '{"a":1}' }), {}],
    ['an operationName that names nothing', JSON.stringify({ query, operationName: 'Missing' }), {}],
    ['a query that does not parse', JSON.stringify({ query: '{ __typename ' }), {}],
    ['a query of NUL characters', JSON.stringify({ query: '\u0000'.repeat(100) }), {}],
    ['a string literal of a million characters', JSON.stringify({ query: `{ vertical(slug: "${'a'.repeat(1_000_000)}") { name } }` }), {}],
    ['a body over the size limit', JSON.stringify({ query, variables: { padding: 'p'.repeat(2_000_000) } }), {}],
    ['JSON nested 100,000 levels deep', `{"query":"{ __typename }","variables":{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`, {}],
    ['text/plain', JSON.stringify({ query }), { 'content-type': 'text/plain' }],
    ['a form', `query=${encodeURIComponent(query)}`, { 'content-type': 'application/x-www-form-urlencoded' }],
    ['multipart', '--b\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{}\r\n--b--', { 'content-type': 'multipart/form-data; boundary=b' }],
    ['an unsupported charset', JSON.stringify({ query }), { 'content-type': 'application/json; charset=latin1' }],
    ['a content type with no type', JSON.stringify({ query }), { 'content-type': ';' }],
    ['a gzip encoding that is not gzip', JSON.stringify({ query }), { 'content-encoding': 'gzip' }],
    ['an unknown encoding', JSON.stringify({ query }), { 'content-encoding': 'zstd-but-not-really' }],
    ['a malformed bearer token', JSON.stringify({ query }), { authorization: 'Bearer not.a.jwt' }],
    ['an authorization of the wrong scheme', JSON.stringify({ query }), { authorization: 'Basic dXNlcjpwYXNz' }],
    ['an authorization of a megabyte', JSON.stringify({ query }), { authorization: `Bearer ${'a'.repeat(8000)}` }],
  ] as const)('answers %s with a typed 4xx or a plain answer, never a 500', async (label, body, headers) => {
    const before = await databaseDigest();
    const answer = await post(body, headers as Record<string, string>);
    expectTyped(answer, label);
    expect(await databaseDigest()).toEqual(before);
  });

  // Found by the fuzzing above: each was a 500 before it was fixed.
  describe('regressions', () => {
    it('answers variables nested 100,000 levels deep without overflowing the stack', async () => {
      const answer = await post(`{"query":"{ __typename }","variables":{"deep":${'['.repeat(100_000)}"a\\u0000"${']'.repeat(100_000)}}}`);
      expectTyped(answer, 'deep variables');
      // The NUL character at the bottom is still found.
      expect(answer.body?.errors?.[0]?.message).toMatch(/NUL/);
    });

    it('answers half a million list items without a server error', async () => {
      const answer = await post(`{"query":"{ __typename }","variables":{"items":[${'0,'.repeat(499_999)}0]}}`);
      expectTyped(answer, 'long list');
    });

    it('answers more than 50 bad list items with BAD_USER_INPUT only, the last "too many errors" one included', async () => {
      const answer = await post(
        JSON.stringify({
          query: 'mutation($input: TraderProfileCreateInput!) { traderProfileCreate(input: $input) { userErrors { code } } }',
          variables: { input: { displayName: 'x', capabilities: Array.from({ length: 150 }, () => 'NOT_A_CAPABILITY'), rate: { minFixedFee: { amount: 1, currency: 'CNY' }, minCommissionBp: 1 } } },
        }),
        {},
        world.actors.operator.token,
      );
      expect(answer.status).toBe(400);
      const codes = new Set(answer.body?.errors?.map((error) => error.extensions?.code));
      expect([...codes]).toEqual(['BAD_USER_INPUT']);
      expect(answer.body?.errors?.at(-1)?.message).toMatch(/Too many errors/);
    });
  });

  it('refuses a body that is not UTF-8 without a server error', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: Buffer.concat([Buffer.from('{"query":"{ vertical(slug: \\"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('\\") { name } }"}')]),
    });
    expect(response.status).toBeLessThan(500);
  });

  it('answers arbitrary bodies under arbitrary content types with a typed 4xx or a plain answer', async () => {
    const before = await databaseDigest();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ maxLength: 200 }), fc.json({ maxDepth: 4 }), fc.string({ unit: 'binary', maxLength: 200 })),
        fc.constantFrom('application/json', 'application/graphql', 'application/graphql-response+json', 'text/plain', 'application/octet-stream', 'application/json; charset=utf-16'),
        async (body, contentType) => {
          expectTyped(await post(body, { 'content-type': contentType }), `${contentType}: ${body.slice(0, 200)}`);
        },
      ),
      { numRuns: 60, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
    expect(await databaseDigest()).toEqual(before);
  });

  it('never runs a mutation sent with GET', async () => {
    const before = await databaseDigest();
    for (const headers of [{}, { 'apollo-require-preflight': 'true' }]) {
      const response = await fetch(`${server.url}?${new URLSearchParams({ query: mutation })}`, { headers });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    }
    expect(await databaseDigest()).toEqual(before);
  });

  it('refuses a GET whose query string is too long for the server, without a server error', async () => {
    const response = await fetch(`${server.url}?${new URLSearchParams({ query: `{ ${'__typename '.repeat(10_000)}}` })}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });
});

describe('after the fuzzing', () => {
  it('the process still answers, and the database is still reachable', async () => {
    const base = server.url.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    expect(await server.graphql(`{ verticals { slug } }`)).toMatchObject({ status: 200, data: { verticals: expect.any(Array) } });
  });
});

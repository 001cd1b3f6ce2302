import { buildSchema, getOperationAST, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { limitViolation, type QueryLimits } from './query-limits.js';
import { connectionCost, fragmentsOf, measureOperation } from './query-shape.js';

const schema = buildSchema(`
  interface Node { id: ID! }
  type Query {
    viewer: User
    users(first: Int, last: Int, after: String): UserConnection!
    node(id: ID!): Node
    version: String
  }
  type User implements Node {
    id: ID!
    name: String
    friends(first: Int, last: Int): UserConnection!
    posts: [Post!]!
  }
  type Post implements Node { id: ID! title: String author: User }
  type UserConnection { edges: [UserEdge!]! pageInfo: PageInfo! totalCount: Int! }
  type UserEdge { node: User! cursor: String! }
  type PageInfo { hasNextPage: Boolean! }
`);

function measure(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = getOperationAST(document);
  if (!operation) throw new Error('no operation');
  return measureOperation(schema, operation, fragmentsOf(document.definitions), variables, 100);
}

const limits: QueryLimits = { maxDepth: 10, maxAliases: 15, maxDirectives: 10, maxCost: 5000, maxTokens: 2000, maxPageSize: 100 };

describe('connectionCost', () => {
  it('charges each item on the page for what it selects, plus one for the connection', () => {
    expect(connectionCost(10, 2)).toBe(21);
    expect(connectionCost(100, 0)).toBe(1);
  });
});

describe('measureOperation', () => {
  it('counts the fields on the longest path, leaf included, and 1 per object field', () => {
    expect(measure('{ viewer { id } version }')).toMatchObject({ depth: 2, cost: 1, aliases: 0, directives: 0 });
    expect(measure('{ version }')).toMatchObject({ depth: 1, cost: 0 });
  });

  it('charges a connection by its page size, and nested connections multiply', () => {
    expect(measure('{ users(first: 10) { edges { node { id } } } }').cost).toBe(21);
    const nested = measure('{ users(first: 10) { edges { node { friends(first: 5) { edges { node { name } } } } } } }');
    // friends: 1 + 5 × 2 = 11; node 12; edges 13; users 1 + 10 × 13
    expect(nested.cost).toBe(131);
    expect(nested.depth).toBe(7);
  });

  it('charges `last` like `first`, and reads page sizes from variables', () => {
    expect(measure('{ users(last: 4) { edges { node { id } } } }').cost).toBe(9);
    expect(measure('query($n: Int) { users(first: $n) { edges { node { id } } } }', { n: 3 }).cost).toBe(7);
  });

  it('lets a count alone cost next to nothing, however large the page', () => {
    expect(measure('{ users(first: 100) { totalCount } }').cost).toBe(1);
  });

  it('requires `first` or `last` between 1 and 100 on every connection, naming the path', () => {
    expect(measure('{ users { totalCount } }').pageProblems).toEqual([
      { path: 'users', argument: 'first', message: '`users` needs `first` or `last` (1 to 100).' },
    ]);
    expect(measure('{ users(first: 0) { totalCount } }').pageProblems[0]?.message).toBe('`first` on `users` must be between 1 and 100; got 0.');
    expect(measure('{ users(last: 101) { totalCount } }').pageProblems[0]?.argument).toBe('last');
    expect(measure('{ users(first: 1, last: 1) { totalCount } }').pageProblems[0]?.message).toMatch(/not both/);
    const nested = measure('{ viewer { pals: friends { totalCount } } }');
    expect(nested.pageProblems.map((problem) => problem.path)).toEqual(['viewer.pals']);
  });

  it('counts a connection without a valid page size as a full page', () => {
    expect(measure('{ users { edges { node { id } } } }').cost).toBe(201);
  });

  it('counts aliases and directives, including those inside fragments', () => {
    const shape = measure(`
      query Q { a: viewer { ...F } b: viewer { id @include(if: true) } }
      fragment F on User { n: name @include(if: true) }
    `);
    expect(shape.aliases).toBe(3);
    expect(shape.directives).toBe(2);
  });

  it('leaves out fields under @skip(if: true) or @include(if: false)', () => {
    const shape = measure('query($no: Boolean!) { viewer @skip(if: true) { id } users(first: 5) @include(if: $no) { totalCount } version }', { no: false });
    expect(shape).toMatchObject({ cost: 0, depth: 1, pageProblems: [] });
  });

  it('charges the dearest of alternative concrete fragments, and always those on the interface', () => {
    const shape = measure(`{ node(id: "1") {
      ... on Node { id }
      ... on User { friends(first: 10) { edges { node { id } } } }
      ... on Post { author { id } }
    } }`);
    expect(shape.cost).toBe(22);
    const both = measure(`{ node(id: "1") { ... on User { viewer: friends(first: 1) { totalCount } } ...U } } fragment U on User { posts { id } }`);
    expect(both.cost).toBe(1 + 1 + 1);
  });

  it('measures fragments that spread each other twice in linear time, with their true cost', () => {
    const levels = 60;
    const fragments = ['fragment F0 on Query { viewer { id } }'];
    for (let level = 1; level <= levels; level += 1) fragments.push(`fragment F${level} on Query { ...F${level - 1} ...F${level - 1} }`);
    const shape = measure(`{ ...F${levels} } ${fragments.join(' ')}`);
    expect(shape.cost).toBe(2 ** levels);
    expect(shape.depth).toBe(2);
    expect(limitViolation(shape, limits)?.extensions.code).toBe('QUERY_TOO_COSTLY');
  });

  it('counts introspection as one field, whatever it selects', () => {
    const shape = measure('{ __schema { types { name fields { type { ofType { ofType { ofType { ofType { name } } } } } } } } }');
    expect(shape).toMatchObject({ depth: 1, cost: 1 });
  });
});

describe('limitViolation', () => {
  const shape = { depth: 3, aliases: 0, directives: 0, cost: 10, pageProblems: [] };

  it('lets a query within every limit run', () => {
    expect(limitViolation(shape, limits)).toBeNull();
  });

  it.each([
    [{ depth: 11 }, 'QUERY_TOO_DEEP', 10],
    [{ aliases: 16 }, 'TOO_MANY_ALIASES', 15],
    [{ directives: 11 }, 'TOO_MANY_DIRECTIVES', 10],
    [{ cost: 5001 }, 'QUERY_TOO_COSTLY', 5000],
  ])('refuses %o with %s and names the limit', (over, code, limit) => {
    const error = limitViolation({ ...shape, ...over }, limits);
    expect(error?.extensions).toMatchObject({ code, limit });
    expect(error?.message).toContain(`the limit is ${limit}`);
  });

  it('reports a missing page size as bad input on that argument', () => {
    const error = limitViolation({ ...shape, pageProblems: [{ path: 'users', argument: 'first', message: 'm' }] }, limits);
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first', field: 'users' });
  });
});

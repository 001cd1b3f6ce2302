import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { Problem } from '../src/common/problems.js';
import { VerticalService } from '../src/vertical/vertical.service.js';
import {
  type CredibilityLevel,
  VerticalBySlugDocument,
  VerticalChildrenDocument,
  VerticalChildrenWithCountsDocument,
  type VerticalCreateInput,
  VerticalCreateDocument,
  VerticalCreatorCountsDocument,
  type VerticalCreatorCountsQuery,
  VerticalNodeDocument,
  VerticalsDocument,
  VerticalUpdateDocument,
} from './generated/graphql.js';
import { type Actor, errorCodes, signUp, signUpAdmin, succeeded } from './support/actors.js';
import { useTestServer } from './support/test-server.js';

const server = useTestServer();
let admin: Actor;
beforeAll(async () => {
  admin = await signUpAdmin(server);
});

type LevelCounts = NonNullable<VerticalCreatorCountsQuery['vertical']>['creatorCounts'];

const VERTICALS = VerticalsDocument;
const VERTICAL = VerticalBySlugDocument;
const COUNTS = VerticalCreatorCountsDocument;
const CREATE = VerticalCreateDocument;
const UPDATE = VerticalUpdateDocument;

async function createVertical(input: VerticalCreateInput) {
  return succeeded(await server.graphql(CREATE, { input }, { token: admin.token }), 'verticalCreate').vertical;
}

/** A creator straight into the tables: the counts only read `vertical_slugs` and `credibility_level`. */
async function insertCreator(verticalSlugs: string[], level: number) {
  const userId = randomUUID();
  await server.sql(`insert into app_user (id, email, password_hash, display_name, created_at) values (?, ?, 'not-a-hash', 'Creator', now())`, [
    userId,
    `creator-${userId}@example.com`,
  ]);
  await server.sql(
    `insert into creator (id, user_id, display_name, kind, vertical_slugs, credibility_level, created_at, updated_at)
     values (gen_random_uuid(), ?, 'Creator', 'PROFESSIONAL', ?::text[], ?, now(), now())`,
    [userId, `{${verticalSlugs.join(',')}}`, level],
  );
}

async function countsOf(slug: string): Promise<LevelCounts> {
  const result = await server.graphql(COUNTS, { slug });
  expect(result.errors).toBeUndefined();
  return result.data!.vertical!.creatorCounts;
}

const levels = (l1: number, l2: number, l3: number, l4: number, l5: number): LevelCounts =>
  [l1, l2, l3, l4, l5].map((count, index) => ({ level: `L${index + 1}` as CredibilityLevel, count }));

describe('the vertical taxonomy', () => {
  it("ships the article's niches under their top-level verticals", async () => {
    const result = await server.graphql(VERTICALS);
    expect(result.errors).toBeUndefined();
    const childrenOf = new Map(result.data!.verticals.map((vertical) => [vertical.slug, vertical.children.map((child) => child.slug)]));
    expect(childrenOf.get('beauty')).toContain('beauty.functional-skincare');
    expect(childrenOf.get('food')).toContain('food.hyaluronic-acid-snacks');
    expect(childrenOf.get('mother-baby')).toContain('mother-baby.infant-food-supplements');
  });

  it('lists only top-level verticals, by name, each with its children by name', async () => {
    const { data } = await server.graphql(VERTICALS);
    const verticals = data!.verticals;
    expect(verticals.every((vertical) => vertical.isTopLevel && vertical.parent === null)).toBe(true);
    const names = verticals.map((vertical) => vertical.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
    const beauty = verticals.find((vertical) => vertical.slug === 'beauty')!;
    expect(beauty.children.map((child) => child.slug)).toEqual(['beauty.fragrance', 'beauty.functional-skincare', 'beauty.haircare', 'beauty.makeup']);
    expect(beauty.children.every((child) => !child.isTopLevel && child.parent?.slug === 'beauty')).toBe(true);
  });

  it('finds one vertical by slug with its parent, and answers null for an unknown slug', async () => {
    const child = await server.graphql(VERTICAL, { slug: 'food.hyaluronic-acid-snacks' });
    expect(child.data?.vertical).toMatchObject({ name: 'Hyaluronic-acid snacks', isTopLevel: false, parent: { slug: 'food' }, children: [] });
    const unknown = await server.graphql(VERTICAL, { slug: 'no-such-vertical' });
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data?.vertical).toBeNull();
  });

  it('fetches a vertical through node(id:), for anyone', async () => {
    const { data } = await server.graphql(VERTICAL, { slug: 'beauty.functional-skincare' });
    const result = await server.graphql(VerticalNodeDocument, {
      id: data!.vertical!.id,
    });
    expect(result.data?.node).toEqual({ id: data!.vertical!.id, slug: 'beauty.functional-skincare' });
  });
});

describe('creatorCounts', () => {
  beforeAll(async () => {
    await createVertical({ slug: 'pets', name: 'Pets', description: 'Pet food and care.' });
    await createVertical({ slug: 'pets.cat-food', name: 'Cat food', parentSlug: 'pets' });
    await createVertical({ slug: 'pets.dog-toys', name: 'Dog toys', parentSlug: 'pets' });
    await createVertical({ slug: 'pets.bird-seed', name: 'Bird seed', parentSlug: 'pets' });
    await insertCreator(['pets.cat-food'], 1);
    await insertCreator(['pets.cat-food', 'pets.dog-toys'], 3);
    await insertCreator(['pets'], 3);
    await insertCreator(['pets.dog-toys', 'beauty.makeup'], 5);
    await insertCreator(['beauty.makeup'], 2);
    await insertCreator([], 4);
  });

  it('counts the creators of a child vertical per level, listing every level', async () => {
    expect(await countsOf('pets.cat-food')).toEqual(levels(1, 0, 1, 0, 0));
    expect(await countsOf('pets.dog-toys')).toEqual(levels(0, 0, 1, 0, 1));
  });

  it('counts for a parent everyone in it or in any of its children, each creator once', async () => {
    expect(await countsOf('pets')).toEqual(levels(1, 0, 2, 0, 1));
  });

  it('lists all five levels with zero counts for a vertical without creators', async () => {
    expect(await countsOf('pets.bird-seed')).toEqual(levels(0, 0, 0, 0, 0));
  });

  it('counts the same creator in every vertical they work in', async () => {
    const makeup = await countsOf('beauty.makeup');
    expect(makeup.find((entry) => entry.level === 'L2')?.count).toBe(1);
    expect(makeup.find((entry) => entry.level === 'L5')?.count).toBe(1);
  });

  it('costs one statement for the counts of every vertical in the response', async () => {
    server.resetQueryCount();
    const withoutCounts = await server.graphql(VerticalChildrenDocument);
    const baseline = server.queryCount();
    server.resetQueryCount();
    const withCounts = await server.graphql(VerticalChildrenWithCountsDocument);
    expect(withoutCounts.errors).toBeUndefined();
    expect(withCounts.errors).toBeUndefined();
    expect(server.queryCount()).toBe(baseline + 1);
    const pets = withCounts.data!.verticals.find((vertical) => vertical.slug === 'pets')!;
    expect(pets.children.find((child) => child.slug === 'pets.cat-food')?.creatorCounts).toEqual(levels(1, 0, 1, 0, 0));
  });
});

describe('verticalCreate', () => {
  it('lets an admin add a top-level vertical and a child beneath it', async () => {
    const parent = await createVertical({ slug: 'toys', name: 'Toys & games' });
    expect(parent).toMatchObject({ slug: 'toys', name: 'Toys & games', description: '', isTopLevel: true, parent: null });
    const child = await createVertical({ slug: 'toys.stem-kits', name: 'STEM kits', description: 'Science kits.', parentSlug: 'toys' });
    expect(child).toMatchObject({ slug: 'toys.stem-kits', isTopLevel: false, parent: { slug: 'toys' } });
    const listed = await server.graphql(VERTICAL, { slug: 'toys' });
    expect(listed.data?.vertical?.children.map((vertical) => vertical.slug)).toEqual(['toys.stem-kits']);
  });

  it.each([
    ['a duplicate slug', { slug: 'beauty', name: 'Beauty again' }, 'DUPLICATE', ['input', 'slug']],
    ['an unknown parent', { slug: 'garden.tools', name: 'Tools', parentSlug: 'garden' }, 'UNKNOWN_VERTICAL', ['input', 'parentSlug']],
    ['a parent that is itself a child', { slug: 'beauty.makeup.lipstick', name: 'Lipstick', parentSlug: 'beauty.makeup' }, 'INVALID', ['input', 'parentSlug']],
    ["a child slug not starting with its parent's", { slug: 'lipstick', name: 'Lipstick', parentSlug: 'beauty' }, 'INVALID', ['input', 'slug']],
    ['a dotted slug without a parent', { slug: 'garden.tools', name: 'Tools' }, 'INVALID', ['input', 'slug']],
    ['a malformed slug', { slug: 'Garden Tools', name: 'Tools' }, 'INVALID', ['input', 'slug']],
    ['an empty name', { slug: 'garden', name: '  ' }, 'OUT_OF_RANGE', ['input', 'name']],
  ])('refuses %s with %s and writes nothing', async (_label, input, code, field) => {
    const before = await server.sql<{ n: number }>('select count(*)::int as n from vertical');
    const result = await server.graphql(CREATE, { input }, { token: admin.token });
    expect(errorCodes(result, 'verticalCreate')).toEqual([code]);
    expect(result.data?.verticalCreate.userErrors[0]?.field).toEqual(field);
    expect(result.data?.verticalCreate.vertical).toBeNull();
    expect(await server.sql('select count(*)::int as n from vertical')).toEqual(before);
  });

  it('names the slug in the UNKNOWN_VERTICAL message', async () => {
    const result = await server.graphql(
      CREATE,
      { input: { slug: 'garden.tools', name: 'Tools', parentSlug: 'garden' } },
      { token: admin.token },
    );
    expect(result.data?.verticalCreate.userErrors[0]?.message).toContain('"garden"');
  });

  it('is refused to signed-in users who are not admins (FORBIDDEN) and to anonymous callers (UNAUTHENTICATED)', async () => {
    const user = await signUp(server, 'not-admin');
    const input = { slug: 'garden', name: 'Garden' };
    const forbidden = await server.graphql(CREATE, { input }, { token: user.token });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await server.graphql(CREATE, { input });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await server.sql(`select count(*)::int as n from vertical where slug = 'garden'`)).toEqual([{ n: 0 }]);
  });
});

describe('verticalUpdate', () => {
  it('lets an admin rename and re-describe a vertical, keeping its slug', async () => {
    const created = await createVertical({ slug: 'books', name: 'Books' });
    const result = await server.graphql(UPDATE, { id: created.id, input: { name: 'Books & audiobooks', description: 'Printed and spoken.' } }, { token: admin.token });
    expect(succeeded(result, 'verticalUpdate')).toMatchObject({ vertical: { slug: 'books', name: 'Books & audiobooks', description: 'Printed and spoken.' } });
    const onlyDescription = await server.graphql(UPDATE, { id: created.id, input: { description: 'Printed.' } }, { token: admin.token });
    expect(succeeded(onlyDescription, 'verticalUpdate')).toMatchObject({ vertical: { name: 'Books & audiobooks', description: 'Printed.' } });
  });

  it('answers NOT_FOUND for an id that is not a vertical', async () => {
    const user = await signUp(server, 'someone');
    for (const id of [user.userId, 'garbage']) {
      const result = await server.graphql(UPDATE, { id, input: { name: 'X' } }, { token: admin.token });
      expect(errorCodes(result, 'verticalUpdate')).toEqual(['NOT_FOUND']);
    }
  });

  it('is refused to non-admins', async () => {
    const user = await signUp(server, 'not-admin');
    const { data } = await server.graphql(VERTICAL, { slug: 'beauty' });
    const result = await server.graphql(UPDATE, { id: data!.vertical!.id, input: { name: 'Hijacked' } }, { token: user.token });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await server.sql(`select name from vertical where slug = 'beauty'`)).toEqual([{ name: 'Beauty & personal care' }]);
  });
});

describe('VerticalService for other modules', () => {
  const service = new VerticalService();

  it('resolves known slugs in the order given, without repeats', async () => {
    const verticals = await service.resolveSlugs(server.app.orm.em.fork(), ['food', 'beauty.makeup', 'food'], ['input', 'verticalSlugs']);
    expect(verticals.map((vertical) => vertical.slug)).toEqual(['food', 'beauty.makeup']);
  });

  it('refuses each unknown slug with UNKNOWN_VERTICAL at the given field, naming it', async () => {
    const attempt = service.resolveSlugs(server.app.orm.em.fork(), ['food', 'nope', 'beauty.nope'], ['input', 'verticalSlugs']);
    await expect(attempt).rejects.toBeInstanceOf(Problem);
    const problem = (await attempt.catch((error: unknown) => error)) as Problem;
    expect(problem.details).toEqual([
      { code: 'UNKNOWN_VERTICAL', field: ['input', 'verticalSlugs'], message: expect.stringContaining('"nope"') },
      { code: 'UNKNOWN_VERTICAL', field: ['input', 'verticalSlugs'], message: expect.stringContaining('"beauty.nope"') },
    ]);
  });

  it('expands a top-level vertical to itself and its children, and leaves a child or unknown slug alone', async () => {
    const em = server.app.orm.em.fork();
    expect(await service.expandWithChildren(em, 'food')).toEqual(['food', 'food.healthy-drinks', 'food.hyaluronic-acid-snacks', 'food.snacks']);
    expect(await service.expandWithChildren(em, 'food.snacks')).toEqual(['food.snacks']);
    expect(await service.expandWithChildren(em, 'nope')).toEqual(['nope']);
  });
});

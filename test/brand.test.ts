import { beforeAll, describe, expect, it } from 'vitest';
import { fromGlobalId } from '../src/graphql/global-id.js';
import { type Actor, errorCodes, signUp, signUpAdmin, succeeded } from './support/actors.js';
import { type GraphQLResponse, useTestServer } from './support/test-server.js';

const server = useTestServer();

interface MemberView {
  displayName: string;
  role: string;
  joinedAt: string;
}
interface BrandView {
  id: string;
  name: string;
  description: string;
  websiteUrl: string | null;
  createdAt: string;
  viewerIsMember: boolean;
  members: MemberView[] | null;
}
interface ProductView {
  id: string;
  name: string;
  description: string;
  nicheTags: string[];
  requiredCredentials: string[];
  brand: { id: string; name: string };
  vertical: { slug: string };
  createdAt: string;
  updatedAt: string;
}
interface UserErrorView {
  code: string;
  field: string[] | null;
  message: string;
}

const BRAND_FIELDS = 'id name description websiteUrl createdAt viewerIsMember members { displayName role joinedAt }';
const PRODUCT_FIELDS = 'id name description nicheTags requiredCredentials brand { id name } vertical { slug } createdAt updatedAt';
const ERRORS = 'userErrors { code field message }';

const BRAND_CREATE = `mutation($input: BrandCreateInput!) { brandCreate(input: $input) { brand { ${BRAND_FIELDS} } ${ERRORS} } }`;
const BRAND_UPDATE = `mutation($id: ID!, $input: BrandUpdateInput!) { brandUpdate(id: $id, input: $input) { brand { ${BRAND_FIELDS} } ${ERRORS} } }`;
const MEMBER_INVITE = `mutation($brandId: ID!, $input: MemberInviteInput!) {
  brandMemberInvite(brandId: $brandId, input: $input) { invitation { id email role status } ${ERRORS} }
}`;
const INVITATION_ACCEPT = `mutation($id: ID!) { organisationInvitationAccept(id: $id) { invitation { id status } ${ERRORS} } }`;
const MEMBER_REMOVE = `mutation($brandId: ID!, $userEmail: String!) {
  brandMemberRemove(brandId: $brandId, userEmail: $userEmail) { brand { id members { displayName role } } ${ERRORS} }
}`;
const BRAND_NODE = `query($id: ID!) { node(id: $id) { id ... on Brand { ${BRAND_FIELDS} } } }`;
const BRANDS = `query($search: String, $first: Int = 20, $after: String) {
  brands(search: $search, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name } } }
}`;
const PRODUCT_CREATE = `mutation($input: ProductCreateInput!) { productCreate(input: $input) { product { ${PRODUCT_FIELDS} } ${ERRORS} } }`;
const PRODUCT_UPDATE = `mutation($id: ID!, $input: ProductUpdateInput!) { productUpdate(id: $id, input: $input) { product { ${PRODUCT_FIELDS} } ${ERRORS} } }`;
const PRODUCTS = `query($filter: ProductFilter, $first: Int = 20, $after: String) {
  products(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id name } } }
}`;

type Connection = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { id: string; name: string } }[] };

async function createBrand(owner: Actor, input: Record<string, unknown> = {}): Promise<BrandView> {
  const result = await server.graphql(BRAND_CREATE, { input: { name: 'Skinlab', ...input } }, { token: owner.token });
  return succeeded<{ brand: BrandView }>(result as never, 'brandCreate').brand;
}

async function createProduct(member: Actor, brandId: string, input: Record<string, unknown> = {}): Promise<ProductView> {
  const result = await server.graphql(
    PRODUCT_CREATE,
    { input: { brandId, name: 'Ceramide cream', verticalSlug: 'beauty.functional-skincare', ...input } },
    { token: member.token },
  );
  return succeeded<{ product: ProductView }>(result as never, 'productCreate').product;
}

/** Invites the member by email and has them accept, the one way into someone else's brand. */
async function addMember(owner: Actor, brandId: string, member: Actor, role = 'MEMBER') {
  const invited = await server.graphql(MEMBER_INVITE, { brandId, input: { email: member.email, role } }, { token: owner.token });
  const { invitation } = succeeded<{ invitation: { id: string } }>(invited as never, 'brandMemberInvite');
  return succeeded((await server.graphql(INVITATION_ACCEPT, { id: invitation.id }, { token: member.token })) as never, 'organisationInvitationAccept');
}

async function brandAs(id: string, actor?: Actor): Promise<BrandView> {
  const result = await server.graphql<{ node: BrandView }>(BRAND_NODE, { id }, actor ? { token: actor.token } : {});
  expect(result.errors).toBeUndefined();
  return result.data!.node;
}

function userErrorsOf(result: GraphQLResponse, field: string): UserErrorView[] {
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return (result.data as Record<string, { userErrors: UserErrorView[] }>)[field]!.userErrors;
}

/** The primary key behind an actor's global id, for checking rows directly. */
const databaseId = (actor: Actor) => fromGlobalId(actor.userId)!.id;

function expectForbidden(result: GraphQLResponse) {
  expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
}

describe('brandCreate', () => {
  it('creates a public brand with the caller as its owner', async () => {
    const owner = await signUp(server, 'owner');
    const brand = await createBrand(owner, { name: '  Dr. Ceramide  ', description: 'Barrier repair.', websiteUrl: 'https://ceramide.example.com' });
    expect(brand).toMatchObject({
      name: 'Dr. Ceramide',
      description: 'Barrier repair.',
      websiteUrl: 'https://ceramide.example.com',
      viewerIsMember: true,
      members: [{ displayName: 'owner', role: 'OWNER' }],
    });
    const anonymous = await brandAs(brand.id);
    expect(anonymous).toMatchObject({ name: 'Dr. Ceramide', viewerIsMember: false, members: null });
  });

  it.each([
    ['an empty name', { name: '   ' }, 'OUT_OF_RANGE', 'name'],
    ['a name over 120 characters', { name: 'x'.repeat(121) }, 'OUT_OF_RANGE', 'name'],
    ['a website that is not a URL', { name: 'Ok', websiteUrl: 'not a url' }, 'INVALID', 'websiteUrl'],
    ['a website that is not http(s)', { name: 'Ok', websiteUrl: 'ftp://files.example.com' }, 'INVALID', 'websiteUrl'],
    ['a website over 500 characters', { name: 'Ok', websiteUrl: `https://example.com/${'a'.repeat(490)}` }, 'OUT_OF_RANGE', 'websiteUrl'],
  ])('refuses %s and writes nothing', async (_label, input, code, field) => {
    const owner = await signUp(server, 'invalid');
    const result = await server.graphql(BRAND_CREATE, { input }, { token: owner.token });
    expect(userErrorsOf(result, 'brandCreate').map((error) => [error.code, error.field])).toEqual([[code, ['input', field]]]);
    expect(await server.sql('select count(*)::int as n from brand_member where user_id = ?', [databaseId(owner)])).toEqual([{ n: 0 }]);
  });

  it('needs a signed-in user', async () => {
    const result = await server.graphql(BRAND_CREATE, { input: { name: 'Anonymous brand' } });
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('brands', () => {
  it('finds brands whose name contains the search, ignoring case, and treats % as a literal', async () => {
    const owner = await signUp(server, 'searcher');
    await createBrand(owner, { name: 'zeta nutrition B-kids' });
    await createBrand(owner, { name: 'Zeta Nutrition A-Lab' });
    await createBrand(owner, { name: '100% Zeta' });
    const result = await server.graphql<{ brands: Connection }>(BRANDS, { search: 'ZETA NUTRITION' });
    expect(result.data?.brands.edges.map((edge) => edge.node.name)).toEqual(['Zeta Nutrition A-Lab', 'zeta nutrition B-kids']);
    const percent = await server.graphql<{ brands: Connection }>(BRANDS, { search: '0% z' });
    expect(percent.data?.brands.edges.map((edge) => edge.node.name)).toEqual(['100% Zeta']);
    const wildcard = await server.graphql<{ brands: Connection }>(BRANDS, { search: 'zeta%kids' });
    expect(wildcard.data?.brands.totalCount).toBe(0);
  });

  it('pages through brands with first and after', async () => {
    const owner = await signUp(server, 'pager');
    for (const name of ['Pagetest A', 'Pagetest B', 'Pagetest C']) await createBrand(owner, { name });
    const first = await server.graphql<{ brands: Connection }>(BRANDS, { search: 'pagetest', first: 2 });
    expect(first.data?.brands).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    expect(first.data?.brands.edges.map((edge) => edge.node.name)).toEqual(['Pagetest A', 'Pagetest B']);
    const rest = await server.graphql<{ brands: Connection }>(BRANDS, { search: 'pagetest', first: 2, after: first.data?.brands.pageInfo.endCursor });
    expect(rest.data?.brands.edges.map((edge) => edge.node.name)).toEqual(['Pagetest C']);
    expect(rest.data?.brands.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses a page size over 100', async () => {
    const result = await server.graphql(BRANDS, { first: 101 });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('brand members', () => {
  it('are visible to members and admins only', async () => {
    const owner = await signUp(server, 'owner');
    const colleague = await signUp(server, 'colleague');
    const stranger = await signUp(server, 'stranger');
    const admin = await signUpAdmin(server);
    const brand = await createBrand(owner);
    await addMember(owner, brand.id, colleague);

    const expected = [
      { displayName: 'owner', role: 'OWNER' },
      { displayName: 'colleague', role: 'MEMBER' },
    ];
    expect(await brandAs(brand.id, owner)).toMatchObject({ viewerIsMember: true, members: expected });
    expect(await brandAs(brand.id, colleague)).toMatchObject({ viewerIsMember: true, members: expected });
    expect(await brandAs(brand.id, admin)).toMatchObject({ viewerIsMember: false, members: expected });
    expect(await brandAs(brand.id, stranger)).toMatchObject({ viewerIsMember: false, members: null });
    expect(await brandAs(brand.id)).toMatchObject({ viewerIsMember: false, members: null });
  });

  it('join by accepting an owner’s invitation, and then act for the brand', async () => {
    const owner = await signUp(server, 'owner');
    const newcomer = await signUp(server, 'newcomer');
    const brand = await createBrand(owner);
    const invited = await server.graphql(MEMBER_INVITE, { brandId: brand.id, input: { email: newcomer.email.toUpperCase() } }, { token: owner.token });
    const { invitation } = succeeded<{ invitation: { id: string; email: string; role: string; status: string } }>(invited as never, 'brandMemberInvite');
    expect(invitation).toMatchObject({ email: newcomer.email, role: 'MEMBER', status: 'INVITED' });
    expect((await brandAs(brand.id, newcomer)).viewerIsMember).toBe(false);
    expectForbidden(await server.graphql(BRAND_UPDATE, { id: brand.id, input: { description: 'Too early.' } }, { token: newcomer.token }));

    succeeded((await server.graphql(INVITATION_ACCEPT, { id: invitation.id }, { token: newcomer.token })) as never, 'organisationInvitationAccept');
    expect((await brandAs(brand.id, owner)).members?.map((member) => member.displayName)).toEqual(['owner', 'newcomer']);
    const update = await server.graphql(BRAND_UPDATE, { id: brand.id, input: { description: 'Edited by the newcomer.' } }, { token: newcomer.token });
    expect(succeeded<{ brand: BrandView }>(update as never, 'brandUpdate').brand.description).toBe('Edited by the newcomer.');
  });

  it('cannot be added without their consent: brandMemberAdd is gone', async () => {
    const result = await server.graphql(`mutation { brandMemberAdd(brandId: "x", input: { email: "a@example.com" }) { userErrors { code } } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('can be managed by owners only: members and outsiders are FORBIDDEN', async () => {
    const owner = await signUp(server, 'owner');
    const colleague = await signUp(server, 'colleague');
    const stranger = await signUp(server, 'stranger');
    const brand = await createBrand(owner);
    await addMember(owner, brand.id, colleague);
    for (const actor of [colleague, stranger]) {
      expectForbidden(await server.graphql(MEMBER_INVITE, { brandId: brand.id, input: { email: stranger.email } }, { token: actor.token }));
      expectForbidden(await server.graphql(MEMBER_REMOVE, { brandId: brand.id, userEmail: owner.email }, { token: actor.token }));
    }
    expect(await server.sql('select count(*)::int as n from brand_member where brand_id = (select brand_id from brand_member where user_id = ?)', [databaseId(owner)])).toEqual([
      { n: 2 },
    ]);
  });

  it('answers NOT_FOUND for a brand id that names no brand', async () => {
    const owner = await signUp(server, 'owner');
    const other = await signUp(server, 'other');
    for (const brandId of [other.userId, 'garbage']) {
      const invited = await server.graphql(MEMBER_INVITE, { brandId, input: { email: other.email } }, { token: owner.token });
      expect(userErrorsOf(invited, 'brandMemberInvite').map((error) => [error.code, error.field])).toEqual([['NOT_FOUND', ['brandId']]]);
      const removed = await server.graphql(MEMBER_REMOVE, { brandId, userEmail: other.email }, { token: owner.token });
      expect(userErrorsOf(removed, 'brandMemberRemove').map((error) => [error.code, error.field])).toEqual([['NOT_FOUND', ['brandId']]]);
    }
  });

  it('can be removed by an owner, except the last owner', async () => {
    const owner = await signUp(server, 'owner');
    const colleague = await signUp(server, 'colleague');
    const brand = await createBrand(owner);
    await addMember(owner, brand.id, colleague);

    const lastOwner = await server.graphql(MEMBER_REMOVE, { brandId: brand.id, userEmail: owner.email }, { token: owner.token });
    expect(userErrorsOf(lastOwner, 'brandMemberRemove').map((error) => [error.code, error.field])).toEqual([['LAST_OWNER', ['userEmail']]]);

    const removed = await server.graphql(MEMBER_REMOVE, { brandId: brand.id, userEmail: colleague.email }, { token: owner.token });
    expect(succeeded<{ brand: { members: MemberView[] } }>(removed as never, 'brandMemberRemove').brand.members).toEqual([{ displayName: 'owner', role: 'OWNER' }]);
    expect(await brandAs(brand.id, colleague)).toMatchObject({ viewerIsMember: false, members: null });
    expectForbidden(await server.graphql(BRAND_UPDATE, { id: brand.id, input: { name: 'Gone' } }, { token: colleague.token }));

    const notMember = await server.graphql(MEMBER_REMOVE, { brandId: brand.id, userEmail: colleague.email }, { token: owner.token });
    expect(userErrorsOf(notMember, 'brandMemberRemove').map((error) => [error.code, error.field])).toEqual([['NOT_FOUND', ['userEmail']]]);
  });

  it('lets one of two owners remove the other, and then keeps the remaining one', async () => {
    const first = await signUp(server, 'first');
    const second = await signUp(server, 'second');
    const brand = await createBrand(first);
    await addMember(first, brand.id, second, 'OWNER');
    succeeded((await server.graphql(MEMBER_REMOVE, { brandId: brand.id, userEmail: first.email }, { token: second.token })) as never, 'brandMemberRemove');
    const last = await server.graphql(MEMBER_REMOVE, { brandId: brand.id, userEmail: second.email }, { token: second.token });
    expect(errorCodes(last as never, 'brandMemberRemove')).toEqual(['LAST_OWNER']);
  });

  it('never lose their last owner, however many owners remove each other at the same moment', async () => {
    const owners = await Promise.all(['first', 'second', 'third', 'fourth'].map((name) => signUp(server, name)));
    const brand = await createBrand(owners[0]!);
    for (const owner of owners.slice(1)) await addMember(owners[0]!, brand.id, owner, 'OWNER');
    const removals = owners.flatMap((remover) =>
      owners.filter((target) => target !== remover).map((target) => server.graphql(MEMBER_REMOVE, { brandId: brand.id, userEmail: target.email }, { token: remover.token })),
    );
    const outcomes = (await Promise.all(removals)).map(
      (result) =>
        result.errors?.[0]?.extensions?.code ?? (result.data as { brandMemberRemove: { userErrors: { code: string }[] } }).brandMemberRemove.userErrors[0]?.code ?? 'OK',
    );
    expect(outcomes.filter((outcome) => outcome === 'OK')).toHaveLength(3);
    // The others fail as a user would expect: already removed, no longer an owner, or the last one.
    expect(outcomes.filter((outcome) => !['OK', 'FORBIDDEN', 'NOT_FOUND', 'LAST_OWNER'].includes(outcome))).toEqual([]);
    const remaining = await server.sql<{ n: number }>(`select count(*)::int as n from brand_member where role = 'OWNER' and user_id in (?)`, [owners.map(databaseId)]);
    expect(remaining).toEqual([{ n: 1 }]);
  });
});

describe('brandUpdate', () => {
  it('lets a member change the profile; omitted fields stay, a null website is removed', async () => {
    const owner = await signUp(server, 'owner');
    const brand = await createBrand(owner, { description: 'Original.', websiteUrl: 'https://skinlab.example.com' });
    const renamed = await server.graphql(BRAND_UPDATE, { id: brand.id, input: { name: 'Skinlab Pro' } }, { token: owner.token });
    expect(succeeded<{ brand: BrandView }>(renamed as never, 'brandUpdate').brand).toMatchObject({
      name: 'Skinlab Pro',
      description: 'Original.',
      websiteUrl: 'https://skinlab.example.com',
    });
    const cleared = await server.graphql(BRAND_UPDATE, { id: brand.id, input: { websiteUrl: null } }, { token: owner.token });
    expect(succeeded<{ brand: BrandView }>(cleared as never, 'brandUpdate').brand).toMatchObject({ name: 'Skinlab Pro', websiteUrl: null });
  });

  it('gives non-members of the public brand a top-level FORBIDDEN and changes nothing', async () => {
    const owner = await signUp(server, 'owner');
    const stranger = await signUp(server, 'stranger');
    const brand = await createBrand(owner, { name: 'Untouched' });
    expectForbidden(await server.graphql(BRAND_UPDATE, { id: brand.id, input: { name: 'Defaced' } }, { token: stranger.token }));
    expect((await brandAs(brand.id)).name).toBe('Untouched');
  });

  it('refuses invalid changes and unknown ids', async () => {
    const owner = await signUp(server, 'owner');
    const brand = await createBrand(owner);
    const invalid = await server.graphql(BRAND_UPDATE, { id: brand.id, input: { name: '', websiteUrl: 'javascript:alert(1)' } }, { token: owner.token });
    expect(userErrorsOf(invalid, 'brandUpdate').map((error) => [error.code, error.field])).toEqual([
      ['OUT_OF_RANGE', ['input', 'name']],
      ['INVALID', ['input', 'websiteUrl']],
    ]);
    const unknown = await server.graphql(BRAND_UPDATE, { id: owner.userId, input: { name: 'X' } }, { token: owner.token });
    expect(userErrorsOf(unknown, 'brandUpdate').map((error) => [error.code, error.field])).toEqual([['NOT_FOUND', ['id']]]);
  });
});

describe('User.brands', () => {
  it("lists the viewer's brands by name", async () => {
    const owner = await signUp(server, 'multi');
    const other = await signUp(server, 'other');
    const beta = await createBrand(other, { name: 'Beta Foods' });
    await createBrand(owner, { name: 'Alpha Care' });
    await createBrand(other, { name: 'Not Mine' });
    await addMember(other, beta.id, owner);
    const result = await server.graphql<{ viewer: { brands: { name: string }[] } }>(`{ viewer { brands { name } } }`, {}, { token: owner.token });
    expect(result.data?.viewer.brands.map((brand) => brand.name)).toEqual(['Alpha Care', 'Beta Foods']);
  });
});

describe('products', () => {
  let owner: Actor;
  let brand: BrandView;
  beforeAll(async () => {
    owner = await signUp(server, 'product-owner');
    brand = await createBrand(owner, { name: 'Product Brand' });
  });

  it('lets a brand member add a product with normalised tags and required credentials', async () => {
    const product = await createProduct(owner, brand.id, {
      name: 'Repair serum',
      description: 'Ceramide serum.',
      nicheTags: ['Ceramide', ' Sensitive Skin ', 'ceramide'],
      requiredCredentials: ['DERMATOLOGIST', 'COSMETIC_CHEMIST', 'DERMATOLOGIST'],
    });
    expect(product).toMatchObject({
      name: 'Repair serum',
      description: 'Ceramide serum.',
      nicheTags: ['ceramide', 'sensitive-skin'],
      requiredCredentials: ['COSMETIC_CHEMIST', 'DERMATOLOGIST'],
      brand: { id: brand.id, name: 'Product Brand' },
      vertical: { slug: 'beauty.functional-skincare' },
    });
    const fetched = await server.graphql<{ node: ProductView }>(`query($id: ID!) { node(id: $id) { ... on Product { ${PRODUCT_FIELDS} } } }`, { id: product.id });
    expect(fetched.data?.node).toEqual(product);
  });

  it('refuses an unknown vertical with UNKNOWN_VERTICAL and writes nothing', async () => {
    const result = await server.graphql(
      PRODUCT_CREATE,
      { input: { brandId: brand.id, name: 'Lost product', verticalSlug: 'beauty.no-such-niche' } },
      { token: owner.token },
    );
    const errors = userErrorsOf(result, 'productCreate');
    expect(errors.map((error) => [error.code, error.field])).toEqual([['UNKNOWN_VERTICAL', ['input', 'verticalSlug']]]);
    expect(errors[0]?.message).toContain('beauty.no-such-niche');
    expect(await server.sql(`select count(*)::int as n from product where name = 'Lost product'`)).toEqual([{ n: 0 }]);
  });

  it.each([
    ['an empty name', { name: ' ' }, 'OUT_OF_RANGE', ['input', 'name']],
    ['more than 20 niche tags', { nicheTags: Array.from({ length: 21 }, (_, index) => `tag-${index}`) }, 'OUT_OF_RANGE', ['input', 'nicheTags']],
    ['a blank niche tag', { nicheTags: ['ok', ' - '] }, 'OUT_OF_RANGE', ['input', 'nicheTags', '1']],
  ])('refuses %s', async (_label, input, code, field) => {
    const result = await server.graphql(
      PRODUCT_CREATE,
      { input: { brandId: brand.id, name: 'Fine', verticalSlug: 'food.snacks', ...input } },
      { token: owner.token },
    );
    expect(userErrorsOf(result, 'productCreate').map((error) => [error.code, error.field])).toEqual([[code, field]]);
  });

  it('refuses a brand id that names no brand with NOT_FOUND', async () => {
    const result = await server.graphql(PRODUCT_CREATE, { input: { brandId: owner.userId, name: 'X', verticalSlug: 'food.snacks' } }, { token: owner.token });
    expect(userErrorsOf(result, 'productCreate').map((error) => [error.code, error.field])).toEqual([['NOT_FOUND', ['input', 'brandId']]]);
  });

  it('gives non-members a top-level FORBIDDEN when they add or change a brand’s product', async () => {
    const stranger = await signUp(server, 'stranger');
    const product = await createProduct(owner, brand.id, { name: 'Guarded' });
    expectForbidden(await server.graphql(PRODUCT_CREATE, { input: { brandId: brand.id, name: 'Intruder', verticalSlug: 'food.snacks' } }, { token: stranger.token }));
    expectForbidden(await server.graphql(PRODUCT_UPDATE, { id: product.id, input: { name: 'Hijacked' } }, { token: stranger.token }));
    expect(await server.sql('select name from product where brand_id = (select brand_id from brand_member where user_id = ?) and name in (?, ?, ?)', [
      databaseId(owner),
      'Guarded',
      'Intruder',
      'Hijacked',
    ])).toEqual([{ name: 'Guarded' }]);
    const anonymous = await server.graphql(PRODUCT_UPDATE, { id: product.id, input: { name: 'Hijacked' } });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lets a member change a product; omitted fields stay; an unknown vertical changes nothing', async () => {
    const product = await createProduct(owner, brand.id, { name: 'Snack bar', verticalSlug: 'food.snacks', nicheTags: ['oat'] });
    const moved = await server.graphql(
      PRODUCT_UPDATE,
      { id: product.id, input: { verticalSlug: 'food.hyaluronic-acid-snacks', nicheTags: ['Hyaluronic Acid'], requiredCredentials: ['NUTRITIONIST'] } },
      { token: owner.token },
    );
    const updated = succeeded<{ product: ProductView }>(moved as never, 'productUpdate').product;
    expect(updated).toMatchObject({
      name: 'Snack bar',
      vertical: { slug: 'food.hyaluronic-acid-snacks' },
      nicheTags: ['hyaluronic-acid'],
      requiredCredentials: ['NUTRITIONIST'],
    });
    const unknown = await server.graphql(PRODUCT_UPDATE, { id: product.id, input: { name: 'Renamed', verticalSlug: 'food.nope' } }, { token: owner.token });
    expect(errorCodes(unknown as never, 'productUpdate')).toEqual(['UNKNOWN_VERTICAL']);
    expect(await server.sql('select name from product where id = ?', [(await server.sql<{ id: string }>(`select id from product where name = 'Snack bar'`))[0]!.id])).toEqual([
      { name: 'Snack bar' },
    ]);
    const missing = await server.graphql(PRODUCT_UPDATE, { id: brand.id, input: { name: 'X' } }, { token: owner.token });
    expect(userErrorsOf(missing, 'productUpdate').map((error) => [error.code, error.field])).toEqual([['NOT_FOUND', ['id']]]);
  });

  describe('filters', () => {
    let filterBrand: BrandView;
    let otherBrand: BrandView;
    beforeAll(async () => {
      filterBrand = await createBrand(owner, { name: 'Filter Brand' });
      otherBrand = await createBrand(owner, { name: 'Other Brand' });
      await createProduct(owner, filterBrand.id, { name: 'F skincare', verticalSlug: 'beauty.functional-skincare', nicheTags: ['ceramide'] });
      await createProduct(owner, filterBrand.id, { name: 'F beauty', verticalSlug: 'beauty', nicheTags: ['hyaluronic-acid'] });
      await createProduct(owner, filterBrand.id, { name: 'F snack', verticalSlug: 'food.hyaluronic-acid-snacks', nicheTags: ['hyaluronic-acid'] });
      await createProduct(owner, otherBrand.id, { name: 'O makeup', verticalSlug: 'beauty.makeup' });
    });

    const names = async (filter: Record<string, unknown>) => {
      const result = await server.graphql<{ products: Connection }>(PRODUCTS, { filter, first: 100 });
      expect(result.errors).toBeUndefined();
      return result.data!.products.edges.map((edge) => edge.node.name).sort();
    };

    it("by brand, listing only that brand's products", async () => {
      expect(await names({ brandId: filterBrand.id })).toEqual(['F beauty', 'F skincare', 'F snack']);
      expect(await names({ brandId: 'garbage' })).toEqual([]);
    });

    it('by vertical, where a top-level vertical includes its children and a child only itself', async () => {
      expect(await names({ brandId: filterBrand.id, verticalSlug: 'beauty' })).toEqual(['F beauty', 'F skincare']);
      expect(await names({ brandId: filterBrand.id, verticalSlug: 'beauty.functional-skincare' })).toEqual(['F skincare']);
      expect(await names({ verticalSlug: 'beauty.makeup' })).toEqual(['O makeup']);
      expect(await names({ verticalSlug: 'no-such-vertical' })).toEqual([]);
    });

    it('by niche tag, normalised like the stored tags', async () => {
      expect(await names({ brandId: filterBrand.id, nicheTag: 'Hyaluronic Acid' })).toEqual(['F beauty', 'F snack']);
      expect(await names({ brandId: filterBrand.id, nicheTag: 'hyaluronic-acid', verticalSlug: 'food' })).toEqual(['F snack']);
    });

    it('pages with first and after', async () => {
      const first = await server.graphql<{ products: Connection }>(PRODUCTS, { filter: { brandId: filterBrand.id }, first: 2 });
      expect(first.data?.products).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
      const rest = await server.graphql<{ products: Connection }>(PRODUCTS, { filter: { brandId: filterBrand.id }, first: 2, after: first.data!.products.pageInfo.endCursor });
      const seen = [...first.data!.products.edges, ...rest.data!.products.edges].map((edge) => edge.node.name).sort();
      expect(seen).toEqual(['F beauty', 'F skincare', 'F snack']);
      expect(rest.data?.products.pageInfo.hasNextPage).toBe(false);
      const unfiltered = await server.graphql<{ products: Connection }>(PRODUCTS, { first: 100 });
      expect(unfiltered.data?.products.totalCount).toBeGreaterThanOrEqual(4);
    });

    it("lists each brand's first products in one statement for all brands, with cursors to page on", async () => {
      const query = `query($search: String) { brands(search: $search, first: 20) { edges { node { name products(first: 2) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { name } } } } } } }`;
      server.resetQueryCount();
      await server.graphql(`query($search: String) { brands(search: $search, first: 20) { edges { node { name } } } }`, { search: ' Brand' });
      const baseline = server.queryCount();
      server.resetQueryCount();
      const result = await server.graphql<{ brands: { edges: { node: { name: string; products: Connection } }[] } }>(query, { search: ' Brand' });
      expect(result.errors).toBeUndefined();
      expect(server.queryCount()).toBe(baseline + 1);

      const byName = new Map(result.data!.brands.edges.map((edge) => [edge.node.name, edge.node.products]));
      expect(byName.get('Filter Brand')).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
      expect(byName.get('Filter Brand')?.edges).toHaveLength(2);
      expect(byName.get('Other Brand')).toMatchObject({ totalCount: 1, pageInfo: { hasNextPage: false }, edges: [{ node: { name: 'O makeup' } }] });

      const rest = await server.graphql<{ node: { products: Connection } }>(
        `query($id: ID!, $after: String) { node(id: $id) { ... on Brand { products(first: 2, after: $after) { pageInfo { hasNextPage } edges { node { name } } } } } }`,
        { id: filterBrand.id, after: byName.get('Filter Brand')!.pageInfo.endCursor },
      );
      const all = [...byName.get('Filter Brand')!.edges, ...rest.data!.node.products.edges].map((edge) => edge.node.name).sort();
      expect(all).toEqual(['F beauty', 'F skincare', 'F snack']);
      expect(rest.data?.node.products.pageInfo.hasNextPage).toBe(false);
    });

    it("reads each brand's last products in one statement too, with cursors to page back from", async () => {
      type Page = { totalCount: number; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string }; edges: { node: { name: string } }[] };
      const forward = await server.graphql<{ node: { products: Page } }>(
        `query($id: ID!) { node(id: $id) { ... on Brand { products(first: 100) { edges { node { name } } } } } }`,
        { id: filterBrand.id },
      );
      const newestFirst = forward.data!.node.products.edges.map((edge) => edge.node.name);

      const pageFields = 'totalCount pageInfo { hasNextPage hasPreviousPage startCursor } edges { node { name } }';
      server.resetQueryCount();
      await server.graphql(`query($search: String) { brands(search: $search, first: 20) { edges { node { name } } } }`, { search: ' Brand' });
      const baseline = server.queryCount();
      server.resetQueryCount();
      const result = await server.graphql<{ brands: { edges: { node: { name: string; products: Page } }[] } }>(
        `query($search: String) { brands(search: $search, first: 20) { edges { node { name products(last: 2) { ${pageFields} } } } } }`,
        { search: ' Brand' },
      );
      expect(result.errors).toBeUndefined();
      expect(server.queryCount()).toBe(baseline + 1);

      const byName = new Map(result.data!.brands.edges.map((edge) => [edge.node.name, edge.node.products]));
      const filterPage = byName.get('Filter Brand')!;
      expect(filterPage).toMatchObject({ totalCount: 3, pageInfo: { hasPreviousPage: true, hasNextPage: false } });
      expect(filterPage.edges.map((edge) => edge.node.name)).toEqual(newestFirst.slice(1));
      expect(byName.get('Other Brand')).toMatchObject({ totalCount: 1, pageInfo: { hasPreviousPage: false }, edges: [{ node: { name: 'O makeup' } }] });

      const before = await server.graphql<{ node: { products: Page } }>(
        `query($id: ID!, $before: String) { node(id: $id) { ... on Brand { products(last: 2, before: $before) { ${pageFields} } } } }`,
        { id: filterBrand.id, before: filterPage.pageInfo.startCursor },
      );
      expect(before.data?.node.products.edges.map((edge) => edge.node.name)).toEqual(newestFirst.slice(0, 1));
      expect(before.data?.node.products.pageInfo.hasPreviousPage).toBe(false);
    });
  });
});

import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { beforeAll, describe, expect, it } from 'vitest';
import { Brief, BriefInvitation } from '../src/brief/brief.entity.js';
import { BriefService } from '../src/brief/brief.service.js';
import { Problem } from '../src/common/problems.js';
import { toGlobalId } from '../src/graphql/global-id.js';
import { VerticalService } from '../src/vertical/vertical.service.js';
import { type Actor, errorCodes, signUp, signUpAdmin, succeeded } from './support/actors.js';
import { answerWhileRowLocked } from './support/bids.js';
import { type GraphQLResponse, startTestServer, useTestServer } from './support/test-server.js';

// Housekeeping stays out of the way here, so a deadline that passes is seen before anything writes it.
const server = useTestServer({ HOUSEKEEPING_INTERVAL_MS: '3600000' });

const DAY = 24 * 60 * 60 * 1000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

const ERRORS = 'userErrors { code field message }';
const BRIEF_FIELDS = /* GraphQL */ `
  id title description objective status nicheTags formats platforms preferredStructures gmvGuarantee
  slots slotsFilled slotsRemaining biddingMode visibility deadline openForBids
  publishedAt closedAt awardedAt cancelledAt createdAt updatedAt
  brand { id name }
  products { id name }
  verticals { slug }
  targetAudience { gender ageBands regions }
  requiredCredentials ownRequiredCredentials minCredibilityLevel
  budget { amount currency }
  invitations { id invitedAt creator { id } trader { id } agency { id } }
`;

const BRIEF_CREATE = `mutation($input: BriefCreateInput!, $key: String) {
  briefCreate(input: $input, idempotencyKey: $key) { brief { ${BRIEF_FIELDS} } ${ERRORS} }
}`;
const BRIEF_UPDATE = `mutation($id: ID!, $input: BriefUpdateInput!) { briefUpdate(id: $id, input: $input) { brief { ${BRIEF_FIELDS} } ${ERRORS} } }`;
const transition = (name: string) =>
  name === 'briefCancel'
    ? `mutation($id: ID!) { briefCancel(id: $id, reason: "Product launch postponed") { brief { ${BRIEF_FIELDS} cancellationReason } ${ERRORS} } }`
    : `mutation($id: ID!) { ${name}(id: $id) { brief { ${BRIEF_FIELDS} } ${ERRORS} } }`;
const BRIEF_INVITE = `mutation($id: ID!, $input: BriefInviteInput!) { briefInvite(id: $id, input: $input) { brief { ${BRIEF_FIELDS} } ${ERRORS} } }`;
const BRIEF_UNINVITE = `mutation($id: ID!, $invitationId: ID!) { briefUninvite(id: $id, invitationId: $invitationId) { brief { ${BRIEF_FIELDS} } ${ERRORS} } }`;
const BRIEF_NODE = `query($id: ID!) { node(id: $id) { id ... on Brief { ${BRIEF_FIELDS} } } }`;
const BRIEFS = `query($filter: BriefFilter, $first: Int = 20, $after: String) {
  briefs(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id title status deadline } } }
}`;
const BRAND_BRIEFS = `query($id: ID!, $statuses: [BriefStatus!], $first: Int = 20, $after: String) {
  node(id: $id) { ... on Brand { briefs(statuses: $statuses, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id status } } } } }
}`;

interface BriefView {
  id: string;
  title: string;
  description: string;
  objective: string;
  status: string;
  nicheTags: string[];
  formats: string[];
  platforms: string[];
  slots: number;
  slotsFilled: number;
  slotsRemaining: number;
  deadline: string;
  openForBids: boolean;
  publishedAt: string | null;
  closedAt: string | null;
  awardedAt: string | null;
  cancelledAt: string | null;
  updatedAt: string;
  brand: { id: string; name: string };
  products: { id: string; name: string }[];
  verticals: { slug: string }[];
  targetAudience: { gender: string; ageBands: string[]; regions: string[] };
  requiredCredentials: string[];
  ownRequiredCredentials: string[];
  minCredibilityLevel: string;
  budget: { amount: number; currency: string };
  invitations: { id: string; creator: { id: string } | null; trader: { id: string } | null; agency: { id: string } | null }[] | null;
  [field: string]: unknown;
}
interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor?: string; node: { id: string; title?: string; status: string; deadline?: string } }[];
}
type Payload = GraphQLResponse<Record<string, { brief: BriefView | null; userErrors: { code: string; field: string[] | null; message: string }[] }>>;

interface BrandSetup {
  owner: Actor;
  brandId: string;
  productIds: string[];
}

const as = (actor?: Actor) => (actor ? { token: actor.token } : {});

async function createBrand(name = 'Brand', products: Record<string, unknown>[] = [{}]): Promise<BrandSetup> {
  const owner = await signUp(server, name.toLowerCase().replace(/\W+/g, '-'));
  const brand = await server.graphql(`mutation($input: BrandCreateInput!) { brandCreate(input: $input) { brand { id } ${ERRORS} } }`, { input: { name } }, as(owner));
  const brandId = succeeded<{ brand: { id: string } }>(brand as never, 'brandCreate').brand.id;
  const productIds: string[] = [];
  for (const [index, product] of products.entries()) {
    const result = await server.graphql(
      `mutation($input: ProductCreateInput!) { productCreate(input: $input) { product { id } ${ERRORS} } }`,
      { input: { brandId, name: `${name} product ${index + 1}`, verticalSlug: 'beauty.functional-skincare', ...product } },
      as(owner),
    );
    productIds.push(succeeded<{ product: { id: string } }>(result as never, 'productCreate').product.id);
  }
  return { owner, brandId, productIds };
}

function briefInput(brand: BrandSetup, overrides: Record<string, unknown> = {}) {
  return {
    brandId: brand.brandId,
    title: 'Seeding for a ceramide serum',
    description: 'Dermatologists explain the barrier repair.',
    objective: 'SEEDING_CONTENT',
    productIds: brand.productIds,
    formats: ['SHORT_VIDEO'],
    platforms: ['XIAOHONGSHU'],
    budget: { amount: 5_000_000, currency: 'CNY' },
    preferredStructures: ['FIXED_FEE'],
    slots: 3,
    deadline: inDays(14),
    ...overrides,
  };
}

async function createBrief(brand: BrandSetup, overrides: Record<string, unknown> = {}): Promise<BriefView> {
  const result = await server.graphql<never>(BRIEF_CREATE, { input: briefInput(brand, overrides) }, as(brand.owner));
  return succeeded<{ brief: BriefView }>(result, 'briefCreate').brief;
}

async function act(mutation: string, field: string, actor: Actor | undefined, variables: Record<string, unknown>): Promise<Payload> {
  return server.graphql(mutation, variables, as(actor)) as Promise<Payload>;
}

async function move(name: string, actor: Actor, id: string): Promise<BriefView> {
  return succeeded<{ brief: BriefView }>((await act(transition(name), name, actor, { id })) as never, name).brief;
}

async function publishedBrief(brand: BrandSetup, overrides: Record<string, unknown> = {}): Promise<BriefView> {
  return move('briefPublish', brand.owner, (await createBrief(brand, overrides)).id);
}

async function node(id: string, viewer?: Actor): Promise<BriefView | null> {
  const result = await server.graphql<{ node: BriefView | null }>(BRIEF_NODE, { id }, as(viewer));
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!.node;
}

async function listBriefs(filter: Record<string, unknown> | null, viewer?: Actor, page: Record<string, unknown> = {}): Promise<Page> {
  const result = await server.graphql<{ briefs: Page }>(BRIEFS, { filter, first: 100, ...page }, as(viewer));
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!.briefs;
}

async function brandBriefs(brandId: string, viewer?: Actor, statuses?: string[]): Promise<Page> {
  const result = await server.graphql<{ node: { briefs: Page } }>(BRAND_BRIEFS, { id: brandId, statuses, first: 100 }, as(viewer));
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!.node.briefs;
}

const idsOf = (page: Page) => page.edges.map((edge) => edge.node.id);

async function briefRow(id: string) {
  const [row] = await server.sql<Record<string, unknown>>('select * from brief where id = ?', [idFromGlobal(id)]);
  return row!;
}

function idFromGlobal(globalId: string): string {
  return Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1]!;
}

async function briefCount(): Promise<number> {
  return (await server.sql<{ n: number }>('select count(*)::int as n from brief'))[0]!.n;
}

async function createCreator(name = 'creator'): Promise<{ actor: Actor; creatorId: string }> {
  const actor = await signUp(server, name);
  const result = await server.graphql(
    `mutation($input: CreatorProfileCreateInput!) { creatorProfileCreate(input: $input) { creator { id } ${ERRORS} } }`,
    { input: { displayName: name, kind: 'PROFESSIONAL' } },
    as(actor),
  );
  return { actor, creatorId: succeeded<{ creator: { id: string } }>(result as never, 'creatorProfileCreate').creator.id };
}

async function createTrader(name = 'operator'): Promise<{ actor: Actor; traderId: string }> {
  const actor = await signUp(server, name);
  const result = await server.graphql(
    `mutation($input: TraderProfileCreateInput!) { traderProfileCreate(input: $input) { trader { id } ${ERRORS} } }`,
    { input: { displayName: name, capabilities: ['LIVE_OPERATION'], rate: { minFixedFee: { amount: 100_000, currency: 'CNY' }, minCommissionBp: 500 } } },
    as(actor),
  );
  return { actor, traderId: succeeded<{ trader: { id: string } }>(result as never, 'traderProfileCreate').trader.id };
}

async function createAgency(name = 'agency'): Promise<{ actor: Actor; agencyId: string }> {
  const actor = await signUp(server, name);
  const result = await server.graphql(`mutation($input: AgencyCreateInput!) { agencyCreate(input: $input) { agency { id } ${ERRORS} } }`, { input: { name } }, as(actor));
  return { actor, agencyId: succeeded<{ agency: { id: string } }>(result as never, 'agencyCreate').agency.id };
}

/** Puts the creator on the agency's roster: invited by the agency, accepted by the creator. */
async function addToRoster(agency: { actor: Actor; agencyId: string }, creator: { actor: Actor; creatorId: string }): Promise<void> {
  const invited = await server.graphql(
    `mutation($agencyId: ID!, $input: RosterInviteInput!) { rosterInvite(agencyId: $agencyId, input: $input) { rosterMembership { id } ${ERRORS} } }`,
    { agencyId: agency.agencyId, input: { creatorId: creator.creatorId } },
    as(agency.actor),
  );
  const membershipId = succeeded<{ rosterMembership: { id: string } }>(invited as never, 'rosterInvite').rosterMembership.id;
  const accepted = await server.graphql(
    `mutation($id: ID!) { rosterInvitationAccept(id: $id) { rosterMembership { status } ${ERRORS} } }`,
    { id: membershipId },
    as(creator.actor),
  );
  expect(succeeded<{ rosterMembership: { status: string } }>(accepted as never, 'rosterInvitationAccept').rosterMembership.status).toBe('ACTIVE');
}

describe('the brief lifecycle', () => {
  it('drafts, edits, publishes, closes and cancels a brief, stamping each move', async () => {
    const brand = await createBrand('Lifecycle', [
      { nicheTags: ['Ceramide'], requiredCredentials: ['DERMATOLOGIST'] },
      { verticalSlug: 'food.hyaluronic-acid-snacks', nicheTags: ['hyaluronic acid', 'ceramide'], requiredCredentials: ['NUTRITIONIST'] },
    ]);
    const draft = await createBrief(brand, {
      title: '  Barrier repair seeding  ',
      targetAudience: { gender: 'FEMALE', ageBands: ['AGE_25_30', 'AGE_18_24', 'AGE_25_30'], regions: ['Shanghai', ' Hangzhou '] },
      requiredCredentials: ['PHYSICIAN', 'DERMATOLOGIST'],
      minCredibilityLevel: 'L3',
      preferredStructures: ['HYBRID', 'FIXED_FEE'],
      gmvGuarantee: 'REQUIRED',
      biddingMode: 'SEALED',
    });
    expect(draft).toMatchObject({
      title: 'Barrier repair seeding',
      status: 'DRAFT',
      objective: 'SEEDING_CONTENT',
      slots: 3,
      slotsFilled: 0,
      slotsRemaining: 3,
      biddingMode: 'SEALED',
      visibility: 'PUBLIC',
      gmvGuarantee: 'REQUIRED',
      preferredStructures: ['FIXED_FEE', 'HYBRID'],
      minCredibilityLevel: 'L3',
      budget: { amount: 5_000_000, currency: 'CNY' },
      targetAudience: { gender: 'FEMALE', ageBands: ['AGE_18_24', 'AGE_25_30'], regions: ['Shanghai', 'Hangzhou'] },
      ownRequiredCredentials: ['DERMATOLOGIST', 'PHYSICIAN'],
      requiredCredentials: ['DERMATOLOGIST', 'NUTRITIONIST', 'PHYSICIAN'],
      nicheTags: ['ceramide', 'hyaluronic-acid'],
      verticals: expect.arrayContaining([{ slug: 'beauty.functional-skincare' }, { slug: 'food.hyaluronic-acid-snacks' }]),
      brand: { id: brand.brandId },
      openForBids: false,
      publishedAt: null,
      closedAt: null,
      invitations: [],
    });
    expect(draft.products.map((product) => product.id).sort()).toEqual([...brand.productIds].sort());

    const edited = succeeded<{ brief: BriefView }>(
      (await act(BRIEF_UPDATE, 'briefUpdate', brand.owner, {
        id: draft.id,
        input: { title: 'Barrier repair, take two', productIds: [brand.productIds[0]], slots: 2, targetAudience: { gender: 'ANY' } },
      })) as never,
      'briefUpdate',
    ).brief;
    expect(edited).toMatchObject({
      title: 'Barrier repair, take two',
      slots: 2,
      description: draft.description,
      products: [{ id: brand.productIds[0] }],
      verticals: [{ slug: 'beauty.functional-skincare' }],
      nicheTags: ['ceramide'],
      requiredCredentials: ['DERMATOLOGIST', 'PHYSICIAN'],
      targetAudience: { gender: 'ANY', ageBands: ['AGE_18_24', 'AGE_25_30'], regions: ['Shanghai', 'Hangzhou'] },
    });

    const open = await move('briefPublish', brand.owner, draft.id);
    expect(open).toMatchObject({ status: 'OPEN', openForBids: true, closedAt: null });
    expect(Date.parse(open.publishedAt!)).toBeGreaterThan(Date.now() - 60_000);
    expect(idsOf(await listBriefs(null))).toContain(draft.id);

    const closed = await move('briefClose', brand.owner, draft.id);
    expect(closed).toMatchObject({ status: 'CLOSED', openForBids: false, publishedAt: open.publishedAt });
    expect(closed.closedAt).not.toBeNull();
    expect(idsOf(await listBriefs(null))).not.toContain(draft.id);

    const cancelled = await move('briefCancel', brand.owner, draft.id);
    expect(cancelled).toMatchObject({ status: 'CANCELLED', closedAt: closed.closedAt, cancellationReason: 'Product launch postponed' });
    expect(cancelled.cancelledAt).not.toBeNull();
    expect(await node(draft.id)).toBeNull();
    expect((await node(draft.id, brand.owner))?.status).toBe('CANCELLED');
  });

  it('cancels a draft and an open brief directly', async () => {
    const brand = await createBrand('Cancels');
    const draft = await createBrief(brand);
    expect((await move('briefCancel', brand.owner, draft.id)).status).toBe('CANCELLED');
    const open = await publishedBrief(brand);
    expect((await move('briefCancel', brand.owner, open.id)).status).toBe('CANCELLED');
  });

  it('refuses to publish a draft whose deadline has passed (DEADLINE_IN_PAST)', async () => {
    const brand = await createBrand('Late');
    const draft = await createBrief(brand);
    await server.sql(`update brief set deadline = now() - interval '1 minute' where id = ?`, [idFromGlobal(draft.id)]);
    const result = await act(transition('briefPublish'), 'briefPublish', brand.owner, { id: draft.id });
    expect(errorCodes(result as never, 'briefPublish')).toEqual(['DEADLINE_IN_PAST']);
    expect((await briefRow(draft.id)).status).toBe('DRAFT');
  });
});

describe('illegal transitions', () => {
  /** A brief of `brand` in `status`; AWARDED needs accepted bids, so it is written directly. */
  async function briefIn(brand: BrandSetup, status: string): Promise<BriefView> {
    const draft = await createBrief(brand);
    if (status === 'DRAFT') return draft;
    if (status === 'CANCELLED') return move('briefCancel', brand.owner, draft.id);
    const open = await move('briefPublish', brand.owner, draft.id);
    if (status === 'CLOSED') return move('briefClose', brand.owner, open.id);
    if (status === 'AWARDED') {
      await server.sql(`update brief set status = 'AWARDED', awarded_at = now(), slots_filled = slots where id = ?`, [idFromGlobal(open.id)]);
    }
    return open;
  }

  const ILLEGAL: [string, string][] = [
    ['DRAFT', 'briefClose'],
    ['OPEN', 'briefPublish'],
    ['CLOSED', 'briefPublish'],
    ['CLOSED', 'briefClose'],
    ['AWARDED', 'briefPublish'],
    ['AWARDED', 'briefClose'],
    ['AWARDED', 'briefCancel'],
    ['CANCELLED', 'briefPublish'],
    ['CANCELLED', 'briefClose'],
    ['CANCELLED', 'briefCancel'],
  ];

  it.each(ILLEGAL)('a %s brief refuses %s with ILLEGAL_TRANSITION and stays as it was', async (status, mutation) => {
    const brand = await createBrand(`Illegal ${status}`);
    const brief = await briefIn(brand, status);
    const before = await briefRow(brief.id);
    const result = await act(transition(mutation), mutation, brand.owner, { id: brief.id });
    expect(errorCodes(result as never, mutation)).toEqual(['ILLEGAL_TRANSITION']);
    expect(result.data?.[mutation]?.userErrors[0]?.message).toContain(`This brief is ${status}`);
    expect(result.data?.[mutation]?.brief).toBeNull();
    expect(await briefRow(brief.id)).toEqual(before);
  });

  it.each(['OPEN', 'CLOSED', 'AWARDED', 'CANCELLED'])('a %s brief cannot be edited (BRIEF_NOT_EDITABLE)', async (status) => {
    const brand = await createBrand(`Frozen ${status}`);
    const brief = await briefIn(brand, status);
    const before = await briefRow(brief.id);
    const result = await act(BRIEF_UPDATE, 'briefUpdate', brand.owner, { id: brief.id, input: { title: 'Changed' } });
    expect(errorCodes(result as never, 'briefUpdate')).toEqual(['BRIEF_NOT_EDITABLE']);
    expect(await briefRow(brief.id)).toEqual(before);
  });
});

describe('briefCreate and briefUpdate input', () => {
  let brand: BrandSetup;
  let otherBrand: BrandSetup;
  beforeAll(async () => {
    brand = await createBrand('Inputs');
    otherBrand = await createBrand('Other inputs');
  });

  it.each([
    ['a zero budget', { budget: { amount: 0, currency: 'CNY' } }, 'OUT_OF_RANGE', ['input', 'budget', 'amount']],
    ['a budget above the ceiling', { budget: { amount: 10_000_000_001, currency: 'CNY' } }, 'OUT_OF_RANGE', ['input', 'budget', 'amount']],
    ['no slots', { slots: 0 }, 'OUT_OF_RANGE', ['input', 'slots']],
    ['too many slots', { slots: 101 }, 'OUT_OF_RANGE', ['input', 'slots']],
    ['a blank title', { title: '   ' }, 'OUT_OF_RANGE', ['input', 'title']],
    ['a title of 161 characters', { title: 'x'.repeat(161) }, 'OUT_OF_RANGE', ['input', 'title']],
    ['a description of 10001 characters', { description: 'x'.repeat(10_001) }, 'OUT_OF_RANGE', ['input', 'description']],
    ['no formats', { formats: [] }, 'OUT_OF_RANGE', ['input', 'formats']],
    ['no platforms', { platforms: [] }, 'OUT_OF_RANGE', ['input', 'platforms']],
    ['no deal structures', { preferredStructures: [] }, 'OUT_OF_RANGE', ['input', 'preferredStructures']],
    ['no products', { productIds: [] }, 'OUT_OF_RANGE', ['input', 'productIds']],
    ['a deadline in the past', { deadline: inDays(-1) }, 'DEADLINE_IN_PAST', ['input', 'deadline']],
    ['a deadline more than a year ahead', { deadline: inDays(400) }, 'OUT_OF_RANGE', ['input', 'deadline']],
  ])('refuses %s and writes nothing', async (_label, overrides, code, field) => {
    const before = await briefCount();
    const result = await act(BRIEF_CREATE, 'briefCreate', brand.owner, { input: briefInput(brand, overrides) });
    expect(errorCodes(result as never, 'briefCreate')).toEqual([code]);
    expect(result.data?.briefCreate?.userErrors[0]?.field).toEqual(field);
    expect(await briefCount()).toBe(before);
  });

  it('refuses unknown products and another brand’s product with NOT_FOUND at their positions', async () => {
    const before = await briefCount();
    const unknown = toGlobalId('Product', randomUUID());
    const result = await act(BRIEF_CREATE, 'briefCreate', brand.owner, {
      input: briefInput(brand, { productIds: [brand.productIds[0], unknown, otherBrand.productIds[0], 'not-an-id'] }),
    });
    expect(errorCodes(result as never, 'briefCreate')).toEqual(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND']);
    expect(result.data?.briefCreate?.userErrors.map((error) => error.field)).toEqual([
      ['input', 'productIds', '1'],
      ['input', 'productIds', '2'],
      ['input', 'productIds', '3'],
    ]);
    expect(await briefCount()).toBe(before);
  });

  it('refuses another brand’s product on update too', async () => {
    const draft = await createBrief(brand);
    const result = await act(BRIEF_UPDATE, 'briefUpdate', brand.owner, { id: draft.id, input: { productIds: otherBrand.productIds } });
    expect(errorCodes(result as never, 'briefUpdate')).toEqual(['NOT_FOUND']);
    expect((await node(draft.id, brand.owner))?.products).toEqual([{ id: brand.productIds[0], name: expect.any(String) }]);
  });

  it('reports several problems at once', async () => {
    const result = await act(BRIEF_CREATE, 'briefCreate', brand.owner, { input: briefInput(brand, { slots: 0, deadline: inDays(-1), title: '' }) });
    expect(errorCodes(result as never, 'briefCreate').sort()).toEqual(['DEADLINE_IN_PAST', 'OUT_OF_RANGE', 'OUT_OF_RANGE']);
  });

  it('validates changes like new briefs', async () => {
    const draft = await createBrief(brand);
    const result = await act(BRIEF_UPDATE, 'briefUpdate', brand.owner, {
      id: draft.id,
      input: { deadline: inDays(-2), budget: { amount: 0, currency: 'USD' } },
    });
    expect(errorCodes(result as never, 'briefUpdate').sort()).toEqual(['DEADLINE_IN_PAST', 'OUT_OF_RANGE']);
    expect((await node(draft.id, brand.owner))?.budget).toEqual({ amount: 5_000_000, currency: 'CNY' });
  });

  it('lets only the brand’s members create its briefs (FORBIDDEN), and says NOT_FOUND for an unknown brand', async () => {
    const before = await briefCount();
    const outsider = await signUp(server, 'outsider');
    const forbidden = await act(BRIEF_CREATE, 'briefCreate', outsider, { input: briefInput(brand) });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const unknown = await act(BRIEF_CREATE, 'briefCreate', outsider, { input: briefInput(brand, { brandId: toGlobalId('Brand', randomUUID()) }) });
    expect(errorCodes(unknown as never, 'briefCreate')).toEqual(['NOT_FOUND']);
    const anonymous = await act(BRIEF_CREATE, 'briefCreate', undefined, { input: briefInput(brand) });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await briefCount()).toBe(before);
  });

  it('answers FORBIDDEN for another brand’s published brief and NOT_FOUND for its draft, changing nothing', async () => {
    const open = await publishedBrief(otherBrand, { visibility: 'INVITE_ONLY' });
    const publicOpen = await publishedBrief(otherBrand);
    const draft = await createBrief(otherBrand);
    const intruder = brand.owner;
    const attempts: [string, string, Record<string, unknown>][] = [
      [BRIEF_UPDATE, 'briefUpdate', { input: { title: 'Mine now' } }],
      [transition('briefPublish'), 'briefPublish', {}],
      [transition('briefClose'), 'briefClose', {}],
      [transition('briefCancel'), 'briefCancel', {}],
      [BRIEF_INVITE, 'briefInvite', { input: { agencyIds: [] } }],
    ];
    for (const [mutation, field, variables] of attempts) {
      const onPublic = await act(mutation, field, intruder, { id: publicOpen.id, ...variables });
      expect(onPublic.errors?.[0]?.extensions?.code, field).toBe('FORBIDDEN');
      for (const hidden of [draft, open]) {
        const onHidden = await act(mutation, field, intruder, { id: hidden.id, ...variables });
        expect(errorCodes(onHidden as never, field), field).toEqual(['NOT_FOUND']);
      }
    }
    expect((await briefRow(publicOpen.id)).status).toBe('OPEN');
    expect((await briefRow(draft.id)).title).toBe(draft.title);
    expect((await briefRow(draft.id)).status).toBe('DRAFT');
  });

  it('answers another brand’s members without queueing on the brief’s lock; only the brand’s own changes wait for it', async () => {
    const brief = await publishedBrief(otherBrand);
    const intruder = brand.owner;
    for (const [mutation, field] of [
      [transition('briefClose'), 'briefClose'],
      [transition('briefCancel'), 'briefCancel'],
      [BRIEF_INVITE, 'briefInvite'],
    ] as const) {
      const variables = { id: brief.id, ...(field === 'briefInvite' ? { input: { agencyIds: [] } } : {}) };
      const { answeredWhileLocked, result } = await answerWhileRowLocked(server, 'brief', idFromGlobal(brief.id), () => act(mutation, field, intruder, variables));
      expect(answeredWhileLocked, field).toBe(true);
      expect(result.errors?.[0]?.extensions?.code, field).toBe('FORBIDDEN');
    }
    const own = await answerWhileRowLocked(server, 'brief', idFromGlobal(brief.id), () => act(transition('briefClose'), 'briefClose', otherBrand.owner, { id: brief.id }));
    expect(own.answeredWhileLocked).toBe(false);
    expect(succeeded<{ brief: BriefView }>(own.result as never, 'briefClose').brief.status).toBe('CLOSED');
  });

  it('treats a malformed or foreign id as NOT_FOUND', async () => {
    for (const id of ['nonsense', toGlobalId('Brief', randomUUID()), brand.productIds[0]!]) {
      const result = await act(transition('briefPublish'), 'briefPublish', brand.owner, { id });
      expect(errorCodes(result as never, 'briefPublish')).toEqual(['NOT_FOUND']);
    }
  });
});

describe('invitations', () => {
  it('are added and withdrawn by the brand, only on INVITE_ONLY briefs, without duplicates', async () => {
    const brand = await createBrand('Inviter');
    const creator = await createCreator('invitee');
    const trader = await createTrader('operator-invitee');
    const agency = await createAgency('invited-agency');
    const brief = await createBrief(brand, { visibility: 'INVITE_ONLY' });

    const invited = succeeded<{ brief: BriefView }>(
      (await act(BRIEF_INVITE, 'briefInvite', brand.owner, {
        id: brief.id,
        input: { creatorIds: [creator.creatorId, creator.creatorId], traderIds: [trader.traderId], agencyIds: [agency.agencyId] },
      })) as never,
      'briefInvite',
    ).brief;
    expect(invited.invitations).toHaveLength(3);
    const again = succeeded<{ brief: BriefView }>(
      (await act(BRIEF_INVITE, 'briefInvite', brand.owner, { id: brief.id, input: { creatorIds: [creator.creatorId] } })) as never,
      'briefInvite',
    ).brief;
    expect(again.invitations).toHaveLength(3);

    const creatorInvitation = again.invitations!.find((invitation) => invitation.creator?.id === creator.creatorId)!;
    const withdrawn = succeeded<{ brief: BriefView }>(
      (await act(BRIEF_UNINVITE, 'briefUninvite', brand.owner, { id: brief.id, invitationId: creatorInvitation.id })) as never,
      'briefUninvite',
    ).brief;
    expect(withdrawn.invitations?.map((invitation) => invitation.creator?.id ?? invitation.trader?.id ?? invitation.agency?.id).sort()).toEqual(
      [trader.traderId, agency.agencyId].sort(),
    );
    const twice = await act(BRIEF_UNINVITE, 'briefUninvite', brand.owner, { id: brief.id, invitationId: creatorInvitation.id });
    expect(errorCodes(twice as never, 'briefUninvite')).toEqual(['NOT_FOUND']);
  });

  it('refuses PUBLIC briefs (INVALID), unknown invitees (NOT_FOUND at their positions) and an empty list', async () => {
    const brand = await createBrand('Invite errors');
    const creator = await createCreator('someone');
    const publicBrief = await createBrief(brand);
    const onPublic = await act(BRIEF_INVITE, 'briefInvite', brand.owner, { id: publicBrief.id, input: { creatorIds: [creator.creatorId] } });
    expect(errorCodes(onPublic as never, 'briefInvite')).toEqual(['INVALID']);

    const inviteOnly = await createBrief(brand, { visibility: 'INVITE_ONLY' });
    const unknown = await act(BRIEF_INVITE, 'briefInvite', brand.owner, {
      id: inviteOnly.id,
      input: { creatorIds: [creator.creatorId, toGlobalId('Creator', randomUUID())], agencyIds: [creator.creatorId] },
    });
    expect(errorCodes(unknown as never, 'briefInvite')).toEqual(['NOT_FOUND', 'NOT_FOUND']);
    expect(unknown.data?.briefInvite?.userErrors.map((error) => error.field)).toEqual([
      ['input', 'creatorIds', '1'],
      ['input', 'agencyIds', '0'],
    ]);
    const empty = await act(BRIEF_INVITE, 'briefInvite', brand.owner, { id: inviteOnly.id, input: {} });
    expect(errorCodes(empty as never, 'briefInvite')).toEqual(['INVALID']);
    expect((await node(inviteOnly.id, brand.owner))?.invitations).toEqual([]);
  });

  it('cannot change once the brief is closed (BRIEF_NOT_EDITABLE)', async () => {
    const brand = await createBrand('Closed invites');
    const creator = await createCreator('late-invitee');
    const brief = await publishedBrief(brand, { visibility: 'INVITE_ONLY' });
    await move('briefClose', brand.owner, brief.id);
    const result = await act(BRIEF_INVITE, 'briefInvite', brand.owner, { id: brief.id, input: { creatorIds: [creator.creatorId] } });
    expect(errorCodes(result as never, 'briefInvite')).toEqual(['BRIEF_NOT_EDITABLE']);
  });
});

describe('who sees a brief', () => {
  let brand: BrandSetup;
  let otherBrandMember: Actor;
  let admin: Actor;
  let invitedCreator: { actor: Actor; creatorId: string };
  let invitedTrader: { actor: Actor; traderId: string };
  let rosterAgency: { actor: Actor; agencyId: string };
  let invitedAgency: { actor: Actor; agencyId: string };
  let uninvitedCreator: { actor: Actor; creatorId: string };
  let inviteOnly: BriefView;
  let publicOpen: BriefView;
  let draft: BriefView;
  let cancelled: BriefView;

  beforeAll(async () => {
    brand = await createBrand('Visibility');
    otherBrandMember = (await createBrand('Competitor')).owner;
    admin = await signUpAdmin(server);
    invitedCreator = await createCreator('invited-creator');
    invitedTrader = await createTrader('invited-operator');
    rosterAgency = await createAgency('roster-agency');
    await addToRoster(rosterAgency, invitedCreator);
    invitedAgency = await createAgency('invited-agency');
    uninvitedCreator = await createCreator('uninvited-creator');

    inviteOnly = await createBrief(brand, { visibility: 'INVITE_ONLY', title: 'Invite-only serum brief' });
    succeeded(
      (await act(BRIEF_INVITE, 'briefInvite', brand.owner, {
        id: inviteOnly.id,
        input: { creatorIds: [invitedCreator.creatorId], traderIds: [invitedTrader.traderId], agencyIds: [invitedAgency.agencyId] },
      })) as never,
      'briefInvite',
    );
    inviteOnly = await move('briefPublish', brand.owner, inviteOnly.id);
    publicOpen = await publishedBrief(brand, { title: 'Public serum brief' });
    draft = await createBrief(brand, { title: 'Draft serum brief' });
    cancelled = await move('briefCancel', brand.owner, (await publishedBrief(brand)).id);
  });

  /** Whether `viewer` finds the brief through node(id:), the briefs list and Brand.briefs, which must agree. */
  async function sees(brief: BriefView, viewer?: Actor): Promise<boolean> {
    const byNode = (await node(brief.id, viewer)) !== null;
    const inList = idsOf(await listBriefs({ brandId: brand.brandId }, viewer)).includes(brief.id);
    const inBrand = idsOf(await brandBriefs(brand.brandId, viewer)).includes(brief.id);
    if (brief.status === 'OPEN') {
      expect({ inList, inBrand }).toEqual({ inList: byNode, inBrand: byNode });
    } else {
      // Drafts and cancelled briefs are never in the default (open) lists.
      expect({ inList, inBrand }).toEqual({ inList: false, inBrand: false });
    }
    return byNode;
  }

  it('shows PUBLIC open briefs to everyone, anonymous callers included', async () => {
    for (const viewer of [undefined, otherBrandMember, uninvitedCreator.actor, invitedCreator.actor, admin, brand.owner]) {
      expect(await sees(publicOpen, viewer)).toBe(true);
    }
  });

  it('shows an INVITE_ONLY brief only to the brand, admins, invitees and the roster agency of an invited creator', async () => {
    expect(await sees(inviteOnly)).toBe(false);
    expect(await sees(inviteOnly, otherBrandMember)).toBe(false);
    expect(await sees(inviteOnly, uninvitedCreator.actor)).toBe(false);
    expect(await sees(inviteOnly, invitedCreator.actor)).toBe(true);
    expect(await sees(inviteOnly, invitedTrader.actor)).toBe(true);
    expect(await sees(inviteOnly, invitedAgency.actor)).toBe(true);
    expect(await sees(inviteOnly, rosterAgency.actor)).toBe(true);
    expect(await sees(inviteOnly, admin)).toBe(true);
    expect(await sees(inviteOnly, brand.owner)).toBe(true);
  });

  it('shows drafts and cancelled briefs only to the brand and admins', async () => {
    for (const hidden of [draft, cancelled]) {
      for (const viewer of [undefined, otherBrandMember, invitedCreator.actor, invitedAgency.actor]) {
        expect(await sees(hidden, viewer)).toBe(false);
      }
      expect(await sees(hidden, admin)).toBe(true);
      expect(await sees(hidden, brand.owner)).toBe(true);
    }
  });

  it('shows invitations to the brand and admins only', async () => {
    expect((await node(inviteOnly.id, brand.owner))?.invitations).toHaveLength(3);
    expect((await node(inviteOnly.id, admin))?.invitations).toHaveLength(3);
    expect((await node(inviteOnly.id, invitedCreator.actor))?.invitations).toBeNull();
    expect((await node(publicOpen.id))?.invitations).toBeNull();
    const invitationId = (await node(inviteOnly.id, brand.owner))!.invitations![0]!.id;
    const invitationNode = `query($id: ID!) { node(id: $id) { id ... on BriefInvitation { brief { id } } } }`;
    expect((await server.graphql<{ node: unknown }>(invitationNode, { id: invitationId }, as(brand.owner))).data?.node).toMatchObject({ brief: { id: inviteOnly.id } });
    expect((await server.graphql<{ node: unknown }>(invitationNode, { id: invitationId }, as(invitedCreator.actor))).data?.node).toBeNull();
  });

  it('takes the brief away from a creator whose invitation is withdrawn, and from their roster agency', async () => {
    const brief = await publishedBrief(brand, { visibility: 'INVITE_ONLY' });
    const withInvitation = succeeded<{ brief: BriefView }>(
      (await act(BRIEF_INVITE, 'briefInvite', brand.owner, { id: brief.id, input: { creatorIds: [invitedCreator.creatorId] } })) as never,
      'briefInvite',
    ).brief;
    expect(await sees(withInvitation, invitedCreator.actor)).toBe(true);
    succeeded(
      (await act(BRIEF_UNINVITE, 'briefUninvite', brand.owner, { id: brief.id, invitationId: withInvitation.invitations![0]!.id })) as never,
      'briefUninvite',
    );
    expect(await sees(withInvitation, invitedCreator.actor)).toBe(false);
    expect(await sees(withInvitation, rosterAgency.actor)).toBe(false);
  });

  it('lists a brand’s other statuses for its members and admins only (FORBIDDEN otherwise)', async () => {
    const all = ['DRAFT', 'OPEN', 'CLOSED', 'AWARDED', 'CANCELLED'];
    const own = idsOf(await listBriefs({ brandId: brand.brandId, statuses: all }, brand.owner));
    expect(own).toEqual(expect.arrayContaining([draft.id, cancelled.id, publicOpen.id, inviteOnly.id]));
    expect(idsOf(await brandBriefs(brand.brandId, brand.owner, ['DRAFT']))).toContain(draft.id);
    expect(idsOf(await brandBriefs(brand.brandId, brand.owner, ['DRAFT']))).not.toContain(publicOpen.id);
    expect(idsOf(await listBriefs({ brandId: brand.brandId, statuses: ['CANCELLED'] }, admin))).toEqual([cancelled.id]);

    for (const viewer of [undefined, otherBrandMember, invitedCreator.actor]) {
      const list = await server.graphql(BRIEFS, { filter: { brandId: brand.brandId, statuses: ['DRAFT'] } }, as(viewer));
      expect(list.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const nested = await server.graphql(BRAND_BRIEFS, { id: brand.brandId, statuses: ['CLOSED'] }, as(viewer));
      expect(nested.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const withoutBrand = await server.graphql(BRIEFS, { filter: { statuses: ['DRAFT'] } }, as(brand.owner));
    expect(withoutBrand.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('gives each brand in a list its own first page of briefs in one go', async () => {
    const second = await createBrand('Visibility second');
    const secondBrief = await publishedBrief(second);
    const result = await server.graphql<{ brands: { edges: { node: { id: string; briefs: Page } }[] } }>(
      `query { brands(search: "Visibility", first: 10) { edges { node { id briefs(first: 10) { totalCount edges { node { id status } } } } } } }`,
      {},
      as(uninvitedCreator.actor),
    );
    expect(result.errors).toBeUndefined();
    const byBrand = new Map(result.data!.brands.edges.map((edge) => [edge.node.id, idsOf(edge.node.briefs)]));
    expect(byBrand.get(second.brandId)).toEqual([secondBrief.id]);
    expect(byBrand.get(brand.brandId)).toContain(publicOpen.id);
    expect(byBrand.get(brand.brandId)).not.toContain(inviteOnly.id);
    expect(byBrand.get(brand.brandId)).not.toContain(draft.id);
  });

  it('costs the same number of statements for one brand with its briefs as for three', async () => {
    for (const name of ['Batch A', 'Batch B', 'Batch C']) await publishedBrief(await createBrand(name));
    const brandsWithBriefs = `query($search: String) {
      brands(search: $search, first: 10) { edges { node { id briefs(first: 5) { totalCount edges { node { id title products { id } } } } } } }
    }`;
    const statementsFor = async (search: string) => {
      server.resetQueryCount();
      const result = await server.graphql<{ brands: { edges: { node: { briefs: Page } }[] } }>(brandsWithBriefs, { search }, as(invitedAgency.actor));
      expect(result.errors).toBeUndefined();
      return { brands: result.data!.brands.edges.length, briefs: result.data!.brands.edges.map((edge) => edge.node.briefs.totalCount), statements: server.queryCount() };
    };
    const one = await statementsFor('Batch A');
    const three = await statementsFor('Batch');
    expect(one).toMatchObject({ brands: 1, briefs: [1] });
    expect(three).toMatchObject({ brands: 3, briefs: [1, 1, 1] });
    expect(three.statements).toBe(one.statements);
  });
});

describe('briefs filter', () => {
  let brand: BrandSetup;
  const briefs: Record<string, BriefView> = {};
  const filterIds = async (filter: Record<string, unknown>, viewer?: Actor) =>
    idsOf(await listBriefs({ brandId: brand.brandId, ...filter }, viewer)).sort();
  const ids = (...names: string[]) => names.map((name) => briefs[name]!.id).sort();

  beforeAll(async () => {
    brand = await createBrand('Filters', [
      { verticalSlug: 'beauty.functional-skincare', nicheTags: ['Ceramide'] },
      { verticalSlug: 'beauty.makeup', nicheTags: ['long wear'] },
      { verticalSlug: 'mother-baby.infant-food-supplements', nicheTags: ['DHA'] },
    ]);
    const [skincare, makeup, infant] = brand.productIds;
    briefs.skincare = await publishedBrief(brand, {
      productIds: [skincare],
      title: 'Repairing serum for sensitive skin',
      description: 'Explain how the ceramides rebuild the barrier.',
      objective: 'SEEDING_CONTENT',
      platforms: ['XIAOHONGSHU'],
      budget: { amount: 1_000_000, currency: 'CNY' },
      deadline: inDays(5),
    });
    briefs.makeup = await publishedBrief(brand, {
      productIds: [makeup],
      title: 'Foundation live sale',
      description: 'A long-wear foundation, sold live.',
      objective: 'LIVE_SALE',
      platforms: ['DOUYIN', 'TAOBAO_LIVE'],
      budget: { amount: 8_000_000, currency: 'CNY' },
      deadline: inDays(10),
    });
    briefs.infant = await publishedBrief(brand, {
      productIds: [infant],
      title: 'DHA drops, self-broadcast',
      description: 'An operator runs our own room for the infant DHA drops.',
      objective: 'OPERATED_SELF_BROADCAST',
      platforms: ['DOUYIN'],
      budget: { amount: 3_000_000, currency: 'USD' },
      deadline: inDays(20),
    });
    briefs.draft = await createBrief(brand, { productIds: [skincare], title: 'Unpublished serum', deadline: inDays(1) });
  });

  it('lists open briefs, soonest deadline first, and pages through them', async () => {
    expect(idsOf(await listBriefs({ brandId: brand.brandId }))).toEqual([briefs.skincare!.id, briefs.makeup!.id, briefs.infant!.id]);
    const first = await listBriefs({ brandId: brand.brandId }, undefined, { first: 2 });
    expect(first.totalCount).toBe(3);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = await listBriefs({ brandId: brand.brandId }, undefined, { first: 2, after: first.pageInfo.endCursor });
    expect(idsOf(rest)).toEqual([briefs.infant!.id]);
    expect(rest.pageInfo.hasNextPage).toBe(false);
  });

  it('filters by vertical, a parent vertical including its children', async () => {
    expect(await filterIds({ verticalSlug: 'beauty.functional-skincare' })).toEqual(ids('skincare'));
    expect(await filterIds({ verticalSlug: 'beauty' })).toEqual(ids('skincare', 'makeup'));
    expect(await filterIds({ verticalSlug: 'mother-baby' })).toEqual(ids('infant'));
    const unknown = await server.graphql(BRIEFS, { filter: { verticalSlug: 'no-such-vertical' } });
    expect(unknown.errors?.[0]?.extensions?.userErrors).toMatchObject([{ code: 'UNKNOWN_VERTICAL', field: ['filter', 'verticalSlug'] }]);
  });

  it('filters by normalised niche tag, objective and platform', async () => {
    expect(await filterIds({ nicheTag: 'Long Wear' })).toEqual(ids('makeup'));
    expect(await filterIds({ nicheTag: 'dha' })).toEqual(ids('infant'));
    expect(await filterIds({ objective: 'LIVE_SALE' })).toEqual(ids('makeup'));
    expect(await filterIds({ objective: 'OPERATED_SELF_BROADCAST' })).toEqual(ids('infant'));
    expect(await filterIds({ platform: 'DOUYIN' })).toEqual(ids('makeup', 'infant'));
    expect(await filterIds({ platform: 'XIAOHONGSHU' })).toEqual(ids('skincare'));
    expect(await filterIds({ platform: 'DOUYIN', objective: 'LIVE_SALE', nicheTag: 'long-wear' })).toEqual(ids('makeup'));
  });

  it('filters by budget range in one currency, and refuses mixed currencies', async () => {
    expect(await filterIds({ budgetMin: { amount: 2_000_000, currency: 'CNY' } })).toEqual(ids('makeup'));
    expect(await filterIds({ budgetMax: { amount: 2_000_000, currency: 'CNY' } })).toEqual(ids('skincare'));
    expect(await filterIds({ budgetMin: { amount: 1_000_000, currency: 'CNY' }, budgetMax: { amount: 8_000_000, currency: 'CNY' } })).toEqual(
      ids('skincare', 'makeup'),
    );
    expect(await filterIds({ budgetMin: { amount: 1, currency: 'USD' } })).toEqual(ids('infant'));
    const mixed = await server.graphql(BRIEFS, { filter: { budgetMin: { amount: 1, currency: 'CNY' }, budgetMax: { amount: 9, currency: 'USD' } } });
    expect(mixed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', userErrors: [{ code: 'INVALID', field: ['filter', 'budgetMax', 'currency'] }] });
    const negative = await server.graphql(BRIEFS, { filter: { budgetMin: { amount: -1, currency: 'CNY' } } });
    expect(negative.errors?.[0]?.extensions?.userErrors).toMatchObject([{ code: 'OUT_OF_RANGE' }]);
  });

  it('filters by deadline', async () => {
    expect(await filterIds({ deadlineBefore: inDays(7) })).toEqual(ids('skincare'));
    expect(await filterIds({ deadlineAfter: inDays(7) })).toEqual(ids('makeup', 'infant'));
    expect(await filterIds({ deadlineAfter: inDays(7), deadlineBefore: inDays(15) })).toEqual(ids('makeup'));
  });

  it('searches title and description in full text, with English stemming', async () => {
    expect(await filterIds({ search: 'serum' })).toEqual(ids('skincare'));
    expect(await filterIds({ search: 'barriers' })).toEqual(ids('skincare'));
    expect(await filterIds({ search: 'operator room' })).toEqual(ids('infant'));
    expect(await filterIds({ search: 'foundation' })).toEqual(ids('makeup'));
    expect(await filterIds({ search: 'nothing like this' })).toEqual([]);
    // Without brandId too: the search uses the index over every brief.
    expect(idsOf(await listBriefs({ search: 'repairing serum sensitive' }))).toEqual([briefs.skincare!.id]);
  });

  it('keeps the search text current when a draft is edited', async () => {
    const draft = await createBrief(brand, { title: 'Placeholder', description: '', productIds: [brand.productIds[2]] });
    succeeded(
      (await act(BRIEF_UPDATE, 'briefUpdate', brand.owner, { id: draft.id, input: { title: 'Probiotic gummies' } })) as never,
      'briefUpdate',
    );
    expect(await filterIds({ search: 'gummy', statuses: ['DRAFT'] }, brand.owner)).toEqual([draft.id]);
    expect(await filterIds({ search: 'placeholder', statuses: ['DRAFT'] }, brand.owner)).toEqual([]);
  });

  it('pages on from a brand’s first page of briefs with its cursor', async () => {
    const first = await server.graphql<{ node: { briefs: Page } }>(BRAND_BRIEFS, { id: brand.brandId, first: 2 });
    expect(idsOf(first.data!.node.briefs)).toEqual([briefs.skincare!.id, briefs.makeup!.id]);
    expect(first.data!.node.briefs).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    const rest = await server.graphql<{ node: { briefs: Page } }>(BRAND_BRIEFS, { id: brand.brandId, first: 2, after: first.data!.node.briefs.pageInfo.endCursor });
    expect(idsOf(rest.data!.node.briefs)).toEqual([briefs.infant!.id]);
  });

  it('filters a brand’s own drafts by status', async () => {
    expect(await filterIds({ statuses: ['DRAFT'], verticalSlug: 'beauty' }, brand.owner)).toEqual(ids('draft'));
  });
});

describe('deadlines', () => {
  it('close a brief for every reader at once, before housekeeping writes it', async () => {
    const brand = await createBrand('Deadline reader');
    const brief = await publishedBrief(brand);
    await server.sql(`update brief set deadline = now() - interval '1 second' where id = ?`, [idFromGlobal(brief.id)]);
    expect((await briefRow(brief.id)).status).toBe('OPEN');

    const seen = (await node(brief.id))!;
    expect(seen).toMatchObject({ status: 'CLOSED', openForBids: false, closedAt: seen.deadline });
    expect(idsOf(await listBriefs({ brandId: brand.brandId }))).toEqual([]);
    expect(idsOf(await listBriefs({ brandId: brand.brandId, statuses: ['CLOSED'] }, brand.owner))).toEqual([brief.id]);
    expect(idsOf(await listBriefs({ brandId: brand.brandId, statuses: ['OPEN'] }, brand.owner))).toEqual([]);

    const close = await act(transition('briefClose'), 'briefClose', brand.owner, { id: brief.id });
    expect(errorCodes(close as never, 'briefClose')).toEqual(['ILLEGAL_TRANSITION']);
    expect(close.data?.briefClose?.userErrors[0]?.message).toContain('This brief is CLOSED');
    const cancelled = await move('briefCancel', brand.owner, brief.id);
    expect(cancelled).toMatchObject({ status: 'CANCELLED', closedAt: seen.deadline });
  });

  it('are enforced by housekeeping without anyone asking', async () => {
    const quick = await startTestServer({ HOUSEKEEPING_INTERVAL_MS: '200' });
    try {
      const owner = await signUp(quick, 'quick');
      const brandResult = await quick.graphql(`mutation { brandCreate(input: { name: "Quick" }) { brand { id } ${ERRORS} } }`, {}, as(owner));
      const brandId = succeeded<{ brand: { id: string } }>(brandResult as never, 'brandCreate').brand.id;
      const productResult = await quick.graphql(
        `mutation($input: ProductCreateInput!) { productCreate(input: $input) { product { id } ${ERRORS} } }`,
        { input: { brandId, name: 'Quick serum', verticalSlug: 'beauty' } },
        as(owner),
      );
      const productId = succeeded<{ product: { id: string } }>(productResult as never, 'productCreate').product.id;
      const created = await quick.graphql(BRIEF_CREATE, { input: briefInput({ owner, brandId, productIds: [productId] }) }, as(owner));
      const briefId = succeeded<{ brief: BriefView }>(created as never, 'briefCreate').brief.id;
      succeeded((await quick.graphql(transition('briefPublish'), { id: briefId }, as(owner))) as never, 'briefPublish');

      await quick.sql(`update brief set deadline = now() + interval '1.5 seconds' where id = ?`, [idFromGlobal(briefId)]);
      const [{ status: before }] = (await quick.sql<{ status: string }>('select status from brief where id = ?', [idFromGlobal(briefId)])) as [
        { status: string },
      ];
      expect(before).toBe('OPEN');

      const deadline = Date.now() + 10_000;
      let row: { status: string; closed_at: string; deadline: string } | undefined;
      while (Date.now() < deadline) {
        [row] = await quick.sql<{ status: string; closed_at: string; deadline: string }>('select status, closed_at, deadline from brief where id = ?', [
          idFromGlobal(briefId),
        ]);
        if (row?.status === 'CLOSED') break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(row?.status).toBe('CLOSED');
      // Closed as of the deadline, the moment readers already saw it close, not when housekeeping noticed.
      expect(new Date(row!.closed_at).getTime()).toBe(new Date(row!.deadline).getTime());
    } finally {
      await quick.stop();
    }
  });
});

describe('idempotent briefCreate', () => {
  let brand: BrandSetup;
  beforeAll(async () => {
    brand = await createBrand('Idempotent');
  });
  const countTitled = async (title: string) => (await server.sql<{ n: number }>('select count(*)::int as n from brief where title = ?', [title]))[0]!.n;

  it('returns the first brief for a retry with the same key and input, writing one row', async () => {
    const input = briefInput(brand, { title: 'Retried brief' });
    const key = randomUUID();
    const first = succeeded<{ brief: BriefView }>((await act(BRIEF_CREATE, 'briefCreate', brand.owner, { input, key })) as never, 'briefCreate').brief;
    const second = succeeded<{ brief: BriefView }>((await act(BRIEF_CREATE, 'briefCreate', brand.owner, { input, key })) as never, 'briefCreate').brief;
    expect(second.id).toBe(first.id);
    expect(second.title).toBe('Retried brief');
    expect(await countTitled('Retried brief')).toBe(1);
  });

  it('refuses the same key with different input (IDEMPOTENCY_KEY_REUSED), even when only the deadline differs', async () => {
    const key = randomUUID();
    const input = briefInput(brand, { title: 'Keyed brief' });
    succeeded((await act(BRIEF_CREATE, 'briefCreate', brand.owner, { input, key })) as never, 'briefCreate');
    for (const changed of [{ ...input, title: 'Another brief' }, { ...input, deadline: inDays(15) }]) {
      const result = await act(BRIEF_CREATE, 'briefCreate', brand.owner, { input: changed, key });
      expect(errorCodes(result as never, 'briefCreate')).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    }
    expect(await countTitled('Keyed brief')).toBe(1);
    expect(await countTitled('Another brief')).toBe(0);
  });

  it('accepts the key as an Idempotency-Key header', async () => {
    const input = briefInput(brand, { title: 'Header brief' });
    const headers = { 'Idempotency-Key': randomUUID() };
    const first = await server.graphql<never>(BRIEF_CREATE, { input }, { token: brand.owner.token, headers });
    const second = await server.graphql<never>(BRIEF_CREATE, { input }, { token: brand.owner.token, headers });
    expect(succeeded<{ brief: BriefView }>(second, 'briefCreate').brief.id).toBe(succeeded<{ brief: BriefView }>(first, 'briefCreate').brief.id);
    expect(await countTitled('Header brief')).toBe(1);
  });

  it('creates exactly one brief for 10 concurrent requests with one key', async () => {
    const input = briefInput(brand, { title: 'Concurrent brief' });
    const key = randomUUID();
    const results = await Promise.all(Array.from({ length: 10 }, () => act(BRIEF_CREATE, 'briefCreate', brand.owner, { input, key })));
    const ids = results.map((result) => succeeded<{ brief: BriefView }>(result as never, 'briefCreate').brief.id);
    expect(new Set(ids).size).toBe(1);
    expect(await countTitled('Concurrent brief')).toBe(1);
  });

  it('lets a refused request be retried with the same key once fixed', async () => {
    const key = randomUUID();
    const refused = await act(BRIEF_CREATE, 'briefCreate', brand.owner, { input: briefInput(brand, { title: 'Fixed brief', slots: 0 }), key });
    expect(errorCodes(refused as never, 'briefCreate')).toEqual(['OUT_OF_RANGE']);
    const fixed = await act(BRIEF_CREATE, 'briefCreate', brand.owner, { input: briefInput(brand, { title: 'Fixed brief' }), key });
    succeeded(fixed as never, 'briefCreate');
    expect(await countTitled('Fixed brief')).toBe(1);
  });
});

describe('what the bids module uses', () => {
  const service = new BriefService(new VerticalService());
  const load = (em: EntityManager, id: string) => em.findOneOrFail(Brief, idFromGlobal(id));

  it('markAwarded moves an OPEN or CLOSED brief to AWARDED through the transition table, and refuses a cancelled one', async () => {
    const brand = await createBrand('Awarded');
    for (const closeFirst of [false, true]) {
      const brief = await publishedBrief(brand);
      if (closeFirst) await move('briefClose', brand.owner, brief.id);
      await server.app.orm.em.fork().transactional(async (em) => service.markAwarded(em, await load(em, brief.id)));
      const awarded = (await node(brief.id))!;
      expect(awarded).toMatchObject({ status: 'AWARDED', openForBids: false });
      expect(awarded.awardedAt).not.toBeNull();
    }
    const cancelled = await move('briefCancel', brand.owner, (await publishedBrief(brand)).id);
    const em = server.app.orm.em.fork();
    const refused = await service.markAwarded(em, await load(em, cancelled.id)).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(Problem);
    expect((refused as Problem).details[0]).toMatchObject({ code: 'ILLEGAL_TRANSITION', message: expect.stringContaining('This brief is CANCELLED') });
    expect((await briefRow(cancelled.id)).status).toBe('CANCELLED');
  });

  it('markAwarded records the close at the deadline of an OPEN brief past it', async () => {
    const brand = await createBrand('Awarded late');
    const brief = await publishedBrief(brand);
    await server.sql(`update brief set deadline = now() - interval '1 minute' where id = ?`, [idFromGlobal(brief.id)]);
    await server.app.orm.em.fork().transactional(async (em) => service.markAwarded(em, await load(em, brief.id)));
    const row = await briefRow(brief.id);
    expect(row.status).toBe('AWARDED');
    expect(new Date(row.closed_at as string).getTime()).toBe(new Date(row.deadline as string).getTime());
  });

  it('isOpenForBids is true only for an OPEN brief before its deadline with a slot left', async () => {
    const brand = await createBrand('Open for bids');
    const draft = await createBrief(brand);
    const open = await publishedBrief(brand);
    const em = server.app.orm.em.fork();
    expect(service.isOpenForBids(await load(em, draft.id))).toBe(false);
    const openBrief = await load(em, open.id);
    expect(service.isOpenForBids(openBrief)).toBe(true);
    expect(service.isOpenForBids(openBrief, new Date(openBrief.deadline.getTime() + 1))).toBe(false);
    openBrief.slotsFilled = openBrief.slots;
    expect(service.isOpenForBids(openBrief)).toBe(false);
  });

  it('isInvited answers for invitees of an INVITE_ONLY brief', async () => {
    const brand = await createBrand('Invitee checks');
    const invited = await createCreator('checked-invitee');
    const stranger = await createCreator('checked-stranger');
    const agency = await createAgency('checked-agency');
    const brief = await publishedBrief(brand, { visibility: 'INVITE_ONLY' });
    succeeded(
      (await act(BRIEF_INVITE, 'briefInvite', brand.owner, { id: brief.id, input: { creatorIds: [invited.creatorId], agencyIds: [agency.agencyId] } })) as never,
      'briefInvite',
    );
    const em = server.app.orm.em.fork();
    const entity = await load(em, brief.id);
    const invitations = await em.find(BriefInvitation, { brief: entity.id });
    const invitees = {
      creatorIds: invitations.flatMap((invitation) => (invitation.creator ? [invitation.creator.id] : [])),
      traderIds: invitations.flatMap((invitation) => (invitation.trader ? [invitation.trader.id] : [])),
      agencyIds: invitations.flatMap((invitation) => (invitation.agency ? [invitation.agency.id] : [])),
    };
    const creatorId = (creator: { creatorId: string }) => idFromGlobal(creator.creatorId);
    expect(service.isInvited(entity, invitees, { creatorId: creatorId(invited) })).toBe(true);
    expect(service.isInvited(entity, invitees, { creatorId: creatorId(stranger) })).toBe(false);
    expect(service.isInvited(entity, invitees, { creatorId: creatorId(stranger), agencyId: idFromGlobal(agency.agencyId) })).toBe(true);
  });
});

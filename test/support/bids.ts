import { randomUUID } from 'node:crypto';
import { fromGlobalId, toGlobalId } from '../../src/graphql/global-id.js';
import { type Actor, signUp, succeeded } from './actors.js';
import type { GraphQLResponse, TestServer } from './test-server.js';

/** Helpers that set up brands, briefs and bidders for the bid tests; the bids themselves go through the API. */

export const ERRORS = 'userErrors { code field message }';
export const rowId = (globalId: string) => fromGlobalId(globalId)!.id;
export const inDays = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString();

export interface Brand {
  owner: Actor;
  brandId: string;
  productId: string;
}

export interface Talent {
  actor: Actor;
  /** Global id of the creator or operator profile. */
  id: string;
}

export interface AgencyAccount {
  member: Actor;
  agencyId: string;
}

/** A brand with one product; `requiredCredentials` are the product's own. */
export async function createBrand(server: TestServer, requiredCredentials: string[] = []): Promise<Brand> {
  const owner = await signUp(server, 'brand-owner');
  const brand = succeeded<{ brand: { id: string } }>(
    (await server.graphql(`mutation($input: BrandCreateInput!) { brandCreate(input: $input) { brand { id } ${ERRORS} } }`, { input: { name: 'Glow Lab' } }, { token: owner.token })) as never,
    'brandCreate',
  ).brand;
  const product = succeeded<{ product: { id: string } }>(
    (await server.graphql(
      `mutation($input: ProductCreateInput!) { productCreate(input: $input) { product { id } ${ERRORS} } }`,
      { input: { brandId: brand.id, name: 'Ceramide serum', verticalSlug: 'beauty.functional-skincare', nicheTags: ['ceramide'], requiredCredentials } },
      { token: owner.token },
    )) as never,
    'productCreate',
  ).product;
  return { owner, brandId: brand.id, productId: product.id };
}

/** Another account acting for the same brand. */
export async function addBrandMember(server: TestServer, brand: Brand): Promise<Actor> {
  const member = await signUp(server, 'brand-member');
  await server.sql(`insert into brand_member (id, brand_id, user_id, role, created_at) values (?, ?, ?, 'MEMBER', now())`, [
    randomUUID(),
    rowId(brand.brandId),
    rowId(member.userId),
  ]);
  return member;
}

/** A brief, published (OPEN) unless `publish` is false. */
export async function createBrief(
  server: TestServer,
  brand: Brand,
  overrides: Record<string, unknown> = {},
  publish = true,
): Promise<string> {
  const input = {
    brandId: brand.brandId,
    title: 'Ceramide serum seeding',
    description: 'Dermatologists explain the barrier repair',
    objective: 'SEEDING_CONTENT',
    productIds: [brand.productId],
    formats: ['SHORT_VIDEO', 'LIVE_STREAM'],
    platforms: ['DOUYIN', 'XIAOHONGSHU'],
    budget: { amount: 10_000_000, currency: 'CNY' },
    preferredStructures: ['HYBRID'],
    slots: 2,
    deadline: inDays(14),
    ...overrides,
  };
  const brief = succeeded<{ brief: { id: string } }>(
    (await server.graphql(`mutation($input: BriefCreateInput!) { briefCreate(input: $input) { brief { id } ${ERRORS} } }`, { input }, { token: brand.owner.token })) as never,
    'briefCreate',
  ).brief;
  if (publish) {
    succeeded((await server.graphql(`mutation($id: ID!) { briefPublish(id: $id) { brief { id } ${ERRORS} } }`, { id: brief.id }, { token: brand.owner.token })) as never, 'briefPublish');
  }
  return brief.id;
}

export interface ProfileFacts {
  credentials?: string[];
  level?: number;
  capacity?: number;
  activeDeals?: number;
}

/** Writes the summary columns the bid rules read, as verified credentials and track record would. */
async function setFacts(server: TestServer, table: 'creator' | 'trader', id: string, facts: ProfileFacts) {
  await server.sql(
    `update ${table} set verified_credential_types = ?::text[], credibility_level = ?, capacity = ?, active_deal_count = ? where id = ?`,
    [`{${(facts.credentials ?? []).join(',')}}`, facts.level ?? 3, facts.capacity ?? 3, facts.activeDeals ?? 0, id],
  );
}

/** A name as the local part of an email address. */
const slug = (name: string) => name.toLowerCase().replace(/\W+/g, '-');

export async function createCreator(server: TestServer, name = 'creator', facts: ProfileFacts = {}): Promise<Talent> {
  const actor = await signUp(server, slug(name));
  const creator = succeeded<{ creator: { id: string } }>(
    (await server.graphql(
      `mutation($input: CreatorProfileCreateInput!) { creatorProfileCreate(input: $input) { creator { id } ${ERRORS} } }`,
      { input: { displayName: name, kind: 'PROFESSIONAL' } },
      { token: actor.token },
    )) as never,
    'creatorProfileCreate',
  ).creator;
  await setFacts(server, 'creator', rowId(creator.id), facts);
  return { actor, id: creator.id };
}

export async function createTrader(server: TestServer, name = 'operator', facts: ProfileFacts = {}): Promise<Talent> {
  const actor = await signUp(server, slug(name));
  const trader = succeeded<{ trader: { id: string } }>(
    (await server.graphql(
      `mutation($input: TraderProfileCreateInput!) { traderProfileCreate(input: $input) { trader { id } ${ERRORS} } }`,
      { input: { displayName: name, capabilities: ['LIVE_OPERATION'], rate: { minFixedFee: { amount: 100_000, currency: 'CNY' }, minCommissionBp: 500 } } },
      { token: actor.token },
    )) as never,
    'traderProfileCreate',
  ).trader;
  await setFacts(server, 'trader', rowId(trader.id), facts);
  return { actor, id: trader.id };
}

/**
 * Many creators quickly: accounts through signUp (they need tokens), profiles straight into the
 * table. Each has the given facts.
 */
export async function createCreators(server: TestServer, count: number, facts: ProfileFacts = {}): Promise<Talent[]> {
  const actors = await Promise.all(Array.from({ length: count }, (_, index) => signUp(server, `bidder-${index}`)));
  return Promise.all(
    actors.map(async (actor, index) => {
      const creatorId = randomUUID();
      await server.sql(
        `insert into creator (id, user_id, display_name, kind, verified_credential_types, credibility_level, capacity, active_deal_count, created_at, updated_at)
         values (?, ?, ?, 'REVIEWER', ?::text[], ?, ?, ?, now(), now())`,
        [creatorId, rowId(actor.userId), `Bidder ${index}`, `{${(facts.credentials ?? []).join(',')}}`, facts.level ?? 3, facts.capacity ?? 3, facts.activeDeals ?? 0],
      );
      return { actor, id: toGlobalId('Creator', creatorId) };
    }),
  );
}

/** An agency with one member and, on its ACTIVE roster, the given talent at `shareBp`. */
export async function createAgency(server: TestServer, roster: Talent[], shareBp = 2000): Promise<AgencyAccount> {
  const member = await signUp(server, 'agency-member');
  const agency = succeeded<{ agency: { id: string } }>(
    (await server.graphql(`mutation($input: AgencyCreateInput!) { agencyCreate(input: $input) { agency { id } ${ERRORS} } }`, { input: { name: 'Star MCN' } }, { token: member.token })) as never,
    'agencyCreate',
  ).agency;
  for (const talent of roster) {
    const { typeName, id } = fromGlobalId(talent.id)!;
    await server.sql(
      `insert into roster_membership (id, agency_id, ${typeName === 'Creator' ? 'creator_id' : 'trader_id'}, status, share_bp, invited_by_id, created_at, responded_at)
       values (?, ?, ?, 'ACTIVE', ?, ?, now(), now())`,
      [randomUUID(), rowId(agency.id), id, shareBp, rowId(member.userId)],
    );
  }
  return { member, agencyId: agency.id };
}

export const deliverable = (overrides: Record<string, unknown> = {}) => ({
  format: 'SHORT_VIDEO',
  platform: 'DOUYIN',
  dueAt: inDays(30),
  description: 'A 90-second explainer',
  ...overrides,
});

export const terms = (overrides: Record<string, unknown> = {}) => ({
  fixedFee: { amount: 800_000, currency: 'CNY' },
  commissionBp: 1000,
  deliverables: [deliverable()],
  ...overrides,
});

export const BID_FIELDS = /* GraphQL */ `
  id status pitch rejectionReason submittedAt updatedAt
  brief { id }
  creator { id displayName }
  trader { id displayName }
  agency { id name }
  currentTerms { currency fixedFee { amount currency } commissionBp gmvGuarantee { amount currency } agencyShareBp deliverables { format platform dueAt description } }
  currentRevision { number side }
  revisions { number side authorName message createdAt terms { fixedFee { amount } commissionBp agencyShareBp } }
  agreedRevision { number side }
  deal { id }
`;

export interface BidView {
  id: string;
  status: string;
  pitch: string;
  rejectionReason: string | null;
  brief: { id: string };
  creator: { id: string; displayName: string } | null;
  trader: { id: string; displayName: string } | null;
  agency: { id: string; name: string } | null;
  currentTerms: {
    currency: string;
    fixedFee: { amount: number; currency: string };
    commissionBp: number;
    gmvGuarantee: { amount: number; currency: string } | null;
    agencyShareBp: number | null;
    deliverables: { format: string; platform: string; dueAt: string; description: string }[];
  };
  currentRevision: { number: number; side: string };
  revisions: { number: number; side: string; authorName: string; message: string; terms: { fixedFee: { amount: number }; commissionBp: number; agencyShareBp: number | null } }[];
  agreedRevision: { number: number; side: string } | null;
  deal: { id: string } | null;
}

interface BidPayload {
  bid: BidView | null;
  userErrors: { code: string; field: string[] | null; message: string }[];
}
export type BidPayloadResult = GraphQLResponse<Record<string, BidPayload>>;
export type BidSubmitResult = GraphQLResponse<{ bidSubmit: BidPayload }>;

const SUBMIT = `mutation($input: BidSubmitInput!, $key: String) { bidSubmit(input: $input, idempotencyKey: $key) { bid { ${BID_FIELDS} } ${ERRORS} } }`;

export function submitBid(server: TestServer, actor: Actor, input: Record<string, unknown>, options: { key?: string; headers?: Record<string, string> } = {}) {
  return server.graphql(SUBMIT, { input: { terms: terms(), pitch: 'I explain barrier repair to 2M followers', ...input }, key: options.key }, {
    token: actor.token,
    ...(options.headers ? { headers: options.headers } : {}),
  }) as Promise<BidSubmitResult>;
}

/** A bid that must go through. */
export async function placeBid(server: TestServer, actor: Actor, input: Record<string, unknown>): Promise<BidView> {
  return succeeded<{ bid: BidView }>((await submitBid(server, actor, input)) as never, 'bidSubmit').bid;
}

export const BID_MUTATIONS = {
  shortlist: `mutation($id: ID!) { bidShortlist(id: $id) { bid { ${BID_FIELDS} } ${ERRORS} } }`,
  reject: `mutation($id: ID!, $reason: String) { bidReject(id: $id, reason: $reason) { bid { ${BID_FIELDS} } ${ERRORS} } }`,
  counter: `mutation($id: ID!, $terms: BidTermsInput!, $message: String) { bidCounter(id: $id, terms: $terms, message: $message) { bid { ${BID_FIELDS} } ${ERRORS} } }`,
  revise: `mutation($id: ID!, $terms: BidTermsInput!, $message: String) { bidRevise(id: $id, terms: $terms, message: $message) { bid { ${BID_FIELDS} } ${ERRORS} } }`,
  counterAccept: `mutation($id: ID!, $revision: Int!) { bidCounterAccept(id: $id, revision: $revision) { bid { ${BID_FIELDS} } ${ERRORS} } }`,
  withdraw: `mutation($id: ID!) { bidWithdraw(id: $id) { bid { ${BID_FIELDS} } ${ERRORS} } }`,
  accept: `mutation($id: ID!, $revision: Int!, $key: String) { bidAccept(id: $id, revision: $revision, idempotencyKey: $key) {
    deal { id status createdAt brief { id status } brand { id } creator { id } trader { id } agency { id }
      terms { version currency fixedFee { amount currency } commissionBp gmvGuarantee { amount } refundWindowDays agencyShareBp platformFeeBp
        deliverables { format platform dueAt description } exclusivityDays usageRightsDays feePayment } }
    bid { id status agreedRevision { number } }
    ${ERRORS} } }`,
} as const;

export interface DealView {
  id: string;
  status: string;
  brief: { id: string; status: string };
  brand: { id: string };
  creator: { id: string } | null;
  trader: { id: string } | null;
  agency: { id: string } | null;
  terms: {
    version: number;
    currency: string;
    fixedFee: { amount: number; currency: string };
    commissionBp: number;
    gmvGuarantee: { amount: number } | null;
    refundWindowDays: number;
    agencyShareBp: number;
    platformFeeBp: number;
    deliverables: { format: string; platform: string; dueAt: string; description: string }[];
    feePayment: string;
  };
}

export type AcceptResult = GraphQLResponse<{
  bidAccept: { deal: DealView | null; bid: { id: string; status: string; agreedRevision: { number: number } | null } | null; userErrors: { code: string; field: string[] | null; message: string }[] };
}>;

/** The number of the bid's latest proposal, as `actor` reads it before saying yes; 1 when they cannot see the bid. */
export async function currentRevision(server: TestServer, actor: Actor, bidId: string): Promise<number> {
  const result = await server.graphql<{ node: { currentRevision?: { number: number } } | null }>(
    `query($id: ID!) { node(id: $id) { ... on Bid { currentRevision { number } } } }`,
    { id: bidId },
    { token: actor.token },
  );
  return result.data?.node?.currentRevision?.number ?? 1;
}

/** bidAccept on `revision`; by default the current one, read first as a client would. */
export async function acceptBid(
  server: TestServer,
  actor: Actor,
  bidId: string,
  options: { key?: string; headers?: Record<string, string>; revision?: number } = {},
): Promise<AcceptResult> {
  const revision = options.revision ?? (await currentRevision(server, actor, bidId));
  return server.graphql(BID_MUTATIONS.accept, { id: bidId, revision, key: options.key }, { token: actor.token, ...(options.headers ? { headers: options.headers } : {}) }) as Promise<AcceptResult>;
}

export async function count(server: TestServer, statement: string, parameters: unknown[] = []): Promise<number> {
  const [row] = await server.sql<{ n: number }>(statement, parameters);
  return row!.n;
}

/**
 * Sends `request` while another transaction holds the row `id` of `table` locked FOR UPDATE, and
 * tells whether the answer came while the lock was still held (within `patienceMs`) or only once
 * it was released: a request that queues on the lock has tried to take it.
 */
export async function answerWhileRowLocked<T>(
  server: TestServer,
  table: 'brief' | 'bid',
  id: string,
  request: () => Promise<T>,
  patienceMs = 1500,
): Promise<{ answeredWhileLocked: boolean; result: T }> {
  const em = server.app.orm.em.fork();
  await em.begin();
  let pending: Promise<T> | undefined;
  let answeredWhileLocked = false;
  try {
    await em.execute(`select id from ${table} where id = ? for update`, [id]);
    pending = request();
    answeredWhileLocked = await Promise.race([pending.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), patienceMs))]);
  } finally {
    await em.rollback();
  }
  return { answeredWhileLocked, result: await pending };
}

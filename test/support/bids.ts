import { randomUUID } from 'node:crypto';
import type { ResultOf, TypedDocumentNode, VariablesOf } from '@graphql-typed-document-node/core';
import { fromGlobalId, toGlobalId } from '../../src/graphql/global-id.js';
import {
  AcceptBidDocument,
  type AcceptBidMutation,
  AcceptCounterDocument,
  type BidFieldsFragment,
  type BidSubmitInput,
  type BidTermsInput,
  BidCurrentRevisionDocument,
  type CredentialType,
  type BriefCreateInput,
  CounterBidDocument,
  type DeliverableInput,
  RejectBidDocument,
  ReviseBidDocument,
  SetUpAgencyDocument,
  SetUpBrandDocument,
  SetUpBriefDocument,
  SetUpBriefPublishDocument,
  SetUpCreatorDocument,
  SetUpProductDocument,
  SetUpTraderDocument,
  ShortlistBidDocument,
  SubmitBidDocument,
  type SubmitBidMutation,
  WithdrawBidDocument,
} from '../generated/graphql.js';
import { type Actor, signUp, succeeded } from './actors.js';
import type { GraphQLResponse, TestServer } from './test-server.js';
import { fundBrand } from './ledger.js';

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
export async function createBrand(server: TestServer, requiredCredentials: CredentialType[] = []): Promise<Brand> {
  const owner = await signUp(server, 'brand-owner');
  const brand = succeeded(await server.graphql(SetUpBrandDocument, { input: { name: 'Glow Lab' } }, { token: owner.token }), 'brandCreate').brand;
  const product = succeeded(
    await server.graphql(
      SetUpProductDocument,
      { input: { brandId: brand.id, name: 'Ceramide serum', verticalSlug: 'beauty.functional-skincare', nicheTags: ['ceramide'], requiredCredentials } },
      { token: owner.token },
    ),
    'productCreate',
  ).product;
  await fundBrand(server, brand.id);
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
  overrides: Partial<BriefCreateInput> = {},
  publish = true,
): Promise<string> {
  const input: BriefCreateInput = {
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
  const brief = succeeded(await server.graphql(SetUpBriefDocument, { input }, { token: brand.owner.token }), 'briefCreate').brief;
  if (publish) succeeded(await server.graphql(SetUpBriefPublishDocument, { id: brief.id }, { token: brand.owner.token }), 'briefPublish');
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
  const creator = succeeded(
    await server.graphql(SetUpCreatorDocument, { input: { displayName: name, kind: 'PROFESSIONAL' } }, { token: actor.token }),
    'creatorProfileCreate',
  ).creator;
  await setFacts(server, 'creator', rowId(creator.id), facts);
  return { actor, id: creator.id };
}

export async function createTrader(server: TestServer, name = 'operator', facts: ProfileFacts = {}): Promise<Talent> {
  const actor = await signUp(server, slug(name));
  const trader = succeeded(
    await server.graphql(
      SetUpTraderDocument,
      { input: { displayName: name, capabilities: ['LIVE_OPERATION'], rate: { minFixedFee: { amount: 100_000, currency: 'CNY' }, minCommissionBp: 500 } } },
      { token: actor.token },
    ),
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
  const agency = succeeded(await server.graphql(SetUpAgencyDocument, { input: { name: 'Star MCN' } }, { token: member.token }), 'agencyCreate').agency;
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

export const deliverable = (overrides: Partial<DeliverableInput> = {}): DeliverableInput => ({
  format: 'SHORT_VIDEO',
  platform: 'DOUYIN',
  dueAt: inDays(30),
  description: 'A 90-second explainer',
  ...overrides,
});

export const terms = (overrides: Partial<BidTermsInput> = {}): BidTermsInput => ({
  fixedFee: { amount: 800_000, currency: 'CNY' },
  commissionBp: 1000,
  deliverables: [deliverable()],
  ...overrides,
});

export type BidView = BidFieldsFragment;
export type BidSubmitResult = GraphQLResponse<SubmitBidMutation>;

/** A bid's input: the default terms and pitch unless given. */
export type BidInput = Omit<BidSubmitInput, 'terms'> & { terms?: BidTermsInput };

export function submitBid(server: TestServer, actor: Actor, input: BidInput, options: { key?: string; headers?: Record<string, string> } = {}) {
  return server.graphql(SubmitBidDocument, { input: { terms: terms(), pitch: 'I explain barrier repair to 2M followers', ...input }, key: options.key }, {
    token: actor.token,
    ...(options.headers ? { headers: options.headers } : {}),
  });
}

/** A bid that must go through. */
export async function placeBid(server: TestServer, actor: Actor, input: BidInput): Promise<BidView> {
  return succeeded(await submitBid(server, actor, input), 'bidSubmit').bid;
}

export const BID_MUTATIONS = {
  shortlist: ShortlistBidDocument,
  reject: RejectBidDocument,
  counter: CounterBidDocument,
  revise: ReviseBidDocument,
  counterAccept: AcceptCounterDocument,
  withdraw: WithdrawBidDocument,
  accept: AcceptBidDocument,
} as const;

type BidMutations = typeof BID_MUTATIONS;

/** One of the bid mutations as `actor`, its variables and result typed by the mutation named. */
export function actOnBid<Name extends keyof BidMutations>(
  server: TestServer,
  actor: Actor,
  mutation: Name,
  variables: VariablesOf<BidMutations[Name]>,
): Promise<GraphQLResponse<ResultOf<BidMutations[Name]>>> {
  const document = BID_MUTATIONS[mutation] as unknown as TypedDocumentNode<ResultOf<BidMutations[Name]>, VariablesOf<BidMutations[Name]>>;
  return server.graphql(document, variables as never, { token: actor.token });
}

export type DealView = NonNullable<AcceptBidMutation['bidAccept']['deal']>;
export type AcceptResult = GraphQLResponse<AcceptBidMutation>;

/** The number of the bid's latest proposal, as `actor` reads it before saying yes; 1 when they cannot see the bid. */
export async function currentRevision(server: TestServer, actor: Actor, bidId: string): Promise<number> {
  const result = await server.graphql(BidCurrentRevisionDocument, { id: bidId }, { token: actor.token });
  const node = result.data?.node;
  return node && 'currentRevision' in node ? node.currentRevision.number : 1;
}

/** bidAccept on `revision`; by default the current one, read first as a client would. */
export async function acceptBid(
  server: TestServer,
  actor: Actor,
  bidId: string,
  options: { key?: string; headers?: Record<string, string>; revision?: number } = {},
): Promise<AcceptResult> {
  const revision = options.revision ?? (await currentRevision(server, actor, bidId));
  return server.graphql(AcceptBidDocument, { id: bidId, revision, key: options.key }, { token: actor.token, ...(options.headers ? { headers: options.headers } : {}) });
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

import type { ResultOf, TypedDocumentNode, VariablesOf } from '@graphql-typed-document-node/core';
import {
  AcceptAmendmentDocument,
  ApproveDeliverableDocument,
  type DealDetailFieldsFragment,
  type DeliverableFieldsFragment,
  type DeliverableInput,
  ProposeAmendmentDocument,
  ReadDealDocument,
  RejectAmendmentDocument,
  RequestDeliverableChangesDocument,
  SubmitDeliverableDocument,
  WithdrawAmendmentDocument,
  type BidTermsInput,
  type DealTermsInput,
} from '../generated/graphql.js';
import { type Actor, succeeded } from './actors.js';
import {
  acceptBid,
  type AgencyAccount,
  type Brand,
  createAgency,
  createBrand,
  createBrief,
  createCreator,
  deliverable,
  placeBid,
  rowId,
  type Talent,
  terms,
} from './bids.js';
import type { GraphQLResponse, TestServer } from './test-server.js';

/** Deals made through the API (brief, bid, acceptance), for the amendment and deliverable tests. */

export interface Deal {
  dealId: string;
  brand: Brand;
  talent: Talent;
  agency: AgencyAccount | null;
}

export interface DealSetup extends Deal {
  /** Global ids of the deal's deliverables, in the order of its terms. */
  deliverableIds: [string, ...string[]];
}

/**
 * A deal between a fresh creator (through an agency taking 20 % when `viaAgency`) and `brand` (a
 * fresh one by default): a brief, a bid on `terms()` with `termsOverrides`, the brand's acceptance.
 */
export async function makeDeal(server: TestServer, options: { brand?: Brand; viaAgency?: boolean; termsOverrides?: Partial<BidTermsInput> } = {}): Promise<Deal> {
  const brand = options.brand ?? (await createBrand(server));
  const briefId = await createBrief(server, brand);
  const talent = await createCreator(server, 'deal-creator');
  const agency = options.viaAgency ? await createAgency(server, [talent], 2000) : null;
  const bid = await placeBid(server, agency ? agency.member : talent.actor, {
    briefId,
    creatorId: talent.id,
    ...(agency ? { agencyId: agency.agencyId } : {}),
    terms: terms(options.termsOverrides ?? {}),
  });
  const accepted = await acceptBid(server, brand.owner, bid.id);
  const deal = accepted.data?.bidAccept.deal;
  if (!deal) throw new Error(`bidAccept failed: ${JSON.stringify(accepted)}`);
  return { dealId: deal.id, brand, talent, agency };
}

/** A deal made by `makeDeal` with the given deliverables (two short videos by default), and their ids. */
export async function createDeal(
  server: TestServer,
  options: { viaAgency?: boolean; deliverables?: DeliverableInput[]; brand?: Brand; termsOverrides?: Partial<BidTermsInput> } = {},
): Promise<DealSetup> {
  const deliverables = options.deliverables ?? [deliverable({ description: 'Unboxing video' }), deliverable({ description: 'Barrier repair explainer', platform: 'XIAOHONGSHU' })];
  const deal = await makeDeal(server, {
    ...(options.brand ? { brand: options.brand } : {}),
    ...(options.viaAgency ? { viaAgency: true } : {}),
    termsOverrides: { deliverables, ...options.termsOverrides },
  });
  const view = await readDeal(server, deal.brand.owner, deal.dealId);
  const [first, ...others] = view!.deliverables.map((item) => item.id);
  if (!first) throw new Error('a deal without deliverables');
  return { ...deal, deliverableIds: [first, ...others] };
}

export type DeliverableView = DeliverableFieldsFragment;
export type DealDetail = DealDetailFieldsFragment;

/**
 * The node a `query($id: ID!) { node(id: $id) { ... on X { ... } } }` document reads as `actor`
 * sees it; null when they may not see it.
 */
export async function readNode<Node>(
  server: TestServer,
  actor: Actor | null,
  document: TypedDocumentNode<{ node: Node | null }, { id: string }>,
  id: string,
): Promise<Node | null> {
  const result = await server.graphql(document, { id }, actor ? { token: actor.token } : {});
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.node;
}

/** The deal's terms, history and deliverables (DealDetailFields) as `actor` sees them. */
export async function readDeal(server: TestServer, actor: Actor | null, dealId: string): Promise<DealDetail | null> {
  return (await readNode(server, actor, ReadDealDocument, dealId)) as DealDetail | null;
}

export type Payload = GraphQLResponse<Record<string, { userErrors: { code: string; field: string[] | null; message: string }[] } & Record<string, unknown>>>;

export const DEAL_MUTATIONS = {
  propose: ProposeAmendmentDocument,
  accept: AcceptAmendmentDocument,
  reject: RejectAmendmentDocument,
  withdraw: WithdrawAmendmentDocument,
  submit: SubmitDeliverableDocument,
  approve: ApproveDeliverableDocument,
  requestChanges: RequestDeliverableChangesDocument,
} as const;

type DealMutations = typeof DEAL_MUTATIONS;

export function run<Name extends keyof DealMutations>(
  server: TestServer,
  actor: Actor,
  mutation: Name,
  variables: VariablesOf<DealMutations[Name]>,
): Promise<GraphQLResponse<ResultOf<DealMutations[Name]>>> {
  const document = DEAL_MUTATIONS[mutation] as unknown as TypedDocumentNode<ResultOf<DealMutations[Name]>, VariablesOf<DealMutations[Name]>>;
  return server.graphql(document, variables as never, { token: actor.token });
}

/** Terms as an amendment restates them from the deal's terms in force, with `overrides`. */
export async function termsInForce(server: TestServer, actor: Actor, dealId: string, overrides: Partial<DealTermsInput> = {}): Promise<DealTermsInput> {
  const deal = await readDeal(server, actor, dealId);
  return {
    fixedFee: deal!.terms.fixedFee,
    commissionBp: deal!.terms.commissionBp,
    deliverables: deal!.deliverables
      .filter((item) => item.status !== 'DROPPED')
      .map((item) => ({ format: item.format, platform: item.platform, dueAt: item.dueAt, description: item.description })),
    ...overrides,
  };
}

/** An amendment that must go through; returns its global id. */
export async function propose(server: TestServer, actor: Actor, dealId: string, overrides: Partial<DealTermsInput> = {}, reason = 'Scope grew'): Promise<string> {
  const terms = await termsInForce(server, actor, dealId, overrides);
  return succeeded(await run(server, actor, 'propose', { input: { dealId, reason, terms } }), 'dealAmendmentPropose').amendment.id;
}

export const rows = (server: TestServer, table: string, dealId: string) =>
  server.sql<Record<string, unknown>>(`select * from ${table} where deal_id = ? order by 1`, [rowId(dealId)]);

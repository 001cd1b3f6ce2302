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
  ERRORS,
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
  deliverableIds: string[];
}

export const DELIVERABLE_FIELDS = `id format platform description dueAt status late firstSubmittedAt approvedAt addedInVersion droppedInVersion
  submissions { number proofUrl note submittedAt submittedByName outcome reviewReason reviewedAt }`;

export const DEAL_FIELDS = `id status termsVersion: terms { version } feeReleasedAt
  terms { version fixedFee { amount currency } commissionBp agencyShareBp feePayment deliverables { format description dueAt } }
  termsHistory { version fixedFee { amount } commissionBp agencyShareBp deliverables { description dueAt } createdAt }
  deliverables { ${DELIVERABLE_FIELDS} }`;

export const AMENDMENT_FIELDS = `id side status reason baseVersion resultingVersion answeredAt answerReason proposedByName answeredByName
  proposedTerms { version fixedFee { amount currency } commissionBp agencyShareBp refundWindowDays exclusivityDays usageRightsDays feePayment deliverables { description dueAt } }`;

/**
 * A deal between a fresh creator (through an agency taking 20 % when `viaAgency`) and `brand` (a
 * fresh one by default): a brief, a bid on `terms()` with `termsOverrides`, the brand's acceptance.
 */
export async function makeDeal(server: TestServer, options: { brand?: Brand; viaAgency?: boolean; termsOverrides?: Record<string, unknown> } = {}): Promise<Deal> {
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
  options: { viaAgency?: boolean; deliverables?: Record<string, unknown>[]; brand?: Brand; termsOverrides?: Record<string, unknown> } = {},
): Promise<DealSetup> {
  const deliverables = options.deliverables ?? [deliverable({ description: 'Unboxing video' }), deliverable({ description: 'Barrier repair explainer', platform: 'XIAOHONGSHU' })];
  const deal = await makeDeal(server, {
    ...(options.brand ? { brand: options.brand } : {}),
    ...(options.viaAgency ? { viaAgency: true } : {}),
    termsOverrides: { deliverables, ...options.termsOverrides },
  });
  const view = await readDeal(server, deal.brand.owner, deal.dealId);
  return { ...deal, deliverableIds: view!.deliverables.map((item) => item.id) };
}

export interface DeliverableView {
  id: string;
  format: string;
  platform: string;
  description: string;
  dueAt: string;
  status: string;
  late: boolean;
  firstSubmittedAt: string | null;
  approvedAt: string | null;
  addedInVersion: number;
  droppedInVersion: number | null;
  submissions: { number: number; proofUrl: string; note: string; submittedByName: string; outcome: string | null; reviewReason: string | null; reviewedAt: string | null }[];
}

export interface DealDetail {
  id: string;
  status: string;
  feeReleasedAt: string | null;
  terms: { version: number; fixedFee: { amount: number; currency: string }; commissionBp: number; agencyShareBp: number; feePayment: string; deliverables: { format: string; description: string; dueAt: string }[] };
  termsHistory: { version: number; fixedFee: { amount: number }; commissionBp: number; agencyShareBp: number; deliverables: { description: string; dueAt: string }[]; createdAt: string }[];
  deliverables: DeliverableView[];
}

/** The given fields of the deal as `actor` sees it through `node`; null when they may not see it. */
export async function readDealFields<T>(server: TestServer, actor: Actor | null, dealId: string, fields: string): Promise<T | null> {
  const result = await server.graphql<{ node: T | null }>(`query($id: ID!) { node(id: $id) { ... on Deal { ${fields} } } }`, { id: dealId }, actor ? { token: actor.token } : {});
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.node;
}

/** The deal's terms, history and deliverables (DEAL_FIELDS) as `actor` sees them. */
export function readDeal(server: TestServer, actor: Actor | null, dealId: string): Promise<DealDetail | null> {
  return readDealFields<DealDetail>(server, actor, dealId, DEAL_FIELDS);
}

export type Payload = GraphQLResponse<Record<string, { userErrors: { code: string; field: string[] | null; message: string }[] } & Record<string, unknown>>>;

export const DEAL_MUTATIONS = {
  propose: `mutation($input: DealAmendmentProposeInput!) { dealAmendmentPropose(input: $input) { amendment { ${AMENDMENT_FIELDS} } deal { id status } ${ERRORS} } }`,
  accept: `mutation($id: ID!) { dealAmendmentAccept(id: $id) { amendment { ${AMENDMENT_FIELDS} } deal { id status terms { version } } ${ERRORS} } }`,
  reject: `mutation($id: ID!, $reason: String) { dealAmendmentReject(id: $id, reason: $reason) { amendment { ${AMENDMENT_FIELDS} } ${ERRORS} } }`,
  withdraw: `mutation($id: ID!) { dealAmendmentWithdraw(id: $id) { amendment { ${AMENDMENT_FIELDS} } ${ERRORS} } }`,
  submit: `mutation($id: ID!, $proofUrl: String!, $note: String) { dealDeliverableSubmit(id: $id, proofUrl: $proofUrl, note: $note) { deliverable { ${DELIVERABLE_FIELDS} } deal { id status } ${ERRORS} } }`,
  approve: `mutation($id: ID!) { dealDeliverableApprove(id: $id) { deliverable { ${DELIVERABLE_FIELDS} } deal { id status feeReleasedAt } ${ERRORS} } }`,
  requestChanges: `mutation($id: ID!, $reason: String!) { dealDeliverableRequestChanges(id: $id, reason: $reason) { deliverable { ${DELIVERABLE_FIELDS} } deal { id status } ${ERRORS} } }`,
} as const;

export function run(server: TestServer, actor: Actor, mutation: keyof typeof DEAL_MUTATIONS, variables: Record<string, unknown>): Promise<Payload> {
  return server.graphql(DEAL_MUTATIONS[mutation], variables, { token: actor.token }) as Promise<Payload>;
}

/** Terms as an amendment restates them from the deal's terms in force, with `overrides`. */
export async function termsInForce(server: TestServer, actor: Actor, dealId: string, overrides: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
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
export async function propose(server: TestServer, actor: Actor, dealId: string, overrides: Record<string, unknown> = {}, reason = 'Scope grew'): Promise<string> {
  const terms = await termsInForce(server, actor, dealId, overrides);
  const payload = succeeded<{ amendment: { id: string } }>((await run(server, actor, 'propose', { input: { dealId, reason, terms } })) as never, 'dealAmendmentPropose');
  return payload.amendment.id;
}

export const rows = (server: TestServer, table: string, dealId: string) =>
  server.sql<Record<string, unknown>>(`select * from ${table} where deal_id = ? order by 1`, [rowId(dealId)]);

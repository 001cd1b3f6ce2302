import { type Actor, succeeded } from './actors.js';
import { ERRORS, rowId } from './bids.js';
import { type Deal, type Payload, readDealFields } from './deals.js';
import type { TestServer } from './test-server.js';

/** The delivery, sales, settlement, dispute and review operations on deals made with `makeDeal` (deals.ts). */

/** Delivers the deal as the product does: the talent submits proof of every deliverable and the brand approves each; the last approval makes it DELIVERED. */
export async function markDelivered(server: TestServer, deal: Deal): Promise<void> {
  const view = await readDealFields<{ deliverables: { id: string }[] }>(server, deal.brand.owner, deal.dealId, 'deliverables { id }');
  for (const { id } of view!.deliverables) {
    succeeded(
      (await server.graphql(`mutation($id: ID!) { dealDeliverableSubmit(id: $id, proofUrl: "https://www.douyin.com/video/1") { ${ERRORS} } }`, { id }, { token: deal.talent.actor.token })) as never,
      'dealDeliverableSubmit',
    );
    succeeded((await server.graphql(`mutation($id: ID!) { dealDeliverableApprove(id: $id) { ${ERRORS} } }`, { id }, { token: deal.brand.owner.token })) as never, 'dealDeliverableApprove');
  }
  const [row] = await server.sql<{ status: string }>('select status from deal where id = ?', [rowId(deal.dealId)]);
  if (row!.status !== 'DELIVERED') throw new Error(`deal not delivered: ${row!.status}`);
}

export const today = () => new Date().toISOString().slice(0, 10);
export const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
export const cny = (amount: number) => ({ amount, currency: 'CNY' });

export const REPORT_FIELDS = `id periodStart periodEnd source ordersCount gmv { amount currency } refunds { amount { amount currency } daysAfterOrder }
  refundsTotal { amount } inForce supersededAt createdAt supersedes { id } supersededBy { id }`;

export const BREAKDOWN_FIELDS = `termsVersion currency ordersCount grossGmv { amount } refundsCounted { amount } refundsIgnored { amount } netGmv { amount }
  gmvGuarantee { amount } fixedFee { amount } makeGood { amount } feeEarned { amount } commission { amount } creatorGross { amount }
  agencyShare { amount } creatorNet { amount } platformFee { amount } brandTotalCost { amount currency } roi { numerator denominator basisPoints }`;

export const OUTCOME_MUTATIONS = {
  report: `mutation($input: DealSalesReportInput!) { dealSalesReport(input: $input) { salesReport { ${REPORT_FIELDS} } created deal { id status } ${ERRORS} } }`,
  settle: `mutation($id: ID!) { dealSettle(id: $id) { deal { id status } settlement { method settledAt breakdown { ${BREAKDOWN_FIELDS} } } ${ERRORS} } }`,
  disputeOpen: `mutation($id: ID!, $reason: String!) { dealDisputeOpen(id: $id, reason: $reason) { deal { id status } dispute { id openedBySide reason openedAt decision resolutionNote resolvedAt } ${ERRORS} } }`,
  disputeResolve: `mutation($id: ID!, $decision: DisputeDecision!, $note: String!) { dealDisputeResolve(id: $id, decision: $decision, note: $note) {
    deal { id status settlement { method breakdown { netGmv { amount } } } } dispute { id decision resolutionNote resolvedAt } ${ERRORS} } }`,
  review: `mutation($id: ID!, $rating: Int!, $comment: String) { dealReview(id: $id, rating: $rating, comment: $comment) { review { side rating comment createdAt } deal { id } ${ERRORS} } }`,
} as const;

export function call(server: TestServer, actor: Actor | null, mutation: keyof typeof OUTCOME_MUTATIONS, variables: Record<string, unknown>): Promise<Payload> {
  return server.graphql(OUTCOME_MUTATIONS[mutation], variables, actor ? { token: actor.token } : {}) as Promise<Payload>;
}

export interface ReportInput {
  dealId: string;
  periodStart?: string;
  periodEnd?: string;
  source?: string;
  ordersCount?: number;
  gmv?: { amount: number; currency: string };
  refunds?: { amount: { amount: number; currency: string }; daysAfterOrder: number }[];
  correction?: boolean;
  supersedes?: string;
}

/** A report for today by BRAND_MANUAL unless `input` says otherwise. */
export function report(server: TestServer, actor: Actor, input: ReportInput): Promise<Payload> {
  return call(server, actor, 'report', { input: { periodStart: today(), periodEnd: today(), ordersCount: 10, gmv: cny(100_000), ...input } });
}

/** A report that must go through; returns the report's global id. */
export async function reported(server: TestServer, actor: Actor, input: ReportInput): Promise<string> {
  return succeeded<{ salesReport: { id: string } }>((await report(server, actor, input)) as never, 'dealSalesReport').salesReport.id;
}

export async function rowCount(server: TestServer, table: string, dealId: string, condition = 'true'): Promise<number> {
  const [row] = await server.sql<{ n: number }>(`select count(*)::int as n from ${table} where deal_id = ? and ${condition}`, [rowId(dealId)]);
  return row!.n;
}

export async function dealStatus(server: TestServer, dealId: string): Promise<string> {
  const [row] = await server.sql<{ status: string }>('select status from deal where id = ?', [rowId(dealId)]);
  return row!.status;
}

import type { ResultOf, TypedDocumentNode, VariablesOf } from '@graphql-typed-document-node/core';
import {
  ApproveDeliveryDocument,
  type CurrencyCode,
  DealDeliverableIdsDocument,
  type DealSalesReportInput,
  DeliverWithProofDocument,
  OpenDisputeDocument,
  ReportSalesDocument,
  ResolveDisputeDocument,
  ReviewDealDocument,
  SettleDealDocument,
} from '../generated/graphql.js';
import { type Actor, succeeded } from './actors.js';
import { rowId } from './bids.js';
import { type Deal, readNode } from './deals.js';
import type { GraphQLResponse, TestServer } from './test-server.js';

/** The delivery, sales, settlement, dispute and review operations on deals made with `makeDeal` (deals.ts). */

/** Delivers the deal as the product does: the talent submits proof of every deliverable and the brand approves each; the last approval makes it DELIVERED. */
export async function markDelivered(server: TestServer, deal: Deal): Promise<void> {
  const view = await readNode(server, deal.brand.owner, DealDeliverableIdsDocument, deal.dealId);
  for (const { id } of view?.deliverables ?? []) {
    succeeded(await server.graphql(DeliverWithProofDocument, { id }, { token: deal.talent.actor.token }), 'dealDeliverableSubmit');
    succeeded(await server.graphql(ApproveDeliveryDocument, { id }, { token: deal.brand.owner.token }), 'dealDeliverableApprove');
  }
  const [row] = await server.sql<{ status: string }>('select status from deal where id = ?', [rowId(deal.dealId)]);
  if (row!.status !== 'DELIVERED') throw new Error(`deal not delivered: ${row!.status}`);
}

export const today = () => new Date().toISOString().slice(0, 10);
export const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
export const cny = (amount: number) => ({ amount, currency: 'CNY' as CurrencyCode });

export const OUTCOME_MUTATIONS = {
  report: ReportSalesDocument,
  settle: SettleDealDocument,
  disputeOpen: OpenDisputeDocument,
  disputeResolve: ResolveDisputeDocument,
  review: ReviewDealDocument,
} as const;

type OutcomeMutations = typeof OUTCOME_MUTATIONS;

export function call<Name extends keyof OutcomeMutations>(
  server: TestServer,
  actor: Actor | null,
  mutation: Name,
  variables: VariablesOf<OutcomeMutations[Name]>,
): Promise<GraphQLResponse<ResultOf<OutcomeMutations[Name]>>> {
  const document = OUTCOME_MUTATIONS[mutation] as unknown as TypedDocumentNode<ResultOf<OutcomeMutations[Name]>, VariablesOf<OutcomeMutations[Name]>>;
  return server.graphql(document, variables as never, actor ? { token: actor.token } : {});
}

export type ReportInput = Partial<DealSalesReportInput> & { dealId: string };

/** A report for today by BRAND_MANUAL unless `input` says otherwise. */
export function report(server: TestServer, actor: Actor, input: ReportInput) {
  return call(server, actor, 'report', { input: { periodStart: today(), periodEnd: today(), ordersCount: 10, gmv: cny(100_000), ...input } });
}

/** A report that must go through; returns the report's global id. */
export async function reported(server: TestServer, actor: Actor, input: ReportInput): Promise<string> {
  return succeeded(await report(server, actor, input), 'dealSalesReport').salesReport.id;
}

export async function rowCount(server: TestServer, table: string, dealId: string, condition = 'true'): Promise<number> {
  const [row] = await server.sql<{ n: number }>(`select count(*)::int as n from ${table} where deal_id = ? and ${condition}`, [rowId(dealId)]);
  return row!.n;
}

export async function dealStatus(server: TestServer, dealId: string): Promise<string> {
  const [row] = await server.sql<{ status: string }>('select status from deal where id = ?', [rowId(dealId)]);
  return row!.status;
}

import { beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../src/graphql/global-id.js';
import { CancelDealDocument, type CancelDealMutation, DealCancellationDocument } from './generated/graphql.js';
import { type Actor, errorCodes, signUp, signUpAdmin, succeeded } from './support/actors.js';
import { rowId } from './support/bids.js';
import { call, cny, dealStatus, markDelivered, rowCount } from './support/deal-outcomes.js';
import { createDeal, type DealSetup, propose, readNode, run } from './support/deals.js';
import { type GraphQLResponse, useTestServer } from './support/test-server.js';

const server = useTestServer();
let admin: Actor;
beforeAll(async () => {
  admin = await signUpAdmin(server);
});

type CancelResult = GraphQLResponse<CancelDealMutation>;

const cancel = (actor: Actor | null, dealId: string, reason = 'The launch moved to spring') =>
  server.graphql(CancelDealDocument, { input: { dealId, reason } }, actor ? { token: actor.token } : {});
const cancelled = async (actor: Actor, dealId: string, reason?: string) => succeeded(await cancel(actor, dealId, reason), 'dealCancel');
const codesOf = async (result: Promise<CancelResult>) => errorCodes(await result, 'dealCancel');

const cancellationRows = (deal: DealSetup) => rowCount(server, 'deal_cancellation', deal.dealId);
const submissionRows = async (deal: DealSetup) =>
  (await server.sql<{ n: number }>('select count(*)::int as n from deliverable_submission s join deal_deliverable d on d.id = s.deliverable_id where d.deal_id = ?', [rowId(deal.dealId)]))[0]!.n;
const activeDeals = async (deal: DealSetup) => (await server.sql<{ n: number }>('select active_deal_count as n from creator where id = ?', [rowId(deal.talent.id)]))[0]!.n;
const seenCancellation = async (actor: Actor, deal: DealSetup) => (await readNode(server, actor, DealCancellationDocument, deal.dealId))!.cancellation;
const submitProof = (deal: DealSetup, actor: Actor = deal.talent.actor) => run(server, actor, 'submit', { id: deal.deliverableIds[0], proofUrl: 'https://www.douyin.com/video/7' });

describe('calling off a deal before work started', () => {
  it('lets a member of the brand call off an ACTIVE deal: it is CANCELLED, who, which side, why and when are kept and shown to both sides, and the talent’s capacity is freed', async () => {
    const deal = await createDeal(server);
    expect(await activeDeals(deal)).toBe(1);
    expect(await seenCancellation(deal.talent.actor, deal)).toBeNull();

    const result = await cancelled(deal.brand.owner, deal.dealId, '  The launch moved to spring  ');
    expect(result.deal).toMatchObject({ id: deal.dealId, status: 'CANCELLED' });
    expect(result.cancellation).toMatchObject({ side: 'BRAND', reason: 'The launch moved to spring', cancelledByName: 'brand-owner' });
    expect(Number.isNaN(Date.parse(result.cancellation!.cancelledAt))).toBe(false);
    expect(result.deal!.cancellation).toEqual(result.cancellation);

    expect(await seenCancellation(deal.talent.actor, deal)).toEqual(result.cancellation);
    expect(await seenCancellation(admin, deal)).toEqual(result.cancellation);
    const [row] = await server.sql<Record<string, unknown>>('select cancelled_by_id, side, reason from deal_cancellation where deal_id = ?', [rowId(deal.dealId)]);
    expect(row).toEqual({ cancelled_by_id: rowId(deal.brand.owner.userId), side: 'BRAND', reason: 'The launch moved to spring' });
    expect(await dealStatus(server, deal.dealId)).toBe('CANCELLED');
    // The slot the deal held is free for the next brief.
    expect(await activeDeals(deal)).toBe(0);
  });

  it('lets the talent (side TALENT) or a member of the agency acting for them (side AGENCY) call it off', async () => {
    const byTalent = await createDeal(server);
    expect((await cancelled(byTalent.talent.actor, byTalent.dealId)).cancellation).toMatchObject({ side: 'TALENT', cancelledByName: 'deal-creator' });
    expect(await activeDeals(byTalent)).toBe(0);

    const byAgency = await createDeal(server, { viaAgency: true });
    expect((await cancelled(byAgency.agency!.member, byAgency.dealId)).cancellation).toMatchObject({ side: 'AGENCY', cancelledByName: 'agency-member' });
    expect(await dealStatus(server, byAgency.dealId)).toBe('CANCELLED');
    expect(await activeDeals(byAgency)).toBe(0);
  });

  it('leaves nothing open on the cancelled deal: a proposed amendment takes no answer, and no proof, sales or dispute are taken', async () => {
    const deal = await createDeal(server);
    const amendmentId = await propose(server, deal.brand.owner, deal.dealId, { commissionBp: 1500 }, 'More commission, fewer videos');
    await cancelled(deal.talent.actor, deal.dealId);

    expect(errorCodes(await run(server, deal.talent.actor, 'accept', { id: amendmentId }), 'dealAmendmentAccept')).toEqual(['ILLEGAL_TRANSITION']);
    expect((await server.sql<{ n: number }>('select count(*)::int as n from deal_terms where deal_id = ?', [rowId(deal.dealId)]))[0]!.n).toBe(1);
    expect(errorCodes(await submitProof(deal), 'dealDeliverableSubmit')).toEqual(['ILLEGAL_TRANSITION']);
    expect(await submissionRows(deal)).toBe(0);
    const late = await call(server, deal.brand.owner, 'report', { input: { dealId: deal.dealId, periodStart: '2026-11-01', periodEnd: '2026-11-02', ordersCount: 1, gmv: cny(1) } });
    expect(errorCodes(late, 'dealSalesReport')).toEqual(['ILLEGAL_TRANSITION']);
    expect(errorCodes(await call(server, deal.brand.owner, 'disputeOpen', { id: deal.dealId, reason: 'Too late' }), 'dealDisputeOpen')).toEqual(['ILLEGAL_TRANSITION']);
    expect(await dealStatus(server, deal.dealId)).toBe('CANCELLED');
  });
});

describe('refusals, each writing nothing', () => {
  it('is WORK_STARTED once any proof was submitted, even after the brand asked for changes, and points to a dispute', async () => {
    const deal = await createDeal(server);
    succeeded(await submitProof(deal), 'dealDeliverableSubmit');

    const refused = (await cancel(deal.brand.owner, deal.dealId)).data!.dealCancel;
    expect(refused.userErrors).toEqual([{ code: 'WORK_STARTED', field: ['input', 'dealId'], message: expect.stringContaining('dealDisputeOpen') }]);
    expect(refused.deal).toBeNull();

    succeeded(await run(server, deal.brand.owner, 'requestChanges', { id: deal.deliverableIds[0], reason: 'Show the ingredient list' }), 'dealDeliverableRequestChanges');
    expect(await codesOf(cancel(deal.talent.actor, deal.dealId))).toEqual(['WORK_STARTED']);

    expect(await dealStatus(server, deal.dealId)).toBe('ACTIVE');
    expect(await cancellationRows(deal)).toBe(0);
    expect(await activeDeals(deal)).toBe(1);
    // The way out that remains.
    succeeded(await call(server, deal.talent.actor, 'disputeOpen', { id: deal.dealId, reason: 'The brand keeps moving the goalposts' }), 'dealDisputeOpen');
  });

  it('is ILLEGAL_TRANSITION for a DELIVERED, a DISPUTED or an already CANCELLED deal', async () => {
    const delivered = await createDeal(server);
    await markDelivered(server, delivered);
    const answer = (await cancel(delivered.brand.owner, delivered.dealId)).data!.dealCancel.userErrors;
    expect(answer).toEqual([{ code: 'ILLEGAL_TRANSITION', field: ['input', 'dealId'], message: expect.stringContaining('dealDisputeOpen') }]);
    expect(await dealStatus(server, delivered.dealId)).toBe('DELIVERED');
    expect(await cancellationRows(delivered)).toBe(0);
    expect(await activeDeals(delivered)).toBe(1);

    const disputed = await createDeal(server);
    succeeded(await call(server, disputed.brand.owner, 'disputeOpen', { id: disputed.dealId, reason: 'No reply for two weeks' }), 'dealDisputeOpen');
    expect(await codesOf(cancel(disputed.talent.actor, disputed.dealId))).toEqual(['ILLEGAL_TRANSITION']);
    expect(await dealStatus(server, disputed.dealId)).toBe('DISPUTED');
    expect(await cancellationRows(disputed)).toBe(0);

    const twice = await createDeal(server);
    await cancelled(twice.brand.owner, twice.dealId);
    // Another running deal holds a slot; a second cancellation must not free it.
    await server.sql('update creator set active_deal_count = 1 where id = ?', [rowId(twice.talent.id)]);
    expect(await codesOf(cancel(twice.talent.actor, twice.dealId))).toEqual(['ILLEGAL_TRANSITION']);
    expect(await cancellationRows(twice)).toBe(1);
    expect(await activeDeals(twice)).toBe(1);
    expect((await seenCancellation(twice.talent.actor, twice))!.side).toBe('BRAND');
  });

  it('needs a reason of 1 to 2000 characters (OUT_OF_RANGE at input.reason)', async () => {
    const deal = await createDeal(server);
    for (const reason of ['', '   ', 'x'.repeat(2001)]) {
      const refused = (await cancel(deal.brand.owner, deal.dealId, reason)).data!.dealCancel.userErrors;
      expect(refused.map(({ code, field }) => ({ code, field }))).toEqual([{ code: 'OUT_OF_RANGE', field: ['input', 'reason'] }]);
    }
    expect(await dealStatus(server, deal.dealId)).toBe('ACTIVE');
    expect(await cancellationRows(deal)).toBe(0);
    expect(await activeDeals(deal)).toBe(1);
  });

  it('answers an outsider exactly as for a missing deal (NOT_FOUND), refuses admins (FORBIDDEN: they end deals through disputes) and anonymous callers', async () => {
    const deal = await createDeal(server);
    const outsider = await signUp(server, 'outsider');
    const asOutsider = (await cancel(outsider, deal.dealId)).data!.dealCancel;
    const missing = (await cancel(outsider, toGlobalId('Deal', '00000000-0000-4000-8000-000000000000'))).data!.dealCancel;
    expect(asOutsider.userErrors.map((error) => error.code)).toEqual(['NOT_FOUND']);
    expect(asOutsider).toEqual(missing);
    // An id of another type names no deal either.
    expect(await codesOf(cancel(deal.brand.owner, deal.brand.brandId))).toEqual(['NOT_FOUND']);

    expect((await cancel(admin, deal.dealId)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await cancel(null, deal.dealId)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    expect(await dealStatus(server, deal.dealId)).toBe('ACTIVE');
    expect(await cancellationRows(deal)).toBe(0);
    expect(await activeDeals(deal)).toBe(1);
  });
});

describe('at the same moment', () => {
  /**
   * Sends the requests while another transaction holds the deal's row, so that all of them are
   * inside the database, queued on that lock, when it is let go.
   */
  async function whileDealLocked<T>(deal: DealSetup, requests: (() => Promise<T>)[]): Promise<T[]> {
    const em = server.app.orm.em.fork();
    await em.begin();
    let pending: Promise<T[]>;
    try {
      await em.execute('select id from deal where id = ? for update', [rowId(deal.dealId)]);
      pending = Promise.all(requests.map((request) => request()));
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      await em.rollback();
    }
    return pending;
  }

  it('lets exactly one of a cancellation and a proof submission win, and leaves no cancelled deal with proof on it', async () => {
    const outcomes = new Set<string>();
    for (let round = 0; round < 4; round += 1) {
      const deal = await createDeal(server);
      const [cancelResult, submitResult] = await whileDealLocked<unknown>(deal, [() => cancel(deal.brand.owner, deal.dealId), () => submitProof(deal)]);
      const cancelCodes = errorCodes(cancelResult as never, 'dealCancel');
      const submitCodes = errorCodes(submitResult as never, 'dealDeliverableSubmit');
      if (cancelCodes.length === 0) {
        outcomes.add('cancelled');
        expect(submitCodes).toEqual(['ILLEGAL_TRANSITION']);
        expect(await dealStatus(server, deal.dealId)).toBe('CANCELLED');
        expect(await submissionRows(deal)).toBe(0);
        expect(await activeDeals(deal)).toBe(0);
      } else {
        outcomes.add('submitted');
        expect(cancelCodes).toEqual(['WORK_STARTED']);
        expect(submitCodes).toEqual([]);
        expect(await dealStatus(server, deal.dealId)).toBe('ACTIVE');
        expect(await cancellationRows(deal)).toBe(0);
        expect(await submissionRows(deal)).toBe(1);
        expect(await activeDeals(deal)).toBe(1);
      }
    }
    expect(outcomes.size).toBeGreaterThan(0);
  });

  it('cancels once when both sides call it off together, and frees the talent’s slot once', async () => {
    const deal = await createDeal(server, { viaAgency: true });
    // Another running deal holds a second slot, which must stay taken.
    await server.sql('update creator set active_deal_count = 2 where id = ?', [rowId(deal.talent.id)]);
    const actors = [deal.brand.owner, deal.talent.actor, deal.agency!.member, deal.brand.owner, deal.talent.actor];
    const results = await whileDealLocked(
      deal,
      actors.map((actor) => () => cancel(actor, deal.dealId)),
    );
    const codes = results.map((result) => errorCodes(result, 'dealCancel'));
    expect(codes.filter((list) => list.length === 0)).toHaveLength(1);
    expect(codes.filter((list) => list.join() === 'ILLEGAL_TRANSITION')).toHaveLength(4);
    expect(await cancellationRows(deal)).toBe(1);
    expect(await activeDeals(deal)).toBe(1);
    expect(await dealStatus(server, deal.dealId)).toBe('CANCELLED');
  });
});

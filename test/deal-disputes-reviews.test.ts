import { beforeAll, describe, expect, it } from 'vitest';
import {
  BrandReviewSummaryDocument,
  CreatorReviewsDocument,
  DealDisputeNamesDocument,
  DealDisputesAsSeenDocument,
  DealReviewsDocument,
  type DisputeDecision,
} from './generated/graphql.js';
import { errorCodes, signUp, signUpAdmin, succeeded, type Actor } from './support/actors.js';
import { rowId } from './support/bids.js';
import { call, cny, dealStatus, markDelivered, reported, rowCount } from './support/deal-outcomes.js';
import { type Deal, makeDeal, readNode } from './support/deals.js';
import { useTestServer } from './support/test-server.js';

const server = useTestServer();
let admin: Actor;
beforeAll(async () => {
  admin = await signUpAdmin(server);
});

const openDispute = async (deal: Deal, actor: Actor, reason = 'The second video never went live') =>
  succeeded(await call(server, actor, 'disputeOpen', { id: deal.dealId, reason }), 'dealDisputeOpen').dispute;
const resolve = (disputeId: string, decision: DisputeDecision, actor: Actor = admin, note = 'Checked the proof and the shop’s figures') =>
  call(server, actor, 'disputeResolve', { id: disputeId, decision, note });
const disputeRows = (deal: Deal) => rowCount(server, 'deal_dispute', deal.dealId);

describe('opening disputes', () => {
  it('lets the brand, the talent or the agency dispute an active or delivered deal, which becomes DISPUTED', async () => {
    const byTalent = await makeDeal(server);
    expect((await openDispute(byTalent, byTalent.talent.actor)).openedBySide).toBe('TALENT');
    expect(await dealStatus(server, byTalent.dealId)).toBe('DISPUTED');

    const byAgency = await makeDeal(server, { viaAgency: true });
    expect((await openDispute(byAgency, byAgency.agency!.member)).openedBySide).toBe('AGENCY');

    const delivered = await makeDeal(server);
    await markDelivered(server, delivered);
    expect((await openDispute(delivered, delivered.brand.owner)).openedBySide).toBe('BRAND');
    expect(await dealStatus(server, delivered.dealId)).toBe('DISPUTED');

    const seen = await readNode(server, delivered.talent.actor, DealDisputesAsSeenDocument, delivered.dealId);
    expect(seen!.disputes).toEqual([{ openedBySide: 'BRAND', reason: 'The second video never went live', decision: null }]);
  });

  it('needs a reason (OUT_OF_RANGE), refuses a second dispute (ILLEGAL_TRANSITION), and is closed to outsiders (NOT_FOUND) and admins (FORBIDDEN)', async () => {
    const deal = await makeDeal(server);
    expect(errorCodes(await call(server, deal.talent.actor, 'disputeOpen', { id: deal.dealId, reason: '   ' }), 'dealDisputeOpen')).toEqual(['OUT_OF_RANGE']);
    const outsider = await signUp(server, 'outsider');
    expect(errorCodes(await call(server, outsider, 'disputeOpen', { id: deal.dealId, reason: 'Nosy' }), 'dealDisputeOpen')).toEqual(['NOT_FOUND']);
    expect((await call(server, admin, 'disputeOpen', { id: deal.dealId, reason: 'Admins resolve, they do not dispute' })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await disputeRows(deal)).toBe(0);
    expect(await dealStatus(server, deal.dealId)).toBe('ACTIVE');

    await openDispute(deal, deal.talent.actor);
    expect(errorCodes(await call(server, deal.brand.owner, 'disputeOpen', { id: deal.dealId, reason: 'Me too' }), 'dealDisputeOpen')).toEqual(['ILLEGAL_TRANSITION']);
    expect(await disputeRows(deal)).toBe(1);
  });

  it('opens one dispute when both sides raise one at the same moment', async () => {
    const deal = await makeDeal(server);
    const results = await Promise.all([deal.brand.owner, deal.talent.actor, deal.brand.owner, deal.talent.actor].map((actor) => call(server, actor, 'disputeOpen', { id: deal.dealId, reason: 'At once' })));
    const codes = results.map((result) => errorCodes(result, 'dealDisputeOpen'));
    expect(codes.filter((list) => list.length === 0)).toHaveLength(1);
    expect(codes.filter((list) => list.join() === 'ILLEGAL_TRANSITION')).toHaveLength(3);
    expect(await disputeRows(deal)).toBe(1);
  });
});

describe('resolving disputes', () => {
  it('settles on the record as it stands when an admin decides SETTLE, even before delivery, and keeps the decision', async () => {
    const deal = await makeDeal(server);
    await reported(server, deal.brand.owner, { dealId: deal.dealId, gmv: cny(2_000_000) });
    const dispute = await openDispute(deal, deal.talent.actor);
    // Sales keep arriving while the dispute is open; the settlement counts them.
    await reported(server, deal.brand.owner, { dealId: deal.dealId, gmv: cny(1_000_000), source: 'DOUYIN_SHOP' });

    const resolved = succeeded(
      await resolve(dispute.id, 'SETTLE'),
      'dealDisputeResolve',
    );
    expect(resolved.deal).toEqual({ id: deal.dealId, status: 'SETTLED', settlement: { method: 'DISPUTE_RESOLUTION', breakdown: { netGmv: { amount: 3_000_000 } } } });
    expect(resolved.dispute).toMatchObject({ decision: 'SETTLE', resolutionNote: 'Checked the proof and the shop’s figures' });
    const seen = await readNode(server, deal.brand.owner, DealDisputeNamesDocument, deal.dealId);
    expect(seen!.disputes).toEqual([{ openedByName: 'deal-creator', resolvedByName: 'admin', decision: 'SETTLE' }]);
    const [row] = await server.sql<Record<string, unknown>>('select opened_by_id, opened_by_side, decision, resolved_by_id, resolved_at from deal_dispute where deal_id = ?', [rowId(deal.dealId)]);
    expect(row).toMatchObject({ opened_by_id: rowId(deal.talent.actor.userId), opened_by_side: 'TALENT', decision: 'SETTLE', resolved_by_id: rowId(admin.userId) });
    expect(row!['resolved_at']).not.toBeNull();
    const [settlement] = await server.sql<Record<string, unknown>>('select method, dispute_id, settled_by_id, net_gmv from deal_settlement where deal_id = ?', [rowId(deal.dealId)]);
    expect(settlement).toEqual({ method: 'DISPUTE_RESOLUTION', dispute_id: expect.any(String), settled_by_id: rowId(admin.userId), net_gmv: '3000000' });

    // Decided once.
    expect(errorCodes(await resolve(dispute.id, 'CANCEL'), 'dealDisputeResolve')).toEqual(['ILLEGAL_TRANSITION']);
    expect(await dealStatus(server, deal.dealId)).toBe('SETTLED');
  });

  it('cancels the deal when an admin decides CANCEL: nothing is settled, no more sales are taken, the talent’s capacity is freed', async () => {
    const deal = await makeDeal(server);
    const dispute = await openDispute(deal, deal.brand.owner);
    const resolved = succeeded(await resolve(dispute.id, 'CANCEL'), 'dealDisputeResolve');
    expect(resolved.deal).toMatchObject({ status: 'CANCELLED', settlement: null });
    expect(await rowCount(server, 'deal_settlement', deal.dealId)).toBe(0);
    expect((await server.sql<{ n: number }>('select active_deal_count as n from creator where id = ?', [rowId(deal.talent.id)]))[0]!.n).toBe(0);
    const late = await call(server, deal.brand.owner, 'report', { input: { dealId: deal.dealId, periodStart: '2026-11-01', periodEnd: '2026-11-02', ordersCount: 1, gmv: cny(1) } });
    expect(errorCodes(late, 'dealSalesReport')).toEqual(['ILLEGAL_TRANSITION']);
  });

  it('is for admins only: a party gets FORBIDDEN, and a note is required (OUT_OF_RANGE); nothing changes', async () => {
    const deal = await makeDeal(server);
    const dispute = await openDispute(deal, deal.talent.actor);
    expect((await resolve(dispute.id, 'SETTLE', deal.brand.owner)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(errorCodes(await resolve(dispute.id, 'SETTLE', admin, ''), 'dealDisputeResolve')).toEqual(['OUT_OF_RANGE']);
    expect(await dealStatus(server, deal.dealId)).toBe('DISPUTED');
    expect(await rowCount(server, 'deal_dispute', deal.dealId, 'decision is null')).toBe(1);
  });
});

describe('reviews', () => {
  const review = (deal: Deal, actor: Actor, rating: number, comment = 'Clear, honest explainer; sales beat the guarantee') => call(server, actor, 'review', { id: deal.dealId, rating, comment });
  const reviewRows = (deal: Deal) => rowCount(server, 'deal_review', deal.dealId);
  async function settledDeal(options: { viaAgency?: boolean } = {}): Promise<Deal> {
    const deal = await makeDeal(server, options);
    await markDelivered(server, deal);
    succeeded(await call(server, deal.brand.owner, 'settle', { id: deal.dealId }), 'dealSettle');
    return deal;
  }

  it('opens only after settlement (DEAL_NOT_SETTLED)', async () => {
    const deal = await makeDeal(server);
    expect(errorCodes(await review(deal, deal.brand.owner, 5), 'dealReview')).toEqual(['DEAL_NOT_SETTLED']);
    await markDelivered(server, deal);
    expect(errorCodes(await review(deal, deal.talent.actor, 5), 'dealReview')).toEqual(['DEAL_NOT_SETTLED']);
    expect(await reviewRows(deal)).toBe(0);
  });

  it('takes one review from each side; a second is ALREADY_REVIEWED; the deal and the public profiles show them', async () => {
    const deal = await settledDeal({ viaAgency: true });
    expect(succeeded(await review(deal, deal.brand.owner, 5), 'dealReview').review).toMatchObject({ side: 'BRAND', rating: 5 });
    // The agency speaks for the talent's side.
    expect(succeeded(await review(deal, deal.agency!.member, 4, 'Paid on time'), 'dealReview').review.side).toBe('TALENT');
    expect(errorCodes(await review(deal, deal.talent.actor, 1), 'dealReview')).toEqual(['ALREADY_REVIEWED']);
    expect(errorCodes(await review(deal, deal.brand.owner, 1), 'dealReview')).toEqual(['ALREADY_REVIEWED']);
    expect(await reviewRows(deal)).toBe(2);

    const seen = await readNode(server, deal.talent.actor, DealReviewsDocument, deal.dealId);
    expect(seen!.reviews).toEqual([
      { side: 'BRAND', rating: 5 },
      { side: 'TALENT', rating: 4 },
    ]);
    // Anyone, signed in or not, sees what the creator and the brand received.
    const creator = await server.graphql(CreatorReviewsDocument, { id: deal.talent.id });
    expect(creator.data!.node).toEqual({
      reviewSummary: { count: 1, averageRating: 5 },
      reviews: { totalCount: 1, edges: [{ node: { rating: 5, comment: 'Clear, honest explainer; sales beat the guarantee' } }] },
    });
    const brand = await server.graphql(BrandReviewSummaryDocument, { id: deal.brand.brandId });
    expect(brand.data!.node?.reviewSummary).toEqual({ count: 1, averageRating: 4 });
  });

  it('refuses a rating outside 1 to 5 (OUT_OF_RANGE), outsiders (NOT_FOUND) and admins (FORBIDDEN)', async () => {
    const deal = await settledDeal();
    for (const rating of [0, 6]) expect(errorCodes(await review(deal, deal.brand.owner, rating), 'dealReview')).toEqual(['OUT_OF_RANGE']);
    const outsider = await signUp(server, 'outsider');
    expect(errorCodes(await review(deal, outsider, 5), 'dealReview')).toEqual(['NOT_FOUND']);
    expect((await review(deal, admin, 5)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await reviewRows(deal)).toBe(0);
  });

  it('keeps one review per side when the same side sends 5 at once', async () => {
    const deal = await settledDeal();
    const results = await Promise.all(Array.from({ length: 5 }, (_, index) => review(deal, deal.brand.owner, 1 + index)));
    const codes = results.map((result) => errorCodes(result, 'dealReview'));
    expect(codes.filter((list) => list.length === 0)).toHaveLength(1);
    expect(codes.filter((list) => list.join() === 'ALREADY_REVIEWED')).toHaveLength(4);
    expect(await reviewRows(deal)).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { DealSettlementDocument, DealSettlementPreviewDocument, DealSettlementPreviewNetDocument } from './generated/graphql.js';
import { errorCodes, signUp, signUpAdmin, succeeded } from './support/actors.js';
import { rowId } from './support/bids.js';
import { call, cny, daysAgo, dealStatus, markDelivered, reported, rowCount } from './support/deal-outcomes.js';
import { type Deal, makeDeal, readNode } from './support/deals.js';
import { useTestServer } from './support/test-server.js';

const server = useTestServer();

const preview = async (deal: Deal, actor = deal.brand.owner) => (await readNode(server, actor, DealSettlementPreviewDocument, deal.dealId))!.settlementPreview;
const settle = (deal: Deal, actor = deal.brand.owner) => call(server, actor, 'settle', { id: deal.dealId });
const settlementRows = (deal: Deal) => rowCount(server, 'deal_settlement', deal.dealId);
const activeDeals = async (deal: Deal) => (await server.sql<{ n: number }>('select active_deal_count as n from creator where id = ?', [rowId(deal.talent.id)]))[0]!.n;

/**
 * The worked example, by hand. Terms: fixed fee ¥8,000.00 (800,000 fen), commission 1000 bp, GMV
 * guarantee 5,000,000, agency share 2000 bp (the roster's), platform fee 500 bp, refund window 7 days.
 * Sales: 3,000,000 GMV with refunds of 100,000 on day 2 (counted) and 50,000 on day 10 (after the
 * window: ignored); plus 1,000,003 GMV from another source with a refund of 2 on day 7 (counted).
 *   gross GMV        = 3,000,000 + 1,000,003                       = 4,000,003
 *   refunds counted  = 100,000 + 2                                 =   100,002
 *   net GMV          = 4,000,003 − 100,002                         = 3,900,001
 *   make-good        = floor(800,000 × (5,000,000 − 3,900,001) ÷ 5,000,000)
 *                    = floor(175,999.84)                            =   175,999
 *   fee earned       = 800,000 − 175,999                            =   624,001
 *   commission       = floor(3,900,001 × 10%) = floor(390,000.1)    =   390,000
 *   creator gross    = 624,001 + 390,000                            = 1,014,001
 *   agency share     = floor(1,014,001 × 20%) = floor(202,800.2)    =   202,800
 *   creator net      = 1,014,001 − 202,800                          =   811,201
 *   platform fee     = floor(1,014,001 × 5%) = floor(50,700.05)     =    50,700
 *   brand total cost = 1,014,001 + 50,700                           = 1,064,701
 *   ROI              = 3,900,001 ÷ 1,064,701 = 3.6630…×, floor in bp = 36,630
 */
const WORKED_EXAMPLE = {
  termsVersion: 1,
  currency: 'CNY',
  ordersCount: 150,
  grossGmv: { amount: 4_000_003 },
  refundsCounted: { amount: 100_002 },
  refundsIgnored: { amount: 50_000 },
  netGmv: { amount: 3_900_001 },
  gmvGuarantee: { amount: 5_000_000 },
  fixedFee: { amount: 800_000 },
  makeGood: { amount: 175_999 },
  feeEarned: { amount: 624_001 },
  commission: { amount: 390_000 },
  creatorGross: { amount: 1_014_001 },
  agencyShare: { amount: 202_800 },
  creatorNet: { amount: 811_201 },
  platformFee: { amount: 50_700 },
  brandTotalCost: { amount: 1_064_701, currency: 'CNY' },
  roi: { numerator: 3_900_001, denominator: 1_064_701, basisPoints: 36_630 },
};

async function workedExampleDeal(): Promise<Deal> {
  const deal = await makeDeal(server, { viaAgency: true, termsOverrides: { gmvGuarantee: cny(5_000_000) } });
  await reported(server, deal.brand.owner, {
    dealId: deal.dealId,
    periodStart: daysAgo(20),
    periodEnd: daysAgo(11),
    ordersCount: 120,
    gmv: cny(3_000_000),
    refunds: [
      { amount: cny(100_000), daysAfterOrder: 2 },
      { amount: cny(50_000), daysAfterOrder: 10 },
    ],
  });
  await reported(server, deal.brand.owner, {
    dealId: deal.dealId,
    periodStart: daysAgo(20),
    periodEnd: daysAgo(11),
    source: 'DOUYIN_SHOP',
    ordersCount: 30,
    gmv: cny(1_000_003),
    refunds: [{ amount: cny(2), daysAfterOrder: 7 }],
  });
  return deal;
}

describe('settlement preview', () => {
  it('gives every party the worked example’s breakdown, to the minor unit, at any time', async () => {
    const deal = await workedExampleDeal();
    expect(await dealStatus(server, deal.dealId)).toBe('ACTIVE');
    for (const party of [deal.brand.owner, deal.talent.actor, deal.agency!.member]) {
      expect(await preview(deal, party)).toEqual(WORKED_EXAMPLE);
    }
    const outsider = await signUp(server, 'outsider');
    expect(await readNode(server, outsider, DealSettlementPreviewNetDocument, deal.dealId)).toBeNull();
  });

  it('is the fixed fee plus the platform fee, with an ROI of 0, before any sales are reported', async () => {
    const deal = await makeDeal(server);
    expect(await preview(deal)).toMatchObject({
      grossGmv: { amount: 0 },
      netGmv: { amount: 0 },
      makeGood: { amount: 0 },
      commission: { amount: 0 },
      creatorGross: { amount: 800_000 },
      agencyShare: { amount: 0 },
      platformFee: { amount: 40_000 },
      brandTotalCost: { amount: 840_000 },
      roi: { numerator: 0, denominator: 840_000, basisPoints: 0 },
    });
  });
});

describe('settling', () => {
  it('refuses to settle before delivery (DEAL_NOT_DELIVERED) and writes nothing', async () => {
    const deal = await workedExampleDeal();
    expect(errorCodes(await settle(deal), 'dealSettle')).toEqual(['DEAL_NOT_DELIVERED']);
    expect(await dealStatus(server, deal.dealId)).toBe('ACTIVE');
    expect(await settlementRows(deal)).toBe(0);
    expect(await activeDeals(deal)).toBe(1);
  });

  it('settles a delivered deal with exactly the preview’s figures, writes them once, and frees the talent’s capacity', async () => {
    const deal = await workedExampleDeal();
    await markDelivered(server, deal);
    const before = await preview(deal);
    const payload = succeeded(await settle(deal), 'dealSettle');
    expect(payload.deal.status).toBe('SETTLED');
    expect(payload.settlement.method).toBe('SETTLED');
    expect(payload.settlement.breakdown).toEqual(before);
    expect(payload.settlement.breakdown).toEqual(WORKED_EXAMPLE);

    const seen = await readNode(server, deal.talent.actor, DealSettlementDocument, deal.dealId);
    expect(seen!.settlement?.breakdown).toEqual(WORKED_EXAMPLE);

    const [row] = await server.sql<Record<string, unknown>>('select * from deal_settlement where deal_id = ?', [rowId(deal.dealId)]);
    expect(row).toMatchObject({
      method: 'SETTLED',
      dispute_id: null,
      terms_version: 1,
      creator_id: rowId(deal.talent.id),
      trader_id: null,
      agency_id: rowId(deal.agency!.agencyId),
      brand_id: rowId(deal.brand.brandId),
      settled_by_id: rowId(deal.brand.owner.userId),
      currency: 'CNY',
      gmv_guarantee: '5000000',
      net_gmv: '3900001',
      make_good: '175999',
      commission: '390000',
      agency_share: '202800',
      creator_net: '811201',
      platform_fee: '50700',
      brand_total_cost: '1064701',
      roi_bp: '36630',
    });
    expect(row!['vertical_id']).not.toBeNull();
    expect(await activeDeals(deal)).toBe(0);

    // Once is enough.
    expect(errorCodes(await settle(deal), 'dealSettle')).toEqual(['ILLEGAL_TRANSITION']);
    expect(await settlementRows(deal)).toBe(1);
    expect(await activeDeals(deal)).toBe(0);
  });

  it('lets the brand’s members and admins settle: the talent is FORBIDDEN, an outsider gets NOT_FOUND', async () => {
    const deal = await makeDeal(server);
    await markDelivered(server, deal);
    expect((await settle(deal, deal.talent.actor)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const outsider = await signUp(server, 'outsider');
    expect(errorCodes(await settle(deal, outsider), 'dealSettle')).toEqual(['NOT_FOUND']);
    expect(await settlementRows(deal)).toBe(0);
    const admin = await signUpAdmin(server);
    succeeded(await settle(deal, admin), 'dealSettle');
    expect(await dealStatus(server, deal.dealId)).toBe('SETTLED');
  });

  it('refuses to settle a disputed deal: only an admin’s resolution ends a dispute', async () => {
    const deal = await makeDeal(server);
    await markDelivered(server, deal);
    succeeded(await call(server, deal.talent.actor, 'disputeOpen', { id: deal.dealId, reason: 'Sales figures look low' }), 'dealDisputeOpen');
    expect(errorCodes(await settle(deal), 'dealSettle')).toEqual(['ILLEGAL_TRANSITION']);
    expect(await settlementRows(deal)).toBe(0);
    expect(await dealStatus(server, deal.dealId)).toBe('DISPUTED');
  });

  it('settles once when 6 settlements arrive at the same moment; the others are ILLEGAL_TRANSITION', async () => {
    const deal = await workedExampleDeal();
    await markDelivered(server, deal);
    const results = await Promise.all(Array.from({ length: 6 }, () => settle(deal)));
    const codes = results.map((result) => errorCodes(result, 'dealSettle'));
    expect(codes.filter((list) => list.length === 0)).toHaveLength(1);
    expect(codes.filter((list) => list.join() === 'ILLEGAL_TRANSITION')).toHaveLength(5);
    expect(await settlementRows(deal)).toBe(1);
    expect(await activeDeals(deal)).toBe(0);
  });

  it('never loses a report sent at the moment of settlement: it is either in the settlement or refused', async () => {
    const deal = await workedExampleDeal();
    await markDelivered(server, deal);
    const late = { dealId: deal.dealId, periodStart: daysAgo(3), periodEnd: daysAgo(1), source: 'TMALL', ordersCount: 3, gmv: cny(123_456) };
    const [settled, ...reports] = await Promise.all([settle(deal), ...Array.from({ length: 4 }, (_, index) => call(server, deal.brand.owner, 'report', { input: { ...late, source: `TMALL_${index}` } }))]);
    succeeded(settled, 'dealSettle');
    for (const result of reports) expect([[], ['ILLEGAL_TRANSITION']]).toContainEqual(errorCodes(result, 'dealSalesReport'));
    const [sums] = await server.sql<{ reported: string; settled: string }>(
      `select (select sum(gmv) from sales_report where deal_id = ? and superseded_at is null) as reported,
              (select gross_gmv from deal_settlement where deal_id = ?) as settled`,
      [rowId(deal.dealId), rowId(deal.dealId)],
    );
    expect(sums!.settled).toBe(sums!.reported);
  });

  it('holds the breakdown’s identities in the database: a row whose parts do not add up is refused', async () => {
    const deal = await workedExampleDeal();
    await markDelivered(server, deal);
    succeeded(await settle(deal), 'dealSettle');
    // A settlement is never rewritten at all…
    await expect(server.sql('update deal_settlement set settled_at = now() where deal_id = ?', [rowId(deal.dealId)])).rejects.toThrow(/never rewritten/);
    // …and, with that guard lifted in this test's own database, its identities still hold.
    await server.sql('alter table deal_settlement disable trigger deal_settlement_never_rewritten');
    await expect(server.sql('update deal_settlement set creator_net = creator_net + 1 where deal_id = ?', [rowId(deal.dealId)])).rejects.toThrow(/deal_settlement_creator_net/);
    await expect(server.sql('update deal_settlement set make_good = fixed_fee + 1, fee_earned = -1 where deal_id = ?', [rowId(deal.dealId)])).rejects.toThrow(/deal_settlement/);
    await server.sql('alter table deal_settlement enable trigger deal_settlement_never_rewritten');
  });

  it('keeps the record append-only: terms versions, answered amendments and superseded reports refuse rewrites', async () => {
    const deal = await workedExampleDeal();
    await markDelivered(server, deal);
    succeeded(await settle(deal), 'dealSettle');
    const id = rowId(deal.dealId);
    await expect(server.sql('update deal_terms set fixed_fee = fixed_fee + 1 where deal_id = ?', [id])).rejects.toThrow(/deal_terms rows are never rewritten/);
    await expect(server.sql('update sales_report set gmv = gmv + 1 where deal_id = ?', [id])).rejects.toThrow(/only ever marked superseded/);
    const [terms] = await server.sql<{ versions: string }>('select count(*) as versions from deal_terms where deal_id = ?', [id]);
    expect(Number(terms!.versions)).toBeGreaterThanOrEqual(1);
  });
});

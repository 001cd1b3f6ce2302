import 'reflect-metadata';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CredibleChannelAddDocument,
  CredibleCreatorCreateDocument,
  CredibleCredentialSubmitDocument,
  CredibleCredentialVerifyDocument,
  CredibleDeliverableApproveDocument,
  CredibleDeliverableSubmitDocument,
  CredibleDisputeOpenDocument,
  CredibleDisputeSettleDocument,
  CredibleRateCardDocument,
  CredibleReviewDocument,
  CredibleSalesReportDocument,
  CredibleSettleDocument,
  CredibleTraderCreateDocument,
  CreatorCredibilityDocument,
  type CredentialType,
  DealDeliverableIdsDocument,
  TraderCredibilityDocument,
  TrackRecordFactorsDocument,
} from './generated/graphql.js';
import { type Actor, signUp, signUpAdmin, succeeded } from './support/actors.js';
import { computeCredibility } from '../src/credibility/credibility.js';
import { CredibilityService } from '../src/credibility/credibility.service.js';
import { acceptBid, type Brand, createAgency, createBrand, createBrief, deliverable, placeBid, rowId, type Talent, terms } from './support/bids.js';
import { nodeWith, type TestServer, useTestServer } from './support/test-server.js';

/**
 * Credibility from the record, through the API: every change of score or level leaves a history
 * row with its reason, which the talent (and their agency, and admins) can read and nobody else;
 * the track record is public.
 */

const server = useTestServer();
let admin: Actor;
beforeAll(async () => {
  admin = await signUpAdmin(server);
});

async function readCreator(creatorId: string, viewer: Actor | null) {
  const result = await server.graphql(CreatorCredibilityDocument, { id: creatorId }, viewer ? { token: viewer.token } : {});
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  const creator = nodeWith(result.data!.node, 'credibility');
  if (!creator) throw new Error(`creator ${creatorId} unseen`);
  return creator;
}

/** A creator made only through the API, so every summary column is what the services computed. */
async function createCreator(_server: TestServer, name: string): Promise<Talent> {
  const actor = await signUp(server, name);
  const { creator } = succeeded(
    await server.graphql(
      CredibleCreatorCreateDocument,
      { input: { displayName: name, kind: 'PROFESSIONAL', verticalSlugs: ['beauty.functional-skincare'] } },
      { token: actor.token },
    ),
    'creatorProfileCreate',
  );
  return { actor, id: creator.id };
}

async function addChannel(talent: Talent, followers: number, realFollowerShare: number): Promise<void> {
  succeeded(
    await server.graphql(
      CredibleChannelAddDocument,
      { creatorId: talent.id, input: { platform: 'DOUYIN', handle: `h-${rowId(talent.id).slice(0, 8)}-${followers}`, followers, realFollowerShare } },
      { token: talent.actor.token },
    ),
    'channelAccountAdd',
  );
}

async function verifiedCredential(holder: Actor, type: CredentialType): Promise<void> {
  const submitted = succeeded(
    await server.graphql(
      CredibleCredentialSubmitDocument,
      { input: { type, issuer: 'National Health Commission', licenseNumber: `L-${holder.userId.slice(0, 8)}` } },
      { token: holder.token },
    ),
    'credentialSubmit',
  );
  succeeded(
    await server.graphql(CredibleCredentialVerifyDocument, { id: submitted.credential.id }, { token: admin.token }),
    'credentialVerify',
  );
}

describe('credibility history', () => {
  it('records each change of score or level with its reason, newest first', async () => {
    const creator = await createCreator(server, 'historian');
    await addChannel(creator, 100_000, 0.95);
    await verifiedCredential(creator.actor, 'PEDIATRICIAN');
    const view = await readCreator(creator.id, creator.actor);
    expect(view.credibility).toEqual({ score: 52, level: 'L4' });
    expect(view.credibilityHistory?.totalCount).toBe(2);
    expect(view.credibilityHistory?.edges.map((edge) => edge.node)).toEqual([
      {
        previousScore: 28,
        previousLevel: 'L2',
        newScore: 52,
        newLevel: 'L4',
        reason: 'CREDENTIAL_VERIFIED',
        explanation: 'Verified credential now counts: PEDIATRICIAN, PHYSICIAN. Score 28 → 52, level L2 → L4.',
        deal: null,
      },
      {
        previousScore: 0,
        previousLevel: 'L1',
        newScore: 28,
        newLevel: 'L2',
        reason: 'AUDIENCE_CHANGED',
        explanation: 'Channel accounts changed: 100,000 followers, 95 % of them real. Score 0 → 28, level L1 → L2.',
        deal: null,
      },
    ]);
  });

  it('says so when a verified credential lapses', async () => {
    const creator = await createCreator(server, 'lapsing');
    await addChannel(creator, 100_000, 0.95);
    await verifiedCredential(creator.actor, 'NUTRITIONIST');
    await server.sql(`update credential set expires_at = now() - interval '1 minute' where holder_id = ?`, [rowId(creator.actor.userId)]);
    expect(await new CredibilityService().refreshLapsed(server.app.orm.em.fork(), 10)).toBe(1);
    const view = await readCreator(creator.id, creator.actor);
    expect(view.credibility).toEqual({ score: 28, level: 'L2' });
    expect(view.credibilityHistory!.edges[0]!.node).toEqual({
      previousScore: 52,
      previousLevel: 'L4',
      newScore: 28,
      newLevel: 'L2',
      reason: 'CREDENTIAL_LAPSED',
      explanation: 'Credential no longer counts (expired or no longer verified): NUTRITIONIST. Score 52 → 28, level L4 → L2.',
      deal: null,
    });
  });

  it('writes nothing when a change leaves score and level as they were', async () => {
    const creator = await createCreator(server, 'steady');
    await addChannel(creator, 5_000, 0.3);
    expect((await readCreator(creator.id, creator.actor)).credibilityHistory).toEqual({ totalCount: 0, edges: [] });
  });

  it('shows the history to the creator, their agency and admins; to anyone else it is null', async () => {
    const creator = await createCreator(server, 'private');
    await addChannel(creator, 20_000, 1);
    const agency = await createAgency(server, [creator]);
    const otherCreator = await createCreator(server, 'nosy');
    const stranger = await signUp(server, 'stranger');
    for (const viewer of [creator.actor, agency.member, admin]) {
      expect((await readCreator(creator.id, viewer)).credibilityHistory?.totalCount).toBe(1);
    }
    for (const viewer of [otherCreator.actor, stranger, null]) {
      const view = await readCreator(creator.id, viewer);
      expect(view.credibilityHistory).toBeNull();
      expect(view.credibility).toEqual({ score: 30, level: 'L2' });
    }
  });
});

const today = () => new Date().toISOString().slice(0, 10);

/** What the brand's and the talent's sides do, through the API, from an accepted bid to a settled deal. */
async function settledDeal(brand: Brand, creator: Talent, sales: { gmv: number; refund?: number }, guarantee: number | null = null): Promise<string> {
  const briefId = await createBrief(server, brand);
  const bid = await placeBid(server, creator.actor, {
    briefId,
    creatorId: creator.id,
    terms: terms({ deliverables: [deliverable()], ...(guarantee ? { gmvGuarantee: { amount: guarantee, currency: 'CNY' } } : {}) }),
  });
  const dealId = (await acceptBid(server, brand.owner, bid.id)).data!.bidAccept.deal!.id;
  const deal = await server.graphql(DealDeliverableIdsDocument, { id: dealId }, { token: brand.owner.token });
  for (const { id } of deal.data!.node!.deliverables!) {
    succeeded(
      await server.graphql(CredibleDeliverableSubmitDocument, { id }, { token: creator.actor.token }),
      'dealDeliverableSubmit',
    );
    succeeded(await server.graphql(CredibleDeliverableApproveDocument, { id }, { token: brand.owner.token }), 'dealDeliverableApprove');
  }
  succeeded(
    await server.graphql(
      CredibleSalesReportDocument,
      {
        input: {
          dealId,
          periodStart: today(),
          periodEnd: today(),
          ordersCount: 40,
          gmv: { amount: sales.gmv, currency: 'CNY' },
          refunds: sales.refund ? [{ amount: { amount: sales.refund, currency: 'CNY' }, daysAfterOrder: 2 }] : [],
        },
      },
      { token: brand.owner.token },
    ),
    'dealSalesReport',
  );
  succeeded(await server.graphql(CredibleSettleDocument, { id: dealId }, { token: brand.owner.token }), 'dealSettle');
  return dealId;
}

async function specialist(name: string): Promise<Talent> {
  const creator = await createCreator(server, name);
  await addChannel(creator, 100_000, 0.95);
  await verifiedCredential(creator.actor, 'DERMATOLOGIST');
  succeeded(
    await server.graphql(
      CredibleRateCardDocument,
      { id: creator.id, input: { currency: 'CNY', minCommissionBp: 500, rates: [{ format: 'SHORT_VIDEO', minFixedFee: { amount: 500_000, currency: 'CNY' } }] } },
      { token: creator.actor.token },
    ),
    'creatorRateCardSet',
  );
  return creator;
}

describe('an operator’s credibility history', () => {
  it('is kept the same way and shown to the operator only', async () => {
    const actor = await signUp(server, 'operator');
    await verifiedCredential(actor, 'PHARMACIST');
    const { trader } = succeeded(
      await server.graphql(
        CredibleTraderCreateDocument,
        { input: { displayName: 'Night Shift Live', capabilities: ['LIVE_OPERATION'], rate: { minFixedFee: { amount: 100_000, currency: 'CNY' }, minCommissionBp: 500 } } },
        { token: actor.token },
      ),
      'traderProfileCreate',
    );
    const QUERY = TraderCredibilityDocument;
    const own = await server.graphql(QUERY, { id: trader.id }, { token: actor.token });
    expect(own.data?.node).toEqual({
      credibility: { score: 24, level: 'L2' },
      trackRecord: { dealsCompleted: 0, reviewCount: 0 },
      credibilityHistory: { edges: [{ node: { previousScore: 0, newScore: 24, newLevel: 'L2', reason: 'CREDENTIAL_VERIFIED' } }] },
    });
    const stranger = await signUp(server, 'curious');
    const other = await server.graphql(QUERY, { id: trader.id }, { token: stranger.token });
    expect(other.data?.node?.credibilityHistory).toBeNull();
  });
});

describe('credibility after settlement', () => {
  it('recomputes score and level from the settled record, with a DEAL_SETTLED history row the creator sees and another creator does not', async () => {
    const brand = await createBrand(server);
    const creator = await specialist('settled-derm');
    expect((await readCreator(creator.id, creator.actor)).credibility).toEqual({ score: 52, level: 'L4' });

    const dealId = await settledDeal(brand, creator, { gmv: 6_000_000, refund: 200_000 }, 5_000_000);
    const [settlement] = await server.sql<{ roi_bp: string; net_gmv: string }>('select roi_bp, net_gmv from deal_settlement where deal_id = ?', [rowId(dealId)]);
    const record = {
      dealsCompleted: 1,
      deliverablesTotal: 1,
      deliverablesOnTime: 1,
      guaranteedDeals: 1,
      guaranteeAttainment: 1,
      averageRoiBp: Number(settlement!.roi_bp),
      roiDeals: 1,
      reviewCount: 0,
      reviewAverage: null,
    };
    const expected = computeCredibility({ verifiedCredentialCount: 1, audienceQuality: 0.95, trackRecord: record });
    expect(expected.score).toBeGreaterThan(52);

    const view = await readCreator(creator.id, creator.actor);
    expect(view.credibility.score).toBe(expected.score);
    expect(view.trackRecord).toEqual({
      dealsCompleted: 1,
      deliverablesTotal: 1,
      deliverablesOnTime: 1,
      onTimeRateBp: 10_000,
      guaranteedDeals: 1,
      guaranteedGmv: [{ promised: { amount: 5_000_000, currency: 'CNY' }, achieved: { amount: 5_800_000, currency: 'CNY' } }],
      averageRoiBp: Number(settlement!.roi_bp),
      reviewCount: 0,
      reviewAverage: null,
    });
    const latest = view.credibilityHistory!.edges[0]!.node;
    expect(latest).toMatchObject({ previousScore: 52, previousLevel: 'L4', newScore: expected.score, reason: 'DEAL_SETTLED', deal: { id: dealId } });
    expect(latest.explanation).toContain('A deal was settled; the track record now counts 1 settled deal, 1 of 1 deliverable on time, 100 % of guaranteed GMV achieved');

    const other = await createCreator(server, 'other-creator');
    const seenByOther = await readCreator(creator.id, other.actor);
    expect(seenByOther.credibilityHistory).toBeNull();
    expect(seenByOther.trackRecord).toEqual(view.trackRecord);
    expect(seenByOther.credibility).toEqual(view.credibility);

    succeeded(
      await server.graphql(CredibleReviewDocument, { id: dealId }, { token: brand.owner.token }),
      'dealReview',
    );
    const reviewed = await readCreator(creator.id, creator.actor);
    expect(reviewed.trackRecord).toMatchObject({ reviewCount: 1, reviewAverage: 5 });
    const afterReview = computeCredibility({ verifiedCredentialCount: 1, audienceQuality: 0.95, trackRecord: { ...record, reviewCount: 1, reviewAverage: 5 } });
    expect(reviewed.credibility.score).toBe(afterReview.score);
    // One review of one deal is shrunk hard toward neutral; it leaves a row only if it moved the score.
    const moved = afterReview.score !== expected.score;
    expect(reviewed.credibilityHistory!.totalCount).toBe(view.credibilityHistory!.totalCount + (moved ? 1 : 0));
    expect(reviewed.credibilityHistory!.edges[0]!.node).toMatchObject({ reason: moved ? 'REVIEW_RECEIVED' : 'DEAL_SETTLED', deal: { id: dealId } });
  });

  it('counts a deal an admin settled to end a dispute, with the deal in the history', async () => {
    const brand = await createBrand(server);
    const creator = await specialist('disputed-derm');
    const briefId = await createBrief(server, brand);
    const bid = await placeBid(server, creator.actor, { briefId, creatorId: creator.id, terms: terms({ deliverables: [deliverable()] }) });
    const dealId = (await acceptBid(server, brand.owner, bid.id)).data!.bidAccept.deal!.id;
    const opened = succeeded(
      await server.graphql(
        CredibleDisputeOpenDocument,
        { id: dealId },
        { token: creator.actor.token },
      ),
      'dealDisputeOpen',
    );
    succeeded(
      await server.graphql(
        CredibleDisputeSettleDocument,
        { id: opened.dispute.id },
        { token: admin.token },
      ),
      'dealDisputeResolve',
    );
    const view = await readCreator(creator.id, creator.actor);
    expect(view.trackRecord).toMatchObject({ dealsCompleted: 1 });
    expect(view.credibilityHistory!.edges[0]!.node).toMatchObject({ reason: 'DEAL_SETTLED', previousScore: 52, deal: { id: dealId } });
    expect(view.credibility.score).toBeGreaterThan(52);
  });

  it('feeds matching’s track-record factor from the same settlements: ROI in the vertical against its average', async () => {
    const brand = await createBrand(server);
    const strong = await specialist('strong-record');
    const weak = await specialist('weak-record');
    await settledDeal(brand, strong, { gmv: 9_000_000 });
    await settledDeal(brand, weak, { gmv: 1_000_000 });
    const briefId = await createBrief(server, brand);
    const result = await server.graphql(TrackRecordFactorsDocument, { id: briefId }, { token: brand.owner.token });
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    const factorOf = (talent: Talent) =>
      result.data!.briefMatchRecommendations!.edges.find((edge) => edge.node.creator?.id === talent.id)!.node.factors.find((factor) => factor.factor === 'TRACK_RECORD')!;
    const [rois] = await server.sql<{ strong: string; weak: string }>(
      `select max(roi_bp) filter (where creator_id = ?) as strong, max(roi_bp) filter (where creator_id = ?) as weak from deal_settlement`,
      [rowId(strong.id), rowId(weak.id)],
    );
    const times = (bp: number) => `${(bp / 10_000).toFixed(2)}×`;
    expect(factorOf(strong).value).toBeGreaterThan(0.5);
    expect(factorOf(weak).value).toBeLessThan(0.5);
    expect(factorOf(strong).reason).toContain('1 completed deal');
    expect(factorOf(strong).reason).toContain(times(Number(rois!.strong)));
    expect(factorOf(weak).reason).toContain(times(Number(rois!.weak)));
  });
});

import 'reflect-metadata';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Actor, signUp, signUpAdmin, succeeded } from './support/actors.js';
import { computeCredibility } from '../src/credibility/credibility.js';
import { CredibilityService } from '../src/credibility/credibility.service.js';
import { acceptBid, type Brand, createAgency, createBrand, createBrief, deliverable, ERRORS, placeBid, rowId, type Talent, terms } from './support/bids.js';
import { type TestServer, useTestServer } from './support/test-server.js';

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

const HISTORY_FIELDS = `credibility { score level }
  credibilityHistory(first: 10) { totalCount edges { node { previousScore previousLevel newScore newLevel reason explanation deal { id } } } }`;

const TRACK_RECORD_FIELDS = `trackRecord { dealsCompleted deliverablesTotal deliverablesOnTime onTimeRateBp guaranteedDeals
  guaranteedGmv { promised { amount currency } achieved { amount currency } } averageRoiBp reviewCount reviewAverage }`;

interface HistoryNode {
  previousScore: number;
  previousLevel: string;
  newScore: number;
  newLevel: string;
  reason: string;
  explanation: string;
  deal: { id: string } | null;
}
interface CreatorView {
  credibility: { score: number; level: string };
  credibilityHistory: { totalCount: number; edges: { node: HistoryNode }[] } | null;
  trackRecord: Record<string, unknown>;
}

async function readCreator(creatorId: string, viewer: Actor | null): Promise<CreatorView> {
  const result = await server.graphql<{ node: CreatorView }>(
    `query($id: ID!) { node(id: $id) { ... on Creator { ${HISTORY_FIELDS} ${TRACK_RECORD_FIELDS} } } }`,
    { id: creatorId },
    viewer ? { token: viewer.token } : {},
  );
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!.node;
}

/** A creator made only through the API, so every summary column is what the services computed. */
async function createCreator(_server: TestServer, name: string): Promise<Talent> {
  const actor = await signUp(server, name);
  const { creator } = succeeded<{ creator: { id: string } }>(
    (await server.graphql(
      `mutation($input: CreatorProfileCreateInput!) { creatorProfileCreate(input: $input) { creator { id } ${ERRORS} } }`,
      { input: { displayName: name, kind: 'PROFESSIONAL', verticalSlugs: ['beauty.functional-skincare'] } },
      { token: actor.token },
    )) as never,
    'creatorProfileCreate',
  );
  return { actor, id: creator.id };
}

async function addChannel(talent: Talent, followers: number, realFollowerShare: number): Promise<void> {
  succeeded(
    (await server.graphql(
      `mutation($creatorId: ID!, $input: ChannelAccountAddInput!) { channelAccountAdd(creatorId: $creatorId, input: $input) { creator { id } ${ERRORS} } }`,
      { creatorId: talent.id, input: { platform: 'DOUYIN', handle: `h-${rowId(talent.id).slice(0, 8)}-${followers}`, followers, realFollowerShare } },
      { token: talent.actor.token },
    )) as never,
    'channelAccountAdd',
  );
}

async function verifiedCredential(holder: Actor, type: string): Promise<void> {
  const submitted = succeeded<{ credential: { id: string } }>(
    (await server.graphql(
      `mutation($input: CredentialSubmitInput!) { credentialSubmit(input: $input) { credential { id } ${ERRORS} } }`,
      { input: { type, issuer: 'National Health Commission', licenseNumber: `L-${holder.userId.slice(0, 8)}` } },
      { token: holder.token },
    )) as never,
    'credentialSubmit',
  );
  succeeded(
    (await server.graphql(`mutation($id: ID!) { credentialVerify(id: $id) { credential { id } ${ERRORS} } }`, { id: submitted.credential.id }, { token: admin.token })) as never,
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
  const deal = await server.graphql<{ node: { deliverables: { id: string }[] } }>(`query($id: ID!) { node(id: $id) { ... on Deal { deliverables { id } } } }`, { id: dealId }, { token: brand.owner.token });
  for (const { id } of deal.data!.node.deliverables) {
    succeeded(
      (await server.graphql(`mutation($id: ID!) { dealDeliverableSubmit(id: $id, proofUrl: "https://v.douyin.example/1") { deal { id } ${ERRORS} } }`, { id }, { token: creator.actor.token })) as never,
      'dealDeliverableSubmit',
    );
    succeeded((await server.graphql(`mutation($id: ID!) { dealDeliverableApprove(id: $id) { deal { id } ${ERRORS} } }`, { id }, { token: brand.owner.token })) as never, 'dealDeliverableApprove');
  }
  succeeded(
    (await server.graphql(
      `mutation($input: DealSalesReportInput!) { dealSalesReport(input: $input) { ${ERRORS} } }`,
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
    )) as never,
    'dealSalesReport',
  );
  succeeded((await server.graphql(`mutation($id: ID!) { dealSettle(id: $id) { deal { id status } ${ERRORS} } }`, { id: dealId }, { token: brand.owner.token })) as never, 'dealSettle');
  return dealId;
}

async function specialist(name: string): Promise<Talent> {
  const creator = await createCreator(server, name);
  await addChannel(creator, 100_000, 0.95);
  await verifiedCredential(creator.actor, 'DERMATOLOGIST');
  succeeded(
    (await server.graphql(
      `mutation($id: ID!, $input: CreatorRateCardInput!) { creatorRateCardSet(creatorId: $id, input: $input) { creator { id } ${ERRORS} } }`,
      { id: creator.id, input: { currency: 'CNY', minCommissionBp: 500, rates: [{ format: 'SHORT_VIDEO', minFixedFee: { amount: 500_000, currency: 'CNY' } }] } },
      { token: creator.actor.token },
    )) as never,
    'creatorRateCardSet',
  );
  return creator;
}

describe('an operator’s credibility history', () => {
  it('is kept the same way and shown to the operator only', async () => {
    const actor = await signUp(server, 'operator');
    await verifiedCredential(actor, 'PHARMACIST');
    const { trader } = succeeded<{ trader: { id: string } }>(
      (await server.graphql(
        `mutation($input: TraderProfileCreateInput!) { traderProfileCreate(input: $input) { trader { id } ${ERRORS} } }`,
        { input: { displayName: 'Night Shift Live', capabilities: ['LIVE_OPERATION'], rate: { minFixedFee: { amount: 100_000, currency: 'CNY' }, minCommissionBp: 500 } } },
        { token: actor.token },
      )) as never,
      'traderProfileCreate',
    );
    const QUERY = `query($id: ID!) { node(id: $id) { ... on Trader { credibility { score level } trackRecord { dealsCompleted reviewCount }
      credibilityHistory(first: 5) { edges { node { previousScore newScore newLevel reason } } } } } }`;
    const own = await server.graphql<{ node: unknown }>(QUERY, { id: trader.id }, { token: actor.token });
    expect(own.data?.node).toEqual({
      credibility: { score: 24, level: 'L2' },
      trackRecord: { dealsCompleted: 0, reviewCount: 0 },
      credibilityHistory: { edges: [{ node: { previousScore: 0, newScore: 24, newLevel: 'L2', reason: 'CREDENTIAL_VERIFIED' } }] },
    });
    const stranger = await signUp(server, 'curious');
    const other = await server.graphql<{ node: { credibilityHistory: unknown } }>(QUERY, { id: trader.id }, { token: stranger.token });
    expect(other.data?.node.credibilityHistory).toBeNull();
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
      (await server.graphql(`mutation($id: ID!) { dealReview(id: $id, rating: 5, comment: "Precise and on time") { ${ERRORS} } }`, { id: dealId }, { token: brand.owner.token })) as never,
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
    const opened = succeeded<{ dispute: { id: string } }>(
      (await server.graphql(
        `mutation($id: ID!) { dealDisputeOpen(id: $id, reason: "The brand stopped answering after the video went live.") { dispute { id } ${ERRORS} } }`,
        { id: dealId },
        { token: creator.actor.token },
      )) as never,
      'dealDisputeOpen',
    );
    succeeded(
      (await server.graphql(
        `mutation($id: ID!) { dealDisputeResolve(id: $id, decision: SETTLE, note: "The work was done; settled on the record.") { deal { status } ${ERRORS} } }`,
        { id: opened.dispute.id },
        { token: admin.token },
      )) as never,
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
    const result = await server.graphql<{
      briefMatchRecommendations: { edges: { node: { creator: { id: string }; factors: { factor: string; value: number; reason: string }[] } }[] };
    }>(
      `query($id: ID!) { briefMatchRecommendations(briefId: $id, first: 20) { edges { node { creator { id } factors { factor value reason } } } } }`,
      { id: briefId },
      { token: brand.owner.token },
    );
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    const factorOf = (talent: Talent) =>
      result.data!.briefMatchRecommendations.edges.find((edge) => edge.node.creator.id === talent.id)!.node.factors.find((factor) => factor.factor === 'TRACK_RECORD')!;
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

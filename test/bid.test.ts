import { beforeAll, describe, expect, it } from 'vitest';
import type { VariablesOf } from '@graphql-typed-document-node/core';
import { closeActiveBids, moveBid } from '../src/bid/bid-closing.js';
import { Bid } from '../src/bid/bid.entity.js';
import { MAX_MONEY_AMOUNT } from '../src/common/money.js';
import { Problem } from '../src/common/problems.js';
import { toGlobalId } from '../src/graphql/global-id.js';

import {
  AgencyBidsDocument,
  BidsOfTheBriefOfABidDocument,
  BidStatusSeenDocument,
  BrandBriefsWithBidsDocument,
  BriefAfterAwardDocument,
  BriefBidPageDocument,
  type BidTermsInput,
  type BriefBidPageQueryVariables,
  BriefBidsViewDocument,
  BriefInvitationsDocument,
  CancelBriefWithBidsDocument,
  CloseBriefDocument,
  CreatorBidsDocument,
  DealTermsSeenDocument,
  InviteToBriefDocument,
  PublishBriefDocument,
  SubmitCredentialForBidsDocument,
  UninviteFromBriefDocument,
  VerifyCredentialForBidsDocument,
} from './generated/graphql.js';
import { type Actor, errorCodes, signUp, signUpAdmin, succeeded } from './support/actors.js';
import {
  acceptBid,
  addBrandMember,
  answerWhileRowLocked,
  actOnBid,
  type BID_MUTATIONS,
  type BidView,
  type Brand,
  count,
  createAgency,
  createBrand,
  createBrief,
  createCreator,
  createCreators,
  createTrader,
  deliverable,
  inDays,
  placeBid,
  rowId,
  submitBid,
  type Talent,
  terms,
} from './support/bids.js';
import { until } from './support/subscriptions.js';
import { startTestServer, useTestServer } from './support/test-server.js';

const server = useTestServer();
let brand: Brand;
beforeAll(async () => {
  brand = await createBrand(server);
});

const bidsOnBrief = (briefId: string) => count(server, 'select count(*)::int as n from bid where brief_id = ?', [rowId(briefId)]);
const revisionsOf = (bidId: string) => count(server, 'select count(*)::int as n from bid_revision where bid_id = ?', [rowId(bidId)]);
const activeBidsOn = (briefId: string) =>
  count(server, `select count(*)::int as n from bid where brief_id = ? and status in ('SUBMITTED', 'SHORTLISTED', 'COUNTERED', 'AGREED')`, [rowId(briefId)]);
const CANCEL = CancelBriefWithBidsDocument;
const statusOf = async (bidId: string) => (await server.sql<{ status: string }>('select status from bid where id = ?', [rowId(bidId)]))[0]!.status;

type BidMutation = keyof typeof BID_MUTATIONS;

function act<Name extends BidMutation>(actor: Actor, mutation: Name, variables: VariablesOf<(typeof BID_MUTATIONS)[Name]>) {
  return actOnBid(server, actor, mutation, variables);
}

const FIELD_BY_MUTATION = {
  shortlist: 'bidShortlist',
  reject: 'bidReject',
  counter: 'bidCounter',
  revise: 'bidRevise',
  counterAccept: 'bidCounterAccept',
  withdraw: 'bidWithdraw',
} as const;

type BidAnswer = keyof typeof FIELD_BY_MUTATION;

/** A bid mutation that must go through; every one of them answers with the bid under its field. */
async function actOk<Name extends BidAnswer>(actor: Actor, mutation: Name, variables: VariablesOf<(typeof BID_MUTATIONS)[Name]>): Promise<BidView> {
  return succeeded(await act(actor, mutation, variables), FIELD_BY_MUTATION[mutation]).bid!;
}

async function codesOf<Name extends BidAnswer>(actor: Actor, mutation: Name, variables: VariablesOf<(typeof BID_MUTATIONS)[Name]>): Promise<string[]> {
  return errorCodes(await act(actor, mutation, variables), FIELD_BY_MUTATION[mutation]);
}

/** The top-level error code of a refused request (FORBIDDEN, …). */
async function topLevelCode<Name extends BidAnswer>(actor: Actor, mutation: Name, variables: VariablesOf<(typeof BID_MUTATIONS)[Name]>): Promise<string | undefined> {
  const result = await act(actor, mutation, variables);
  return result.errors?.[0]?.extensions?.code;
}

describe('the whole lifecycle of a bid', () => {
  it('goes from submission through counters and revisions to a deal, and awards the brief when its slots fill', async () => {
    const briefId = await createBrief(server, brand, { slots: 1 });
    const creator = await createCreator(server, 'Dr Lin');
    const rival = await createCreator(server, 'Dr Wu');
    const colleague = await addBrandMember(server, brand);

    const bid = await placeBid(server, creator.actor, { briefId, creatorId: creator.id, terms: terms({ gmvGuarantee: { amount: 20_000_000, currency: 'CNY' } }) });
    expect(bid).toMatchObject({
      status: 'SUBMITTED',
      creator: { id: creator.id, displayName: 'Dr Lin' },
      agency: null,
      trader: null,
      brief: { id: briefId },
      pitch: 'I explain barrier repair to 2M followers',
      currentTerms: { currency: 'CNY', fixedFee: { amount: 800_000, currency: 'CNY' }, commissionBp: 1000, gmvGuarantee: { amount: 20_000_000 }, agencyShareBp: null },
      revisions: [{ number: 1, side: 'BIDDER', authorName: 'dr-lin' }],
      agreedRevision: null,
      deal: null,
    });
    const rivalBid = await placeBid(server, rival.actor, { briefId, creatorId: rival.id });

    expect((await actOk(brand.owner, 'shortlist', { id: bid.id })).status).toBe('SHORTLISTED');
    const countered = await actOk(colleague, 'counter', { id: bid.id, terms: terms({ fixedFee: { amount: 600_000, currency: 'CNY' } }), message: 'Can you do 6000?' });
    expect(countered).toMatchObject({ status: 'COUNTERED', currentTerms: { fixedFee: { amount: 600_000 } }, agreedRevision: null });
    expect(countered.revisions.map(({ number, side, authorName, message }) => ({ number, side, authorName, message }))).toEqual([
      { number: 1, side: 'BIDDER', authorName: 'dr-lin', message: '' },
      { number: 2, side: 'BRAND', authorName: 'brand-member', message: 'Can you do 6000?' },
    ]);

    const revised = await actOk(creator.actor, 'revise', { id: bid.id, terms: terms({ fixedFee: { amount: 700_000, currency: 'CNY' } }), message: 'Meet at 7000' });
    expect(revised).toMatchObject({ status: 'SUBMITTED', currentTerms: { fixedFee: { amount: 700_000 } } });
    await actOk(brand.owner, 'counter', { id: bid.id, terms: terms({ fixedFee: { amount: 650_000, currency: 'CNY' }, commissionBp: 1200 }) });
    const agreed = await actOk(creator.actor, 'counterAccept', { id: bid.id, revision: 4 });
    expect(agreed).toMatchObject({ status: 'AGREED', agreedRevision: { number: 4, side: 'BRAND' }, currentTerms: { fixedFee: { amount: 650_000 }, commissionBp: 1200 } });
    // Every proposal is kept as it was made.
    expect(agreed.revisions.map((revision) => revision.terms.fixedFee.amount)).toEqual([800_000, 600_000, 700_000, 650_000]);

    const accepted = await acceptBid(server, brand.owner, bid.id);
    expect(accepted.errors).toBeUndefined();
    const { deal, bid: acceptedBid, userErrors } = accepted.data!.bidAccept;
    expect(userErrors).toEqual([]);
    expect(acceptedBid).toMatchObject({ status: 'ACCEPTED', agreedRevision: { number: 4 } });
    expect(deal).toMatchObject({
      status: 'ACTIVE',
      brief: { id: briefId, status: 'AWARDED' },
      brand: { id: brand.brandId },
      creator: { id: creator.id },
      trader: null,
      agency: null,
      terms: {
        version: 1,
        currency: 'CNY',
        fixedFee: { amount: 650_000, currency: 'CNY' },
        commissionBp: 1200,
        gmvGuarantee: null,
        agencyShareBp: 0,
        platformFeeBp: 500,
        feePayment: 'ON_APPROVAL',
        deliverables: [{ format: 'SHORT_VIDEO', platform: 'DOUYIN', description: 'A 90-second explainer' }],
      },
    });

    const after = (await server.graphql(BriefAfterAwardDocument, { id: briefId }, { token: brand.owner.token })).data!.node!;
    expect(after.status).toBe('AWARDED');
    expect(after.slotsFilled).toBe(1);
    const statuses = Object.fromEntries(after.bids!.edges.map(({ node }) => [node.id, node.status]));
    expect(statuses).toEqual({ [bid.id]: 'ACCEPTED', [rivalBid.id]: 'NOT_SELECTED' });
    expect(after.bids!.edges.find(({ node }) => node.id === bid.id)?.node.deal?.id).toBe(deal!.id);
    expect(await count(server, 'select active_deal_count as n from creator where id = ?', [rowId(creator.id)])).toBe(1);

    // The deal is the parties' business.
    const dealNode = DealTermsSeenDocument;
    for (const party of [brand.owner, colleague, creator.actor]) {
      expect((await server.graphql(dealNode, { id: deal!.id }, { token: party.token })).data?.node?.id).toBe(deal!.id);
    }
    for (const outsider of [rival.actor, await signUp(server, 'nosy')]) {
      expect((await server.graphql(dealNode, { id: deal!.id }, { token: outsider.token })).data?.node).toBeNull();
    }
    expect((await server.graphql(dealNode, { id: deal!.id })).data?.node).toBeNull();
  });

  it('lets the brand reject with a reason the bidder reads, and the bidder withdraw and bid again', async () => {
    const briefId = await createBrief(server, brand);
    const creator = await createCreator(server, 'Dr Zhao');
    const first = await placeBid(server, creator.actor, { briefId, creatorId: creator.id });
    const rejected = await actOk(brand.owner, 'reject', { id: first.id, reason: 'We need a Xiaohongshu post as well.' });
    expect(rejected).toMatchObject({ status: 'REJECTED', rejectionReason: 'We need a Xiaohongshu post as well.' });

    const second = await placeBid(server, creator.actor, { briefId, creatorId: creator.id });
    expect((await actOk(creator.actor, 'withdraw', { id: second.id })).status).toBe('WITHDRAWN');
    const third = await placeBid(server, creator.actor, { briefId, creatorId: creator.id });
    expect(third.status).toBe('SUBMITTED');
    expect(await bidsOnBrief(briefId)).toBe(3);
  });

  it('accepts a bid straight from the bidder’s proposal: the brand’s yes makes it agreed', async () => {
    const briefId = await createBrief(server, brand);
    const creator = await createCreator(server);
    const bid = await placeBid(server, creator.actor, { briefId, creatorId: creator.id });
    await actOk(creator.actor, 'revise', { id: bid.id, terms: terms({ commissionBp: 900 }) });
    const accepted = await acceptBid(server, brand.owner, bid.id);
    expect(accepted.data?.bidAccept.userErrors).toEqual([]);
    expect(accepted.data?.bidAccept.bid).toMatchObject({ status: 'ACCEPTED', agreedRevision: { number: 2 } });
    expect(accepted.data?.bidAccept.deal?.terms.commissionBp).toBe(900);
    // One slot of two: the brief stays open for more.
    expect(accepted.data?.bidAccept.deal?.brief.status).toBe('OPEN');
  });
});

describe('negotiation rules', () => {
  let briefId: string;
  let creator: Talent;
  let bid: BidView;
  beforeAll(async () => {
    briefId = await createBrief(server, brand);
    creator = await createCreator(server);
    bid = await placeBid(server, creator.actor, { briefId, creatorId: creator.id });
  });

  it('refuses moves the status does not allow, with ILLEGAL_TRANSITION, and changes nothing', async () => {
    expect(await codesOf(creator.actor, 'counterAccept', { id: bid.id, revision: 1 })).toEqual(['ILLEGAL_TRANSITION']);
    await actOk(brand.owner, 'shortlist', { id: bid.id });
    expect(await codesOf(brand.owner, 'shortlist', { id: bid.id })).toEqual(['ILLEGAL_TRANSITION']);
    expect(await revisionsOf(bid.id)).toBe(1);
  });

  it('refuses bidAccept with COUNTER_PENDING while the brand’s own counter awaits the bidder', async () => {
    await actOk(brand.owner, 'counter', { id: bid.id, terms: terms({ commissionBp: 800 }) });
    const result = await acceptBid(server, brand.owner, bid.id);
    expect(errorCodes(result, 'bidAccept')).toEqual(['COUNTER_PENDING']);
    expect(await count(server, 'select count(*)::int as n from deal where bid_id = ?', [rowId(bid.id)])).toBe(0);
    expect(await count(server, 'select slots_filled as n from brief where id = ?', [rowId(briefId)])).toBe(0);
  });

  it('makes an agreement name the revision it says yes to: any other is STALE_REVISION, and changes nothing', async () => {
    const briefId = await createBrief(server, brand);
    const bidder = await createCreator(server, 'reviser');
    const placed = await placeBid(server, bidder.actor, { briefId, creatorId: bidder.id });
    // The brand read revision 1; the bidder revised before the brand said yes.
    await actOk(bidder.actor, 'revise', { id: placed.id, terms: terms({ fixedFee: { amount: 900_000, currency: 'CNY' } }) });
    const stale = await acceptBid(server, brand.owner, placed.id, { revision: 1 });
    expect(errorCodes(stale, 'bidAccept')).toEqual(['STALE_REVISION']);
    expect(stale.data?.bidAccept.userErrors[0]).toMatchObject({ field: ['revision'], message: 'The bid changed: revision 2 is now current; review it and accept again.' });
    expect(await count(server, 'select count(*)::int as n from deal where bid_id = ?', [rowId(placed.id)])).toBe(0);
    expect(await count(server, 'select slots_filled as n from brief where id = ?', [rowId(briefId)])).toBe(0);
    expect(await statusOf(placed.id)).toBe('SUBMITTED');

    // The bidder read the brand's first counter; a second one came before they said yes.
    await actOk(brand.owner, 'counter', { id: placed.id, terms: terms({ fixedFee: { amount: 700_000, currency: 'CNY' } }) });
    const second = await actOk(brand.owner, 'counter', { id: placed.id, terms: terms({ fixedFee: { amount: 650_000, currency: 'CNY' } }) });
    expect(second.currentRevision).toEqual({ number: 4, side: 'BRAND' });
    expect(await codesOf(bidder.actor, 'counterAccept', { id: placed.id, revision: 3 })).toEqual(['STALE_REVISION']);
    expect(await statusOf(placed.id)).toBe('COUNTERED');
    const agreed = await actOk(bidder.actor, 'counterAccept', { id: placed.id, revision: 4 });
    expect(agreed).toMatchObject({ status: 'AGREED', agreedRevision: { number: 4 } });

    // A revision that does not exist is no more current than an old one.
    expect(errorCodes(await acceptBid(server, brand.owner, placed.id, { revision: 5 }), 'bidAccept')).toEqual(['STALE_REVISION']);
    const accepted = await acceptBid(server, brand.owner, placed.id, { revision: 4 });
    expect(accepted.data?.bidAccept.userErrors).toEqual([]);
    expect(accepted.data?.bidAccept.deal?.terms.fixedFee.amount).toBe(650_000);
  });

  it('has the database refuse an agreement on any revision but the current one', async () => {
    const briefId = await createBrief(server, brand);
    const bidder = await createCreator(server, 'guarded');
    const placed = await placeBid(server, bidder.actor, { briefId, creatorId: bidder.id });
    await actOk(bidder.actor, 'revise', { id: placed.id, terms: terms({ commissionBp: 1100 }) });
    for (const [status, agreed] of [['AGREED', 1], ['ACCEPTED', null], ['AGREED', 3]] as const) {
      await expect(server.sql('update bid set status = ?, agreed_revision = ? where id = ?', [status, agreed, rowId(placed.id)])).rejects.toThrow(/check constraint "bid_agree/);
    }
    expect(await statusOf(placed.id)).toBe('SUBMITTED');
  });

  it('validates counter and revision terms like a bid’s, and writes no revision when they are wrong', async () => {
    expect(await codesOf(brand.owner, 'counter', { id: bid.id, terms: terms({ commissionBp: 10_001 }) })).toEqual(['OUT_OF_RANGE']);
    expect(await codesOf(creator.actor, 'revise', { id: bid.id, terms: terms({ fixedFee: { amount: 1, currency: 'USD' } }) })).toEqual(['CURRENCY_MISMATCH']);
    expect(await codesOf(creator.actor, 'revise', { id: bid.id, terms: terms({ agencyShareBp: 500 }) })).toEqual(['INVALID']);
    expect(await revisionsOf(bid.id)).toBe(2);
  });

  it('lets only the brand act as the brand and only the bidder as the bidder', async () => {
    // The bidder sees the bid, so acting for the brand is FORBIDDEN rather than NOT_FOUND.
    expect(await topLevelCode(creator.actor, 'shortlist', { id: bid.id })).toBe('FORBIDDEN');
    expect(await topLevelCode(creator.actor, 'counter', { id: bid.id, terms: terms() })).toBe('FORBIDDEN');
    expect(await topLevelCode(brand.owner, 'revise', { id: bid.id, terms: terms() })).toBe('FORBIDDEN');
    expect(await topLevelCode(brand.owner, 'withdraw', { id: bid.id })).toBe('FORBIDDEN');
    expect(await topLevelCode(creator.actor, 'withdraw', { id: bid.id })).toBeUndefined();
    expect(await revisionsOf(bid.id)).toBe(2);
  });

  it('answers NOT_FOUND to another brand, another bidder and a nobody, exactly as for a missing bid', async () => {
    const otherBrand = await createBrand(server);
    const otherCreator = await createCreator(server);
    const missing = toGlobalId('Bid', '00000000-0000-4000-8000-000000000000');
    for (const [actor, mutation] of [
      [otherBrand.owner, 'shortlist'],
      [otherBrand.owner, 'reject'],
      [otherCreator.actor, 'withdraw'],
      [otherCreator.actor, 'counterAccept'],
    ] as const) {
      expect(await codesOf(actor, mutation, { id: bid.id, revision: 1 })).toEqual(['NOT_FOUND']);
      expect(await codesOf(actor, mutation, { id: missing, revision: 1 })).toEqual(['NOT_FOUND']);
    }
    expect(errorCodes(await acceptBid(server, otherBrand.owner, bid.id), 'bidAccept')).toEqual(['NOT_FOUND']);
    expect(errorCodes(await acceptBid(server, otherBrand.owner, 'not-an-id'), 'bidAccept')).toEqual(['NOT_FOUND']);
  });
});

describe('bidSubmit rules', () => {
  it.each([
    ['a negative fee', { fixedFee: { amount: -1, currency: 'CNY' } }, 'OUT_OF_RANGE', ['input', 'terms', 'fixedFee', 'amount']],
    ['a fee above the maximum', { fixedFee: { amount: MAX_MONEY_AMOUNT + 1, currency: 'CNY' } }, 'OUT_OF_RANGE', ['input', 'terms', 'fixedFee', 'amount']],
    ['a commission above 10000 bp', { commissionBp: 10_001 }, 'OUT_OF_RANGE', ['input', 'terms', 'commissionBp']],
    ['a negative commission', { commissionBp: -5 }, 'OUT_OF_RANGE', ['input', 'terms', 'commissionBp']],
    ['a zero GMV guarantee', { gmvGuarantee: { amount: 0, currency: 'CNY' } }, 'OUT_OF_RANGE', ['input', 'terms', 'gmvGuarantee', 'amount']],
    ['a fee in another currency', { fixedFee: { amount: 100, currency: 'USD' } }, 'CURRENCY_MISMATCH', ['input', 'terms', 'fixedFee', 'currency']],
    ['a deliverable due in the past', { deliverables: [deliverable({ dueAt: inDays(-1) })] }, 'OUT_OF_RANGE', ['input', 'terms', 'deliverables', '0', 'dueAt']],
    ['a deliverable on a platform the brief does not use', { deliverables: [deliverable({ platform: 'WEIBO' })] }, 'INVALID', ['input', 'terms', 'deliverables', '0', 'platform']],
    ['no deliverables', { deliverables: [] }, 'OUT_OF_RANGE', ['input', 'terms', 'deliverables']],
    ['an agency share on one’s own bid', { agencyShareBp: 1000 }, 'INVALID', ['input', 'terms', 'agencyShareBp']],
  ])('refuses %s and writes nothing', async (_label, change, code, field) => {
    const briefId = await createBrief(server, brand);
    const creator = await createCreator(server);
    const result = await submitBid(server, creator.actor, { briefId, creatorId: creator.id, terms: terms(change as Partial<BidTermsInput>) });
    expect(errorCodes(result, 'bidSubmit')).toEqual([code]);
    expect(result.data?.bidSubmit.userErrors[0]?.field).toEqual(field);
    expect(await bidsOnBrief(briefId)).toBe(0);
  });

  it('refuses a pitch over 5000 characters', async () => {
    const briefId = await createBrief(server, brand);
    const creator = await createCreator(server);
    const result = await submitBid(server, creator.actor, { briefId, creatorId: creator.id, pitch: 'x'.repeat(5001) });
    expect(errorCodes(result, 'bidSubmit')).toEqual(['OUT_OF_RANGE']);
    expect(await bidsOnBrief(briefId)).toBe(0);
  });

  it('takes bids only on OPEN briefs before the deadline (BRIEF_NOT_OPEN)', async () => {
    const creator = await createCreator(server);
    const closed = await createBrief(server, brand);
    succeeded(await server.graphql(CloseBriefDocument, { id: closed }, { token: brand.owner.token }), 'briefClose');
    const expired = await createBrief(server, brand);
    await server.sql(`update brief set deadline = now() - interval '1 minute' where id = ?`, [rowId(expired)]);
    for (const briefId of [closed, expired]) {
      expect(errorCodes(await submitBid(server, creator.actor, { briefId, creatorId: creator.id }), 'bidSubmit')).toEqual(['BRIEF_NOT_OPEN']);
      expect(await bidsOnBrief(briefId)).toBe(0);
    }
  });

  it('answers NOT_FOUND for a brief the bidder may not see: a draft, another brand’s invite-only brief, a bad id', async () => {
    const creator = await createCreator(server);
    const draft = await createBrief(server, brand, {}, false);
    const inviteOnly = await createBrief(server, brand, { visibility: 'INVITE_ONLY' });
    for (const briefId of [draft, inviteOnly, 'garbage', toGlobalId('Brief', '00000000-0000-4000-8000-000000000000')]) {
      const result = await submitBid(server, creator.actor, { briefId, creatorId: creator.id });
      expect(errorCodes(result, 'bidSubmit')).toEqual(['NOT_FOUND']);
      expect(result.data?.bidSubmit.userErrors[0]?.field).toEqual(['input', 'briefId']);
    }
  });

  it('requires every credential the brief and its products require, verified (MISSING_CREDENTIAL)', async () => {
    const clinical = await createBrand(server, ['DERMATOLOGIST']);
    const briefId = await createBrief(server, clinical, { requiredCredentials: ['NUTRITIONIST'] });
    const dermatologist = await createCreator(server, 'derm', { credentials: ['DERMATOLOGIST', 'PHYSICIAN'] });
    const both = await createCreator(server, 'both', { credentials: ['DERMATOLOGIST', 'PHYSICIAN', 'NUTRITIONIST'] });
    const result = await submitBid(server, dermatologist.actor, { briefId, creatorId: dermatologist.id });
    expect(errorCodes(result, 'bidSubmit')).toEqual(['MISSING_CREDENTIAL']);
    expect(result.data?.bidSubmit.userErrors[0]?.message).toContain('NUTRITIONIST');
    await placeBid(server, both.actor, { briefId, creatorId: both.id });
    expect(await bidsOnBrief(briefId)).toBe(1);
  });

  it('requires the brief’s minimum credibility level (BELOW_MIN_LEVEL)', async () => {
    const briefId = await createBrief(server, brand, { minCredibilityLevel: 'L4' });
    const novice = await createCreator(server, 'novice', { level: 3 });
    const expert = await createCreator(server, 'expert', { level: 4 });
    expect(errorCodes(await submitBid(server, novice.actor, { briefId, creatorId: novice.id }), 'bidSubmit')).toEqual(['BELOW_MIN_LEVEL']);
    await placeBid(server, expert.actor, { briefId, creatorId: expert.id });
    expect(await bidsOnBrief(briefId)).toBe(1);
  });

  it('refuses a creator at capacity (AT_CAPACITY)', async () => {
    const briefId = await createBrief(server, brand);
    const busy = await createCreator(server, 'busy', { capacity: 2, activeDeals: 2 });
    expect(errorCodes(await submitBid(server, busy.actor, { briefId, creatorId: busy.id }), 'bidSubmit')).toEqual(['AT_CAPACITY']);
    expect(await bidsOnBrief(briefId)).toBe(0);
  });

  it('allows one active bid per talent and brief (ALREADY_BID), even when both arrive at once', async () => {
    const briefId = await createBrief(server, brand);
    const creator = await createCreator(server);
    await placeBid(server, creator.actor, { briefId, creatorId: creator.id });
    expect(errorCodes(await submitBid(server, creator.actor, { briefId, creatorId: creator.id }), 'bidSubmit')).toEqual(['ALREADY_BID']);

    const racer = await createCreator(server, 'racer');
    const racingBrief = await createBrief(server, brand);
    const results = await Promise.all(Array.from({ length: 5 }, () => submitBid(server, racer.actor, { briefId: racingBrief, creatorId: racer.id })));
    const codes = results.map((result) => errorCodes(result, 'bidSubmit')[0] ?? 'OK');
    expect(codes.filter((code) => code === 'OK')).toHaveLength(1);
    expect(codes.filter((code) => code === 'ALREADY_BID')).toHaveLength(4);
    expect(await bidsOnBrief(racingBrief)).toBe(1);
  });

  it('sends operators to operated self-broadcasts and creators to the rest (WRONG_BIDDER_KIND)', async () => {
    const operated = await createBrief(server, brand, { objective: 'OPERATED_SELF_BROADCAST', formats: ['LIVE_STREAM'] });
    const seeding = await createBrief(server, brand);
    const creator = await createCreator(server);
    const operator = await createTrader(server);
    const liveStream = terms({ deliverables: [deliverable({ format: 'LIVE_STREAM' })] });

    expect(errorCodes(await submitBid(server, creator.actor, { briefId: operated, creatorId: creator.id, terms: liveStream }), 'bidSubmit')).toEqual(['WRONG_BIDDER_KIND']);
    expect(errorCodes(await submitBid(server, operator.actor, { briefId: seeding, traderId: operator.id }), 'bidSubmit')).toEqual(['WRONG_BIDDER_KIND']);
    expect(await bidsOnBrief(operated)).toBe(0);
    expect(await bidsOnBrief(seeding)).toBe(0);

    const bid = await placeBid(server, operator.actor, { briefId: operated, traderId: operator.id, terms: liveStream });
    expect(bid).toMatchObject({ status: 'SUBMITTED', trader: { id: operator.id }, creator: null });
  });

  it('needs exactly one talent, and lets a viewer bid for their own profile only (FORBIDDEN otherwise)', async () => {
    const briefId = await createBrief(server, brand);
    const creator = await createCreator(server);
    const other = await createCreator(server, 'other');
    const operator = await createTrader(server);
    expect(errorCodes(await submitBid(server, creator.actor, { briefId }), 'bidSubmit')).toEqual(['INVALID']);
    expect(errorCodes(await submitBid(server, creator.actor, { briefId, creatorId: creator.id, traderId: operator.id }), 'bidSubmit')).toEqual(['INVALID']);
    expect(errorCodes(await submitBid(server, creator.actor, { briefId, creatorId: 'nonsense' }), 'bidSubmit')).toEqual(['NOT_FOUND']);
    const forOther = await submitBid(server, creator.actor, { briefId, creatorId: other.id });
    expect(forOther.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await bidsOnBrief(briefId)).toBe(0);
  });
});

describe('agency bids', () => {
  it('bid for an active roster member with the roster share by default, and not for anyone else (NOT_ON_ROSTER)', async () => {
    const briefId = await createBrief(server, brand);
    const member = await createCreator(server, 'roster-member');
    const outsider = await createCreator(server, 'outsider');
    const agency = await createAgency(server, [member], 2500);

    const bid = await placeBid(server, agency.member, { briefId, creatorId: member.id, agencyId: agency.agencyId });
    expect(bid).toMatchObject({ agency: { id: agency.agencyId }, creator: { id: member.id }, currentTerms: { agencyShareBp: 2500 } });

    const refused = await submitBid(server, agency.member, { briefId, creatorId: outsider.id, agencyId: agency.agencyId });
    expect(errorCodes(refused, 'bidSubmit')).toEqual(['NOT_ON_ROSTER']);
    expect(refused.data?.bidSubmit.userErrors[0]?.field).toEqual(['input', 'creatorId']);

    const stranger = await signUp(server, 'not-in-agency');
    const notMember = await submitBid(server, stranger, { briefId, creatorId: outsider.id, agencyId: agency.agencyId });
    expect(notMember.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await bidsOnBrief(briefId)).toBe(1);
  });

  it('state their own share, which only they may restate; the creator may negotiate the rest', async () => {
    const briefId = await createBrief(server, brand);
    const member = await createCreator(server, 'roster-member');
    const agency = await createAgency(server, [member], 2000);
    const bid = await placeBid(server, agency.member, { briefId, creatorId: member.id, agencyId: agency.agencyId, terms: terms({ agencyShareBp: 1800 }) });
    expect(bid.currentTerms.agencyShareBp).toBe(1800);

    const byCreator = await actOk(member.actor, 'revise', { id: bid.id, terms: terms({ commissionBp: 1500 }) });
    expect(byCreator.currentTerms).toMatchObject({ commissionBp: 1500, agencyShareBp: 1800 });
    expect(await codesOf(member.actor, 'revise', { id: bid.id, terms: terms({ agencyShareBp: 100 }) })).toEqual(['INVALID']);
    const byAgency = await actOk(agency.member, 'revise', { id: bid.id, terms: terms({ agencyShareBp: 1600 }) });
    expect(byAgency.currentTerms.agencyShareBp).toBe(1600);
    // The brand's counter keeps the agency's share; giving one is refused.
    expect(await codesOf(brand.owner, 'counter', { id: bid.id, terms: terms({ agencyShareBp: 0 }) })).toEqual(['INVALID']);
    const countered = await actOk(brand.owner, 'counter', { id: bid.id, terms: terms() });
    expect(countered.currentTerms.agencyShareBp).toBe(1600);

    await actOk(agency.member, 'counterAccept', { id: bid.id, revision: countered.currentRevision.number });
    const accepted = await acceptBid(server, brand.owner, bid.id);
    expect(accepted.data?.bidAccept.deal).toMatchObject({ agency: { id: agency.agencyId }, creator: { id: member.id }, terms: { agencyShareBp: 1600 } });
  });

  it('may bid on an invite-only brief when the agency or the talent is invited, not otherwise (NOT_INVITED)', async () => {
    const invitedTalent = await createCreator(server, 'invited');
    const uninvitedTalent = await createCreator(server, 'uninvited');
    const agency = await createAgency(server, [invitedTalent, uninvitedTalent]);
    const briefId = await createBrief(server, brand, { visibility: 'INVITE_ONLY' }, false);
    succeeded(
      await server.graphql(InviteToBriefDocument, { id: briefId, input: { creatorIds: [invitedTalent.id] } }, { token: brand.owner.token }),
      'briefInvite',
    );
    succeeded(await server.graphql(PublishBriefDocument, { id: briefId }, { token: brand.owner.token }), 'briefPublish');

    // The agency sees the brief through its invited roster member, but may bid only for that member.
    const refused = await submitBid(server, agency.member, { briefId, creatorId: uninvitedTalent.id, agencyId: agency.agencyId });
    expect(errorCodes(refused, 'bidSubmit')).toEqual(['NOT_INVITED']);
    await placeBid(server, agency.member, { briefId, creatorId: invitedTalent.id, agencyId: agency.agencyId });
    expect(await bidsOnBrief(briefId)).toBe(1);

    const agencyInvited = await createBrief(server, brand, { visibility: 'INVITE_ONLY' }, false);
    await server.graphql(InviteToBriefDocument, { id: agencyInvited, input: { agencyIds: [agency.agencyId] } }, { token: brand.owner.token });
    await server.graphql(PublishBriefDocument, { id: agencyInvited }, { token: brand.owner.token });
    await placeBid(server, agency.member, { briefId: agencyInvited, creatorId: uninvitedTalent.id, agencyId: agency.agencyId });
    // Invited through the agency, not themself: on their own the creator may not bid.
    expect(errorCodes(await submitBid(server, invitedTalent.actor, { briefId: agencyInvited, creatorId: invitedTalent.id }), 'bidSubmit')).toEqual(['NOT_FOUND']);
  });
});

describe('who sees bids', () => {
  const briefAs = async (briefId: string, actor?: Actor) => {
    const node = (await server.graphql(BriefBidsViewDocument, { id: briefId }, actor ? { token: actor.token } : {})).data!.node;
    if (!node || !('bids' in node)) throw new Error(`brief ${briefId} unseen`);
    return node;
  };
  const bidNode = async (bidId: string, actor?: Actor) =>
    (await server.graphql(BidStatusSeenDocument, { id: bidId }, actor ? { token: actor.token } : {})).data?.node ?? null;

  let alice: Talent;
  let bob: Talent;
  let agencyTalent: Talent;
  let agency: Awaited<ReturnType<typeof createAgency>>;
  let admin: Actor;
  let otherBrand: Brand;
  beforeAll(async () => {
    alice = await createCreator(server, 'alice');
    bob = await createCreator(server, 'bob');
    agencyTalent = await createCreator(server, 'carol');
    agency = await createAgency(server, [agencyTalent]);
    admin = await signUpAdmin(server);
    otherBrand = await createBrand(server);
  });

  async function briefWithThreeBids(biddingMode: 'OPEN' | 'SEALED') {
    const briefId = await createBrief(server, brand, { biddingMode });
    const aliceBid = await placeBid(server, alice.actor, { briefId, creatorId: alice.id, terms: terms({ fixedFee: { amount: 500_000, currency: 'CNY' } }) });
    const bobBid = await placeBid(server, bob.actor, { briefId, creatorId: bob.id, terms: terms({ fixedFee: { amount: 900_000, currency: 'CNY' } }) });
    const agencyBid = await placeBid(server, agency.member, { briefId, creatorId: agencyTalent.id, agencyId: agency.agencyId, terms: terms({ fixedFee: { amount: 700_000, currency: 'CNY' } }) });
    return { briefId, aliceBid, bobBid, agencyBid };
  }

  it('SEALED: a bidder sees only their own bid and the count, through brief.bids, node(id:) and nested fields', async () => {
    const { briefId, aliceBid, bobBid, agencyBid } = await briefWithThreeBids('SEALED');

    const asAlice = await briefAs(briefId, alice.actor);
    expect(asAlice.bidCount).toBe(3);
    expect(asAlice.feeRange).toBeNull();
    expect(asAlice.bids.totalCount).toBe(1);
    expect(asAlice.bids.edges.map(({ node }) => node.id)).toEqual([aliceBid.id]);
    expect(await bidNode(bobBid.id, alice.actor)).toBeNull();
    expect(await bidNode(agencyBid.id, alice.actor)).toBeNull();
    expect(await bidNode(aliceBid.id, alice.actor)).toEqual({ id: aliceBid.id, status: 'SUBMITTED' });

    // Nested: from her own bid to the brief and back, she still finds only her own.
    const nested = await server.graphql(BidsOfTheBriefOfABidDocument, { id: aliceBid.id }, { token: alice.actor.token });
    expect(nested.data?.node?.brief?.bids.edges).toEqual([{ node: { id: aliceBid.id, creator: { id: alice.id } } }]);

    // Creator.bids: Bob's list is his alone.
    const bobsList = CreatorBidsDocument;
    expect((await server.graphql(bobsList, { id: bob.id }, { token: alice.actor.token })).data?.node?.bids).toBeNull();
    expect((await server.graphql(bobsList, { id: bob.id }, { token: brand.owner.token })).data?.node?.bids).toBeNull();
    expect((await server.graphql(bobsList, { id: bob.id }, { token: bob.actor.token })).data?.node?.bids?.edges).toContainEqual({
      node: { id: bobBid.id },
    });

    // The agency sees its own bid; the creator it bid for sees it too.
    const asAgency = await briefAs(briefId, agency.member);
    expect(asAgency.bids.edges.map(({ node }) => node.id)).toEqual([agencyBid.id]);
    expect(asAgency.feeRange).toBeNull();
    expect(await bidNode(agencyBid.id, agencyTalent.actor)).toMatchObject({ id: agencyBid.id });
    const agencyList = AgencyBidsDocument;
    expect((await server.graphql(agencyList, { id: agency.agencyId }, { token: agency.member.token })).data?.node?.bids?.edges).toContainEqual({
      node: { id: agencyBid.id },
    });
    expect((await server.graphql(agencyList, { id: agency.agencyId }, { token: alice.actor.token })).data?.node?.bids).toBeNull();

    // The brand sees every bid and the range; another brand and anonymous callers see the count only.
    const asBrand = await briefAs(briefId, brand.owner);
    expect(asBrand.bids.totalCount).toBe(3);
    expect(asBrand.feeRange).toEqual({ min: { amount: 500_000, currency: 'CNY' }, max: { amount: 900_000, currency: 'CNY' } });
    for (const outsider of [otherBrand.owner, undefined]) {
      const view = await briefAs(briefId, outsider);
      expect(view).toMatchObject({ bidCount: 3, feeRange: null, bids: { totalCount: 0, edges: [] } });
      expect(await bidNode(aliceBid.id, outsider)).toBeNull();
    }
    // Admins see everything.
    expect((await briefAs(briefId, admin)).bids.totalCount).toBe(3);
    expect(await bidNode(bobBid.id, admin)).toMatchObject({ id: bobBid.id });
  });

  it('OPEN: bidders also see the count and the range of the fees bidders proposed, never who bid; anyone else sees the count only', async () => {
    const { briefId, aliceBid, bobBid } = await briefWithThreeBids('OPEN');
    const range = { min: { amount: 500_000, currency: 'CNY' }, max: { amount: 900_000, currency: 'CNY' } };
    const asAlice = await briefAs(briefId, alice.actor);
    expect(asAlice.bidCount).toBe(3);
    expect(asAlice.feeRange).toEqual(range);
    expect(asAlice.bids.edges.map(({ node }) => node.id)).toEqual([aliceBid.id]);
    expect(await bidNode(bobBid.id, alice.actor)).toBeNull();
    // The agency that bid and the creator it bid for are bidders too.
    expect((await briefAs(briefId, agency.member)).feeRange).toEqual(range);
    expect((await briefAs(briefId, agencyTalent.actor)).feeRange).toEqual(range);
    const bystander = await createCreator(server, 'bystander');
    for (const outsider of [undefined, bystander.actor, otherBrand.owner]) {
      expect(await briefAs(briefId, outsider)).toMatchObject({ bidCount: 3, feeRange: null, bids: { totalCount: 0 } });
    }

    // The brand's counters are not bids: the range stays the bidders' own proposals.
    await actOk(brand.owner, 'counter', { id: aliceBid.id, terms: terms({ fixedFee: { amount: 100_000, currency: 'CNY' } }) });
    expect((await briefAs(briefId, alice.actor)).feeRange).toEqual(range);
    expect((await briefAs(briefId, brand.owner)).feeRange).toEqual(range);
    await actOk(bob.actor, 'revise', { id: bobBid.id, terms: terms({ fixedFee: { amount: 950_000, currency: 'CNY' } }) });
    expect((await briefAs(briefId, alice.actor)).feeRange).toMatchObject({ max: { amount: 950_000 } });

    // Withdrawn bids leave the count and the range.
    await actOk(bob.actor, 'withdraw', { id: bobBid.id });
    expect(await briefAs(briefId, alice.actor)).toMatchObject({ bidCount: 2, feeRange: { min: { amount: 500_000 }, max: { amount: 700_000 } } });
  });

  it('pages a brief’s bids and filters them by status, for the brand', async () => {
    const { briefId, aliceBid } = await briefWithThreeBids('SEALED');
    await actOk(brand.owner, 'shortlist', { id: aliceBid.id });
    const page = async (variables: Omit<BriefBidPageQueryVariables, 'id'>) =>
      (await server.graphql(BriefBidPageDocument, { id: briefId, ...variables }, { token: brand.owner.token })).data!.node!.bids!;
    const first = await page({ first: 2 });
    expect(first.edges).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await page({ first: 2, after: first.pageInfo.endCursor });
    expect(second.edges).toHaveLength(1);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect(new Set([...first.edges, ...second.edges].map(({ node }) => node.id)).size).toBe(3);
    expect((await page({ statuses: ['SHORTLISTED'] })).edges).toEqual([{ node: { id: aliceBid.id } }]);
  });

  it('lists briefs with their bids in as many statements for three briefs as for one', async () => {
    const listing = await createBrand(server);
    const briefWithBids = async () => {
      const briefId = await createBrief(server, listing);
      await placeBid(server, alice.actor, { briefId, creatorId: alice.id });
      await placeBid(server, agency.member, { briefId, creatorId: agencyTalent.id, agencyId: agency.agencyId });
    };
    const statementsFor = async (briefs: number) => {
      server.resetQueryCount();
      const result = await server.graphql(BrandBriefsWithBidsDocument, { brandId: listing.brandId }, { token: listing.owner.token });
      expect(result.errors).toBeUndefined();
      expect(result.data!.briefs.edges).toHaveLength(briefs);
      expect(result.data!.briefs.edges.every(({ node }) => node.bidCount === 2 && node.bids.edges.length === 2)).toBe(true);
      return server.queryCount();
    };
    await briefWithBids();
    const one = await statementsFor(1);
    await briefWithBids();
    await briefWithBids();
    expect(await statementsFor(3)).toBe(one);
  });
});

describe('cancelling a brief that has bids', () => {
  it('needs a reason, and changes nothing without one', async () => {
    const briefId = await createBrief(server, brand);
    const result = await server.graphql(CANCEL, { id: briefId, reason: '   ' }, { token: brand.owner.token });
    expect(errorCodes(result, 'briefCancel')).toEqual(['OUT_OF_RANGE']);
    expect(await count(server, `select count(*)::int as n from brief where id = ? and status = 'OPEN'`, [rowId(briefId)])).toBe(1);
  });

  it('closes every open bid as NOT_SELECTED and tells bidders why', async () => {
    const briefId = await createBrief(server, brand);
    const first = await createCreator(server, 'cancel-first');
    const second = await createCreator(server, 'cancel-second');
    const submitted = await placeBid(server, first.actor, { briefId, creatorId: first.id });
    const withdrawn = await placeBid(server, second.actor, { briefId, creatorId: second.id });
    succeeded(await act(second.actor, 'withdraw', { id: withdrawn.id }), 'bidWithdraw');

    const result = await server.graphql(CANCEL, { id: briefId, reason: 'Launch postponed to spring' }, { token: brand.owner.token });
    expect(succeeded(result, 'briefCancel').brief).toEqual({
      status: 'CANCELLED',
      cancellationReason: 'Launch postponed to spring',
    });
    const statuses = await server.sql<{ id: string; status: string }>('select id, status from bid where brief_id = ?', [rowId(briefId)]);
    expect(Object.fromEntries(statuses.map((row) => [row.id, row.status]))).toEqual({
      [rowId(submitted.id)]: 'NOT_SELECTED',
      [rowId(withdrawn.id)]: 'WITHDRAWN',
    });
  });

  it.each([
    ['rejections', 'reject', 'bidReject', 'REJECTED'],
    ['withdrawals', 'withdraw', 'bidWithdraw', 'WITHDRAWN'],
  ] as const)('leaves %s racing the cancellation as they are: no server error, no illegal move (10 rounds)', async (_label, mutation, field, answered) => {
    for (let round = 0; round < 10; round += 1) {
      const briefId = await createBrief(server, brand);
      const bidders = await createCreators(server, 4);
      const bids = await Promise.all(bidders.map((bidder) => placeBid(server, bidder.actor, { briefId, creatorId: bidder.id })));
      const [cancelled, ...answers] = await Promise.all([
        server.graphql(CANCEL, { id: briefId, reason: 'Launch postponed' }, { token: brand.owner.token }),
        ...bids.map((bid, index) =>
          mutation === 'reject' ? act(brand.owner, 'reject', { id: bid.id, reason: 'Not this season' }) : act(bidders[index]!.actor, 'withdraw', { id: bid.id }),
        ),
      ]);
      succeeded(cancelled, 'briefCancel');
      const rows = await server.sql<{ id: string; status: string; rejection_reason: string | null }>('select id, status, rejection_reason from bid where brief_id = ?', [
        rowId(briefId),
      ]);
      const byId = new Map(rows.map((row) => [row.id, row]));
      answers.forEach((answer, index) => {
        expect(answer.status).toBe(200);
        const codes = errorCodes(answer as never, field);
        const row = byId.get(rowId(bids[index]!.id))!;
        if (codes.length === 0) {
          // The answer came first and stands.
          expect(row.status).toBe(answered);
        } else {
          // The cancellation came first; the late answer is refused with a typed error.
          expect(['ILLEGAL_TRANSITION', 'BRIEF_NOT_OPEN']).toContain(codes[0]);
          expect(row).toMatchObject({ status: 'NOT_SELECTED', rejection_reason: null });
        }
      });
    }
  });
});

describe('bids racing the end of a brief', () => {
  // With an idempotency key a bid runs in a transaction and its first read takes the brief's lock;
  // without one, its write does.
  it.each([
    ['awarded', 'without'],
    ['cancelled', 'without'],
    ['awarded', 'with'],
    ['cancelled', 'with'],
  ] as const)(
    'land on no brief %s at the same moment, %s an idempotency key: each late bid is closed with the others or refused (10 rounds)',
    async (ending, key) => {
      for (let round = 0; round < 10; round += 1) {
        const briefId = await createBrief(server, brand, { slots: 1 });
        const [winner, ...latecomers] = await createCreators(server, 4);
        const winning = await placeBid(server, winner!.actor, { briefId, creatorId: winner!.id });
        const end = () =>
          ending === 'awarded'
            ? acceptBid(server, brand.owner, winning.id)
            : server.graphql(CANCEL, { id: briefId, reason: 'Launch postponed' }, { token: brand.owner.token });
        const [ended, ...submitted] = await Promise.all([
          end(),
          ...latecomers.map((latecomer) =>
            submitBid(server, latecomer.actor, { briefId, creatorId: latecomer.id }, key === 'with' ? { key: `late-${briefId}-${latecomer.id}` } : {}),
          ),
        ]);
        succeeded(ended as never, ending === 'awarded' ? 'bidAccept' : 'briefCancel');
        // A cancelled brief is hidden from bidders: a bid that comes after the cancellation finds none.
        const refusals = ending === 'awarded' ? ['BRIEF_NOT_OPEN'] : ['BRIEF_NOT_OPEN', 'NOT_FOUND'];
        for (const result of submitted) expect(['OK', ...refusals]).toContain(errorCodes(result, 'bidSubmit')[0] ?? 'OK');
        expect(await activeBidsOn(briefId)).toBe(0);
      }
    },
  );

  it('refuses a bid once the last slot is filled (BRIEF_NOT_OPEN)', async () => {
    const briefId = await createBrief(server, brand, { slots: 1 });
    const [winner, late] = await createCreators(server, 2);
    const winning = await placeBid(server, winner!.actor, { briefId, creatorId: winner!.id });
    succeeded(await acceptBid(server, brand.owner, winning.id), 'bidAccept');
    expect(errorCodes(await submitBid(server, late!.actor, { briefId, creatorId: late!.id }), 'bidSubmit')).toEqual(['BRIEF_NOT_OPEN']);
    expect(await bidsOnBrief(briefId)).toBe(1);
  });
});

describe('closeActiveBids', () => {
  it('leaves no bid it closed with its old status in the identity map, so none is moved or flushed back from it', async () => {
    const briefId = await createBrief(server, brand);
    const [first, second] = await createCreators(server, 2);
    const loadedBid = await placeBid(server, first!.actor, { briefId, creatorId: first!.id });
    await placeBid(server, second!.actor, { briefId, creatorId: second!.id });
    await server.app.orm.em.fork().transactional(async (em) => {
      const loaded = await em.findOneOrFail(Bid, rowId(loadedBid.id));
      expect(await closeActiveBids({ em, viewer: null }, { briefId: rowId(briefId), brandId: rowId(brand.brandId) })).toBe(2);
      expect(loaded.status).toBe('NOT_SELECTED');
      expect(() => moveBid(loaded, 'WITHDRAW')).toThrow(Problem);
      loaded.pitch = 'Changed after closing';
    });
    expect(await server.sql('select status, pitch from bid where id = ?', [rowId(loadedBid.id)])).toEqual([{ status: 'NOT_SELECTED', pitch: 'Changed after closing' }]);
  });
});

describe('withdrawing an invitation', () => {
  const INVITE = InviteToBriefDocument;
  const UNINVITE = UninviteFromBriefDocument;

  it('closes the active bids only that invitation allowed, as NOT_SELECTED', async () => {
    const invitee = await createCreator(server, 'uninvited-later');
    const rosterOnly = await createCreator(server, 'roster-only');
    const alsoInvited = await createCreator(server, 'also-invited');
    const agency = await createAgency(server, [rosterOnly, alsoInvited]);
    const briefId = await createBrief(server, brand, { visibility: 'INVITE_ONLY' }, false);
    succeeded(
      await server.graphql(INVITE, { id: briefId, input: { creatorIds: [invitee.id, alsoInvited.id], agencyIds: [agency.agencyId] } }, { token: brand.owner.token }),
      'briefInvite',
    );
    succeeded(await server.graphql(PublishBriefDocument, { id: briefId }, { token: brand.owner.token }), 'briefPublish');
    const inviteeBid = await placeBid(server, invitee.actor, { briefId, creatorId: invitee.id });
    const rosterOnlyBid = await placeBid(server, agency.member, { briefId, creatorId: rosterOnly.id, agencyId: agency.agencyId });
    const alsoInvitedBid = await placeBid(server, agency.member, { briefId, creatorId: alsoInvited.id, agencyId: agency.agencyId });

    const invitations = (
      await server.graphql(BriefInvitationsDocument, { id: briefId }, { token: brand.owner.token })
    ).data!.node!.invitations!;
    const invitationOf = (id: string) => invitations.find((invitation) => invitation.creator?.id === id || invitation.agency?.id === id)!.id;
    const uninvite = async (id: string) =>
      succeeded(await server.graphql(UNINVITE, { id: briefId, invitationId: invitationOf(id) }, { token: brand.owner.token }), 'briefUninvite');

    await uninvite(invitee.id);
    expect(await statusOf(inviteeBid.id)).toBe('NOT_SELECTED');
    expect(await statusOf(rosterOnlyBid.id)).toBe('SUBMITTED');
    expect(await statusOf(alsoInvitedBid.id)).toBe('SUBMITTED');

    // The agency's bid for a creator invited in their own right still stands.
    await uninvite(agency.agencyId);
    expect(await statusOf(rosterOnlyBid.id)).toBe('NOT_SELECTED');
    expect(await statusOf(alsoInvitedBid.id)).toBe('SUBMITTED');
  });

  // Without an idempotency key the bid read the brief before it queued and its write finds the
  // invitation gone (NOT_INVITED). With one, its transaction reads only once it holds the brief's
  // lock, and an invite-only brief that no longer invites the bidder is hidden from them (NOT_FOUND).
  it.each([
    ['without', 'NOT_INVITED'],
    ['with', 'NOT_FOUND'],
  ] as const)('refuses a bid that queued on the brief while its invitation was being withdrawn, %s an idempotency key (%s), so no bid outlives the withdrawal', async (key, refusal) => {
    const invitee = await createCreator(server, 'uninvited-meanwhile');
    const briefId = await createBrief(server, brand, { visibility: 'INVITE_ONLY' }, false);
    succeeded(await server.graphql(INVITE, { id: briefId, input: { creatorIds: [invitee.id] } }, { token: brand.owner.token }), 'briefInvite');
    succeeded(await server.graphql(PublishBriefDocument, { id: briefId }, { token: brand.owner.token }), 'briefPublish');

    // A withdrawal in progress, as briefUninvite makes it: the brief locked, the invitation gone,
    // not yet committed. The bid queues on the brief's lock meanwhile.
    const withdrawal = server.app.orm.em.fork();
    await withdrawal.begin();
    try {
      await withdrawal.execute('select id from brief where id = ? for update', [rowId(briefId)]);
      await withdrawal.execute('delete from brief_invitation where brief_id = ? and creator_id = ?', [rowId(briefId), rowId(invitee.id)]);
      const pending = submitBid(server, invitee.actor, { briefId, creatorId: invitee.id }, key === 'with' ? { key: `queued-${briefId}` } : {});
      await until(async () => (await count(server, `select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`)) > 0, 'the bid waits on the brief');
      await withdrawal.commit();
      expect(errorCodes(await pending, 'bidSubmit')).toEqual([refusal]);
    } finally {
      if (withdrawal.isInTransaction()) await withdrawal.rollback();
    }
    expect(await bidsOnBrief(briefId)).toBe(0);
  });
});

describe('locks', () => {
  it('are not taken for someone who may not act: another brand gets NOT_FOUND and the wrong side FORBIDDEN while the bid is locked', async () => {
    const briefId = await createBrief(server, brand);
    const creator = await createCreator(server);
    const bid = await placeBid(server, creator.actor, { briefId, creatorId: creator.id });
    const otherBrand = await createBrand(server);
    const attempts = [
      [otherBrand.owner, 'shortlist', 'NOT_FOUND'],
      [creator.actor, 'shortlist', 'FORBIDDEN'],
      [brand.owner, 'withdraw', 'FORBIDDEN'],
    ] as const;
    for (const [actor, mutation, code] of attempts) {
      const { answeredWhileLocked, result } = await answerWhileRowLocked(server, 'bid', rowId(bid.id), () => act(actor, mutation, { id: bid.id }));
      expect(answeredWhileLocked, `${mutation} ${code}`).toBe(true);
      if (code === 'FORBIDDEN') expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      else expect(errorCodes(result as never, FIELD_BY_MUTATION[mutation])).toEqual([code]);
    }
    expect(await statusOf(bid.id)).toBe('SUBMITTED');
  });
});

describe('credentials that expire', () => {
  it('stop counting without anyone asking: housekeeping refreshes the profile, and the bid rules see it', async () => {
    const quick = await startTestServer({ HOUSEKEEPING_INTERVAL_MS: '200' });
    try {
      const admin = await signUpAdmin(quick);
      const clinical = await createBrand(quick, ['DERMATOLOGIST']);
      const briefId = await createBrief(quick, clinical);
      const creator = await createCreator(quick, 'expiring');
      const submitted = succeeded(
        await quick.graphql(
          SubmitCredentialForBidsDocument,
          { input: { type: 'DERMATOLOGIST', issuer: 'Shanghai Medical Council', licenseNumber: 'D-1', expiresAt: new Date(Date.now() + 2500).toISOString() } },
          { token: creator.actor.token },
        ),
        'credentialSubmit',
      );
      succeeded(
        await quick.graphql(VerifyCredentialForBidsDocument, { id: submitted.credential.id }, { token: admin.token }),
        'credentialVerify',
      );
      const typesOf = async () =>
        (await quick.sql<{ types: string[] }>('select verified_credential_types as types from creator where id = ?', [rowId(creator.id)]))[0]!.types;
      expect(await typesOf()).toEqual(['DERMATOLOGIST', 'PHYSICIAN']);

      const giveUpAt = Date.now() + 10_000;
      while ((await typesOf()).length > 0 && Date.now() < giveUpAt) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await typesOf()).toEqual([]);
      const refused = await submitBid(quick, creator.actor, { briefId, creatorId: creator.id });
      expect(errorCodes(refused, 'bidSubmit')).toEqual(['MISSING_CREDENTIAL']);
    } finally {
      await quick.stop();
    }
  });
});

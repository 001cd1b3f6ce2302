import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_MONEY_AMOUNT } from '../src/common/money.js';
import { toGlobalId } from '../src/graphql/global-id.js';
import { type Actor, errorCodes, signUp, signUpAdmin, succeeded } from './support/actors.js';
import {
  acceptBid,
  addBrandMember,
  BID_FIELDS,
  BID_MUTATIONS,
  type BidPayloadResult,
  type BidView,
  type Brand,
  count,
  createAgency,
  createBrand,
  createBrief,
  createCreator,
  createTrader,
  deliverable,
  inDays,
  placeBid,
  rowId,
  submitBid,
  type Talent,
  terms,
} from './support/bids.js';
import { startTestServer, type TestServer } from './support/test-server.js';

let server: TestServer;
let brand: Brand;
beforeAll(async () => {
  server = await startTestServer();
  brand = await createBrand(server);
});
afterAll(() => server?.stop());

const bidsOnBrief = (briefId: string) => count(server, 'select count(*)::int as n from bid where brief_id = ?', [rowId(briefId)]);
const revisionsOf = (bidId: string) => count(server, 'select count(*)::int as n from bid_revision where bid_id = ?', [rowId(bidId)]);

function act(actor: Actor, mutation: keyof typeof BID_MUTATIONS, variables: Record<string, unknown>) {
  return server.graphql(BID_MUTATIONS[mutation], variables, { token: actor.token }) as Promise<BidPayloadResult>;
}

const FIELD_BY_MUTATION = {
  shortlist: 'bidShortlist',
  reject: 'bidReject',
  counter: 'bidCounter',
  revise: 'bidRevise',
  counterAccept: 'bidCounterAccept',
  withdraw: 'bidWithdraw',
} as const;

async function actOk(actor: Actor, mutation: keyof typeof FIELD_BY_MUTATION, variables: Record<string, unknown>): Promise<BidView> {
  return succeeded<{ bid: BidView }>((await act(actor, mutation, variables)) as never, FIELD_BY_MUTATION[mutation]).bid;
}

async function codesOf(actor: Actor, mutation: keyof typeof FIELD_BY_MUTATION, variables: Record<string, unknown>): Promise<string[]> {
  return errorCodes((await act(actor, mutation, variables)) as never, FIELD_BY_MUTATION[mutation]);
}

/** The top-level error code of a refused request (FORBIDDEN, …). */
async function topLevelCode(actor: Actor, mutation: keyof typeof FIELD_BY_MUTATION, variables: Record<string, unknown>): Promise<string | undefined> {
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
    const agreed = await actOk(creator.actor, 'counterAccept', { id: bid.id });
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

    const after = await server.graphql<{ node: { status: string; slotsFilled: number; bids: { edges: { node: { id: string; status: string; deal: { id: string } | null } }[] } } }>(
      `query($id: ID!) { node(id: $id) { ... on Brief { status slotsFilled bids { edges { node { id status deal { id } } } } } } }`,
      { id: briefId },
      { token: brand.owner.token },
    );
    expect(after.data?.node.status).toBe('AWARDED');
    expect(after.data?.node.slotsFilled).toBe(1);
    const statuses = Object.fromEntries(after.data!.node.bids.edges.map(({ node }) => [node.id, node.status]));
    expect(statuses).toEqual({ [bid.id]: 'ACCEPTED', [rivalBid.id]: 'NOT_SELECTED' });
    expect(after.data?.node.bids.edges.find(({ node }) => node.id === bid.id)?.node.deal?.id).toBe(deal!.id);
    expect(await count(server, 'select active_deal_count as n from creator where id = ?', [rowId(creator.id)])).toBe(1);

    // The deal is the parties' business.
    const dealNode = `query($id: ID!) { node(id: $id) { id ... on Deal { status terms { fixedFee { amount } } } } }`;
    for (const party of [brand.owner, colleague, creator.actor]) {
      expect((await server.graphql<{ node: { id: string } | null }>(dealNode, { id: deal!.id }, { token: party.token })).data?.node?.id).toBe(deal!.id);
    }
    for (const outsider of [rival.actor, await signUp(server, 'nosy')]) {
      expect((await server.graphql<{ node: unknown }>(dealNode, { id: deal!.id }, { token: outsider.token })).data?.node).toBeNull();
    }
    expect((await server.graphql<{ node: unknown }>(dealNode, { id: deal!.id })).data?.node).toBeNull();
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
    expect(await codesOf(creator.actor, 'counterAccept', { id: bid.id })).toEqual(['ILLEGAL_TRANSITION']);
    await actOk(brand.owner, 'shortlist', { id: bid.id });
    expect(await codesOf(brand.owner, 'shortlist', { id: bid.id })).toEqual(['ILLEGAL_TRANSITION']);
    expect(await revisionsOf(bid.id)).toBe(1);
  });

  it('refuses bidAccept with COUNTER_PENDING while the brand’s own counter awaits the bidder', async () => {
    await actOk(brand.owner, 'counter', { id: bid.id, terms: terms({ commissionBp: 800 }) });
    const result = await acceptBid(server, brand.owner, bid.id);
    expect(errorCodes(result as never, 'bidAccept')).toEqual(['COUNTER_PENDING']);
    expect(await count(server, 'select count(*)::int as n from deal where bid_id = ?', [rowId(bid.id)])).toBe(0);
    expect(await count(server, 'select slots_filled as n from brief where id = ?', [rowId(briefId)])).toBe(0);
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
      expect(await codesOf(actor, mutation, { id: bid.id })).toEqual(['NOT_FOUND']);
      expect(await codesOf(actor, mutation, { id: missing })).toEqual(['NOT_FOUND']);
    }
    expect(errorCodes((await acceptBid(server, otherBrand.owner, bid.id)) as never, 'bidAccept')).toEqual(['NOT_FOUND']);
    expect(errorCodes((await acceptBid(server, otherBrand.owner, 'not-an-id')) as never, 'bidAccept')).toEqual(['NOT_FOUND']);
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
    const result = await submitBid(server, creator.actor, { briefId, creatorId: creator.id, terms: terms(change) });
    expect(errorCodes(result as never, 'bidSubmit')).toEqual([code]);
    expect(result.data?.bidSubmit.userErrors[0]?.field).toEqual(field);
    expect(await bidsOnBrief(briefId)).toBe(0);
  });

  it('refuses a pitch over 5000 characters', async () => {
    const briefId = await createBrief(server, brand);
    const creator = await createCreator(server);
    const result = await submitBid(server, creator.actor, { briefId, creatorId: creator.id, pitch: 'x'.repeat(5001) });
    expect(errorCodes(result as never, 'bidSubmit')).toEqual(['OUT_OF_RANGE']);
    expect(await bidsOnBrief(briefId)).toBe(0);
  });

  it('takes bids only on OPEN briefs before the deadline (BRIEF_NOT_OPEN)', async () => {
    const creator = await createCreator(server);
    const closed = await createBrief(server, brand);
    succeeded((await server.graphql(`mutation($id: ID!) { briefClose(id: $id) { brief { id } userErrors { code } } }`, { id: closed }, { token: brand.owner.token })) as never, 'briefClose');
    const expired = await createBrief(server, brand);
    await server.sql(`update brief set deadline = now() - interval '1 minute' where id = ?`, [rowId(expired)]);
    for (const briefId of [closed, expired]) {
      expect(errorCodes((await submitBid(server, creator.actor, { briefId, creatorId: creator.id })) as never, 'bidSubmit')).toEqual(['BRIEF_NOT_OPEN']);
      expect(await bidsOnBrief(briefId)).toBe(0);
    }
  });

  it('answers NOT_FOUND for a brief the bidder may not see: a draft, another brand’s invite-only brief, a bad id', async () => {
    const creator = await createCreator(server);
    const draft = await createBrief(server, brand, {}, false);
    const inviteOnly = await createBrief(server, brand, { visibility: 'INVITE_ONLY' });
    for (const briefId of [draft, inviteOnly, 'garbage', toGlobalId('Brief', '00000000-0000-4000-8000-000000000000')]) {
      const result = await submitBid(server, creator.actor, { briefId, creatorId: creator.id });
      expect(errorCodes(result as never, 'bidSubmit')).toEqual(['NOT_FOUND']);
      expect(result.data?.bidSubmit.userErrors[0]?.field).toEqual(['input', 'briefId']);
    }
  });

  it('requires every credential the brief and its products require, verified (MISSING_CREDENTIAL)', async () => {
    const clinical = await createBrand(server, ['DERMATOLOGIST']);
    const briefId = await createBrief(server, clinical, { requiredCredentials: ['NUTRITIONIST'] });
    const dermatologist = await createCreator(server, 'derm', { credentials: ['DERMATOLOGIST', 'PHYSICIAN'] });
    const both = await createCreator(server, 'both', { credentials: ['DERMATOLOGIST', 'PHYSICIAN', 'NUTRITIONIST'] });
    const result = await submitBid(server, dermatologist.actor, { briefId, creatorId: dermatologist.id });
    expect(errorCodes(result as never, 'bidSubmit')).toEqual(['MISSING_CREDENTIAL']);
    expect(result.data?.bidSubmit.userErrors[0]?.message).toContain('NUTRITIONIST');
    await placeBid(server, both.actor, { briefId, creatorId: both.id });
    expect(await bidsOnBrief(briefId)).toBe(1);
  });

  it('requires the brief’s minimum credibility level (BELOW_MIN_LEVEL)', async () => {
    const briefId = await createBrief(server, brand, { minCredibilityLevel: 'L4' });
    const novice = await createCreator(server, 'novice', { level: 3 });
    const expert = await createCreator(server, 'expert', { level: 4 });
    expect(errorCodes((await submitBid(server, novice.actor, { briefId, creatorId: novice.id })) as never, 'bidSubmit')).toEqual(['BELOW_MIN_LEVEL']);
    await placeBid(server, expert.actor, { briefId, creatorId: expert.id });
    expect(await bidsOnBrief(briefId)).toBe(1);
  });

  it('refuses a creator at capacity (AT_CAPACITY)', async () => {
    const briefId = await createBrief(server, brand);
    const busy = await createCreator(server, 'busy', { capacity: 2, activeDeals: 2 });
    expect(errorCodes((await submitBid(server, busy.actor, { briefId, creatorId: busy.id })) as never, 'bidSubmit')).toEqual(['AT_CAPACITY']);
    expect(await bidsOnBrief(briefId)).toBe(0);
  });

  it('allows one active bid per talent and brief (ALREADY_BID), even when both arrive at once', async () => {
    const briefId = await createBrief(server, brand);
    const creator = await createCreator(server);
    await placeBid(server, creator.actor, { briefId, creatorId: creator.id });
    expect(errorCodes((await submitBid(server, creator.actor, { briefId, creatorId: creator.id })) as never, 'bidSubmit')).toEqual(['ALREADY_BID']);

    const racer = await createCreator(server, 'racer');
    const racingBrief = await createBrief(server, brand);
    const results = await Promise.all(Array.from({ length: 5 }, () => submitBid(server, racer.actor, { briefId: racingBrief, creatorId: racer.id })));
    const codes = results.map((result) => errorCodes(result as never, 'bidSubmit')[0] ?? 'OK');
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

    expect(errorCodes((await submitBid(server, creator.actor, { briefId: operated, creatorId: creator.id, terms: liveStream })) as never, 'bidSubmit')).toEqual(['WRONG_BIDDER_KIND']);
    expect(errorCodes((await submitBid(server, operator.actor, { briefId: seeding, traderId: operator.id })) as never, 'bidSubmit')).toEqual(['WRONG_BIDDER_KIND']);
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
    expect(errorCodes((await submitBid(server, creator.actor, { briefId })) as never, 'bidSubmit')).toEqual(['INVALID']);
    expect(errorCodes((await submitBid(server, creator.actor, { briefId, creatorId: creator.id, traderId: operator.id })) as never, 'bidSubmit')).toEqual(['INVALID']);
    expect(errorCodes((await submitBid(server, creator.actor, { briefId, creatorId: 'nonsense' })) as never, 'bidSubmit')).toEqual(['NOT_FOUND']);
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
    expect(errorCodes(refused as never, 'bidSubmit')).toEqual(['NOT_ON_ROSTER']);
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

    await actOk(agency.member, 'counterAccept', { id: bid.id });
    const accepted = await acceptBid(server, brand.owner, bid.id);
    expect(accepted.data?.bidAccept.deal).toMatchObject({ agency: { id: agency.agencyId }, creator: { id: member.id }, terms: { agencyShareBp: 1600 } });
  });

  it('may bid on an invite-only brief when the agency or the talent is invited, not otherwise (NOT_INVITED)', async () => {
    const invitedTalent = await createCreator(server, 'invited');
    const uninvitedTalent = await createCreator(server, 'uninvited');
    const agency = await createAgency(server, [invitedTalent, uninvitedTalent]);
    const briefId = await createBrief(server, brand, { visibility: 'INVITE_ONLY' }, false);
    succeeded(
      (await server.graphql(`mutation($id: ID!, $input: BriefInviteInput!) { briefInvite(id: $id, input: $input) { brief { id } userErrors { code } } }`, { id: briefId, input: { creatorIds: [invitedTalent.id] } }, { token: brand.owner.token })) as never,
      'briefInvite',
    );
    succeeded((await server.graphql(`mutation($id: ID!) { briefPublish(id: $id) { brief { id } userErrors { code } } }`, { id: briefId }, { token: brand.owner.token })) as never, 'briefPublish');

    // The agency sees the brief through its invited roster member, but may bid only for that member.
    const refused = await submitBid(server, agency.member, { briefId, creatorId: uninvitedTalent.id, agencyId: agency.agencyId });
    expect(errorCodes(refused as never, 'bidSubmit')).toEqual(['NOT_INVITED']);
    await placeBid(server, agency.member, { briefId, creatorId: invitedTalent.id, agencyId: agency.agencyId });
    expect(await bidsOnBrief(briefId)).toBe(1);

    const agencyInvited = await createBrief(server, brand, { visibility: 'INVITE_ONLY' }, false);
    await server.graphql(`mutation($id: ID!, $input: BriefInviteInput!) { briefInvite(id: $id, input: $input) { brief { id } } }`, { id: agencyInvited, input: { agencyIds: [agency.agencyId] } }, { token: brand.owner.token });
    await server.graphql(`mutation($id: ID!) { briefPublish(id: $id) { brief { id } } }`, { id: agencyInvited }, { token: brand.owner.token });
    await placeBid(server, agency.member, { briefId: agencyInvited, creatorId: uninvitedTalent.id, agencyId: agency.agencyId });
    // Invited through the agency, not themself: on their own the creator may not bid.
    expect(errorCodes((await submitBid(server, invitedTalent.actor, { briefId: agencyInvited, creatorId: invitedTalent.id })) as never, 'bidSubmit')).toEqual(['NOT_FOUND']);
  });
});

describe('who sees bids', () => {
  const BRIEF_VIEW = /* GraphQL */ `query($id: ID!) { node(id: $id) { ... on Brief {
    bidCount feeRange { min { amount currency } max { amount currency } }
    bids { totalCount edges { node { ${BID_FIELDS} } } }
  } } }`;
  interface BriefView {
    bidCount: number;
    feeRange: { min: { amount: number; currency: string }; max: { amount: number; currency: string } } | null;
    bids: { totalCount: number; edges: { node: BidView }[] };
  }
  const briefAs = async (briefId: string, actor?: Actor) =>
    (await server.graphql<{ node: BriefView }>(BRIEF_VIEW, { id: briefId }, actor ? { token: actor.token } : {})).data!.node;
  const bidNode = async (bidId: string, actor?: Actor) =>
    (await server.graphql<{ node: { id: string } | null }>(`query($id: ID!) { node(id: $id) { id ... on Bid { status } } }`, { id: bidId }, actor ? { token: actor.token } : {})).data?.node ?? null;

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
    const nested = await server.graphql<{ node: { brief: { bids: { edges: { node: { id: string; creator: { id: string } } }[] } } } }>(
      `query($id: ID!) { node(id: $id) { ... on Bid { brief { bids { edges { node { id creator { id } } } } } } } }`,
      { id: aliceBid.id },
      { token: alice.actor.token },
    );
    expect(nested.data?.node.brief.bids.edges).toEqual([{ node: { id: aliceBid.id, creator: { id: alice.id } } }]);

    // Creator.bids: Bob's list is his alone.
    const bobsList = `query($id: ID!) { node(id: $id) { ... on Creator { bids { totalCount edges { node { id } } } } } }`;
    expect((await server.graphql<{ node: { bids: unknown } }>(bobsList, { id: bob.id }, { token: alice.actor.token })).data?.node.bids).toBeNull();
    expect((await server.graphql<{ node: { bids: unknown } }>(bobsList, { id: bob.id }, { token: brand.owner.token })).data?.node.bids).toBeNull();
    expect((await server.graphql<{ node: { bids: { edges: { node: { id: string } }[] } } }>(bobsList, { id: bob.id }, { token: bob.actor.token })).data?.node.bids.edges).toContainEqual({
      node: { id: bobBid.id },
    });

    // The agency sees its own bid; the creator it bid for sees it too.
    const asAgency = await briefAs(briefId, agency.member);
    expect(asAgency.bids.edges.map(({ node }) => node.id)).toEqual([agencyBid.id]);
    expect(asAgency.feeRange).toBeNull();
    expect(await bidNode(agencyBid.id, agencyTalent.actor)).toMatchObject({ id: agencyBid.id });
    const agencyList = `query($id: ID!) { node(id: $id) { ... on Agency { bids { edges { node { id } } } } } }`;
    expect((await server.graphql<{ node: { bids: { edges: unknown[] } } }>(agencyList, { id: agency.agencyId }, { token: agency.member.token })).data?.node.bids.edges).toContainEqual({
      node: { id: agencyBid.id },
    });
    expect((await server.graphql<{ node: { bids: unknown } }>(agencyList, { id: agency.agencyId }, { token: alice.actor.token })).data?.node.bids).toBeNull();

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

  it('OPEN: bidders also see the count and the fee range of active bids, never who bid', async () => {
    const { briefId, aliceBid, bobBid } = await briefWithThreeBids('OPEN');
    const asAlice = await briefAs(briefId, alice.actor);
    expect(asAlice.bidCount).toBe(3);
    expect(asAlice.feeRange).toEqual({ min: { amount: 500_000, currency: 'CNY' }, max: { amount: 900_000, currency: 'CNY' } });
    expect(asAlice.bids.edges.map(({ node }) => node.id)).toEqual([aliceBid.id]);
    expect(await bidNode(bobBid.id, alice.actor)).toBeNull();
    const anonymous = await briefAs(briefId);
    expect(anonymous).toMatchObject({ bidCount: 3, feeRange: { min: { amount: 500_000 } }, bids: { totalCount: 0 } });

    // Withdrawn bids leave the count and the range.
    await actOk(bob.actor, 'withdraw', { id: bobBid.id });
    expect(await briefAs(briefId, alice.actor)).toMatchObject({ bidCount: 2, feeRange: { min: { amount: 500_000 }, max: { amount: 700_000 } } });
  });

  it('pages a brief’s bids and filters them by status, for the brand', async () => {
    const { briefId, aliceBid } = await briefWithThreeBids('SEALED');
    await actOk(brand.owner, 'shortlist', { id: aliceBid.id });
    const page = async (variables: Record<string, unknown>) =>
      (
        await server.graphql<{ node: { bids: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { id: string } }[] } } }>(
          `query($id: ID!, $first: Int, $after: String, $statuses: [BidStatus!]) { node(id: $id) { ... on Brief {
            bids(first: $first, after: $after, statuses: $statuses) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } } } }`,
          { id: briefId, ...variables },
          { token: brand.owner.token },
        )
      ).data!.node.bids;
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
      const result = await server.graphql<{ briefs: { edges: { node: { bidCount: number; bids: { edges: unknown[] } } }[] } }>(
        `query($brandId: ID!) { briefs(filter: { brandId: $brandId }) { edges { node { id bidCount feeRange { min { amount } }
          bids(first: 10) { totalCount edges { node { id status currentTerms { fixedFee { amount } } revisions { number authorName } creator { id displayName } agency { id name } } } } } } } }`,
        { brandId: listing.brandId },
        { token: listing.owner.token },
      );
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
  const CANCEL = `mutation($id: ID!, $reason: String!) { briefCancel(id: $id, reason: $reason) { brief { status cancellationReason } userErrors { code field } } }`;

  it('needs a reason, and changes nothing without one', async () => {
    const briefId = await createBrief(server, brand);
    const result = await server.graphql(CANCEL, { id: briefId, reason: '   ' }, { token: brand.owner.token });
    expect(errorCodes(result as never, 'briefCancel')).toEqual(['OUT_OF_RANGE']);
    expect(await count(server, `select count(*)::int as n from brief where id = ? and status = 'OPEN'`, [rowId(briefId)])).toBe(1);
  });

  it('closes every open bid as NOT_SELECTED and tells bidders why', async () => {
    const briefId = await createBrief(server, brand);
    const first = await createCreator(server, 'cancel-first');
    const second = await createCreator(server, 'cancel-second');
    const submitted = await placeBid(server, first.actor, { briefId, creatorId: first.id });
    const withdrawn = await placeBid(server, second.actor, { briefId, creatorId: second.id });
    succeeded((await act(second.actor, 'withdraw', { id: withdrawn.id })) as never, 'bidWithdraw');

    const result = await server.graphql(CANCEL, { id: briefId, reason: 'Launch postponed to spring' }, { token: brand.owner.token });
    expect(succeeded<{ brief: { status: string; cancellationReason: string } }>(result as never, 'briefCancel').brief).toEqual({
      status: 'CANCELLED',
      cancellationReason: 'Launch postponed to spring',
    });
    const statuses = await server.sql<{ id: string; status: string }>('select id, status from bid where brief_id = ?', [rowId(briefId)]);
    expect(Object.fromEntries(statuses.map((row) => [row.id, row.status]))).toEqual({
      [rowId(submitted.id)]: 'NOT_SELECTED',
      [rowId(withdrawn.id)]: 'WITHDRAWN',
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bidChannels } from '../src/bid/bid.events.js';
import { dealChannel } from '../src/deal/deal.events.js';

const channels = { ...bidChannels, deal: dealChannel };
import { BrandMemberRemoveForEventsDocument, BriefBidEventsDocument, DealEventsDocument, MyBidEventsDocument } from './generated/graphql.js';
import { signUp, succeeded } from './support/actors.js';
import { acceptBid, addBrandMember, BID_MUTATIONS, type Brand, createAgency, createBrand, createBrief, createCreator, createCreators, placeBid, rowId, submitBid, terms } from './support/bids.js';
import { markDelivered, OUTCOME_MUTATIONS } from './support/deal-outcomes.js';
import { makeDeal } from './support/deals.js';
import { subscribe, until, wsClient } from './support/subscriptions.js';
import { useTestServer } from './support/test-server.js';

const server = useTestServer();
let brand: Brand;
const clients: { dispose(): void | Promise<void> }[] = [];
beforeAll(async () => {
  brand = await createBrand(server);
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
});

function connect(token?: string) {
  const client = wsClient(server.url, token);
  clients.push(client);
  return client;
}

const BID_EVENTS = BriefBidEventsDocument;
const MEMBER_REMOVE = BrandMemberRemoveForEventsDocument;
const MY_BIDS = MyBidEventsDocument;

/** Waits until the server listens on `channel`, so that what is committed next reaches the subscriber. */
const listening = (channel: string) => until(() => server.app.liveEvents.listenerCount(channel) > 0, `someone listens on ${channel}`);

describe('bid events for the brand', () => {
  it('tells members of the brand about bids submitted, revised and withdrawn on their brief, as committed', async () => {
    const briefId = await createBrief(server, brand);
    const member = connect(brand.owner.token);
    const events = subscribe(member, BID_EVENTS, { briefId });
    await listening(channels.bidsOfBrief(rowId(briefId)));

    const creator = await createCreator(server, 'eager');
    const bid = await placeBid(server, creator.actor, { briefId, creatorId: creator.id });
    expect((await events.next()).data?.bidEvents).toEqual({ kind: 'SUBMITTED', occurredAt: expect.any(String), bid: { id: bid.id, status: 'SUBMITTED', currentRevision: { number: 1 } } });

    succeeded(await server.graphql(BID_MUTATIONS.revise, { id: bid.id, terms: terms({ commissionBp: 1500 }) }, { token: creator.actor.token }), 'bidRevise');
    expect((await events.next()).data?.bidEvents).toMatchObject({ kind: 'REVISED', bid: { id: bid.id, status: 'SUBMITTED', currentRevision: { number: 2 } } });

    succeeded(await server.graphql(BID_MUTATIONS.withdraw, { id: bid.id }, { token: creator.actor.token }), 'bidWithdraw');
    expect((await events.next()).data?.bidEvents).toMatchObject({ kind: 'WITHDRAWN', bid: { id: bid.id, status: 'WITHDRAWN' } });
  });

  it('publishes nothing for a mutation that was refused', async () => {
    const briefId = await createBrief(server, brand);
    const events = subscribe(connect(brand.owner.token), BID_EVENTS, { briefId });
    await listening(channels.bidsOfBrief(rowId(briefId)));
    const [first, second] = await createCreators(server, 2);
    const bid = await placeBid(server, first!.actor, { briefId, creatorId: first!.id });
    expect((await events.next()).data?.bidEvents.bid.id).toBe(bid.id);

    const refused = await submitBid(server, first!.actor, { briefId, creatorId: first!.id });
    expect(refused.data?.bidSubmit.userErrors.map((error) => error.code)).toEqual(['ALREADY_BID']);
    // The next event is the next committed change, not the refused one.
    const later = await placeBid(server, second!.actor, { briefId, creatorId: second!.id });
    expect((await events.next()).data?.bidEvents).toMatchObject({ kind: 'SUBMITTED', bid: { id: later.id } });
  });

  it('stops telling a member the brand removed, on the socket they still hold open', async () => {
    const briefId = await createBrief(server, brand);
    const colleague = await addBrandMember(server, brand);
    const ownerEvents = subscribe(connect(brand.owner.token), BID_EVENTS, { briefId });
    const colleagueEvents = subscribe(connect(colleague.token), BID_EVENTS, { briefId });
    await until(() => server.app.liveEvents.listenerCount(channels.bidsOfBrief(rowId(briefId))) >= 2, 'both members listen');
    const [first, second] = await createCreators(server, 2);

    const before = await placeBid(server, first!.actor, { briefId, creatorId: first!.id });
    expect((await colleagueEvents.next()).data?.bidEvents.bid.id).toBe(before.id);
    expect((await ownerEvents.next()).data?.bidEvents.bid.id).toBe(before.id);

    succeeded(await server.graphql(MEMBER_REMOVE, { brandId: brand.brandId, userEmail: colleague.email }, { token: brand.owner.token }), 'brandMemberRemove');
    const after = await placeBid(server, second!.actor, { briefId, creatorId: second!.id });
    expect((await ownerEvents.next()).data?.bidEvents.bid.id).toBe(after.id);
    // Delivered to both sockets from one publish: by the time the owner has it, the former member's
    // check has long run. Nothing comes.
    const nothing = Symbol('nothing');
    expect(await Promise.race([colleagueEvents.next(), new Promise((resolve) => setTimeout(() => resolve(nothing), 500))])).toBe(nothing);
  });

  it('refuses the brief’s bids to anyone outside its brand: bidders, other brands, anonymous clients', async () => {
    const briefId = await createBrief(server, brand);
    const creator = await createCreator(server, 'competitor');
    await placeBid(server, creator.actor, { briefId, creatorId: creator.id });
    const otherBrand = await createBrand(server);

    const asBidder = await subscribe(connect(creator.actor.token), BID_EVENTS, { briefId }).next();
    expect(asBidder.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    const asOtherBrand = await subscribe(connect(otherBrand.owner.token), BID_EVENTS, { briefId }).next();
    expect(asOtherBrand.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    const anonymous = await subscribe(connect(), BID_EVENTS, { briefId }).next();
    expect(anonymous.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    const unknownBrief = await subscribe(connect(brand.owner.token), BID_EVENTS, { briefId: 'nope' }).next();
    expect(unknownBrief.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('bid status changes for the bidding side', () => {
  it('tells the talent and the agency that bid for them, and never a competitor, however sealed the brief', async () => {
    const briefId = await createBrief(server, brand, { biddingMode: 'SEALED', slots: 1 });
    const [represented, competitor] = await createCreators(server, 2);
    const agency = await createAgency(server, [represented!]);

    const talentEvents = subscribe(connect(represented!.actor.token), MY_BIDS, {});
    const agencyEvents = subscribe(connect(agency.member.token), MY_BIDS, {});
    const competitorEvents = subscribe(connect(competitor!.actor.token), MY_BIDS, {});
    await listening(channels.bidsOfCreator(rowId(represented!.id)));
    await listening(channels.bidsOfAgency(rowId(agency.agencyId)));
    await listening(channels.bidsOfCreator(rowId(competitor!.id)));

    // Each event is read when it is delivered, so both sides take it in before the next change.
    const bothHear = async (bidId: string, kind: string, status: string) => {
      for (const events of [talentEvents, agencyEvents]) {
        expect((await events.next()).data!.myBidStatusChanged).toMatchObject({ kind, bid: { id: bidId, status } });
      }
    };
    const bid = await placeBid(server, agency.member, { briefId, creatorId: represented!.id, agencyId: agency.agencyId });
    await bothHear(bid.id, 'SUBMITTED', 'SUBMITTED');
    succeeded(await server.graphql(BID_MUTATIONS.shortlist, { id: bid.id }, { token: brand.owner.token }), 'bidShortlist');
    await bothHear(bid.id, 'SHORTLISTED', 'SHORTLISTED');
    const competing = await placeBid(server, competitor!.actor, { briefId, creatorId: competitor!.id });
    expect((await competitorEvents.next()).data!.myBidStatusChanged).toMatchObject({ kind: 'SUBMITTED', bid: { id: competing.id, status: 'SUBMITTED' } });
    succeeded(await acceptBid(server, brand.owner, bid.id), 'bidAccept');
    await bothHear(bid.id, 'ACCEPTED', 'ACCEPTED');

    // The competitor hears of their own bid only: submitted, then closed when the last slot went to another.
    expect((await competitorEvents.next()).data!.myBidStatusChanged).toMatchObject({ kind: 'NOT_SELECTED', bid: { id: competing.id, status: 'NOT_SELECTED' } });
    expect(competitorEvents.pending()).toEqual([]);
    expect(talentEvents.pending()).toEqual([]);
  });

  it('is for talent and agency members only', async () => {
    const outsider = await signUp(server, 'no-profile');
    const result = await subscribe(connect(outsider.token), MY_BIDS, {}).next();
    expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});

describe('deal events for the parties', () => {
  const DEAL_EVENTS = DealEventsDocument;

  it('tells both sides of a deal about its deliverables and its settlement, and nobody else may follow it', async () => {
    const deal = await makeDeal(server, { brand, viaAgency: true });
    const brandEvents = subscribe(connect(brand.owner.token), DEAL_EVENTS, { dealId: deal.dealId });
    const agencyEvents = subscribe(connect(deal.agency!.member.token), DEAL_EVENTS, { dealId: deal.dealId });
    await until(() => server.app.liveEvents.listenerCount(channels.deal(rowId(deal.dealId))) === 2, 'both sides listen on the deal');
    const stranger = await createCreator(server, 'stranger');
    const refused = await subscribe(connect(stranger.actor.token), DEAL_EVENTS, { dealId: deal.dealId }).next();
    expect(refused.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);

    await markDelivered(server, deal);
    // Each event is read when it is delivered, so the deal is settled only once both sides heard of its delivery.
    for (const events of [brandEvents, agencyEvents]) {
      const submitted = (await events.next()).data!.dealEvents;
      expect(submitted).toMatchObject({ kind: 'DELIVERABLE', subjectId: expect.any(String), deal: { id: deal.dealId } });
      expect((await events.next()).data!.dealEvents).toMatchObject({ kind: 'DELIVERABLE', subjectId: submitted.subjectId, deal: { status: 'DELIVERED' } });
      // The last approval delivered the deal.
      expect((await events.next()).data!.dealEvents).toEqual({ kind: 'STATUS_CHANGED', subjectId: null, deal: { id: deal.dealId, status: 'DELIVERED' } });
    }
    succeeded(await server.graphql(OUTCOME_MUTATIONS.settle, { id: deal.dealId }, { token: brand.owner.token }), 'dealSettle');
    for (const events of [brandEvents, agencyEvents]) {
      expect((await events.next()).data!.dealEvents).toEqual({ kind: 'SETTLEMENT', subjectId: null, deal: { id: deal.dealId, status: 'SETTLED' } });
    }
  });
});

describe('the connection', () => {
  it('is closed with 4403 and the reason when the token is not valid', async () => {
    const client = connect('not-a-token');
    expect(await client.closed).toMatchObject({ code: 4403, reason: expect.stringMatching(/token is not valid/) });
  });

  it('holds subscription documents to the query limits of HTTP', async () => {
    const nested = 'brief { bids(first: 1) { edges { node { '.repeat(4) + 'id' + ' } } } }'.repeat(4);
    const result = await subscribe(connect(brand.owner.token), `subscription($briefId: ID!) { bidEvents(briefId: $briefId) { bid { ${nested} } } }`, {
      briefId: await createBrief(server, brand),
    }).next();
    expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['QUERY_TOO_DEEP']);
  });

  it('runs subscriptions only: queries and mutations go over HTTP', async () => {
    const result = await subscribe(connect(brand.owner.token), '{ viewer { id } }').next();
    expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });
});

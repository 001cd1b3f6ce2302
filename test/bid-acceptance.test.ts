import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../src/graphql/global-id.js';
import { RosterMembershipEndForAcceptanceDocument } from './generated/graphql.js';
import { errorCodes, succeeded } from './support/actors.js';
import {
  acceptBid,
  BID_MUTATIONS,
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
  terms,
} from './support/bids.js';
import { useTestServer } from './support/test-server.js';

const server = useTestServer();
let brand: Brand;
beforeAll(async () => {
  brand = await createBrand(server);
});

const dealsOnBrief = (briefId: string) => count(server, 'select count(*)::int as n from deal where brief_id = ?', [rowId(briefId)]);
const slotsFilled = (briefId: string) => count(server, 'select slots_filled as n from brief where id = ?', [rowId(briefId)]);

describe('accepting bids concurrently', () => {
  it('fills exactly the brief’s 3 slots from 30 simultaneous accepts: 3 deals, 27 typed refusals, no server error', async () => {
    const briefId = await createBrief(server, brand, { slots: 3 });
    const bidders = await createCreators(server, 30);
    const bids = await Promise.all(bidders.map((bidder) => placeBid(server, bidder.actor, { briefId, creatorId: bidder.id })));
    // Agree every bid: the brand counters, each bidder says yes.
    await Promise.all(
      bids.map(async (bid, index) => {
        succeeded(await server.graphql(BID_MUTATIONS.counter, { id: bid.id, terms: terms({ commissionBp: 1100 }) }, { token: brand.owner.token }), 'bidCounter');
        const agreed = succeeded(
          await server.graphql(BID_MUTATIONS.counterAccept, { id: bid.id, revision: 2 }, { token: bidders[index]!.actor.token }),
          'bidCounterAccept',
        );
        expect(agreed.bid.status).toBe('AGREED');
      }),
    );

    const results = await Promise.all(bids.map((bid) => acceptBid(server, brand.owner, bid.id, { revision: 2 })));
    for (const result of results) {
      expect(result.status).toBe(200);
      expect(result.errors).toBeUndefined();
    }
    const accepted = results.filter((result) => result.data!.bidAccept.userErrors.length === 0);
    const refused = results.filter((result) => result.data!.bidAccept.userErrors.length > 0);
    expect(accepted).toHaveLength(3);
    expect(refused).toHaveLength(27);
    for (const result of refused) {
      expect(result.data!.bidAccept.userErrors.map((error) => error.code)).toEqual(['SLOTS_FULL']);
      expect(result.data!.bidAccept.deal).toBeNull();
    }
    expect(new Set(accepted.map((result) => result.data!.bidAccept.deal!.id)).size).toBe(3);

    expect(await dealsOnBrief(briefId)).toBe(3);
    expect(await slotsFilled(briefId)).toBe(3);
    const [brief] = await server.sql<{ status: string; awarded_at: Date | null }>('select status, awarded_at from brief where id = ?', [rowId(briefId)]);
    expect(brief).toMatchObject({ status: 'AWARDED' });
    expect(brief!.awarded_at).not.toBeNull();
    const statuses = await server.sql<{ status: string; n: number }>('select status, count(*)::int as n from bid where brief_id = ? group by status order by status', [rowId(briefId)]);
    expect(statuses).toEqual([
      { status: 'ACCEPTED', n: 3 },
      { status: 'NOT_SELECTED', n: 27 },
    ]);
    // Only the three winners took on a deal.
    expect(await count(server, 'select sum(active_deal_count)::int as n from creator where id = any(?::uuid[])', [`{${bidders.map((bidder) => rowId(bidder.id)).join(',')}}`])).toBe(3);
  });

  it('refuses to accept on an awarded brief, and refuses the bidders’ moves on their closed bids', async () => {
    const briefId = await createBrief(server, brand, { slots: 1 });
    const [winner, loser] = await createCreators(server, 2);
    const winning = await placeBid(server, winner!.actor, { briefId, creatorId: winner!.id });
    const losing = await placeBid(server, loser!.actor, { briefId, creatorId: loser!.id });
    expect((await acceptBid(server, brand.owner, winning.id)).data?.bidAccept.userErrors).toEqual([]);
    expect(errorCodes(await acceptBid(server, brand.owner, losing.id), 'bidAccept')).toEqual(['SLOTS_FULL']);
    const withdraw = await server.graphql(BID_MUTATIONS.withdraw, { id: losing.id }, { token: loser!.actor.token });
    expect(errorCodes(withdraw, 'bidWithdraw')).toEqual(['BRIEF_NOT_OPEN']);
    expect(await dealsOnBrief(briefId)).toBe(1);
  });
});

describe('capacity at acceptance', () => {
  it('refuses with AT_CAPACITY when the talent filled up after bidding, and takes no slot', async () => {
    const briefId = await createBrief(server, brand);
    const creator = await createCreator(server, 'busy-later', { capacity: 1 });
    const bid = await placeBid(server, creator.actor, { briefId, creatorId: creator.id });
    await server.sql('update creator set active_deal_count = 1 where id = ?', [rowId(creator.id)]);
    expect(errorCodes(await acceptBid(server, brand.owner, bid.id), 'bidAccept')).toEqual(['AT_CAPACITY']);
    expect(await slotsFilled(briefId)).toBe(0);
    expect(await dealsOnBrief(briefId)).toBe(0);
    expect(await count(server, "select count(*)::int as n from bid where id = ? and status = 'SUBMITTED'", [rowId(bid.id)])).toBe(1);
  });

  it('counts an operator’s deal against the operator’s capacity', async () => {
    const briefId = await createBrief(server, brand, { objective: 'OPERATED_SELF_BROADCAST', formats: ['LIVE_STREAM'] });
    const operator = await createTrader(server, 'operator', { capacity: 2 });
    const bid = await placeBid(server, operator.actor, { briefId, traderId: operator.id, terms: terms({ deliverables: [deliverable({ format: 'LIVE_STREAM' })] }) });
    const result = await acceptBid(server, brand.owner, bid.id);
    expect(result.data?.bidAccept.deal).toMatchObject({ trader: { id: operator.id }, creator: null });
    expect(await count(server, 'select active_deal_count as n from trader where id = ?', [rowId(operator.id)])).toBe(1);
  });

  it('accepts after the deadline: a CLOSED brief stops bids, not decisions', async () => {
    const briefId = await createBrief(server, brand);
    const creator = await createCreator(server);
    const bid = await placeBid(server, creator.actor, { briefId, creatorId: creator.id });
    await server.sql(`update brief set deadline = now() - interval '1 minute' where id = ?`, [rowId(briefId)]);
    const result = await acceptBid(server, brand.owner, bid.id);
    expect(result.data?.bidAccept.userErrors).toEqual([]);
    expect(result.data?.bidAccept.deal?.brief.status).toBe('CLOSED');
  });
});

describe('eligibility at acceptance', () => {
  const bidStatus = async (bidId: string) => (await server.sql<{ status: string }>('select status from bid where id = ?', [rowId(bidId)]))[0]!.status;

  it('refuses an agency’s bid once the talent has left its roster (NOT_ON_ROSTER), and takes no slot', async () => {
    const briefId = await createBrief(server, brand);
    const talent = await createCreator(server, 'leaves-agency');
    const agency = await createAgency(server, [talent]);
    const bid = await placeBid(server, agency.member, { briefId, creatorId: talent.id, agencyId: agency.agencyId });
    const [membership] = await server.sql<{ id: string }>('select id from roster_membership where creator_id = ?', [rowId(talent.id)]);
    succeeded(
      await server.graphql(
        RosterMembershipEndForAcceptanceDocument,
        { id: toGlobalId('RosterMembership', membership!.id) },
        { token: talent.actor.token },
      ),
      'rosterMembershipEnd',
    );
    expect(errorCodes(await acceptBid(server, brand.owner, bid.id), 'bidAccept')).toEqual(['NOT_ON_ROSTER']);
    expect(await slotsFilled(briefId)).toBe(0);
    expect(await dealsOnBrief(briefId)).toBe(0);
    expect(await bidStatus(bid.id)).toBe('SUBMITTED');
  });

  it('refuses a talent who lost a required credential (MISSING_CREDENTIAL) or fell below the minimum level (BELOW_MIN_LEVEL) since bidding', async () => {
    const clinical = await createBrand(server, ['DERMATOLOGIST']);
    const briefId = await createBrief(server, clinical, { minCredibilityLevel: 'L4' });
    const lapsed = await createCreator(server, 'lapsed', { credentials: ['DERMATOLOGIST', 'PHYSICIAN'], level: 4 });
    const demoted = await createCreator(server, 'demoted', { credentials: ['DERMATOLOGIST', 'PHYSICIAN'], level: 4 });
    const lapsedBid = await placeBid(server, lapsed.actor, { briefId, creatorId: lapsed.id });
    const demotedBid = await placeBid(server, demoted.actor, { briefId, creatorId: demoted.id });
    await server.sql(`update creator set verified_credential_types = '{}' where id = ?`, [rowId(lapsed.id)]);
    await server.sql('update creator set credibility_level = 3 where id = ?', [rowId(demoted.id)]);

    expect(errorCodes(await acceptBid(server, clinical.owner, lapsedBid.id), 'bidAccept')).toEqual(['MISSING_CREDENTIAL']);
    expect(errorCodes(await acceptBid(server, clinical.owner, demotedBid.id), 'bidAccept')).toEqual(['BELOW_MIN_LEVEL']);
    expect(await slotsFilled(briefId)).toBe(0);
    expect(await dealsOnBrief(briefId)).toBe(0);
    expect([await bidStatus(lapsedBid.id), await bidStatus(demotedBid.id)]).toEqual(['SUBMITTED', 'SUBMITTED']);
  });
});

describe('idempotent retries', () => {
  it('bidSubmit: the same key and input return the first bid and write no second; other input is IDEMPOTENCY_KEY_REUSED', async () => {
    const briefId = await createBrief(server, brand);
    const creator = await createCreator(server);
    const key = randomUUID();
    // A retry resends the very same request, due dates included.
    const input = { briefId, creatorId: creator.id, terms: terms() };
    const first = await submitBid(server, creator.actor, input, { key });
    const retry = await submitBid(server, creator.actor, input, { key });
    expect(first.data?.bidSubmit.userErrors).toEqual([]);
    expect(retry.data?.bidSubmit.userErrors).toEqual([]);
    expect(retry.data?.bidSubmit.bid?.id).toBe(first.data?.bidSubmit.bid?.id);
    // The header works as well as the argument.
    const byHeader = await submitBid(server, creator.actor, input, { headers: { 'idempotency-key': key } });
    expect(byHeader.data?.bidSubmit.bid?.id).toBe(first.data?.bidSubmit.bid?.id);

    const changed = await submitBid(server, creator.actor, { ...input, terms: terms({ commissionBp: 1234 }) }, { key });
    expect(errorCodes(changed, 'bidSubmit')).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    const otherDueDate = await submitBid(server, creator.actor, { ...input, terms: terms({ deliverables: [deliverable({ dueAt: inDays(40) })] }) }, { key });
    expect(errorCodes(otherDueDate, 'bidSubmit')).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    expect(await count(server, 'select count(*)::int as n from bid where brief_id = ?', [rowId(briefId)])).toBe(1);
    expect(await count(server, 'select count(*)::int as n from bid_revision where bid_id = ?', [rowId(first.data!.bidSubmit.bid!.id)])).toBe(1);
  });

  it('bidAccept: the same key returns the first deal without filling a second slot; another bid with it is IDEMPOTENCY_KEY_REUSED', async () => {
    const briefId = await createBrief(server, brand, { slots: 3 });
    const [one, two] = await createCreators(server, 2);
    const bid = await placeBid(server, one!.actor, { briefId, creatorId: one!.id });
    const otherBid = await placeBid(server, two!.actor, { briefId, creatorId: two!.id });
    const key = randomUUID();
    const first = await acceptBid(server, brand.owner, bid.id, { key });
    const retries = await Promise.all([acceptBid(server, brand.owner, bid.id, { key }), acceptBid(server, brand.owner, bid.id, { headers: { 'Idempotency-Key': key } })]);
    expect(first.data?.bidAccept.userErrors).toEqual([]);
    for (const retry of retries) {
      expect(retry.data?.bidAccept.userErrors).toEqual([]);
      expect(retry.data?.bidAccept.deal?.id).toBe(first.data?.bidAccept.deal?.id);
      expect(retry.data?.bidAccept.bid).toMatchObject({ id: bid.id, status: 'ACCEPTED' });
    }
    expect(await dealsOnBrief(briefId)).toBe(1);
    expect(await slotsFilled(briefId)).toBe(1);

    expect(errorCodes(await acceptBid(server, brand.owner, otherBid.id, { key }), 'bidAccept')).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    expect(await dealsOnBrief(briefId)).toBe(1);
    // Without the key, accepting the same bid again is simply refused.
    expect(errorCodes(await acceptBid(server, brand.owner, bid.id), 'bidAccept')).toEqual(['ILLEGAL_TRANSITION']);
  });
});

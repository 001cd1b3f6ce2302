import { describe, expect, it } from 'vitest';
import { toGlobalId } from '../src/graphql/global-id.js';
import {
  AmendmentAnswerDocument,
  AmendmentStatusDocument,
  DealAmendmentListDocument,
  DealAmendmentPageDocument,
  DealAmendmentsInDepthDocument,
  DealStatusAndAmendmentsDocument,
  DisputeCancelDealDocument,
  DisputeOpenForAmendmentsDocument,
  NodeIdDocument,
} from './generated/graphql.js';
import { type Actor, errorCodes, signUp, signUpAdmin, succeeded, userErrorsOf } from './support/actors.js';
import { addBrandMember, count, inDays, rowId } from './support/bids.js';
import { createDeal, propose, readDeal, run, termsInForce } from './support/deals.js';
import { useTestServer } from './support/test-server.js';

const server = useTestServer();

const amendmentsOf = (dealId: string) => count(server, 'select count(*)::int as n from deal_amendment where deal_id = ?', [rowId(dealId)]);
const versionsOf = (dealId: string) => count(server, 'select count(*)::int as n from deal_terms where deal_id = ?', [rowId(dealId)]);

describe('proposing and accepting an amendment', () => {
  it('writes the next terms version when the other side accepts, and keeps version 1 exactly as it was', async () => {
    const { dealId, brand, talent } = await createDeal(server);
    const before = await readDeal(server, brand.owner, dealId);

    const terms = await termsInForce(server, talent.actor, dealId, { fixedFee: { amount: 950_000, currency: 'CNY' }, usageRightsDays: 180, feePayment: 'ON_SETTLEMENT' });
    const proposed = succeeded(
      await run(server, talent.actor, 'propose', { input: { dealId, reason: '  Two more revisions requested  ', terms } }),
      'dealAmendmentPropose',
    ).amendment;
    expect(proposed).toMatchObject({ side: 'TALENT', status: 'PROPOSED', reason: 'Two more revisions requested', baseVersion: 1, resultingVersion: null, proposedByName: 'deal-creator' });
    expect(proposed.proposedTerms).toMatchObject({ version: 2, fixedFee: { amount: 950_000 }, usageRightsDays: 180, feePayment: 'ON_SETTLEMENT', refundWindowDays: 7 });
    // A proposal changes nothing until it is accepted.
    expect((await readDeal(server, brand.owner, dealId))!.terms.version).toBe(1);

    const accepted = succeeded(
      await run(server, brand.owner, 'accept', { id: proposed.id }),
      'dealAmendmentAccept',
    );
    expect(accepted.amendment).toMatchObject({ status: 'ACCEPTED', resultingVersion: 2, answeredByName: 'brand-owner' });
    expect(accepted.deal.terms.version).toBe(2);

    const after = await readDeal(server, talent.actor, dealId);
    expect(after!.terms).toMatchObject({ version: 2, fixedFee: { amount: 950_000 }, feePayment: 'ON_SETTLEMENT' });
    expect(after!.termsHistory.map((version) => version.version)).toEqual([1, 2]);
    expect(after!.termsHistory[0]).toEqual(before!.termsHistory[0]);
    expect(await versionsOf(dealId)).toBe(2);
  });

  it('lets the brand propose and the talent reject with a reason; the terms stay', async () => {
    const { dealId, brand, talent } = await createDeal(server);
    const amendmentId = await propose(server, brand.owner, dealId, { commissionBp: 500 }, 'Margins are thin');
    const rejected = succeeded(
      await run(server, talent.actor, 'reject', { id: amendmentId, reason: 'Commission is the point of this deal' }),
      'dealAmendmentReject',
    );
    expect(rejected.amendment).toMatchObject({ side: 'BRAND', status: 'REJECTED', answerReason: 'Commission is the point of this deal', resultingVersion: null });
    expect((await readDeal(server, brand.owner, dealId))!.terms).toMatchObject({ version: 1, commissionBp: 1000 });
    expect(await versionsOf(dealId)).toBe(1);
    // A rejected amendment takes no second answer.
    expect(errorCodes(await run(server, talent.actor, 'accept', { id: amendmentId }), 'dealAmendmentAccept')).toEqual(['ILLEGAL_TRANSITION']);
    expect(await versionsOf(dealId)).toBe(1);
  });

  it('lists the deal’s amendments newest first, whatever became of them', async () => {
    const { dealId, brand, talent } = await createDeal(server);
    const first = await propose(server, brand.owner, dealId, { commissionBp: 900 }, 'first');
    succeeded(await run(server, brand.owner, 'withdraw', { id: first }), 'dealAmendmentWithdraw');
    const second = await propose(server, talent.actor, dealId, { commissionBp: 1200 }, 'second');
    const result = await server.graphql(DealAmendmentListDocument, { id: dealId }, { token: talent.actor.token });
    expect(result.data!.node!.amendments!.totalCount).toBe(2);
    expect(result.data!.node!.amendments!.edges.map((edge) => edge.node)).toEqual([
      { id: second, status: 'PROPOSED' },
      { id: first, status: 'WITHDRAWN' },
    ]);

    // Paging on from the first page's cursor.
    const one = (await server.graphql(DealAmendmentPageDocument, { id: dealId }, { token: brand.owner.token })).data!.node!.amendments!;
    expect(one.edges.map((edge) => edge.node.id)).toEqual([second]);
    expect(one.pageInfo.hasNextPage).toBe(true);
    const two = (await server.graphql(DealAmendmentPageDocument, { id: dealId, after: one.pageInfo.endCursor }, { token: brand.owner.token })).data!.node!.amendments!;
    expect(two.edges.map((edge) => edge.node.id)).toEqual([first]);
    expect(two.pageInfo.hasNextPage).toBe(false);
  });
});

describe('who may answer', () => {
  it('refuses an answer from the proposing side with WRONG_SIDE, and a withdrawal from the other side', async () => {
    const { dealId, brand, talent } = await createDeal(server);
    const colleague = await addBrandMember(server, brand);
    const amendmentId = await propose(server, brand.owner, dealId, { commissionBp: 800 });
    expect(errorCodes(await run(server, brand.owner, 'accept', { id: amendmentId }), 'dealAmendmentAccept')).toEqual(['WRONG_SIDE']);
    expect(errorCodes(await run(server, colleague, 'accept', { id: amendmentId }), 'dealAmendmentAccept')).toEqual(['WRONG_SIDE']);
    expect(errorCodes(await run(server, colleague, 'reject', { id: amendmentId }), 'dealAmendmentReject')).toEqual(['WRONG_SIDE']);
    expect(errorCodes(await run(server, talent.actor, 'withdraw', { id: amendmentId }), 'dealAmendmentWithdraw')).toEqual(['WRONG_SIDE']);
    const [row] = await server.sql<{ status: string }>('select status from deal_amendment where id = ?', [rowId(amendmentId)]);
    expect(row!.status).toBe('PROPOSED');
    expect(await versionsOf(dealId)).toBe(1);
    // Another member of the proposing side may take it back.
    succeeded(await run(server, colleague, 'withdraw', { id: amendmentId }), 'dealAmendmentWithdraw');
  });

  it('puts the agency acting for the talent on the talent’s side, and keeps the agency’s share out of amendments', async () => {
    const { dealId, brand, talent, agency } = await createDeal(server, { viaAgency: true });
    const byTalent = await propose(server, talent.actor, dealId, { commissionBp: 1300 });
    expect(errorCodes(await run(server, agency!.member, 'accept', { id: byTalent }), 'dealAmendmentAccept')).toEqual(['WRONG_SIDE']);
    succeeded(await run(server, agency!.member, 'withdraw', { id: byTalent }), 'dealAmendmentWithdraw');

    // The share is agreed between the talent and the agency: neither the brand nor the agency
    // changes it through the deal, since the other side to answer would be the brand alone.
    for (const [actor, agencyShareBp] of [[brand.owner, 500], [agency!.member, 2500]] as const) {
      const restated = await termsInForce(server, actor, dealId, { agencyShareBp });
      const answer = await run(server, actor, 'propose', { input: { dealId, reason: 'Another share', terms: restated } });
      expect(errorCodes(answer, 'dealAmendmentPropose')).toEqual(['INVALID']);
    }
    expect(await versionsOf(dealId)).toBe(1);
    const before = (await readDeal(server, talent.actor, dealId))!.terms.agencyShareBp;
    const byAgency = await propose(server, agency!.member, dealId, { commissionBp: 1400 }, 'Longer live slot');
    succeeded(await run(server, brand.owner, 'accept', { id: byAgency }), 'dealAmendmentAccept');
    expect((await readDeal(server, talent.actor, dealId))!.terms).toMatchObject({ version: 2, commissionBp: 1400, agencyShareBp: before });
  });

  it('refuses someone who acts for both sides: they would be agreeing with themself', async () => {
    const { dealId, brand, talent } = await createDeal(server);
    const other = await addBrandMember(server, brand);
    await server.sql(`insert into brand_member (id, brand_id, user_id, role, created_at) values (gen_random_uuid(), ?, ?, 'MEMBER', now())`, [rowId(brand.brandId), rowId(talent.actor.userId)]);
    const byBrand = await propose(server, other, dealId, { commissionBp: 700 });
    expect(errorCodes(await run(server, talent.actor, 'accept', { id: byBrand }), 'dealAmendmentAccept')).toEqual(['WRONG_SIDE']);
    expect(await versionsOf(dealId)).toBe(1);
  });

  it('shows admins the amendments but lets them answer none (FORBIDDEN)', async () => {
    const { dealId, brand } = await createDeal(server);
    const admin = await signUpAdmin(server);
    const amendmentId = await propose(server, brand.owner, dealId, { commissionBp: 700 });
    const seen = await server.graphql(AmendmentStatusDocument, { id: amendmentId }, { token: admin.token });
    expect(seen.data!.node).toEqual({ status: 'PROPOSED' });
    const answer = await run(server, admin, 'accept', { id: amendmentId });
    expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await versionsOf(dealId)).toBe(1);
  });
});

describe('bad input writes nothing', () => {
  it('refuses an amendment to a SETTLED, CANCELLED or DISPUTED deal with ILLEGAL_TRANSITION', async () => {
    for (const status of ['SETTLED', 'CANCELLED', 'DISPUTED']) {
      const { dealId, talent } = await createDeal(server);
      const terms = await termsInForce(server, talent.actor, dealId, { commissionBp: 1500 });
      await server.sql('update deal set status = ? where id = ?', [status, rowId(dealId)]);
      const result = await run(server, talent.actor, 'propose', { input: { dealId, reason: 'Late change', terms } });
      expect(errorCodes(result, 'dealAmendmentPropose'), status).toEqual(['ILLEGAL_TRANSITION']);
      expect(result.data!.dealAmendmentPropose!.userErrors[0]!.message).toContain(status);
      expect(await amendmentsOf(dealId)).toBe(0);
    }
  });

  it('refuses to accept a proposal once the deal was settled, and writes no version', async () => {
    const { dealId, brand, talent } = await createDeal(server);
    const amendmentId = await propose(server, talent.actor, dealId, { commissionBp: 1500 });
    await server.sql(`update deal set status = 'SETTLED' where id = ?`, [rowId(dealId)]);
    expect(errorCodes(await run(server, brand.owner, 'accept', { id: amendmentId }), 'dealAmendmentAccept')).toEqual(['ILLEGAL_TRANSITION']);
    expect(await versionsOf(dealId)).toBe(1);
    const [row] = await server.sql<{ status: string }>('select status from deal_amendment where id = ?', [rowId(amendmentId)]);
    expect(row!.status).toBe('PROPOSED');
  });

  it('refuses to accept new work whose due date passed while the proposal waited (OUT_OF_RANGE), and writes no version', async () => {
    const { dealId, brand, talent } = await createDeal(server);
    const terms = await termsInForce(server, talent.actor, dealId);
    const deliverables = [...terms.deliverables, { format: 'SHORT_VIDEO' as const, platform: 'DOUYIN' as const, dueAt: inDays(3), description: 'Bonus clip' }];
    const amendmentId = await propose(server, talent.actor, dealId, { deliverables }, 'One more clip');
    // The brand waits past the new due date.
    await server.sql(`update deal_amendment set deliverables = jsonb_set(deliverables, '{2,dueAt}', to_jsonb(?::text)) where id = ?`, [inDays(-1), rowId(amendmentId)]);
    const result = await run(server, brand.owner, 'accept', { id: amendmentId });
    expect(result.data!.dealAmendmentAccept!.userErrors.map((error) => [error.code, error.field])).toEqual([['OUT_OF_RANGE', ['id']]]);
    expect(result.data!.dealAmendmentAccept!.userErrors[0]!.message).toContain('Bonus clip');
    expect(await versionsOf(dealId)).toBe(1);
    expect(await count(server, 'select count(*)::int as n from deal_deliverable where deal_id = ?', [rowId(dealId)])).toBe(2);
    // The proposer can still take it back and propose new dates.
    succeeded(await run(server, talent.actor, 'withdraw', { id: amendmentId }), 'dealAmendmentWithdraw');
  });

  it('refuses a second open proposal with AMENDMENT_PENDING', async () => {
    const { dealId, brand, talent } = await createDeal(server);
    await propose(server, talent.actor, dealId, { commissionBp: 1500 });
    const terms = await termsInForce(server, brand.owner, dealId, { commissionBp: 500 });
    expect(errorCodes(await run(server, brand.owner, 'propose', { input: { dealId, reason: 'Counter', terms } }), 'dealAmendmentPropose')).toEqual(['AMENDMENT_PENDING']);
    expect(await amendmentsOf(dealId)).toBe(1);
  });

  it.each([
    ['an empty reason', { reason: '   ' }, 'OUT_OF_RANGE', ['input', 'reason']],
    ['a reason over 2000 characters', { reason: 'x'.repeat(2001) }, 'OUT_OF_RANGE', ['input', 'reason']],
    ['another currency', { fixedFee: { amount: 900_000, currency: 'USD' } }, 'CURRENCY_MISMATCH', ['input', 'terms', 'fixedFee', 'currency']],
    ['the terms in force unchanged', {}, 'INVALID', ['input', 'terms']],
    ['a refund window over 365 days', { refundWindowDays: 400 }, 'OUT_OF_RANGE', ['input', 'terms', 'refundWindowDays']],
    ['a negative fee', { fixedFee: { amount: -1, currency: 'CNY' } }, 'OUT_OF_RANGE', ['input', 'terms', 'fixedFee', 'amount']],
    ['a new due date in the past', { deliverables: [{ format: 'SHORT_VIDEO', platform: 'DOUYIN', dueAt: inDays(-2), description: 'Backdated' }] }, 'OUT_OF_RANGE', ['input', 'terms', 'deliverables', '0', 'dueAt']],
  ])('refuses %s', async (_, change, code, field) => {
    const { dealId, talent } = await createDeal(server);
    const { reason, ...termChanges } = change as { reason?: string };
    const terms = await termsInForce(server, talent.actor, dealId, termChanges);
    const result = await run(server, talent.actor, 'propose', { input: { dealId, reason: reason ?? 'Because', terms } });
    expect(result.data!.dealAmendmentPropose!.userErrors.map((error) => [error.code, error.field])).toEqual([[code, field]]);
    expect(await amendmentsOf(dealId)).toBe(0);
  });
});

describe('a proposal the deal outlives', () => {
  const statusOf = async (actor: Actor, amendmentId: string) =>
    (await server.graphql(AmendmentAnswerDocument, { id: amendmentId }, { token: actor.token })).data!.node;
  const storedStatus = async (amendmentId: string) => (await server.sql<{ status: string }>('select status from deal_amendment where id = ?', [rowId(amendmentId)]))[0]!.status;

  it('lapses when the deal is disputed, stays lapsed when an admin cancels it, and takes no answer, not even a withdrawal', async () => {
    const { dealId, brand, talent } = await createDeal(server);
    const admin = await signUpAdmin(server);
    const amendmentId = await propose(server, talent.actor, dealId, { commissionBp: 1500 });
    const opened = await server.graphql(DisputeOpenForAmendmentsDocument, { id: dealId, reason: 'The unboxing never went live' }, { token: brand.owner.token });
    const disputeId = succeeded(opened, 'dealDisputeOpen').dispute.id;
    expect(await statusOf(brand.owner, amendmentId)).toEqual({ status: 'LAPSED', answeredAt: null });

    for (const [actor, mutation, field] of [
      [brand.owner, 'accept', 'dealAmendmentAccept'],
      [brand.owner, 'reject', 'dealAmendmentReject'],
      [talent.actor, 'withdraw', 'dealAmendmentWithdraw'],
    ] as const) {
      const result = await run(server, actor, mutation, { id: amendmentId });
      expect(errorCodes(result as never, field), mutation).toEqual(['ILLEGAL_TRANSITION']);
      expect((userErrorsOf(result as never, field)?.[0] as { message: string }).message).toContain('lapsed when the deal became DISPUTED');
    }

    const resolved = await server.graphql(DisputeCancelDealDocument, { id: disputeId, note: 'Nothing was delivered' }, { token: admin.token });
    succeeded(resolved, 'dealDisputeResolve');
    const listed = (await server.graphql(DealStatusAndAmendmentsDocument, { id: dealId }, { token: talent.actor.token })).data!.node!;
    expect(listed.status).toBe('CANCELLED');
    expect(listed.amendments!.edges.map((edge) => edge.node)).toEqual([{ id: amendmentId, status: 'LAPSED' }]);
    expect(errorCodes(await run(server, talent.actor, 'withdraw', { id: amendmentId }), 'dealAmendmentWithdraw')).toEqual(['ILLEGAL_TRANSITION']);
    expect(await storedStatus(amendmentId)).toBe('PROPOSED');
    expect(await versionsOf(dealId)).toBe(1);
  });

  it.each(['SETTLED', 'CANCELLED'])('reads LAPSED on a %s deal and refuses a rejection and a withdrawal with ILLEGAL_TRANSITION', async (status) => {
    const { dealId, brand, talent } = await createDeal(server);
    const amendmentId = await propose(server, brand.owner, dealId, { commissionBp: 600 });
    await server.sql('update deal set status = ? where id = ?', [status, rowId(dealId)]);
    expect(await statusOf(talent.actor, amendmentId)).toEqual({ status: 'LAPSED', answeredAt: null });
    expect(errorCodes(await run(server, talent.actor, 'reject', { id: amendmentId, reason: 'Too late' }), 'dealAmendmentReject')).toEqual(['ILLEGAL_TRANSITION']);
    expect(errorCodes(await run(server, brand.owner, 'withdraw', { id: amendmentId }), 'dealAmendmentWithdraw')).toEqual(['ILLEGAL_TRANSITION']);
    expect(await storedStatus(amendmentId)).toBe('PROPOSED');
  });

  it('keeps an answer given before the deal ended', async () => {
    const { dealId, brand, talent } = await createDeal(server);
    const amendmentId = await propose(server, brand.owner, dealId, { commissionBp: 600 });
    succeeded(await run(server, talent.actor, 'reject', { id: amendmentId }), 'dealAmendmentReject');
    await server.sql(`update deal set status = 'SETTLED' where id = ?`, [rowId(dealId)]);
    expect((await statusOf(talent.actor, amendmentId))?.status).toBe('REJECTED');
  });
});

describe('concurrency', () => {
  it('writes one new version from two simultaneous accepts; the other is refused', async () => {
    const { dealId, brand, talent } = await createDeal(server);
    const colleague = await addBrandMember(server, brand);
    const amendmentId = await propose(server, talent.actor, dealId, { commissionBp: 1400 });
    const results = await Promise.all([run(server, brand.owner, 'accept', { id: amendmentId }), run(server, colleague, 'accept', { id: amendmentId })]);
    const codes = results.map((result) => errorCodes(result, 'dealAmendmentAccept'));
    expect(codes.filter((list) => list.length === 0)).toHaveLength(1);
    expect(codes.filter((list) => list.length > 0)).toEqual([['ILLEGAL_TRANSITION']]);
    expect(await versionsOf(dealId)).toBe(2);
    expect((await readDeal(server, talent.actor, dealId))!.termsHistory.map((version) => version.version)).toEqual([1, 2]);
  });

  it('keeps one open proposal from ten simultaneous ones', async () => {
    const { dealId, talent } = await createDeal(server);
    const terms = await termsInForce(server, talent.actor, dealId);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, index) => run(server, talent.actor, 'propose', { input: { dealId, reason: `Try ${index}`, terms: { ...terms, commissionBp: 1100 + index } } })),
    );
    const codes = results.map((result) => errorCodes(result, 'dealAmendmentPropose'));
    expect(codes.filter((list) => list.length === 0)).toHaveLength(1);
    expect(codes.filter((list) => list.length > 0).every((list) => list.join() === 'AMENDMENT_PENDING')).toBe(true);
    expect(await amendmentsOf(dealId)).toBe(1);
  });
});

describe('reading', () => {
  it('reads a deal’s amendments, with their status, names and proposed terms, in as many statements for 5 as for 1', async () => {
    const statementsFor = async (amendments: number) => {
      const { dealId, brand, talent } = await createDeal(server);
      const colleague = await addBrandMember(server, brand);
      for (let index = 0; index < amendments; index += 1) {
        const amendmentId = await propose(server, index % 2 ? colleague : talent.actor, dealId, { commissionBp: 1100 + index }, `Try ${index}`);
        succeeded(await run(server, index % 2 ? talent.actor : brand.owner, 'reject', { id: amendmentId }), 'dealAmendmentReject');
      }
      server.resetQueryCount();
      const result = await server.graphql(DealAmendmentsInDepthDocument, { id: dealId }, { token: talent.actor.token });
      expect(result.data!.node!.amendments!.edges.map((edge) => edge.node.status)).toEqual(Array.from({ length: amendments }, () => 'REJECTED'));
      return server.queryCount();
    };
    expect(await statementsFor(5)).toBe(await statementsFor(1));
  });
});

describe('outsiders', () => {
  it('see no amendment and get NOT_FOUND for every move, exactly as for a missing id', async () => {
    const { dealId, talent } = await createDeal(server);
    const stranger = await signUp(server, 'stranger');
    const amendmentId = await propose(server, talent.actor, dealId, { commissionBp: 1500 });
    const missing = toGlobalId('DealAmendment', '00000000-0000-4000-8000-000000000000');
    const seen = await server.graphql(NodeIdDocument, { id: amendmentId }, { token: stranger.token });
    expect(seen.data!.node).toBeNull();
    expect(await readDeal(server, stranger, dealId)).toBeNull();
    for (const mutation of ['accept', 'reject', 'withdraw'] as const) {
      const field = { accept: 'dealAmendmentAccept', reject: 'dealAmendmentReject', withdraw: 'dealAmendmentWithdraw' }[mutation];
      const real = await run(server, stranger, mutation, { id: amendmentId });
      const absent = await run(server, stranger, mutation, { id: missing });
      expect(userErrorsOf(real as never, field)).toEqual(userErrorsOf(absent as never, field));
      expect(errorCodes(real as never, field)).toEqual(['NOT_FOUND']);
    }
    const terms = await termsInForce(server, talent.actor, dealId, { commissionBp: 1600 });
    expect(errorCodes(await run(server, stranger, 'propose', { input: { dealId, reason: 'Mine now', terms } }), 'dealAmendmentPropose')).toEqual(['NOT_FOUND']);
    const [row] = await server.sql<{ status: string }>('select status from deal_amendment where id = ?', [rowId(amendmentId)]);
    expect(row!.status).toBe('PROPOSED');
    expect(await amendmentsOf(dealId)).toBe(1);
  });
});

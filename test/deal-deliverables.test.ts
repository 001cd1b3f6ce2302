import { describe, expect, it } from 'vitest';
import { deliverableTally } from '../src/deal/deliverable/deliverable-tally.js';
import { toGlobalId } from '../src/graphql/global-id.js';
import { NodeIdDocument } from './generated/graphql.js';
import { errorCodes, signUp, succeeded, userErrorsOf } from './support/actors.js';
import { addBrandMember, count, createAgency, createBrand, createCreator, deliverable, inDays, rowId } from './support/bids.js';
import { createDeal, propose, readDeal, run } from './support/deals.js';
import { useTestServer } from './support/test-server.js';

const server = useTestServer();

const PROOF = 'https://www.douyin.com/video/7301234567890';
const submissionsOf = (deliverableId: string) => count(server, 'select count(*)::int as n from deliverable_submission where deliverable_id = ?', [rowId(deliverableId)]);
const statusOf = async (deliverableId: string) => (await server.sql<{ status: string }>('select status from deal_deliverable where id = ?', [rowId(deliverableId)]))[0]!.status;
const dealStatus = async (dealId: string) => (await server.sql<{ status: string }>('select status from deal where id = ?', [rowId(dealId)]))[0]!.status;

describe('a new deal’s deliverables', () => {
  it('are tracked from the accepted terms, PENDING, in their order', async () => {
    const { dealId, brand } = await createDeal(server);
    const deal = await readDeal(server, brand.owner, dealId);
    expect(deal!.deliverables.map(({ description, platform, status, late, addedInVersion, submissions }) => ({ description, platform, status, late, addedInVersion, submissions }))).toEqual([
      { description: 'Unboxing video', platform: 'DOUYIN', status: 'PENDING', late: false, addedInVersion: 1, submissions: [] },
      { description: 'Barrier repair explainer', platform: 'XIAOHONGSHU', status: 'PENDING', late: false, addedInVersion: 1, submissions: [] },
    ]);
    expect(deal!.deliverables.map((item) => item.dueAt)).toEqual(deal!.terms.deliverables.map((item) => item.dueAt));
  });
});

describe('submitting and reviewing', () => {
  it('runs submit → changes requested → submit again → approve, keeping every submission', async () => {
    const { dealId, brand, talent, deliverableIds } = await createDeal(server);
    const [first] = deliverableIds;
    const submitted = succeeded(
      await run(server, talent.actor, 'submit', { id: first, proofUrl: PROOF, note: 'First cut' }),
      'dealDeliverableSubmit',
    ).deliverable;
    expect(submitted).toMatchObject({ status: 'SUBMITTED', submissions: [{ number: 1, proofUrl: PROOF, note: 'First cut', submittedByName: 'deal-creator', outcome: null }] });
    expect(submitted.firstSubmittedAt).not.toBeNull();

    const changes = succeeded(
      await run(server, brand.owner, 'requestChanges', { id: first, reason: 'Show the ingredient list' }),
      'dealDeliverableRequestChanges',
    ).deliverable;
    expect(changes.status).toBe('CHANGES_REQUESTED');
    expect(changes.submissions[0]).toMatchObject({ outcome: 'CHANGES_REQUESTED', reviewReason: 'Show the ingredient list' });

    succeeded(await run(server, talent.actor, 'submit', { id: first, proofUrl: `${PROOF}?v=2` }), 'dealDeliverableSubmit');
    const approved = succeeded(await run(server, brand.owner, 'approve', { id: first }), 'dealDeliverableApprove');
    expect(approved.deliverable.status).toBe('APPROVED');
    expect(approved.deliverable.firstSubmittedAt).toBe(submitted.firstSubmittedAt);
    expect(approved.deliverable.submissions.map(({ number, outcome, reviewReason }) => ({ number, outcome, reviewReason }))).toEqual([
      { number: 1, outcome: 'CHANGES_REQUESTED', reviewReason: 'Show the ingredient list' },
      { number: 2, outcome: 'APPROVED', reviewReason: null },
    ]);
    // One of two approved: the deal is still being worked on.
    expect(approved.deal.status).toBe('ACTIVE');
    expect(await dealStatus(dealId)).toBe('ACTIVE');
  });

  it('delivers the deal when the last deliverable is approved, releasing a fee paid on approval', async () => {
    const { dealId, brand, talent, deliverableIds } = await createDeal(server);
    for (const id of deliverableIds) succeeded(await run(server, talent.actor, 'submit', { id, proofUrl: PROOF }), 'dealDeliverableSubmit');
    const firstApproval = succeeded(await run(server, brand.owner, 'approve', { id: deliverableIds[0] }), 'dealDeliverableApprove');
    expect(firstApproval.deal).toEqual({ id: dealId, status: 'ACTIVE', feeReleasedAt: null });
    const last = succeeded(await run(server, brand.owner, 'approve', { id: deliverableIds[1]! }), 'dealDeliverableApprove');
    expect(last.deal.status).toBe('DELIVERED');
    expect(last.deal.feeReleasedAt).not.toBeNull();
    expect(await dealStatus(dealId)).toBe('DELIVERED');
    // Nothing is left to work on once delivered.
    expect(errorCodes(await run(server, talent.actor, 'submit', { id: deliverableIds[0], proofUrl: PROOF }), 'dealDeliverableSubmit')).toEqual(['ILLEGAL_TRANSITION']);
  });

  it('delivers without releasing the fee when the terms pay it on settlement', async () => {
    const { dealId, brand, talent, deliverableIds } = await createDeal(server, { deliverables: [deliverable()] });
    const amendmentId = await propose(server, talent.actor, dealId, { feePayment: 'ON_SETTLEMENT' });
    succeeded(await run(server, brand.owner, 'accept', { id: amendmentId }), 'dealAmendmentAccept');
    succeeded(await run(server, talent.actor, 'submit', { id: deliverableIds[0], proofUrl: PROOF }), 'dealDeliverableSubmit');
    const approved = succeeded(await run(server, brand.owner, 'approve', { id: deliverableIds[0] }), 'dealDeliverableApprove');
    expect(approved.deal).toMatchObject({ status: 'DELIVERED', feeReleasedAt: null });
  });

  it('releases the fee of a delivered deal when an accepted amendment moves its payment to approval', async () => {
    const { dealId, brand, talent, deliverableIds } = await createDeal(server, { deliverables: [deliverable()] });
    succeeded(await run(server, brand.owner, 'accept', { id: await propose(server, talent.actor, dealId, { feePayment: 'ON_SETTLEMENT' }) }), 'dealAmendmentAccept');
    succeeded(await run(server, talent.actor, 'submit', { id: deliverableIds[0], proofUrl: PROOF }), 'dealDeliverableSubmit');
    succeeded(await run(server, brand.owner, 'approve', { id: deliverableIds[0] }), 'dealDeliverableApprove');
    expect((await readDeal(server, brand.owner, dealId))!.feeReleasedAt).toBeNull();

    const amendmentId = await propose(server, talent.actor, dealId, { feePayment: 'ON_APPROVAL' }, 'Everything is approved; pay the fee now');
    succeeded(await run(server, brand.owner, 'accept', { id: amendmentId }), 'dealAmendmentAccept');
    const deal = await readDeal(server, brand.owner, dealId);
    expect(deal).toMatchObject({ status: 'DELIVERED', terms: { version: 3, feePayment: 'ON_APPROVAL' } });
    expect(deal!.feeReleasedAt).not.toBeNull();
  });

  it('lets a member of the agency acting for the talent submit', async () => {
    const { agency, deliverableIds } = await createDeal(server, { viaAgency: true });
    succeeded(await run(server, agency!.member, 'submit', { id: deliverableIds[0], proofUrl: PROOF }), 'dealDeliverableSubmit');
    expect(await statusOf(deliverableIds[0]!)).toBe('SUBMITTED');
  });
});

describe('bad input writes nothing', () => {
  it.each([
    ['an ftp address', 'ftp://files.example.com/video.mp4'],
    ['a script', 'javascript:alert(1)'],
    ['text that is no address', 'not a url'],
    ['an address over 2000 characters', `https://example.com/${'a'.repeat(2000)}`],
  ])('refuses %s as proof with INVALID or OUT_OF_RANGE', async (_, proofUrl) => {
    const { talent, deliverableIds } = await createDeal(server, { deliverables: [deliverable()] });
    const result = await run(server, talent.actor, 'submit', { id: deliverableIds[0], proofUrl });
    expect(result.data!.dealDeliverableSubmit!.userErrors).toEqual([expect.objectContaining({ code: expect.stringMatching(/^(INVALID|OUT_OF_RANGE)$/), field: ['proofUrl'] })]);
    expect(await submissionsOf(deliverableIds[0]!)).toBe(0);
    expect(await statusOf(deliverableIds[0]!)).toBe('PENDING');
  });

  it('takes an address whose scheme is in capitals, and keeps it with the scheme in lower case', async () => {
    const { talent, deliverableIds } = await createDeal(server, { deliverables: [deliverable()] });
    const submitted = succeeded(
      await run(server, talent.actor, 'submit', { id: deliverableIds[0], proofUrl: 'HTTPS://www.Douyin.com/video/7301234567890' }),
      'dealDeliverableSubmit',
    ).deliverable;
    expect(submitted.submissions.map((submission) => submission.proofUrl)).toEqual(['https://www.Douyin.com/video/7301234567890']);
  });

  it('refuses approval by the talent with SELF_REVIEW, even when they are also a member of the brand', async () => {
    const { brand, talent, deliverableIds } = await createDeal(server, { deliverables: [deliverable()] });
    succeeded(await run(server, talent.actor, 'submit', { id: deliverableIds[0], proofUrl: PROOF }), 'dealDeliverableSubmit');
    expect(errorCodes(await run(server, talent.actor, 'approve', { id: deliverableIds[0] }), 'dealDeliverableApprove')).toEqual(['SELF_REVIEW']);
    await server.sql(`insert into brand_member (id, brand_id, user_id, role, created_at) values (gen_random_uuid(), ?, ?, 'MEMBER', now())`, [rowId(brand.brandId), rowId(talent.actor.userId)]);
    expect(errorCodes(await run(server, talent.actor, 'approve', { id: deliverableIds[0] }), 'dealDeliverableApprove')).toEqual(['SELF_REVIEW']);
    expect(errorCodes(await run(server, talent.actor, 'requestChanges', { id: deliverableIds[0], reason: 'Meh' }), 'dealDeliverableRequestChanges')).toEqual(['SELF_REVIEW']);
    expect(await statusOf(deliverableIds[0]!)).toBe('SUBMITTED');
    expect(await count(server, 'select count(*)::int as n from deliverable_submission where deliverable_id = ? and outcome is not null', [rowId(deliverableIds[0]!)])).toBe(0);
  });

  it('refuses approval by the agency acting for the talent with SELF_REVIEW', async () => {
    const { agency, talent, deliverableIds } = await createDeal(server, { viaAgency: true, deliverables: [deliverable()] });
    succeeded(await run(server, talent.actor, 'submit', { id: deliverableIds[0], proofUrl: PROOF }), 'dealDeliverableSubmit');
    expect(errorCodes(await run(server, agency!.member, 'approve', { id: deliverableIds[0] }), 'dealDeliverableApprove')).toEqual(['SELF_REVIEW']);
    expect(await statusOf(deliverableIds[0]!)).toBe('SUBMITTED');
  });

  it('refuses a submission by the brand with WRONG_SIDE', async () => {
    const { brand, deliverableIds } = await createDeal(server, { deliverables: [deliverable()] });
    expect(errorCodes(await run(server, brand.owner, 'submit', { id: deliverableIds[0], proofUrl: PROOF }), 'dealDeliverableSubmit')).toEqual(['WRONG_SIDE']);
    expect(await submissionsOf(deliverableIds[0]!)).toBe(0);
  });

  it('refuses moves the deliverable’s status rules out with ILLEGAL_TRANSITION', async () => {
    const { brand, talent, deliverableIds } = await createDeal(server, { deliverables: [deliverable()] });
    const [id] = deliverableIds;
    expect(errorCodes(await run(server, brand.owner, 'approve', { id }), 'dealDeliverableApprove')).toEqual(['ILLEGAL_TRANSITION']);
    succeeded(await run(server, talent.actor, 'submit', { id, proofUrl: PROOF }), 'dealDeliverableSubmit');
    expect(errorCodes(await run(server, talent.actor, 'submit', { id, proofUrl: PROOF }), 'dealDeliverableSubmit')).toEqual(['ILLEGAL_TRANSITION']);
    expect(await submissionsOf(id!)).toBe(1);
  });

  it('refuses a request for changes without a reason (OUT_OF_RANGE)', async () => {
    const { brand, talent, deliverableIds } = await createDeal(server, { deliverables: [deliverable()] });
    succeeded(await run(server, talent.actor, 'submit', { id: deliverableIds[0], proofUrl: PROOF }), 'dealDeliverableSubmit');
    const result = await run(server, brand.owner, 'requestChanges', { id: deliverableIds[0], reason: '  ' });
    expect(result.data!.dealDeliverableRequestChanges!.userErrors.map((error) => [error.code, error.field])).toEqual([['OUT_OF_RANGE', ['reason']]]);
    expect(await statusOf(deliverableIds[0]!)).toBe('SUBMITTED');
  });

  it('refuses work on a deal that is disputed, settled or cancelled', async () => {
    for (const status of ['DISPUTED', 'SETTLED', 'CANCELLED']) {
      const { dealId, talent, deliverableIds } = await createDeal(server, { deliverables: [deliverable()] });
      await server.sql('update deal set status = ? where id = ?', [status, rowId(dealId)]);
      expect(errorCodes(await run(server, talent.actor, 'submit', { id: deliverableIds[0], proofUrl: PROOF }), 'dealDeliverableSubmit'), status).toEqual(['ILLEGAL_TRANSITION']);
      expect(await submissionsOf(deliverableIds[0]!)).toBe(0);
    }
  });
});

describe('concurrency', () => {
  it('answers one of two simultaneous reviews; the other finds the proof already answered', async () => {
    const { brand, talent, deliverableIds } = await createDeal(server, { deliverables: [deliverable()] });
    const colleague = await addBrandMember(server, brand);
    succeeded(await run(server, talent.actor, 'submit', { id: deliverableIds[0], proofUrl: PROOF }), 'dealDeliverableSubmit');
    const results = await Promise.all([
      run(server, brand.owner, 'approve', { id: deliverableIds[0] }),
      run(server, colleague, 'requestChanges', { id: deliverableIds[0], reason: 'Redo' }),
    ]);
    const codes = [errorCodes(results[0] as never, 'dealDeliverableApprove'), errorCodes(results[1] as never, 'dealDeliverableRequestChanges')];
    expect(codes.flat()).toEqual(['ILLEGAL_TRANSITION']);
    expect(await count(server, 'select count(*)::int as n from deliverable_submission where deliverable_id = ? and outcome is not null', [rowId(deliverableIds[0]!)])).toBe(1);
  });
});

describe('concurrency of the last approvals and of submissions', () => {
  it('delivers the deal when its last two deliverables are approved at the same moment by two brand members', async () => {
    const { dealId, brand, talent, deliverableIds } = await createDeal(server);
    const colleague = await addBrandMember(server, brand);
    for (const id of deliverableIds) succeeded(await run(server, talent.actor, 'submit', { id, proofUrl: PROOF }), 'dealDeliverableSubmit');
    const results = await Promise.all([run(server, brand.owner, 'approve', { id: deliverableIds[0] }), run(server, colleague, 'approve', { id: deliverableIds[1]! })]);
    expect(results.map((result) => errorCodes(result, 'dealDeliverableApprove'))).toEqual([[], []]);
    const deal = await readDeal(server, brand.owner, dealId);
    expect(deal!.status).toBe('DELIVERED');
    expect(deal!.feeReleasedAt).not.toBeNull();
  });

  it('keeps one submission from the talent and their agency submitting the same deliverable at once', async () => {
    const { talent, agency, deliverableIds } = await createDeal(server, { viaAgency: true, deliverables: [deliverable()] });
    const results = await Promise.all([
      run(server, talent.actor, 'submit', { id: deliverableIds[0], proofUrl: PROOF }),
      run(server, agency!.member, 'submit', { id: deliverableIds[0], proofUrl: `${PROOF}?agency` }),
    ]);
    expect(results.map((result) => errorCodes(result, 'dealDeliverableSubmit')).sort()).toEqual([[], ['ILLEGAL_TRANSITION']]);
    expect(await submissionsOf(deliverableIds[0]!)).toBe(1);
  });
});

describe('who else sees the work', () => {
  it('hides deliverables and amendments from another brand’s member, another creator and an agency that now represents the talent but made no part of the deal', async () => {
    const { dealId, talent, deliverableIds } = await createDeal(server, { deliverables: [deliverable()] });
    const amendmentId = await propose(server, talent.actor, dealId, { commissionBp: 1500 });
    const otherBrand = await createBrand(server);
    const otherCreator = await createCreator(server, 'other-creator');
    const newAgency = await createAgency(server, [talent]);
    const missingDeliverable = toGlobalId('DealDeliverable', '00000000-0000-4000-8000-000000000000');
    const missingAmendment = toGlobalId('DealAmendment', '00000000-0000-4000-8000-000000000000');
    for (const [who, actor] of [
      ['another brand', otherBrand.owner],
      ['another creator', otherCreator.actor],
      ['an uninvolved agency', newAgency.member],
    ] as const) {
      for (const id of [dealId, deliverableIds[0], amendmentId]) {
        const seen = await server.graphql(NodeIdDocument, { id }, { token: actor.token });
        expect(seen.data!.node, `${who} reads ${id}`).toBeNull();
      }
      const submitted = await run(server, actor, 'submit', { id: deliverableIds[0], proofUrl: PROOF });
      expect(submitted.data!.dealDeliverableSubmit!.userErrors, who).toEqual((await run(server, actor, 'submit', { id: missingDeliverable, proofUrl: PROOF })).data!.dealDeliverableSubmit!.userErrors);
      const withdrawn = await run(server, actor, 'withdraw', { id: amendmentId });
      expect(withdrawn.data!.dealAmendmentWithdraw!.userErrors, who).toEqual((await run(server, actor, 'withdraw', { id: missingAmendment })).data!.dealAmendmentWithdraw!.userErrors);
      expect(errorCodes(withdrawn, 'dealAmendmentWithdraw'), who).toEqual(['NOT_FOUND']);
    }
    expect(await submissionsOf(deliverableIds[0]!)).toBe(0);
    expect(await count(server, 'select count(*)::int as n from deal_amendment where id = ? and status = ?', [rowId(amendmentId), 'PROPOSED'])).toBe(1);
  });
});

describe('lateness', () => {
  it('flags work past its due date without proof by then, and counts on-time deliveries for credibility', async () => {
    const { dealId, brand, talent, deliverableIds } = await createDeal(server, {
      deliverables: [deliverable({ description: 'On time' }), deliverable({ description: 'Late' }), deliverable({ description: 'Never sent' })],
    });
    const [onTime, late, never] = deliverableIds.map(rowId);
    for (const id of [deliverableIds[0], deliverableIds[1]!]) succeeded(await run(server, talent.actor, 'submit', { id, proofUrl: PROOF }), 'dealDeliverableSubmit');
    // The clock moves on: the due dates are now behind us, one just after its proof came, one just before.
    await server.sql(`update deal_deliverable set due_at = first_submitted_at + interval '1 millisecond' where id = ?`, [onTime]);
    await server.sql(`update deal_deliverable set due_at = first_submitted_at - interval '1 second' where id = ?`, [late]);
    await server.sql(`update deal_deliverable set due_at = now() - interval '1 day' where id = ?`, [never]);

    const deal = await readDeal(server, brand.owner, dealId);
    expect(deal!.deliverables.map((item) => [item.description, item.late])).toEqual([
      ['On time', false],
      ['Late', true],
      ['Never sent', true],
    ]);
    // Approval does not make late work on time.
    succeeded(await run(server, brand.owner, 'approve', { id: deliverableIds[1]! }), 'dealDeliverableApprove');
    expect((await readDeal(server, brand.owner, dealId))!.deliverables[1]!.late).toBe(true);

    const em = server.app.orm.em.fork();
    const tally = await deliverableTally(em, [rowId(dealId), '00000000-0000-4000-8000-000000000000']);
    expect(tally.get(rowId(dealId))).toEqual({ total: 3, onTime: 1 });
    expect(tally.get('00000000-0000-4000-8000-000000000000')).toEqual({ total: 0, onTime: 0 });
  });
});

describe('amendments and deliverables', () => {
  it('drops work the new terms no longer ask for, adds new work, and reopens a delivered deal', async () => {
    const { dealId, brand, talent, deliverableIds } = await createDeal(server);
    for (const id of deliverableIds) {
      succeeded(await run(server, talent.actor, 'submit', { id, proofUrl: PROOF }), 'dealDeliverableSubmit');
      succeeded(await run(server, brand.owner, 'approve', { id }), 'dealDeliverableApprove');
    }
    expect(await dealStatus(dealId)).toBe('DELIVERED');
    const before = await readDeal(server, brand.owner, dealId);
    const [unboxing] = before!.deliverables;

    // Keep the unboxing (its due date restated), drop the explainer, add a live demo.
    const amendmentId = await propose(
      server,
      brand.owner,
      dealId,
      {
        deliverables: [
          { format: unboxing!.format, platform: unboxing!.platform, dueAt: unboxing!.dueAt, description: unboxing!.description },
          { format: 'LIVE_STREAM', platform: 'DOUYIN', dueAt: inDays(20), description: 'Live demo' },
        ],
      },
      'Swap the explainer for a live demo',
    );
    const accepted = succeeded(await run(server, talent.actor, 'accept', { id: amendmentId }), 'dealAmendmentAccept');
    expect(accepted.deal.status).toBe('ACTIVE');

    const after = await readDeal(server, talent.actor, dealId);
    expect(after!.deliverables.map(({ id, description, status, addedInVersion, droppedInVersion, submissions }) => ({ id, description, status, addedInVersion, droppedInVersion, submissions: submissions.length }))).toEqual([
      { id: deliverableIds[0], description: 'Unboxing video', status: 'APPROVED', addedInVersion: 1, droppedInVersion: null, submissions: 1 },
      { id: expect.any(String), description: 'Live demo', status: 'PENDING', addedInVersion: 2, droppedInVersion: null, submissions: 0 },
      { id: deliverableIds[1]!, description: 'Barrier repair explainer', status: 'DROPPED', addedInVersion: 1, droppedInVersion: 2, submissions: 1 },
    ]);

    // Delivering the new work delivers the deal again.
    const liveDemo = after!.deliverables[1]!.id;
    succeeded(await run(server, talent.actor, 'submit', { id: liveDemo, proofUrl: PROOF }), 'dealDeliverableSubmit');
    const approved = succeeded(await run(server, brand.owner, 'approve', { id: liveDemo }), 'dealDeliverableApprove');
    expect(approved.deal.status).toBe('DELIVERED');
  });

  it('keeps a deliverable’s history when an amendment only moves its due date', async () => {
    const { dealId, brand, talent, deliverableIds } = await createDeal(server, { deliverables: [deliverable({ description: 'Tutorial' })] });
    succeeded(await run(server, talent.actor, 'submit', { id: deliverableIds[0], proofUrl: PROOF }), 'dealDeliverableSubmit');
    const newDue = inDays(45);
    const amendmentId = await propose(server, talent.actor, dealId, { deliverables: [deliverable({ description: 'Tutorial', dueAt: newDue })] }, 'Filming slipped');
    succeeded(await run(server, brand.owner, 'accept', { id: amendmentId }), 'dealAmendmentAccept');
    const [item] = (await readDeal(server, brand.owner, dealId))!.deliverables;
    expect(item).toMatchObject({ id: deliverableIds[0], status: 'SUBMITTED', dueAt: newDue, addedInVersion: 1 });
    expect(item!.submissions).toHaveLength(1);
  });

  it('delivers an active deal when an amendment drops the only work still open', async () => {
    const { dealId, brand, talent, deliverableIds } = await createDeal(server);
    succeeded(await run(server, talent.actor, 'submit', { id: deliverableIds[0], proofUrl: PROOF }), 'dealDeliverableSubmit');
    succeeded(await run(server, brand.owner, 'approve', { id: deliverableIds[0] }), 'dealDeliverableApprove');
    const [first] = (await readDeal(server, brand.owner, dealId))!.deliverables;
    const amendmentId = await propose(server, talent.actor, dealId, { deliverables: [{ format: first!.format, platform: first!.platform, dueAt: first!.dueAt, description: first!.description }] }, 'One video is enough');
    const accepted = succeeded(await run(server, brand.owner, 'accept', { id: amendmentId }), 'dealAmendmentAccept');
    expect(accepted.deal.status).toBe('DELIVERED');
  });
});

describe('reading', () => {
  it('reads a deal’s deliverables with their submissions and late flags in as many statements for 1 deliverable as for 5', async () => {
    const statementsFor = async (deliverables: number) => {
      const { dealId, talent, deliverableIds } = await createDeal(server, {
        deliverables: Array.from({ length: deliverables }, (_, index) => deliverable({ description: `Clip ${index}` })),
      });
      for (const id of deliverableIds) succeeded(await run(server, talent.actor, 'submit', { id, proofUrl: PROOF }), 'dealDeliverableSubmit');
      server.resetQueryCount();
      const deal = await readDeal(server, talent.actor, dealId);
      expect(deal!.deliverables.every((item) => item.submissions.length === 1)).toBe(true);
      return server.queryCount();
    };
    expect(await statementsFor(5)).toBe(await statementsFor(1));
  });
});

describe('outsiders', () => {
  it('see no deliverable and get NOT_FOUND for every move, exactly as for a missing id', async () => {
    const { talent, deliverableIds } = await createDeal(server, { deliverables: [deliverable()] });
    const stranger = await signUp(server, 'stranger');
    const missing = toGlobalId('DealDeliverable', '00000000-0000-4000-8000-000000000000');
    const seen = await server.graphql(NodeIdDocument, { id: deliverableIds[0] }, { token: stranger.token });
    expect(seen.data!.node).toBeNull();
    succeeded(await run(server, talent.actor, 'submit', { id: deliverableIds[0], proofUrl: PROOF }), 'dealDeliverableSubmit');
    const cases = [
      ['submit', 'dealDeliverableSubmit', { proofUrl: PROOF }],
      ['approve', 'dealDeliverableApprove', {}],
      ['requestChanges', 'dealDeliverableRequestChanges', { reason: 'No' }],
    ] as const;
    for (const [mutation, field, extra] of cases) {
      const real = await run(server, stranger, mutation, { id: deliverableIds[0], ...extra });
      const absent = await run(server, stranger, mutation, { id: missing, ...extra });
      expect(errorCodes(real as never, field)).toEqual(['NOT_FOUND']);
      expect(userErrorsOf(real as never, field)).toEqual(userErrorsOf(absent as never, field));
    }
    expect(await statusOf(deliverableIds[0]!)).toBe('SUBMITTED');
    expect(await submissionsOf(deliverableIds[0]!)).toBe(1);
  });
});

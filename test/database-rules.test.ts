import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signUpAdmin, succeeded } from './support/actors.js';
import { createAgency, createBrand, createBrief, createCreator, placeBid, rowId, terms } from './support/bids.js';
import { createDeal, propose, run } from './support/deals.js';
import { useTestServer } from './support/test-server.js';

/**
 * The rules the services enforce hold in the database too: a write that bypasses the services
 * (raw SQL here, a script or a careless service elsewhere) is refused, naming the rule it breaks.
 * Each refused write breaks exactly one rule, so the constraint named is the one that decides.
 */

const server = useTestServer();

const refused = (constraint: string, statement: string, parameters: unknown[] = []) =>
  expect(server.sql(statement, parameters)).rejects.toThrow(new RegExp(`constraint "${constraint}"`));

/** Inserts a copy of a row, the same in every column but its id. */
const copyRow = (table: string, id: string) =>
  server.sql(
    `insert into ${table} select (jsonb_populate_record(null::${table}, to_jsonb(original) || jsonb_build_object('id', ?::uuid))).* from ${table} original where id = ?`,
    [randomUUID(), id],
  );

describe('a deal amendment', () => {
  it('is accepted only as the version after the one it amended, one amendment per version, answered after it was proposed', async () => {
    const { dealId, brand, talent } = await createDeal(server);
    const amendmentId = await propose(server, brand.owner, dealId, { commissionBp: 1200 });
    const amendment = rowId(amendmentId);
    const talentUser = rowId(talent.actor.userId);

    await refused(
      'deal_amendment_result_follows_base',
      `update deal_amendment set status = 'ACCEPTED', answered_by_id = ?, answered_at = now(), resulting_version = base_version + 2 where id = ?`,
      [talentUser, amendment],
    );
    await refused(
      'deal_amendment_answered_after_proposed',
      `update deal_amendment set status = 'REJECTED', answered_by_id = ?, answered_at = created_at - interval '1 second' where id = ?`,
      [talentUser, amendment],
    );
    await refused(
      'deal_amendment_answer_reason_length',
      `update deal_amendment set status = 'REJECTED', answered_by_id = ?, answered_at = now(), answer_reason = repeat('x', 2001) where id = ?`,
      [talentUser, amendment],
    );
    await refused(
      'deal_amendment_answer_reason_only_when_rejected',
      `update deal_amendment set status = 'WITHDRAWN', answered_by_id = proposed_by_id, answered_at = now(), answer_reason = 'Changed our mind' where id = ?`,
      [amendment],
    );
    await refused('deal_amendment_answered_by', `update deal_amendment set status = 'WITHDRAWN', answered_at = now() where id = ?`, [amendment]);

    // The service's acceptance passes every rule, and a second amendment claiming its version is refused.
    const accepted = succeeded(
      await run(server, talent.actor, 'accept', { id: amendmentId }),
      'dealAmendmentAccept',
    ).amendment;
    expect(accepted).toMatchObject({ baseVersion: 1, resultingVersion: 2 });
    await expect(copyRow('deal_amendment', amendment)).rejects.toThrow(/constraint "deal_amendment_one_per_resulting_version"/);
  });
});

describe('a deliverable', () => {
  it('keeps its proof, the brand’s answer and its approval within the rules', async () => {
    const { brand, talent, deliverableIds } = await createDeal(server);
    const [first] = deliverableIds;
    succeeded(await run(server, talent.actor, 'submit', { id: first, proofUrl: 'https://www.douyin.com/video/1', note: 'First cut' }), 'dealDeliverableSubmit');
    const deliverable = rowId(first!);
    const brandUser = rowId(brand.owner.userId);
    const submission = `deliverable_id = ? and outcome is null`;

    await refused('deliverable_submission_note_length', `update deliverable_submission set note = repeat('n', 2001) where ${submission}`, [deliverable]);
    await refused(
      'deliverable_submission_reason_only_with_changes',
      `update deliverable_submission set outcome = 'APPROVED', review_reason = 'Looks good', reviewed_by_id = ?, reviewed_at = now() where ${submission}`,
      [brandUser, deliverable],
    );
    await refused(
      'deliverable_submission_review_reason_length',
      `update deliverable_submission set outcome = 'CHANGES_REQUESTED', review_reason = '', reviewed_by_id = ?, reviewed_at = now() where ${submission}`,
      [brandUser, deliverable],
    );
    await refused(
      'deliverable_submission_reviewed_after_submitted',
      `update deliverable_submission set outcome = 'CHANGES_REQUESTED', review_reason = 'Too dark', reviewed_by_id = ?, reviewed_at = submitted_at - interval '1 second' where ${submission}`,
      [brandUser, deliverable],
    );
    await refused(
      'deal_deliverable_approved_after_submitted',
      `update deal_deliverable set status = 'APPROVED', approved_at = first_submitted_at - interval '1 second' where id = ?`,
      [deliverable],
    );
    await refused('deal_deliverable_format_check', `update deal_deliverable set format = 'PODCAST' where id = ?`, [deliverable]);
    await refused('deal_deliverable_description_length', `update deal_deliverable set description = '' where id = ?`, [deliverable]);

    // The brand's approval through the service passes every rule.
    succeeded(await run(server, brand.owner, 'approve', { id: first }), 'dealDeliverableApprove');
  });
});

describe('a sales report', () => {
  it('names its source as the rules spell it and lists at most 400 refund buckets', async () => {
    const { dealId, brand } = await createDeal(server);
    const report = (source: string, refunds: string) =>
      server.sql(
        `insert into sales_report (id, deal_id, period_start, period_end, source, orders_count, currency, gmv, refunds, refunds_total, reported_by_id, created_at)
         values (gen_random_uuid(), ?, current_date, current_date, ?, 10, 'CNY', 100000, ?::jsonb, 0, ?, now())`,
        [rowId(dealId), source, refunds, rowId(brand.owner.userId)],
      );
    const bucket = { amount: 0, daysAfterOrder: 1 };

    await expect(report('douyin shop', '[]')).rejects.toThrow(/constraint "sales_report_source_format"/);
    await expect(report('DOUYIN_SHOP', JSON.stringify(Array.from({ length: 401 }, () => bucket)))).rejects.toThrow(/constraint "sales_report_refunds_count"/);
    await report('DOUYIN_SHOP', JSON.stringify(Array.from({ length: 400 }, () => bucket)));
  });
});

describe('a bid', () => {
  it('takes a pitch as long as the service allows, and no longer; its first revision is the bidder’s and promises work', async () => {
    const brand = await createBrand(server);
    const briefId = await createBrief(server, brand);
    const talent = await createCreator(server, 'pitching-creator');
    const bid = await placeBid(server, talent.actor, { briefId, creatorId: talent.id, pitch: 'x'.repeat(5000), terms: terms() });
    const id = rowId(bid.id);

    await refused('bid_pitch_length', `update bid set pitch = pitch || 'x' where id = ?`, [id]);
    await refused('bid_rejection_reason_length', `update bid set status = 'REJECTED', rejection_reason = '' where id = ?`, [id]);
    await refused('bid_revision_first_is_bidders', `update bid_revision set side = 'BRAND' where bid_id = ? and number = 1`, [id]);
    await refused('bid_revision_deliverables_count', `update bid_revision set deliverables = '[]' where bid_id = ? and number = 1`, [id]);
    await refused('bid_revision_message_length', `update bid_revision set message = repeat('m', 5001) where bid_id = ? and number = 1`, [id]);
  });
});

describe('briefs and profiles', () => {
  it('hold descriptions, bios, tags and regions to the services’ bounds', async () => {
    const brand = await createBrand(server);
    const brief = rowId(await createBrief(server, brand));
    const creator = await createCreator(server, 'bounded-creator');

    await refused('brief_description_length', `update brief set description = repeat('d', 10001) where id = ?`, [brief]);
    await refused('brief_target_regions_bounds', `update brief set target_regions = array[repeat('r', 61)] where id = ?`, [brief]);
    await refused(
      'brief_cancellation_reason_length',
      `update brief set status = 'CANCELLED', cancelled_at = now(), cancellation_reason = repeat('c', 2001) where id = ?`,
      [brief],
    );
    await refused('product_niche_tags_bounds', `update product set niche_tags = array(select 'tag-' || n from generate_series(1, 21) as n) where id = ?`, [
      rowId(brand.productId),
    ]);
    await refused('creator_niche_tags_bounds', `update creator set niche_tags = array[''] where id = ?`, [rowId(creator.id)]);
    await refused('creator_bio_length', `update creator set bio = repeat('b', 2001) where id = ?`, [rowId(creator.id)]);
    await refused('brand_description_length', `update brand set description = repeat('b', 5001) where id = ?`, [rowId(brand.brandId)]);
    await refused('brand_name_length', `update brand set name = '' where id = ?`, [rowId(brand.brandId)]);
  });

  it('hold a brief to at least one format, platform and structure, among the marketplace’s values, in a currency it settles in', async () => {
    const brief = rowId(await createBrief(server, await createBrand(server)));

    await refused('brief_formats_choices', `update brief set formats = '{}' where id = ?`, [brief]);
    await refused('brief_platforms_choices', `update brief set platforms = '{DOUYIN,MYSPACE}' where id = ?`, [brief]);
    await refused('brief_budget_currency_check', `update brief set budget_currency = 'XXX' where id = ?`, [brief]);
    await refused('brief_budget_amount_range', `update brief set budget_amount = 0 where id = ?`, [brief]);
    await refused('brief_closed_at_with_status', `update brief set status = 'CLOSED' where id = ?`, [brief]);
  });
});

describe('a roster membership', () => {
  it('records the talent’s answer and its end with the status that says so', async () => {
    const talent = await createCreator(server, 'rostered-creator');
    const { agencyId } = await createAgency(server, [talent]);
    const membership = `agency_id = ? and status = 'ACTIVE'`;

    await refused('roster_membership_ended', `update roster_membership set status = 'ENDED' where ${membership}`, [rowId(agencyId)]);
    await refused('roster_membership_responded', `update roster_membership set status = 'INVITED' where ${membership}`, [rowId(agencyId)]);
  });
});

describe('a credential', () => {
  it('is rejected only with a reason, and has no note while it awaits review', async () => {
    const creator = await createCreator(server, 'credentialed-creator');
    const holder = rowId(creator.actor.userId);
    const [pending] = await server.sql<{ id: string }>(
      `insert into credential (id, holder_id, type, issuer, license_number, status, created_at) values (gen_random_uuid(), ?, 'NUTRITIONIST', 'Chinese Nutrition Society', 'CNS-1', 'PENDING', now()) returning id`,
      [holder],
    );
    const id = pending!.id;
    const admin = rowId((await signUpAdmin(server)).userId);

    await refused('credential_review_note_only_when_reviewed', `update credential set review_note = 'Looks fine' where id = ?`, [id]);
    await refused('credential_rejection_has_reason', `update credential set status = 'REJECTED', reviewed_by_id = ?, reviewed_at = now() where id = ?`, [admin, id]);
    await refused(
      'credential_review_note_length',
      `update credential set status = 'VERIFIED', reviewed_by_id = ?, reviewed_at = now(), review_note = '' where id = ?`,
      [admin, id],
    );
  });
});

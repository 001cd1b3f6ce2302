import { Migration } from '@mikro-orm/migrations';

/**
 * Rules the services enforce, held by the database too, so that no other writer (a script, a
 * seed, a later service) can store what the product would refuse:
 * - every text a user enters is at most as long as its service allows (the same number as the
 *   service's constant, named in the comment), and a name, a title or a reason that must be given
 *   is never empty;
 * - tag, region and vertical lists are as long, and their items as short, as the services allow,
 *   and a brief's choices are among the marketplace's values;
 * - stated amounts stay under the marketplace's ceiling, in a currency it settles in;
 * - terms always promise 1 to 20 deliverables, and a tracked deliverable is in a format and on a
 *   platform the marketplace knows;
 * - an accepted amendment became the version after the one it amended, one amendment per version;
 * - a brief's and a roster membership's status agree with the times they record;
 * - an answer, an approval, a review or a resolution comes after what it answers;
 * - a bid's first revision is the bidder's.
 * Lengths are counted in characters; the services count UTF-16 code units, never fewer, so nothing
 * they accept is refused here. On a database holding a row that breaks a rule, the migration fails
 * naming the constraint; it never rewrites or drops data to make a rule fit.
 */
export class Migration20261125120000TextBoundsAndVersionRules extends Migration {
  override async up(): Promise<void> {
    const length = (table: string, column: string, rule: string) =>
      this.addSql(`alter table "${table}" add constraint "${table}_${column}_length" check (char_length("${column}") ${rule});`);

    // Descriptions and bios (brand, agency, product, vertical, trader services; creator and brief schemas).
    length('brand', 'description', '<= 5000');
    length('agency', 'description', '<= 5000');
    length('product', 'description', '<= 5000');
    length('vertical', 'description', '<= 2000');
    length('creator', 'bio', '<= 2000');
    length('trader', 'bio', '<= 2000');
    length('brief', 'description', '<= 10000');
    // MAX_REVIEW_NOTE_LENGTH: a verification's note (none rather than an empty one) or a rejection's
    // reason, which must be given; a credential awaiting review has neither.
    length('credential', 'review_note', 'between 1 and 2000');
    this.addSql(`alter table "credential" add constraint "credential_rejection_has_reason" check (status <> 'REJECTED' or review_note is not null);`);
    this.addSql(`alter table "credential" add constraint "credential_review_note_only_when_reviewed" check (status <> 'PENDING' or review_note is null);`);

    // Names and titles are never empty (their columns already bound their length).
    length('app_user', 'display_name', 'between 1 and 120');
    length('creator', 'display_name', 'between 1 and 120');
    length('trader', 'display_name', 'between 1 and 120');
    length('brand', 'name', 'between 1 and 120');
    length('agency', 'name', 'between 1 and 120');
    length('vertical', 'name', 'between 1 and 120');
    length('product', 'name', 'between 1 and 160');
    length('brief', 'title', 'between 1 and 160');
    length('credential', 'issuer', 'between 1 and 200');
    length('credential', 'license_number', 'between 1 and 100');
    length('channel_account', 'handle', 'between 1 and 80');
    // Addresses a user gives are http or https ones, as their schemas check (which keep the scheme's case).
    this.addSql(`alter table "brand" add constraint "brand_website_url_scheme" check (website_url ~* '^https?://');`);
    this.addSql(`alter table "credential" add constraint "credential_evidence_url_scheme" check (evidence_url ~* '^https?://');`);
    // VERTICAL_SLUG_FORMAT: lower-case letters and digits, words joined by single hyphens, segments by '.'.
    this.addSql(`alter table "vertical" add constraint "vertical_slug_format" check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*([.][a-z0-9]+(-[a-z0-9]+)*)*$');`);

    // Bidding (bid-terms.ts): MAX_PITCH_LENGTH, MAX_MESSAGE_LENGTH, MAX_REASON_LENGTH. A reason is
    // stored only when one was given, never as an empty string.
    length('bid', 'pitch', '<= 5000');
    length('bid_revision', 'message', '<= 5000');
    length('bid', 'rejection_reason', 'between 1 and 2000');
    length('brief', 'cancellation_reason', 'between 1 and 2000');

    // Deals: reasons and notes (MAX_REASON_LENGTH, MAX_NOTE_LENGTH, MAX_PROOF_URL_LENGTH), a review's
    // comment (MAX_MESSAGE_LENGTH), a deliverable's description (MAX_DELIVERABLE_DESCRIPTION).
    length('deal_amendment', 'answer_reason', 'between 1 and 2000');
    length('deal_dispute', 'reason', 'between 1 and 2000');
    length('deal_dispute', 'resolution_note', 'between 1 and 2000');
    length('deal_review', 'comment', '<= 5000');
    length('deal_deliverable', 'description', 'between 1 and 2000');
    length('deliverable_submission', 'proof_url', '<= 2000');
    length('deliverable_submission', 'note', '<= 2000');
    length('deliverable_submission', 'review_reason', 'between 1 and 2000');

    // Lists of short texts: at most MAX_NICHE_TAGS tags of 1 to MAX_TAG_LENGTH characters (a brief's
    // tags are its products' together, so only their length is bounded), at most MAX_REGIONS regions
    // of 1 to MAX_REGION_LENGTH characters. A check cannot read an array item by item itself, hence
    // the function; it reads nothing but its arguments, so it is immutable.
    this.addSql(`create function text_items_between(items text[], min_length int, max_length int) returns boolean
  language sql immutable parallel safe
  return coalesce((select bool_and(char_length(item) between min_length and max_length) from unnest(items) as item), true);`);
    for (const table of ['creator', 'product']) {
      this.addSql(
        `alter table "${table}" add constraint "${table}_niche_tags_bounds" check (cardinality(niche_tags) <= 20 and text_items_between(niche_tags, 1, 40));`,
      );
    }
    this.addSql(`alter table "brief" add constraint "brief_niche_tags_bounds" check (text_items_between(niche_tags, 1, 40));`);
    this.addSql(`alter table "brief" add constraint "brief_target_regions_bounds" check (cardinality(target_regions) <= 30 and text_items_between(target_regions, 1, 60));`);
    // MAX_VERTICALS, MAX_TRADER_VERTICALS.
    for (const table of ['creator', 'trader']) {
      this.addSql(`alter table "${table}" add constraint "${table}_vertical_slugs_count" check (cardinality(vertical_slugs) <= 10);`);
    }

    // A brief's choices are among the marketplace's values, and it asks for at least one format,
    // platform and deal structure (brief.schemas.ts).
    const choices = (column: string, options: string[], atLeastOne: boolean) =>
      this.addSql(
        `alter table "brief" add constraint "brief_${column}_choices" check (${atLeastOne ? `cardinality(${column}) >= 1 and ` : ''}${column} <@ array[${options.map((option) => `'${option}'`).join(', ')}]::text[]);`,
      );
    choices('formats', ['SHORT_VIDEO', 'LONG_VIDEO', 'LIVE_STREAM', 'IMAGE_POST', 'ARTICLE'], true);
    choices('platforms', ['DOUYIN', 'KUAISHOU', 'TAOBAO_LIVE', 'XIAOHONGSHU', 'BILIBILI', 'WECHAT_CHANNELS', 'WEIBO'], true);
    choices('preferred_structures', ['FIXED_FEE', 'COMMISSION', 'HYBRID'], true);
    choices('target_age_bands', ['UNDER_18', 'AGE_18_24', 'AGE_25_30', 'AGE_31_40', 'AGE_41_50', 'OVER_50'], false);
    choices(
      'required_credentials',
      ['PHYSICIAN', 'PEDIATRICIAN', 'DERMATOLOGIST', 'NUTRITIONIST', 'PHARMACIST', 'RESEARCHER', 'COSMETIC_CHEMIST', 'FINANCIAL_ADVISOR', 'LAWYER', 'TEACHER'],
      false,
    );
    choices('required_capabilities', ['STRATEGY_AND_COVERAGE', 'LIVE_OPERATION', 'TRAFFIC_MARKETING', 'SUPPLY_CHAIN', 'FULFILMENT'], false);

    // Money: amounts people state are at most MAX_MONEY_AMOUNT minor units (so that settlement
    // arithmetic stays exact), a budget is more than nothing, and every currency is one the
    // marketplace settles in (CurrencyCode).
    this.addSql(`alter table "brief" add constraint "brief_budget_amount_range" check (budget_amount between 1 and 10000000000);`);
    for (const table of ['bid_revision', 'deal_terms', 'deal_amendment']) {
      this.addSql(`alter table "${table}" add constraint "${table}_amounts_ceiling" check (fixed_fee <= 10000000000 and (gmv_guarantee is null or gmv_guarantee <= 10000000000));`);
    }
    for (const [table, column] of [
      ['brief', 'budget_currency'],
      ['bid_revision', 'currency'],
      ['deal_terms', 'currency'],
      ['deal_amendment', 'currency'],
      ['sales_report', 'currency'],
      ['deal_settlement', 'currency'],
      ['creator', 'rate_currency'],
      ['creator_rate', 'currency'],
      ['trader', 'rate_currency'],
    ]) {
      this.addSql(`alter table "${table}" add constraint "${table}_${column}_check" check ("${column}" in ('CNY', 'HKD', 'USD', 'EUR', 'GBP', 'SGD'));`);
    }

    // A sales report (sales-report-rules.ts): its source is SALES_SOURCE_PATTERN, its figures at most
    // MAX_ORDERS orders and MAX_MONEY_AMOUNT minor units, its refunds at most MAX_REFUND_BUCKETS buckets.
    this.addSql(`alter table "sales_report" add constraint "sales_report_source_format" check (source ~ '^[A-Z][A-Z0-9_]{1,39}$');`);
    this.addSql(`alter table "sales_report" add constraint "sales_report_figures_ceiling" check (orders_count <= 1000000000 and gmv <= 10000000000);`);
    this.addSql(
      `alter table "sales_report" add constraint "sales_report_refunds_count" check (case when jsonb_typeof(refunds) = 'array' then jsonb_array_length(refunds) <= 400 else false end);`,
    );

    // A brief records when it entered each status it reached (brief-status.ts, ENTERED_AT): AWARDED
    // and CANCELLED are final, and a brief is CLOSED only once it has closed; a brief awarded or
    // cancelled after closing keeps its closing time, one awarded while OPEN has none.
    this.addSql(`alter table "brief" add constraint "brief_awarded_at_with_status" check ((status = 'AWARDED') = (awarded_at is not null));`);
    this.addSql(`alter table "brief" add constraint "brief_cancelled_at_with_status" check ((status = 'CANCELLED') = (cancelled_at is not null));`);
    this.addSql(
      `alter table "brief" add constraint "brief_closed_at_with_status" check (case when status = 'CLOSED' then closed_at is not null else closed_at is null or status in ('AWARDED', 'CANCELLED') end);`,
    );

    // A roster membership (roster-status.ts) records the talent's answer when they accept or decline,
    // and its end when either side ends it; an invitation the agency withdrew was never answered.
    this.addSql(
      `alter table "roster_membership" add constraint "roster_membership_responded" check (case status when 'INVITED' then responded_at is null when 'ENDED' then true else responded_at is not null end);`,
    );
    this.addSql(`alter table "roster_membership" add constraint "roster_membership_ended" check ((status = 'ENDED') = (ended_at is not null));`);

    // Terms promise 1 to MAX_DELIVERABLES deliverables, wherever terms are written.
    for (const table of ['bid_revision', 'deal_terms', 'deal_amendment']) {
      this.addSql(
        `alter table "${table}" add constraint "${table}_deliverables_count" check (case when jsonb_typeof(deliverables) = 'array' then jsonb_array_length(deliverables) between 1 and 20 else false end);`,
      );
    }
    this.addSql(
      `alter table "deal_deliverable" add constraint "deal_deliverable_format_check" check ("format" in ('SHORT_VIDEO', 'LONG_VIDEO', 'LIVE_STREAM', 'IMAGE_POST', 'ARTICLE'));`,
    );
    this.addSql(
      `alter table "deal_deliverable" add constraint "deal_deliverable_platform_check" check ("platform" in ('DOUYIN', 'KUAISHOU', 'TAOBAO_LIVE', 'XIAOHONGSHU', 'BILIBILI', 'WECHAT_CHANNELS', 'WEIBO'));`,
    );
    // A deliverable keeps its place in the list of (at most MAX_DELIVERABLES) terms that asked for it.
    this.addSql(`alter table "deal_deliverable" add constraint "deal_deliverable_position_within_terms" check (position < 20);`);
    // Work is dropped by a later version than the one that asked for it.
    this.addSql(`alter table "deal_deliverable" add constraint "deal_deliverable_dropped_after_added" check (dropped_in_version > added_in_version);`);

    // Amendments: accepting one writes the version after the one it amended (the deal's version in
    // force, or the acceptance is STALE_REVISION), so no two amendments of a deal became one version.
    this.addSql(`alter table "deal_amendment" add constraint "deal_amendment_result_follows_base" check (resulting_version = base_version + 1);`);
    this.addSql(`create unique index "deal_amendment_one_per_resulting_version" on "deal_amendment" ("deal_id", "resulting_version") where resulting_version is not null;`);
    this.addSql(`alter table "deal_amendment" add constraint "deal_amendment_answered_by" check ((status = 'PROPOSED') = (answered_by_id is null));`);
    this.addSql(`alter table "deal_amendment" add constraint "deal_amendment_answer_reason_only_when_rejected" check (answer_reason is null or status = 'REJECTED');`);

    // Answers come after what they answer: each is written by a later action than the row it answers.
    this.addSql(`alter table "deal_amendment" add constraint "deal_amendment_answered_after_proposed" check (answered_at >= created_at);`);
    this.addSql(`alter table "deal_deliverable" add constraint "deal_deliverable_approved_after_submitted" check (approved_at is null or (first_submitted_at is not null and approved_at >= first_submitted_at));`);
    this.addSql(`alter table "deliverable_submission" add constraint "deliverable_submission_reviewed_after_submitted" check (reviewed_at >= submitted_at);`);
    this.addSql(`alter table "deal_dispute" add constraint "deal_dispute_resolved_after_opened" check (resolved_at >= opened_at);`);

    // A review's reason is the brand's request for changes; an approval gives none.
    this.addSql(
      `alter table "deliverable_submission" add constraint "deliverable_submission_reason_only_with_changes" check (review_reason is null or outcome = 'CHANGES_REQUESTED');`,
    );

    // Bids: the bidder opens the negotiation, and an agreement names a revision that exists.
    this.addSql(`alter table "bid_revision" add constraint "bid_revision_first_is_bidders" check (number > 1 or side = 'BIDDER');`);
    this.addSql(`alter table "bid" add constraint "bid_agreed_revision_check" check (agreed_revision >= 1);`);
  }
}

import { Migration } from '@mikro-orm/migrations';

/**
 * The end of a deal: sales reports (one in force per deal, period and source; corrections supersede),
 * the settlement written once per deal with its whole breakdown in columns (track records are
 * aggregated from it), disputes with their decisions, and one review per side of a settled deal.
 */
export class Migration20261124070000SalesSettlementDisputesReviews extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "sales_report" ("id" uuid not null, "deal_id" uuid not null, "period_start" date not null, "period_end" date not null, "source" varchar(40) not null, "orders_count" int not null, "currency" varchar(3) not null, "gmv" bigint not null, "refunds" jsonb not null, "refunds_total" bigint not null, "reported_by_id" uuid not null, "supersedes_id" uuid null, "superseded_at" timestamptz null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "sales_report_deal_id_period_start_index" on "sales_report" ("deal_id", "period_start");`);
    this.addSql(`alter table "sales_report" add constraint "sales_report_supersedes_id_unique" unique ("supersedes_id");`);
    // Exactly one report in force per deal, period and source, whatever runs concurrently.
    this.addSql(`create unique index "sales_report_one_in_force" on "sales_report" ("deal_id", "period_start", "period_end", "source") where superseded_at is null;`);
    this.addSql(`alter table "sales_report" add constraint "sales_report_deal_id_foreign" foreign key ("deal_id") references "deal" ("id") on delete cascade;`);
    this.addSql(`alter table "sales_report" add constraint "sales_report_reported_by_id_foreign" foreign key ("reported_by_id") references "app_user" ("id");`);
    this.addSql(`alter table "sales_report" add constraint "sales_report_supersedes_id_foreign" foreign key ("supersedes_id") references "sales_report" ("id") on delete set null;`);
    this.addSql(`alter table "sales_report" add constraint "sales_report_period_order" check (period_start <= period_end);`);
    this.addSql(`alter table "sales_report" add constraint "sales_report_refunds_within_gmv" check (refunds_total <= gmv);`);
    this.addSql(`alter table "sales_report" add constraint "sales_report_orders_count_check" check (orders_count >= 0);`);
    this.addSql(`alter table "sales_report" add constraint "sales_report_gmv_check" check (gmv >= 0);`);
    this.addSql(`alter table "sales_report" add constraint "sales_report_refunds_total_check" check (refunds_total >= 0);`);

    this.addSql(`create table "deal_dispute" ("id" uuid not null, "deal_id" uuid not null, "opened_by_id" uuid not null, "opened_by_side" text not null, "reason" text not null, "opened_at" timestamptz not null, "decision" text null, "resolution_note" text null, "resolved_by_id" uuid null, "resolved_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "deal_dispute_deal_id_index" on "deal_dispute" ("deal_id");`);
    // One open dispute per deal.
    this.addSql(`create unique index "deal_dispute_one_open" on "deal_dispute" ("deal_id") where decision is null;`);
    this.addSql(`alter table "deal_dispute" add constraint "deal_dispute_deal_id_foreign" foreign key ("deal_id") references "deal" ("id") on delete cascade;`);
    this.addSql(`alter table "deal_dispute" add constraint "deal_dispute_opened_by_id_foreign" foreign key ("opened_by_id") references "app_user" ("id");`);
    this.addSql(`alter table "deal_dispute" add constraint "deal_dispute_resolved_by_id_foreign" foreign key ("resolved_by_id") references "app_user" ("id");`);
    this.addSql(`alter table "deal_dispute" add constraint "deal_dispute_opened_by_side_check" check ("opened_by_side" in ('BRAND', 'TALENT', 'AGENCY'));`);
    this.addSql(`alter table "deal_dispute" add constraint "deal_dispute_decision_check" check ("decision" in ('SETTLE', 'CANCEL'));`);
    this.addSql(`alter table "deal_dispute" add constraint "deal_dispute_resolution_complete" check ((decision is null) = (resolved_at is null) and (decision is null) = (resolved_by_id is null) and (decision is null) = (resolution_note is null));`);

    this.addSql(`create table "deal_settlement" ("id" uuid not null, "deal_id" uuid not null, "method" text not null, "dispute_id" uuid null, "terms_version" int not null, "brand_id" uuid not null, "creator_id" uuid null, "trader_id" uuid null, "agency_id" uuid null, "vertical_id" uuid null, "currency" varchar(3) not null, "commission_bp" int not null, "agency_share_bp" int not null, "platform_fee_bp" int not null, "refund_window_days" int not null, "gmv_guarantee" bigint null, "orders_count" bigint not null, "gross_gmv" bigint not null, "refunds_counted" bigint not null, "refunds_ignored" bigint not null, "net_gmv" bigint not null, "fixed_fee" bigint not null, "make_good" bigint not null, "fee_earned" bigint not null, "commission" bigint not null, "creator_gross" bigint not null, "agency_share" bigint not null, "creator_net" bigint not null, "platform_fee" bigint not null, "brand_total_cost" bigint not null, "roi_bp" bigint null, "settled_by_id" uuid not null, "settled_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "deal_settlement" add constraint "deal_settlement_deal_id_unique" unique ("deal_id");`);
    this.addSql(`create index "deal_settlement_brand_id_index" on "deal_settlement" ("brand_id");`);
    this.addSql(`create index "deal_settlement_creator_id_index" on "deal_settlement" ("creator_id");`);
    this.addSql(`create index "deal_settlement_trader_id_index" on "deal_settlement" ("trader_id");`);
    this.addSql(`create index "deal_settlement_agency_id_index" on "deal_settlement" ("agency_id");`);
    this.addSql(`create index "deal_settlement_vertical_id_index" on "deal_settlement" ("vertical_id");`);
    this.addSql(`create index "deal_settlement_settled_at_index" on "deal_settlement" ("settled_at");`);
    this.addSql(`alter table "deal_settlement" add constraint "deal_settlement_deal_id_foreign" foreign key ("deal_id") references "deal" ("id") on delete cascade;`);
    this.addSql(`alter table "deal_settlement" add constraint "deal_settlement_dispute_id_foreign" foreign key ("dispute_id") references "deal_dispute" ("id") on delete set null;`);
    this.addSql(`alter table "deal_settlement" add constraint "deal_settlement_brand_id_foreign" foreign key ("brand_id") references "brand" ("id");`);
    this.addSql(`alter table "deal_settlement" add constraint "deal_settlement_creator_id_foreign" foreign key ("creator_id") references "creator" ("id");`);
    this.addSql(`alter table "deal_settlement" add constraint "deal_settlement_trader_id_foreign" foreign key ("trader_id") references "trader" ("id");`);
    this.addSql(`alter table "deal_settlement" add constraint "deal_settlement_agency_id_foreign" foreign key ("agency_id") references "agency" ("id");`);
    this.addSql(`alter table "deal_settlement" add constraint "deal_settlement_vertical_id_foreign" foreign key ("vertical_id") references "vertical" ("id") on delete set null;`);
    this.addSql(`alter table "deal_settlement" add constraint "deal_settlement_settled_by_id_foreign" foreign key ("settled_by_id") references "app_user" ("id");`);
    this.addSql(`alter table "deal_settlement" add constraint "deal_settlement_method_check" check ("method" in ('SETTLED', 'DISPUTE_RESOLUTION'));`);
    this.addSql(`alter table "deal_settlement" add constraint "deal_settlement_one_talent" check ((creator_id is null) <> (trader_id is null));`);
    this.addSql(`alter table "deal_settlement" add constraint "deal_settlement_net_gmv" check (net_gmv = gross_gmv - refunds_counted);`);
    this.addSql(`alter table "deal_settlement" add constraint "deal_settlement_fee_earned" check (fee_earned = fixed_fee - make_good);`);
    this.addSql(`alter table "deal_settlement" add constraint "deal_settlement_creator_gross" check (creator_gross = fee_earned + commission);`);
    this.addSql(`alter table "deal_settlement" add constraint "deal_settlement_creator_net" check (creator_net = creator_gross - agency_share);`);
    this.addSql(`alter table "deal_settlement" add constraint "deal_settlement_brand_total_cost" check (brand_total_cost = creator_gross + platform_fee);`);
    this.addSql(`alter table "deal_settlement" add constraint "deal_settlement_make_good_within_fee" check (make_good <= fixed_fee);`);
    this.addSql(`alter table "deal_settlement" add constraint "deal_settlement_agency_share_needs_agency" check (agency_id is not null or agency_share = 0);`);
    this.addSql(`alter table "deal_settlement" add constraint "deal_settlement_dispute_when_resolved" check ((method = 'DISPUTE_RESOLUTION') = (dispute_id is not null));`);
    this.addSql(`alter table "deal_settlement" add constraint "deal_settlement_terms_version_check" check (terms_version >= 1);`);
    this.addSql(`alter table "deal_settlement" add constraint "deal_settlement_commission_bp_check" check (commission_bp between 0 and 10000);`);
    this.addSql(`alter table "deal_settlement" add constraint "deal_settlement_agency_share_bp_check" check (agency_share_bp between 0 and 10000);`);
    this.addSql(`alter table "deal_settlement" add constraint "deal_settlement_platform_fee_bp_check" check (platform_fee_bp between 0 and 10000);`);
    this.addSql(`alter table "deal_settlement" add constraint "deal_settlement_refund_window_days_check" check (refund_window_days >= 0);`);
    this.addSql(`alter table "deal_settlement" add constraint "deal_settlement_gmv_guarantee_check" check (gmv_guarantee is null or gmv_guarantee > 0);`);
    for (const column of [
      'orders_count',
      'gross_gmv',
      'refunds_counted',
      'refunds_ignored',
      'net_gmv',
      'fixed_fee',
      'make_good',
      'fee_earned',
      'commission',
      'creator_gross',
      'agency_share',
      'creator_net',
      'platform_fee',
      'brand_total_cost',
    ]) {
      this.addSql(`alter table "deal_settlement" add constraint "deal_settlement_${column}_check" check (${column} >= 0);`);
    }
    this.addSql(`alter table "deal_settlement" add constraint "deal_settlement_roi_bp_check" check (roi_bp is null or roi_bp >= 0);`);

    this.addSql(`create table "deal_review" ("id" uuid not null, "deal_id" uuid not null, "side" text not null, "rating" smallint not null, "comment" text not null default '', "author_id" uuid not null, "brand_id" uuid not null, "creator_id" uuid null, "trader_id" uuid null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "deal_review" add constraint "deal_review_deal_id_side_unique" unique ("deal_id", "side");`);
    this.addSql(`create index "deal_review_brand_id_index" on "deal_review" ("brand_id");`);
    this.addSql(`create index "deal_review_creator_id_index" on "deal_review" ("creator_id");`);
    this.addSql(`create index "deal_review_trader_id_index" on "deal_review" ("trader_id");`);
    this.addSql(`alter table "deal_review" add constraint "deal_review_deal_id_foreign" foreign key ("deal_id") references "deal" ("id") on delete cascade;`);
    this.addSql(`alter table "deal_review" add constraint "deal_review_author_id_foreign" foreign key ("author_id") references "app_user" ("id");`);
    this.addSql(`alter table "deal_review" add constraint "deal_review_brand_id_foreign" foreign key ("brand_id") references "brand" ("id");`);
    this.addSql(`alter table "deal_review" add constraint "deal_review_creator_id_foreign" foreign key ("creator_id") references "creator" ("id");`);
    this.addSql(`alter table "deal_review" add constraint "deal_review_trader_id_foreign" foreign key ("trader_id") references "trader" ("id");`);
    this.addSql(`alter table "deal_review" add constraint "deal_review_side_check" check ("side" in ('BRAND', 'TALENT'));`);
    this.addSql(`alter table "deal_review" add constraint "deal_review_rating_check" check (rating between 1 and 5);`);
    this.addSql(`alter table "deal_review" add constraint "deal_review_one_talent" check ((creator_id is null) <> (trader_id is null));`);
  }
}

import { Migration } from '@mikro-orm/migrations';

/**
 * Amendments to a deal's terms, with at most one awaiting an answer per deal; the deliverables a
 * deal asks for, each with every proof submitted and the brand's answers; and when a fee paid on
 * approval was released. Deals made before this have their deliverables created from the terms in
 * force, so every deal can be delivered.
 */
export class Migration20261124060000DealAmendmentsAndDeliverables extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "deal" add column "fee_released_at" timestamptz null;`);

    this.addSql(`create table "deal_amendment" ("id" uuid not null, "deal_id" uuid not null, "side" text not null, "proposed_by_id" uuid not null, "reason" text not null, "base_version" int not null, "currency" varchar(3) not null, "fixed_fee" bigint not null, "commission_bp" int not null, "gmv_guarantee" bigint null, "refund_window_days" int not null, "agency_share_bp" int not null, "platform_fee_bp" int not null, "deliverables" jsonb not null, "exclusivity_days" int not null, "usage_rights_days" int not null, "fee_payment" text not null, "status" text not null default 'PROPOSED', "answered_by_id" uuid null, "answered_at" timestamptz null, "answer_reason" text null, "resulting_version" int null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "deal_amendment_deal_id_created_at_index" on "deal_amendment" ("deal_id", "created_at");`);
    this.addSql(`create unique index "deal_amendment_one_proposed" on "deal_amendment" ("deal_id") where status = 'PROPOSED';`);
    this.addSql(`alter table "deal_amendment" add constraint "deal_amendment_deal_id_foreign" foreign key ("deal_id") references "deal" ("id") on delete cascade;`);
    this.addSql(`alter table "deal_amendment" add constraint "deal_amendment_proposed_by_id_foreign" foreign key ("proposed_by_id") references "app_user" ("id");`);
    this.addSql(`alter table "deal_amendment" add constraint "deal_amendment_answered_by_id_foreign" foreign key ("answered_by_id") references "app_user" ("id");`);
    this.addSql(`alter table "deal_amendment" add constraint "deal_amendment_side_check" check ("side" in ('BRAND', 'TALENT'));`);
    this.addSql(`alter table "deal_amendment" add constraint "deal_amendment_status_check" check ("status" in ('PROPOSED', 'ACCEPTED', 'REJECTED', 'WITHDRAWN'));`);
    this.addSql(`alter table "deal_amendment" add constraint "deal_amendment_fee_payment_check" check ("fee_payment" in ('ON_APPROVAL', 'ON_SETTLEMENT'));`);
    this.addSql(`alter table "deal_amendment" add constraint "deal_amendment_base_version_check" check (base_version >= 1);`);
    this.addSql(`alter table "deal_amendment" add constraint "deal_amendment_fixed_fee_check" check (fixed_fee >= 0);`);
    this.addSql(`alter table "deal_amendment" add constraint "deal_amendment_commission_bp_check" check (commission_bp between 0 and 10000);`);
    this.addSql(`alter table "deal_amendment" add constraint "deal_amendment_gmv_guarantee_check" check (gmv_guarantee is null or gmv_guarantee > 0);`);
    this.addSql(`alter table "deal_amendment" add constraint "deal_amendment_refund_window_days_check" check (refund_window_days between 0 and 365);`);
    this.addSql(`alter table "deal_amendment" add constraint "deal_amendment_agency_share_bp_check" check (agency_share_bp between 0 and 10000);`);
    this.addSql(`alter table "deal_amendment" add constraint "deal_amendment_platform_fee_bp_check" check (platform_fee_bp between 0 and 10000);`);
    this.addSql(`alter table "deal_amendment" add constraint "deal_amendment_exclusivity_days_check" check (exclusivity_days between 0 and 3650);`);
    this.addSql(`alter table "deal_amendment" add constraint "deal_amendment_usage_rights_days_check" check (usage_rights_days between 0 and 3650);`);
    this.addSql(`alter table "deal_amendment" add constraint "deal_amendment_reason_length" check (char_length(reason) between 1 and 2000);`);
    this.addSql(`alter table "deal_amendment" add constraint "deal_amendment_answered" check ((status = 'PROPOSED') = (answered_at is null));`);
    this.addSql(`alter table "deal_amendment" add constraint "deal_amendment_result" check ((status = 'ACCEPTED') = (resulting_version is not null));`);

    this.addSql(`create table "deal_deliverable" ("id" uuid not null, "deal_id" uuid not null, "position" int not null, "format" text not null, "platform" text not null, "description" text not null, "due_at" timestamptz not null, "status" text not null default 'PENDING', "first_submitted_at" timestamptz null, "approved_at" timestamptz null, "added_in_version" int not null, "dropped_in_version" int null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "deal_deliverable_deal_id_position_index" on "deal_deliverable" ("deal_id", "position");`);
    this.addSql(`alter table "deal_deliverable" add constraint "deal_deliverable_deal_id_foreign" foreign key ("deal_id") references "deal" ("id") on delete cascade;`);
    this.addSql(`alter table "deal_deliverable" add constraint "deal_deliverable_status_check" check ("status" in ('PENDING', 'SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED', 'DROPPED'));`);
    this.addSql(`alter table "deal_deliverable" add constraint "deal_deliverable_position_check" check (position >= 0);`);
    this.addSql(`alter table "deal_deliverable" add constraint "deal_deliverable_added_in_version_check" check (added_in_version >= 1);`);
    this.addSql(`alter table "deal_deliverable" add constraint "deal_deliverable_approved" check (status <> 'APPROVED' or approved_at is not null);`);
    this.addSql(`alter table "deal_deliverable" add constraint "deal_deliverable_dropped" check ((status = 'DROPPED') = (dropped_in_version is not null));`);
    this.addSql(`alter table "deal_deliverable" add constraint "deal_deliverable_submitted" check (status in ('PENDING', 'DROPPED') or first_submitted_at is not null);`);

    this.addSql(`create table "deliverable_submission" ("id" uuid not null, "deliverable_id" uuid not null, "number" int not null, "proof_url" text not null, "note" text not null default '', "submitted_by_id" uuid not null, "submitted_at" timestamptz not null, "outcome" text null, "review_reason" text null, "reviewed_by_id" uuid null, "reviewed_at" timestamptz null, primary key ("id"));`);
    this.addSql(`alter table "deliverable_submission" add constraint "deliverable_submission_deliverable_id_number_unique" unique ("deliverable_id", "number");`);
    // One proof awaits the brand at a time: the brand always answers the proof it was shown.
    this.addSql(`create unique index "deliverable_submission_one_open" on "deliverable_submission" ("deliverable_id") where outcome is null;`);
    this.addSql(`alter table "deliverable_submission" add constraint "deliverable_submission_deliverable_id_foreign" foreign key ("deliverable_id") references "deal_deliverable" ("id") on delete cascade;`);
    this.addSql(`alter table "deliverable_submission" add constraint "deliverable_submission_submitted_by_id_foreign" foreign key ("submitted_by_id") references "app_user" ("id");`);
    this.addSql(`alter table "deliverable_submission" add constraint "deliverable_submission_reviewed_by_id_foreign" foreign key ("reviewed_by_id") references "app_user" ("id");`);
    this.addSql(`alter table "deliverable_submission" add constraint "deliverable_submission_outcome_check" check ("outcome" in ('APPROVED', 'CHANGES_REQUESTED'));`);
    this.addSql(`alter table "deliverable_submission" add constraint "deliverable_submission_number_check" check (number >= 1);`);
    this.addSql(`alter table "deliverable_submission" add constraint "deliverable_submission_proof_url_scheme" check (proof_url ~ '^https?://');`);
    this.addSql(`alter table "deliverable_submission" add constraint "deliverable_submission_reviewed" check ((outcome is null) = (reviewed_at is null) and (outcome is null) = (reviewed_by_id is null));`);
    this.addSql(`alter table "deliverable_submission" add constraint "deliverable_submission_reason" check (outcome is distinct from 'CHANGES_REQUESTED' or review_reason is not null);`);
    this.addSql(`alter table "deliverable_submission" add constraint "deliverable_submission_not_self_reviewed" check (reviewed_by_id <> submitted_by_id);`);

    // Deals made before deliverables were tracked: rows from the terms in force.
    this.addSql(`insert into "deal_deliverable" ("id", "deal_id", "position", "format", "platform", "description", "due_at", "status", "added_in_version", "created_at", "updated_at")
      select gen_random_uuid(), deal.id, (item.ordinality - 1)::int, item.value ->> 'format', item.value ->> 'platform', item.value ->> 'description', (item.value ->> 'dueAt')::timestamptz, 'PENDING', deal.terms_version, now(), now()
        from "deal" deal
        join "deal_terms" terms on terms.deal_id = deal.id and terms.version = deal.terms_version
        cross join lateral jsonb_array_elements(terms.deliverables) with ordinality as item(value, ordinality);`);
  }
}

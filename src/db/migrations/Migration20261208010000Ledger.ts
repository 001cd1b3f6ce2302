import { Migration } from '@mikro-orm/migrations';
import { sqlFileAsOf } from './sql-file.js';

/**
 * The double-entry ledger (src/ledger): accounts with cached balances, append-only entries whose
 * lines balance per currency at commit, deposits confirmed against a unique bank reference, payout
 * details, payout batches and payouts; and the dispute decision that splits the escrow.
 */
export class Migration20261208010000Ledger extends Migration {
  override async up(): Promise<void> {
    const text = sqlFileAsOf(new URL('../../ledger/ledger.sql', import.meta.url), 'ac2cc3bd2310eeec');
    if (text !== null) this.addSql(text);

    this.addSql(`create table "ledger_account" (
      "id" uuid not null primary key,
      "kind" text not null check ("kind" in ('BRAND_BALANCE', 'DEAL_ESCROW', 'TALENT_PAYABLE', 'AGENCY_PAYABLE', 'PAYOUT_IN_TRANSIT', 'PLATFORM_REVENUE', 'BANK')),
      "brand_id" uuid null references "brand" ("id"),
      "deal_id" uuid null references "deal" ("id"),
      "creator_id" uuid null references "creator" ("id"),
      "trader_id" uuid null references "trader" ("id"),
      "agency_id" uuid null references "agency" ("id"),
      "currency" text not null check ("currency" ~ '^[A-Z]{3}$'),
      "balance" bigint not null default 0,
      "created_at" timestamptz not null default now(),
      constraint "ledger_account_owner" check (
        case "kind"
          when 'BRAND_BALANCE' then "brand_id" is not null and num_nonnulls("deal_id", "creator_id", "trader_id", "agency_id") = 0
          when 'DEAL_ESCROW' then "deal_id" is not null and num_nonnulls("brand_id", "creator_id", "trader_id", "agency_id") = 0
          when 'TALENT_PAYABLE' then num_nonnulls("creator_id", "trader_id") = 1 and num_nonnulls("brand_id", "deal_id", "agency_id") = 0
          when 'AGENCY_PAYABLE' then "agency_id" is not null and num_nonnulls("brand_id", "deal_id", "creator_id", "trader_id") = 0
          when 'PAYOUT_IN_TRANSIT' then num_nonnulls("creator_id", "trader_id", "agency_id") = 1 and num_nonnulls("brand_id", "deal_id") = 0
          else num_nonnulls("brand_id", "deal_id", "creator_id", "trader_id", "agency_id") = 0
        end),
      constraint "ledger_account_not_overdrawn" check ("kind" = 'BANK' or "balance" >= 0),
      constraint "ledger_account_one_per_owner" unique nulls not distinct ("kind", "brand_id", "deal_id", "creator_id", "trader_id", "agency_id", "currency"),
      constraint "ledger_account_id_currency" unique ("id", "currency"));`);
    for (const column of ['brand_id', 'deal_id', 'creator_id', 'trader_id', 'agency_id']) {
      this.addSql(`create index "ledger_account_${column}_index" on "ledger_account" ("${column}") where "${column}" is not null;`);
    }

    this.addSql(`create table "ledger_entry" (
      "id" uuid not null primary key,
      "kind" text not null check ("kind" in ('DEPOSIT', 'DEAL_FUNDING', 'FEE_RELEASE', 'SETTLEMENT', 'ESCROW_REFUND', 'DISPUTE_SPLIT', 'PAYOUT_REQUESTED', 'PAYOUT_PAID', 'PAYOUT_RETURNED', 'UNCLAIMED_RETURN')),
      "idempotency_key" text not null unique check (length("idempotency_key") between 1 and 200),
      "cause_type" text not null check ("cause_type" in ('ledger_deposit', 'deal', 'deal_deliverable', 'deal_settlement', 'deal_cancellation', 'deal_dispute', 'deal_amendment', 'payout')),
      "cause_id" uuid not null,
      "deal_id" uuid null references "deal" ("id"),
      "memo" text not null check (length("memo") between 1 and 500),
      "created_by_id" uuid null references "app_user" ("id"),
      "created_at" timestamptz not null default now());`);
    this.addSql(`create index "ledger_entry_cause_index" on "ledger_entry" ("cause_type", "cause_id");`);
    this.addSql(`create index "ledger_entry_deal_index" on "ledger_entry" ("deal_id") where "deal_id" is not null;`);

    this.addSql(`create table "ledger_line" (
      "id" bigint generated always as identity primary key,
      "entry_id" uuid not null references "ledger_entry" ("id"),
      "account_id" uuid not null,
      "currency" text not null,
      "amount" bigint not null check ("amount" <> 0),
      constraint "ledger_line_account_currency" foreign key ("account_id", "currency") references "ledger_account" ("id", "currency"));`);
    this.addSql(`create index "ledger_line_entry_index" on "ledger_line" ("entry_id");`);
    this.addSql(`create index "ledger_line_account_index" on "ledger_line" ("account_id", "id");`);

    this.addSql(`create trigger "ledger_line_moves_balance" after insert on "ledger_line" for each row execute function ledger_line_moves_balance();`);
    this.addSql(`create constraint trigger "ledger_line_balances" after insert on "ledger_line" deferrable initially deferred for each row execute function ledger_entry_balances('entry_id');`);
    this.addSql(`create constraint trigger "ledger_entry_balances" after insert on "ledger_entry" deferrable initially deferred for each row execute function ledger_entry_balances('id');`);
    for (const table of ['ledger_entry', 'ledger_line']) {
      this.addSql(`create trigger "${table}_append_only" before update or delete on "${table}" for each row execute function ledger_is_append_only();`);
      this.addSql(`create trigger "${table}_never_truncated" before truncate on "${table}" for each statement execute function ledger_is_append_only();`);
    }

    this.addSql(`create table "ledger_deposit" (
      "id" uuid not null primary key,
      "brand_id" uuid not null references "brand" ("id"),
      "currency" text not null,
      "amount" bigint not null check ("amount" > 0),
      "bank_reference" text not null check (length("bank_reference") between 1 and 100),
      "note" text null check (length("note") <= 2000),
      "confirmed_by_id" uuid not null references "app_user" ("id"),
      "confirmed_at" timestamptz not null default now(),
      constraint "ledger_deposit_bank_reference_unique" unique ("bank_reference"));`);
    this.addSql(`create index "ledger_deposit_brand_index" on "ledger_deposit" ("brand_id");`);
    this.addSql(`create trigger "ledger_deposit_append_only" before update or delete on "ledger_deposit" for each row execute function ledger_is_append_only();`);

    this.addSql(`create table "payout_details" (
      "id" uuid not null primary key,
      "creator_id" uuid null references "creator" ("id"),
      "trader_id" uuid null references "trader" ("id"),
      "agency_id" uuid null references "agency" ("id"),
      "account_name" text not null check (length("account_name") between 1 and 200),
      "bank_name" text not null check (length("bank_name") between 1 and 200),
      "account_number" text not null check (length("account_number") between 4 and 64),
      "updated_at" timestamptz not null default now(),
      constraint "payout_details_one_payee" check (num_nonnulls("creator_id", "trader_id", "agency_id") = 1),
      constraint "payout_details_per_payee" unique nulls not distinct ("creator_id", "trader_id", "agency_id"));`);

    this.addSql(`create table "payout_batch" (
      "id" uuid not null primary key,
      "currency" text not null,
      "created_by_id" uuid not null references "app_user" ("id"),
      "created_at" timestamptz not null default now());`);

    this.addSql(`create table "payout" (
      "id" uuid not null primary key,
      "creator_id" uuid null references "creator" ("id"),
      "trader_id" uuid null references "trader" ("id"),
      "agency_id" uuid null references "agency" ("id"),
      "currency" text not null,
      "amount" bigint not null check ("amount" > 0),
      "status" text not null check ("status" in ('REQUESTED', 'PROCESSING', 'PAID', 'FAILED')),
      "account_name" text not null,
      "bank_name" text not null,
      "account_number" text not null,
      "batch_id" uuid null references "payout_batch" ("id"),
      "bank_reference" text null unique check (length("bank_reference") between 1 and 100),
      "failure_reason" text null check (length("failure_reason") between 1 and 2000),
      "requested_by_id" uuid not null references "app_user" ("id"),
      "requested_at" timestamptz not null default now(),
      "processing_at" timestamptz null,
      "paid_at" timestamptz null,
      "failed_at" timestamptz null,
      constraint "payout_one_payee" check (num_nonnulls("creator_id", "trader_id", "agency_id") = 1),
      constraint "payout_status_columns" check (
        ("status" = 'REQUESTED') = ("batch_id" is null)
        and ("status" = 'PAID') = ("bank_reference" is not null and "paid_at" is not null)
        and ("status" = 'FAILED') = ("failure_reason" is not null and "failed_at" is not null)));`);
    this.addSql(`create index "payout_status_index" on "payout" ("status", "currency");`);
    for (const column of ['creator_id', 'trader_id', 'agency_id']) {
      this.addSql(`create index "payout_${column}_index" on "payout" ("${column}") where "${column}" is not null;`);
    }

    this.addSql(`alter table "deal_dispute" drop constraint "deal_dispute_decision_check";`);
    this.addSql(`alter table "deal_dispute" add constraint "deal_dispute_decision_check" check ("decision" in ('SETTLE', 'CANCEL', 'SPLIT'));`);
    this.addSql(`alter table "deal_dispute" add column "split_talent_amount" bigint null check ("split_talent_amount" >= 0);`);
    this.addSql(`alter table "deal_dispute" add constraint "deal_dispute_split_amount" check (("decision" = 'SPLIT') = ("split_talent_amount" is not null) or "decision" is null and "split_talent_amount" is null);`);
  }
}

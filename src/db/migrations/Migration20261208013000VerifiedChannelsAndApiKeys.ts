import { Migration } from '@mikro-orm/migrations';

const EMPTY_AUDIENCE = `'{"femaleShare":0,"maleShare":0,"ageBands":[],"topRegions":[]}'::jsonb`;

/**
 * Credibility nobody can type in. A channel's figures as the creator typed them move to
 * `declared_*` columns, shown but never counted; the columns that filtering, matching and
 * credibility read (followers, views, engagement, audience) now hold the latest verified snapshot
 * and stay empty until ownership is verified, which the database holds as a rule. Platform
 * connectors post snapshots with organisation API keys, stored as hashes only.
 */
export class Migration20261208013000VerifiedChannelsAndApiKeys extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "connector" ("id" uuid not null, "name" varchar(120) not null, "platform" text not null, "created_by_id" uuid null, "created_at" timestamptz not null, primary key ("id"), constraint "connector_name_unique" unique ("name"));`);
    this.addSql(`alter table "connector" add constraint "connector_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on delete set null;`);

    this.addSql(`alter table "channel_account"
      add column "declared_followers" int not null default 0,
      add column "declared_average_views" int not null default 0,
      add column "declared_engagement_rate" double precision not null default 0,
      add column "declared_real_follower_share" double precision null,
      add column "declared_audience" jsonb not null default ${EMPTY_AUDIENCE},
      add column "verified_at" timestamptz null,
      add column "verification_method" text null,
      add column "verified_by_id" uuid null,
      add column "verified_by_connector_id" uuid null,
      add column "snapshot_captured_at" timestamptz null,
      add column "audit_score" smallint null,
      add column "audit" jsonb null;`);
    this.addSql(`update "channel_account" set "declared_followers" = "followers", "declared_average_views" = "average_views", "declared_engagement_rate" = "engagement_rate", "declared_real_follower_share" = "real_follower_share", "declared_audience" = "audience";`);
    // Nothing was verified before: every channel is declared, and counts for nothing until it is.
    this.addSql(`alter table "channel_account" alter column "real_follower_share" drop not null, alter column "real_follower_share" drop default, alter column "followers" set default 0;`);
    this.addSql(`update "channel_account" set "followers" = 0, "average_views" = 0, "engagement_rate" = 0, "real_follower_share" = null, "audience" = ${EMPTY_AUDIENCE};`);
    this.addSql(`alter table "channel_account"
      add constraint "channel_account_declared_followers_check" check (declared_followers >= 0),
      add constraint "channel_account_declared_average_views_check" check (declared_average_views >= 0),
      add constraint "channel_account_declared_engagement_rate_check" check (declared_engagement_rate between 0 and 1),
      add constraint "channel_account_declared_real_follower_share_check" check (declared_real_follower_share between 0 and 1),
      add constraint "channel_account_verification_method_check" check (verification_method in ('ADMIN', 'CONNECTOR')),
      add constraint "channel_account_verified_how" check ((verified_at is null) = (verification_method is null)),
      add constraint "channel_account_unverified_counts_nothing" check (verified_at is not null or (followers = 0 and average_views = 0 and audit_score is null)),
      add constraint "channel_account_audit_score_check" check (audit_score between 0 and 100),
      add constraint "channel_account_verified_by_id_foreign" foreign key ("verified_by_id") references "app_user" ("id") on delete set null,
      add constraint "channel_account_verified_by_connector_id_foreign" foreign key ("verified_by_connector_id") references "connector" ("id") on delete set null;`);

    this.addSql(`create table "channel_verification_code" ("id" uuid not null, "channel_account_id" uuid not null, "code" varchar(32) not null, "handle" varchar(80) not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "used_at" timestamptz null, primary key ("id"), constraint "channel_verification_code_code_unique" unique ("code"));`);
    this.addSql(`alter table "channel_verification_code" add constraint "channel_verification_code_channel_account_id_foreign" foreign key ("channel_account_id") references "channel_account" ("id") on delete cascade;`);
    this.addSql(`create index "channel_verification_code_channel_account_id_index" on "channel_verification_code" ("channel_account_id");`);

    this.addSql(`create table "channel_snapshot" ("id" uuid not null, "channel_account_id" uuid not null, "source" text not null, "connector_id" uuid null, "recorded_by_id" uuid null, "external_id" varchar(120) null, "captured_at" timestamptz not null, "followers" int not null, "average_views" int not null, "engagement_rate" double precision not null, "real_follower_share" double precision null, "audience" jsonb not null, "follower_history" jsonb not null, "audit_score" smallint not null, "audit" jsonb not null, "created_at" timestamptz not null, primary key ("id"),
      constraint "channel_snapshot_source_check" check ("source" in ('ADMIN', 'CONNECTOR')),
      constraint "channel_snapshot_connector_source" check ((source = 'CONNECTOR') = (connector_id is not null and external_id is not null)),
      constraint "channel_snapshot_followers_check" check (followers between 0 and 2000000000),
      constraint "channel_snapshot_average_views_check" check (average_views >= 0),
      constraint "channel_snapshot_engagement_rate_check" check (engagement_rate between 0 and 1),
      constraint "channel_snapshot_real_follower_share_check" check (real_follower_share between 0 and 1),
      constraint "channel_snapshot_audit_score_check" check (audit_score between 0 and 100),
      constraint "channel_snapshot_connector_external_unique" unique ("connector_id", "external_id"),
      constraint "channel_snapshot_channel_captured_unique" unique ("channel_account_id", "captured_at"));`);
    this.addSql(`alter table "channel_snapshot" add constraint "channel_snapshot_channel_account_id_foreign" foreign key ("channel_account_id") references "channel_account" ("id") on delete cascade;`);
    this.addSql(`alter table "channel_snapshot" add constraint "channel_snapshot_connector_id_foreign" foreign key ("connector_id") references "connector" ("id") on delete restrict;`);
    this.addSql(`alter table "channel_snapshot" add constraint "channel_snapshot_recorded_by_id_foreign" foreign key ("recorded_by_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`create index "channel_snapshot_history" on "channel_snapshot" ("channel_account_id", "captured_at");`);

    this.addSql(`create table "api_key" ("id" uuid not null, "brand_id" uuid null, "agency_id" uuid null, "connector_id" uuid null, "name" varchar(120) not null, "scopes" text[] not null, "prefix" varchar(24) not null, "secret_hash" char(64) not null, "created_by_id" uuid null, "created_at" timestamptz not null, "last_used_at" timestamptz null, "revoked_at" timestamptz null, "revoked_by_id" uuid null, "replaced_by_id" uuid null, primary key ("id"),
      constraint "api_key_secret_hash_unique" unique ("secret_hash"),
      constraint "api_key_one_organisation" check (num_nonnulls(brand_id, agency_id, connector_id) = 1),
      constraint "api_key_has_scopes" check (cardinality(scopes) > 0));`);
    this.addSql(`alter table "api_key" add constraint "api_key_brand_id_foreign" foreign key ("brand_id") references "brand" ("id") on delete cascade;`);
    this.addSql(`alter table "api_key" add constraint "api_key_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on delete cascade;`);
    this.addSql(`alter table "api_key" add constraint "api_key_connector_id_foreign" foreign key ("connector_id") references "connector" ("id") on delete cascade;`);
    this.addSql(`alter table "api_key" add constraint "api_key_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "api_key" add constraint "api_key_revoked_by_id_foreign" foreign key ("revoked_by_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "api_key" add constraint "api_key_replaced_by_id_foreign" foreign key ("replaced_by_id") references "api_key" ("id") on delete set null;`);
    this.addSql(`create index "api_key_organisation" on "api_key" ("brand_id", "agency_id", "connector_id", "created_at");`);

    this.addSql(`alter table "credibility_change" drop constraint "credibility_change_reason_check";`);
    this.addSql(`alter table "credibility_change" add constraint "credibility_change_reason_check" check ("reason" in ('CREDENTIAL_VERIFIED', 'CREDENTIAL_LAPSED', 'AUDIENCE_CHANGED', 'CHANNEL_VERIFIED', 'CHANNEL_VERIFICATION_DROPPED', 'AUDIT_CHANGED', 'DEAL_SETTLED', 'REVIEW_RECEIVED', 'RECALCULATED'));`);
  }
}

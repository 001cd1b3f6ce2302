import { Migration } from '@mikro-orm/migrations';

/** Accounts, the vertical taxonomy, brands and products, creators, operators and agencies. */
export class Migration20261124000000Foundation extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "agency" ("id" uuid not null, "name" varchar(120) not null, "description" text not null default '', "default_share_bp" int not null default 1500, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create table "brand" ("id" uuid not null, "name" varchar(120) not null, "description" text not null default '', "website_url" varchar(500) null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create table "app_user" ("id" uuid not null, "email" varchar(254) not null, "password_hash" varchar(200) not null, "display_name" varchar(120) not null, "is_admin" boolean not null default false, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "app_user" add constraint "app_user_email_unique" unique ("email");`);
    this.addSql(`create table "trader" ("id" uuid not null, "user_id" uuid not null, "display_name" varchar(120) not null, "bio" text not null default '', "capabilities" text[] not null default '{}', "vertical_slugs" text[] not null default '{}', "platforms" text[] not null default '{}', "capacity" int not null default 2, "active_deal_count" int not null default 0, "rate_currency" varchar(3) not null default 'CNY', "min_fixed_fee" bigint not null default '0', "min_commission_bp" int not null default 0, "verified_credential_types" text[] not null default '{}', "credibility_score" smallint not null default 0, "credibility_level" smallint not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "trader" add constraint "trader_user_id_unique" unique ("user_id");`);
    this.addSql(`create index "trader_vertical_slugs_index" on "trader" using gin ("vertical_slugs");`);
    this.addSql(`create index "trader_capabilities_index" on "trader" using gin ("capabilities");`);
    this.addSql(`create table "credential" ("id" uuid not null, "holder_id" uuid not null, "type" text not null, "issuer" varchar(200) not null, "license_number" varchar(100) not null, "evidence_url" varchar(1000) null, "status" text not null default 'PENDING', "expires_at" timestamptz null, "reviewed_by_id" uuid null, "reviewed_at" timestamptz null, "review_note" text null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "credential_holder_id_index" on "credential" ("holder_id");`);
    this.addSql(`create table "creator" ("id" uuid not null, "user_id" uuid not null, "display_name" varchar(120) not null, "bio" text not null default '', "kind" text not null, "vertical_slugs" text[] not null default '{}', "niche_tags" text[] not null default '{}', "capacity" int not null default 3, "active_deal_count" int not null default 0, "rate_currency" varchar(3) not null default 'CNY', "min_commission_bp" int not null default 0, "total_followers" bigint not null default '0', "audience_quality" double precision not null default 0, "verified_credential_types" text[] not null default '{}', "credibility_score" smallint not null default 0, "credibility_level" smallint not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "creator" add constraint "creator_user_id_unique" unique ("user_id");`);
    this.addSql(`create index "creator_vertical_slugs_index" on "creator" using gin ("vertical_slugs");`);
    this.addSql(`create index "creator_niche_tags_index" on "creator" using gin ("niche_tags");`);
    this.addSql(`create index "creator_verified_credential_types_index" on "creator" using gin ("verified_credential_types");`);
    this.addSql(`create index "creator_credibility_level_index" on "creator" ("credibility_level");`);
    this.addSql(`create index "creator_total_followers_index" on "creator" ("total_followers");`);
    this.addSql(`create table "roster_membership" ("id" uuid not null, "agency_id" uuid not null, "creator_id" uuid null, "trader_id" uuid null, "status" text not null default 'INVITED', "share_bp" int not null, "invited_by_id" uuid not null, "created_at" timestamptz not null, "responded_at" timestamptz null, "ended_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "roster_membership_creator_id_index" on "roster_membership" ("creator_id");`);
    this.addSql(`create index "roster_membership_trader_id_index" on "roster_membership" ("trader_id");`);
    this.addSql(`create index "roster_membership_agency_id_status_index" on "roster_membership" ("agency_id", "status");`);
    this.addSql(`create table "creator_rate" ("id" uuid not null, "creator_id" uuid not null, "format" text not null, "min_fixed_fee" bigint not null, "currency" varchar(3) not null, primary key ("id"));`);
    this.addSql(`alter table "creator_rate" add constraint "creator_rate_creator_id_format_unique" unique ("creator_id", "format");`);
    this.addSql(`create table "channel_account" ("id" uuid not null, "creator_id" uuid not null, "platform" text not null, "handle" varchar(80) not null, "followers" int not null, "average_views" int not null default 0, "engagement_rate" double precision not null default 0, "real_follower_share" double precision not null default 1, "audience" jsonb not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "channel_account_creator_id_index" on "channel_account" ("creator_id");`);
    this.addSql(`alter table "channel_account" add constraint "channel_account_platform_handle_unique" unique ("platform", "handle");`);
    this.addSql(`create table "brand_member" ("id" uuid not null, "brand_id" uuid not null, "user_id" uuid not null, "role" text not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "brand_member_user_id_index" on "brand_member" ("user_id");`);
    this.addSql(`alter table "brand_member" add constraint "brand_member_brand_id_user_id_unique" unique ("brand_id", "user_id");`);
    this.addSql(`create table "agency_member" ("id" uuid not null, "agency_id" uuid not null, "user_id" uuid not null, "role" text not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "agency_member_user_id_index" on "agency_member" ("user_id");`);
    this.addSql(`alter table "agency_member" add constraint "agency_member_agency_id_user_id_unique" unique ("agency_id", "user_id");`);
    this.addSql(`create table "vertical" ("id" uuid not null, "slug" varchar(80) not null, "name" varchar(120) not null, "description" text not null default '', "parent_id" uuid null, primary key ("id"));`);
    this.addSql(`alter table "vertical" add constraint "vertical_slug_unique" unique ("slug");`);
    this.addSql(`create table "product" ("id" uuid not null, "brand_id" uuid not null, "name" varchar(160) not null, "description" text not null default '', "vertical_id" uuid not null, "niche_tags" text[] not null default '{}', "required_credentials" text[] not null default '{}', "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "product_brand_id_index" on "product" ("brand_id");`);
    this.addSql(`create index "product_vertical_id_index" on "product" ("vertical_id");`);
    this.addSql(`create index "product_niche_tags_index" on "product" using gin ("niche_tags");`);
    this.addSql(`alter table "agency" add constraint "agency_default_share_bp_check" check (default_share_bp between 0 and 10000);`);
    this.addSql(`alter table "trader" add constraint "trader_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`);
    this.addSql(`alter table "trader" add constraint "trader_capacity_check" check (capacity between 1 and 100);`);
    this.addSql(`alter table "trader" add constraint "trader_active_deal_count_check" check (active_deal_count >= 0);`);
    this.addSql(`alter table "trader" add constraint "trader_min_fixed_fee_check" check (min_fixed_fee >= 0);`);
    this.addSql(`alter table "trader" add constraint "trader_min_commission_bp_check" check (min_commission_bp between 0 and 10000);`);
    this.addSql(`alter table "trader" add constraint "trader_credibility_score_check" check (credibility_score between 0 and 100);`);
    this.addSql(`alter table "trader" add constraint "trader_credibility_level_check" check (credibility_level between 1 and 5);`);
    this.addSql(`alter table "credential" add constraint "credential_holder_id_foreign" foreign key ("holder_id") references "app_user" ("id") on delete cascade;`);
    this.addSql(`alter table "credential" add constraint "credential_reviewed_by_id_foreign" foreign key ("reviewed_by_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "credential" add constraint "credential_review_consistent" check ((status = 'PENDING') = (reviewed_at is null));`);
    this.addSql(`alter table "credential" add constraint "credential_not_self_reviewed" check (reviewed_by_id <> holder_id);`);
    this.addSql(`alter table "credential" add constraint "credential_type_check" check ("type" in ('PHYSICIAN', 'PEDIATRICIAN', 'DERMATOLOGIST', 'NUTRITIONIST', 'PHARMACIST', 'RESEARCHER', 'COSMETIC_CHEMIST', 'FINANCIAL_ADVISOR', 'LAWYER', 'TEACHER'));`);
    this.addSql(`alter table "credential" add constraint "credential_status_check" check ("status" in ('PENDING', 'VERIFIED', 'REJECTED'));`);
    this.addSql(`alter table "creator" add constraint "creator_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`);
    this.addSql(`alter table "creator" add constraint "creator_capacity_check" check (capacity between 1 and 100);`);
    this.addSql(`alter table "creator" add constraint "creator_active_deal_count_check" check (active_deal_count >= 0);`);
    this.addSql(`alter table "creator" add constraint "creator_min_commission_bp_check" check (min_commission_bp between 0 and 10000);`);
    this.addSql(`alter table "creator" add constraint "creator_total_followers_check" check (total_followers >= 0);`);
    this.addSql(`alter table "creator" add constraint "creator_audience_quality_check" check (audience_quality between 0 and 1);`);
    this.addSql(`alter table "creator" add constraint "creator_credibility_score_check" check (credibility_score between 0 and 100);`);
    this.addSql(`alter table "creator" add constraint "creator_credibility_level_check" check (credibility_level between 1 and 5);`);
    this.addSql(`alter table "creator" add constraint "creator_kind_check" check ("kind" in ('PROFESSIONAL', 'REVIEWER', 'CELEBRITY', 'LIFESTYLE', 'BRAND_HOST'));`);
    this.addSql(`alter table "roster_membership" add constraint "roster_membership_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on delete cascade;`);
    this.addSql(`alter table "roster_membership" add constraint "roster_membership_creator_id_foreign" foreign key ("creator_id") references "creator" ("id") on delete cascade;`);
    this.addSql(`alter table "roster_membership" add constraint "roster_membership_trader_id_foreign" foreign key ("trader_id") references "trader" ("id") on delete cascade;`);
    this.addSql(`alter table "roster_membership" add constraint "roster_membership_invited_by_id_foreign" foreign key ("invited_by_id") references "app_user" ("id");`);
    this.addSql(`alter table "roster_membership" add constraint "roster_membership_one_talent" check ((creator_id is null) <> (trader_id is null));`);
    this.addSql(`alter table "roster_membership" add constraint "roster_membership_share_bp_check" check (share_bp between 0 and 10000);`);
    this.addSql(`alter table "roster_membership" add constraint "roster_membership_status_check" check ("status" in ('INVITED', 'ACTIVE', 'DECLINED', 'ENDED'));`);
    this.addSql(`alter table "creator_rate" add constraint "creator_rate_creator_id_foreign" foreign key ("creator_id") references "creator" ("id") on delete cascade;`);
    this.addSql(`alter table "creator_rate" add constraint "creator_rate_min_fixed_fee_check" check (min_fixed_fee >= 0);`);
    this.addSql(`alter table "creator_rate" add constraint "creator_rate_format_check" check ("format" in ('SHORT_VIDEO', 'LONG_VIDEO', 'LIVE_STREAM', 'IMAGE_POST', 'ARTICLE'));`);
    this.addSql(`alter table "channel_account" add constraint "channel_account_creator_id_foreign" foreign key ("creator_id") references "creator" ("id") on delete cascade;`);
    this.addSql(`alter table "channel_account" add constraint "channel_account_followers_check" check (followers >= 0);`);
    this.addSql(`alter table "channel_account" add constraint "channel_account_average_views_check" check (average_views >= 0);`);
    this.addSql(`alter table "channel_account" add constraint "channel_account_engagement_rate_check" check (engagement_rate between 0 and 1);`);
    this.addSql(`alter table "channel_account" add constraint "channel_account_real_follower_share_check" check (real_follower_share between 0 and 1);`);
    this.addSql(`alter table "channel_account" add constraint "channel_account_platform_check" check ("platform" in ('DOUYIN', 'KUAISHOU', 'TAOBAO_LIVE', 'XIAOHONGSHU', 'BILIBILI', 'WECHAT_CHANNELS', 'WEIBO'));`);
    this.addSql(`alter table "brand_member" add constraint "brand_member_brand_id_foreign" foreign key ("brand_id") references "brand" ("id") on delete cascade;`);
    this.addSql(`alter table "brand_member" add constraint "brand_member_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`);
    this.addSql(`alter table "brand_member" add constraint "brand_member_role_check" check ("role" in ('OWNER', 'MEMBER'));`);
    this.addSql(`alter table "agency_member" add constraint "agency_member_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on delete cascade;`);
    this.addSql(`alter table "agency_member" add constraint "agency_member_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`);
    this.addSql(`alter table "agency_member" add constraint "agency_member_role_check" check ("role" in ('OWNER', 'MEMBER'));`);
    this.addSql(`alter table "vertical" add constraint "vertical_parent_id_foreign" foreign key ("parent_id") references "vertical" ("id") on delete set null;`);
    this.addSql(`alter table "product" add constraint "product_brand_id_foreign" foreign key ("brand_id") references "brand" ("id");`);
    this.addSql(`alter table "product" add constraint "product_vertical_id_foreign" foreign key ("vertical_id") references "vertical" ("id");`);
    // Emails are compared case-insensitively; the service lower-cases, the database insists.
    this.addSql(`alter table "app_user" add constraint "app_user_email_lower" check (email = lower(email));`);
    // A creator or operator belongs to at most one agency at a time, and an agency holds at most one
    // open invitation or membership for the same person.
    this.addSql(`create unique index "roster_membership_one_active_creator" on "roster_membership" ("creator_id") where status = 'ACTIVE';`);
    this.addSql(`create unique index "roster_membership_one_active_trader" on "roster_membership" ("trader_id") where status = 'ACTIVE';`);
    this.addSql(`create unique index "roster_membership_one_open_creator" on "roster_membership" ("agency_id", "creator_id") where status in ('INVITED', 'ACTIVE');`);
    this.addSql(`create unique index "roster_membership_one_open_trader" on "roster_membership" ("agency_id", "trader_id") where status in ('INVITED', 'ACTIVE');`);
    // Admins review the queue of pending credentials oldest first.
    this.addSql(`create index "credential_pending_queue" on "credential" ("created_at") where status = 'PENDING';`);
    this.addSql(`create index "vertical_parent_id_index" on "vertical" ("parent_id");`);
  }
}

import { Migration } from '@mikro-orm/migrations';

/**
 * Real accounts. An email address counts only once its owner proved it by an emailed token; until
 * then an account works but may not accept invitations or receive payouts. A sign-up with an
 * address that already has an account still makes an account (so the answer never tells whether
 * the address is registered), holding the address only as `claimed_email`, which nothing trusts.
 * Sessions are rows, so a log-out or a password change can end them; mail leaves through an
 * outbox written in the same transaction as the change that causes it.
 */
export class Migration20261208011500AccountSecurity extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "app_user" alter column "email" drop not null;`);
    this.addSql(`alter table "app_user" add column "claimed_email" varchar(254) null, add column "email_verified_at" timestamptz null;`);
    this.addSql(`alter table "app_user" add constraint "app_user_one_email" check (("email" is null) <> ("claimed_email" is null));`);
    this.addSql(`alter table "app_user" add constraint "app_user_verified_has_email" check ("email_verified_at" is null or "email" is not null);`);
    this.addSql(`create index "app_user_claimed_email_index" on "app_user" ("claimed_email") where "claimed_email" is not null;`);

    this.addSql(`create table "auth_session" (
      "id" uuid not null primary key,
      "user_id" uuid not null references "app_user" ("id") on delete cascade,
      "created_at" timestamptz not null,
      "expires_at" timestamptz not null,
      "ended_at" timestamptz null
    );`);
    this.addSql(`create index "auth_session_user_index" on "auth_session" ("user_id") where "ended_at" is null;`);
    this.addSql(`create index "auth_session_ended_index" on "auth_session" ("ended_at") where "ended_at" is not null;`);

    this.addSql(`create table "account_token" (
      "id" uuid not null primary key,
      "user_id" uuid not null references "app_user" ("id") on delete cascade,
      "purpose" text not null check ("purpose" in ('VERIFY_EMAIL', 'RESET_PASSWORD', 'CHANGE_EMAIL')),
      "token_hash" char(64) not null unique,
      "email" varchar(254) not null,
      "created_at" timestamptz not null,
      "expires_at" timestamptz not null,
      "used_at" timestamptz null
    );`);
    this.addSql(`create index "account_token_user_index" on "account_token" ("user_id", "purpose") where "used_at" is null;`);

    this.addSql(`create table "mail_outbox" (
      "id" uuid not null primary key,
      "recipient" varchar(254) not null,
      "subject" varchar(200) not null,
      "text" text not null,
      "kind" text not null,
      "created_at" timestamptz not null,
      "attempts" int not null default 0 check ("attempts" >= 0),
      "next_attempt_at" timestamptz not null,
      "sent_at" timestamptz null,
      "last_error" text null
    );`);
    this.addSql(`create index "mail_outbox_pending_index" on "mail_outbox" ("next_attempt_at") where "sent_at" is null;`);
  }
}

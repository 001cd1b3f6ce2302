import { Migration } from '@mikro-orm/migrations';

/**
 * The history of each creator's and operator's credibility: one row per change of score or level,
 * with the reason, so the talent can see why their level moved (and which settled deal moved it).
 */
export class Migration20261124075000CredibilityHistory extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "credibility_change" ("id" uuid not null, "creator_id" uuid null, "trader_id" uuid null, "previous_score" smallint not null, "previous_level" smallint not null, "new_score" smallint not null, "new_level" smallint not null, "reason" text not null, "explanation" text not null, "deal_id" uuid null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "credibility_change" add constraint "credibility_change_creator_id_foreign" foreign key ("creator_id") references "creator" ("id") on delete cascade;`);
    this.addSql(`alter table "credibility_change" add constraint "credibility_change_trader_id_foreign" foreign key ("trader_id") references "trader" ("id") on delete cascade;`);
    this.addSql(`alter table "credibility_change" add constraint "credibility_change_deal_id_foreign" foreign key ("deal_id") references "deal" ("id") on delete set null;`);
    this.addSql(`alter table "credibility_change" add constraint "credibility_change_one_subject" check ((creator_id is null) <> (trader_id is null));`);
    this.addSql(`alter table "credibility_change" add constraint "credibility_change_previous_score_check" check (previous_score between 0 and 100);`);
    this.addSql(`alter table "credibility_change" add constraint "credibility_change_previous_level_check" check (previous_level between 1 and 5);`);
    this.addSql(`alter table "credibility_change" add constraint "credibility_change_new_score_check" check (new_score between 0 and 100);`);
    this.addSql(`alter table "credibility_change" add constraint "credibility_change_new_level_check" check (new_level between 1 and 5);`);
    this.addSql(`alter table "credibility_change" add constraint "credibility_change_reason_check" check ("reason" in ('CREDENTIAL_VERIFIED', 'CREDENTIAL_LAPSED', 'AUDIENCE_CHANGED', 'DEAL_SETTLED', 'REVIEW_RECEIVED', 'RECALCULATED'));`);
    // Each subject's history, newest first (a backward scan), and the rows a deal caused.
    this.addSql(`create index "credibility_change_creator_history" on "credibility_change" ("creator_id", "created_at", "id");`);
    this.addSql(`create index "credibility_change_trader_history" on "credibility_change" ("trader_id", "created_at", "id");`);
    this.addSql(`create index "credibility_change_deal_id_index" on "credibility_change" ("deal_id");`);
  }
}

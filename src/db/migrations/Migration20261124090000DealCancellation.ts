import { Migration } from '@mikro-orm/migrations';

/**
 * A party's cancellation of an ACTIVE deal before any work was handed in: who called it off, for
 * which side, why and when. One per deal (a cancelled deal stays cancelled); a deal an admin
 * cancels by resolving a dispute has no row here, its decision is on the dispute.
 */
export class Migration20261124090000DealCancellation extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "deal_cancellation" ("id" uuid not null, "deal_id" uuid not null, "cancelled_by_id" uuid not null, "side" text not null, "reason" text not null, "cancelled_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "deal_cancellation" add constraint "deal_cancellation_deal_id_unique" unique ("deal_id");`);
    this.addSql(`create index "deal_cancellation_cancelled_by_id_index" on "deal_cancellation" ("cancelled_by_id");`);
    this.addSql(`alter table "deal_cancellation" add constraint "deal_cancellation_deal_id_foreign" foreign key ("deal_id") references "deal" ("id") on delete cascade;`);
    this.addSql(`alter table "deal_cancellation" add constraint "deal_cancellation_cancelled_by_id_foreign" foreign key ("cancelled_by_id") references "app_user" ("id");`);
    this.addSql(`alter table "deal_cancellation" add constraint "deal_cancellation_side_check" check ("side" in ('BRAND', 'TALENT', 'AGENCY'));`);
    this.addSql(`alter table "deal_cancellation" add constraint "deal_cancellation_reason_length" check (char_length(reason) between 1 and 2000);`);
  }
}

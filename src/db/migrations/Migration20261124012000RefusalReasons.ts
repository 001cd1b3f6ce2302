import { Migration } from '@mikro-orm/migrations';

/**
 * Why a brand rejected a bid or cancelled a brief, so the bidders affected learn what happened.
 * Each reason exists only in its own final state.
 */
export class Migration20261124012000RefusalReasons extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "bid" add column "rejection_reason" text null;`);
    this.addSql(`alter table "bid" add constraint "bid_rejection_reason_only_when_rejected" check (rejection_reason is null or status = 'REJECTED');`);
    this.addSql(`alter table "brief" add column "cancellation_reason" text null;`);
    this.addSql(`alter table "brief" add constraint "brief_cancellation_reason_only_when_cancelled" check (cancellation_reason is null or status = 'CANCELLED');`);
  }
}

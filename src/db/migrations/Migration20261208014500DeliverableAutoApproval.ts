import { Migration } from '@mikro-orm/migrations';

/**
 * A proof the brand leaves unanswered for the review period is approved by the platform: such a
 * submission is APPROVED with no reviewer, and says so.
 */
export class Migration20261208014500DeliverableAutoApproval extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "deliverable_submission" add column "auto_approved" boolean not null default false;`);
    this.addSql(`alter table "deliverable_submission" drop constraint "deliverable_submission_reviewed";`);
    this.addSql(
      `alter table "deliverable_submission" add constraint "deliverable_submission_reviewed" check ((outcome is null) = (reviewed_at is null) and (outcome is null or reviewed_by_id is not null or auto_approved) and (not auto_approved or (outcome = 'APPROVED' and reviewed_by_id is null)));`,
    );
    this.addSql(`create index "deliverable_submission_unanswered_index" on "deliverable_submission" ("submitted_at") where outcome is null;`);
  }
}

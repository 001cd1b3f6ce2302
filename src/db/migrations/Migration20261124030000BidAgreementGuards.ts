import { Migration } from '@mikro-orm/migrations';

/**
 * An agreement names the revision both sides said yes to, and agreed terms are frozen, so an
 * AGREED or ACCEPTED bid's agreed revision is its current one. The fee range competitors see is
 * read from the bidders' own revisions, so the copy of the current fee on the bid, which a brand's
 * counter overwrote, goes.
 */
export class Migration20261124030000BidAgreementGuards extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "bid" add constraint "bid_agreement_is_current" check (status not in ('AGREED', 'ACCEPTED') or agreed_revision is not distinct from current_revision);`,
    );
    this.addSql(`alter table "bid" drop column "current_fixed_fee";`);
  }
}

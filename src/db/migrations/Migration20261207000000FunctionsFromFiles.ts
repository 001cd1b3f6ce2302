import { Migration } from '@mikro-orm/migrations';
import { sqlFileAsOf } from './sql-file.js';

/**
 * Every function of the database as the `.sql` file beside its callers says (see sql-file.ts),
 * and `talent_meets_brief`, the bidding rules in SQL, new with them. The others are unchanged
 * but for their comments, which now sit in the files.
 */
export class Migration20261207000000FunctionsFromFiles extends Migration {
  override async up(): Promise<void> {
    for (const [file, sha256] of [
      ['../../bid/eligibility/eligibility.sql', '7973b26583d964b9'],
      ['../../bid/bid-submission.sql', '4d5b775d0fc788df'],
      ['../../account/viewer-of-account.sql', 'e7e3a118c8c7d321'],
      ['./functions/records-never-rewritten.sql', '63531a7157e0fcbc'],
      ['./functions/text-items-between.sql', '7f88e3099e90eb3f'],
    ] as const) {
      const text = sqlFileAsOf(new URL(file, import.meta.url), sha256);
      if (text !== null) this.addSql(text);
    }
  }
}

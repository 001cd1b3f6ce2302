import { Migration } from '@mikro-orm/migrations';

/** Match candidates are capped most-credible-first; this index serves that order. */
export class Migration20261124040000MatchIndexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "creator_match_order" on "creator" ("credibility_level" desc, "credibility_score" desc, "id");`);
    this.addSql(`create index "trader_match_order" on "trader" ("credibility_level" desc, "credibility_score" desc, "id");`);
  }
}

import { Migration } from '@mikro-orm/migrations';

/**
 * What the planner needs to choose a good plan for match candidates (match-candidates.ts).
 *
 * Capacity: PostgreSQL estimates a comparison of two columns (`active_deal_count < capacity`) at a
 * fixed third of the rows, whatever the data, when nearly every profile has capacity left. Three
 * times too few estimated candidates made a brief with a higher minimum level look narrow, and the
 * planner gathered every creator of that level through bitmap scans (~3,500 heap rows) instead of
 * walking `creator_match_order` to the 200th candidate (~2,000 index entries). Statistics on the
 * comparison itself, read by the candidate statement's `(…) is true`, give the real share.
 *
 * GIN pending lists: with `fastupdate`, new and updated rows wait in an unsorted pending list that
 * every scan of the index reads whole until a vacuum merges it: up to 4 MB, or all 100,000 rows of
 * `verified_credential_types` after a bulk load, which made a brief requiring one credential read
 * ~400 pages to find ~2,000 creators. Profiles change rarely and are matched constantly, so the
 * indexes the candidate conditions use take each row into their tree as it is written.
 */
export class Migration20261125100000MatchPlanStatistics extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create statistics "creator_has_capacity" on (active_deal_count < capacity) from "creator";`);
    this.addSql(`create statistics "trader_has_capacity" on (active_deal_count < capacity) from "trader";`);
    for (const index of [
      'creator_vertical_slugs_index',
      'creator_verified_credential_types_index',
      'creator_platforms_index',
      'creator_rate_formats_index',
      'trader_vertical_slugs_index',
    ]) {
      this.addSql(`alter index "${index}" set (fastupdate = off);`);
      this.addSql(`select gin_clean_pending_list('"${index}"'::regclass);`);
    }
    this.addSql(`analyze "creator", "trader";`);
  }
}

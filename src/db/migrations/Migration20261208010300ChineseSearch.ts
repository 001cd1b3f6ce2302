import { Migration } from '@mikro-orm/migrations';
import { searchVectorSql } from '../../common/search-text.js';

/**
 * Search that finds Chinese: brief vectors are rebuilt from words cut by common/search-text.ts
 * (the `simple` configuration plus English stems), and creators gain a vector of their name,
 * niche tags and bio. Rows already stored are rewritten here with the same cutting, in the
 * migration's transaction.
 */
export class Migration20261208010300ChineseSearch extends Migration {
  override async up(): Promise<void> {
    await this.execute(`alter table "creator" add column "search_vector" tsvector null`);
    await this.execute(`create index "creator_search_vector_index" on "creator" using gin("search_vector")`);
    type Brief = { id: string; title: string; description: string; niche_tags: string[] };
    for (const brief of (await this.execute(`select id, title, description, niche_tags from brief`)) as Brief[]) {
      const vector = searchVectorSql({ A: brief.title, B: brief.description, C: brief.niche_tags.join(' ') });
      await this.execute(`update brief set search_vector = ${vector.sql} where id = ?`, [...vector.params, brief.id]);
    }
    type Creator = { id: string; display_name: string; niche_tags: string[]; bio: string };
    for (const creator of (await this.execute(`select id, display_name, niche_tags, bio from creator`)) as Creator[]) {
      const vector = searchVectorSql({ A: creator.display_name, B: creator.niche_tags.join(' '), C: creator.bio });
      await this.execute(`update creator set search_vector = ${vector.sql} where id = ?`, [...vector.params, creator.id]);
    }
  }
}

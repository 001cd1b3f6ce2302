import { Migration } from '@mikro-orm/migrations';

/**
 * A creator's channel platforms and rate-card formats, copied onto the creator row so candidate
 * retrieval tests them with two GIN-indexed overlaps instead of two subqueries per creator in
 * the brief's verticals (thousands per broad brief at scale).
 */
export class Migration20261124050000CreatorMatchArrays extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "creator" add column "platforms" text[] not null default '{}', add column "rate_formats" text[] not null default '{}';`);
    this.addSql(`update "creator" c set "platforms" = coalesce((select array_agg(distinct ca.platform order by ca.platform) from "channel_account" ca where ca.creator_id = c.id), '{}'),
      "rate_formats" = coalesce((select array_agg(distinct r.format order by r.format) from "creator_rate" r where r.creator_id = c.id), '{}');`);
    this.addSql(`create index "creator_platforms_index" on "creator" using gin ("platforms");`);
    this.addSql(`create index "creator_rate_formats_index" on "creator" using gin ("rate_formats");`);
  }
}

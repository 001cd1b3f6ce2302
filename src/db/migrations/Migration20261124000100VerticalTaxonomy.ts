import { Migration } from '@mikro-orm/migrations';
import { BASE_TAXONOMY } from './vertical-taxonomy.js';

const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;

/**
 * The taxonomy is reference data every environment needs (production, tests, demo), so it ships
 * as a migration rather than as demo seeds. Existing slugs are left as they are.
 */
export class Migration20261124000100VerticalTaxonomy extends Migration {
  override async up(): Promise<void> {
    for (const parent of BASE_TAXONOMY) {
      this.addSql(
        `insert into vertical (id, slug, name, description, parent_id)
         values (gen_random_uuid(), ${literal(parent.slug)}, ${literal(parent.name)}, ${literal(parent.description)}, null)
         on conflict (slug) do nothing;`,
      );
      for (const child of parent.children) {
        this.addSql(
          `insert into vertical (id, slug, name, description, parent_id)
           select gen_random_uuid(), ${literal(child.slug)}, ${literal(child.name)}, ${literal(child.description)}, id
             from vertical where slug = ${literal(parent.slug)}
           on conflict (slug) do nothing;`,
        );
      }
    }
  }
}

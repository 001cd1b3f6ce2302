import { MikroORM } from '@mikro-orm/postgresql';
import { applicationOrmConfig } from '../app/database.js';

// For writing a migration: prints the SQL that would bring DATABASE_URL's schema in line with the
// entities. Review it, then commit it as a new file in src/db/migrations/.
const url = process.env.DATABASE_URL;
if (!url) {
  process.stderr.write('DATABASE_URL is required: point it at a database migrated to the latest version.\n');
  process.exit(2);
}
const orm = await MikroORM.init(applicationOrmConfig({ clientUrl: url, poolMax: 2 }));
process.stdout.write(await orm.schema.getUpdateSchemaSQL({ wrap: false, safe: false }));
await orm.close();

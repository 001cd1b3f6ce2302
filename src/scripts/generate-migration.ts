import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from '../db/orm-config.js';

// Development helper: prints the SQL that would bring DATABASE_URL's schema in line with the
// entities, as a starting point for a hand-reviewed migration.
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');
const orm = await MikroORM.init(ormConfig({ clientUrl: url, poolMax: 2 }));
const sql = await orm.schema.getUpdateSchemaSQL({ wrap: false, safe: false });
process.stdout.write(sql);
await orm.close();

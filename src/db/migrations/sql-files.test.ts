import { randomBytes } from 'node:crypto';
import { globSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createDatabaseIfMissing, dropDatabaseIfExists, withDatabase } from '../database-admin.js';
import { sqlHash } from './sql-file.js';

/**
 * The migrated database runs the functions its `.sql` files say, and no others (sql-file.ts): a
 * file edited without a migration that applies it again (which the earlier migrations then skip),
 * or a function created by a migration alone, fails here.
 */

const sourceRoot = fileURLToPath(new URL('../../', import.meta.url));
const files = globSync('**/*.sql', { cwd: sourceRoot }).sort();

/** The functions a file creates, by name. */
const functionsOf = (text: string) => [...text.matchAll(/create\s+or\s+replace\s+function\s+(\w+)\s*\(/gi)].map((match) => match[1]!.toLowerCase());

const serverUrl = inject('databaseServerUrl');
const database = `sql_files_test_${randomBytes(6).toString('hex')}`;
let client: pg.Client;

beforeAll(async () => {
  await createDatabaseIfMissing(serverUrl, database, inject('templateDatabase'));
  client = new pg.Client({ connectionString: withDatabase(serverUrl, database) });
  await client.connect();
});
afterAll(async () => {
  await client?.end();
  await dropDatabaseIfExists(serverUrl, database);
});

/** Every definition of the named functions in the database, as PostgreSQL prints it back. */
async function definitions(names: string[]): Promise<string[]> {
  const { rows } = await client.query<{ definition: string }>(
    `select pg_get_functiondef(p.oid) as definition from pg_proc p
      where p.pronamespace = 'public'::regnamespace and p.proname = any($1::text[])
      order by p.proname, pg_get_function_identity_arguments(p.oid)`,
    [names],
  );
  return rows.map((row) => row.definition);
}

describe('the database functions', () => {
  it('are found in the .sql files', () => {
    expect(files).toContain('bid/eligibility/eligibility.sql');
    for (const file of files) expect(functionsOf(readFileSync(`${sourceRoot}${file}`, 'utf8')), file).not.toEqual([]);
  });

  it.each(files)('are those %s says: applying it again changes nothing', async (file) => {
    const text = readFileSync(`${sourceRoot}${file}`, 'utf8');
    const names = functionsOf(text);
    const before = await definitions(names);
    expect(before.length, `${file}: functions missing from the database: add a migration that applies it (sha256 ${sqlHash(text)})`).toBeGreaterThanOrEqual(names.length);
    await client.query('begin');
    try {
      await client.query(text);
      expect(await definitions(names), `${file} differs from the database: add a migration that applies it again (sha256 ${sqlHash(text)})`).toEqual(before);
    } finally {
      await client.query('rollback');
    }
  });

  it('are all declared in a file', async () => {
    const declared = files.flatMap((file) => functionsOf(readFileSync(`${sourceRoot}${file}`, 'utf8')));
    const { rows } = await client.query<{ name: string }>(
      `select distinct p.proname as name from pg_proc p
        where p.pronamespace = 'public'::regnamespace
          and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
        order by 1`,
    );
    expect(rows.map((row) => row.name)).toEqual([...new Set(declared)].sort());
  });
});

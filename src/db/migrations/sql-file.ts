import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/*
 * Every function the database runs for the application (PL/pgSQL or SQL) lives in a `.sql` file
 * beside the TypeScript that calls it, as `create or replace function` statements, and reaches
 * the database only through migrations that apply the file (`sqlFileAsOf`). The build copies
 * every `.sql` file under src/ into dist/src/, where migrations run from in production; under
 * vitest they run from src/.
 *
 * To change a function: edit its file, then add a migration that applies the file again, naming
 * the file's new hash (`npx vitest run src/db/migrations` prints it). A migration applies a file
 * only while the file still has the hash it names, so on a fresh database the earlier migrations
 * skip a file that has changed since and the latest one applies it; a database that ran them
 * already gets the new text from the new migration. A committed migration is never edited.
 * A change of arguments or result type makes another function, not a new version of this one:
 * the migration drops the old one first. sql-files.test.ts fails when a function in the migrated
 * database differs from its file, and when the database holds a function no file declares.
 */

/** The first 16 hex digits of the SHA-256 of a file's text: what a migration names it by. */
export function sqlHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/**
 * The text of a `.sql` file (by URL relative to the migration), when it is still the text the
 * migration was written for; null when the file has changed since, for a later migration applies it.
 */
export function sqlFileAsOf(url: URL, sha256: string): string | null {
  const text = readFileSync(url, 'utf8');
  return sqlHash(text) === sha256 ? text : null;
}

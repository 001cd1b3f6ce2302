import pg from 'pg';

/** The same server, another database: swaps the path of a postgres:// URL. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Runs one statement on the server's maintenance database, outside any transaction. */
async function onMaintenanceDatabase(serverUrl: string, statement: (client: pg.Client) => Promise<void>) {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    await statement(client);
  } finally {
    await client.end();
  }
}

export async function createDatabaseIfMissing(serverUrl: string, name: string, template?: string) {
  await onMaintenanceDatabase(serverUrl, async (client) => {
    const existing = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (existing.rowCount) return;
    await client.query(
      `create database ${quoteIdentifier(name)}${template ? ` template ${quoteIdentifier(template)}` : ''}`,
    );
  });
}

export async function dropDatabaseIfExists(serverUrl: string, name: string) {
  await onMaintenanceDatabase(serverUrl, async (client) => {
    await client.query(`drop database if exists ${quoteIdentifier(name)} with (force)`);
  });
}

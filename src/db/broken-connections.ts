import type { MikroORM, PostgreSqlConnection } from '@mikro-orm/postgresql';
import type { Pool, PoolClient } from 'pg';

/**
 * Gives back to the pool every connection the server closed while it was checked out.
 *
 * Kysely, under MikroORM, releases a transaction's connection only after its COMMIT or ROLLBACK
 * succeeds. When PostgreSQL restarts mid-transaction both fail, and the connection would stay
 * checked out for good: each restart would cost the pool the connections that were busy, until
 * none were left and the server never recovered. Here, a connection that ends while checked out is
 * released at once with an error, so the pool discards it and opens a fresh one; the release its
 * holder may still make later is then a no-op instead of pg's double-release error.
 */
export function releaseConnectionsEndedWhileCheckedOut(pool: Pool): void {
  pool.on('acquire', (client: PoolClient) => {
    // pg assigns this checkout's `release` right after emitting 'acquire', and hands the client
    // over on a later microtask; this one runs in between.
    queueMicrotask(() => {
      const releaseToPool = client.release.bind(client);
      let released = false;
      const release = (error?: Error | boolean) => {
        if (released) return;
        released = true;
        client.removeListener('end', onEnd);
        releaseToPool(error);
      };
      const onEnd = () => release(new Error('The database closed this connection while it was in use.'));
      client.release = release;
      client.once('end', onEnd);
    });
  });
}

/** Installs `releaseConnectionsEndedWhileCheckedOut` on the primary's pool and every replica's. */
export async function guardPools(orm: MikroORM): Promise<void> {
  // MikroORM keeps its replica connections to itself (a protected field) and offers no pool hook
  // that survives other driver options; reading the field is the one way to reach their pools.
  const driver = orm.driver as unknown as { getConnection(type: 'write'): PostgreSqlConnection; replicas?: PostgreSqlConnection[] };
  for (const connection of [driver.getConnection('write'), ...(driver.replicas ?? [])]) {
    releaseConnectionsEndedWhileCheckedOut(await connection.getNativeClient());
  }
}

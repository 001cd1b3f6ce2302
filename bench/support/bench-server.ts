import pg from 'pg';
import { generateCreators, type GenerationReport } from '../../seeds/generator.js';
import { startTestServer, type TestServer } from '../../test/support/test-server.js';

/** The size and length of a benchmark run, from the environment (see bench/README.md). */
export const BENCH = {
  creators: Number(process.env.BENCH_CREATORS ?? 100_000),
  durationSeconds: Number(process.env.BENCH_DURATION_S ?? 10),
  seed: Number(process.env.BENCH_SEED ?? 7),
};

export interface BenchServer {
  server: TestServer;
  seeded: GenerationReport;
  /** A bare `pg` pool on the server's database, for the raw baselines. */
  pool: pg.Pool;
  /** The server's SQL statement counter. */
  statements: { reset(): void; read(): number };
}

/**
 * The real server over HTTP on a fresh database (cloned from the migrated template), loaded with
 * BENCH.creators synthetic creators by the seed generator and analysed, so plans are those of a
 * populated database.
 */
export async function startBenchServer(): Promise<BenchServer> {
  // Rate limits off and the statement timeout long: seeding and `analyze` run through the server's
  // pool, and a benchmark measures the server, not its protections.
  const server = await startTestServer({ DB_POOL_MAX: '10', RATE_LIMIT_POINTS: '100000000', DB_STATEMENT_TIMEOUT_MS: '600000' });
  const seeded = await generateCreators(server.app.orm.em.fork(), { creators: BENCH.creators, seed: BENCH.seed });
  await server.sql('analyze');
  const pool = new pg.Pool({ connectionString: server.app.orm.config.get('clientUrl'), max: 10 });
  return {
    server,
    seeded,
    pool,
    statements: { reset: () => server.resetQueryCount(), read: () => server.queryCount() },
  };
}

export async function stopBenchServer(bench: BenchServer | undefined): Promise<void> {
  await bench?.pool.end();
  await bench?.server.stop();
}

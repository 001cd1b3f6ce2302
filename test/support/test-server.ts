import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { startApplication, type RunningApplication } from '../../src/app.js';
import { loadConfig } from '../../src/config/env.js';
import { createDatabaseIfMissing, dropDatabaseIfExists, withDatabase } from '../../src/db/database-admin.js';
import { createLogger, type Logger } from '../../src/logger.js';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; [key: string]: unknown } }[];
}

export interface RequestOptions {
  token?: string;
  headers?: Record<string, string>;
}

/** Posts one GraphQL request to `url` as a client would: the HTTP response and its JSON body. */
export async function postGraphQL(
  url: string,
  query: string,
  variables: Record<string, unknown> | undefined,
  options: RequestOptions = {},
): Promise<{ response: Response; body: Omit<GraphQLResponse, 'status'> & { extensions?: Record<string, unknown> } }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...options.headers },
    body: JSON.stringify({ query, variables }),
  });
  return { response, body: (await response.json()) as Omit<GraphQLResponse, 'status'> & { extensions?: Record<string, unknown> } };
}

export interface TestServer {
  url: string;
  app: RunningApplication;
  /** SQL statements run since the last `resetQueryCount()`. */
  queryCount(): number;
  resetQueryCount(): void;
  graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, options?: RequestOptions): Promise<GraphQLResponse<T>>;
  /** Runs SQL directly, for setting up what no public API offers (e.g. making an admin). */
  sql<T = Record<string, unknown>>(statement: string, parameters?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

/**
 * The real server, over HTTP, on a database of this test file's own cloned from the template.
 * `environment` overrides configuration, e.g. `{ HOUSEKEEPING_INTERVAL_MS: '200' }`; `options.logger`
 * replaces the silent logger, for tests that read the logs.
 */
export async function startTestServer(
  environment: Record<string, string> = {},
  options: { logger?: Logger } = {},
): Promise<TestServer> {
  const serverUrl = inject('databaseServerUrl');
  const database = `marketplace_test_${randomBytes(6).toString('hex')}`;
  await createDatabaseIfMissing(serverUrl, database, inject('templateDatabase'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: withDatabase(serverUrl, database),
    PORT: '0',
    SEED_DEMO_DATA: 'false',
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing',
    DB_POOL_MAX: '5',
    // Every test calls from 127.0.0.1, as one anonymous caller; rate-limit tests set their own budget.
    RATE_LIMIT_POINTS: '100000000',
    ...environment,
  });
  let queries = 0;
  const app = await startApplication(config, options.logger ?? createLogger({ level: 'silent', pretty: false }), {
    observeQuery: () => {
      queries += 1;
    },
  });
  const url = `http://127.0.0.1:${app.port}/graphql`;

  return {
    url,
    app,
    queryCount: () => queries,
    resetQueryCount: () => {
      queries = 0;
    },
    async graphql(query, variables, options = {}) {
      const { response, body: { extensions, ...body } } = await postGraphQL(url, query, variables, options);
      // `extensions.cost` tells the rate-limit budget left, which changes with every call; answers
      // compared whole (a private object must read exactly like a missing one) leave it out.
      const { cost: _cost, ...otherExtensions } = extensions ?? {};
      return {
        status: response.status,
        ...body,
        ...(Object.keys(otherExtensions).length ? { extensions: otherExtensions } : {}),
      } as GraphQLResponse<never>;
    },
    async sql(statement, parameters = []) {
      return app.orm.em.getConnection().execute(statement, parameters);
    },
    async stop() {
      await app.stop();
      await dropDatabaseIfExists(serverUrl, database);
    },
  };
}

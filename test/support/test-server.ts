import { randomBytes } from 'node:crypto';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type DocumentNode, print } from 'graphql';
import { afterAll, beforeAll, inject } from 'vitest';
import { startApplication, type RunningApplication } from '../../src/app/application.js';
import { loadConfig } from '../../src/config/env.js';
import { createDatabaseIfMissing, dropDatabaseIfExists, withDatabase } from '../../src/db/database-admin.js';
import { createLogger, type Logger } from '../../src/observability/logger.js';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; [key: string]: unknown } }[];
}

export interface RequestOptions {
  token?: string;
  headers?: Record<string, string>;
}

/** A generated document, or text for the tests that build or break documents on purpose. */
export type GraphQLDocument = string | DocumentNode;

const printed = new WeakMap<DocumentNode, string>();

/** The text of a document as it goes over the wire; each document is printed once. */
export function documentText(document: GraphQLDocument): string {
  if (typeof document === 'string') return document;
  let text = printed.get(document);
  if (text === undefined) {
    text = print(document);
    printed.set(document, text);
  }
  return text;
}

/** Posts one GraphQL request to `url` as a client would: the HTTP response and its JSON body. */
export async function postGraphQL(
  url: string,
  document: GraphQLDocument,
  variables: Record<string, unknown> | undefined,
  options: RequestOptions = {},
): Promise<{ response: Response; body: Omit<GraphQLResponse, 'status'> & { extensions?: Record<string, unknown> } }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...options.headers },
    body: JSON.stringify({ query: documentText(document), variables }),
  });
  return { response, body: (await response.json()) as Omit<GraphQLResponse, 'status'> & { extensions?: Record<string, unknown> } };
}

/** Variables may be left out only when the document requires none. */
export type VariablesAndOptions<Variables> = Record<string, never> extends Variables
  ? [variables?: Variables, options?: RequestOptions]
  : [variables: Variables, options?: RequestOptions];

/** The background read of sessions ended elsewhere (AccountService.endedSessionsSince). */
const ENDED_SESSIONS_POLL = /\bfrom "auth_session"[\s\S]*"ended_at" > /;

export interface TestServer {
  url: string;
  app: RunningApplication;
  /** SQL statements run since the last `resetQueryCount()`. */
  queryCount(): number;
  resetQueryCount(): void;
  /** A generated document (test/generated/graphql.ts): its result and variables are typed by the schema. */
  graphql<Result, Variables>(document: TypedDocumentNode<Result, Variables>, ...rest: VariablesAndOptions<Variables>): Promise<GraphQLResponse<Result>>;
  /** A document as text, for the tests that send malformed or dynamically built documents on purpose. */
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
    DATABASE_URL: withDatabase(inject('databaseClientUrl'), database),
    PORT: '0',
    SEED_DEMO_DATA: 'false',
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing',
    DB_POOL_MAX: '5',
    // Every test calls from 127.0.0.1, as one anonymous caller; rate-limit tests set their own budget.
    RATE_LIMIT_POINTS: '100000000',
    // Housekeeping runs (through the job queue) only where a test asks for it, never in the middle
    // of a test that counts statements; the housekeeping tests set their own interval.
    HOUSEKEEPING_INTERVAL_MS: '3600000',
    // Likewise for sign-ups and failed log-ins per address; the abuse tests set their own.
    ANONYMOUS_ACTIONS_PER_ADDRESS: '100000000',
    // Production refuses to start with /metrics open unless told; tests of it set their own.
    METRICS_OPEN: 'true',
    LOGIN_FAILURES_PER_ADDRESS: '1000000',
    ...environment,
  });
  let queries = 0;
  const app = await startApplication(config, options.logger ?? createLogger({ level: 'silent', pretty: false }), {
    // The statements a test counts are its requests' own: every instance also reads, once a second
    // and on its own timer, which sessions other instances ended, and those reads are not counted.
    observeQuery: (sql) => {
      if (ENDED_SESSIONS_POLL.test(sql)) return;
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
    async graphql(document: GraphQLDocument, variables?: unknown, options: RequestOptions = {}) {
      const { response, body: { extensions, ...body } } = await postGraphQL(url, document, variables as Record<string, unknown> | undefined, options);
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

/**
 * The server of a test file: starts it before the file's tests and stops it after them. The value
 * returned stands for the running server, so the file reads `server.graphql(...)` as it would with
 * one it started itself; hooks registered after this call run once the server is up.
 */
export function useTestServer(environment: Record<string, string> = {}, options: { logger?: Logger } = {}): TestServer {
  let started: TestServer | undefined;
  beforeAll(async () => {
    started = await startTestServer(environment, options);
  });
  afterAll(() => started?.stop());
  const current = (): TestServer => {
    if (!started) throw new Error('the test server starts in beforeAll: use it inside a hook or a test');
    return started;
  };
  return {
    get url() {
      return current().url;
    },
    get app() {
      return current().app;
    },
    queryCount: () => current().queryCount(),
    resetQueryCount: () => current().resetQueryCount(),
    graphql: ((...args: Parameters<TestServer['graphql']>) => current().graphql(...args)) as TestServer['graphql'],
    sql: (statement, parameters) => current().sql(statement, parameters),
    stop: () => current().stop(),
  };
}

/**
 * A node narrowed to the type its `... on X { key }` selected, told apart by `key`; null when the
 * node is missing or of another type. Generated types give `node` as a union of every Node type.
 */
export function nodeWith<Node, Key extends string>(node: Node | null | undefined, key: Key): Extract<Node, Record<Key, unknown>> | null {
  return node != null && typeof node === 'object' && key in node ? (node as Extract<Node, Record<Key, unknown>>) : null;
}

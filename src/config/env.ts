import { randomBytes } from 'node:crypto';
import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' })
    .optional(),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  /** Read replicas of DATABASE_URL, comma-separated: plain reads go to them, writes and transactions to the primary. */
  DATABASE_REPLICA_URLS: z
    .string()
    .transform((value) => value.split(',').map((url) => url.trim()).filter(Boolean))
    .pipe(z.array(z.url({ protocol: /^postgres(ql)?$/, error: 'each must be a postgres:// or postgresql:// URL' })))
    .default([]),
  /** Redis, shared by every instance: live events (and rate limits) go through it. Unset: one instance, in memory. */
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }).optional(),
  /** Prefix of every Redis key and channel, so that several deployments can share one Redis. */
  REDIS_KEY_PREFIX: z.string().max(100).default('marketplace:'),
  EMBEDDED_PG_DIR: z.string().min(1).default('.data/postgres'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).optional(),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  TOKEN_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 7),
  /** Defaults to true outside production. */
  SEED_DEMO_DATA: booleanFlag.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** The GraphiQL page at GET /graphql for browsers. Defaults to true outside production. */
  GRAPHQL_IDE: booleanFlag.optional(),
  /** When set, GET /metrics answers only requests with `Authorization: Bearer <METRICS_TOKEN>`. */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  /** The marketplace's fee on every deal, in basis points, written into each deal's terms. */
  PLATFORM_FEE_BP: z.coerce.number().int().min(0).max(10_000).default(500),
  /** A submitted deliverable the brand neither approves nor questions within this many days is approved automatically. */
  DELIVERABLE_AUTO_APPROVE_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  /** Money a talent or agency leaves unclaimed this many days after earning it returns to the brand that paid it. */
  UNCLAIMED_RETURN_DAYS: z.coerce.number().int().min(30).max(3650).default(365),
  /** How often open briefs past their deadline are closed, and expired idempotency keys purged. */
  HOUSEKEEPING_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(15_000),
  /** How long a mutation's idempotency key is remembered. */
  IDEMPOTENCY_TTL_HOURS: z.coerce.number().int().min(24).max(24 * 30).default(24),
  /** Schema introspection. Defaults to true outside production. */
  GRAPHQL_INTROSPECTION: booleanFlag.optional(),
  /** Limits every operation must keep, checked before any resolver runs. */
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(100).default(10),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(0).max(1000).default(15),
  GRAPHQL_MAX_DIRECTIVES: z.coerce.number().int().min(0).max(1000).default(10),
  GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(100).max(100_000).default(2000),
  GRAPHQL_MAX_COST: z.coerce.number().int().min(1).max(10_000_000).default(5000),
  /** Query-cost points each caller (viewer, or address when anonymous) may spend per window. */
  RATE_LIMIT_POINTS: z.coerce.number().int().min(1).max(100_000_000).default(10_000),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  /** The database cancels any one statement that runs longer. */
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(1).max(3_600_000).default(5000),
  /** Time budget of one HTTP request: no statement starts after it is spent. */
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1).max(3_600_000).default(10_000),
});

export type Environment = z.infer<typeof environmentSchema>;

export interface AppConfig extends Omit<Environment, 'SEED_DEMO_DATA'> {
  SEED_DEMO_DATA: boolean;
  /** The signing secret in force: JWT_SECRET, or one generated for this development process. */
  jwtSecret: string;
  jwtSecretGenerated: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads and validates the environment once. Every problem is reported at the same time, one line
 * per variable, so an operator fixes the deployment in one pass.
 */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`),
    );
  }
  const environment = parsed.data;
  const production = environment.NODE_ENV === 'production';
  const missing = [
    ...(production && !environment.JWT_SECRET
      ? ['JWT_SECRET: required when NODE_ENV=production (at least 32 random characters, e.g. `openssl rand -base64 48`)']
      : []),
    ...(production && !environment.DATABASE_URL
      ? ['DATABASE_URL: required when NODE_ENV=production (the embedded database is for development only)']
      : []),
    ...(environment.RATE_LIMIT_POINTS < environment.GRAPHQL_MAX_COST
      ? [
          `RATE_LIMIT_POINTS: must be at least GRAPHQL_MAX_COST (${environment.GRAPHQL_MAX_COST}); otherwise a query within the cost limit could never run`,
        ]
      : []),
  ];
  if (missing.length) throw new ConfigError(missing);
  return {
    ...environment,
    SEED_DEMO_DATA: environment.SEED_DEMO_DATA ?? !production,
    jwtSecret: environment.JWT_SECRET ?? randomBytes(48).toString('base64url'),
    jwtSecretGenerated: !environment.JWT_SECRET,
  };
}

import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './env.js';

function problemsOf(environment: Record<string, string>): string[] {
  try {
    loadConfig(environment);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('runs a development server with nothing configured, generating a signing secret', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(4000);
    expect(config.jwtSecretGenerated).toBe(true);
    expect(config.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(config.SEED_DEMO_DATA).toBe(true);
  });

  it('refuses to start in production without JWT_SECRET and DATABASE_URL, naming both', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^JWT_SECRET: required/);
    expect(problems[1]).toMatch(/^DATABASE_URL: required/);
  });

  it('does not load demo data in production unless asked', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(40),
      DATABASE_URL: 'postgres://app@db:5432/marketplace',
    });
    expect(config.SEED_DEMO_DATA).toBe(false);
  });

  it('reports every invalid variable at once, each on its own line', () => {
    const problems = problemsOf({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', JWT_SECRET: 'short' });
    expect(problems.map((problem) => problem.split(':')[0]).sort()).toEqual(['DATABASE_URL', 'JWT_SECRET', 'LOG_LEVEL', 'PORT']);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).DATABASE_URL).toBeUndefined();
  });
});

describe('limits configuration', () => {
  it('defaults to depth 10, 15 aliases, 10 directives, 2,000 tokens, cost 5,000 and 10,000 points a minute', () => {
    expect(loadConfig({})).toMatchObject({
      GRAPHQL_MAX_DEPTH: 10,
      GRAPHQL_MAX_ALIASES: 15,
      GRAPHQL_MAX_DIRECTIVES: 10,
      GRAPHQL_MAX_TOKENS: 2000,
      GRAPHQL_MAX_COST: 5000,
      RATE_LIMIT_POINTS: 10_000,
      RATE_LIMIT_WINDOW_SECONDS: 60,
      DB_STATEMENT_TIMEOUT_MS: 5000,
      REQUEST_TIMEOUT_MS: 10_000,
    });
  });

  it('names each invalid limit on a line of its own', () => {
    const problems = problemsOf({
      GRAPHQL_MAX_DEPTH: '1',
      GRAPHQL_MAX_COST: 'lots',
      GRAPHQL_MAX_TOKENS: '2.5',
      RATE_LIMIT_WINDOW_SECONDS: '0',
      DB_STATEMENT_TIMEOUT_MS: '-5',
      REQUEST_TIMEOUT_MS: 'soon',
      GRAPHQL_INTROSPECTION: 'yes',
      REDIS_URL: 'http://cache:6379',
    });
    expect(problems.map((problem) => problem.split(':')[0]).sort()).toEqual([
      'DB_STATEMENT_TIMEOUT_MS',
      'GRAPHQL_INTROSPECTION',
      'GRAPHQL_MAX_COST',
      'GRAPHQL_MAX_DEPTH',
      'GRAPHQL_MAX_TOKENS',
      'RATE_LIMIT_WINDOW_SECONDS',
      'REDIS_URL',
      'REQUEST_TIMEOUT_MS',
    ]);
  });

  it('refuses a rate limit smaller than the largest query allowed, which could then never run', () => {
    expect(problemsOf({ RATE_LIMIT_POINTS: '100', GRAPHQL_MAX_COST: '500' })).toEqual([
      'RATE_LIMIT_POINTS: must be at least GRAPHQL_MAX_COST (500); otherwise a query within the cost limit could never run',
    ]);
  });
});

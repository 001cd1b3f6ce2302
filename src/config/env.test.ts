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

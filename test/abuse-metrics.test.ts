import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertMetricsGuarded, ConfigError, loadConfig } from '../src/config/env.js';
import { startTestServer, type TestServer } from './support/test-server.js';

const PRODUCTION = { NODE_ENV: 'production', DATABASE_URL: 'postgres://db.example.com/market', JWT_SECRET: 'a-production-secret-that-is-long-enough' };

describe('metrics in production', () => {
  it('refuses to start with /metrics open to anyone, unless told so explicitly', () => {
    expect(() => assertMetricsGuarded(loadConfig(PRODUCTION))).toThrow(ConfigError);
    expect(() => assertMetricsGuarded(loadConfig(PRODUCTION))).toThrow(/METRICS_TOKEN or METRICS_PORT/);
    for (const guarded of [{ METRICS_TOKEN: 'a-token-for-the-scraper' }, { METRICS_PORT: '9464' }, { METRICS_OPEN: 'true' }]) {
      expect(() => assertMetricsGuarded(loadConfig({ ...PRODUCTION, ...guarded }))).not.toThrow();
    }
  });

  describe('on a port of its own', () => {
    let server: TestServer;
    let metricsPort: number;
    beforeAll(async () => {
      metricsPort = await new Promise<number>((resolve) => {
        const probe = createServer().listen(0, () => {
          const { port } = probe.address() as { port: number };
          probe.close(() => resolve(port));
        });
      });
      server = await startTestServer({ NODE_ENV: 'production', METRICS_OPEN: 'false', METRICS_PORT: String(metricsPort) });
    });
    afterAll(() => server?.stop());

    it('serves /metrics there and not beside the API', async () => {
      const beside = await fetch(server.url.replace('/graphql', '/metrics'));
      expect(beside.status).toBe(404);
      const internal = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
      expect(internal.status).toBe(200);
      expect(await internal.text()).toContain('graphql_requests_total');
    });
  });
});

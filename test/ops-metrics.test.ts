import { describe, expect, it } from 'vitest';
import { useTestServer } from './support/test-server.js';

const METRICS_TOKEN = 'ops-metrics-token';

describe('metrics an operator alerts on', () => {
  const server = useTestServer({ METRICS_TOKEN });
  const base = () => server.url.replace(/\/graphql$/, '');
  const scrape = async () => {
    const response = await fetch(`${base()}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(response.status).toBe(200);
    return response.text();
  };
  const value = (text: string, series: string) => Number(new RegExp(`^${series.replace(/[{}()[\]|.+*?^$]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1]);

  it('count HTTP requests by method, route and status, with a route pattern rather than the path typed', async () => {
    await server.graphql('query Ping { verticals { slug } }');
    await server.graphql('query Ping { verticals { slug } }');
    await fetch(`${base()}/healthz`);
    await fetch(`${base()}/no/such/page/${Math.random()}`);
    await fetch(`${base()}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });

    const text = await scrape();
    expect(value(text, 'http_requests_total{method="POST",route="/graphql",status="200"}')).toBe(2);
    expect(value(text, 'http_requests_total{method="GET",route="/healthz",status="200"}')).toBe(1);
    expect(value(text, 'http_requests_total{method="GET",route="unmatched",status="404"}')).toBe(1);
    expect(value(text, 'http_requests_total{method="POST",route="/graphql",status="400"}')).toBe(1);
    expect(value(text, 'http_request_duration_seconds_count{method="POST",route="/graphql",status="200"}')).toBe(2);
    expect(text).not.toMatch(/route="\/no\/such/);
  });

  it('report the pool by state, so idle plus active is the connections open', async () => {
    const text = await scrape();
    const idle = value(text, 'db_pool_connections{state="idle"}');
    const active = value(text, 'db_pool_connections{state="active"}');
    expect(idle).toBeGreaterThanOrEqual(0);
    expect(active).toBeGreaterThanOrEqual(0);
    expect(idle + active).toBeGreaterThanOrEqual(1);
    expect(idle + active).toBeLessThanOrEqual(value(text, 'db_pool_max_connections'));
    expect(text).not.toContain('state="total"');
    expect(value(text, 'db_pool_waiting_requests')).toBe(0);
  });

  it('say which build is running', async () => {
    const text = await scrape();
    expect(text).toMatch(/^marketplace_build_info\{version="\d+\.\d+\.\d+[^"]*",commit="[^"]+",node="\d+\.\d+\.\d+"\} 1$/m);
  });
});

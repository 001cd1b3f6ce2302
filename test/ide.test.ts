import { describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, useTestServer } from './support/test-server.js';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('the GraphiQL page', () => {
  const server = useTestServer();
  const origin = () => new URL(server.url).origin;

  it('answers a browser at GET /graphql with the IDE, every asset from this server', async () => {
    const response = await fetch(server.url, { headers: { accept: BROWSER_ACCEPT } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain('<title>Marketplace GraphQL IDE</title>');

    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
    expect(assets.length).toBeGreaterThanOrEqual(5);
    for (const asset of assets) {
      expect(asset, 'no asset from another host').toMatch(/^\/ide\//);
      const loaded = await fetch(new URL(asset, origin()));
      expect(loaded.status, asset).toBe(200);
      expect(loaded.headers.get('content-type'), asset).toMatch(/^text\/(javascript|css)/);
      expect((await loaded.text()).length, asset).toBeGreaterThan(100);
    }
  });

  it('opens with the example operations, logging in first', async () => {
    const html = await (await fetch(server.url, { headers: { accept: BROWSER_ACCEPT } })).text();
    const config = JSON.parse(/<script type="application\/json" id="ide-config">(.*?)<\/script>/s.exec(html)![1]!) as {
      endpoint: string;
      tabs: { query: string; variables?: string }[];
    };
    expect(config.endpoint).toBe('/graphql');
    const operations = config.tabs.map((tab) => /(?:query|mutation) (\w+)/.exec(tab.query)?.[1]);
    expect(operations[0]).toBe('LogIn');
    expect(JSON.parse(config.tabs[0]!.variables!)).toEqual({ email: 'brand.infant@demo.market', password: 'marketplace-demo' });
    // One operation per role at least: brand, creator, agency, trader.
    expect(operations).toEqual(expect.arrayContaining(['BriefCreate', 'BidSubmit', 'AgencyOpportunities', 'Traders', 'BidAccept']));
    expect(operations.indexOf('BriefCreate')).toBeLessThan(operations.indexOf('BidSubmit'));
  });

  it('leaves JSON GETs and POSTs to the GraphQL endpoint', async () => {
    const get = await fetch(`${server.url}?query=${encodeURIComponent('{ verticals { slug } }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(get.status).toBe(200);
    expect(await get.json()).toMatchObject({ data: { verticals: expect.any(Array) } });

    const post = await server.graphql('{ verticals { slug } }');
    expect(post.status).toBe(200);
    expect(post.data).toMatchObject({ verticals: expect.any(Array) });
  });

  it('serves nothing for an unknown asset name', async () => {
    expect((await fetch(`${origin()}/ide/package.json`)).status).toBe(404);
    expect((await fetch(`${origin()}/ide/__proto__`)).status).toBe(404);
  });
});

describe('with GRAPHQL_IDE=false', () => {
  const server = useTestServer({ GRAPHQL_IDE: 'false' });

  it('serves no page and no assets', async () => {
    const response = await fetch(server.url, { headers: { accept: BROWSER_ACCEPT } });
    expect(response.headers.get('content-type') ?? '').not.toMatch(/^text\/html/);
    expect((await fetch(`${new URL(server.url).origin}/ide/graphiql.min.js`)).status).toBe(404);
  });
});

describe('in production', () => {
  const browserGet = (server: TestServer) => fetch(server.url, { headers: { accept: BROWSER_ACCEPT } });

  it('serves no page unless GRAPHQL_IDE=true', async () => {
    const server = await startTestServer({ NODE_ENV: 'production' });
    try {
      expect((await browserGet(server)).headers.get('content-type') ?? '').not.toMatch(/^text\/html/);
    } finally {
      await server.stop();
    }
    const enabled = await startTestServer({ NODE_ENV: 'production', GRAPHQL_IDE: 'true' });
    try {
      expect((await browserGet(enabled)).headers.get('content-type')).toMatch(/^text\/html/);
    } finally {
      await enabled.stop();
    }
  });
});

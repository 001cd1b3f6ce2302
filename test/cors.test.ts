import { describe, expect, it } from 'vitest';
import { ConfigError, DEVELOPMENT_CORS_ORIGINS, loadConfig } from '../src/config/env.js';
import { useTestServer } from './support/test-server.js';

// A web front end on its own origin calling the API from a browser.
const FRONT_END = 'https://app.example.com';
const server = useTestServer({ CORS_ORIGINS: `${FRONT_END}, http://localhost:5173` });

const preflight = (origin: string, headers = 'authorization, content-type, idempotency-key') =>
  fetch(server.url, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': headers },
  });

const corsHeaders = (response: Response) => [...response.headers.keys()].filter((name) => name.startsWith('access-control-'));

describe('CORS', () => {
  it('answers a listed origin’s preflight with the methods and headers the API reads', async () => {
    const response = await preflight(FRONT_END);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(FRONT_END);
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    const allowed = response.headers.get('access-control-allow-headers')!.split(/,\s*/);
    expect(allowed).toEqual(expect.arrayContaining(['authorization', 'content-type', 'idempotency-key']));
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('lets a listed origin read the answer of a real request, with its request id', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { origin: 'http://localhost:5173', 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(response.headers.get('access-control-expose-headers')).toContain('x-request-id');
    expect(response.headers.get('vary')).toMatch(/origin/i);
  });

  it('gives an unknown origin no CORS header at all, on a preflight or a request', async () => {
    for (const origin of ['https://evil.example.com', 'https://app.example.com.evil.net', 'http://app.example.com', 'null']) {
      expect(corsHeaders(await preflight(origin)), origin).toEqual([]);
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { origin, 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(corsHeaders(response), origin).toEqual([]);
    }
  });
});

describe('CORS_ORIGINS', () => {
  it('defaults to none in production and test, and to local front-end ports in development', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), DATABASE_URL: 'postgres://db/app' };
    expect(loadConfig(production).corsOrigins).toEqual([]);
    expect(loadConfig({ NODE_ENV: 'test' }).corsOrigins).toEqual([]);
    expect(loadConfig({ NODE_ENV: 'development' }).corsOrigins).toEqual(DEVELOPMENT_CORS_ORIGINS);
    expect(DEVELOPMENT_CORS_ORIGINS).toContain('http://localhost:5173');
  });

  it.each(['https://app.example.com/', 'app.example.com', 'https://app.example.com/path', '*', 'ftp://files.example.com'])(
    'refuses %s with one line naming the variable',
    (value) => {
      let problems: string[] = [];
      try {
        loadConfig({ NODE_ENV: 'test', CORS_ORIGINS: `https://ok.example.com,${value}` });
      } catch (error) {
        if (error instanceof ConfigError) problems = error.problems;
      }
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^CORS_ORIGINS.*is not an origin/);
    },
  );
});

import { expect, it } from 'vitest';
import { useTestServer } from './support/test-server.js';

const server = useTestServer();

async function post(body: unknown): Promise<Response> {
  return fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

it('tells caches not to store an answer: answers depend on who asks', async () => {
  const answered = await post({ query: '{ verticals { id } }' });
  expect(answered.status).toBe(200);
  expect(answered.headers.get('cache-control')).toBe('no-store');
});

it('tells caches not to store an error either', async () => {
  const refused = await post({ query: '{ noSuchField }' });
  expect(refused.status).toBe(400);
  expect(refused.headers.get('cache-control')).toBe('no-store');
});

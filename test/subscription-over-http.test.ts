import { describe, expect, it } from 'vitest';
import { signUp } from './support/actors.js';
import { useTestServer } from './support/test-server.js';

// A client (or an IDE) that sends a subscription as a plain HTTP request.
const server = useTestServer();

describe('a subscription over HTTP', () => {
  it('is refused with a typed 400 that says to use WebSocket, not an internal error', async () => {
    const actor = await signUp(server, 'watcher');
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${actor.token}` },
      body: JSON.stringify({ query: 'subscription { bidEvents(briefId: "QnJpZWY6MDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAx") { __typename } }' }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { data?: unknown; errors: { message: string; extensions: { code: string } }[] };
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]!.extensions.code).toBe('BAD_REQUEST');
    expect(body.errors[0]!.message).toMatch(/WebSocket/);
  });

  it('leaves queries and mutations over HTTP as they were', async () => {
    const result = await server.graphql('{ __typename }');
    expect(result.status).toBe(200);
    expect(result.data).toEqual({ __typename: 'Query' });
  });
});

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type pg from 'pg';
import type { BenchServer } from '../support/bench-server.js';
import { measureHttp } from '../support/load.js';
import { lookupCreatorIds } from './reads.js';

const BARE_SCHEMA = `
  type Query { ping: String, creator(id: ID!): Creator }
  type Creator { id: ID!, displayName: String!, kind: String!, capacity: Int!, totalFollowers: Float! }
`;

/**
 * Bare Apollo Server on Express: the ceiling a GraphQL request can reach on this machine in this
 * run, so the id lookups are judged against it (target: at least half of its `{ ping }`). Its
 * `creator(id:)` reads the lookup's row on a bare `pg` pool with no ORM, no authentication and no
 * limits: the most any lookup by id could reach here.
 */
export async function startBareApollo(pool: pg.Pool): Promise<{ url: string; stop(): Promise<void> }> {
  const apollo = new ApolloServer({
    typeDefs: BARE_SCHEMA,
    resolvers: {
      Query: {
        ping: () => 'pong',
        creator: async (_: unknown, { id }: { id: string }) => {
          const { rows } = await pool.query('select id, display_name, kind, capacity, total_followers from creator where id = $1', [id]);
          const row = rows[0] as { id: string; display_name: string; kind: string; capacity: number; total_followers: string } | undefined;
          return row && { id: row.id, displayName: row.display_name, kind: row.kind, capacity: row.capacity, totalFollowers: Number(row.total_followers) };
        },
      },
    },
  });
  await apollo.start();
  const app = express();
  app.use('/graphql', express.json(), expressMiddleware(apollo));
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    async stop() {
      await apollo.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const TRIVIAL_QUERY = JSON.stringify({ query: '{ ping }' });
const LOOKUP_QUERY = 'query($id: ID!) { creator(id: $id) { id displayName kind capacity totalFollowers } }';

/** Bare Apollo's own statements are not counted: its trivial query has none, its lookup one. */
const UNCOUNTED = { reset: () => {}, read: () => 0 };

/**
 * Bare Apollo on `{ ping }` (the figure the lookup target divides by) and on the lookup's fields
 * read by id on a bare pool, over the same 200 creators and 8 connections as the lookup run.
 */
export async function bareApolloPart(bench: BenchServer, durationSeconds: number, connections: number) {
  const requests = (await lookupCreatorIds(bench)).map((id) => ({ method: 'POST' as const, body: JSON.stringify({ query: LOOKUP_QUERY, variables: { id } }) }));
  const bare = await startBareApollo(bench.pool);
  try {
    // An error is an HTTP 200 too: check one answer before counting any.
    const check = (await (await fetch(bare.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: requests[0]!.body })).json()) as {
      data?: { creator: { id: string } | null };
    };
    if (!check.data?.creator) throw new Error(`bare Apollo lookup failed: ${JSON.stringify(check)}`);
    const trivial = await measureHttp({ url: bare.url, connections, durationSeconds, requests: [{ method: 'POST', body: TRIVIAL_QUERY }] }, UNCOUNTED);
    const lookup = await measureHttp({ url: bare.url, connections, durationSeconds, requests }, UNCOUNTED);
    return { trivial, lookup: { ...lookup, statementsPerRequest: 1 } };
  } finally {
    await bare.stop();
  }
}

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';

/**
 * Bare Apollo Server on Express with a one-field schema: the ceiling a GraphQL request can reach
 * on this machine in this run, so the id lookups are judged against it (target: at least half).
 */
export async function startBareApollo(): Promise<{ url: string; stop(): Promise<void> }> {
  const apollo = new ApolloServer({ typeDefs: 'type Query { ping: String }', resolvers: { Query: { ping: () => 'pong' } } });
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

export const TRIVIAL_QUERY = JSON.stringify({ query: '{ ping }' });

/** Bare Apollo has no database: its statement counter for measureHttp reads zero. */
export const NO_STATEMENTS = { reset: () => {}, read: () => 0 };

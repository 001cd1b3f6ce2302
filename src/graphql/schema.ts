import 'reflect-metadata';
import { DateTimeResolver } from 'graphql-scalars';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { createPubSub } from '@graphql-yoga/subscription';
import type { ProblemCatalogue } from '../common/problems.js';
import type { ResolverClass } from '../common/module.js';
import { authChecker } from './auth-checker.js';
import { composeUserErrorCodes } from './common-types.js';
import { NodeResolver } from './node.resolver.js';
import { translateResolverErrors } from './resolver-errors.js';
import { ResolverInstances } from './viewer-loading.js';

/**
 * The API's schema from what the modules contribute (the composition root collects them): their
 * resolver classes, and their problem catalogues joined into the one `UserErrorCode` enum.
 */
export async function createSchema(modules: { resolvers: readonly ResolverClass[]; problems: readonly ProblemCatalogue[] }): Promise<GraphQLSchema> {
  composeUserErrorCodes(modules.problems);
  const schema = await buildSchema({
    resolvers: [NodeResolver, ...modules.resolvers] as NonEmptyArray<ResolverClass>,
    authChecker,
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    // Every subscription subscribes through the request's LiveEventBus itself; type-graphql still
    // asks for a PubSub once a schema has subscriptions.
    pubSub: createPubSub(),
    validate: false,
    container: new ResolverInstances(),
  });
  translateResolverErrors(schema);
  // type-graphql has no decorator for the root types' own descriptions.
  const queryType = schema.getQueryType();
  const mutationType = schema.getMutationType();
  if (queryType) queryType.description = 'Reads. Public unless a field says who may see it.';
  if (mutationType) mutationType.description = 'Writes. Each returns a payload with `userErrors`; nothing is written when it is not empty.';
  const subscriptionType = schema.getSubscriptionType();
  if (subscriptionType) subscriptionType.description = 'Live updates over WebSocket (graphql-ws) at the same path; authenticate in connection_init. Each event is checked against the subscriber before it is sent.';
  return schema;
}

/** The SDL committed under schema/: sorted, so a diff shows only real changes. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

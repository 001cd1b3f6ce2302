import type { GraphQLSchema } from 'graphql';
import { createSchema } from '../graphql/schema.js';
import { problems, resolvers } from './modules.js';

/** The API's schema: every module's resolvers and problem codes. */
export function buildApplicationSchema(): Promise<GraphQLSchema> {
  return createSchema({ resolvers, problems });
}

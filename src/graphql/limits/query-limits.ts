import { GraphQLError } from 'graphql';
import type { QueryShape } from './query-shape.js';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxCost: number;
  maxTokens: number;
  maxPageSize: number;
}

/** The error codes a client sees when a document is refused before it runs. */
export const QueryLimitCode = {
  TOO_DEEP: 'QUERY_TOO_DEEP',
  TOO_MANY_ALIASES: 'TOO_MANY_ALIASES',
  TOO_MANY_DIRECTIVES: 'TOO_MANY_DIRECTIVES',
  TOO_MANY_TOKENS: 'TOO_MANY_TOKENS',
  TOO_COSTLY: 'QUERY_TOO_COSTLY',
} as const;

function refused(code: string, message: string, limit: number, actual: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code, limit, actual, http: { status: 400 } } });
}

/**
 * The first limit the operation breaks, as the error to answer with; null when it may run.
 * Depth, aliases and directives come first, since they also explain an extreme cost.
 */
export function limitViolation(shape: QueryShape, limits: QueryLimits): GraphQLError | null {
  if (shape.depth > limits.maxDepth) {
    return refused(QueryLimitCode.TOO_DEEP, `The query nests ${shape.depth} fields deep; the limit is ${limits.maxDepth}.`, limits.maxDepth, shape.depth);
  }
  if (shape.aliases > limits.maxAliases) {
    return refused(QueryLimitCode.TOO_MANY_ALIASES, `The query uses ${shape.aliases} aliases; the limit is ${limits.maxAliases}.`, limits.maxAliases, shape.aliases);
  }
  if (shape.directives > limits.maxDirectives) {
    return refused(
      QueryLimitCode.TOO_MANY_DIRECTIVES,
      `The query uses ${shape.directives} directives; the limit is ${limits.maxDirectives}.`,
      limits.maxDirectives,
      shape.directives,
    );
  }
  const [page] = shape.pageProblems;
  if (page) {
    return new GraphQLError(page.message, {
      extensions: { code: 'BAD_USER_INPUT', argument: page.argument, field: page.path, http: { status: 400 } },
    });
  }
  if (shape.cost > limits.maxCost) {
    return refused(
      QueryLimitCode.TOO_COSTLY,
      `The query would cost ${shape.cost} points; the limit is ${limits.maxCost}. Ask for smaller pages (\`first\`/\`last\`) or fewer nested connections.`,
      limits.maxCost,
      shape.cost,
    );
  }
  return null;
}

/** graphql-js aborts parsing past `maxTokens` with a syntax error (worded "more that" in 16.x). */
export function isTokenLimitMessage(message: string): boolean {
  return /Document contains more th(?:an|at) \d+ tokens/.test(message);
}

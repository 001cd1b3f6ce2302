import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { type DocumentNode, GraphQLError, type GraphQLFormattedError, type GraphQLSchema, getVariableValues, type OperationDefinitionNode } from 'graphql';
import { currentRequestScope, RequestTimeoutError } from '../../http/limits/request-scope.js';
import type { CostRateLimiter, RateLimitCharge } from '../../http/limits/rate-limiter.js';
import type { RequestContext } from '../context.js';
import { isTokenLimitMessage, limitViolation, QueryLimitCode, type QueryLimits } from './query-limits.js';
import { fragmentsOf, measureOperation, type QueryShape } from './query-shape.js';

/** `extensions.cost` of every response whose operation was charged. */
export interface CostReport {
  /** What this request cost (at least 1). */
  requested: number;
  /** Points per window. */
  limit: number;
  remaining: number;
  resetAt: string;
}

function report(charge: RateLimitCharge): CostReport {
  return { requested: charge.requested, limit: charge.limit, remaining: charge.remaining, resetAt: charge.resetAt.toISOString() };
}

/** Signed-in callers have a budget each; anonymous ones share one per address. */
function callerKey(context: RequestContext): string {
  return context.viewerId ? `viewer:${context.viewerId}` : `ip:${currentRequestScope()?.clientAddress ?? 'unknown'}`;
}

/** The error a request refused for want of budget answers with, over HTTP or WebSocket. */
export function rateLimited(charge: RateLimitCharge): GraphQLError {
  const retryAfter = Math.max(1, Math.ceil((charge.resetAt.getTime() - Date.now()) / 1000));
  return new GraphQLError(
    `Rate limit reached: this request costs ${charge.requested} points and ${charge.remaining} of ${charge.limit} are left until ${charge.resetAt.toISOString()}. Retry after ${retryAfter} s.`,
    {
      extensions: {
        code: 'RATE_LIMITED',
        retryAfter,
        http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfter)]]) },
      },
    },
  );
}

function withTokenLimitCode(error: GraphQLFormattedError, maxTokens: number): GraphQLFormattedError {
  if (error.extensions?.code !== 'GRAPHQL_PARSE_FAILED' || !isTokenLimitMessage(error.message)) return error;
  return {
    ...error,
    message: `The document has more than ${maxTokens} tokens, the limit; send a smaller query.`,
    extensions: { ...error.extensions, code: QueryLimitCode.TOO_MANY_TOKENS, limit: maxTokens },
  };
}

/**
 * Shapes that no variable could change, by operation. Apollo hands every request with the same
 * query text the same parsed document, so a client that sends one query with different variables
 * (a lookup by id, say) has it measured once, not on every request.
 */
const variableFreeShapes = new WeakMap<OperationDefinitionNode, QueryShape>();

/**
 * The operation's shape; null when its variables do not fit their types. A variable can only
 * matter through a page size or an `@skip`/`@include`; when measuring read none, the shape is
 * remembered for the operation.
 */
function shapeOf(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, given: Record<string, unknown>, maxPageSize: number): QueryShape | null {
  const known = variableFreeShapes.get(operation);
  if (known) return known;
  const variables = getVariableValues(schema, operation.variableDefinitions ?? [], given);
  if (variables.errors) return null;
  let variableRead = false;
  const read = <T>(value: T): T => {
    variableRead = true;
    return value;
  };
  const watched = new Proxy(variables.coerced, {
    get: (target, key) => read(Reflect.get(target, key)),
    has: (target, key) => read(Reflect.has(target, key)),
    getOwnPropertyDescriptor: (target, key) => read(Reflect.getOwnPropertyDescriptor(target, key)),
    ownKeys: (target) => read(Reflect.ownKeys(target)),
  });
  const shape = measureOperation(schema, operation, fragmentsOf(document.definitions), watched, maxPageSize);
  if (!variableRead) variableFreeShapes.set(operation, shape);
  return shape;
}

/**
 * Everything decided from the document before any resolver runs: the request's time budget, the
 * shape limits (depth, aliases, directives, page sizes, cost), then the caller's rate-limit budget,
 * charged the operation's cost. Parsing past `maxTokens` is stopped by graphql-js itself
 * (`parseOptions`); this only gives that error its code.
 */
export function queryLimitsPlugin(options: { limits: QueryLimits; rateLimiter: CostRateLimiter }): ApolloServerPlugin<RequestContext> {
  const { limits, rateLimiter } = options;
  return {
    async requestDidStart() {
      let cost: CostReport | undefined;
      return {
        async didResolveOperation({ request, document, operation, schema, contextValue }) {
          const scope = currentRequestScope();
          if (scope && Date.now() > scope.deadline) throw new RequestTimeoutError(scope.budgetMs);
          if (!operation) return;
          const shape = shapeOf(schema, document, operation, request.variables ?? {}, limits.maxPageSize);
          // Variables that do not fit their types are refused by execution, before any resolver.
          if (!shape) return;
          const violation = limitViolation(shape, limits);
          if (violation) throw violation;
          const charge = await rateLimiter.charge(callerKey(contextValue), Math.max(1, shape.cost));
          cost = report(charge);
          if (!charge.allowed) throw rateLimited(charge);
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (cost) result.extensions = { ...result.extensions, cost };
          if (result.errors) result.errors = result.errors.map((error) => withTokenLimitCode(error, limits.maxTokens));
        },
      };
    },
  };
}

import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError, getVariableValues } from 'graphql';
import { currentRequestScope, RequestTimeoutError } from '../../http/limits/request-scope.js';
import type { CostRateLimiter, RateLimitCharge } from '../../http/limits/rate-limiter.js';
import type { RequestContext } from '../context.js';
import { isTokenLimitMessage, limitViolation, QueryLimitCode, type QueryLimits } from './query-limits.js';
import { fragmentsOf, measureOperation } from './query-shape.js';

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

function rateLimited(charge: RateLimitCharge): GraphQLError {
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
          const variables = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
          // Variables that do not fit their types are refused by execution, before any resolver.
          if (variables.errors) return;
          const shape = measureOperation(schema, operation, fragmentsOf(document.definitions), variables.coerced, limits.maxPageSize);
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

import { GraphQLError } from 'graphql';
import type { MiddlewareFn } from 'type-graphql';
import { AccessDenied, Problem } from '../common/problems.js';
import { asServiceUnavailable } from './database-unavailable.js';
import { forbidden } from './errors.js';

/**
 * Services speak in domain errors; this turns the ones that escape a query (mutations return
 * theirs as userErrors) into typed GraphQL errors instead of masked internal ones. A database out
 * of reach becomes a retryable SERVICE_UNAVAILABLE.
 */
export const translateDomainErrors: MiddlewareFn = async (_action, next) => {
  try {
    return await next();
  } catch (error) {
    if (error instanceof AccessDenied) throw forbidden(error.message);
    if (error instanceof Problem) {
      throw new GraphQLError(error.message, {
        extensions: { code: 'BAD_USER_INPUT', userErrors: error.details },
      });
    }
    throw asServiceUnavailable(error);
  }
};

import { GraphQLError } from 'graphql';
import { AccessDenied, Problem } from '../common/problems.js';
import { asServiceUnavailable } from './database-unavailable.js';
import { forbidden } from './errors.js';

/**
 * Services speak in domain errors; this turns the ones that escape a query (mutations return
 * theirs as userErrors) into typed GraphQL errors instead of masked internal ones. A database out
 * of reach becomes a retryable SERVICE_UNAVAILABLE. Returns the error to throw in its place.
 */
export function translateDomainError(error: unknown): unknown {
  if (error instanceof AccessDenied) return forbidden(error.message);
  if (error instanceof Problem) {
    return new GraphQLError(error.message, {
      extensions: { code: 'BAD_USER_INPUT', userErrors: error.details },
    });
  }
  return asServiceUnavailable(error);
}

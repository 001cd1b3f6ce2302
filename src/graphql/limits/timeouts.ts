import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../context.js';

/** PostgreSQL's SQLSTATE for a statement cancelled by `statement_timeout` (query_canceled). */
const QUERY_CANCELED = '57014';

function isStatementTimeout(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === QUERY_CANCELED;
}

/**
 * A statement the database cancelled for running past `statement_timeout` is the client's query
 * being too slow, not a server fault: it answers with code TIMEOUT instead of a masked internal
 * error. The ORM has rolled back the transaction around it by the time this sees the error.
 * Returns the error to throw in its place.
 */
export function translateStatementTimeout(error: unknown, context: RequestContext, info: GraphQLResolveInfo): unknown {
  if (!isStatementTimeout(error)) return error;
  context.logger.warn({ requestId: context.requestId, field: `${info.parentType.name}.${info.fieldName}` }, 'statement timeout');
  return new GraphQLError('A database statement ran past the statement timeout and was cancelled; ask for less, or narrow the filter.', {
    extensions: { code: 'TIMEOUT' },
  });
}

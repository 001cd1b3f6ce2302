import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import type { RequestContext } from '../graphql/context.js';
import type { Logger } from './logger.js';
import { operationOutcome } from './operation-outcome.js';

/** Every request-log line carries this message, so one filter finds them all. */
export const REQUEST_LOG_MESSAGE = 'graphql request';

export interface RequestLog {
  /** Logs each request that reaches GraphQL execution, with its operation, viewer and error codes. */
  plugin: ApolloServerPlugin<RequestContext>;
  /**
   * Mounted on /graphql after the request id is set: logs the requests Apollo answered before any
   * plugin ran (a body that is not JSON, a token that is not valid), reading their error codes from
   * the answer, so every request still gets its one line.
   */
  middleware: RequestHandler;
}

/**
 * One log line per GraphQL request, written when the answer is ready: the request id the client
 * got in `x-request-id`, the operation, how long it took, who asked and which error codes it met.
 * A request that failed on the server is logged at `warn`; the error itself is logged by the
 * error-masking plugin under the same request id.
 */
export function createRequestLog(
  logger: Logger,
  options: { onRefused?: (refused: { errorCodes: string[]; durationSeconds: number }) => void } = {},
): RequestLog {
  // Responses still open, by request id (a client may send the same x-request-id on concurrent
  // requests), and those whose line the plugin wrote. An entry leaves `open` when its response closes.
  const open = new Map<string, object[]>();
  const loggedByPlugin = new WeakSet<object>();
  const write = (line: { requestId: string; httpStatus: number; errorCodes: string[] } & Record<string, unknown>) => {
    const failed = line.httpStatus >= 500 || line.errorCodes.includes('INTERNAL_SERVER_ERROR');
    logger[failed ? 'warn' : 'info'](line, REQUEST_LOG_MESSAGE);
  };

  const plugin: ApolloServerPlugin<RequestContext> = {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse(request) {
          const outcome = operationOutcome(request);
          const { requestId } = request.contextValue;
          const response = open.get(requestId)?.find((candidate) => !loggedByPlugin.has(candidate));
          if (response) loggedByPlugin.add(response);
          write({
            requestId,
            operationName: outcome.operationName,
            operationType: outcome.operationType,
            durationMs: millisecondsSince(started),
            viewerId: request.contextValue.viewerId ?? null,
            errorCodes: outcome.errorCodes,
            httpStatus: outcome.httpStatus,
          });
        },
      };
    },
  };

  const middleware: RequestHandler = (request, response, next) => {
    const started = process.hrtime.bigint();
    const requestId = response.locals.requestId as string;
    open.set(requestId, [...(open.get(requestId) ?? []), response]);
    let answer: string | undefined;
    // Only an answer the plugin did not log is kept, to read its error codes; the others pass untouched.
    const end = response.end.bind(response) as (...args: unknown[]) => typeof response;
    response.end = ((...args: unknown[]) => {
      const [chunk] = args;
      if (!loggedByPlugin.has(response) && (typeof chunk === 'string' || Buffer.isBuffer(chunk)) && chunk.length <= 65_536) {
        answer = chunk.toString();
      }
      return end(...args);
    }) as typeof response.end;
    // 'close' comes after 'finish', and also when the client goes away first, so an aborted
    // request leaves nothing behind in `open`.
    response.once('close', () => {
      const others = (open.get(requestId) ?? []).filter((candidate) => candidate !== response);
      if (others.length) open.set(requestId, others);
      else open.delete(requestId);
      if (loggedByPlugin.has(response)) return;
      const body = request.body as { operationName?: unknown } | undefined;
      const durationMs = millisecondsSince(started);
      const errorCodes = errorCodesOf(answer);
      write({
        requestId,
        operationName: typeof body?.operationName === 'string' ? body.operationName : null,
        operationType: null,
        durationMs,
        viewerId: null,
        errorCodes,
        httpStatus: response.statusCode,
        ...(response.writableFinished ? {} : { aborted: true }),
      });
      if (response.writableFinished) options.onRefused?.({ errorCodes, durationSeconds: durationMs / 1000 });
    });
    next();
  };

  return { plugin, middleware };
}

function millisecondsSince(started: bigint): number {
  return Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100;
}

function errorCodesOf(answer: string | undefined): string[] {
  if (!answer) return [];
  try {
    const parsed = JSON.parse(answer) as { errors?: { extensions?: { code?: unknown } }[] };
    return [...new Set((parsed.errors ?? []).map((error) => (typeof error.extensions?.code === 'string' ? error.extensions.code : 'INTERNAL_SERVER_ERROR')))];
  } catch {
    return [];
  }
}

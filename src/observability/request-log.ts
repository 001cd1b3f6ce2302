import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../graphql/context.js';
import type { Logger } from '../logger.js';
import { operationOutcome } from './operation-outcome.js';

/**
 * One log line per GraphQL request, written when the answer is ready: the request id the client
 * got in `x-request-id`, the operation, how long it took, who asked and which error codes it met.
 * A request that failed on the server is logged at `warn`; the error itself is logged by the
 * error-masking plugin under the same request id.
 */
export function requestLogPlugin(logger: Logger): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse(request) {
          const outcome = operationOutcome(request);
          const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
          const line = {
            requestId: request.contextValue.requestId,
            operationName: outcome.operationName,
            operationType: outcome.operationType,
            durationMs: Math.round(durationMs * 100) / 100,
            viewerId: request.contextValue.viewer?.userId ?? null,
            errorCodes: outcome.errorCodes,
            httpStatus: outcome.httpStatus,
          };
          const failed = outcome.httpStatus >= 500 || outcome.errorCodes.includes('INTERNAL_SERVER_ERROR');
          logger[failed ? 'warn' : 'info'](line, 'graphql request');
        },
      };
    },
  };
}

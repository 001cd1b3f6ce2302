import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/postgresql';
import { getOperationAST, getVariableValues, GraphQLError, type GraphQLFormattedError, type GraphQLSchema, parse, validate } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { TokenService } from '../auth/tokens.js';
import type { Viewer } from '../auth/viewer.js';
import { isDatabaseUnavailable } from '../db/database-unavailable.js';
import type { LiveEventBus } from '../events/event-bus.js';
import type { RequestContext } from '../graphql/context.js';
import { limitViolation, type QueryLimits } from '../graphql/limits/query-limits.js';
import { fragmentsOf, measureOperation } from '../graphql/limits/query-shape.js';
import { LIMIT_ERROR_CODES } from './limits/api-limits.js';
import type { Logger } from '../observability/logger.js';
import type { ViewerSource } from '../auth/viewer.js';
import type { AppServices } from '../common/app-services.js';
import type { UnitOfWork } from '../common/unit-of-work.js';
import { authenticate } from './authenticate.js';

/** Codes whose messages are meant for the client; anything else is masked, as over HTTP. */
const EXPECTED_CODES = new Set(['BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'SERVICE_UNAVAILABLE', ...LIMIT_ERROR_CODES]);

/** The standard WebSocket close code for "try again later". */
const TRY_AGAIN_LATER = 1013;

interface ConnectionState extends Record<PropertyKey, unknown> {
  viewer: Viewer | null;
}

export interface SubscriptionServerDependencies {
  httpServer: http.Server;
  schema: GraphQLSchema;
  orm: MikroORM;
  services: AppServices;
  viewers: ViewerSource;
  unitOfWork: UnitOfWork;
  tokens: TokenService;
  logger: Logger;
  liveEvents: LiveEventBus;
  /** The same depth, alias, directive, token and cost limits as over HTTP. */
  queryLimits: QueryLimits;
}

/**
 * GraphQL subscriptions over the graphql-ws protocol, on the HTTP server's own port and path. The
 * client authenticates once, in `connection_init` (`{ "authorization": "Bearer <token>" }`); a bad
 * token closes the socket with 4403 and the reason. Without a token the connection is anonymous,
 * and every subscription asks for a signed-in viewer. Only subscriptions run here: queries and
 * mutations go over HTTP, where rate limits, idempotency keys and logging apply. Subscription
 * documents are held to the same query limits as over HTTP before anything runs.
 *
 * Returns an Apollo plugin that closes every socket when the server drains.
 */
export function attachSubscriptionServer(dependencies: SubscriptionServerDependencies): ApolloServerPlugin<RequestContext> {
  const { httpServer, schema, orm, services, viewers, unitOfWork, tokens, logger, liveEvents, queryLimits } = dependencies;
  const webSocketServer = new WebSocketServer({ server: httpServer, path: '/graphql' });

  const mask = (error: GraphQLError | GraphQLFormattedError, requestId: string): GraphQLFormattedError => {
    const formatted = error instanceof GraphQLError ? error.toJSON() : error;
    const code = formatted.extensions?.code as string | undefined;
    if (code && EXPECTED_CODES.has(code)) {
      const { http: _http, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    if (!code && !formatted.path) return formatted; // a validation error names the client's mistake
    logger.error({ requestId, err: error instanceof GraphQLError ? (error.originalError ?? error) : error }, 'unexpected error in a subscription');
    return {
      message: `Internal server error. Quote request id ${requestId} when reporting it.`,
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
    };
  };

  const cleanup = useServer<Record<string, unknown>, ConnectionState>(
    {
      schema,
      async onConnect(context) {
        const given = context.connectionParams?.authorization ?? context.connectionParams?.Authorization;
        const header = typeof given === 'string' ? given : undefined;
        try {
          context.extra.viewer = await authenticate(header, { tokens, viewers, em: orm.em.fork() });
          return true;
        } catch (error) {
          if (error instanceof GraphQLError && error.extensions.code === 'UNAUTHENTICATED') {
            context.extra.socket.close(CloseCode.Forbidden, error.message.slice(0, 120));
          } else if (isDatabaseUnavailable(error)) {
            context.extra.socket.close(TRY_AGAIN_LATER, 'The database is unavailable; reconnect shortly.');
          } else {
            logger.error({ err: error }, 'unexpected error while authenticating a WebSocket connection');
            context.extra.socket.close(CloseCode.InternalServerError, 'Internal server error');
          }
          return false;
        }
      },
      onSubscribe(_connection, _id, payload) {
        let document;
        try {
          document = parse(payload.query, { maxTokens: queryLimits.maxTokens });
        } catch (error) {
          return [new GraphQLError((error as Error).message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
        }
        const invalid = validate(schema, document);
        if (invalid.length) return invalid.map((error) => new GraphQLError(error.message, { nodes: error.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) return [new GraphQLError('Name the operation to run.', { extensions: { code: 'BAD_USER_INPUT' } })];
        const variables = getVariableValues(schema, operation.variableDefinitions ?? [], payload.variables ?? {});
        if (variables.errors) return variables.errors.map((error) => new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT' } }));
        const violation = limitViolation(measureOperation(schema, operation, fragmentsOf(document.definitions), variables.coerced, queryLimits.maxPageSize), queryLimits);
        if (violation) return [violation];
        return { schema, document, operationName: payload.operationName ?? null, variableValues: payload.variables ?? null };
      },
      // One context per subscription, with its own EntityManager fork; each event reads afresh.
      context: (connection): RequestContext => ({
        requestId: randomUUID(),
        em: orm.em.fork(),
        viewerId: connection.extra.viewer?.userId ?? null,
        viewer: connection.extra.viewer ?? null,
        services,
        viewers,
        unitOfWork,
        logger,
        idempotencyKeyHeader: null,
        loaders: new Map(),
        liveEvents,
      }),
      execute: () => ({
        errors: [
          new GraphQLError('Only subscriptions run over WebSocket; send queries and mutations over HTTP POST.', {
            extensions: { code: 'BAD_USER_INPUT' },
          }),
        ],
      }),
      onNext(_connection, _id, _payload, args, result) {
        if (!result.errors?.length) return;
        const requestId = (args.contextValue as RequestContext).requestId;
        return { ...result, errors: result.errors.map((error) => mask(error, requestId)) };
      },
      onError(_connection, _id, _payload, errors) {
        return errors.map((error) => mask(error, randomUUID()));
      },
    },
    webSocketServer,
  );

  return {
    async serverWillStart() {
      return {
        async drainServer() {
          await cleanup.dispose();
        },
      };
    },
  };
}

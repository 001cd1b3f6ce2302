import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/postgresql';
import { getOperationAST, getVariableValues, GraphQLError, type GraphQLFormattedError, type GraphQLSchema, parse, validate } from 'graphql';
import { CloseCode, type Context } from 'graphql-ws';
import { type Extra, useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { TokenService } from '../auth/tokens.js';
import type { Viewer } from '../auth/viewer.js';
import { isDatabaseUnavailable } from '../db/database-unavailable.js';
import type { LiveEventBus } from '../events/event-bus.js';
import type { RequestContext } from '../graphql/context.js';
import { limitViolation, type QueryLimits } from '../graphql/limits/query-limits.js';
import { fragmentsOf, measureOperation } from '../graphql/limits/query-shape.js';
import { rateLimited } from '../graphql/limits/limits-plugin.js';
import { unstorableTextError } from '../graphql/plugins/reject-unstorable-text.js';
import { LIMIT_ERROR_CODES, type SubscriptionLimits } from './limits/api-limits.js';
import type { CostRateLimiter } from './limits/rate-limiter.js';
import type { Logger } from '../observability/logger.js';
import type { ViewerSource } from '../auth/viewer.js';
import type { AppServices } from '../common/app-services.js';
import type { UnitOfWork } from '../common/unit-of-work.js';
import { authenticate } from './authenticate.js';

/** Codes whose messages are meant for the client; anything else is masked, as over HTTP. */
const EXPECTED_CODES = new Set(['BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'SERVICE_UNAVAILABLE', ...LIMIT_ERROR_CODES]);

/** The standard WebSocket close code for "try again later". */
const TRY_AGAIN_LATER = 1013;

/** The largest frame a client may send: the same megabyte an HTTP body may have. */
export const MAX_FRAME_BYTES = 1024 * 1024;

/** How long a new socket has to send `connection_init` before it is closed. */
const CONNECTION_INIT_TIMEOUT_MS = 5_000;

/**
 * A subscription runs its selection again for every event it delivers, so subscribing is charged
 * as this many runs of the operation up front.
 */
export const SUBSCRIPTION_COST_FACTOR = 10;

/** graphql-js's "Did you mean …?" hints name fields and types a production schema keeps to itself. */
const SUGGESTION = / ?Did you mean .+\?$/;

interface ConnectionState extends Record<PropertyKey, unknown> {
  viewer: Viewer | null;
  /** The caller's address, as the socket sees it. */
  address: string;
}

/** A socket as graphql-ws hands it to every hook. */
type Connection = Context<Record<string, unknown>, Extra & Partial<ConnectionState>>;

function tooManySubscriptions(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' } });
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
  /** The same per-caller budget as over HTTP: each subscribe is charged against it. */
  rateLimiter: CostRateLimiter;
  subscriptionLimits: SubscriptionLimits;
  /** Hides schema hints ("Did you mean …?") from clients. */
  production: boolean;
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
  const { httpServer, schema, orm, services, viewers, unitOfWork, tokens, logger, liveEvents, queryLimits, rateLimiter, subscriptionLimits, production } = dependencies;

  // Sockets open per address and, once signed in, per account: the caps hold on this instance.
  const socketsByAddress = new Map<string, number>();
  const socketsByAccount = new Map<string, Set<Connection>>();
  const addressOf = (request: http.IncomingMessage) => request.socket.remoteAddress ?? 'unknown';

  const webSocketServer = new WebSocketServer({
    server: httpServer,
    path: '/graphql',
    maxPayload: MAX_FRAME_BYTES,
    verifyClient: ({ req }, accept) => {
      if ((socketsByAddress.get(addressOf(req)) ?? 0) >= subscriptionLimits.socketsPerAddress) {
        accept(false, 429, 'Too many WebSockets open from this address.');
      } else accept(true);
    },
  });
  webSocketServer.on('connection', (socket, request) => {
    const address = addressOf(request);
    socketsByAddress.set(address, (socketsByAddress.get(address) ?? 0) + 1);
    socket.once('close', () => {
      const left = (socketsByAddress.get(address) ?? 1) - 1;
      if (left > 0) socketsByAddress.set(address, left);
      else socketsByAddress.delete(address);
    });
  });

  /** Subscriptions open (or being opened) by an account over all its sockets here. */
  const subscriptionsOfAccount = (userId: string) => {
    let open = 0;
    for (const connection of socketsByAccount.get(userId) ?? []) open += Object.keys(connection.subscriptions).length;
    return open;
  };

  /** Why this socket may not open one more subscription, or null when it may. */
  const subscriptionCapReached = (connection: Connection): GraphQLError | null => {
    if (Object.keys(connection.subscriptions).length > subscriptionLimits.perSocket) {
      return tooManySubscriptions(`A WebSocket may hold at most ${subscriptionLimits.perSocket} subscriptions; complete one before starting another.`);
    }
    const viewer = connection.extra.viewer;
    if (viewer && subscriptionsOfAccount(viewer.userId) > subscriptionLimits.perAccount) {
      return tooManySubscriptions(`An account may hold at most ${subscriptionLimits.perAccount} subscriptions at once; complete one before starting another.`);
    }
    return null;
  };

  const withoutSuggestions = (error: GraphQLError): GraphQLError =>
    production && SUGGESTION.test(error.message) ? new GraphQLError(error.message.replace(SUGGESTION, ''), { nodes: error.nodes, extensions: error.extensions }) : error;

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
      connectionInitWaitTimeout: CONNECTION_INIT_TIMEOUT_MS,
      async onConnect(context) {
        const given = context.connectionParams?.authorization ?? context.connectionParams?.Authorization;
        const header = typeof given === 'string' ? given : undefined;
        try {
          context.extra.viewer = await authenticate(header, { tokens, viewers, em: orm.em.fork() });
          context.extra.address = addressOf(context.extra.request);
          const userId = context.extra.viewer?.userId;
          if (userId) {
            const sockets = socketsByAccount.get(userId) ?? new Set();
            if (sockets.size >= subscriptionLimits.socketsPerAccount) {
              context.extra.socket.close(TRY_AGAIN_LATER, `An account may hold at most ${subscriptionLimits.socketsPerAccount} WebSockets open; close one first.`);
              return false;
            }
            socketsByAccount.set(userId, sockets.add(context));
          }
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
      onClose(context) {
        const userId = context.extra.viewer?.userId;
        const sockets = userId ? socketsByAccount.get(userId) : undefined;
        if (!userId || !sockets) return;
        sockets.delete(context);
        if (!sockets.size) socketsByAccount.delete(userId);
      },
      async onSubscribe(connection, _id, payload) {
        const capReached = subscriptionCapReached(connection);
        if (capReached) return [capReached];
        let document;
        try {
          document = parse(payload.query, { maxTokens: queryLimits.maxTokens });
        } catch (error) {
          return [new GraphQLError((error as Error).message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
        }
        const unstorable = unstorableTextError(document, payload.variables);
        if (unstorable) return [new GraphQLError(unstorable.message, { extensions: { code: 'BAD_USER_INPUT', reason: 'UNSTORABLE_TEXT' } })];
        const invalid = validate(schema, document);
        if (invalid.length) return invalid.map((error) => withoutSuggestions(new GraphQLError(error.message, { nodes: error.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })));
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) return [new GraphQLError('Name the operation to run.', { extensions: { code: 'BAD_USER_INPUT' } })];
        const variables = getVariableValues(schema, operation.variableDefinitions ?? [], payload.variables ?? {});
        if (variables.errors) return variables.errors.map((error) => withoutSuggestions(new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT' } })));
        const shape = measureOperation(schema, operation, fragmentsOf(document.definitions), variables.coerced, queryLimits.maxPageSize);
        const violation = limitViolation(shape, queryLimits);
        if (violation) return [violation];
        const viewer = connection.extra.viewer;
        const callerKey = viewer ? `viewer:${viewer.userId}` : `ip:${connection.extra.address ?? 'unknown'}`;
        const charge = await rateLimiter.charge(callerKey, Math.max(1, shape.cost) * SUBSCRIPTION_COST_FACTOR);
        if (!charge.allowed) {
          const refused = rateLimited(charge);
          const { http: _http, ...extensions } = refused.extensions;
          return [new GraphQLError(refused.message, { extensions })];
        }
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

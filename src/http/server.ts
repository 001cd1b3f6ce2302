import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type ErrorRequestHandler } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import type { TokenService } from '../auth/tokens.js';
import type { RequestContext } from '../graphql/context.js';
import { queryLimitsPlugin } from '../graphql/limits/limits-plugin.js';
import { noStoreResponses } from '../graphql/plugins/no-store.js';
import { rejectNulCharacters } from '../graphql/plugins/reject-nul-characters.js';
import { typeVariableErrorLimit } from '../graphql/plugins/variable-error-limit.js';
import { SERVICE_UNAVAILABLE } from '../graphql/database-unavailable.js';
import type { LiveEventBus } from '../events/event-bus.js';
import type { Logger } from '../observability/logger.js';
import { createMetrics } from '../observability/metrics.js';
import { createRequestLog } from '../observability/request-log.js';
import type { ViewerSource } from '../auth/viewer.js';
import type { AppServices } from '../common/app-services.js';
import type { UnitOfWork } from '../common/unit-of-work.js';
import type { GraphQLSchema } from 'graphql';
import { authenticatedUserId } from './authenticate.js';
import { mountHealthChecks } from './health.js';
import { LIMIT_ERROR_CODES, type ApiLimits } from './limits/api-limits.js';
import { requestScope } from './limits/request-scope.js';
import { attachSubscriptionServer } from './subscriptions.js';
import { mountIde } from './ide/ide-page.js';

const REQUEST_ID = /^[\w.-]{1,100}$/;
const EXPECTED_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  ...LIMIT_ERROR_CODES,
  SERVICE_UNAVAILABLE,
]);

export interface HttpServerDependencies {
  orm: MikroORM;
  /** The schema the composition root built from the modules. */
  schema: GraphQLSchema;
  services: AppServices;
  viewers: ViewerSource;
  unitOfWork: UnitOfWork;
  tokens: TokenService;
  logger: Logger;
  production: boolean;
  /** Query limits, rate limits and the request time budget. */
  limits: ApiLimits;
  /** Answer introspection queries (default: outside production). */
  introspection?: boolean;
  /** Where committed changes go to subscribers, in this process or through Redis. */
  liveEvents: LiveEventBus;
  /** Serve the GraphiQL page to browsers at GET /graphql (default: outside production). */
  graphqlIde?: boolean;
  /** Required as a bearer token by GET /metrics when set. */
  metricsToken?: string | undefined;
}

/**
 * Unexpected errors reach the client as "Internal server error" with the request id that the
 * logs carry; the message and stack stay in the logs.
 */
function errorMaskingPlugin(logger: Logger): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            const code = error.extensions?.code as string | undefined;
            if (code && EXPECTED_CODES.has(code)) continue;
            logger.error(
              { requestId: contextValue.requestId, operationName, path: error.path, err: error.originalError ?? error },
              'unexpected error while resolving',
            );
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          response.body.singleResult.errors = response.body.singleResult.errors.map((error) =>
            maskUnexpected(error, contextValue.requestId),
          );
        },
      };
    },
  };
}

function maskUnexpected(error: GraphQLFormattedError, requestId: string): GraphQLFormattedError {
  const code = error.extensions?.code as string | undefined;
  if (code && EXPECTED_CODES.has(code)) return error;
  return {
    message: `Internal server error. Quote request id ${requestId} when reporting it.`,
    ...(error.locations ? { locations: error.locations } : {}),
    ...(error.path ? { path: error.path } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
  };
}

/** Malformed JSON and oversized bodies answer as GraphQL-shaped 400s, never as HTML pages. */
const bodyErrorHandler: ErrorRequestHandler = (error: { status?: number; type?: string }, _request, response, next) => {
  if (response.headersSent) return next(error);
  const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
  const message =
    error.type === 'entity.too.large'
      ? 'The request body is too large.'
      : status === 400
        ? 'The request body is not valid JSON.'
        : status < 500
          ? 'The request could not be read.'
          : 'Internal server error.';
  response.status(status).json({ errors: [{ message, extensions: { code: status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR' } }] });
};

export async function createHttpServer(dependencies: HttpServerDependencies) {
  const { orm, services, tokens, logger } = dependencies;
  const app = express();
  app.disable('x-powered-by');
  // Express hashes every body it sends for an ETag. GraphQL answers are POSTs marked no-store, so
  // nothing revalidates them; the hash was a cost on every request.
  app.set('etag', false);
  const httpServer = http.createServer(app);
  const metrics = createMetrics({ pool: await orm.em.getConnection().getNativeClient(), token: dependencies.metricsToken });
  const requestLog = createRequestLog(logger, { onRefused: metrics.recordRefused });
  app.use(metrics.httpMiddleware);

  const { schema, viewers, unitOfWork } = dependencies;
  const subscriptions = attachSubscriptionServer({
    httpServer,
    schema,
    orm,
    services,
    viewers,
    unitOfWork,
    tokens,
    logger,
    liveEvents: dependencies.liveEvents,
    queryLimits: dependencies.limits.query,
  });
  const apollo = new ApolloServer<RequestContext>({
    schema,
    includeStacktraceInErrorResponses: false,
    introspection: dependencies.introspection ?? !dependencies.production,
    // No "Did you mean …?" field suggestions: they hand out the schema piece by piece.
    hideSchemaDetailsFromClientErrors: dependencies.production,
    parseOptions: { maxTokens: dependencies.limits.query.maxTokens },
    // A JSON array of operations would multiply one request's cost past every limit.
    allowBatchedHttpRequests: false,
    // Compact JSON: Apollo's default indents every response, which costs CPU on each request
    // (measured in docs/scaling.md) and bytes on the wire that no client reads.
    stringifyResult: (result) => JSON.stringify(result),
    csrfPrevention: true,
    // main.ts owns SIGTERM/SIGINT and stops everything in order; Apollo must not race it.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      subscriptions,
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      noStoreResponses(),
      typeVariableErrorLimit(),
      errorMaskingPlugin(logger),
      // After the masking plugin, so they record the codes the client saw.
      requestLog.plugin,
      metrics.plugin,
      rejectNulCharacters(),
      queryLimitsPlugin({ limits: dependencies.limits.query, rateLimiter: dependencies.limits.rateLimiter }),
    ],
  });
  await apollo.start();

  mountHealthChecks(app, orm);
  app.get('/metrics', metrics.handler);
  if (dependencies.graphqlIde ?? !dependencies.production) mountIde(app, { endpoint: '/graphql' });
  app.use(
    '/graphql',
    (request, response, next) => {
      const given = request.header('x-request-id');
      const requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
      response.locals.requestId = requestId;
      response.setHeader('x-request-id', requestId);
      next();
    },
    requestLog.middleware,
    express.json({ limit: '1mb' }),
    requestScope(dependencies.limits.requestTimeoutMs),
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<RequestContext> => {
        const em = orm.em.fork();
        // MikroORM makes a fork's reference loader on first use, behind two dynamic imports, and
        // every `ref.load()` issued before it exists takes that path too: a list of 200 bids paid
        // for 400 imports per request. Made here once, they all find it ready.
        await em.getDataLoader('ref');
        // Only the token is checked here; the viewer's memberships are read when a resolver needs
        // them (viewer-loading.ts), so a public read by id costs one statement, not two.
        const viewerId = await authenticatedUserId(req.header('authorization'), tokens);
        return {
          requestId: res.locals.requestId as string,
          em,
          viewerId,
          viewer: null,
          services,
          viewers,
          unitOfWork,
          logger,
          idempotencyKeyHeader: req.header('idempotency-key') ?? null,
          loaders: new Map(),
          liveEvents: dependencies.liveEvents,
        };
      },
    }),
  );
  app.use(bodyErrorHandler);

  return {
    httpServer,
    async listen(port: number): Promise<number> {
      await new Promise<void>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, () => resolve());
      });
      const address = httpServer.address();
      return typeof address === 'object' && address ? address.port : port;
    },
    /** Stops accepting connections and waits for in-flight requests to finish. */
    stop: () => apollo.stop(),
  };
}

# syntax=docker/dockerfile:1

# Build: only what compiling needs. No install scripts (the `node` devDependency would download a
# second Node, embedded PostgreSQL its server) and no optional platform binaries.
FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --omit=optional --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY seeds ./seeds
RUN npm run build

# Production dependencies alone, installed fresh rather than pruned from the build's.
FROM node:24-slim AS dependencies
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

# Runtime: compiled code and production dependencies, run as the unprivileged node user.
FROM node:24-slim AS production
ARG BUILD_COMMIT=unknown
ENV NODE_ENV=production \
    PORT=4000 \
    BUILD_COMMIT=$BUILD_COMMIT
WORKDIR /app
COPY --from=dependencies --chown=node:node /app/package.json ./
COPY --from=dependencies --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
# The IDE page's example tabs (the page is off in production unless GRAPHQL_IDE=true).
COPY --chown=node:node examples ./examples
USER node
EXPOSE 4000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# DATABASE_URL and JWT_SECRET are required (start-up says so clearly when they are missing).
# Node is PID 1 (exec form), so SIGTERM reaches the server, which drains for SHUTDOWN_GRACE_MS
# (10 s by default): give the container a longer stop timeout (compose: stop_grace_period).
# Migrations run as a one-shot step before the servers (`node dist/src/scripts/migrate.js`, the
# compose file's `migrate` service); a server still checks them at start, under an advisory lock,
# and finds nothing left to apply.
# The preload starts OpenTelemetry tracing when OTEL_EXPORTER_OTLP_ENDPOINT is set, and loads nothing otherwise.
STOPSIGNAL SIGTERM
CMD ["node", "--import", "./dist/src/observability/preload.js", "dist/src/app/main.js"]

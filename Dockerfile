# syntax=docker/dockerfile:1

# Build: all dependencies, compile TypeScript, then drop the development ones.
FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY seeds ./seeds
COPY examples ./examples
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# Production: compiled code and production dependencies only, run as the unprivileged node user.
FROM node:24-slim AS production
ENV NODE_ENV=production \
    PORT=4000
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
# The IDE page's example tabs (the page is off in production unless GRAPHQL_IDE=true).
COPY --from=build --chown=node:node /app/examples ./examples
USER node
EXPOSE 4000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# DATABASE_URL and JWT_SECRET are required (start-up says so clearly when they are missing).
# Migrations first, then the server; exec keeps the server as PID 1's child for SIGTERM.
# The preload starts OpenTelemetry tracing when OTEL_EXPORTER_OTLP_ENDPOINT is set, and loads nothing otherwise.
CMD ["sh", "-c", "node dist/src/scripts/migrate.js && exec node --import ./dist/src/observability/preload.js dist/src/app/main.js"]

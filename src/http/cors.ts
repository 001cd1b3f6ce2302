import type { RequestHandler } from 'express';

/** The request headers the API reads; a browser may send exactly these cross-origin. */
const ALLOWED_HEADERS = 'authorization, content-type, idempotency-key, x-request-id';
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * Cross-origin access for the listed origins only, compared exactly (scheme, host and port). A
 * request from any other origin gets no CORS header at all, so the browser keeps the answer from
 * the page; a preflight from a listed origin is answered here, before Apollo's CSRF check, which
 * would refuse an OPTIONS request. Tokens travel in the Authorization header, never in cookies,
 * so no credentials mode is offered.
 */
export function corsMiddleware(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  return (request, response, next) => {
    const origin = request.header('origin');
    response.vary('Origin');
    if (!origin || !allowed.has(origin)) return next();
    response.setHeader('access-control-allow-origin', origin);
    response.setHeader('access-control-expose-headers', 'x-request-id');
    if (request.method !== 'OPTIONS' || !request.header('access-control-request-method')) return next();
    response.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
    response.setHeader('access-control-allow-headers', ALLOWED_HEADERS);
    response.setHeader('access-control-max-age', String(PREFLIGHT_MAX_AGE_SECONDS));
    response.status(204).end();
  };
}

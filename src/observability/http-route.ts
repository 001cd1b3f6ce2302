/** The request as Express leaves it once the response is finished (the same object node:http made). */
export interface RoutedRequest {
  method?: string | undefined;
  url?: string | undefined;
  originalUrl?: string;
  baseUrl?: string;
  route?: { path?: unknown };
}

/** Mount points served by `app.use`, where Express records no route; anything else is "unmatched". */
const MOUNTED = ['/graphql', '/healthz', '/readyz', '/metrics'];

/**
 * The route a request matched, as a label with a bounded set of values: a route's pattern
 * (`/ide-assets/:file`), never the path a client typed, so a scan of random URLs adds no series.
 */
export function routeOf(request: RoutedRequest): string {
  if (typeof request.route?.path === 'string') return `${request.baseUrl ?? ''}${request.route.path}`;
  const path = (request.originalUrl ?? request.url ?? '').split('?')[0] ?? '';
  return MOUNTED.find((mount) => path === mount || path.startsWith(`${mount}/`)) ?? 'unmatched';
}

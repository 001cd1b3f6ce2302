import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { Viewer, ViewerSource } from '../auth/viewer.js';
import type { AppServices } from '../common/app-services.js';
import type { UnitOfWork } from '../common/unit-of-work.js';
import type { LiveEventBus } from '../events/event-bus.js';
import type { Logger } from '../observability/logger.js';

export interface RequestContext {
  requestId: string;
  /** This request's own fork: its identity map and unit of work are never shared. */
  em: EntityManager;
  /** The account the request's token was issued to; null when anonymous. Known before anything runs. */
  viewerId: string | null;
  /**
   * Who is asking, with the memberships ownership rules need. Read on demand (viewer-loading.ts):
   * ready before any resolver method that needs it runs, null until then and for anonymous requests.
   */
  viewer: Viewer | null;
  services: AppServices;
  /** Reads an account's memberships: for the viewer on demand, and afresh for each live event. */
  viewers: ViewerSource;
  /** Where mutations run: one transaction, events after commit, idempotency keys. */
  unitOfWork: UnitOfWork;
  logger: Logger;
  /** The `Idempotency-Key` request header, for mutations that accept one. */
  idempotencyKeyHeader: string | null;
  /** Request-scoped DataLoaders for computed aggregates, created on first use. */
  loaders: Map<string, DataLoader<unknown, unknown>>;
  /** Where subscriptions listen for committed changes. */
  liveEvents: LiveEventBus;
}

/** The request's DataLoader called `name`, made by `create` the first time it is asked for. */
export function loader<K, V>(
  context: RequestContext,
  name: string,
  create: (context: RequestContext) => DataLoader<K, V>,
): DataLoader<K, V> {
  let existing = context.loaders.get(name) as DataLoader<K, V> | undefined;
  if (!existing) {
    existing = create(context);
    context.loaders.set(name, existing as DataLoader<unknown, unknown>);
  }
  return existing;
}

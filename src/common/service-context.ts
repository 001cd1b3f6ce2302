import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer.js';
import type { LiveEvent } from '../events/live-events.js';

/** What every service method receives first: the request's EntityManager and who is asking. */
export interface ServiceContext {
  em: EntityManager;
  viewer: Viewer | null;
  /** Events for subscribers, published once the mutation's transaction commits (`publishAfterCommit`). */
  pendingEvents?: LiveEvent[];
}

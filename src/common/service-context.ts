import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer.js';
import type { OutgoingEvent } from '../events/live-event.js';

/** What every service method receives first: the unit of work's EntityManager and who is asking. */
export interface ServiceContext {
  em: EntityManager;
  viewer: Viewer | null;
  /** Events for subscribers, published once the unit of work's transaction commits (`publishAfterCommit`). */
  pendingEvents?: OutgoingEvent[];
}

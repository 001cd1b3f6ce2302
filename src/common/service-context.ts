import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer.js';

/** What every service method receives first: the request's EntityManager and who is asking. */
export interface ServiceContext {
  em: EntityManager;
  viewer: Viewer | null;
}

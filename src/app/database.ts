import type { MikroORM, Options } from '@mikro-orm/postgresql';
import { connect } from '../db/database.js';
import { ormConfig, type OrmSettings } from '../db/orm-config.js';
import { entities } from './modules.js';

type Settings = Omit<OrmSettings, 'entities'>;

/** The ORM configuration with every module's entities. */
export function applicationOrmConfig(settings: Settings): Options {
  return ormConfig({ ...settings, entities });
}

/** Connects to the application's database with every module's entities registered. */
export function connectDatabase(settings: Settings): Promise<MikroORM> {
  return connect({ ...settings, entities });
}

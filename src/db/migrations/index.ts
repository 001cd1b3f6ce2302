import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261124000000Foundation } from './Migration20261124000000Foundation.js';

/** Applied in this order; a migration, once committed, is never edited. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261124000000Foundation', class: Migration20261124000000Foundation },
];

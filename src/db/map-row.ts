import type { EntityDictionary, EntityName, MapOptions } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

// em.map's default would also cascade a merge through every relation of the entity and snapshot
// it a second time, for references the hydrator has already made: a third of the CPU a page of
// 200 bids cost, half of mapping one new bid. (MapOptions does not declare `cascade`; em.map
// hands its options on to em.merge, which reads it.)
const AS_FIND_MAPS = { cascade: false } as MapOptions;

/** A row read with plain SQL, as the managed entity `em.find` would have made of it. */
export function entityFromRow<Entity extends object>(em: EntityManager, entity: EntityName<Entity>, row: EntityDictionary<Entity>): Entity {
  return em.map(entity, row, AS_FIND_MAPS);
}

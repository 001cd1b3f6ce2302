import { Cursor, type EntityName, type FilterQuery, type QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Problem, ProblemCode } from './problems.js';

/** One page of a list: forward with `first`/`after`, or backward with `last`/`before`. */
export interface PageRequest {
  first?: number;
  after?: string;
  last?: number;
  before?: string;
}

/** A page as MikroORM's `Cursor` holds it, or a page of search results ranked by relevance. */
export type PageOfItems<Item extends object> = Pick<
  Cursor<Item, never, never, never, true>,
  'items' | 'totalCount' | 'hasNextPage' | 'hasPrevPage' | 'startCursor' | 'endCursor' | 'from'
>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Whether one decoded cursor value fits the property it orders by. */
function fitsProperty(value: unknown, prop: { runtimeType?: string; type?: string; columnTypes?: string[] }): boolean {
  if (value === null) return true;
  const columnType = prop.columnTypes?.[0] ?? '';
  if (columnType === 'uuid') return typeof value === 'string' && UUID.test(value);
  if (prop.runtimeType === 'Date' || columnType.startsWith('timestamp')) {
    return typeof value === 'string' && value.length <= 40 && !Number.isNaN(Date.parse(value));
  }
  if (prop.runtimeType === 'number') return typeof value === 'number' && Number.isFinite(value);
  if (prop.runtimeType === 'boolean') return typeof value === 'boolean';
  return typeof value === 'string' && value.length <= 1000;
}

/**
 * A cursor is opaque to clients but not to us: before it reaches SQL, it must decode to one value
 * per ordering column, each of that column's type. Anything else (garbage, a cursor from another
 * list, a hand-made one) is the client's mistake, answered as such rather than as a server fault.
 */
function checkCursor(em: EntityManager, entity: EntityName<object>, orderBy: QueryOrderMap<object>, cursor: string, argument: string) {
  const meta = em.getMetadata().get(entity);
  const definition = Cursor.getDefinition(meta, orderBy);
  let values: unknown;
  try {
    values = Cursor.decode(cursor);
  } catch {
    values = undefined;
  }
  const fits =
    Array.isArray(values) &&
    values.length === definition.length &&
    definition.every(([key], index) => {
      const prop = meta.properties[key as keyof typeof meta.properties] as Parameters<typeof fitsProperty>[1] | undefined;
      return prop !== undefined && fitsProperty(values[index], prop);
    });
  if (!fits) throw Problem.of(ProblemCode.INVALID, `\`${argument}\` is not a cursor from this list.`, [argument]);
}

/** `em.findByCursor` with the page's cursors checked first. */
export async function findPage<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  options: { where: FilterQuery<T>; orderBy: QueryOrderMap<T>; page: PageRequest; populate?: string[] },
) {
  const { page } = options;
  if (page.after) checkCursor(em, entity as EntityName<object>, options.orderBy as QueryOrderMap<object>, page.after, 'after');
  if (page.before) checkCursor(em, entity as EntityName<object>, options.orderBy as QueryOrderMap<object>, page.before, 'before');
  return em.findByCursor(entity, {
    where: options.where as FilterQuery<NoInfer<T>>,
    orderBy: options.orderBy,
    ...page,
    ...(options.populate ? { populate: options.populate as never } : {}),
  });
}

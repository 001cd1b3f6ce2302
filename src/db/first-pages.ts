import { Cursor, type EntityClass, type EntityDictionary, type EntityKey, type FindByCursorOptions, type Loaded } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { PageRequest } from '../common/page.js';
import { entityFromRow } from './map-row.js';

/** A page read from one end of a list, without a cursor: the first `first` or the last `last` items. */
export type PageFromEnd = { first: number } | { last: number };

/**
 * The page size of a request that starts at one end of the list, or null when it pages on from a
 * cursor: a cursor belongs to one parent's list, so such a request is read on its own.
 */
export function pageFromEnd(page: PageRequest): PageFromEnd | null {
  if (page.after || page.before) return null;
  if (page.last !== undefined) return { last: page.last };
  return page.first !== undefined ? { first: page.first } : null;
}

/** A cache key part that tells two page sizes apart, e.g. `first:20`. */
export const pageFromEndKey = (page: PageFromEnd) => ('first' in page ? `first:${page.first}` : `last:${page.last}`);

export interface FirstPagesOptions<Entity extends object> {
  /** The many-to-one property that groups the rows, e.g. a product's `brand`. */
  groupBy: EntityKey<Entity>;
  /** The ids of the parents whose pages to read; one page per id, in this order. */
  groupIds: readonly string[];
  /** The list's order, by scalar properties; the same one its cursor queries use. */
  orderBy: Readonly<Partial<Record<EntityKey<Entity>, 'asc' | 'desc'>>>;
  page: PageFromEnd;
  /** An extra SQL condition on the entity's own columns, with `?` placeholders for `parameters`. */
  condition?: { sql: string; parameters: readonly unknown[] };
}

/**
 * One page of each parent's list in a single statement, so a list of parents each with a nested
 * connection costs no query per parent. The cursors, `hasNextPage`/`hasPreviousPage` and
 * `totalCount` are the ones `em.findByCursor` gives for the same `orderBy`, so a client can page on
 * from any of them with a per-parent query.
 */
export async function firstPagesBy<Entity extends object>(
  em: EntityManager,
  entity: EntityClass<Entity>,
  options: FirstPagesOptions<Entity>,
): Promise<Cursor<Entity>[]> {
  const meta = em.getMetadata().get(entity);
  const fieldName = (property: EntityKey<Entity>) => {
    const name = meta.properties[property]?.fieldNames[0];
    if (!name) throw new Error(`${meta.className}.${String(property)} has no column to page by`);
    return name;
  };
  const column = (property: EntityKey<Entity>) => `"${fieldName(property)}"`;
  const fromEnd = 'last' in options.page;
  const size = 'last' in options.page ? options.page.last : options.page.first;
  // Reading from the end walks the list backwards; the rows are put back in list order below.
  const windowOrder = (Object.entries(options.orderBy) as [EntityKey<Entity>, 'asc' | 'desc'][])
    .map(([property, direction]) => `${column(property)} ${(direction === 'desc') === fromEnd ? 'asc' : 'desc'}`)
    .join(', ');
  const groupField = fieldName(options.groupBy);
  const group = `"${groupField}"`;
  const rows = await em.getConnection().execute<Record<string, unknown>[]>(
    `select * from (
       select "${meta.tableName}".*,
              row_number() over (partition by ${group} order by ${windowOrder})::int as "page_position",
              count(*) over (partition by ${group})::int as "page_total"
         from "${meta.tableName}"
        where ${group} in (?)${options.condition ? ` and (${options.condition.sql})` : ''}
     ) ranked
     where "page_position" <= ?
     order by ${group}, "page_position" ${fromEnd ? 'desc' : 'asc'}`,
    // One more than asked for tells the cursor whether another page lies beyond this one.
    [options.groupIds, ...(options.condition?.parameters ?? []), size + 1],
  );

  const pages = new Map<unknown, { items: Loaded<Entity>[]; total: number }>();
  // Each row becomes a managed entity as `em.find` makes one.
  for (const { page_position: _position, page_total: total, ...columns } of rows) {
    const groupId = columns[groupField];
    const page = pages.get(groupId) ?? { items: [], total: total as number };
    page.items.push(entityFromRow(em, entity, columns as EntityDictionary<Entity>) as Loaded<Entity>);
    pages.set(groupId, page);
  }
  const cursorOptions = { ...options.page, orderBy: options.orderBy, overfetch: true } as FindByCursorOptions<Entity>;
  return options.groupIds.map((groupId) => {
    const page = pages.get(groupId) ?? { items: [], total: 0 };
    return new Cursor(page.items, page.total, cursorOptions, meta);
  });
}

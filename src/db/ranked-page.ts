import type { EntityClass, EntityDictionary, FilterQuery } from '@mikro-orm/core';
import { type EntityManager, type QBFilterQuery, raw } from '@mikro-orm/postgresql';
import type { PageRequest } from '../common/page.js';
import { Problem, ProblemCode } from '../common/problems.js';
import { entityFromRow } from './map-row.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** How well a row matches, as a whole number, so that cursors compare exactly (no float round trip). */
const RELEVANCE_SCALE = 1_000_000;

type Position = [relevance: number, id: string];

function encode(position: Position): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

function decode(cursor: string, argument: string): Position {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  if (
    Array.isArray(value) &&
    value.length === 2 &&
    Number.isSafeInteger(value[0]) &&
    (value[0] as number) >= 0 &&
    typeof value[1] === 'string' &&
    UUID.test(value[1])
  ) {
    return value as Position;
  }
  throw Problem.of(ProblemCode.INVALID, `\`${argument}\` is not a cursor from this list.`, [argument]);
}

/** A page of search results, best match first, in the shape `toConnection` reads. */
export class RankedPage<Entity extends object> {
  constructor(
    readonly items: Entity[],
    readonly totalCount: number,
    readonly hasPrevPage: boolean,
    readonly hasNextPage: boolean,
    private readonly positions: Map<Entity, Position>,
  ) {}

  from(item: Entity): string {
    return encode(this.positions.get(item)!);
  }

  get startCursor(): string | null {
    return this.items.length ? this.from(this.items[0]!) : null;
  }

  get endCursor(): string | null {
    return this.items.length ? this.from(this.items.at(-1)!) : null;
  }
}

/**
 * Rows of `entity` matching `where` and the text-search `query` (common/search-text.ts `searchQuerySql`)
 * against their `search_vector`, best match first (`ts_rank`; the id breaks ties so that cursors
 * are stable), paged with keyset cursors over (relevance, id).
 */
export async function rankedPage<Entity extends object>(
  em: EntityManager,
  entity: EntityClass<Entity>,
  where: FilterQuery<Entity>,
  query: { sql: string; params: unknown[] },
  page: PageRequest,
): Promise<RankedPage<Entity>> {
  const backward = page.last != null;
  const limit = (backward ? page.last : page.first) ?? 20;
  const cursor = backward ? page.before : page.after;
  const position = cursor ? decode(cursor, backward ? 'before' : 'after') : null;
  const matching = em
    .createQueryBuilder(entity, 'e')
    .select([
      'e.*',
      raw(`(ts_rank(e.search_vector, ${query.sql}) * ${RELEVANCE_SCALE})::int as relevance`, query.params),
      raw('count(*) over ()::int as total'),
    ])
    .where(where as QBFilterQuery<Entity>)
    .andWhere(raw(`e.search_vector @@ ${query.sql}`, query.params))
    .toQuery();
  // Forward pages run best first; backward ones run from the other end and are turned round.
  const after = backward ? '(relevance > ? or (relevance = ? and id < ?))' : '(relevance < ? or (relevance = ? and id > ?))';
  const order = backward ? 'relevance asc, id desc' : 'relevance desc, id asc';
  const rows = await em.getConnection().execute<(EntityDictionary<Entity> & { relevance: number; total: number; id: string })[]>(
    `select * from (${matching.sql}) matching ${position ? `where ${after}` : ''} order by ${order} limit ?`,
    [...matching.params, ...(position ? [position[0], position[0], position[1]] : []), limit + 1],
  );
  const more = rows.length > limit;
  const shown = (more ? rows.slice(0, limit) : rows).slice();
  if (backward) shown.reverse();
  let total = rows[0]?.total;
  if (total === undefined) {
    const [counted] = await em.getConnection().execute<{ total: number }[]>(`select count(*)::int as total from (${matching.sql}) matching`, matching.params);
    total = counted?.total ?? 0;
  }
  const positions = new Map<Entity, Position>();
  const items = shown.map((row) => {
    const { relevance, total: _total, search_vector: _vector, ...columns } = row;
    const item = entityFromRow(em, entity, columns as EntityDictionary<Entity>);
    positions.set(item, [relevance, row.id]);
    return item;
  });
  return new RankedPage(items, total, backward ? more : position !== null, backward ? position !== null : more, positions);
}

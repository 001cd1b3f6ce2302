import type { EntityManager } from '@mikro-orm/postgresql';
import { uuidArray } from '../../db/sql-arrays.js';

/** A deal's delivery record, as credibility counts it. */
export interface DeliverableTally {
  /** Deliverables the deal asks for (dropped ones do not count). */
  total: number;
  /** Of those, the ones whose first proof came by the due date. */
  onTime: number;
}

/**
 * The delivery record of each deal, in one statement for the batch; a deal with no deliverables
 * (or an unknown id) tallies 0 of 0. On time means the first submission was not after the due date
 * in force, the same rule as a deliverable's `late` flag.
 */
export async function deliverableTally(em: EntityManager, dealIds: readonly string[]): Promise<Map<string, DeliverableTally>> {
  const rows = await em.execute<{ deal_id: string; total: number; on_time: number }[]>(
    `select deal_id, count(*)::int as total, count(*) filter (where first_submitted_at <= due_at)::int as on_time
       from deal_deliverable
      where deal_id = any(?::uuid[]) and status <> 'DROPPED'
      group by deal_id`,
    [uuidArray(dealIds)],
  );
  const byDeal = new Map(rows.map((row) => [row.deal_id, { total: row.total, onTime: row.on_time }]));
  return new Map(dealIds.map((dealId) => [dealId, byDeal.get(dealId) ?? { total: 0, onTime: 0 }]));
}

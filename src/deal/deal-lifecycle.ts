import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer.js';
import { Problem, ProblemCode } from '../common/problems.js';
import type { ServiceContext } from '../common/service-context.js';
import { Deal, type DealStatus } from './deal.entity.js';
import { type DealAction, dealTransitions } from './deal.transitions.js';
import { seesDeal } from './deal.visibility.js';

/**
 * What the deal's sales, settlement, disputes and reviews share besides deal-access.ts: finding a
 * deal as the viewer may see it, and moving it through the transition table with a conditional
 * update. Each of them first locks the deal (`lockDeal`), so that reports, settlement and disputes
 * of one deal queue there: a settlement is computed on every report committed before it, and no
 * report slips in between its figures and its status change.
 */

/** The deal when the viewer is one of its parties or an admin; otherwise NOT_FOUND, as for a missing id. */
export async function visibleDeal({ em, viewer }: ServiceContext, dealId: string | null, field: string[] = ['id']): Promise<Deal> {
  const deal = dealId ? await em.findOne(Deal, dealId) : null;
  if (!deal || !seesDeal(viewer, deal)) throw Problem.notFound('deal', field);
  return deal;
}

/** Whether the viewer acts for the brand that pays: one of its members, or an admin. */
export function actsForBrand(viewer: Viewer, deal: Deal): boolean {
  return viewer.isAdmin || viewer.isBrandMember(deal.brand.id);
}

/** The status `action` moves the deal to; ILLEGAL_TRANSITION (or `refusal`) when the table says no. */
export function assertAllowed(deal: Deal, action: DealAction, refusal?: (status: DealStatus) => Problem | null): DealStatus {
  const next = dealTransitions.next(deal.status, action);
  if (next) return next;
  throw refusal?.(deal.status) ?? Problem.of(ProblemCode.ILLEGAL_TRANSITION, `A ${deal.status} deal does not allow this.`, ['id']);
}

/**
 * Moves the deal by `action`, only if its status still allows it (a conditional update that agrees
 * with the table), and reloads it. False when another transaction moved it first.
 */
export async function moveDeal(em: EntityManager, deal: Deal, action: DealAction): Promise<boolean> {
  const next = dealTransitions.next(deal.status, action);
  if (!next) return false;
  const moved = await em.execute<{ id: string }[]>(
    'update deal set status = ?, updated_at = now() where id = ? and status = any(?::text[]) returning id',
    [next, deal.id, `{${dealTransitions.statesAllowing(action).join(',')}}`],
  );
  await em.refresh(deal);
  return moved.length === 1;
}

/** A deal that ended (settled or cancelled) no longer takes up the talent's capacity. */
export async function releaseTalent(em: EntityManager, deal: Deal): Promise<void> {
  const [table, id] = deal.creator ? ['creator', deal.creator.id] : ['trader', deal.trader!.id];
  await em.execute(`update ${table} set active_deal_count = active_deal_count - 1 where id = ? and active_deal_count > 0`, [id]);
}

import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer.js';
import { AccessDenied, Problem, ProblemCode } from '../common/problems.js';
import { type DealAction, dealTransitions } from './deal.transitions.js';
import { Deal, type DealStatus } from './deal.entity.js';

export function signedIn(viewer: Viewer | null): Viewer {
  if (!viewer) throw new AccessDenied('Sign in first.');
  return viewer;
}

/** The deal read afresh and locked until the transaction ends. */
export function lockDeal(em: EntityManager, dealId: string): Promise<Deal> {
  return em.findOneOrFail(Deal, dealId, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
}

/** The status `action` moves the deal to; ILLEGAL_TRANSITION at `field` when the transition table says no. */
export function dealMoveOrProblem(deal: Deal, action: DealAction, doing: string, field: string[]): DealStatus {
  const next = dealTransitions.next(deal.status, action);
  if (!next) throw Problem.of(ProblemCode.ILLEGAL_TRANSITION, `A ${deal.status} deal takes no ${doing}.`, field);
  return next;
}

import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Problem } from '../common/problems.js';

/**
 * Flushes, turning a unique-constraint violation into the user error `problem` gives. Where a
 * service checks for a duplicate first, two simultaneous requests can both pass that check; the
 * unique index then decides, and the loser gets the same answer the check would have given.
 */
export async function flushOrProblem(em: EntityManager, problem: () => Problem): Promise<void> {
  try {
    await em.flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw problem();
    throw error;
  }
}

import { Problem } from '../common/problems.js';
import type { ServiceContext } from '../common/service-context.js';
import type { UserError } from './common-types.js';
import type { RequestContext } from './context.js';

export type Payload<T> = Partial<T> & { userErrors: UserError[] };

export function toUserErrors(problem: Problem): UserError[] {
  return problem.details.map((detail) => ({
    code: detail.code,
    field: detail.field?.map(String) ?? null,
    message: detail.message,
  }));
}

/**
 * Runs one mutation in one database transaction. A `Problem` thrown by the service rolls the
 * transaction back and comes out as `userErrors`, so a refused request writes nothing.
 */
export async function mutate<T extends object>(
  context: RequestContext,
  work: (transaction: ServiceContext) => Promise<T>,
): Promise<Payload<T>> {
  try {
    const result = await context.em.transactional((em) => work({ em, viewer: context.viewer }));
    return { ...result, userErrors: [] };
  } catch (error) {
    if (error instanceof Problem) return { userErrors: toUserErrors(error) } as Payload<T>;
    throw error;
  }
}

import { Problem, ProblemCode } from '../common/problems.js';
import type { ServiceContext } from '../common/service-context.js';
import type { UnitOfWorkOptions } from '../common/unit-of-work.js';
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

export type MutationOptions = UnitOfWorkOptions;

/**
 * Runs one mutation as one unit of work (src/common/unit-of-work.ts): one transaction, events
 * published after commit. A `Problem` thrown by the service rolls the transaction back and comes
 * out as `userErrors`, so a refused request writes nothing.
 */
export async function mutate<T extends object>(
  context: RequestContext,
  work: (transaction: ServiceContext) => Promise<T>,
  options: MutationOptions = {},
): Promise<Payload<T>> {
  return asPayload(() => context.unitOfWork.run({ em: context.em, viewer: context.viewer }, work, options));
}

async function asPayload<T extends object>(work: () => Promise<T>): Promise<Payload<T>> {
  try {
    return { ...(await work()), userErrors: [] };
  } catch (error) {
    if (error instanceof Problem) return { userErrors: toUserErrors(error) } as Payload<T>;
    throw error;
  }
}

/**
 * `mutate` for mutations that accept an idempotency key (as the `idempotencyKey` argument or the
 * `Idempotency-Key` header). Without a key it is plain `mutate` (with `options`). With one, a
 * retry with the same input answers with the first call's object and changes nothing; the same key
 * with other input is an IDEMPOTENCY_KEY_REUSED user error. The key's record is written in the
 * same transaction as the work, so with a key there is always one.
 */
export async function mutateOnce<T extends object>(
  context: RequestContext,
  request: { operation: string; argumentKey: string | null | undefined; input: unknown },
  work: (transaction: ServiceContext) => Promise<{ result: T; resultId: string }>,
  replay: (transaction: ServiceContext, resultId: string) => Promise<T>,
  options: MutationOptions = {},
): Promise<Payload<T>> {
  const headerKey = context.idempotencyKeyHeader;
  if (request.argumentKey != null && headerKey != null && request.argumentKey !== headerKey) {
    return {
      userErrors: [
        { code: ProblemCode.INVALID, field: ['idempotencyKey'], message: 'The idempotencyKey argument and the Idempotency-Key header differ; send one key.' },
      ],
    } as Payload<T>;
  }
  const key = request.argumentKey ?? headerKey;
  if (key == null) return mutate(context, async (transaction) => (await work(transaction)).result, options);
  return asPayload(() =>
    context.unitOfWork.runOnce({ em: context.em, viewer: context.viewer }, { operation: request.operation, key, input: request.input }, work, replay),
  );
}

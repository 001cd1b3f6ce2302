import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Problem, ProblemCode } from '../common/problems.js';
import type { ServiceContext } from '../common/service-context.js';
import type { IdempotencyGuard, IdempotentRequest } from '../common/unit-of-work.js';

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/** JSON with sorted keys, so `{a, b}` and `{b, a}` hash alike. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([name, item]) => `${JSON.stringify(name)}:${canonicalJson(item)}`).join(',')}}`;
}

/**
 * Makes a mutation safe to retry. The first call with a key claims it by inserting a row in the
 * same transaction as its work; a concurrent retry waits on that row's unique index, then finds
 * the committed outcome and answers with it. A failed call rolls its claim back, so the key may
 * be retried. Keys live in the database so every server instance sees them.
 */
export class IdempotencyService implements IdempotencyGuard {
  constructor(private readonly ttlHours: number) {}

  async run<T>(
    { em, viewer }: ServiceContext,
    request: IdempotentRequest,
    work: () => Promise<{ result: T; resultId: string }>,
    replay: (resultId: string) => Promise<T>,
  ): Promise<T> {
    if (!viewer) throw new Error('idempotent mutations require a signed-in viewer');
    if (!KEY_PATTERN.test(request.key)) {
      throw Problem.of(
        ProblemCode.INVALID,
        'Idempotency keys are 1 to 200 printable ASCII characters without spaces, e.g. a UUID.',
        ['idempotencyKey'],
      );
    }
    const requestHash = createHash('sha256').update(canonicalJson(request.input)).digest('hex');
    const identity = [viewer.userId, request.operation, request.key];
    const connection = em.getConnection();
    const context = em.getTransactionContext();

    await connection.execute(
      `delete from idempotency_record
        where user_id = ? and operation = ? and key = ? and created_at < now() - make_interval(hours => ?)`,
      [...identity, this.ttlHours],
      'run',
      context,
    );
    const claimed = await connection.execute<{ id: string }[]>(
      `insert into idempotency_record (id, user_id, operation, key, request_hash, created_at)
       values (gen_random_uuid(), ?, ?, ?, ?, now())
       on conflict (user_id, operation, key) do nothing
       returning id`,
      [...identity, requestHash],
      'all',
      context,
    );
    if (claimed.length === 0) {
      const [first] = await connection.execute<{ request_hash: string; result_id: string | null }[]>(
        'select request_hash, result_id from idempotency_record where user_id = ? and operation = ? and key = ?',
        identity,
        'all',
        context,
      );
      if (!first?.result_id) throw new Error('idempotency record committed without a result');
      if (first.request_hash !== requestHash) {
        throw Problem.of(
          ProblemCode.IDEMPOTENCY_KEY_REUSED,
          'This idempotency key was already used with different input; use a new key for a new request.',
          ['idempotencyKey'],
        );
      }
      return replay(first.result_id);
    }

    const { result, resultId } = await work();
    await connection.execute('update idempotency_record set result_id = ? where id = ?', [resultId, claimed[0]!.id], 'run', context);
    return result;
  }

  /** Forgets keys past their time to live; housekeeping calls it. */
  async purgeExpired(em: EntityManager): Promise<number> {
    const result = await em
      .getConnection()
      .execute<{ affectedRows?: number }>(
        'delete from idempotency_record where created_at < now() - make_interval(hours => ?)',
        [this.ttlHours],
        'run',
      );
    return result.affectedRows ?? 0;
  }
}

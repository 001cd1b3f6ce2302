import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer.js';
import type { OutgoingEvent } from '../events/live-event.js';
import type { ServiceContext } from './service-context.js';

/** A request that may be retried with an idempotency key. */
export interface IdempotentRequest {
  /** The operation's name, so one key may be used for different operations. */
  operation: string;
  key: string;
  /** The operation's arguments; a retry must send the same ones. */
  input: unknown;
}

/** Claims a key inside the unit's transaction and answers a retry with the first outcome. */
export interface IdempotencyGuard {
  run<T>(
    context: ServiceContext,
    request: IdempotentRequest,
    work: () => Promise<{ result: T; resultId: string }>,
    replay: (resultId: string) => Promise<T>,
  ): Promise<T>;
}

export interface EventPublisher {
  /** Never throws: a lost live event must not fail work that has committed. */
  publish(events: readonly OutgoingEvent[]): void;
}

export interface UnitOfWorkOptions {
  /**
   * The work makes its one write atomic by itself (a single statement, or a transaction of its
   * own where one statement cannot be enough) and writes nothing before a `Problem` it may throw,
   * so no transaction is opened around it: that saves the BEGIN and COMMIT round trips. Its reads
   * each see what was committed when they ran. Only bidSubmit without an idempotency key does so.
   */
  writesAtomically?: boolean;
}

/** Who does the work and on which EntityManager (a fork of its own; the unit opens the transaction on it). */
export interface WorkScope {
  em: EntityManager;
  viewer: Viewer | null;
}

/**
 * The one way anything changes data, whoever asks: a GraphQL mutation, a CLI command, a periodic
 * job or the demo seeds. It owns the transaction, publishes the events the work queued only once
 * the transaction has committed (none when it rolls back), and makes a keyed request safe to retry.
 * A `Problem` thrown by the work rolls everything back and reaches the caller unchanged.
 */
export interface UnitOfWork {
  run<T>(scope: WorkScope, work: (context: ServiceContext) => Promise<T>, options?: UnitOfWorkOptions): Promise<T>;
  /**
   * `run` with an idempotency key: a retry with the same input answers with the first call's
   * object (`replay`) and changes nothing; the same key with other input is refused. The key's
   * record is written in the same transaction as the work.
   */
  runOnce<T>(
    scope: WorkScope,
    request: IdempotentRequest,
    work: (context: ServiceContext) => Promise<{ result: T; resultId: string }>,
    replay: (context: ServiceContext, resultId: string) => Promise<T>,
  ): Promise<T>;
}

export function createUnitOfWork(dependencies: { events: EventPublisher; idempotency: IdempotencyGuard }): UnitOfWork {
  const run: UnitOfWork['run'] = async (scope, work, options = {}) => {
    const pendingEvents: OutgoingEvent[] = [];
    const result = options.writesAtomically
      ? await work({ em: scope.em, viewer: scope.viewer, pendingEvents })
      : await scope.em.transactional((em) => work({ em, viewer: scope.viewer, pendingEvents }));
    dependencies.events.publish(pendingEvents);
    return result;
  };
  return {
    run,
    runOnce: (scope, request, work, replay) =>
      run(scope, (context) =>
        dependencies.idempotency.run(
          context,
          request,
          () => work(context),
          (resultId) => replay(context, resultId),
        ),
      ),
  };
}

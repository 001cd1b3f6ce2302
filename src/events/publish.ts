import { randomUUID } from 'node:crypto';
import type { ServiceContext } from '../common/service-context.js';
import type { LiveEvent } from './live-event.js';

/**
 * Queues an event on the unit of work it belongs to, with the channels it travels on. The unit
 * of work publishes the queue only after its transaction commits, and drops it when the
 * transaction rolls back, so subscribers never hear of a change that did not happen. Outside a
 * unit of work there is no queue and nothing is published.
 */
export function publishAfterCommit<E extends LiveEvent>(
  context: ServiceContext,
  event: Omit<E, 'eventId' | 'occurredAt'>,
  channels: readonly string[],
): void {
  context.pendingEvents?.push({ event: { ...event, eventId: randomUUID(), occurredAt: new Date().toISOString() }, channels });
}

import { filter, pipe } from '@graphql-yoga/subscription';
import DataLoader from 'dataloader';
import { GraphQLError } from 'graphql';
import type { Viewer } from '../auth/viewer.js';
import type { RequestContext } from '../graphql/context.js';
import type { LiveEvent } from './live-event.js';

/**
 * How many recent events keep their audience. Subscribers of one event take it from the bus at
 * slightly different moments (each after sending its previous event), so an event's audience must
 * outlive the tick it arrived in; bounded, so a stream of events cannot grow the process.
 */
const AUDIENCES_REMEMBERED = 500;

/**
 * The rights of an event's subscribers on this instance, read once per event: every subscriber
 * asking in the same tick is answered by one statement, and later ones find the answer ready.
 */
const audiences = new Map<string, DataLoader<string, Viewer | null>>();

function audienceOf(event: LiveEvent, context: RequestContext): DataLoader<string, Viewer | null> {
  let audience = audiences.get(event.eventId);
  if (!audience) {
    // A fork of its own: the batch serves many subscribers and must not fill any one's identity map.
    const em = context.em.fork();
    audience = new DataLoader(async (userIds: readonly string[]) => {
      const viewers = await context.viewers.loadViewers(em, userIds);
      return userIds.map((userId) => viewers.get(userId) ?? null);
    });
    if (audiences.size >= AUDIENCES_REMEMBERED) audiences.delete(audiences.keys().next().value!);
    audiences.set(event.eventId, audience);
  }
  return audience;
}

/**
 * Listens on `channelNames` and lets through only the events `mayReceive` allows this viewer,
 * checked again for every event: being subscribed is never enough to receive. The viewer's
 * memberships are those read when the event arrived, not kept from when the socket connected: a
 * member removed from a brand or an agency stops receiving its events with the next one, and the
 * event is then read with the rights the subscriber has now. Those rights are read once per event
 * for all its subscribers (audienceOf), not once per subscriber.
 */
export async function deliver(context: RequestContext, channelNames: string[], mayReceive: (viewer: Viewer, event: LiveEvent) => boolean) {
  const { userId } = context.viewer!;
  const events = await context.liveEvents.subscribe(channelNames);
  return takingTurns(
    pipe(
      events,
      filter(async (event: LiveEvent) => {
        context.viewer = await audienceOf(event, context).load(userId);
        return context.viewer !== null && mayReceive(context.viewer, event);
      }),
    ),
  );
}

/**
 * How many deliveries an instance reads and sends at once. Each reads its object afresh from the
 * database; a burst of events for many subscribers would otherwise take every pooled connection
 * and make every other request wait behind it. Deliveries queue instead: live events may be late
 * by a moment, requests are not.
 */
const DELIVERIES_AT_ONCE = 2;
let deliveriesRunning = 0;
const waitingForTurn: (() => void)[] = [];

async function takeTurn(): Promise<void> {
  if (deliveriesRunning < DELIVERIES_AT_ONCE) {
    deliveriesRunning += 1;
    return;
  }
  await new Promise<void>((resolve) => waitingForTurn.push(resolve));
}

function giveTurn(): void {
  const next = waitingForTurn.shift();
  if (next) next();
  else deliveriesRunning -= 1;
}

/**
 * The events, each handed out with a turn that is held while graphql-js executes the subscriber's
 * selection for it and graphql-ws sends the result, and given back when the next event is asked for.
 */
function takingTurns<T>(source: AsyncIterableIterator<T>): AsyncIterableIterator<T> {
  let holding = false;
  const release = () => {
    if (holding) giveTurn();
    holding = false;
  };
  return {
    async next() {
      release();
      const result = await source.next();
      if (!result.done) {
        await takeTurn();
        holding = true;
      }
      return result;
    },
    async return(value?: unknown) {
      release();
      return source.return ? source.return(value) : { done: true, value: undefined };
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/** A subscription's target that is missing or not the subscriber's to follow, said alike. */
export const notFollowable = (what: string) =>
  new GraphQLError(`No ${what} with this id, or not one you may follow.`, { extensions: { code: 'BAD_USER_INPUT' } });

/**
 * Each event is read afresh for the subscriber: the subscription's identity map and loaders are
 * emptied first, so an object delivered twice shows its state at each delivery, not the first one.
 */
export function freshRead(context: RequestContext): void {
  context.em.clear();
  context.loaders.clear();
}

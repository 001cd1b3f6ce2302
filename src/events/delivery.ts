import { filter, pipe } from '@graphql-yoga/subscription';
import { GraphQLError } from 'graphql';
import type { Viewer } from '../auth/viewer.js';
import type { RequestContext } from '../graphql/context.js';
import type { LiveEvent } from './live-event.js';

/**
 * Listens on `channelNames` and lets through only the events `mayReceive` allows this viewer,
 * checked again for every event: being subscribed is never enough to receive. The viewer's
 * memberships are read afresh for each event too, not kept from when the socket connected: a
 * member removed from a brand or an agency stops receiving its events with the next one, and the
 * event is then read with the rights the subscriber has now.
 */
export async function deliver(context: RequestContext, channelNames: string[], mayReceive: (viewer: Viewer, event: LiveEvent) => boolean) {
  const { userId } = context.viewer!;
  const events = await context.liveEvents.subscribe(channelNames);
  return pipe(
    events,
    filter(async (event: LiveEvent) => {
      context.viewer = await context.viewers.loadViewer(context.em, userId);
      return context.viewer !== null && mayReceive(context.viewer, event);
    }),
  );
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

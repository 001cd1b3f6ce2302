import { Repeater } from '@graphql-yoga/subscription';
import { Redis } from 'ioredis';
import type { Logger } from '../observability/logger.js';
import type { LiveEvent, OutgoingEvent } from './live-event.js';

type Listener = (event: LiveEvent) => void;

/** Carries events between publishers and listeners: this process only, or every instance through Redis. */
interface Transport {
  publish(channel: string, event: LiveEvent): void;
  /** Starts listening; the promise settles once events published from now on will arrive. */
  listen(channel: string, listener: Listener): Promise<void>;
  unlisten(channel: string, listener: Listener): void;
  close(): Promise<void>;
}

export interface LiveEventBus {
  /** Sends committed changes to their subscribers. Never throws: a lost event must not fail a committed request. */
  publish(events: readonly OutgoingEvent[]): void;
  /**
   * Events on any of the channels, each once, from the moment the returned promise settles; the
   * iterator's `return()` stops listening.
   */
  subscribe(channelNames: readonly string[]): Promise<AsyncIterableIterator<LiveEvent>>;
  /** Listeners on a channel in this process (for readiness checks in tests). */
  listenerCount(channel: string): number;
  close(): Promise<void>;
}

/**
 * In memory when `redisUrl` is not given (one instance); through Redis pub/sub when it is, so a
 * subscriber on one instance hears a change committed through any other. `keyPrefix` keeps the
 * channels of several deployments on one Redis apart.
 */
export function createLiveEventBus(options: { redisUrl?: string | undefined; keyPrefix: string; logger: Logger }): LiveEventBus {
  const transport = options.redisUrl ? redisTransport(options.redisUrl, options.keyPrefix, options.logger) : memoryTransport();
  const counts = new Map<string, number>();
  const count = (channel: string, delta: number) => {
    const next = (counts.get(channel) ?? 0) + delta;
    if (next > 0) counts.set(channel, next);
    else counts.delete(channel);
  };

  return {
    publish(events) {
      for (const { event, channels } of events) {
        for (const channel of channels) transport.publish(channel, event);
      }
    },

    async subscribe(channelNames) {
      const names = [...new Set(channelNames)];
      const buffered: LiveEvent[] = [];
      let push: Listener = (event) => buffered.push(event);
      const listener: Listener = (event) => push(event);
      // Listening starts before the iterator is handed out, so nothing committed after the
      // subscription was acknowledged is missed while the client waits for its first event.
      await Promise.all(names.map((channel) => transport.listen(channel, listener)));
      names.forEach((channel) => count(channel, 1));
      const seen = new Set<string>();
      const repeater = new Repeater<LiveEvent>(async (pushToRepeater, stop) => {
        push = (event) => {
          if (seen.has(event.eventId)) return;
          seen.add(event.eventId);
          // A long-lived subscription remembers only recent ids; duplicates arrive together.
          if (seen.size > 1_000) seen.delete(seen.values().next().value!);
          void pushToRepeater(event);
        };
        buffered.splice(0).forEach((event) => push(event));
        await stop;
        for (const channel of names) {
          transport.unlisten(channel, listener);
          count(channel, -1);
        }
      });
      return repeater;
    },

    listenerCount: (channel) => counts.get(channel) ?? 0,
    close: () => transport.close(),
  };
}

function memoryTransport(): Transport {
  const listeners = new Map<string, Set<Listener>>();
  return {
    publish(channel, event) {
      for (const listener of listeners.get(channel) ?? []) listener(event);
    },
    async listen(channel, listener) {
      let set = listeners.get(channel);
      if (!set) listeners.set(channel, (set = new Set()));
      set.add(listener);
    },
    unlisten(channel, listener) {
      const set = listeners.get(channel);
      set?.delete(listener);
      if (set && !set.size) listeners.delete(channel);
    },
    async close() {
      listeners.clear();
    },
  };
}

/**
 * Redis pub/sub. The publisher holds events only while it (re)connects, and gives them up after
 * one failed reconnection: live events are worth nothing late, and an outage must not grow a
 * queue without bound. The subscriber retries forever and re-subscribes its channels after a
 * reconnect. No error here ever reaches a request or crashes the process.
 */
function redisTransport(url: string, keyPrefix: string, logger: Logger): Transport {
  const publisher = new Redis(url, { maxRetriesPerRequest: 1 });
  const subscriber = new Redis(url, { maxRetriesPerRequest: null, autoResubscribe: true });
  for (const [role, client] of [['publisher', publisher], ['subscriber', subscriber]] as const) {
    client.on('error', (error: Error) => logger.warn({ err: error, role }, 'Redis connection for live events failed; retrying'));
  }
  const listeners = new Map<string, Set<Listener>>();
  const subscribed = new Map<string, Promise<void>>();

  subscriber.on('message', (redisChannel: string, message: string) => {
    const set = listeners.get(redisChannel.slice(keyPrefix.length));
    if (!set) return;
    let event: LiveEvent;
    try {
      event = JSON.parse(message) as LiveEvent;
    } catch (error) {
      logger.warn({ err: error, channel: redisChannel }, 'ignored a live event that is not JSON');
      return;
    }
    for (const listener of set) listener(event);
  });

  return {
    publish(channel, event) {
      publisher.publish(keyPrefix + channel, JSON.stringify(event)).catch((error: unknown) => {
        logger.warn({ err: error, channel }, 'live event not published: Redis is unavailable');
      });
    },
    async listen(channel, listener) {
      let set = listeners.get(channel);
      if (!set) {
        listeners.set(channel, (set = new Set()));
        subscribed.set(
          channel,
          subscriber.subscribe(keyPrefix + channel).then(
            () => undefined,
            (error: unknown) => logger.warn({ err: error, channel }, 'could not subscribe to live events'),
          ),
        );
      }
      set.add(listener);
      await subscribed.get(channel);
    },
    unlisten(channel, listener) {
      const set = listeners.get(channel);
      set?.delete(listener);
      if (set && !set.size) {
        listeners.delete(channel);
        subscribed.delete(channel);
        subscriber.unsubscribe(keyPrefix + channel).catch(() => {});
      }
    },
    async close() {
      listeners.clear();
      await Promise.allSettled([publisher.quit(), subscriber.quit()]);
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}

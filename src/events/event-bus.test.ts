import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../observability/logger.js';
import { createLiveEventBus, type LiveEventBus } from './event-bus.js';
import type { LiveEvent, OutgoingEvent } from './live-event.js';
import { redisAnswers, TEST_REDIS_URL } from '../../test/support/redis.js';

const logger = createLogger({ level: 'silent', pretty: false });

interface ParcelEvent extends LiveEvent {
  type: 'parcel';
  parcelId: string;
}

/** The bus carries any module's events; a made-up kind keeps this test free of domain modules. */
function parcelEvent(): ParcelEvent {
  return { type: 'parcel', eventId: randomUUID(), occurredAt: new Date().toISOString(), parcelId: randomUUID() };
}

const channels = {
  ofSender: (id: string) => `parcels-of-sender:${id}`,
  ofCourier: (id: string) => `parcels-of-courier:${id}`,
};

/** An event on the sender's and the courier's channels. */
function outgoing(event: ParcelEvent, sender = 'sender-1', courier = 'courier-1'): OutgoingEvent {
  return { event, channels: [channels.ofSender(sender), channels.ofCourier(courier)] };
}

describe('the in-memory bus', () => {
  it('delivers an event once to a subscriber listening on two of its channels, and stops listening when the subscriber leaves', async () => {
    const bus = createLiveEventBus({ keyPrefix: 'test:', logger });
    const events = await bus.subscribe([channels.ofSender('sender-1'), channels.ofCourier('courier-1')]);
    const first = parcelEvent();
    const second = parcelEvent();
    bus.publish([outgoing(first), outgoing(second)]);
    expect((await events.next()).value).toEqual(first);
    expect((await events.next()).value).toEqual(second);
    expect(bus.listenerCount(channels.ofSender('sender-1'))).toBe(1);
    await events.return?.();
    expect(bus.listenerCount(channels.ofSender('sender-1'))).toBe(0);
    expect(() => bus.publish([outgoing(parcelEvent())])).not.toThrow();
  });

  it('keeps what was published between subscribing and reading the first event', async () => {
    const bus = createLiveEventBus({ keyPrefix: 'test:', logger });
    const events = await bus.subscribe([channels.ofSender('sender-1')]);
    const early = parcelEvent();
    bus.publish([outgoing(early)]);
    expect((await events.next()).value).toEqual(early);
    await events.return?.();
  });
});

const REDIS_URL = TEST_REDIS_URL;
const redisUp = await redisAnswers(REDIS_URL);

describe.skipIf(!redisUp)(`the Redis bus (${REDIS_URL})`, () => {
  it('carries events between buses with the same key prefix, and keeps deployments with another prefix apart', async () => {
    const prefix = `test-${randomUUID()}:`;
    const buses: LiveEventBus[] = [
      createLiveEventBus({ redisUrl: REDIS_URL, keyPrefix: prefix, logger }),
      createLiveEventBus({ redisUrl: REDIS_URL, keyPrefix: prefix, logger }),
      createLiveEventBus({ redisUrl: REDIS_URL, keyPrefix: `other-${prefix}`, logger }),
    ];
    const [publisher, sameDeployment, otherDeployment] = buses as [LiveEventBus, LiveEventBus, LiveEventBus];
    try {
      const heard = await sameDeployment.subscribe([channels.ofSender('sender-1')]);
      const elsewhere = await otherDeployment.subscribe([channels.ofSender('sender-1')]);
      const event = parcelEvent();
      publisher.publish([outgoing(event)]);
      expect((await heard.next()).value).toEqual(event);
      // The other deployment hears its own events only: the next one it gets is the one published on its prefix.
      const own = parcelEvent();
      otherDeployment.publish([outgoing(own)]);
      expect((await elsewhere.next()).value).toEqual(own);
      await heard.return?.();
      await elsewhere.return?.();
    } finally {
      await Promise.all(buses.map((bus) => bus.close()));
    }
  });
});

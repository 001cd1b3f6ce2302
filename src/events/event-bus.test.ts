import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { createLiveEventBus, type LiveEventBus } from './event-bus.js';
import { type BidLiveEvent, channels, channelsOf } from './live-events.js';
import { redisAnswers, TEST_REDIS_URL } from '../../test/support/redis.js';

const logger = createLogger({ level: 'silent', pretty: false });

function bidEvent(parties: Partial<BidLiveEvent['parties']> = {}): BidLiveEvent {
  return {
    type: 'bid',
    kind: 'SUBMITTED',
    eventId: randomUUID(),
    bidId: randomUUID(),
    briefId: 'brief-1',
    status: 'SUBMITTED',
    occurredAt: new Date().toISOString(),
    parties: { brandId: 'brand-1', creatorId: 'creator-1', traderId: null, agencyId: 'agency-1', ...parties },
  };
}

describe('channelsOf', () => {
  it('sends a bid event to its brief and to each bidding party, and a deal event to its deal', () => {
    expect(channelsOf(bidEvent())).toEqual([channels.bidsOfBrief('brief-1'), channels.bidsOfCreator('creator-1'), channels.bidsOfAgency('agency-1')]);
    expect(
      channelsOf({ type: 'deal', kind: 'SETTLEMENT', eventId: 'e', dealId: 'deal-1', subjectId: null, subjectType: null, occurredAt: '', parties: bidEvent().parties }),
    ).toEqual([channels.deal('deal-1')]);
  });
});

describe('the in-memory bus', () => {
  it('delivers an event once to a subscriber listening on two of its channels, and stops listening when the subscriber leaves', async () => {
    const bus = createLiveEventBus({ keyPrefix: 'test:', logger });
    const events = await bus.subscribe([channels.bidsOfCreator('creator-1'), channels.bidsOfAgency('agency-1')]);
    const first = bidEvent();
    const second = bidEvent();
    bus.publish([first, second]);
    expect((await events.next()).value).toEqual(first);
    expect((await events.next()).value).toEqual(second);
    expect(bus.listenerCount(channels.bidsOfCreator('creator-1'))).toBe(1);
    await events.return?.();
    expect(bus.listenerCount(channels.bidsOfCreator('creator-1'))).toBe(0);
    expect(() => bus.publish([bidEvent()])).not.toThrow();
  });

  it('keeps what was published between subscribing and reading the first event', async () => {
    const bus = createLiveEventBus({ keyPrefix: 'test:', logger });
    const events = await bus.subscribe([channels.bidsOfBrief('brief-1')]);
    const early = bidEvent();
    bus.publish([early]);
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
      const heard = await sameDeployment.subscribe([channels.bidsOfBrief('brief-1')]);
      const elsewhere = await otherDeployment.subscribe([channels.bidsOfBrief('brief-1')]);
      const event = bidEvent();
      publisher.publish([event]);
      expect((await heard.next()).value).toEqual(event);
      // The other deployment hears its own events only: the next one it gets is the one published on its prefix.
      const own = bidEvent();
      otherDeployment.publish([own]);
      expect((await elsewhere.next()).value).toEqual(own);
      await heard.return?.();
      await elsewhere.return?.();
    } finally {
      await Promise.all(buses.map((bus) => bus.close()));
    }
  });
});

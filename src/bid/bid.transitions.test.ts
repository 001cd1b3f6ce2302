import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVE_BID_STATUSES, BidStatus } from './bid.entity.js';
import { BidAction, bidTransitions } from './bid.transitions.js';

const statuses = Object.values(BidStatus);
const actions = Object.values(BidAction);
const finalStatuses = statuses.filter((status) => !ACTIVE_BID_STATUSES.includes(status));

describe('bidTransitions.next', () => {
  it.each([
    ['SUBMITTED', 'SHORTLIST', 'SHORTLISTED'],
    ['SUBMITTED', 'COUNTER', 'COUNTERED'],
    ['SUBMITTED', 'REVISE', 'SUBMITTED'],
    ['SUBMITTED', 'ACCEPT', 'ACCEPTED'],
    ['SUBMITTED', 'REJECT', 'REJECTED'],
    ['SUBMITTED', 'WITHDRAW', 'WITHDRAWN'],
    ['SUBMITTED', 'CLOSE', 'NOT_SELECTED'],
    ['SHORTLISTED', 'REVISE', 'SHORTLISTED'],
    ['SHORTLISTED', 'COUNTER', 'COUNTERED'],
    ['SHORTLISTED', 'ACCEPT', 'ACCEPTED'],
    ['COUNTERED', 'ACCEPT_COUNTER', 'AGREED'],
    ['COUNTERED', 'REVISE', 'SUBMITTED'],
    ['COUNTERED', 'COUNTER', 'COUNTERED'],
    ['COUNTERED', 'WITHDRAW', 'WITHDRAWN'],
    ['AGREED', 'ACCEPT', 'ACCEPTED'],
    ['AGREED', 'REJECT', 'REJECTED'],
    ['AGREED', 'WITHDRAW', 'WITHDRAWN'],
    ['AGREED', 'CLOSE', 'NOT_SELECTED'],
  ] as const)('moves %s on %s to %s', (current, action, next) => {
    expect(bidTransitions.next(current, action)).toBe(next);
  });

  it.each([
    ['SUBMITTED', 'ACCEPT_COUNTER', 'there is no counter to accept'],
    ['SHORTLISTED', 'SHORTLIST', 'it is shortlisted already'],
    ['COUNTERED', 'ACCEPT', 'the brand’s own counter still awaits the bidder'],
    ['COUNTERED', 'SHORTLIST', 'the brand already answered with a counter'],
    ['AGREED', 'COUNTER', 'agreed terms are frozen'],
    ['AGREED', 'REVISE', 'agreed terms are frozen'],
    ['ACCEPTED', 'WITHDRAW', 'a deal was made'],
  ] as const)('refuses %s on %s: %s', (current, action, _reason) => {
    expect(bidTransitions.next(current, action)).toBeNull();
  });

  it('reaches ACCEPTED only by the brand accepting an active bid that is not waiting on the bidder', () => {
    for (const current of statuses) {
      for (const action of actions) {
        if (bidTransitions.next(current, action) === BidStatus.ACCEPTED) {
          expect(action).toBe(BidAction.ACCEPT);
          expect(['SUBMITTED', 'SHORTLISTED', 'AGREED']).toContain(current);
        }
      }
    }
  });

  it('reaches AGREED only by the bidder saying yes to a counter', () => {
    for (const current of statuses) {
      for (const action of actions) {
        if (bidTransitions.next(current, action) === BidStatus.AGREED) expect([current, action]).toEqual(['COUNTERED', 'ACCEPT_COUNTER']);
      }
    }
  });

  it('lets the system close every active bid', () => {
    for (const status of ACTIVE_BID_STATUSES) expect(bidTransitions.next(status, BidAction.CLOSE)).toBe(BidStatus.NOT_SELECTED);
  });

  it('keeps a final status final, whatever sequence of actions follows', () => {
    fc.assert(
      fc.property(fc.constantFrom(...finalStatuses), fc.array(fc.constantFrom(...actions)), (final, sequence) => {
        let status: BidStatus = final;
        for (const action of sequence) status = bidTransitions.next(status, action) ?? status;
        expect(status).toBe(final);
      }),
    );
  });
});

describe('bidTransitions.statesAllowing', () => {
  it('lists exactly the statuses the table lets an action leave', () => {
    expect(bidTransitions.statesAllowing(BidAction.CLOSE)).toEqual([...ACTIVE_BID_STATUSES]);
    expect(bidTransitions.statesAllowing(BidAction.ACCEPT_COUNTER)).toEqual([BidStatus.COUNTERED]);
    for (const action of actions) {
      for (const status of statuses) expect(bidTransitions.statesAllowing(action).includes(status)).toBe(bidTransitions.next(status, action) !== null);
    }
  });
});

import { describe, expect, it } from 'vitest';
import type { AmendmentStatus } from './amendment.entity.js';
import { DealStatus } from '../deal.entity.js';
import { DealAction, dealTransitions } from '../deal.transitions.js';
import { AmendmentAction, type AmendmentState, amendmentState, amendmentTransitions } from './amendment.transitions.js';

describe('amendmentTransitions', () => {
  it.each([
    ['ACCEPT', 'ACCEPTED'],
    ['REJECT', 'REJECTED'],
    ['WITHDRAW', 'WITHDRAWN'],
  ] as const)('answers a PROPOSED amendment with %s', (action, next) => {
    expect(amendmentTransitions.next('PROPOSED', action)).toBe(next);
  });

  it('takes no second answer: every answered status is final, and so is a lapse', () => {
    for (const status of ['ACCEPTED', 'REJECTED', 'WITHDRAWN', 'LAPSED'] as AmendmentState[]) {
      for (const action of Object.values(AmendmentAction)) expect(amendmentTransitions.next(status, action)).toBeNull();
    }
  });
});

describe('amendmentState', () => {
  it.each([
    ['ACTIVE', 'PROPOSED'],
    ['DELIVERED', 'PROPOSED'],
    ['DISPUTED', 'LAPSED'],
    ['SETTLED', 'LAPSED'],
    ['CANCELLED', 'LAPSED'],
  ] as const)('reads a proposal on a %s deal as %s', (dealStatus, state) => {
    expect(amendmentState('PROPOSED', dealStatus)).toBe(state);
  });

  it('keeps an answer whatever became of the deal', () => {
    for (const status of ['ACCEPTED', 'REJECTED', 'WITHDRAWN'] as AmendmentStatus[]) {
      for (const dealStatus of Object.values(DealStatus)) expect(amendmentState(status, dealStatus)).toBe(status);
    }
  });

  it('lapses for good: no deal that takes no amendments can reach one that does', () => {
    const amendable = (status: DealStatus) => dealTransitions.next(status, DealAction.AMEND) !== null;
    for (const start of Object.values(DealStatus).filter((status) => !amendable(status))) {
      const reached = new Set<DealStatus>([start]);
      for (let grew = true; grew; ) {
        grew = false;
        for (const status of [...reached]) {
          for (const action of Object.values(DealAction)) {
            const next = dealTransitions.next(status, action);
            if (next && !reached.has(next)) {
              reached.add(next);
              grew = true;
            }
          }
        }
      }
      expect([...reached].filter(amendable), start).toEqual([]);
    }
  });
});

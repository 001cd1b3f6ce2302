import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DealStatus } from './deal.entity.js';
import { DealAction, dealTransitions } from './deal.transitions.js';

const statuses = Object.values(DealStatus);
const actions = Object.values(DealAction);

describe('dealTransitions', () => {
  it.each([
    ['ACTIVE', 'DELIVER', 'DELIVERED'],
    ['ACTIVE', 'AMEND', 'ACTIVE'],
    ['ACTIVE', 'CANCEL', 'CANCELLED'],
    ['ACTIVE', 'DISPUTE', 'DISPUTED'],
    ['DELIVERED', 'SETTLE', 'SETTLED'],
    ['DELIVERED', 'REOPEN', 'ACTIVE'],
    ['DELIVERED', 'DISPUTE', 'DISPUTED'],
    ['DISPUTED', 'RESOLVE_BY_SETTLING', 'SETTLED'],
    ['DISPUTED', 'RESOLVE_BY_CANCELLING', 'CANCELLED'],
    ['DISPUTED', 'REPORT_SALES', 'DISPUTED'],
  ] as const)('moves %s on %s to %s', (current, action, next) => {
    expect(dealTransitions.next(current, action)).toBe(next);
  });

  it.each([
    ['ACTIVE', 'SETTLE', 'nothing was delivered yet'],
    ['DISPUTED', 'SETTLE', 'only an admin’s resolution ends a dispute'],
    ['DISPUTED', 'AMEND', 'terms are frozen while an admin looks at them'],
    ['DELIVERED', 'CANCEL', 'delivered work is paid for or disputed, not cancelled'],
    ['DISPUTED', 'DISPUTE', 'a deal is disputed once at a time'],
  ] as const)('refuses %s on %s: %s', (current, action, _why) => {
    expect(dealTransitions.next(current, action)).toBeNull();
  });

  it('allows nothing at all on a settled or cancelled deal', () => {
    for (const final of [DealStatus.SETTLED, DealStatus.CANCELLED]) {
      for (const action of actions) expect(dealTransitions.next(final, action)).toBeNull();
    }
  });

  it('agrees with statesAllowing for every status and action', () => {
    fc.assert(
      fc.property(fc.constantFrom(...statuses), fc.constantFrom(...actions), (status, action) => {
        expect(dealTransitions.statesAllowing(action).includes(status)).toBe(dealTransitions.next(status, action) !== null);
      }),
    );
  });
});

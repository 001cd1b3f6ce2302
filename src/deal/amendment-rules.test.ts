import { describe, expect, it } from 'vitest';
import type { AmendmentStatus } from './amendment.entity.js';
import { AmendmentAction, nextAmendmentStatus } from './amendment-rules.js';

describe('nextAmendmentStatus', () => {
  it.each([
    ['ACCEPT', 'ACCEPTED'],
    ['REJECT', 'REJECTED'],
    ['WITHDRAW', 'WITHDRAWN'],
  ] as const)('answers a PROPOSED amendment with %s', (action, next) => {
    expect(nextAmendmentStatus('PROPOSED', action)).toBe(next);
  });

  it('takes no second answer: every answered status is final', () => {
    for (const status of ['ACCEPTED', 'REJECTED', 'WITHDRAWN'] as AmendmentStatus[]) {
      for (const action of Object.values(AmendmentAction)) expect(nextAmendmentStatus(status, action)).toBeNull();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { DeliverableAction, deliverableTransitions } from './deliverable.transitions.js';

describe('deliverableTransitions', () => {
  it.each([
    ['PENDING', 'SUBMIT', 'SUBMITTED'],
    ['SUBMITTED', 'APPROVE', 'APPROVED'],
    ['SUBMITTED', 'REQUEST_CHANGES', 'CHANGES_REQUESTED'],
    ['CHANGES_REQUESTED', 'SUBMIT', 'SUBMITTED'],
    ['APPROVED', 'DROP', 'DROPPED'],
  ] as const)('moves %s on %s to %s', (current, action, next) => {
    expect(deliverableTransitions.next(current, action)).toBe(next);
  });

  it.each([
    ['SUBMITTED', 'SUBMIT', 'a proof awaits the brand’s answer'],
    ['PENDING', 'APPROVE', 'nothing was submitted'],
    ['APPROVED', 'SUBMIT', 'approved work is done'],
    ['APPROVED', 'REQUEST_CHANGES', 'an approval is final'],
  ] as const)('refuses %s on %s: %s', (current, action, _why) => {
    expect(deliverableTransitions.next(current, action)).toBeNull();
  });

  it('keeps DROPPED final', () => {
    for (const action of Object.values(DeliverableAction)) expect(deliverableTransitions.next('DROPPED', action)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { availableSlots } from './capacity.js';

describe('availableSlots', () => {
  it('is what capacity leaves after the running deals', () => {
    expect(availableSlots(3, 0)).toBe(3);
    expect(availableSlots(3, 2)).toBe(1);
    expect(availableSlots(3, 3)).toBe(0);
  });

  it('never goes below zero when capacity was lowered under the running deals', () => {
    expect(availableSlots(1, 4)).toBe(0);
  });
});

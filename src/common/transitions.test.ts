import { describe, expect, it } from 'vitest';
import { transitionTable } from './transitions.js';

const door = transitionTable<'OPEN' | 'SHUT' | 'LOCKED', 'CLOSE' | 'OPEN' | 'LOCK'>({
  OPEN: { CLOSE: 'SHUT' },
  SHUT: { OPEN: 'OPEN', LOCK: 'LOCKED' },
  LOCKED: {},
});

describe('transitionTable', () => {
  it('allows exactly the moves in the table', () => {
    expect(door.next('SHUT', 'LOCK')).toBe('LOCKED');
    expect(door.next('OPEN', 'LOCK')).toBeNull();
    expect(door.next('LOCKED', 'OPEN')).toBeNull();
  });

  it('lists the states an action is allowed from, for conditional updates', () => {
    expect(door.statesAllowing('OPEN')).toEqual(['SHUT']);
    expect(door.statesAllowing('CLOSE')).toEqual(['OPEN']);
  });
});

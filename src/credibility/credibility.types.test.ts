import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { CREDIBILITY_LEVELS } from './credibility.js';
import { CredibilityLevel, credibilityLevelName, numericCredibilityLevel } from './credibility.types.js';

describe('credibility level names', () => {
  it('name the stored levels 1..5 as L1..L5', () => {
    expect(CREDIBILITY_LEVELS.map(credibilityLevelName)).toEqual(['L1', 'L2', 'L3', 'L4', 'L5']);
    expect(Object.values(CredibilityLevel)).toEqual(['L1', 'L2', 'L3', 'L4', 'L5']);
  });

  it('turn back into the same stored level', () => {
    for (const level of CREDIBILITY_LEVELS) expect(numericCredibilityLevel(credibilityLevelName(level))).toBe(level);
  });
});

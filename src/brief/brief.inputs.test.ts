import { describe, expect, it } from 'vitest';
import { ProblemCode } from '../common/problems.js';
import { BriefProblem } from './brief.problems.js';
import { deadlineProblem, MAX_DEADLINE_AHEAD_MS } from './brief.inputs.js';

describe('deadlineProblem', () => {
  const now = new Date('2026-06-01T12:00:00Z');
  const at = (offsetMs: number) => new Date(now.getTime() + offsetMs);

  it('accepts any moment after now, up to a year ahead', () => {
    expect(deadlineProblem(at(1000), now)).toBeNull();
    expect(deadlineProblem(at(MAX_DEADLINE_AHEAD_MS), now)).toBeNull();
  });

  it('refuses now and the past with DEADLINE_IN_PAST', () => {
    expect(deadlineProblem(now, now)?.code).toBe(BriefProblem.DEADLINE_IN_PAST);
    expect(deadlineProblem(at(-1), now)?.code).toBe(BriefProblem.DEADLINE_IN_PAST);
  });

  it('refuses more than a year ahead with OUT_OF_RANGE', () => {
    expect(deadlineProblem(at(MAX_DEADLINE_AHEAD_MS + 1), now)?.code).toBe(ProblemCode.OUT_OF_RANGE);
  });
});

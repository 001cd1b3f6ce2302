import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BriefStatus } from './brief.entity.js';
import {
  BriefAction,
  briefTransitions,
  effectiveBriefStatus,
  effectiveClosedAt,
  illegalTransitionMessage,
} from './brief.transitions.js';

const statuses = Object.values(BriefStatus);
const actions = Object.values(BriefAction);
const FINAL_STATUSES = statuses.filter((status) => actions.every((action) => briefTransitions.next(status, action) === null));

const ALLOWED: [BriefStatus, BriefAction, BriefStatus][] = [
  [BriefStatus.DRAFT, BriefAction.PUBLISH, BriefStatus.OPEN],
  [BriefStatus.DRAFT, BriefAction.CANCEL, BriefStatus.CANCELLED],
  [BriefStatus.OPEN, BriefAction.CLOSE, BriefStatus.CLOSED],
  [BriefStatus.OPEN, BriefAction.EXPIRE, BriefStatus.CLOSED],
  [BriefStatus.OPEN, BriefAction.AWARD, BriefStatus.AWARDED],
  [BriefStatus.OPEN, BriefAction.CANCEL, BriefStatus.CANCELLED],
  [BriefStatus.CLOSED, BriefAction.AWARD, BriefStatus.AWARDED],
  [BriefStatus.CLOSED, BriefAction.CANCEL, BriefStatus.CANCELLED],
  [BriefStatus.AWARDED, BriefAction.REOPEN, BriefStatus.OPEN],
];

describe('briefTransitions.next', () => {
  it.each(ALLOWED)('moves %s on %s to %s', (current, action, next) => {
    expect(briefTransitions.next(current, action)).toBe(next);
  });

  it('refuses every other move', () => {
    for (const current of statuses) {
      for (const action of actions) {
        if (ALLOWED.some(([from, move]) => from === current && move === action)) continue;
        expect(briefTransitions.next(current, action), `${current} on ${action}`).toBeNull();
      }
    }
  });

  it('treats CANCELLED as final; AWARDED leaves only when a cancelled deal frees a slot', () => {
    expect(FINAL_STATUSES).toEqual([BriefStatus.CANCELLED]);
    expect(actions.filter((action) => briefTransitions.next(BriefStatus.AWARDED, action) !== null)).toEqual([BriefAction.REOPEN]);
  });

  it('never leaves a final status, whatever sequence of actions follows', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FINAL_STATUSES), fc.array(fc.constantFrom(...actions)), (final, sequence) => {
        let status: BriefStatus = final;
        for (const action of sequence) status = briefTransitions.next(status, action) ?? status;
        expect(status).toBe(final);
      }),
    );
  });

  it('never returns to DRAFT, and reaches OPEN only by publishing a draft or reopening an awarded brief', () => {
    fc.assert(
      fc.property(fc.constantFrom(...statuses), fc.constantFrom(...actions), (current, action) => {
        const next = briefTransitions.next(current, action);
        expect(next).not.toBe(BriefStatus.DRAFT);
        if (next === BriefStatus.OPEN) expect([[BriefStatus.DRAFT, BriefAction.PUBLISH], [BriefStatus.AWARDED, BriefAction.REOPEN]]).toContainEqual([current, action]);
      }),
    );
  });
});

describe('briefTransitions.statesAllowing', () => {
  it('lists the statuses a move starts from', () => {
    expect(briefTransitions.statesAllowing(BriefAction.EXPIRE)).toEqual([BriefStatus.OPEN]);
    expect(briefTransitions.statesAllowing(BriefAction.CANCEL)).toEqual([BriefStatus.DRAFT, BriefStatus.OPEN, BriefStatus.CLOSED]);
  });
});

describe('effectiveBriefStatus', () => {
  const now = new Date('2026-06-01T12:00:00Z');
  const before = new Date('2026-06-01T11:59:59Z');
  const after = new Date('2026-06-01T12:00:01Z');

  it('reads an OPEN brief past its deadline as CLOSED before housekeeping writes it', () => {
    expect(effectiveBriefStatus({ status: BriefStatus.OPEN, deadline: before }, now)).toBe(BriefStatus.CLOSED);
    expect(effectiveBriefStatus({ status: BriefStatus.OPEN, deadline: now }, now)).toBe(BriefStatus.CLOSED);
    expect(effectiveBriefStatus({ status: BriefStatus.OPEN, deadline: after }, now)).toBe(BriefStatus.OPEN);
  });

  it('leaves every other status as stored', () => {
    for (const status of statuses.filter((value) => value !== BriefStatus.OPEN)) {
      expect(effectiveBriefStatus({ status, deadline: before }, now)).toBe(status);
    }
  });
});

describe('effectiveClosedAt', () => {
  const now = new Date('2026-06-01T12:00:00Z');
  const deadline = new Date('2026-06-01T11:00:00Z');
  const closedByBrand = new Date('2026-05-30T09:00:00Z');

  it('is the recorded close when there is one', () => {
    expect(effectiveClosedAt({ status: BriefStatus.CLOSED, deadline, closedAt: closedByBrand }, now)).toEqual(closedByBrand);
    expect(effectiveClosedAt({ status: BriefStatus.CANCELLED, deadline, closedAt: closedByBrand }, now)).toEqual(closedByBrand);
  });

  it('is the deadline of an OPEN brief past it that nothing has closed yet', () => {
    expect(effectiveClosedAt({ status: BriefStatus.OPEN, deadline, closedAt: null }, now)).toEqual(deadline);
  });

  it('is null while the brief takes bids, and for briefs that never closed', () => {
    expect(effectiveClosedAt({ status: BriefStatus.OPEN, deadline: new Date('2026-06-02T00:00:00Z'), closedAt: null }, now)).toBeNull();
    expect(effectiveClosedAt({ status: BriefStatus.DRAFT, deadline, closedAt: null }, now)).toBeNull();
    expect(effectiveClosedAt({ status: BriefStatus.CANCELLED, deadline, closedAt: null }, now)).toBeNull();
  });
});

describe('illegalTransitionMessage', () => {
  it('names the current status, the move and where the move is allowed from', () => {
    expect(illegalTransitionMessage(BriefStatus.CLOSED, BriefAction.PUBLISH)).toBe(
      'This brief is CLOSED and cannot be published; only a brief that is DRAFT can.',
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DeliverableStatus } from './deliverable.entity.js';
import { deliveryMove, isLate, reconcileDeliverables } from './deliverable-rules.js';

const DUE = new Date('2026-12-10T12:00:00Z');
const before = new Date(DUE.getTime() - 1);
const after = new Date(DUE.getTime() + 1);

describe('isLate', () => {
  const pending = { status: DeliverableStatus.PENDING, dueAt: DUE };

  it('is not late before the due date, even with nothing submitted', () => {
    expect(isLate(pending, [], before)).toBe(false);
    expect(isLate(pending, [], DUE)).toBe(false);
  });

  it('is late once the due date passed with nothing submitted', () => {
    expect(isLate(pending, [], after)).toBe(true);
  });

  it('is not late when the first proof came by the due date, even if changes were asked for after it', () => {
    expect(isLate({ status: DeliverableStatus.CHANGES_REQUESTED, dueAt: DUE }, [{ submittedAt: DUE }], after)).toBe(false);
  });

  it('stays late when proof came only after the due date, approved or not', () => {
    expect(isLate({ status: DeliverableStatus.APPROVED, dueAt: DUE }, [{ submittedAt: after }], new Date(DUE.getTime() + 10_000))).toBe(true);
  });

  it('never flags dropped work', () => {
    expect(isLate({ status: DeliverableStatus.DROPPED, dueAt: DUE }, [], after)).toBe(false);
  });

  it('only ever turns late as time passes, never back', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e6, max: 1e6 }), { maxLength: 3 }), fc.integer({ min: -1e6, max: 1e6 }), fc.nat(1e6), (offsets, nowOffset, later) => {
        const submissions = offsets.map((offset) => ({ submittedAt: new Date(DUE.getTime() + offset) }));
        const now = new Date(DUE.getTime() + nowOffset);
        if (isLate(pending, submissions, now)) expect(isLate(pending, submissions, new Date(now.getTime() + later))).toBe(true);
      }),
    );
  });
});

describe('reconcileDeliverables', () => {
  const row = (id: string, description: string, format = 'SHORT_VIDEO') => ({ id, format, platform: 'DOUYIN', description, dueAt: DUE });
  const term = (description: string, dueAt = DUE, format = 'SHORT_VIDEO') => ({ format, platform: 'DOUYIN', description, dueAt: dueAt.toISOString() });

  it('keeps the row of the same work when only its due date moved, so its history stays', () => {
    const plan = reconcileDeliverables([row('a', 'Unboxing')], [term('Unboxing', after)]);
    expect(plan).toEqual({ keep: [{ id: 'a', position: 0, dueAt: after }], drop: [], add: [] });
  });

  it('drops rows the terms no longer ask for and adds new work', () => {
    const plan = reconcileDeliverables([row('a', 'Unboxing'), row('b', 'Tutorial')], [term('Tutorial'), term('Live demo', DUE, 'LIVE_STREAM')]);
    expect(plan.keep).toEqual([{ id: 'b', position: 0, dueAt: DUE }]);
    expect(plan.drop).toEqual(['a']);
    expect(plan.add).toEqual([{ position: 1, term: term('Live demo', DUE, 'LIVE_STREAM') }]);
  });

  it('matches twin deliverables one to one', () => {
    const plan = reconcileDeliverables([row('a', 'Clip'), row('b', 'Clip')], [term('Clip'), term('Clip'), term('Clip')]);
    expect(plan.keep.map((kept) => kept.id)).toEqual(['a', 'b']);
    expect(plan.add).toHaveLength(1);
    expect(plan.drop).toEqual([]);
  });

  it('accounts for every row and every term exactly once', () => {
    const descriptions = fc.constantFrom('A', 'B', 'C');
    fc.assert(
      fc.property(fc.array(descriptions, { maxLength: 6 }), fc.array(descriptions, { maxLength: 6 }), (rows, terms) => {
        const plan = reconcileDeliverables(
          rows.map((description, index) => row(`r${index}`, description)),
          terms.map((description) => term(description)),
        );
        expect(plan.keep.length + plan.drop.length).toBe(rows.length);
        expect(plan.keep.length + plan.add.length).toBe(terms.length);
        expect(new Set([...plan.keep.map((kept) => kept.id), ...plan.drop]).size).toBe(rows.length);
      }),
    );
  });
});

describe('deliveryMove', () => {
  it('delivers an ACTIVE deal once everything asked for is approved', () => {
    expect(deliveryMove('ACTIVE', ['APPROVED', 'APPROVED'])).toBe('DELIVER');
    expect(deliveryMove('ACTIVE', ['APPROVED', 'SUBMITTED'])).toBeNull();
  });

  it('reopens a DELIVERED deal that has work again', () => {
    expect(deliveryMove('DELIVERED', ['APPROVED', 'PENDING'])).toBe('REOPEN');
    expect(deliveryMove('DELIVERED', ['APPROVED'])).toBeNull();
  });

  it('leaves a deal with nothing asked for, and closed deals, as they are', () => {
    expect(deliveryMove('ACTIVE', [])).toBeNull();
    expect(deliveryMove('SETTLED', ['PENDING'])).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { Problem } from '../common/problems.js';
import { BriefStatus } from './brief.entity.js';
import { briefSearchWhere, effectiveStatusWhere } from './brief-filter.js';

const now = new Date('2026-06-01T12:00:00Z');

function problemsOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof Problem) return error.details.map(({ code, field }) => ({ code, field }));
    throw error;
  }
  return [];
}

describe('effectiveStatusWhere', () => {
  it('takes OPEN to mean open with the deadline ahead', () => {
    expect(effectiveStatusWhere([BriefStatus.OPEN], now)).toEqual({ status: BriefStatus.OPEN, deadline: { $gt: now } });
  });

  it('counts an OPEN brief past its deadline as CLOSED', () => {
    expect(effectiveStatusWhere([BriefStatus.CLOSED], now)).toEqual({
      $or: [{ status: BriefStatus.CLOSED }, { status: BriefStatus.OPEN, deadline: { $lte: now } }],
    });
  });

  it('reads the other statuses as stored, each once', () => {
    expect(effectiveStatusWhere([BriefStatus.DRAFT, BriefStatus.DRAFT, BriefStatus.AWARDED], now)).toEqual({
      $or: [{ status: BriefStatus.DRAFT }, { status: BriefStatus.AWARDED }],
    });
  });
});

describe('briefSearchWhere', () => {
  it('lists open briefs when nothing else is asked', () => {
    expect(briefSearchWhere({}, now)).toEqual({ $and: [{ status: BriefStatus.OPEN, deadline: { $gt: now } }] });
  });

  it('normalises the niche tag and matches budgets in the given currency only', () => {
    const where = briefSearchWhere(
      { nicheTag: ' Hyaluronic Acid ', budgetMin: { amount: 100, currency: 'CNY' }, budgetMax: { amount: 900, currency: 'CNY' } },
      now,
    );
    expect(where).toEqual({
      $and: [
        { status: BriefStatus.OPEN, deadline: { $gt: now } },
        { nicheTags: { $contains: ['hyaluronic-acid'] } },
        { budgetCurrency: 'CNY', budgetAmount: { $gte: 100, $lte: 900 } },
      ],
    });
  });

  it('matches nothing for a brand id that names no brand', () => {
    expect(briefSearchWhere({ brandId: null }, now)).toMatchObject({ $and: [expect.anything(), { id: { $in: [] } }] });
  });

  it('refuses budgets in two currencies, an inverted range, a negative amount, an empty tag and overlong search text', () => {
    expect(problemsOf(() => briefSearchWhere({ budgetMin: { amount: 1, currency: 'CNY' }, budgetMax: { amount: 2, currency: 'USD' } }, now))).toEqual([
      { code: 'INVALID', field: ['filter', 'budgetMax', 'currency'] },
    ]);
    expect(problemsOf(() => briefSearchWhere({ budgetMin: { amount: 5, currency: 'CNY' }, budgetMax: { amount: 2, currency: 'CNY' } }, now))).toEqual([
      { code: 'INVALID', field: ['filter', 'budgetMax', 'amount'] },
    ]);
    expect(
      problemsOf(() => briefSearchWhere({ budgetMin: { amount: -1, currency: 'CNY' }, nicheTag: ' - ', search: 'x'.repeat(201) }, now)),
    ).toEqual([
      { code: 'INVALID', field: ['filter', 'nicheTag'] },
      { code: 'OUT_OF_RANGE', field: ['filter', 'search'] },
      { code: 'OUT_OF_RANGE', field: ['filter', 'budgetMin', 'amount'] },
    ]);
  });
});

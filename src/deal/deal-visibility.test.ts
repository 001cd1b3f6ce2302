import { describe, expect, it } from 'vitest';
import { Viewer } from '../auth/viewer.js';
import { type DealParties, seesDeal, visibleDealsWhere } from './deal-visibility.js';

const viewerOf = (options: { isAdmin?: boolean; brandIds?: string[]; agencyIds?: string[]; creatorId?: string; traderId?: string } = {}) =>
  new Viewer('user-1', options.isAdmin ?? false, new Set(options.brandIds), new Set(options.agencyIds), options.creatorId ?? null, options.traderId ?? null);

const deal: DealParties = { brandId: 'brand-1', creatorId: 'creator-1', traderId: null, agencyId: 'agency-1' };

describe('seesDeal', () => {
  it.each([
    ['an admin', viewerOf({ isAdmin: true }), true],
    ['a member of the brand', viewerOf({ brandIds: ['brand-1'] }), true],
    ['the creator', viewerOf({ creatorId: 'creator-1' }), true],
    ['a member of the agency', viewerOf({ agencyIds: ['agency-1'] }), true],
    ['a member of another brand', viewerOf({ brandIds: ['brand-2'] }), false],
    ['another creator', viewerOf({ creatorId: 'creator-2' }), false],
    ['an operator', viewerOf({ traderId: 'trader-1' }), false],
    ['an anonymous caller', null, false],
  ])('%s: %s', (_label, viewer, expected) => {
    expect(seesDeal(viewer, deal)).toBe(expected);
  });

  it('states the rule as a database condition', () => {
    expect(visibleDealsWhere(viewerOf({ isAdmin: true }))).toEqual({});
    expect(visibleDealsWhere(viewerOf({ brandIds: ['brand-1'], traderId: 'trader-1' }))).toEqual({
      $or: [{ brand: { $in: ['brand-1'] } }, { trader: 'trader-1' }],
    });
    expect(visibleDealsWhere(viewerOf())).toEqual({ id: { $in: [] } });
    expect(visibleDealsWhere(null)).toEqual({ id: { $in: [] } });
  });
});

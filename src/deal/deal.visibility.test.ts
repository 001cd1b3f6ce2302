import { describe, expect, it } from 'vitest';
import { Viewer } from '../auth/viewer.js';
import { dealParties, seesDeal } from './deal.visibility.js';
import type { Deal } from './deal.entity.js';

const viewerOf = (options: { isAdmin?: boolean; brandIds?: string[]; agencyIds?: string[]; creatorId?: string; traderId?: string } = {}) =>
  new Viewer('user-1', options.isAdmin ?? false, new Set(options.brandIds), new Set(options.agencyIds), options.creatorId ?? null, options.traderId ?? null);

const deal = { brand: { id: 'brand-1' }, creator: { id: 'creator-1' }, trader: null, agency: { id: 'agency-1' } } as unknown as Deal;

describe('who sees a deal', () => {
  it('reads the parties off the deal', () => {
    expect(dealParties(deal)).toEqual({ brandId: 'brand-1', creatorId: 'creator-1', traderId: null, agencyId: 'agency-1' });
  });

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
});

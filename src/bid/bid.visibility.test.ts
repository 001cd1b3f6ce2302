import { describe, expect, it } from 'vitest';
import { Viewer } from '../auth/viewer.js';
import { actsAsBidder, bidderBidsSql, type Parties, seesAsParty, seesFeeRange, visibleBidsWhere } from './bid.visibility.js';
import { uuidArray } from '../db/sql-arrays.js';

const BRAND = 'brand-1';
const CREATOR = 'creator-1';
const TRADER = 'trader-1';
const AGENCY = 'agency-1';

interface ViewerShape {
  isAdmin?: boolean;
  brandIds?: string[];
  agencyIds?: string[];
  creatorId?: string | null;
  traderId?: string | null;
}
const viewerOf = ({ isAdmin = false, brandIds = [], agencyIds = [], creatorId = null, traderId = null }: ViewerShape = {}) =>
  new Viewer('user-1', isAdmin, new Set(brandIds), new Set(agencyIds), creatorId, traderId);

const creatorBid: Parties = { brandId: BRAND, creatorId: CREATOR, traderId: null, agencyId: null };
const agencyBid: Parties = { brandId: BRAND, creatorId: CREATOR, traderId: null, agencyId: AGENCY };
const traderBid: Parties = { brandId: BRAND, creatorId: null, traderId: TRADER, agencyId: null };

describe('seesAsParty', () => {
  it.each([
    ['an admin', viewerOf({ isAdmin: true }), true],
    ['a member of the brief’s brand', viewerOf({ brandIds: [BRAND] }), true],
    ['the creator the bid is for', viewerOf({ creatorId: CREATOR }), true],
    ['a member of another brand', viewerOf({ brandIds: ['brand-2'] }), false],
    ['another creator (a competitor)', viewerOf({ creatorId: 'creator-2' }), false],
    ['a member of an agency that did not submit it', viewerOf({ agencyIds: [AGENCY] }), false],
    ['a signed-in nobody', viewerOf(), false],
    ['an anonymous caller', null, false],
  ])('on a creator’s own bid, %s: %s', (_label, viewer, expected) => {
    expect(seesAsParty(viewer, creatorBid)).toBe(expected);
  });

  it('shows an agency’s bid to the agency’s members and to the creator it names', () => {
    expect(seesAsParty(viewerOf({ agencyIds: [AGENCY] }), agencyBid)).toBe(true);
    expect(seesAsParty(viewerOf({ creatorId: CREATOR }), agencyBid)).toBe(true);
    expect(seesAsParty(viewerOf({ agencyIds: ['agency-2'] }), agencyBid)).toBe(false);
  });

  it('shows an operator’s bid to the operator, not to a creator or another operator', () => {
    expect(seesAsParty(viewerOf({ traderId: TRADER }), traderBid)).toBe(true);
    expect(seesAsParty(viewerOf({ traderId: 'trader-2' }), traderBid)).toBe(false);
    expect(seesAsParty(viewerOf({ creatorId: CREATOR }), traderBid)).toBe(false);
  });
});

describe('seesFeeRange', () => {
  const brief = (biddingMode: 'OPEN' | 'SEALED') => ({ brandId: BRAND, biddingMode });

  it('shows the range to the brand’s members and admins in either mode, bid or not', () => {
    for (const mode of ['OPEN', 'SEALED'] as const) {
      expect(seesFeeRange(viewerOf({ brandIds: [BRAND] }), brief(mode), false)).toBe(true);
      expect(seesFeeRange(viewerOf({ isAdmin: true }), brief(mode), false)).toBe(true);
    }
  });

  it('shows it to a bidder in OPEN bidding only', () => {
    expect(seesFeeRange(viewerOf({ creatorId: CREATOR }), brief('OPEN'), true)).toBe(true);
    expect(seesFeeRange(viewerOf({ creatorId: CREATOR }), brief('SEALED'), true)).toBe(false);
  });

  it('hides it from everyone else: a viewer without a bid, another brand, nobody signed in', () => {
    expect(seesFeeRange(viewerOf({ creatorId: CREATOR }), brief('OPEN'), false)).toBe(false);
    expect(seesFeeRange(viewerOf({ brandIds: ['brand-2'] }), brief('OPEN'), false)).toBe(false);
    expect(seesFeeRange(null, brief('OPEN'), false)).toBe(false);
  });
});

describe('visibleBidsWhere', () => {
  it('states the rule as a database condition', () => {
    expect(visibleBidsWhere(viewerOf({ isAdmin: true }))).toEqual({});
    expect(visibleBidsWhere(viewerOf({ brandIds: [BRAND], agencyIds: [AGENCY], creatorId: CREATOR, traderId: TRADER }))).toEqual({
      $or: [{ brief: { brand: { $in: [BRAND] } } }, { creator: CREATOR }, { trader: TRADER }, { agency: { $in: [AGENCY] } }],
    });
    expect(visibleBidsWhere(viewerOf({ creatorId: CREATOR }))).toEqual({ $or: [{ creator: CREATOR }] });
  });

  it('matches nothing for a viewer with no part in any bid, or nobody signed in', () => {
    expect(visibleBidsWhere(viewerOf())).toEqual({ id: { $in: [] } });
    expect(visibleBidsWhere(null)).toEqual({ id: { $in: [] } });
  });
});

describe('actsAsBidder', () => {
  it('is the talent and the submitting agency’s members, never the brand', () => {
    expect(actsAsBidder(viewerOf({ creatorId: CREATOR }), agencyBid)).toBe(true);
    expect(actsAsBidder(viewerOf({ agencyIds: [AGENCY] }), agencyBid)).toBe(true);
    expect(actsAsBidder(viewerOf({ brandIds: [BRAND] }), agencyBid)).toBe(false);
    expect(actsAsBidder(viewerOf({ isAdmin: true }), agencyBid)).toBe(false);
    expect(actsAsBidder(null, agencyBid)).toBe(false);
  });
});

describe('bidderBidsSql', () => {
  it('states actsAsBidder as raw SQL with the viewer’s ids as parameters', () => {
    expect(bidderBidsSql(null)).toEqual({ sql: 'false', parameters: [] });
    expect(bidderBidsSql(viewerOf({ creatorId: CREATOR, agencyIds: [AGENCY] }))).toEqual({
      sql: 'creator_id = ? or trader_id = ? or agency_id = any(?::uuid[])',
      parameters: [CREATOR, null, `{${AGENCY}}`],
    });
  });

  it('writes id sets as PostgreSQL array literals', () => {
    expect(uuidArray([])).toBe('{}');
    expect(uuidArray(['a', 'b'])).toBe('{a,b}');
  });
});

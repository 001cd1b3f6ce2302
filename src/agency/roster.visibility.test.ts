import { describe, expect, it } from 'vitest';
import { Viewer } from '../auth/viewer.js';
import { RosterStatus } from './agency.entity.js';
import { type RosterMembershipFacts, seesRosterMembership, seesRosterShare, visibleRosterWhere } from './roster.visibility.js';

const AGENCY = 'agency-id';
const CREATOR = 'creator-id';
const viewerOf = (userId: string, options: { isAdmin?: boolean; agencyIds?: string[]; creatorId?: string; traderId?: string } = {}) =>
  new Viewer(userId, options.isAdmin ?? false, new Set(), new Set(options.agencyIds ?? []), options.creatorId ?? null, options.traderId ?? null);

const viewers = {
  'an agency member': viewerOf('member', { agencyIds: [AGENCY] }),
  'an admin': viewerOf('admin', { isAdmin: true }),
  'the talent': viewerOf('talent', { creatorId: CREATOR }),
  'another creator': viewerOf('other', { creatorId: 'other-creator-id' }),
  'an operator': viewerOf('operator', { traderId: 'trader-id' }),
  'an anonymous caller': null,
};
const membership = (status: RosterStatus): RosterMembershipFacts => ({ agencyId: AGENCY, creatorId: CREATOR, traderId: null, status });

/** Whether `where`, as visibleRosterWhere writes it, matches the membership. */
function matches(where: ReturnType<typeof visibleRosterWhere>, facts: RosterMembershipFacts): boolean {
  if (!where.$or) return true;
  return where.$or.some((condition) => {
    const { status, creator, trader } = condition as { status?: string; creator?: string; trader?: string };
    if (status !== undefined) return facts.status === status;
    if (creator !== undefined) return facts.creatorId === creator;
    return facts.traderId === trader;
  });
}

describe('roster visibility', () => {
  it('shows active memberships to everyone, and the rest only to the agency, admins and the talent', () => {
    for (const [label, viewer] of Object.entries(viewers)) {
      const insider = label === 'an agency member' || label === 'an admin' || label === 'the talent';
      for (const status of Object.values(RosterStatus)) {
        expect(seesRosterMembership(viewer, membership(status)), `${label}, ${status}`).toBe(status === RosterStatus.ACTIVE || insider);
      }
    }
  });

  it('shows the agency’s share only to the agency, admins and the talent, even on an active membership', () => {
    const seeing = Object.entries(viewers).filter(([, viewer]) => seesRosterShare(viewer, membership(RosterStatus.ACTIVE)));
    expect(seeing.map(([label]) => label)).toEqual(['an agency member', 'an admin', 'the talent']);
  });

  it('states the same rule as a database condition', () => {
    for (const [label, viewer] of Object.entries(viewers)) {
      for (const status of Object.values(RosterStatus)) {
        expect(matches(visibleRosterWhere(viewer, AGENCY), membership(status)), `${label}, ${status}`).toBe(seesRosterMembership(viewer, membership(status)));
      }
    }
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Viewer } from '../auth/viewer.js';
import { BriefStatus, BriefVisibility } from './brief.entity.js';
import { ANONYMOUS_AUDIENCE, seesAllOfBrand, briefAudienceOf, type BriefInvitees, PUBLISHED_BRIEF_STATUSES, seesBrief } from './brief.visibility.js';

const NOBODY: BriefInvitees = { creatorIds: [], traderIds: [], agencyIds: [] };
const statuses = Object.values(BriefStatus);

function viewer(overrides: Partial<{ isAdmin: boolean; brandIds: string[]; agencyIds: string[]; creatorId: string; traderId: string }> = {}) {
  return new Viewer(
    'user-1',
    overrides.isAdmin ?? false,
    new Set(overrides.brandIds ?? []),
    new Set(overrides.agencyIds ?? []),
    overrides.creatorId ?? null,
    overrides.traderId ?? null,
  );
}

const audience = (v: Viewer | null, roster: { creatorIds?: string[]; traderIds?: string[] } = {}) =>
  briefAudienceOf(v, { creatorIds: roster.creatorIds ?? [], traderIds: roster.traderIds ?? [] });

const brief = (status: BriefStatus, visibility: BriefVisibility) => ({ brandId: 'brand-1', status, visibility });

describe('seesBrief', () => {
  it('shows published PUBLIC briefs to everyone, anonymous callers included', () => {
    for (const status of PUBLISHED_BRIEF_STATUSES) {
      expect(seesBrief(ANONYMOUS_AUDIENCE, brief(status, BriefVisibility.PUBLIC), NOBODY)).toBe(true);
      expect(seesBrief(audience(viewer({ brandIds: ['brand-2'] })), brief(status, BriefVisibility.PUBLIC), NOBODY)).toBe(true);
    }
  });

  it('shows drafts and cancelled briefs only to the brand’s members and admins', () => {
    for (const status of [BriefStatus.DRAFT, BriefStatus.CANCELLED]) {
      for (const visibility of Object.values(BriefVisibility)) {
        const invitedEveryone = { creatorIds: ['creator-1'], traderIds: [], agencyIds: ['agency-1'] };
        expect(seesBrief(ANONYMOUS_AUDIENCE, brief(status, visibility), NOBODY)).toBe(false);
        expect(seesBrief(audience(viewer({ creatorId: 'creator-1', agencyIds: ['agency-1'] })), brief(status, visibility), invitedEveryone)).toBe(false);
        expect(seesBrief(audience(viewer({ brandIds: ['brand-1'] })), brief(status, visibility), NOBODY)).toBe(true);
        expect(seesBrief(audience(viewer({ isAdmin: true })), brief(status, visibility), NOBODY)).toBe(true);
      }
    }
  });

  describe('an invite-only open brief', () => {
    const open = brief(BriefStatus.OPEN, BriefVisibility.INVITE_ONLY);

    it('is hidden from anonymous callers and from anyone not invited', () => {
      const invitees = { creatorIds: ['creator-1'], traderIds: ['trader-1'], agencyIds: ['agency-1'] };
      expect(seesBrief(ANONYMOUS_AUDIENCE, open, invitees)).toBe(false);
      expect(seesBrief(audience(viewer({ creatorId: 'creator-2', traderId: 'trader-2', agencyIds: ['agency-2'] })), open, invitees)).toBe(false);
    });

    it('is shown to an invited creator, an invited operator and members of an invited agency', () => {
      expect(seesBrief(audience(viewer({ creatorId: 'creator-1' })), open, { ...NOBODY, creatorIds: ['creator-1'] })).toBe(true);
      expect(seesBrief(audience(viewer({ traderId: 'trader-1' })), open, { ...NOBODY, traderIds: ['trader-1'] })).toBe(true);
      expect(seesBrief(audience(viewer({ agencyIds: ['agency-1'] })), open, { ...NOBODY, agencyIds: ['agency-1'] })).toBe(true);
    });

    it('is shown to members of an agency whose active roster holds an invited creator or operator', () => {
      const agencyMember = viewer({ agencyIds: ['agency-9'] });
      expect(seesBrief(audience(agencyMember, { creatorIds: ['creator-1'] }), open, { ...NOBODY, creatorIds: ['creator-1'] })).toBe(true);
      expect(seesBrief(audience(agencyMember, { traderIds: ['trader-1'] }), open, { ...NOBODY, traderIds: ['trader-1'] })).toBe(true);
      expect(seesBrief(audience(agencyMember), open, { ...NOBODY, creatorIds: ['creator-1'] })).toBe(false);
    });

    it('is shown to the brand’s members and admins without an invitation', () => {
      expect(seesBrief(audience(viewer({ brandIds: ['brand-1'] })), open, NOBODY)).toBe(true);
      expect(seesBrief(audience(viewer({ isAdmin: true })), open, NOBODY)).toBe(true);
    });
  });

  it('never shows a brief to someone who is not of its brand, not an admin and not invited unless it is published and PUBLIC', () => {
    fc.assert(
      fc.property(fc.constantFrom(...statuses), fc.constantFrom(...Object.values(BriefVisibility)), (status, visibility) => {
        const stranger = audience(viewer({ brandIds: ['brand-2'], creatorId: 'creator-2', agencyIds: ['agency-2'] }));
        const invitees = { creatorIds: ['creator-1'], traderIds: ['trader-1'], agencyIds: ['agency-1'] };
        const expected = visibility === BriefVisibility.PUBLIC && PUBLISHED_BRIEF_STATUSES.includes(status);
        expect(seesBrief(stranger, brief(status, visibility), invitees)).toBe(expected);
      }),
    );
  });
});

describe('seesAllOfBrand', () => {
  it('is true for the brand’s members and admins only', () => {
    expect(seesAllOfBrand(viewer({ brandIds: ['brand-1'] }), 'brand-1')).toBe(true);
    expect(seesAllOfBrand(viewer({ isAdmin: true }), 'brand-1')).toBe(true);
    expect(seesAllOfBrand(viewer({ brandIds: ['brand-2'] }), 'brand-1')).toBe(false);
    expect(seesAllOfBrand(null, 'brand-1')).toBe(false);
  });
});

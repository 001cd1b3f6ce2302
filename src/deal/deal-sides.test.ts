import { describe, expect, it } from 'vitest';
import { Viewer } from '../auth/viewer.js';
import { otherSide, proposingSide, sidesOf } from './deal-sides.js';

const parties = { brandId: 'brand', creatorId: 'creator', traderId: null, agencyId: 'agency' };
const viewer = (overrides: { brands?: string[]; agencies?: string[]; creatorId?: string | null; admin?: boolean } = {}) =>
  new Viewer('user', overrides.admin ?? false, new Set(overrides.brands ?? []), new Set(overrides.agencies ?? []), overrides.creatorId ?? null, null);

describe('sidesOf', () => {
  it('puts the talent and the members of the agency acting for them on the talent side', () => {
    expect([...sidesOf(viewer({ creatorId: 'creator' }), parties)]).toEqual(['TALENT']);
    expect([...sidesOf(viewer({ agencies: ['agency'] }), parties)]).toEqual(['TALENT']);
  });

  it('puts the brand’s members on the brand side', () => {
    expect([...sidesOf(viewer({ brands: ['brand'] }), parties)]).toEqual(['BRAND']);
  });

  it('puts admins, strangers and anonymous callers on no side', () => {
    expect(sidesOf(viewer({ admin: true }), parties).size).toBe(0);
    expect(sidesOf(viewer({ brands: ['other'], agencies: ['other'], creatorId: 'other' }), parties).size).toBe(0);
    expect(sidesOf(null, parties).size).toBe(0);
  });

  it('puts a brand member who is also the talent on both sides', () => {
    expect([...sidesOf(viewer({ brands: ['brand'], creatorId: 'creator' }), parties)].sort()).toEqual(['BRAND', 'TALENT']);
  });
});

describe('proposingSide', () => {
  it('proposes for the talent when the viewer is on both sides, since the terms describe their work', () => {
    expect(proposingSide(new Set(['BRAND', 'TALENT'] as const))).toBe('TALENT');
    expect(proposingSide(new Set(['BRAND'] as const))).toBe('BRAND');
    expect(proposingSide(new Set())).toBeNull();
  });

  it('names the other side', () => {
    expect(otherSide('BRAND')).toBe('TALENT');
    expect(otherSide('TALENT')).toBe('BRAND');
  });
});

import { describe, expect, it } from 'vitest';
import { Viewer } from '../auth/viewer.js';
import { seesCredential, seesPrivateDetails, visibleCredentialsWhere } from './credential.visibility.js';

const HOLDER = 'holder-id';
const viewerOf = (userId: string, isAdmin = false) => new Viewer(userId, isAdmin, new Set(), new Set(), null, null);
const holder = viewerOf(HOLDER);
const admin = viewerOf('admin-id', true);
const stranger = viewerOf('stranger-id');

describe('credential visibility', () => {
  it.each([
    ['the holder', holder, true],
    ['an admin', admin, true],
    ['a stranger', stranger, false],
    ['an anonymous caller', null, false],
  ])('%s sees private details: %s', (_label, viewer, expected) => {
    expect(seesPrivateDetails(viewer, HOLDER)).toBe(expected);
  });

  it('shows verified credentials to everyone, others only to the holder and admins', () => {
    for (const viewer of [holder, admin, stranger, null]) {
      expect(seesCredential(viewer, { holderId: HOLDER, status: 'VERIFIED' })).toBe(true);
    }
    for (const status of ['PENDING', 'REJECTED'] as const) {
      expect(seesCredential(holder, { holderId: HOLDER, status })).toBe(true);
      expect(seesCredential(admin, { holderId: HOLDER, status })).toBe(true);
      expect(seesCredential(stranger, { holderId: HOLDER, status })).toBe(false);
      expect(seesCredential(null, { holderId: HOLDER, status })).toBe(false);
    }
  });

  it('states the same rule as a database condition', () => {
    expect(visibleCredentialsWhere(admin)).toEqual({});
    expect(visibleCredentialsWhere(stranger)).toEqual({ $or: [{ status: 'VERIFIED' }, { holder: 'stranger-id' }] });
    expect(visibleCredentialsWhere(null)).toEqual({ status: 'VERIFIED' });
  });
});

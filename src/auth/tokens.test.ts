import { afterEach, describe, expect, it, vi } from 'vitest';
import { TokenService } from './tokens.js';

const SECRET = 'a-test-secret-that-is-long-enough-for-hs256';
const USER = '7f0c3d1e-2b4a-4c5d-9e6f-0a1b2c3d4e5f';
const SESSION = { id: '0d9c8b7a-6f5e-4d3c-8b2a-1f0e9d8c7b6a', expiresAt: new Date(Date.now() + 3_600_000) };

describe('TokenService.check', () => {
  afterEach(() => vi.useRealTimers());

  it('accepts a token it issued, again and again, as the same user', async () => {
    const tokens = new TokenService(SECRET, 1);
    const { token } = await tokens.issue(USER, SESSION);
    expect(await tokens.check(token)).toEqual({ ok: true, userId: USER, sessionId: SESSION.id });
    expect(await tokens.check(token)).toEqual({ ok: true, userId: USER, sessionId: SESSION.id });
  });

  it('refuses an altered copy of a token it has already accepted', async () => {
    const tokens = new TokenService(SECRET, 1);
    const { token } = await tokens.issue(USER, SESSION);
    await tokens.check(token);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const altered = `${header}.${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    expect(await tokens.check(altered)).toEqual({ ok: false, reason: 'INVALID' });
  });

  it('refuses a token signed with another secret', async () => {
    const { token } = await new TokenService('another-secret-of-sufficient-length', 1).issue(USER, SESSION);
    expect(await new TokenService(SECRET, 1).check(token)).toEqual({ ok: false, reason: 'INVALID' });
  });

  it('reports a token it accepted before as expired once its time is up', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-25T10:00:00Z'));
    const tokens = new TokenService(SECRET, 1);
    const { token } = await tokens.issue(USER, { id: SESSION.id, expiresAt: tokens.expiryFromNow() });
    expect(await tokens.check(token)).toEqual({ ok: true, userId: USER, sessionId: SESSION.id });
    vi.setSystemTime(new Date('2026-11-25T11:00:01Z'));
    expect(await tokens.check(token)).toEqual({ ok: false, reason: 'EXPIRED' });
    // Forgotten once expired, and still expired when verified afresh.
    expect(await tokens.check(token)).toEqual({ ok: false, reason: 'EXPIRED' });
  });

  it('refuses a token it signed whose subject is not an account id', async () => {
    const { token } = await new TokenService(SECRET, 1).issue('not-a-uuid', SESSION);
    expect(await new TokenService(SECRET, 1).check(token)).toEqual({ ok: false, reason: 'INVALID' });
  });

  it('refuses the token of a session that ended, even one it accepted before', async () => {
    const tokens = new TokenService(SECRET, 1);
    const { token } = await tokens.issue(USER, SESSION);
    expect(await tokens.check(token)).toMatchObject({ ok: true });
    tokens.sessionsEnded([{ id: SESSION.id, endedAt: new Date(), expiresAt: SESSION.expiresAt }]);
    expect(await tokens.check(token)).toEqual({ ok: false, reason: 'ENDED' });
    expect(await new TokenService(SECRET, 1).check(token)).toMatchObject({ ok: true });
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { TokenService } from './tokens.js';

const SECRET = 'a-test-secret-that-is-long-enough-for-hs256';

describe('TokenService.check', () => {
  afterEach(() => vi.useRealTimers());

  it('accepts a token it issued, again and again, as the same user', async () => {
    const tokens = new TokenService(SECRET, 1);
    const { token } = await tokens.issue('user-1');
    expect(await tokens.check(token)).toEqual({ ok: true, userId: 'user-1' });
    expect(await tokens.check(token)).toEqual({ ok: true, userId: 'user-1' });
  });

  it('refuses an altered copy of a token it has already accepted', async () => {
    const tokens = new TokenService(SECRET, 1);
    const { token } = await tokens.issue('user-1');
    await tokens.check(token);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const altered = `${header}.${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    expect(await tokens.check(altered)).toEqual({ ok: false, reason: 'INVALID' });
  });

  it('refuses a token signed with another secret', async () => {
    const { token } = await new TokenService('another-secret-of-sufficient-length', 1).issue('user-1');
    expect(await new TokenService(SECRET, 1).check(token)).toEqual({ ok: false, reason: 'INVALID' });
  });

  it('reports a token it accepted before as expired once its time is up', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-25T10:00:00Z'));
    const tokens = new TokenService(SECRET, 1);
    const { token } = await tokens.issue('user-1');
    expect(await tokens.check(token)).toEqual({ ok: true, userId: 'user-1' });
    vi.setSystemTime(new Date('2026-11-25T11:00:01Z'));
    expect(await tokens.check(token)).toEqual({ ok: false, reason: 'EXPIRED' });
    // Forgotten once expired, and still expired when verified afresh.
    expect(await tokens.check(token)).toEqual({ ok: false, reason: 'EXPIRED' });
  });
});

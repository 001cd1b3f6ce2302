import { describe, expect, it } from 'vitest';
import { hashApiKeySecret, looksLikeApiKey, newApiKeySecret } from './api-key-secret.js';

describe('API key secrets', () => {
  it('are long, random, recognisable and stored only as their hash', () => {
    const first = newApiKeySecret();
    const second = newApiKeySecret();
    expect(first.secret).toMatch(/^mcn_live_[A-Za-z0-9_-]{43}$/);
    expect(first.secret).not.toBe(second.secret);
    expect(first.hash).toBe(hashApiKeySecret(first.secret));
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(first.hash).not.toContain(first.secret.slice(9, 20));
    expect(first.secret.startsWith(first.prefix)).toBe(true);
    expect(first.prefix).toHaveLength(13);
    expect(looksLikeApiKey(first.secret)).toBe(true);
    expect(looksLikeApiKey('eyJhbGciOi')).toBe(false);
  });
});

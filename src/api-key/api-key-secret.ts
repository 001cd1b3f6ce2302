import { createHash, randomBytes } from 'node:crypto';
import { API_KEY_PREFIX } from '../auth/api-key-principal.js';

/** Characters of the secret kept in clear to tell keys apart: the prefix and four more. */
const SHOWN_CHARACTERS = API_KEY_PREFIX.length + 4;

/**
 * A new secret: 32 random bytes (256 bits), so guessing one is hopeless and a fast hash is enough.
 * A slow password hash (scrypt, argon2) protects low-entropy secrets people choose; here it would
 * only cost every request its time, since each request carries the key.
 */
export function newApiKeySecret(): { secret: string; prefix: string; hash: string } {
  const secret = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { secret, prefix: secret.slice(0, SHOWN_CHARACTERS), hash: hashApiKeySecret(secret) };
}

export function hashApiKeySecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function looksLikeApiKey(token: string): boolean {
  return token.startsWith(API_KEY_PREFIX);
}

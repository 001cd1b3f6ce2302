import { webcrypto } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';

const ISSUER = 'mcn-marketplace';
const AUDIENCE = 'mcn-marketplace-api';

/**
 * How many verified tokens are remembered. A signed-in client sends the same token on every
 * request until it expires, and verifying it (an HMAC over the token, through WebCrypto's promise
 * API) cost about a tenth of a lookup by id; remembering a token's subject and expiry lets its
 * later requests skip the work. Bounded so a stream of distinct tokens cannot grow the process.
 */
const VERIFIED_TOKENS_REMEMBERED = 10_000;

export type TokenCheck =
  | { ok: true; userId: string }
  | { ok: false; reason: 'MALFORMED' | 'EXPIRED' | 'INVALID' };

/** Bearer tokens: HS256 JWTs whose subject is the user's id. */
export class TokenService {
  readonly #key: Uint8Array;
  /**
   * The secret imported once for verifying: given the raw bytes, jose imports them into WebCrypto
   * again on every check, which cost about a quarter of verifying a token, on every request.
   */
  readonly #verifyKey: Promise<webcrypto.CryptoKey>;
  /**
   * Tokens that passed verification, with their subject and expiry (ms since the epoch), oldest
   * first. Only the exact token string that verified is found here, so nothing forged or altered
   * can hit; expiry is still checked on every use. Nothing here is needed by another instance:
   * each verifies a token it has not seen itself.
   */
  readonly #verified = new Map<string, { userId: string; expiresAtMs: number }>();

  constructor(
    secret: string,
    private readonly ttlHours: number,
  ) {
    this.#key = new TextEncoder().encode(secret);
    this.#verifyKey = webcrypto.subtle.importKey('raw', this.#key, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  }

  async issue(userId: string): Promise<{ token: string; expiresAt: Date }> {
    const expiresAt = new Date(Date.now() + this.ttlHours * 3_600_000);
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.#key);
    return { token, expiresAt };
  }

  async check(token: string): Promise<TokenCheck> {
    const known = this.#verified.get(token);
    if (known) {
      if (Date.now() < known.expiresAtMs) return { ok: true, userId: known.userId };
      this.#verified.delete(token);
      return { ok: false, reason: 'EXPIRED' };
    }
    if (!/^[\w-]+\.[\w-]+\.[\w-]+$/.test(token)) return { ok: false, reason: 'MALFORMED' };
    try {
      const { payload } = await jwtVerify(token, await this.#verifyKey, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
      });
      if (!payload.sub) return { ok: false, reason: 'INVALID' };
      if (payload.exp !== undefined) this.#remember(token, payload.sub, payload.exp * 1000);
      return { ok: true, userId: payload.sub };
    } catch (error) {
      if (error instanceof errors.JWTExpired) return { ok: false, reason: 'EXPIRED' };
      if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) {
        return { ok: false, reason: 'MALFORMED' };
      }
      return { ok: false, reason: 'INVALID' };
    }
  }

  #remember(token: string, userId: string, expiresAtMs: number): void {
    if (this.#verified.size >= VERIFIED_TOKENS_REMEMBERED) {
      const oldest = this.#verified.keys().next();
      if (!oldest.done) this.#verified.delete(oldest.value);
    }
    this.#verified.set(token, { userId, expiresAtMs });
  }
}

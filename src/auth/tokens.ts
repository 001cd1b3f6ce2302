import { webcrypto } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';

const ISSUER = 'mcn-marketplace';
const AUDIENCE = 'mcn-marketplace-api';

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
    if (!/^[\w-]+\.[\w-]+\.[\w-]+$/.test(token)) return { ok: false, reason: 'MALFORMED' };
    try {
      const { payload } = await jwtVerify(token, await this.#verifyKey, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
      });
      return payload.sub ? { ok: true, userId: payload.sub } : { ok: false, reason: 'INVALID' };
    } catch (error) {
      if (error instanceof errors.JWTExpired) return { ok: false, reason: 'EXPIRED' };
      if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) {
        return { ok: false, reason: 'MALFORMED' };
      }
      return { ok: false, reason: 'INVALID' };
    }
  }
}

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

const ACCOUNT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type TokenCheck =
  | { ok: true; userId: string; sessionId: string }
  | { ok: false; reason: 'MALFORMED' | 'EXPIRED' | 'INVALID' | 'ENDED' };

/** A session that ended (logged out or revoked) and when its token would have expired anyway. */
export interface EndedSession {
  id: string;
  endedAt: Date;
  expiresAt: Date;
}

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
  readonly #verified = new Map<string, { userId: string; sessionId: string; expiresAtMs: number }>();
  /**
   * Sessions ended before their tokens expire, by id, with that expiry: a token of one of them is
   * refused by a lookup here, with no database read. Filled at once by `sessionsEnded` on this
   * instance and, for sessions ended on others, by `followEndedSessions` polling the database.
   */
  readonly #ended = new Map<string, number>();

  constructor(
    secret: string,
    private readonly ttlHours: number,
  ) {
    this.#key = new TextEncoder().encode(secret);
    this.#verifyKey = webcrypto.subtle.importKey('raw', this.#key, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  }

  /** When a session begun now expires. */
  expiryFromNow(): Date {
    return new Date(Date.now() + this.ttlHours * 3_600_000);
  }

  async issue(userId: string, session: { id: string; expiresAt: Date }): Promise<{ token: string; expiresAt: Date }> {
    const { expiresAt } = session;
    const token = await new SignJWT({ sid: session.id })
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
      if (this.#ended.has(known.sessionId)) return { ok: false, reason: 'ENDED' };
      if (Date.now() < known.expiresAtMs) return { ok: true, userId: known.userId, sessionId: known.sessionId };
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
      // Signed by us yet naming no account id: refused here, before it reaches a uuid column.
      if (!payload.sub || !ACCOUNT_ID.test(payload.sub)) return { ok: false, reason: 'INVALID' };
      // Tokens from before sessions existed name none, and cannot be ended: they are refused.
      const sessionId = payload.sid;
      if (typeof sessionId !== 'string' || !ACCOUNT_ID.test(sessionId)) return { ok: false, reason: 'INVALID' };
      if (this.#ended.has(sessionId)) return { ok: false, reason: 'ENDED' };
      if (payload.exp !== undefined) this.#remember(token, payload.sub, sessionId, payload.exp * 1000);
      return { ok: true, userId: payload.sub, sessionId };
    } catch (error) {
      if (error instanceof errors.JWTExpired) return { ok: false, reason: 'EXPIRED' };
      if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) {
        return { ok: false, reason: 'MALFORMED' };
      }
      return { ok: false, reason: 'INVALID' };
    }
  }

  /** Refuses these sessions' tokens from now on, on this instance at once. */
  sessionsEnded(sessions: readonly EndedSession[]): void {
    const now = Date.now();
    for (const session of sessions) {
      if (session.expiresAt.getTime() > now) this.#ended.set(session.id, session.expiresAt.getTime());
    }
  }

  /**
   * Keeps the ended sessions of every instance: reads those ended since the last read every
   * `intervalMs`, and forgets those whose tokens have expired anyway. Returns a stop function.
   */
  followEndedSessions(readEndedSince: (since: Date) => Promise<EndedSession[]>, intervalMs: number): { ready: Promise<void>; stop(): void } {
    let since = new Date(0);
    let stopped = false;
    const read = async () => {
      const before = new Date();
      const ended = await readEndedSince(since);
      this.sessionsEnded(ended);
      // Ends committed while the read ran are read again next time rather than missed.
      since = new Date(before.getTime() - intervalMs);
      const now = Date.now();
      for (const [id, expiresAtMs] of this.#ended) if (expiresAtMs <= now) this.#ended.delete(id);
    };
    let timer: NodeJS.Timeout | undefined;
    const loop = () => {
      timer = setTimeout(() => {
        read().catch(() => {}).finally(() => {
          if (!stopped) loop();
        });
      }, intervalMs);
      timer.unref();
    };
    const ready = read().finally(() => {
      if (!stopped) loop();
    });
    return {
      ready,
      stop() {
        stopped = true;
        clearTimeout(timer);
      },
    };
  }

  #remember(token: string, userId: string, sessionId: string, expiresAtMs: number): void {
    if (this.#verified.size >= VERIFIED_TOKENS_REMEMBERED) {
      const oldest = this.#verified.keys().next();
      if (!oldest.done) this.#verified.delete(oldest.value);
    }
    this.#verified.set(token, { userId, sessionId, expiresAtMs });
  }
}

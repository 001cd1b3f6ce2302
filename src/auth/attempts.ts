import { RateLimiterMemory, type RateLimiterRes } from 'rate-limiter-flexible';

export interface AttemptLimits {
  /** Failed log-ins one email may see per window before it is blocked for the window. */
  failuresPerAccount: number;
  /** Failed log-ins one address may make per window before it is blocked for the window. */
  failuresPerAddress: number;
  /** Anonymous actions (sign-up, password-reset requests) one address may make per window. */
  anonymousActionsPerAddress: number;
  windowSeconds: number;
}

/** A refusal: wait this long before trying again. */
export interface Throttled {
  retryAfterSeconds: number;
}

/** Consecutive failures at one account allowed at full speed; each one past these doubles the wait. */
const FREE_FAILURES = 3;

const secondsOf = (result: RateLimiterRes) => Math.max(1, Math.ceil(result.msBeforeNext / 1000));

/**
 * Guessing protection (rate-limiter-flexible's log-in pattern). Failures are counted by the email
 * tried, whether or not an account has it, so a refusal says nothing about which accounts exist;
 * and by address, so one address cannot spread guesses over many accounts. After a few failures
 * at one email each further attempt must wait longer (1 s, 2 s, 4 s …); past the limit, the email
 * or address is blocked for the rest of the window. A successful log-in clears its email's count.
 */
export class AttemptThrottle {
  readonly #failuresByAccount: RateLimiterMemory;
  readonly #failuresByAddress: RateLimiterMemory;
  readonly #pace: RateLimiterMemory;
  readonly #anonymousByAddress: RateLimiterMemory;

  constructor(private readonly limits: AttemptLimits) {
    const duration = limits.windowSeconds;
    this.#failuresByAccount = new RateLimiterMemory({ keyPrefix: 'login-fail-account', points: limits.failuresPerAccount, duration, blockDuration: duration });
    this.#failuresByAddress = new RateLimiterMemory({ keyPrefix: 'login-fail-address', points: limits.failuresPerAddress, duration, blockDuration: duration });
    this.#pace = new RateLimiterMemory({ keyPrefix: 'login-pace', points: 1, duration: 1 });
    this.#anonymousByAddress = new RateLimiterMemory({ keyPrefix: 'anonymous-address', points: limits.anonymousActionsPerAddress, duration });
  }

  /** Whether a log-in at `email` from `address` may be tried now. */
  async beforeLogIn(email: string, address: string): Promise<Throttled | null> {
    const [account, fromAddress, pace] = await Promise.all([this.#failuresByAccount.get(email), this.#failuresByAddress.get(address), this.#pace.get(email)]);
    const waits = [
      account && account.remainingPoints <= 0 ? secondsOf(account) : 0,
      fromAddress && fromAddress.remainingPoints <= 0 ? secondsOf(fromAddress) : 0,
      pace && pace.consumedPoints > 1 ? secondsOf(pace) : 0,
    ];
    const wait = Math.max(...waits);
    return wait > 0 ? { retryAfterSeconds: wait } : null;
  }

  async logInFailed(email: string, address: string): Promise<void> {
    const [account] = await Promise.all([
      this.#failuresByAccount.penalty(email, 1),
      this.#failuresByAddress.penalty(address, 1),
    ]);
    if (account.consumedPoints >= this.limits.failuresPerAccount) await this.#failuresByAccount.block(email, this.limits.windowSeconds);
    const failures = account.consumedPoints;
    if (failures > FREE_FAILURES) await this.#pace.block(email, 2 ** (failures - FREE_FAILURES - 1));
    const fromAddress = await this.#failuresByAddress.get(address);
    if (fromAddress && fromAddress.consumedPoints >= this.limits.failuresPerAddress) await this.#failuresByAddress.block(address, this.limits.windowSeconds);
  }

  async logInSucceeded(email: string): Promise<void> {
    await Promise.all([this.#failuresByAccount.delete(email), this.#pace.delete(email)]);
  }

  /** Takes one anonymous action from the address's allowance, or says how long to wait. */
  async anonymousAction(address: string): Promise<Throttled | null> {
    try {
      await this.#anonymousByAddress.consume(address, 1);
      return null;
    } catch (rejection) {
      if (rejection instanceof Error) throw rejection;
      return { retryAfterSeconds: secondsOf(rejection as RateLimiterRes) };
    }
  }
}

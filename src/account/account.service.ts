import { createHash, randomBytes } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AttemptThrottle, Throttled } from '../auth/attempts.js';
import { hashPassword, verifyPassword } from '../auth/password.js';
import { passwordWeakness } from '../auth/password-strength.js';
import type { EndedSession, TokenService } from '../auth/tokens.js';
import { Viewer, type ViewerSource } from '../auth/viewer.js';
import { parseInput, Problem } from '../common/problems.js';
import type { ServiceContext } from '../common/service-context.js';
import { flushOrProblem } from '../db/flush.js';
import type { MailService } from '../mail/index.js';
import { AccountToken, AccountTokenPurpose, Session, shownEmailOf, User } from './account.entity.js';
import { emailSchema, passwordSchema, signUpSchema, type SignUpValues } from './account.inputs.js';
import { AccountProblem } from './account.problems.js';
import { accountMails } from './account-mails.js';

export interface SignedIn {
  user: User;
  token: string;
  expiresAt: Date;
}

/** How long an emailed link works. */
const TOKEN_LIFETIME_MS: Record<AccountTokenPurpose, number> = {
  VERIFY_EMAIL: 7 * 24 * 3_600_000,
  RESET_PASSWORD: 3_600_000,
  CHANGE_EMAIL: 24 * 3_600_000,
};

/** Accounts that claim one address tried at a log-in besides the one holding it; bounds the work of a failed log-in. */
const CLAIMS_TRIED = 3;

// Compared against when the email is unknown, so a wrong email costs as long as a wrong password
// and response times do not reveal which accounts exist. Made on first use, not at start-up.
let unknownUserHash: Promise<string> | undefined;
const placeholderHash = () => (unknownUserHash ??= hashPassword('unknown-user-placeholder-password'));

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

interface ViewerRow {
  id: string;
  is_admin: boolean;
  brand_ids: string[];
  agency_ids: string[];
  creator_id: string | null;
  trader_id: string | null;
}

const viewerOf = (row: ViewerRow) => new Viewer(row.id, row.is_admin, new Set(row.brand_ids), new Set(row.agency_ids), row.creator_id, row.trader_id);

function refuseWeak(password: string, personal: string[], field: string[]): void {
  const weakness = passwordWeakness(password, personal);
  if (weakness) throw Problem.of(AccountProblem.WEAK_PASSWORD, weakness, field);
}

const invalidToken = () => Problem.of(AccountProblem.INVALID_ACCOUNT_TOKEN, 'This link is not valid: it was mistyped, already used, or has expired. Ask for a new one.', ['token']);

export class AccountService implements ViewerSource {
  constructor(
    private readonly tokens: TokenService,
    private readonly throttle: AttemptThrottle,
    private readonly mail: MailService,
    private readonly appUrl: string,
  ) {}

  /** How long a caller at `address` must wait before an anonymous action (sign-up, reset request); null when it may go ahead. */
  anonymousActionWait(address: string): Promise<Throttled | null> {
    return this.throttle.anonymousAction(address);
  }

  /** How long a log-in at `email` from `address` must wait; null when it may be tried now. */
  logInWait(email: string, address: string): Promise<Throttled | null> {
    return this.throttle.beforeLogIn(normalised(email), address);
  }

  /**
   * Makes an account and signs it in, answering alike whether or not the address has an account
   * already: if it has, the new account only claims the address (it can never verify it) and the
   * address's owner is told by mail. Otherwise the address is mailed a verification link.
   */
  async signUp(context: ServiceContext, input: SignUpValues): Promise<SignedIn> {
    const { em } = context;
    const { email, password, displayName } = parseInput(signUpSchema, input);
    refuseWeak(password, [email, displayName], ['input', 'password']);
    // Sign-ups with one address take turns, so of two at once the second sees the first's account
    // and becomes a claim, rather than failing on the unique address.
    await em.getConnection().execute('select pg_advisory_xact_lock(hashtext(?))', [email], 'all', em.getTransactionContext());
    const holder = await em.findOne(User, { email }, { fields: ['id'] });
    const passwordHash = await hashPassword(password);
    const user = em.create(User, holder ? { claimedEmail: email, displayName, passwordHash } : { email, displayName, passwordHash });
    if (holder) this.mail.send(context, accountMails.signUpWithYourAddress(email, this.appUrl));
    else await this.#mailToken(context, user, AccountTokenPurpose.VERIFY_EMAIL, email);
    return this.#signIn(context, user);
  }

  async logIn(context: ServiceContext, input: { email: string; password: string }, address: string): Promise<SignedIn> {
    const { em } = context;
    const email = normalised(input.email);
    const holder = await em.findOne(User, { email }, { populate: ['passwordHash'] });
    let user = (await verifyPassword(input.password, holder?.passwordHash ?? (await placeholderHash()))) ? holder : null;
    if (!user) {
      const claims = await em.find(User, { claimedEmail: email }, { populate: ['passwordHash'], orderBy: { createdAt: 'desc' }, limit: CLAIMS_TRIED });
      for (const claim of claims) if (!user && (await verifyPassword(input.password, claim.passwordHash))) user = claim;
    }
    if (!user) {
      await this.throttle.logInFailed(email, address);
      throw Problem.of(AccountProblem.INVALID_CREDENTIALS, 'The email and password do not match an account.');
    }
    await this.throttle.logInSucceeded(email);
    return this.#signIn(context, user);
  }

  /** Mails a new verification link to the viewer's address, unless it is verified already. */
  async requestEmailVerification(context: ServiceContext): Promise<User> {
    const user = await this.#viewerAccount(context);
    if (user.email && !user.emailVerifiedAt) await this.#mailToken(context, user, AccountTokenPurpose.VERIFY_EMAIL, user.email);
    return user;
  }

  /** Proves the address a verification link was mailed to. Needs no sign-in: the link is the proof. */
  async verifyEmail(context: ServiceContext, token: string): Promise<User> {
    const used = await this.#useToken(context, token, AccountTokenPurpose.VERIFY_EMAIL);
    const user = await context.em.findOneOrFail(User, used.user.id);
    if (user.email !== used.email) throw invalidToken();
    user.emailVerifiedAt ??= new Date();
    return user;
  }

  /** Mails a reset link if the address has an account; the answer is the same either way. */
  async requestPasswordReset(context: ServiceContext, rawEmail: string): Promise<void> {
    const email = parseInput(emailSchema, rawEmail, 'email');
    const user = await context.em.findOne(User, { email });
    if (user) await this.#mailToken(context, user, AccountTokenPurpose.RESET_PASSWORD, email);
  }

  /**
   * Sets a new password from a reset link. The link proves the address, so it is verified too;
   * every session of the account ends, wherever it was signed in.
   */
  async resetPassword(context: ServiceContext, token: string, newPassword: string): Promise<void> {
    const password = parseInput(passwordSchema, newPassword, 'newPassword');
    const used = await this.#useToken(context, token, AccountTokenPurpose.RESET_PASSWORD);
    const user = await context.em.findOneOrFail(User, used.user.id);
    if (user.email !== used.email) throw invalidToken();
    refuseWeak(password, [used.email, user.displayName], ['newPassword']);
    user.passwordHash = await hashPassword(password);
    user.emailVerifiedAt ??= new Date();
    await this.#endSessions(context, user.id);
    this.mail.send(context, accountMails.passwordChanged(used.email));
  }

  /** Changes the viewer's password; every session ends, and a new one is returned for this client. */
  async changePassword(context: ServiceContext, currentPassword: string, newPassword: string): Promise<SignedIn> {
    const viewer = await this.#viewerAccount(context);
    const user = await context.em.findOneOrFail(User, viewer.id, { populate: ['passwordHash'] });
    if (!(await verifyPassword(currentPassword, user.passwordHash))) {
      throw Problem.of(AccountProblem.INVALID_CREDENTIALS, 'The current password is not right.', ['currentPassword']);
    }
    const password = parseInput(passwordSchema, newPassword, 'newPassword');
    refuseWeak(password, [shownEmailOf(user), user.displayName], ['newPassword']);
    user.passwordHash = await hashPassword(password);
    await this.#endSessions(context, user.id);
    if (user.email) this.mail.send(context, accountMails.passwordChanged(user.email));
    return this.#signIn(context, user);
  }

  /** Mails a confirmation link to the new address; the change happens when it is followed. */
  async requestEmailChange(context: ServiceContext, rawEmail: string, password: string): Promise<User> {
    const viewer = await this.#viewerAccount(context);
    const user = await context.em.findOneOrFail(User, viewer.id, { populate: ['passwordHash'] });
    if (!(await verifyPassword(password, user.passwordHash))) {
      throw Problem.of(AccountProblem.INVALID_CREDENTIALS, 'The password is not right.', ['password']);
    }
    const email = parseInput(emailSchema, rawEmail, 'newEmail');
    // Whether another account holds the address is told only to whoever reads its mail.
    if (await context.em.count(User, { email, id: { $ne: user.id } })) this.mail.send(context, accountMails.signUpWithYourAddress(email, this.appUrl));
    else await this.#mailToken(context, user, AccountTokenPurpose.CHANGE_EMAIL, email);
    return user;
  }

  /** Moves the account to the address the link was mailed to, verified; the old address is told. */
  async confirmEmailChange(context: ServiceContext, token: string): Promise<User> {
    const used = await this.#useToken(context, token, AccountTokenPurpose.CHANGE_EMAIL);
    const user = await context.em.findOneOrFail(User, used.user.id);
    const previous = user.email;
    user.email = used.email;
    user.claimedEmail = null;
    user.emailVerifiedAt = new Date();
    await flushOrProblem(context.em, () => Problem.of(AccountProblem.EMAIL_UNAVAILABLE, 'This address now belongs to another account.', ['token']));
    if (previous) this.mail.send(context, accountMails.emailChanged(previous, used.email));
    return user;
  }

  /** Ends the session a token belongs to. */
  async logOut(context: ServiceContext, bearerToken: string | undefined): Promise<void> {
    const check = bearerToken ? await this.tokens.check(bearerToken) : null;
    if (!check?.ok) return;
    const session = await context.em.findOne(Session, { id: check.sessionId, endedAt: null });
    if (!session) return;
    session.endedAt = new Date();
    await context.em.flush();
    this.tokens.sessionsEnded([{ id: session.id, endedAt: session.endedAt, expiresAt: session.expiresAt }]);
  }

  /** Ends every session of the viewer's account, this one included. */
  async logOutEverywhere(context: ServiceContext): Promise<void> {
    const user = await this.#viewerAccount(context);
    await this.#endSessions(context, user.id);
  }

  /** Sessions ended since `since` whose tokens have not expired yet, for every instance's token check. */
  async endedSessionsSince(em: EntityManager, since: Date): Promise<EndedSession[]> {
    const sessions = await em.find(Session, { endedAt: { $gt: since }, expiresAt: { $gt: new Date() } }, { fields: ['id', 'endedAt', 'expiresAt'] });
    return sessions.map((session) => ({ id: session.id, endedAt: session.endedAt!, expiresAt: session.expiresAt }));
  }

  /** Whether the account's address is proven: needed to accept invitations and receive payouts. */
  async hasVerifiedEmail(em: EntityManager, userId: string): Promise<boolean> {
    return (await em.count(User, { id: userId, emailVerifiedAt: { $ne: null } })) > 0;
  }

  /**
   * The viewer behind a verified token, or null when the account no longer exists. A function, so
   * that each connection plans it once (viewer-of-account.sql).
   */
  async loadViewer(em: EntityManager, userId: string): Promise<Viewer | null> {
    const [row] = await em.getConnection().execute<ViewerRow[]>('select * from viewer_of_account(?::uuid)', [userId]);
    return row ? viewerOf(row) : null;
  }

  /** The audience of a live event: every subscriber's rights in one statement. */
  async loadViewers(em: EntityManager, userIds: readonly string[]): Promise<Map<string, Viewer>> {
    const rows = await em
      .getConnection()
      // As one array literal: the driver would spread a JavaScript array into separate parameters.
      .execute<ViewerRow[]>('select v.* from unnest(?::uuid[]) as account(id), lateral viewer_of_account(account.id) as v', [`{${userIds.join(',')}}`]);
    return new Map(rows.map((row) => [row.id, viewerOf(row)]));
  }

  async #signIn({ em }: ServiceContext, user: User): Promise<SignedIn> {
    const session = em.create(Session, { user, expiresAt: this.tokens.expiryFromNow() });
    await em.flush();
    return { user, ...(await this.tokens.issue(user.id, session)) };
  }

  async #viewerAccount({ em, viewer }: ServiceContext): Promise<User> {
    const user = viewer ? await em.findOne(User, viewer.userId) : null;
    if (!user) throw Problem.notFound('account');
    return user;
  }

  async #endSessions({ em }: ServiceContext, userId: string): Promise<void> {
    const open = await em.find(Session, { user: userId, endedAt: null, expiresAt: { $gt: new Date() } });
    const endedAt = new Date();
    for (const session of open) session.endedAt = endedAt;
    await em.flush();
    this.tokens.sessionsEnded(open.map((session) => ({ id: session.id, endedAt, expiresAt: session.expiresAt })));
  }

  /** A single-use link for `purpose`, mailed to `email`; earlier unused links of the same purpose stop working. */
  async #mailToken(context: ServiceContext, user: User, purpose: AccountTokenPurpose, email: string): Promise<void> {
    const { em } = context;
    if (user.id) await em.nativeUpdate(AccountToken, { user: user.id, purpose, usedAt: null }, { usedAt: new Date() });
    const token = randomBytes(32).toString('base64url');
    em.create(AccountToken, { user, purpose, email, tokenHash: hashOf(token), expiresAt: new Date(Date.now() + TOKEN_LIFETIME_MS[purpose]) });
    this.mail.send(context, accountMails.forToken(purpose, email, token, this.appUrl));
  }

  async #useToken({ em }: ServiceContext, token: string, purpose: AccountTokenPurpose): Promise<AccountToken> {
    const found = await em.findOne(AccountToken, { tokenHash: hashOf(token), purpose, usedAt: null, expiresAt: { $gt: new Date() } }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!found) throw invalidToken();
    found.usedAt = new Date();
    return found;
  }
}

const normalised = (email: string) => email.trim().toLowerCase();

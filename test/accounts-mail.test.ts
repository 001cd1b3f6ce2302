import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, succeeded } from './support/actors.js';
import { startMailbox, tokenIn } from './support/mailbox.js';
import { until } from './support/subscriptions.js';
import { startTestServer, type TestServer } from './support/test-server.js';

const SIGN_UP = 'mutation($input: SignUpInput!) { signUp(input: $input) { token user { id email emailVerified } userErrors { code field message } } }';
const LOG_IN = 'mutation($input: LogInInput!) { logIn(input: $input) { token userErrors { code message } } }';
const VIEWER = '{ viewer { id email emailVerified } }';
const VERIFY = 'mutation($token: String!) { emailVerify(token: $token) { user { email emailVerified } userErrors { code } } }';
const RESET_REQUEST = 'mutation($email: String!) { passwordResetRequest(email: $email) { accepted userErrors { code } } }';
const RESET = 'mutation($input: PasswordResetInput!) { passwordReset(input: $input) { accepted userErrors { code field } } }';
const CHANGE = 'mutation($input: PasswordChangeInput!) { passwordChange(input: $input) { token userErrors { code field } } }';
const EMAIL_CHANGE = 'mutation($input: EmailChangeInput!) { emailChangeRequest(input: $input) { user { email } userErrors { code } } }';
const EMAIL_CONFIRM = 'mutation($token: String!) { emailChangeConfirm(token: $token) { user { email emailVerified } userErrors { code } } }';
const LOG_OUT = 'mutation { logOut { accepted userErrors { code } } }';
const LOG_OUT_EVERYWHERE = 'mutation { logOutEverywhere { accepted userErrors { code } } }';

let mailbox: Awaited<ReturnType<typeof startMailbox>>;
let server: TestServer;
beforeAll(async () => {
  mailbox = await startMailbox();
  server = await startTestServer({ SMTP_URL: mailbox.url, HOUSEKEEPING_INTERVAL_MS: '200' });
});
afterAll(async () => {
  await server?.stop();
  await mailbox?.close();
});

const freshEmail = (name: string) => `${name}-${randomBytes(4).toString('hex')}@example.com`;

async function newAccount(name: string, password = PASSWORD) {
  const email = freshEmail(name);
  const payload = succeeded<{ token: string; user: { id: string; emailVerified: boolean } }>((await server.graphql(SIGN_UP, { input: { email, password, displayName: name } })) as never, 'signUp');
  return { email, token: payload.token, user: payload.user };
}

/** Waits for the `count`-th mail to `address` to arrive over SMTP and returns it. */
async function mailTo(address: string, count = 1) {
  await until(() => mailbox.to(address).length >= count, `mail ${count} to ${address}`, 400);
  return mailbox.to(address)[count - 1]!;
}

const viewerOf = async (token: string) => server.graphql<{ viewer: { email: string; emailVerified: boolean } | null }>(VIEWER, {}, { token });

describe('email verification', () => {
  it('lets a new account work at once, and verifies its address by the link mailed over SMTP', async () => {
    const account = await newAccount('fresh');
    expect(account.user.emailVerified).toBe(false);
    expect((await viewerOf(account.token)).data?.viewer).toMatchObject({ email: account.email, emailVerified: false });

    const mail = await mailTo(account.email);
    expect(mail.text).toContain('Confirm your email address');
    const verified = succeeded<{ user: { emailVerified: boolean } }>((await server.graphql(VERIFY, { token: tokenIn(mail) })) as never, 'emailVerify');
    expect(verified.user.emailVerified).toBe(true);

    // Single use: the same link again is refused, typed.
    const again = await server.graphql<{ emailVerify: { userErrors: { code: string }[] } }>(VERIFY, { token: tokenIn(mail) });
    expect(again.data?.emailVerify.userErrors.map((error) => error.code)).toEqual(['INVALID_ACCOUNT_TOKEN']);
  });

  it('never lets an account that only claims an address verify it', async () => {
    const owner = await newAccount('owner');
    const copy = succeeded<{ token: string; user: { email: string } }>((await server.graphql(SIGN_UP, { input: { email: owner.email, password: 'another long passphrase 7', displayName: 'Copy' } })) as never, 'signUp');
    expect(copy.user.email).toBe(owner.email);
    const warning = await mailTo(owner.email, 2);
    expect(warning.text).toContain('already has an account');
    expect(warning.text).not.toMatch(/token=/);
    // The copy can log in with its own password, yet still holds no proven address.
    const logIn = succeeded<{ token: string }>((await server.graphql(LOG_IN, { input: { email: owner.email, password: 'another long passphrase 7' } })) as never, 'logIn');
    expect((await viewerOf(logIn.token)).data?.viewer).toMatchObject({ emailVerified: false });
  });
});

describe('passwords', () => {
  it.each(['password12', '1234567890', '          '])('refuses %j at sign-up as WEAK_PASSWORD and creates nothing', async (password) => {
    const email = freshEmail('weak');
    const result = await server.graphql<{ signUp: { userErrors: { code: string; field: string[] }[] } }>(SIGN_UP, { input: { email, password, displayName: 'Weak' } });
    expect(result.data?.signUp.userErrors).toMatchObject([{ code: 'WEAK_PASSWORD', field: ['input', 'password'] }]);
    expect(await server.sql('select 1 from app_user where email = ?', [email])).toEqual([]);
  });

  it('resets a password by the mailed link, ending every session, and answers an unknown address alike', async () => {
    const account = await newAccount('forgetful');
    const unknown = await server.graphql(RESET_REQUEST, { email: freshEmail('nobody') });
    const known = await server.graphql(RESET_REQUEST, { email: account.email });
    expect(known.data).toEqual(unknown.data);

    const mail = await mailTo(account.email, 2);
    expect(mail.text).toContain('Reset your password');
    const weak = await server.graphql<{ passwordReset: { userErrors: { code: string }[] } }>(RESET, { input: { token: tokenIn(mail), newPassword: 'password12' } });
    expect(weak.data?.passwordReset.userErrors.map((error) => error.code), JSON.stringify(weak.errors)).toEqual(['WEAK_PASSWORD']);
    succeeded((await server.graphql(RESET, { input: { token: tokenIn(mail), newPassword: 'a brand new passphrase 9' } })) as never, 'passwordReset');

    expect((await viewerOf(account.token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    succeeded((await server.graphql(LOG_IN, { input: { email: account.email, password: 'a brand new passphrase 9' } })) as never, 'logIn');
    // Following the link proved the address too.
    const session = succeeded<{ token: string }>((await server.graphql(LOG_IN, { input: { email: account.email, password: 'a brand new passphrase 9' } })) as never, 'logIn');
    expect((await viewerOf(session.token)).data?.viewer?.emailVerified).toBe(true);
  });

  it('changes a password given the current one, ending the other sessions and keeping the new one', async () => {
    const account = await newAccount('changer');
    const other = succeeded<{ token: string }>((await server.graphql(LOG_IN, { input: { email: account.email, password: PASSWORD } })) as never, 'logIn');
    const wrong = await server.graphql<{ passwordChange: { userErrors: { code: string }[] } }>(CHANGE, { input: { currentPassword: 'not the password', newPassword: 'fresh passphrase here 3' } }, { token: account.token });
    expect(wrong.data?.passwordChange.userErrors.map((error) => error.code)).toEqual(['INVALID_CREDENTIALS']);

    const changed = succeeded<{ token: string }>((await server.graphql(CHANGE, { input: { currentPassword: PASSWORD, newPassword: 'fresh passphrase here 3' } }, { token: account.token })) as never, 'passwordChange');
    for (const ended of [account.token, other.token]) expect((await viewerOf(ended)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await viewerOf(changed.token)).data?.viewer?.email).toBe(account.email);
  });
});

describe('sessions', () => {
  it('ends only this session at log-out, and every session at log-out everywhere', async () => {
    const account = await newAccount('leaver');
    const second = succeeded<{ token: string }>((await server.graphql(LOG_IN, { input: { email: account.email, password: PASSWORD } })) as never, 'logIn');
    const third = succeeded<{ token: string }>((await server.graphql(LOG_IN, { input: { email: account.email, password: PASSWORD } })) as never, 'logIn');

    succeeded((await server.graphql(LOG_OUT, {}, { token: account.token })) as never, 'logOut');
    expect((await viewerOf(account.token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await viewerOf(second.token)).data?.viewer?.email).toBe(account.email);

    succeeded((await server.graphql(LOG_OUT_EVERYWHERE, {}, { token: second.token })) as never, 'logOutEverywhere');
    for (const ended of [second.token, third.token]) expect((await viewerOf(ended)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('email change', () => {
  it('moves the account to a new address only when the link mailed there is followed, and tells the old one', async () => {
    const account = await newAccount('mover');
    const newEmail = freshEmail('moved');
    succeeded((await server.graphql(EMAIL_CHANGE, { input: { newEmail, password: PASSWORD } }, { token: account.token })) as never, 'emailChangeRequest');
    expect((await viewerOf(account.token)).data?.viewer?.email).toBe(account.email);

    const confirmed = succeeded<{ user: { email: string; emailVerified: boolean } }>((await server.graphql(EMAIL_CONFIRM, { token: tokenIn(await mailTo(newEmail)) })) as never, 'emailChangeConfirm');
    expect(confirmed.user).toEqual({ email: newEmail, emailVerified: true });
    const notice = await mailTo(account.email, 2);
    expect(notice.text).toContain(newEmail);
  });
});

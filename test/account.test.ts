import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  AccountLogInDocument as LOG_IN,
  AccountViewerDocument as VIEWER,
  NodeIdDocument,
  SignUpDocument as SIGN_UP,
  UserEmailDocument,
} from './generated/graphql.js';
import { errorCodes, PASSWORD, signUp, succeeded } from './support/actors.js';
import { createCreator } from './support/bids.js';
import { useTestServer } from './support/test-server.js';

const server = useTestServer();

describe('signUp', () => {
  it('creates an account with a lower-cased email and returns a working token', async () => {
    const result = await server.graphql(SIGN_UP, {
      input: { email: 'Dr.Lin@Example.com', password: PASSWORD, displayName: 'Dr Lin' },
    });
    const payload = succeeded(result, 'signUp');
    expect(payload.user.email).toBe('dr.lin@example.com');
    const viewer = await server.graphql(VIEWER, {}, { token: payload.token });
    expect(viewer.data?.viewer).toMatchObject({ email: 'dr.lin@example.com', displayName: 'Dr Lin' });
  });

  it.each([
    ['an invalid email', { email: 'not-an-email', password: PASSWORD, displayName: 'X' }, 'INVALID_EMAIL', 'email'],
    ['a password under 10 characters', { email: 'short@example.com', password: 'short', displayName: 'X' }, 'PASSWORD_TOO_SHORT', 'password'],
    ['an empty display name', { email: 'blank@example.com', password: PASSWORD, displayName: '  ' }, 'OUT_OF_RANGE', 'displayName'],
  ])('refuses %s with a typed error and creates nothing', async (_label, input, code, field) => {
    const result = await server.graphql(SIGN_UP, { input });
    expect(errorCodes(result, 'signUp')).toEqual([code]);
    expect(result.data?.signUp.userErrors[0]?.field).toEqual(['input', field]);
    const rows = await server.sql('select count(*)::int as n from app_user where email = ?', [input.email]);
    expect(rows[0]).toEqual({ n: 0 });
  });

  it('refuses an email that is already taken, whatever its case', async () => {
    const first = await signUp(server, 'taken');
    const result = await server.graphql(SIGN_UP, {
      input: { email: first.email.toUpperCase(), password: PASSWORD, displayName: 'Copy' },
    });
    expect(errorCodes(result, 'signUp')).toEqual(['EMAIL_TAKEN']);
  });

  it('lets only one of many simultaneous sign-ups with the same email through', async () => {
    const input = { email: 'race@example.com', password: PASSWORD, displayName: 'Race' };
    const results = await Promise.all(Array.from({ length: 8 }, () => server.graphql(SIGN_UP, { input })));
    expect(results.every((result) => result.status === 200 && !result.errors)).toBe(true);
    const codes = results.map((result) => errorCodes(result, 'signUp')[0] ?? 'OK');
    expect(codes.filter((code) => code === 'OK')).toHaveLength(1);
    expect(codes.filter((code) => code === 'EMAIL_TAKEN')).toHaveLength(7);
  });
});

describe('logIn', () => {
  it('returns a token for the right password', async () => {
    const actor = await signUp(server, 'login');
    const result = await server.graphql(LOG_IN, { input: { email: actor.email, password: PASSWORD } });
    const payload = succeeded(result, 'logIn');
    expect(payload.user.id).toBe(actor.userId);
    expect(new Date(payload.expiresAt).getTime()).toBeGreaterThan(Date.now());
  });

  it('answers a wrong password and an unknown email alike', async () => {
    const actor = await signUp(server, 'wrong');
    const wrongPassword = await server.graphql(LOG_IN, { input: { email: actor.email, password: 'not the password' } });
    const unknownEmail = await server.graphql(LOG_IN, { input: { email: 'nobody@example.com', password: PASSWORD } });
    expect(errorCodes(wrongPassword, 'logIn')).toEqual(['INVALID_CREDENTIALS']);
    expect(unknownEmail.data).toEqual(wrongPassword.data);
  });
});

describe('bearer tokens', () => {
  it('treats a request without a token as anonymous', async () => {
    const result = await server.graphql(VIEWER);
    expect(result.data).toEqual({ viewer: null });
  });

  it.each([
    ['a malformed token', 'Bearer not-a-token'],
    ['a header without the Bearer scheme', 'Token abc'],
    ['a token signed with another secret', 'FORGED'],
  ])('rejects %s as UNAUTHENTICATED', async (_label, given) => {
    const header =
      given === 'FORGED'
        ? `Bearer ${await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('x').sign(new TextEncoder().encode('another-secret-another-secret-another'))}`
        : given;
    const result = await server.graphql(VIEWER, {}, { headers: { authorization: header } });
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('rejects an expired token as UNAUTHENTICATED and says it expired', async () => {
    const actor = await signUp(server, 'expired');
    const expired = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject((await server.sql<{ id: string }>('select id from app_user where email = ?', [actor.email]))[0]!.id)
      .setIssuer('mcn-marketplace')
      .setAudience('mcn-marketplace-api')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(new TextEncoder().encode('test-secret-that-is-long-enough-for-hs256-signing'));
    const result = await server.graphql(VIEWER, {}, { token: expired });
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(result.errors?.[0]?.message).toMatch(/expired/);
  });

  it('refuses a valid token whose account no longer exists wherever the request depends on who is asking', async () => {
    const actor = await signUp(server, 'vanished');
    const creator = await createCreator(server, 'kept');
    await server.sql('delete from app_user where email = ?', [actor.email]);

    const own = await server.graphql(VIEWER, {}, { token: actor.token });
    expect(own.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(own.errors?.[0]?.message).toMatch(/no longer exists/);
    expect(own.data?.viewer ?? null).toBeNull();
    // A public profile reads nothing of the viewer, so the token is only checked, as anonymous would be.
    const profile = await server.graphql(NodeIdDocument, { id: creator.id }, { token: actor.token });
    expect(profile.errors).toBeUndefined();
    expect(profile.data?.node?.id).toBe(creator.id);
  });
});

describe('node(id:) for accounts', () => {
  it('shows an account to its owner and hides it from everyone else exactly like a missing one', async () => {
    const owner = await signUp(server, 'owner');
    const stranger = await signUp(server, 'stranger');
    const query = UserEmailDocument;
    const own = await server.graphql(query, { id: owner.userId }, { token: owner.token });
    expect(own.data?.node).toEqual({ id: owner.userId, email: owner.email });
    const other = await server.graphql(query, { id: owner.userId }, { token: stranger.token });
    const missing = await server.graphql(query, { id: 'VXNlcjowMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDA' }, { token: stranger.token });
    const garbage = await server.graphql(query, { id: '!!not-an-id!!' }, { token: stranger.token });
    expect(other.data).toEqual({ node: null });
    expect(missing.data).toEqual({ node: null });
    expect(garbage.data).toEqual({ node: null });
    expect(other.errors).toBeUndefined();
  });
});

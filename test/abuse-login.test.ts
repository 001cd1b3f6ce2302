import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PASSWORD, signUp } from './support/actors.js';
import { useTestServer } from './support/test-server.js';

const LOG_IN = 'mutation($input: LogInInput!) { logIn(input: $input) { token retryAfterSeconds userErrors { code message } } }';
const SIGN_UP = 'mutation($input: SignUpInput!) { signUp(input: $input) { token retryAfterSeconds userErrors { code } } }';

const server = useTestServer({ LOGIN_FAILURES_PER_ACCOUNT: '5', LOGIN_FAILURES_PER_ADDRESS: '40', ANONYMOUS_ACTIONS_PER_ADDRESS: '12' });

interface LogInAnswer {
  logIn: { token: string | null; retryAfterSeconds: number | null; userErrors: { code: string; message: string }[] };
}
const logIn = (email: string, password: string) => server.graphql<LogInAnswer>(LOG_IN, { input: { email, password } });
/** The answer with what differs between any two attempts (the wait in seconds) left out. */
const shape = (answer: Awaited<ReturnType<typeof logIn>>) => ({
  codes: answer.data?.logIn.userErrors.map((error) => error.code),
  waits: answer.data?.logIn.retryAfterSeconds != null,
});

describe('log-in throttling', () => {
  it('slows, then blocks guesses at one account, alike whether or not it exists, and keeps the owner’s answer typed', async () => {
    const owner = await signUp(server, 'target');
    const nobody = `nobody-${randomBytes(4).toString('hex')}@example.com`;
    const answers: { real: ReturnType<typeof shape>[]; unknown: ReturnType<typeof shape>[] } = { real: [], unknown: [] };
    for (let attempt = 0; attempt < 8; attempt += 1) {
      answers.real.push(shape(await logIn(owner.email, `wrong guess number ${attempt}`)));
      answers.unknown.push(shape(await logIn(nobody, `wrong guess number ${attempt}`)));
    }
    // The first failures are plain; later attempts are told to wait, with a time.
    expect(answers.real.slice(0, 3)).toEqual(Array.from({ length: 3 }, () => ({ codes: ['INVALID_CREDENTIALS'], waits: false })));
    expect(answers.real.at(-1)).toEqual({ codes: ['TOO_MANY_ATTEMPTS'], waits: true });
    // An address nobody has is answered exactly alike, attempt by attempt.
    expect(answers.unknown).toEqual(answers.real);
    // Blocked means blocked: even the right password waits for the window.
    expect(shape(await logIn(owner.email, PASSWORD))).toEqual({ codes: ['TOO_MANY_ATTEMPTS'], waits: true });
  });

  it('limits sign-ups from one address, with a retry time', async () => {
    const codes: string[] = [];
    for (let attempt = 0; attempt < 14; attempt += 1) {
      const answer = await server.graphql<{ signUp: { retryAfterSeconds: number | null; userErrors: { code: string }[] } }>(SIGN_UP, {
        input: { email: `many-${attempt}-${randomBytes(3).toString('hex')}@example.com`, password: PASSWORD, displayName: 'Many' },
      });
      codes.push(answer.data?.signUp.userErrors[0]?.code ?? 'OK');
      if (answer.data?.signUp.userErrors[0]) expect(answer.data.signUp.retryAfterSeconds).toBeGreaterThan(0);
    }
    expect(codes.at(-1)).toBe('TOO_MANY_ATTEMPTS');
  });
});

describe('text and tokens PostgreSQL or the API cannot take', () => {
  it('refuses a lone surrogate in any text input with a typed error, before anything is written', async () => {
    const email = `lone-${randomBytes(4).toString('hex')}@example.com`;
    const answer = await server.graphql(SIGN_UP, { input: { email, password: PASSWORD, displayName: 'Half \ud800 a pair' } });
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNSTORABLE_TEXT' });
    expect(await server.sql('select 1 from app_user where email = ?', [email])).toEqual([]);
    // A whole pair (an emoji) is text like any other (sign-ups from this address are spent, so a log-in shows it).
    expect(shape(await logIn(email, 'a whole 😀 pair'))).toEqual({ codes: ['INVALID_CREDENTIALS'], waits: false });
  });

  it('answers an unknown persisted-query version with a typed 400', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ viewer { id } }', extensions: { persistedQuery: { version: 2, sha256Hash: 'a'.repeat(64) } } }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('BAD_REQUEST');
  });
});

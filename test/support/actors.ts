import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { GraphQLResponse, TestServer } from './test-server.js';

export const PASSWORD = 'correct horse battery';

export interface Actor {
  token: string;
  userId: string;
  email: string;
}

const SIGN_UP = /* GraphQL */ `
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) { token user { id email } userErrors { code field message } }
  }
`;

/** A fresh account; `name` only makes the email readable in failures. */
export async function signUp(server: TestServer, name = 'user'): Promise<Actor> {
  const email = `${name}-${randomBytes(4).toString('hex')}@example.com`;
  const result = await server.graphql<{ signUp: { token: string; user: { id: string }; userErrors: unknown[] } }>(SIGN_UP, {
    input: { email, password: PASSWORD, displayName: name },
  });
  expect(result.errors).toBeUndefined();
  expect(result.data?.signUp.userErrors).toEqual([]);
  return { token: result.data!.signUp.token, userId: result.data!.signUp.user.id, email };
}

/** An account with admin rights; no public operation grants them, so this writes them directly. */
export async function signUpAdmin(server: TestServer): Promise<Actor> {
  const admin = await signUp(server, 'admin');
  await server.sql('update app_user set is_admin = true where email = ?', [admin.email]);
  return admin;
}

/** The payload of a mutation that must succeed, failing the test with its userErrors if not. */
export function succeeded<T>(result: GraphQLResponse<Record<string, T & { userErrors: unknown[] }>>, field: string): T {
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  const payload = result.data?.[field];
  expect(payload?.userErrors, JSON.stringify(payload?.userErrors)).toEqual([]);
  return payload as T;
}

/** The codes of a mutation payload's userErrors. */
export function errorCodes(result: GraphQLResponse<Record<string, { userErrors: { code: string }[] }>>, field: string): string[] {
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data?.[field]?.userErrors.map((error) => error.code) ?? [];
}

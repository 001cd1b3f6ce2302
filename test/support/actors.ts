import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { SignUpDocument } from '../generated/graphql.js';
import type { GraphQLResponse, TestServer } from './test-server.js';

export const PASSWORD = 'correct horse battery';

export interface Actor {
  token: string;
  userId: string;
  email: string;
}

/** A fresh account; `name` only makes the email readable in failures. */
export async function signUp(server: TestServer, name = 'user'): Promise<Actor> {
  const email = `${name}-${randomBytes(4).toString('hex')}@example.com`;
  const result = await server.graphql(SignUpDocument, { input: { email, password: PASSWORD, displayName: name } });
  expect(result.errors).toBeUndefined();
  expect(result.data?.signUp.userErrors).toEqual([]);
  return { token: result.data!.signUp.token!, userId: result.data!.signUp.user!.id, email };
}

/** An account with admin rights; no public operation grants them, so this writes them directly. */
export async function signUpAdmin(server: TestServer): Promise<Actor> {
  const admin = await signUp(server, 'admin');
  await server.sql('update app_user set is_admin = true where email = ?', [admin.email]);
  return admin;
}

/** A payload as it reads on success: every object it returns is there, only failures leave one null. */
export type Succeeded<Payload> = { [Key in keyof Payload]: Key extends 'userErrors' ? Payload[Key] : NonNullable<Payload[Key]> };

/** The payload of a mutation that must succeed, failing the test with its userErrors (or a missing object) if not. */
export function succeeded<Data, Field extends keyof Data & string>(result: GraphQLResponse<Data>, field: Field): Succeeded<NonNullable<Data[Field]>>;
/** The same for a document sent as text, whose payload type the caller states. */
export function succeeded<T>(result: GraphQLResponse<Record<string, T & { userErrors: unknown[] }>>, field: string): T;
export function succeeded(result: GraphQLResponse<Record<string, { userErrors: unknown[] } | null>>, field: string): unknown {
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  const payload = result.data?.[field];
  expect(payload?.userErrors, JSON.stringify(payload?.userErrors)).toEqual([]);
  for (const [key, value] of Object.entries(payload ?? {})) expect(value, `${field}.${key}`).not.toBeNull();
  return payload;
}

/** The codes of a mutation payload's userErrors. */
export function errorCodes<Field extends string>(
  result: GraphQLResponse<{ readonly [key in Field]?: { userErrors: readonly { code: string }[] } | null }>,
  field: Field,
): string[] {
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data?.[field]?.userErrors.map((error) => error.code) ?? [];
}

/** The userErrors of a mutation payload, for tests that loop over several mutations. */
export function userErrorsOf<Field extends string>(
  result: GraphQLResponse<{ readonly [key in Field]?: { userErrors: readonly unknown[] } | null }>,
  field: Field,
): readonly unknown[] | undefined {
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data?.[field]?.userErrors;
}

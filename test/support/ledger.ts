import { randomUUID } from 'node:crypto';
import { LedgerDepositConfirmDocument } from '../generated/graphql.js';
import { type Actor, signUpAdmin, succeeded } from './actors.js';
import type { TestServer } from './test-server.js';

const admins = new WeakMap<TestServer, Promise<Actor>>();

/** One admin per server, made on first use, who confirms deposits. */
export function ledgerAdmin(server: TestServer): Promise<Actor> {
  let admin = admins.get(server);
  if (!admin) {
    admin = signUpAdmin(server);
    admins.set(server, admin);
  }
  return admin;
}

/** Tops a brand's balance up as an admin confirming a bank transfer would: deals then start funded. */
export async function fundBrand(server: TestServer, brandId: string, amount = 1_000_000_000, currency: 'CNY' | 'USD' = 'CNY'): Promise<void> {
  const admin = await ledgerAdmin(server);
  succeeded(
    await server.graphql(
      LedgerDepositConfirmDocument,
      { input: { brandId, amount: { amount, currency }, bankReference: `TEST-${randomUUID()}` } },
      { token: admin.token },
    ),
    'ledgerDepositConfirm',
  );
}

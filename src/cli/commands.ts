import { randomBytes } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { User } from '../account/account.entity.js';
import { Viewer } from '../auth/viewer.js';
import type { AppServices } from '../common/app-services.js';
import type { UnitOfWork } from '../common/unit-of-work.js';
import { migrate } from '../db/database.js';
import { fromGlobalId, toGlobalId } from '../graphql/global-id.js';
import type { LedgerCheck } from '../ledger/index.js';
import type { Match } from '../match/match.service.js';
import { renderTable } from './table.js';

/**
 * The operator commands, as functions over an ORM and the application's services, so that the
 * command line and the tests run the same code and every rule stays in the services.
 */
export interface CliContext {
  orm: MikroORM;
  services: AppServices;
  /** Every command that writes runs as one unit of work, as a mutation does: events reach subscribers after commit. */
  unitOfWork: UnitOfWork;
}

export class CommandError extends Error {}

/** A global id as the API shows it (`Brief:…` encoded) or the bare row id. */
export function rowIdFrom(given: string, typeName: string): string {
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(given)) return given.toLowerCase();
  const parsed = fromGlobalId(given);
  if (!parsed || parsed.typeName !== typeName) throw new CommandError(`"${given}" is not the id of a ${typeName}.`);
  return parsed.id;
}

export async function runMigrations({ orm }: CliContext): Promise<string[]> {
  return migrate(orm);
}

export interface AdminCreated {
  userId: string;
  email: string;
  /** False when the account existed and was made an admin. */
  created: boolean;
  /** Set when the command chose the password, which is shown once. */
  generatedPassword: string | null;
}

/**
 * Makes `email` an admin: signs the account up through the account service (its email and
 * password rules apply) when it does not exist, and grants admin rights in the same transaction.
 * No public operation grants them, which is why this is an operator's command.
 */
export async function createAdmin(
  { orm, services, unitOfWork }: CliContext,
  input: { email: string; password?: string | undefined; displayName?: string | undefined },
): Promise<AdminCreated> {
  return unitOfWork.run({ em: orm.em.fork(), viewer: null }, async (context) => {
    const { em } = context;
    const email = input.email.trim().toLowerCase();
    const existing = await em.findOne(User, { email });
    if (existing) {
      existing.isAdmin = true;
      await em.flush();
      return { userId: existing.id, email, created: false, generatedPassword: null };
    }
    const generatedPassword = input.password ? null : randomBytes(18).toString('base64url');
    const session = await services.accounts.signUp(
      context,
      { email, password: input.password ?? generatedPassword!, displayName: input.displayName ?? 'Administrator' },
    );
    session.user.isAdmin = true;
    await em.flush();
    return { userId: session.user.id, email, created: true, generatedPassword };
  });
}

/** The admin an operator acts as: reviews are recorded under a real account, never anonymously. */
async function adminViewer(em: EntityManager, services: AppServices, email: string): Promise<Viewer> {
  const user = await em.findOne(User, { email: email.trim().toLowerCase() });
  const viewer = user ? await services.accounts.loadViewer(em, user.id) : null;
  if (!viewer?.isAdmin) throw new CommandError(`${email} is not an admin account (create one with admin:create).`);
  return viewer;
}

export async function verifyCredential(
  { orm, services, unitOfWork }: CliContext,
  input: { credentialId: string; adminEmail: string; note?: string | undefined },
): Promise<{ credentialId: string; status: string }> {
  const credentialId = rowIdFrom(input.credentialId, 'Credential');
  const em = orm.em.fork();
  const admin = await adminViewer(em, services, input.adminEmail);
  return unitOfWork.run({ em, viewer: admin }, async (context) => {
    const { credential } = await services.credentials.verify(context, credentialId, { note: input.note ?? null });
    return { credentialId: toGlobalId('Credential', credential.id), status: credential.status };
  });
}

/** The recommendations for a brief as an admin sees them, best first. */
export async function briefMatches(
  { orm, services }: CliContext,
  input: { briefId: string; first: number; adminEmail?: string | undefined },
): Promise<{ matches: Match[]; totalCount: number }> {
  const em = orm.em.fork();
  const viewer = input.adminEmail ? await adminViewer(em, services, input.adminEmail) : operatorViewer();
  const page = await services.matches.recommendationsForBrief({ em, viewer }, rowIdFrom(input.briefId, 'Brief'), {}, { first: input.first });
  return { matches: page.items, totalCount: page.totalCount };
}

/**
 * Reading recommendations writes nothing, so an operator on the database host may read them
 * without naming an admin account: this viewer has admin rights and no account of its own.
 */
function operatorViewer(): Viewer {
  return new Viewer('00000000-0000-0000-0000-000000000000', true, new Set(), new Set(), null, null);
}

/** Rank, name, score, flags and the strongest reasons, one line per candidate. */
export function matchTable(matches: Match[], options: { reasons?: number } = {}): string {
  const reasons = options.reasons ?? 2;
  const rows = matches.map((match, index) => {
    const talent = match.creator?.displayName ?? match.trader?.displayName ?? match.talentId;
    const top = [...match.score.factors]
      .sort((a, b) => b.contribution - a.contribution)
      .slice(0, reasons)
      .map((factor) => factor.reason);
    const roi = match.expectedRoi.roiBp == null ? '-' : `${(match.expectedRoi.roiBp / 100).toFixed(0)}%`;
    return [String(index + 1), talent, match.kind, match.score.score.toFixed(3), roi, match.score.flags.join(',') || '-', top.join(' / ')];
  });
  return renderTable(
    [
      { title: '#', right: true },
      { title: 'candidate' },
      { title: 'kind' },
      { title: 'score', right: true },
      { title: 'ROI', right: true },
      { title: 'flags' },
      { title: 'top reasons' },
    ],
    rows,
  );
}

/** Proves the ledger (see `LedgerService.check`): `ok` when nothing is off. */
export async function ledgerCheck({ orm, services }: CliContext): Promise<LedgerCheck & { ok: boolean }> {
  const result = await services.ledger.check(orm.em.fork());
  const ok = result.unbalancedEntries.length === 0 && result.mismatchedAccounts.length === 0 && result.overdrawnAccounts.length === 0 && result.totals.every((row) => row.total === 0);
  return { ...result, ok };
}

/** What ledger:check prints. */
export function ledgerCheckReport(result: LedgerCheck & { ok: boolean }): string {
  const lines = [
    `${result.entries} entries on ${result.accounts} accounts`,
    `entries that do not balance: ${result.unbalancedEntries.length === 0 ? 'none' : result.unbalancedEntries.join(', ')}`,
    `balances that differ from their lines: ${
      result.mismatchedAccounts.length === 0 ? 'none' : result.mismatchedAccounts.map((row) => `${row.id} (cached ${row.cached}, lines ${row.computed})`).join(', ')
    }`,
    `overdrawn accounts: ${result.overdrawnAccounts.length === 0 ? 'none' : result.overdrawnAccounts.join(', ')}`,
    ...result.totals.map((row) => `${row.currency}: money in − money out − balances = ${row.total}`),
    result.ok ? 'ledger OK' : 'LEDGER NOT OK',
  ];
  return lines.join('\n');
}

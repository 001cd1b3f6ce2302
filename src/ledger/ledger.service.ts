import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AccessDenied, Problem, ProblemCode, parseInput } from '../common/problems.js';
import type { ServiceContext } from '../common/service-context.js';
import { type Money, moneySchema } from '../common/money.js';
import { LedgerDeposit } from './ledger.entity.js';
import { LedgerProblem } from './ledger.problems.js';
import { type AccountRef, AccountKind, account, type EntryKind, isBalanced, mayGoNegative, type PostingLine } from './postings.js';
import { z } from 'zod';
import type { Viewer } from '../auth/viewer.js';
import { type LedgerOwner, seesLedgerOf } from './ledger.visibility.js';

/** The table and row whose change justifies an entry. */
export type CauseType = 'ledger_deposit' | 'deal' | 'deal_deliverable' | 'deal_settlement' | 'deal_cancellation' | 'deal_dispute' | 'deal_amendment' | 'payout';

export interface PostRequest {
  kind: EntryKind;
  /** Derived from the cause (e.g. `deal-funding:<deal id>`): a second post with it changes nothing. */
  key: string;
  cause: { type: CauseType; id: string };
  dealId?: string | null;
  memo: string;
  createdBy: string | null;
  currency: string;
  lines: readonly PostingLine[];
  /** The refusal when an account would go below zero; a bug (thrown as such) when not given. */
  shortfall?: (account: AccountRef, available: number) => Problem;
}

export type { LedgerOwner };

const OWNER_COLUMNS = ['brand_id', 'deal_id', 'creator_id', 'trader_id', 'agency_id'] as const;
const ownerColumn = { brandId: 'brand_id', dealId: 'deal_id', creatorId: 'creator_id', traderId: 'trader_id', agencyId: 'agency_id' } as const;

/** The account's owner as its five nullable columns. */
function ownerValues(ref: AccountRef): (string | null)[] {
  const [key, id] = (Object.entries(ref.owner)[0] ?? []) as [keyof typeof ownerColumn | undefined, string | undefined];
  return OWNER_COLUMNS.map((column) => (key && ownerColumn[key] === column ? id! : null));
}

const refKey = (ref: AccountRef) => `${ref.kind}:${ownerValues(ref).join(':')}`;

export interface StatementLine {
  entryId: string;
  kind: EntryKind;
  memo: string;
  dealId: string | null;
  at: Date;
  amount: number;
  balanceAfter: number;
}

export interface Statement {
  currency: string;
  from: Date;
  to: Date;
  opening: number;
  closing: number;
  lines: StatementLine[];
  /** True when the period held more lines than one statement gives; ask for a shorter period. */
  truncated: boolean;
}

export interface LedgerCheck {
  entries: number;
  accounts: number;
  /** Entries whose lines do not sum to zero per currency, or that have fewer than two lines. */
  unbalancedEntries: string[];
  /** Accounts whose cached balance differs from the sum of their lines. */
  mismatchedAccounts: { id: string; cached: number; computed: number }[];
  /** Accounts below zero that may not be. */
  overdrawnAccounts: string[];
  /** Sum of every account per currency: zero when money in equals money out plus balances. */
  totals: { currency: string; total: number }[];
}

export const MAX_STATEMENT_LINES = 5_000;

const depositSchema = z.object({
  amount: moneySchema.refine((money) => money.amount > 0, { message: 'A deposit is more than zero.', params: { code: ProblemCode.OUT_OF_RANGE } }),
  bankReference: z.string().trim().min(1, 'Give the bank-transfer reference.').max(100, 'At most 100 characters.').transform((value) => value.toUpperCase()),
  note: z.string().trim().max(2000, 'At most 2000 characters.').nullish(),
});

/**
 * The double-entry ledger. `post` is the one writer of entries: other services call it inside the
 * unit of work of the state change that justifies the movement, so money and state commit or roll
 * back together. The database refuses what `post` should never write (an unbalanced entry, an
 * overdrawn account, a rewritten line); `post` refuses it first with a typed problem.
 */
export class LedgerService {
  /**
   * Writes one balanced entry. Accounts are made on first use and those that lose money are locked
   * and checked first, so a shortfall is a `Problem` and nothing is written. A key already posted
   * changes nothing and answers `posted: false`.
   */
  async post(em: EntityManager, request: PostRequest): Promise<{ entryId: string | null; posted: boolean }> {
    const lines = request.lines;
    if (!isBalanced(lines)) throw new Error(`ledger posting ${request.key} does not balance`);
    if (lines.some((line) => line.amount === 0)) throw new Error(`ledger posting ${request.key} has a zero line`);
    const [existing] = await em.execute<{ id: string }[]>('select id from ledger_entry where idempotency_key = ?', [request.key]);
    if (existing) return { entryId: existing.id, posted: false };
    if (lines.length === 0) return { entryId: null, posted: false };

    const refs = new Map(lines.map((line) => [refKey(line.account), line.account]));
    const ids = await this.accounts(em, [...refs.values()], request.currency);
    const net = new Map<string, number>();
    for (const line of lines) net.set(refKey(line.account), (net.get(refKey(line.account)) ?? 0) + line.amount);
    const spenders = [...net].filter(([key, amount]) => amount < 0 && !mayGoNegative(refs.get(key)!.kind)).map(([key]) => ids.get(key)!);
    if (spenders.length > 0) {
      const balances = await em.execute<{ id: string; balance: string }[]>(
        'select id, balance from ledger_account where id = any(?::uuid[]) order by id for update',
        [`{${spenders.join(',')}}`],
      );
      for (const row of balances) {
        const key = [...ids].find(([, id]) => id === row.id)![0];
        const available = Number(row.balance);
        if (available + net.get(key)! < 0) {
          const ref = refs.get(key)!;
          throw request.shortfall?.(ref, available) ?? new Error(`ledger posting ${request.key} would overdraw ${ref.kind}`);
        }
      }
    }

    const entryId = randomUUID();
    const inserted = await em.execute<{ id: string }[]>(
      `insert into ledger_entry (id, kind, idempotency_key, cause_type, cause_id, deal_id, memo, created_by_id)
       values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (idempotency_key) do nothing returning id`,
      [entryId, request.kind, request.key, request.cause.type, request.cause.id, request.dealId ?? null, request.memo.slice(0, 500), request.createdBy],
    );
    if (inserted.length === 0) return { entryId: null, posted: false };
    await em.execute(
      `insert into ledger_line (entry_id, account_id, currency, amount) values ${lines.map(() => '(?, ?, ?, ?)').join(', ')}`,
      lines.flatMap((line) => [entryId, ids.get(refKey(line.account))!, request.currency, line.amount]),
    );
    return { entryId, posted: true };
  }

  /** The accounts' ids in `currency`, made when missing. */
  private async accounts(em: EntityManager, refs: readonly AccountRef[], currency: string): Promise<Map<string, string>> {
    await em.execute(
      `insert into ledger_account (id, kind, ${OWNER_COLUMNS.join(', ')}, currency) values ${refs.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}
       on conflict on constraint ledger_account_one_per_owner do nothing`,
      refs.flatMap((ref) => [randomUUID(), ref.kind, ...ownerValues(ref), currency]),
    );
    const rows = await em.execute<Record<string, string | null>[]>(
      `select id, kind, ${OWNER_COLUMNS.join(', ')} from ledger_account where currency = ? and (${refs
        .map(() => `(kind = ? and ${OWNER_COLUMNS.map((column) => `${column} is not distinct from ?::uuid`).join(' and ')})`)
        .join(' or ')})`,
      [currency, ...refs.flatMap((ref) => [ref.kind, ...ownerValues(ref)])],
    );
    const byKey = new Map(rows.map((row) => [`${row.kind}:${OWNER_COLUMNS.map((column) => row[column] ?? '').join(':')}`, row.id!]));
    return new Map(refs.map((ref) => [refKey(ref), byKey.get(`${ref.kind}:${ownerValues(ref).map((value) => value ?? '').join(':')}`)!]));
  }

  /** The account's balance in `currency`; 0 when it has none yet. */
  async balance(em: EntityManager, ref: AccountRef, currency: string): Promise<number> {
    const [row] = await em.execute<{ balance: string }[]>(
      `select balance from ledger_account where kind = ? and currency = ? and ${OWNER_COLUMNS.map((column) => `${column} is not distinct from ?::uuid`).join(' and ')}`,
      [ref.kind, currency, ...ownerValues(ref)],
    );
    return row ? Number(row.balance) : 0;
  }

  /** Every balance of the owner's accounts, by kind and currency. */
  async balancesOf(em: EntityManager, owner: LedgerOwner): Promise<{ kind: AccountKind; currency: string; amount: number }[]> {
    const [key, id] = Object.entries(owner)[0] as [keyof typeof ownerColumn, string];
    const rows = await em.execute<{ kind: AccountKind; currency: string; balance: string }[]>(
      `select kind, currency, balance from ledger_account where ${ownerColumn[key]} = ? order by kind, currency`,
      [id],
    );
    return rows.map((row) => ({ kind: row.kind, currency: row.currency, amount: Number(row.balance) }));
  }

  /** What fee releases of the deal paid the talent and the agency so far. */
  async releasedFrom(em: EntityManager, dealId: string): Promise<{ talent: number; agency: number }> {
    const rows = await em.execute<{ kind: AccountKind; total: string }[]>(
      `select account.kind, sum(line.amount) as total
         from ledger_entry entry
         join ledger_line line on line.entry_id = entry.id
         join ledger_account account on account.id = line.account_id
        where entry.deal_id = ? and entry.kind = 'FEE_RELEASE' and account.kind in ('TALENT_PAYABLE', 'AGENCY_PAYABLE')
        group by account.kind`,
      [dealId],
    );
    const of = (kind: AccountKind) => Number(rows.find((row) => row.kind === kind)?.total ?? 0);
    return { talent: of(AccountKind.TALENT_PAYABLE), agency: of(AccountKind.AGENCY_PAYABLE) };
  }

  // ---- Deposits ----------------------------------------------------------------------------

  /**
   * An admin confirms that a brand's bank transfer arrived: the brand's balance grows by it. The
   * reference is unique (case and spaces aside), so one transfer never counts twice.
   */
  async confirmDeposit(
    context: ServiceContext,
    brandId: string | null,
    input: { amount: Money; bankReference: string; note?: string | null | undefined },
  ): Promise<{ deposit: LedgerDeposit }> {
    const { em, viewer } = context;
    if (!viewer?.isAdmin) throw new AccessDenied('Only admins confirm deposits.');
    const parsed = parseInput(depositSchema, input);
    const brand = brandId ? await em.execute<{ id: string }[]>('select id from brand where id = ?', [brandId]) : [];
    if (brand.length === 0) throw Problem.notFound('brand', ['input', 'brandId']);
    const used = await em.execute<{ id: string }[]>('select id from ledger_deposit where bank_reference = ?', [parsed.bankReference]);
    if (used.length > 0) throw depositReferenceUsed();
    const deposit = em.create(LedgerDeposit, {
      brand: brandId!,
      currency: parsed.amount.currency,
      amount: parsed.amount.amount,
      bankReference: parsed.bankReference,
      note: parsed.note || null,
      confirmedBy: viewer.userId,
    });
    try {
      await em.flush();
    } catch (error) {
      if ((error as { code?: string }).code === '23505' || /unique/i.test(String(error))) throw depositReferenceUsed();
      throw error;
    }
    await this.post(em, {
      kind: 'DEPOSIT',
      key: `deposit:${parsed.bankReference}`,
      cause: { type: 'ledger_deposit', id: deposit.id },
      memo: `Bank transfer ${parsed.bankReference}`,
      createdBy: viewer.userId,
      currency: parsed.amount.currency,
      lines: [
        { account: account.bank(), amount: -parsed.amount.amount },
        { account: account.brand(brandId!), amount: parsed.amount.amount },
      ],
    });
    return { deposit };
  }

  depositsOf(em: EntityManager, brandId: string): Promise<LedgerDeposit[]> {
    return em.find(LedgerDeposit, { brand: brandId }, { orderBy: { confirmedAt: 'desc', id: 'asc' }, limit: 100 });
  }

  // ---- Statements and checks ---------------------------------------------------------------

  /**
   * The owner's main account (a brand's balance, a payee's available money) in one currency over
   * [from, to): the balance before, each line with the balance after it, the balance at the end.
   */
  async statement(em: EntityManager, owner: LedgerOwner, currency: string, from: Date, to: Date): Promise<Statement> {
    const ref = 'brandId' in owner ? account.brand(owner.brandId) : account.payable(owner);
    const [row] = await em.execute<{ id: string }[]>(
      `select id from ledger_account where kind = ? and currency = ? and ${OWNER_COLUMNS.map((column) => `${column} is not distinct from ?::uuid`).join(' and ')}`,
      [ref.kind, currency, ...ownerValues(ref)],
    );
    if (!row) return { currency, from, to, opening: 0, closing: 0, lines: [], truncated: false };
    const [{ opening }] = (await em.execute<{ opening: string }[]>(
      `select coalesce(sum(line.amount), 0) as opening from ledger_line line join ledger_entry entry on entry.id = line.entry_id
        where line.account_id = ? and entry.created_at < ?`,
      [row.id, from],
    )) as [{ opening: string }];
    const rows = await em.execute<{ entry_id: string; kind: EntryKind; memo: string; deal_id: string | null; created_at: Date; amount: string }[]>(
      `select entry.id as entry_id, entry.kind, entry.memo, entry.deal_id, entry.created_at, line.amount
         from ledger_line line join ledger_entry entry on entry.id = line.entry_id
        where line.account_id = ? and entry.created_at >= ? and entry.created_at < ?
        order by line.id limit ?`,
      [row.id, from, to, MAX_STATEMENT_LINES + 1],
    );
    let running = Number(opening);
    const lines = rows.slice(0, MAX_STATEMENT_LINES).map((line) => {
      running += Number(line.amount);
      return { entryId: line.entry_id, kind: line.kind, memo: line.memo, dealId: line.deal_id, at: new Date(line.created_at), amount: Number(line.amount), balanceAfter: running };
    });
    return { currency, from, to, opening: Number(opening), closing: running, lines, truncated: rows.length > MAX_STATEMENT_LINES };
  }

  /** Whether the viewer sees the owner's money: its own people, and admins. */
  sees(viewer: Viewer | null, owner: LedgerOwner): boolean {
    return seesLedgerOf(viewer, owner);
  }

  /** `statement` over a period of at most 366 days that ends after it starts (OUT_OF_RANGE otherwise). */
  statementFor(em: EntityManager, owner: LedgerOwner, currency: string, from: Date, to: Date): Promise<Statement> {
    const days = (to.getTime() - from.getTime()) / 86_400_000;
    if (!(days > 0 && days <= 366)) throw Problem.of(ProblemCode.OUT_OF_RANGE, 'A statement covers more than nothing and at most 366 days: to comes after from.', ['input', 'to']);
    return this.statement(em, owner, currency, from, to);
  }

  /** Proves the ledger: every entry balances, every cached balance is the sum of its lines, nothing is overdrawn. */
  async check(em: EntityManager): Promise<LedgerCheck> {
    const unbalanced = await em.execute<{ id: string }[]>(
      `select entry.id from ledger_entry entry left join ledger_line line on line.entry_id = entry.id
        group by entry.id having count(line.id) < 2
       union
       select entry_id from ledger_line group by entry_id, currency having sum(amount) <> 0`,
    );
    const mismatched = await em.execute<{ id: string; cached: string; computed: string }[]>(
      `select account.id, account.balance as cached, coalesce(sum(line.amount), 0) as computed
         from ledger_account account left join ledger_line line on line.account_id = account.id
        group by account.id having account.balance <> coalesce(sum(line.amount), 0)`,
    );
    const overdrawn = await em.execute<{ id: string }[]>(`select id from ledger_account where kind <> 'BANK' and balance < 0`);
    const totals = await em.execute<{ currency: string; total: string }[]>('select currency, sum(balance) as total from ledger_account group by currency order by currency');
    const [counts] = (await em.execute<{ entries: string; accounts: string }[]>(
      'select (select count(*) from ledger_entry) as entries, (select count(*) from ledger_account) as accounts',
    )) as [{ entries: string; accounts: string }];
    return {
      entries: Number(counts.entries),
      accounts: Number(counts.accounts),
      unbalancedEntries: unbalanced.map((row) => row.id),
      mismatchedAccounts: mismatched.map((row) => ({ id: row.id, cached: Number(row.cached), computed: Number(row.computed) })),
      overdrawnAccounts: overdrawn.map((row) => row.id),
      totals: totals.map((row) => ({ currency: row.currency, total: Number(row.total) })),
    };
  }
}

function depositReferenceUsed(): Problem {
  return Problem.of(LedgerProblem.DEPOSIT_REFERENCE_USED, 'A deposit with this bank-transfer reference was already confirmed.', ['input', 'bankReference']);
}

/** The refusal for a brand whose balance does not cover a charge. */
export function brandShortfall(field: (string | number)[] | null) {
  return (ref: AccountRef, available: number): Problem =>
    ref.kind === AccountKind.DEAL_ESCROW
      ? Problem.of(LedgerProblem.EXCEEDS_ESCROW, `The deal holds only ${available} minor units in escrow.`, field)
      : Problem.of(LedgerProblem.INSUFFICIENT_FUNDS, `The brand’s balance (${available} minor units available) does not cover this; an admin confirms a deposit to top it up.`, field);
}

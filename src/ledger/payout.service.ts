import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { Viewer } from '../auth/viewer.js';
import { AccessDenied, Problem, ProblemCode, parseInput } from '../common/problems.js';
import type { ServiceContext } from '../common/service-context.js';
import { CurrencyCode, type Money, moneySchema } from '../common/money.js';
import { Payout, PayoutBatch, PayoutDetails } from './ledger.entity.js';
import { LedgerProblem } from './ledger.problems.js';
import type { LedgerService } from './ledger.service.js';
import { account, type PayeeOwner } from './postings.js';
import { PayoutAction, payoutTransitions } from './payout.transitions.js';
import { actsForPayee } from './ledger.visibility.js';

const detailsSchema = z.object({
  accountName: z.string().trim().min(1, 'Give the account holder’s name.').max(200, 'At most 200 characters.'),
  bankName: z.string().trim().min(1, 'Give the bank’s name.').max(200, 'At most 200 characters.'),
  accountNumber: z
    .string()
    .transform((value) => value.replace(/[\s-]/g, ''))
    .pipe(z.string().regex(/^[A-Za-z0-9]{4,64}$/, 'An account number or IBAN: 4 to 64 letters and digits.')),
});
export type PayoutDetailsInput = z.input<typeof detailsSchema>;

const referenceSchema = z.string().trim().min(1, 'Give the bank-transfer reference.').max(100, 'At most 100 characters.');
const reasonSchema = z.string().trim().min(1, 'Say why it failed.').max(2000, 'At most 2000 characters.');

const payeeColumn = (payee: PayeeOwner) => ('creatorId' in payee ? 'creator' : 'traderId' in payee ? 'trader' : 'agency');
const payeeId = (payee: PayeeOwner) => ('creatorId' in payee ? payee.creatorId : 'traderId' in payee ? payee.traderId : payee.agencyId);

/**
 * Payouts: a payee asks for what is available to be sent to its bank account; an admin takes the
 * requests into a batch, then marks each paid with the bank's reference, or failed, which returns
 * the money to the payee's balance. Each step moves the money in the transaction of its status change.
 */
export class PayoutService {
  constructor(
    private readonly ledger: LedgerService,
    /** Days after which money a payee never claimed returns to the brand that paid it. */
    private readonly unclaimedReturnDays: number,
  ) {}

  async setDetails(context: ServiceContext, payee: PayeeOwner | null, input: PayoutDetailsInput): Promise<{ details: PayoutDetails }> {
    this.payeeViewer(context, payee);
    await this.assertPayeeExists(context.em, payee!);
    const parsed = parseInput(detailsSchema, input);
    const owner = { [payeeColumn(payee!)]: payeeId(payee!) };
    const details = (await context.em.findOne(PayoutDetails, owner)) ?? context.em.create(PayoutDetails, { ...owner, ...parsed });
    Object.assign(details, parsed);
    await context.em.flush();
    return { details };
  }

  async detailsOf(context: ServiceContext, payee: PayeeOwner | null): Promise<PayoutDetails | null> {
    this.payeeViewer(context, payee, true);
    return context.em.findOne(PayoutDetails, { [payeeColumn(payee!)]: payeeId(payee!) });
  }

  /** The payee asks to be paid `amount` of what is available in its currency. */
  async request(context: ServiceContext, payee: PayeeOwner | null, amount: Money): Promise<{ payout: Payout }> {
    const viewer = this.payeeViewer(context, payee);
    const { em } = context;
    await this.assertPayeeExists(em, payee!);
    const money = parseInput(
      moneySchema.refine((value) => value.amount > 0, { message: 'A payout is more than zero.', params: { code: ProblemCode.OUT_OF_RANGE } }),
      amount,
      'amount',
    );
    const details = await em.findOne(PayoutDetails, { [payeeColumn(payee!)]: payeeId(payee!) });
    if (!details) throw Problem.of(LedgerProblem.NO_PAYOUT_DETAILS, 'Set payout details (payoutDetailsSet) before asking for a payout.', ['input', 'payeeId']);
    const payout = em.create(Payout, {
      [payeeColumn(payee!)]: payeeId(payee!),
      currency: money.currency,
      amount: money.amount,
      accountName: details.accountName,
      bankName: details.bankName,
      accountNumber: details.accountNumber,
      requestedBy: viewer.userId,
    });
    await em.flush();
    await this.ledger.post(em, {
      kind: 'PAYOUT_REQUESTED',
      key: `payout-requested:${payout.id}`,
      cause: { type: 'payout', id: payout.id },
      memo: `Payout requested to ${details.bankName}`,
      createdBy: viewer.userId,
      currency: money.currency,
      lines: [
        { account: account.payable(payee!), amount: -money.amount },
        { account: account.inTransit(payee!), amount: money.amount },
      ],
      shortfall: (_ref, available) =>
        Problem.of(LedgerProblem.EXCEEDS_AVAILABLE, `Only ${available} minor units of ${money.currency} are available for payout.`, ['input', 'amount', 'amount']),
    });
    return { payout };
  }

  /** Admin: every requested payout in `currency` goes into one new batch, PROCESSING. */
  async createBatch(context: ServiceContext, currency: string): Promise<{ batch: PayoutBatch | null; payouts: Payout[] }> {
    const viewer = adminOnly(context.viewer);
    if (!(Object.values(CurrencyCode) as string[]).includes(currency)) throw Problem.of(ProblemCode.INVALID, 'Not a supported currency.', ['currency']);
    const { em } = context;
    const batch = em.create(PayoutBatch, { currency, createdBy: viewer.userId });
    await em.flush();
    const rows = await em.execute<{ id: string }[]>(
      `update payout set status = ?, batch_id = ?, processing_at = now() where status = any(?::text[]) and currency = ? returning id`,
      [payoutTransitions.next('REQUESTED', PayoutAction.BATCH), batch.id, `{${payoutTransitions.statesAllowing(PayoutAction.BATCH).join(',')}}`, currency],
    );
    if (rows.length === 0) {
      throw Problem.of(ProblemCode.ILLEGAL_TRANSITION, `No payout in ${currency} awaits a batch.`, ['currency']);
    }
    const payouts = await em.find(Payout, { id: { $in: rows.map((row) => row.id) } }, { refresh: true, orderBy: { requestedAt: 'asc' } });
    return { batch, payouts };
  }

  /** Admin: the bank transfer of a PROCESSING payout went through, with its reference. */
  async markPaid(context: ServiceContext, payoutId: string | null, bankReference: string): Promise<{ payout: Payout }> {
    const viewer = adminOnly(context.viewer);
    const reference = parseInput(referenceSchema, bankReference, 'bankReference');
    const payout = await this.lockFor(context.em, payoutId, PayoutAction.MARK_PAID);
    const taken = await context.em.execute('select 1 from payout where bank_reference = ?', [reference]);
    if (taken.length > 0) throw Problem.of(ProblemCode.DUPLICATE, 'A payout with this bank reference is already marked paid.', ['bankReference']);
    Object.assign(payout, { status: payoutTransitions.next(payout.status, PayoutAction.MARK_PAID)!, bankReference: reference, paidAt: new Date() });
    await context.em.flush();
    const payee = payeeOf(payout);
    await this.ledger.post(context.em, {
      kind: 'PAYOUT_PAID',
      key: `payout-paid:${payout.id}`,
      cause: { type: 'payout', id: payout.id },
      memo: `Payout paid, bank reference ${reference}`,
      createdBy: viewer.userId,
      currency: payout.currency,
      lines: [
        { account: account.inTransit(payee), amount: -payout.amount },
        { account: account.bank(), amount: payout.amount },
      ],
    });
    return { payout };
  }

  /** Admin: the transfer failed; the money goes back to what the payee has available. */
  async markFailed(context: ServiceContext, payoutId: string | null, reason: string): Promise<{ payout: Payout }> {
    const viewer = adminOnly(context.viewer);
    const text = parseInput(reasonSchema, reason, 'reason');
    const payout = await this.lockFor(context.em, payoutId, PayoutAction.MARK_FAILED);
    Object.assign(payout, { status: payoutTransitions.next(payout.status, PayoutAction.MARK_FAILED)!, failureReason: text, failedAt: new Date() });
    await context.em.flush();
    const payee = payeeOf(payout);
    await this.ledger.post(context.em, {
      kind: 'PAYOUT_RETURNED',
      key: `payout-returned:${payout.id}`,
      cause: { type: 'payout', id: payout.id },
      memo: `Payout failed and returned: ${text}`,
      createdBy: viewer.userId,
      currency: payout.currency,
      lines: [
        { account: account.inTransit(payee), amount: -payout.amount },
        { account: account.payable(payee), amount: payout.amount },
      ],
    });
    return { payout };
  }

  /**
   * Money a talent or agency has not claimed `unclaimedReturnDays` after earning it goes back to
   * the brand that paid it. Payouts (and earlier returns) take the oldest earnings first, and a
   * failed payout gives back what it took, so what is left of an old credit is what was never
   * claimed. Each credit returns at most once (its line names the entry's key). Says how many
   * entries it posted.
   */
  async returnUnclaimed({ em }: ServiceContext, now: Date = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.unclaimedReturnDays * 86_400_000);
    const accounts = await em.execute<{ id: string; creator_id: string | null; trader_id: string | null; agency_id: string | null; currency: string }[]>(
      `select account.id, account.creator_id, account.trader_id, account.agency_id, account.currency
         from ledger_account account
        where account.kind in ('TALENT_PAYABLE', 'AGENCY_PAYABLE') and account.balance > 0
          and exists (select 1 from ledger_line line join ledger_entry entry on entry.id = line.entry_id
                       where line.account_id = account.id and line.amount > 0 and entry.deal_id is not null and entry.created_at <= ?)
        order by account.id limit 100`,
      [cutoff],
    );
    let posted = 0;
    for (const row of accounts) {
      await em.execute('select 1 from ledger_account where id = ? for update', [row.id]);
      const lines = await em.execute<{ id: string; amount: string; deal_id: string | null; brand_id: string | null; created_at: Date }[]>(
        `select line.id, line.amount, entry.deal_id, deal.brand_id, entry.created_at
           from ledger_line line join ledger_entry entry on entry.id = line.entry_id left join deal on deal.id = entry.deal_id
          where line.account_id = ? order by line.id`,
        [row.id],
      );
      const isEarning = (line: (typeof lines)[number]) => Number(line.amount) > 0 && line.deal_id !== null;
      let taken = Math.max(0, lines.reduce((sum, line) => (isEarning(line) ? sum : sum - Number(line.amount)), 0));
      const payee: PayeeOwner = row.creator_id ? { creatorId: row.creator_id } : row.trader_id ? { traderId: row.trader_id } : { agencyId: row.agency_id! };
      for (const line of lines.filter(isEarning)) {
        const amount = Number(line.amount);
        const left = amount - Math.min(taken, amount);
        taken -= amount - left;
        if (left === 0 || new Date(line.created_at) > cutoff) continue;
        const result = await this.ledger.post(em, {
          kind: 'UNCLAIMED_RETURN',
          key: `unclaimed-return:${line.id}`,
          cause: { type: 'deal', id: line.deal_id! },
          dealId: line.deal_id,
          memo: `Unclaimed for ${this.unclaimedReturnDays} days; returned to the brand`,
          createdBy: null,
          currency: row.currency,
          lines: [
            { account: account.payable(payee), amount: -left },
            { account: account.brand(line.brand_id!), amount: left },
          ],
        });
        if (result.posted) posted += 1;
      }
    }
    return posted;
  }

  /** The payee's payouts, newest first (its own people and admins). */
  async of(context: ServiceContext, payee: PayeeOwner | null): Promise<Payout[]> {
    this.payeeViewer(context, payee, true);
    return context.em.find(Payout, { [payeeColumn(payee!)]: payeeId(payee!) }, { orderBy: { requestedAt: 'desc', id: 'asc' }, limit: 100 });
  }

  /** Admin: payouts in a status, oldest first. */
  async inStatus(context: ServiceContext, status: Payout['status']): Promise<Payout[]> {
    adminOnly(context.viewer);
    return context.em.find(Payout, { status }, { orderBy: { requestedAt: 'asc', id: 'asc' }, limit: 100 });
  }

  async visibleById(context: ServiceContext, payoutId: string): Promise<Payout | null> {
    const payout = await context.em.findOne(Payout, payoutId);
    if (!payout || !context.viewer) return null;
    return context.viewer.isAdmin || actsForPayee(context.viewer, payeeOf(payout)) ? payout : null;
  }

  private payeeViewer(context: ServiceContext, payee: PayeeOwner | null, adminMayRead = false): Viewer {
    const viewer = context.viewer;
    if (!viewer) throw new AccessDenied('Sign in first.');
    if (!payee || !(actsForPayee(viewer, payee) || (adminMayRead && viewer.isAdmin))) throw Problem.notFound('payee', ['input', 'payeeId']);
    return viewer;
  }

  private async assertPayeeExists(em: EntityManager, payee: PayeeOwner): Promise<void> {
    const rows = await em.execute(`select 1 from ${payeeColumn(payee)} where id = ?`, [payeeId(payee)]);
    if (rows.length === 0) throw Problem.notFound('payee', ['input', 'payeeId']);
  }

  private async lockFor(em: EntityManager, payoutId: string | null, action: PayoutAction): Promise<Payout> {
    const payout = payoutId ? await em.findOne(Payout, payoutId, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true }) : null;
    if (!payout) throw Problem.notFound('payout', ['id']);
    if (!payoutTransitions.next(payout.status, action)) {
      throw Problem.of(ProblemCode.ILLEGAL_TRANSITION, `This payout is ${payout.status}; only a ${payoutTransitions.statesAllowing(action).join(' or ')} payout can be.`, ['id']);
    }
    return payout;
  }
}

function adminOnly(viewer: Viewer | null): Viewer {
  if (!viewer?.isAdmin) throw new AccessDenied('Only admins process payouts.');
  return viewer;
}

export function payeeOf(payout: Payout): PayeeOwner {
  if (payout.creator) return { creatorId: payout.creator.id };
  if (payout.trader) return { traderId: payout.trader.id };
  return { agencyId: payout.agency!.id };
}

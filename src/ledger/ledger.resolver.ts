import { Arg, Authorized, Ctx, Mutation, Query, Resolver, ID } from 'type-graphql';
import { Role } from '../auth/viewer.js';
import { CurrencyCode } from '../common/money.js';
import type { RequestContext } from '../graphql/context.js';
import { fromGlobalId, idOfType, toGlobalId } from '../graphql/global-id.js';
import { mutate, mutateOnce } from '../graphql/mutation.js';
import { defineNode } from '../graphql/node.js';
import { type LedgerDeposit, Payout, type PayoutDetails, PayoutStatus } from './ledger.entity.js';
import { LedgerDepositConfirmInput, LedgerStatementInput, PayoutDetailsSetInput, PayoutRequestInput } from './ledger.inputs.js';
import type { LedgerOwner } from './ledger.service.js';
import type { PayeeOwner } from './postings.js';
import {
  LedgerBalance,
  LedgerDepositConfirmPayload,
  LedgerDepositType,
  LedgerStatement,
  PayoutBatchPayload,
  PayoutDetailsSetPayload,
  PayoutDetailsType,
  PayoutPayload,
  PayoutType,
} from './ledger.types.js';
import { statementCsv } from './statement-csv.js';

defineNode({ typeName: 'Payout', entity: Payout, load: (context, id) => context.services.payouts.visibleById(context, id) });

/** A brand, creator, trader or agency by its global id; null for any other id. */
function ownerOf(globalId: string): LedgerOwner | null {
  const parsed = fromGlobalId(globalId);
  switch (parsed?.typeName) {
    case 'Brand':
      return { brandId: parsed.id };
    case 'Creator':
      return { creatorId: parsed.id };
    case 'Trader':
      return { traderId: parsed.id };
    case 'Agency':
      return { agencyId: parsed.id };
    default:
      return null;
  }
}

const payeeOf = (globalId: string): PayeeOwner | null => {
  const owner = ownerOf(globalId);
  return owner && !('brandId' in owner) ? owner : null;
};

const last4 = (accountNumber: string) => accountNumber.slice(-4);

const payoutView = (payout: Payout) => Object.assign(payout, { amount: { amount: payout.amount, currency: payout.currency }, accountNumberLast4: last4(payout.accountNumber) });
const depositView = (deposit: LedgerDeposit) => ({ ...deposit, id: toGlobalId('LedgerDeposit', deposit.id), amount: { amount: deposit.amount, currency: deposit.currency } });
const detailsView = (details: PayoutDetails) => ({ accountName: details.accountName, bankName: details.bankName, accountNumberLast4: last4(details.accountNumber) });

@Resolver()
export class LedgerResolver {
  @Authorized()
  @Query(() => [LedgerBalance], {
    nullable: true,
    description:
      'Every ledger balance of a brand (its balance) or a payee (available money and payouts in transit), by currency. The brand’s members, the payee’s people and admins; null for anyone else, as for an unknown id.',
  })
  async ledgerBalances(@Arg('ownerId', () => ID, { description: 'A brand, creator, operator (trader) or agency.' }) ownerId: string, @Ctx() context: RequestContext) {
    const owner = ownerOf(ownerId);
    if (!owner || !context.services.ledger.sees(context.viewer, owner)) return null;
    const balances = await context.services.ledger.balancesOf(context.em, owner);
    return balances.map((row) => ({ account: row.kind, balance: { amount: row.amount, currency: row.currency } }));
  }

  @Authorized()
  @Query(() => LedgerStatement, {
    nullable: true,
    description:
      'A statement of a brand’s balance or a payee’s available money over a period (at most 366 days), with its CSV. The brand’s members, the payee’s people and admins; null for anyone else, as for an unknown id.',
  })
  async ledgerStatement(@Arg('input', () => LedgerStatementInput, { description: 'Whose account, which currency and which period.' }) input: LedgerStatementInput, @Ctx() context: RequestContext) {
    const owner = ownerOf(input.ownerId);
    if (!owner || !context.services.ledger.sees(context.viewer, owner)) return null;
    const statement = await context.services.ledger.statementFor(context.em, owner, input.currency, input.from, input.to);
    const money = (amount: number) => ({ amount, currency: statement.currency });
    const dealId = (rowId: string) => toGlobalId('Deal', rowId);
    return {
      from: statement.from,
      to: statement.to,
      opening: money(statement.opening),
      closing: money(statement.closing),
      truncated: statement.truncated,
      lines: statement.lines.map((line) => ({ ...line, dealId: line.dealId && dealId(line.dealId), amount: money(line.amount), balanceAfter: money(line.balanceAfter) })),
      csv: statementCsv(statement, dealId),
    };
  }

  @Authorized()
  @Query(() => [LedgerDepositType], { nullable: true, description: 'A brand’s confirmed deposits, newest first (100). Its members and admins; null for anyone else.' })
  async ledgerDeposits(@Arg('brandId', () => ID, { description: 'The brand whose deposits to list.' }) brandId: string, @Ctx() context: RequestContext) {
    const id = idOfType(brandId, 'Brand');
    if (!id || !context.services.ledger.sees(context.viewer, { brandId: id })) return null;
    return (await context.services.ledger.depositsOf(context.em, id)).map(depositView);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => LedgerDepositConfirmPayload, {
    description:
      'Confirms that a brand’s bank transfer arrived: its balance grows by the amount. Admins only. DEPOSIT_REFERENCE_USED when the reference was confirmed before; OUT_OF_RANGE for an amount of zero; NOT_FOUND for an unknown brand.',
  })
  async ledgerDepositConfirm(@Arg('input', () => LedgerDepositConfirmInput, { description: 'The brand, the amount received and the bank-transfer reference.' }) input: LedgerDepositConfirmInput, @Ctx() context: RequestContext) {
    const result = await mutate(context, (tx) => context.services.ledger.confirmDeposit(tx, idOfType(input.brandId, 'Brand'), input));
    return { ...result, ...(result.deposit ? { deposit: depositView(result.deposit) } : {}) };
  }
}

@Resolver()
export class PayoutResolver {
  @Authorized()
  @Query(() => PayoutDetailsType, { nullable: true, description: 'Where the payee’s money goes; null when not set, or for anyone but the payee’s people and admins.' })
  async payoutDetails(@Arg('payeeId', () => ID, { description: 'A creator, operator (trader) or agency.' }) payeeId: string, @Ctx() context: RequestContext) {
    const payee = payeeOf(payeeId);
    if (!payee || !context.services.ledger.sees(context.viewer, payee)) return null;
    const details = await context.services.payouts.detailsOf(context, payee);
    return details && detailsView(details);
  }

  @Authorized()
  @Query(() => [PayoutType], { nullable: true, description: 'The payee’s payouts, newest first (100). Its people and admins; null for anyone else.' })
  async payouts(@Arg('payeeId', () => ID, { description: 'The creator, operator or agency whose payouts to list.' }) payeeId: string, @Ctx() context: RequestContext) {
    const payee = payeeOf(payeeId);
    if (!payee || !context.services.ledger.sees(context.viewer, payee)) return null;
    return (await context.services.payouts.of(context, payee)).map(payoutView);
  }

  @Authorized(Role.ADMIN)
  @Query(() => [PayoutType], { description: 'Payouts in a status, oldest first (100): the admin’s work list. Admins only.' })
  async payoutsInStatus(@Arg('status', () => PayoutStatus, { description: 'The status of the payouts to list.' }) status: PayoutStatus, @Ctx() context: RequestContext) {
    return (await context.services.payouts.inStatus(context, status)).map(payoutView);
  }

  @Authorized()
  @Mutation(() => PayoutDetailsSetPayload, { description: 'Sets where the payee’s money goes. The creator or operator themself, or a member of the agency. OUT_OF_RANGE or INVALID for malformed details.' })
  async payoutDetailsSet(@Arg('input', () => PayoutDetailsSetInput, { description: 'The payee and the bank account to pay them in.' }) input: PayoutDetailsSetInput, @Ctx() context: RequestContext) {
    const result = await mutate(context, (tx) => context.services.payouts.setDetails(tx, payeeOf(input.payeeId), input));
    return { ...result, ...(result.details ? { details: detailsView(result.details) } : {}) };
  }

  @Authorized()
  @Mutation(() => PayoutPayload, {
    description:
      'Asks for a payout of what is available; the money is in transit until an admin marks it paid or failed. The creator or operator themself, or a member of the agency. EXCEEDS_AVAILABLE above what is available in that currency; NO_PAYOUT_DETAILS before payoutDetailsSet. With an idempotency key a retry answers with the first payout.',
  })
  async payoutRequest(
    @Arg('input', () => PayoutRequestInput, { description: 'The payee and the amount to pay out, at most what is available.' }) input: PayoutRequestInput,
    @Ctx() context: RequestContext,
    @Arg('idempotencyKey', () => String, { nullable: true, description: 'Makes the request safe to retry.' }) idempotencyKey?: string | null,
  ) {
    const result = await mutateOnce(
      context,
      { operation: 'payoutRequest', argumentKey: idempotencyKey, input },
      async (tx) => {
        const { payout } = await context.services.payouts.request(tx, payeeOf(input.payeeId), input.amount);
        return { result: { payout }, resultId: payout.id };
      },
      async (tx, payoutId) => ({ payout: await tx.em.findOneOrFail(Payout, payoutId) }),
    );
    return { ...result, ...(result.payout ? { payout: payoutView(result.payout) } : {}) };
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => PayoutBatchPayload, { description: 'Takes every REQUESTED payout in a currency into one batch, PROCESSING; no batch (batchId null, payouts empty) when none awaits. Admins only.' })
  async payoutBatchCreate(@Arg('currency', () => CurrencyCode, { description: 'The currency of the requested payouts to batch.' }) currency: CurrencyCode, @Ctx() context: RequestContext) {
    const result = await mutate(context, (tx) => context.services.payouts.createBatch(tx, currency));
    if (result.userErrors.length > 0) return { userErrors: result.userErrors };
    return { userErrors: [], batchId: result.batch ? toGlobalId('PayoutBatch', result.batch.id) : null, payouts: result.payouts!.map(payoutView) };
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => PayoutPayload, { description: 'Marks a PROCESSING payout paid with the bank’s reference. Admins only. ILLEGAL_TRANSITION from any other status; DUPLICATE for a reference already used.' })
  async payoutMarkPaid(@Arg('id', () => ID, { description: 'The payout that was paid.' }) id: string, @Arg('bankReference', { description: 'The reference of the bank transfer that paid it.' }) bankReference: string, @Ctx() context: RequestContext) {
    const result = await mutate(context, (tx) => context.services.payouts.markPaid(tx, idOfType(id, 'Payout'), bankReference));
    return { ...result, ...(result.payout ? { payout: payoutView(result.payout) } : {}) };
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => PayoutPayload, { description: 'Marks a PROCESSING payout failed: its money returns to the payee’s available balance. Admins only. ILLEGAL_TRANSITION from any other status.' })
  async payoutMarkFailed(@Arg('id', () => ID, { description: 'The payout that failed.' }) id: string, @Arg('reason', { description: 'Why the transfer failed, as the bank said.' }) reason: string, @Ctx() context: RequestContext) {
    const result = await mutate(context, (tx) => context.services.payouts.markFailed(tx, idOfType(id, 'Payout'), reason));
    return { ...result, ...(result.payout ? { payout: payoutView(result.payout) } : {}) };
  }
}

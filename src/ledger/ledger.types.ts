import { SafeIntResolver } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Money, UserError } from '../graphql/common-types.js';
import { Node } from '../graphql/node.js';
import { PayoutStatus } from './ledger.entity.js';
import { AccountKind, EntryKind } from './postings.js';

registerEnumType(AccountKind, {
  name: 'LedgerAccountKind',
  description: 'What a ledger account holds.',
  valuesConfig: {
    BRAND_BALANCE: { description: 'A brand’s deposited money not yet committed to a deal.' },
    DEAL_ESCROW: { description: 'A deal’s fixed fee, held from its start until approval, settlement or cancellation.' },
    TALENT_PAYABLE: { description: 'What a creator or operator has earned and may ask to be paid.' },
    AGENCY_PAYABLE: { description: 'What an agency has earned (its share) and may ask to be paid.' },
    PAYOUT_IN_TRANSIT: { description: 'Payouts requested and not yet paid or returned.' },
    PLATFORM_REVENUE: { description: 'The platform’s fees.' },
    BANK: { description: 'The bank: where deposits come from and paid payouts go.' },
  },
});

registerEnumType(EntryKind, {
  name: 'LedgerEntryKind',
  description: 'Why money moved.',
  valuesConfig: {
    DEPOSIT: { description: 'An admin confirmed a brand’s bank transfer.' },
    DEAL_FUNDING: { description: 'A deal’s fixed fee went into escrow as it started (or as an amendment raised it).' },
    FEE_RELEASE: { description: 'An approved deliverable released its share of the fee to the talent’s side.' },
    SETTLEMENT: { description: 'The deal settled: commission, make-good, agency share and platform fee as its settlement says.' },
    ESCROW_REFUND: { description: 'Escrow went back to the brand: the deal was cancelled, or an amendment lowered the fee.' },
    DISPUTE_SPLIT: { description: 'An admin divided a disputed deal’s escrow between the sides.' },
    PAYOUT_REQUESTED: { description: 'A payee asked to be paid; the money is in transit.' },
    PAYOUT_PAID: { description: 'An admin marked the payout’s bank transfer paid.' },
    PAYOUT_RETURNED: { description: 'The payout failed and its money returned to the payee’s balance.' },
    UNCLAIMED_RETURN: { description: 'Money a payee never claimed went back to the brand that paid it.' },
  },
});

registerEnumType(PayoutStatus, {
  name: 'PayoutStatus',
  description: 'Where a payout is: REQUESTED → PROCESSING → PAID, or FAILED (its money returned to the payee’s balance).',
  valuesConfig: {
    REQUESTED: { description: 'Asked for; awaits an admin’s batch.' },
    PROCESSING: { description: 'In a batch sent to the bank.' },
    PAID: { description: 'The bank transfer went through. Final.' },
    FAILED: { description: 'The transfer failed; the money is available again. Final.' },
  },
});

@ObjectType({ description: 'The balance of one of the owner’s ledger accounts.' })
export class LedgerBalance {
  @Field(() => AccountKind, { description: 'Which account.' })
  account!: AccountKind;

  @Field(() => Money, { description: 'What it holds.' })
  balance!: Money;
}

@ObjectType({ description: 'One movement of a statement’s account.' })
export class LedgerStatementLine {
  @Field(() => ID, { description: 'The journal entry the line belongs to.' })
  entryId!: string;

  @Field(() => EntryKind, { description: 'Why the money moved.' })
  kind!: EntryKind;

  @Field({ description: 'What the entry says of itself.' })
  memo!: string;

  @Field(() => ID, { nullable: true, description: 'The deal the money concerns (a global id); null for deposits and payouts.' })
  dealId!: string | null;

  @Field(() => Date, { description: 'When it was posted.' })
  at!: Date;

  @Field(() => Money, { description: 'Into the account when positive, out of it when negative.' })
  amount!: Money;

  @Field(() => Money, { description: 'The account’s balance after this line.' })
  balanceAfter!: Money;
}

@ObjectType({ description: 'A brand’s balance, or a payee’s available money, over a period in one currency.' })
export class LedgerStatement {
  @Field(() => Date, { description: 'Start of the period (included).' })
  from!: Date;

  @Field(() => Date, { description: 'End of the period (excluded).' })
  to!: Date;

  @Field(() => Money, { description: 'Balance at the start.' })
  opening!: Money;

  @Field(() => Money, { description: 'Balance at the end.' })
  closing!: Money;

  @Field(() => [LedgerStatementLine], { description: 'Every movement in the period, oldest first.' })
  lines!: LedgerStatementLine[];

  @Field({ description: 'True when the period held more lines than one statement gives (5000); ask for a shorter period.' })
  truncated!: boolean;

  @Field({ description: 'The same statement as CSV (RFC 4180), amounts in integer minor units.' })
  csv!: string;
}

@ObjectType('LedgerDeposit', { description: 'A brand’s bank transfer, confirmed by an admin. Visible to the brand’s members and admins.' })
export class LedgerDepositType {
  @Field(() => ID, { description: 'The deposit.' })
  id!: string;

  @Field(() => Money, { description: 'What arrived.' })
  amount!: Money;

  @Field({ description: 'The bank-transfer reference it was confirmed against.' })
  bankReference!: string;

  @Field(() => String, { nullable: true, description: 'The admin’s note.' })
  note!: string | null;

  @Field(() => Date, { description: 'When it was confirmed.' })
  confirmedAt!: Date;
}

@ObjectType('PayoutDetails', { description: 'Where a payee’s money goes. The account number is shown by its last four characters only.' })
export class PayoutDetailsType {
  @Field({ description: 'The account holder.' })
  accountName!: string;

  @Field({ description: 'The bank.' })
  bankName!: string;

  @Field({ description: 'The last four characters of the account number.' })
  accountNumberLast4!: string;
}

@ObjectType('Payout', { implements: Node, description: 'A payee’s request to be paid, and its way through a bank transfer. Visible to the payee’s people and admins.' })
export class PayoutType extends Node {
  @Field(() => Money, { description: 'How much.' })
  amount!: Money;

  @Field(() => PayoutStatus, { description: 'Where it is.' })
  status!: PayoutStatus;

  @Field({ description: 'The bank it goes to, as the payout details said when it was requested.' })
  bankName!: string;

  @Field({ description: 'The last four characters of the account number it goes to.' })
  accountNumberLast4!: string;

  @Field(() => String, { nullable: true, description: 'The bank’s reference, once PAID.' })
  bankReference!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it failed, once FAILED.' })
  failureReason!: string | null;

  @Field(() => Date, { description: 'When it was asked for.' })
  requestedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it went into a batch.' })
  processingAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was marked paid.' })
  paidAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was marked failed.' })
  failedAt!: Date | null;
}

@ObjectType({ description: 'The result of ledgerDepositConfirm.' })
export class LedgerDepositConfirmPayload {
  @Field(() => LedgerDepositType, { nullable: true, description: 'The deposit; null when refused.' })
  deposit?: LedgerDepositType;

  @Field(() => [UserError], { description: 'Why the request was refused; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'The result of payoutDetailsSet.' })
export class PayoutDetailsSetPayload {
  @Field(() => PayoutDetailsType, { nullable: true, description: 'The details as saved; null when refused.' })
  details?: PayoutDetailsType;

  @Field(() => [UserError], { description: 'Why the request was refused; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'The result of payoutRequest, payoutMarkPaid and payoutMarkFailed.' })
export class PayoutPayload {
  @Field(() => PayoutType, { nullable: true, description: 'The payout; null when refused.' })
  payout?: PayoutType;

  @Field(() => [UserError], { description: 'Why the request was refused; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'The result of payoutBatchCreate.' })
export class PayoutBatchPayload {
  @Field(() => ID, { nullable: true, description: 'The batch; null when refused.' })
  batchId?: string;

  @Field(() => [PayoutType], { nullable: true, description: 'The payouts it took, now PROCESSING; null when refused.' })
  payouts?: PayoutType[];

  @Field(() => [UserError], { description: 'Why the request was refused; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'What the ledger check found.' })
export class LedgerCheckResult {
  @Field(() => SafeIntResolver, { description: 'Journal entries checked.' })
  entries!: number;

  @Field({ description: 'True when every entry balances, every cached balance matches its lines and no account is overdrawn.' })
  ok!: boolean;
}

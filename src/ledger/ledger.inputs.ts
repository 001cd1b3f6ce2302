import { Field, ID, InputType } from 'type-graphql';
import { CurrencyCode } from '../common/money.js';
import { MoneyInput } from '../graphql/common-types.js';

@InputType({ description: 'A brand’s bank transfer that arrived, to confirm.' })
export class LedgerDepositConfirmInput {
  @Field(() => ID, { description: 'The brand whose balance it tops up.' })
  brandId!: string;

  @Field(() => MoneyInput, { description: 'What arrived; more than zero.' })
  amount!: MoneyInput;

  @Field({ description: 'The bank-transfer reference, 1 to 100 characters; compared without case, and usable once.' })
  bankReference!: string;

  @Field(() => String, { nullable: true, description: 'A note for the record, up to 2000 characters.' })
  note?: string | null;
}

@InputType({ description: 'Where a payee’s payouts go.' })
export class PayoutDetailsSetInput {
  @Field(() => ID, { description: 'The payee: a creator, an operator (trader) or an agency.' })
  payeeId!: string;

  @Field({ description: 'The account holder, 1 to 200 characters.' })
  accountName!: string;

  @Field({ description: 'The bank, 1 to 200 characters.' })
  bankName!: string;

  @Field({ description: 'The account number or IBAN: 4 to 64 letters and digits (spaces and dashes are ignored).' })
  accountNumber!: string;
}

@InputType({ description: 'A payout to ask for.' })
export class PayoutRequestInput {
  @Field(() => ID, { description: 'The payee: a creator, an operator (trader) or an agency.' })
  payeeId!: string;

  @Field(() => MoneyInput, { description: 'How much, at most what is available in that currency.' })
  amount!: MoneyInput;
}

@InputType({ description: 'Whose statement, in which currency, over which period.' })
export class LedgerStatementInput {
  @Field(() => ID, { description: 'A brand, creator, operator (trader) or agency.' })
  ownerId!: string;

  @Field(() => CurrencyCode, { description: 'The currency.' })
  currency!: CurrencyCode;

  @Field(() => Date, { description: 'Start of the period, included.' })
  from!: Date;

  @Field(() => Date, { description: 'End of the period, excluded; at most 366 days after from.' })
  to!: Date;
}

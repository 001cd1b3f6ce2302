import { SafeIntResolver } from 'graphql-scalars';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CurrencyCode } from '../../common/money.js';
import { Money, UserError } from '../../graphql/common-types.js';
import { DealType } from '../deal.types.js';
import { SettlementMethod } from './settlement.entity.js';

registerEnumType(SettlementMethod, {
  name: 'SettlementMethod',
  description: 'How a deal came to be settled.',
  valuesConfig: {
    SETTLED: { description: 'The brand (or an admin) settled the delivered deal.' },
    DISPUTE_RESOLUTION: { description: 'An admin resolved a dispute by settling on the record as it stood.' },
  },
});

@ObjectType('SettlementRoi', { description: 'Return on what the brand paid: net GMV ÷ brand total cost.' })
export class SettlementRoiType {
  @Field(() => SafeIntResolver, { description: 'Net GMV, in minor units: the exact fraction’s numerator.' })
  numerator!: number;

  @Field(() => SafeIntResolver, { description: 'Brand total cost, in minor units: the exact fraction’s denominator.' })
  denominator!: number;

  @Field(() => SafeIntResolver, { nullable: true, description: 'The fraction in basis points, rounded down (25000 = 2.5×); null when the brand paid nothing.' })
  basisPoints!: number | null;
}

@ObjectType('SettlementBreakdown', {
  description:
    'Who is paid what, exact to the minor unit. Every proportional amount is rounded down; totals are sums of the parts: creatorGross = fixedFee − makeGood + commission, creatorNet = creatorGross − agencyShare, brandTotalCost = creatorGross + platformFee.',
})
export class SettlementBreakdownType {
  @Field(() => Int, { description: 'The terms version the figures use.' })
  termsVersion!: number;

  @Field(() => CurrencyCode, { description: 'Currency of every amount.' })
  currency!: CurrencyCode;

  @Field(() => SafeIntResolver, { description: 'Orders in the sales reports used.' })
  ordersCount!: number;

  @Field(() => Money, { description: 'GMV of the sales reports in force.' })
  grossGmv!: Money;

  @Field(() => Money, { description: 'Refunds inside the refund window; they reduce GMV.' })
  refundsCounted!: Money;

  @Field(() => Money, { description: 'Refunds after the refund window; reported but not deducted.' })
  refundsIgnored!: Money;

  @Field(() => Money, { description: 'GMV less the refunds counted.' })
  netGmv!: Money;

  @Field(() => Money, { nullable: true, description: 'Net GMV guaranteed by the terms; null for none.' })
  gmvGuarantee!: Money | null;

  @Field(() => Money, { description: 'Fixed (slot) fee of the terms.' })
  fixedFee!: Money;

  @Field(() => Money, { description: 'Part of the fixed fee returned to the brand because net GMV fell short of the guarantee: fee × (1 − net ÷ guarantee).' })
  makeGood!: Money;

  @Field(() => Money, { description: 'Fixed fee less the make-good.' })
  feeEarned!: Money;

  @Field(() => Money, { description: 'Commission on net GMV.' })
  commission!: Money;

  @Field(() => Money, { description: 'What the brand owes the talent’s side: fee earned plus commission.' })
  creatorGross!: Money;

  @Field(() => Money, { description: 'The agency’s share of the talent’s gross; 0 without an agency.' })
  agencyShare!: Money;

  @Field(() => Money, { description: 'What the creator or operator keeps.' })
  creatorNet!: Money;

  @Field(() => Money, { description: 'The marketplace’s fee, charged to the brand on top of the talent’s gross.' })
  platformFee!: Money;

  @Field(() => Money, { description: 'Everything the brand pays: talent’s gross plus platform fee.' })
  brandTotalCost!: Money;

  @Field(() => SettlementRoiType, { description: 'Net GMV ÷ brand total cost.' })
  roi!: SettlementRoiType;
}

@ObjectType('DealSettlement', { description: 'How a deal was settled, written once.' })
export class DealSettlementType {
  @Field(() => SettlementMethod, { description: 'An ordinary settlement, or an admin’s resolution of a dispute.' })
  method!: SettlementMethod;

  @Field(() => Date, { description: 'When it was settled.' })
  settledAt!: Date;

  @Field(() => SettlementBreakdownType, { description: 'The figures paid out.' })
  breakdown!: SettlementBreakdownType;
}

@ObjectType({ description: 'The result of dealSettle.' })
export class DealSettlePayload {
  @Field(() => DealType, { nullable: true, description: 'The deal, now SETTLED; null when refused.' })
  deal?: DealType;

  @Field(() => DealSettlementType, { nullable: true, description: 'The settlement written; null when refused.' })
  settlement?: DealSettlementType;

  @Field(() => [UserError], { description: 'Why the request was refused; empty on success.' })
  userErrors!: UserError[];
}

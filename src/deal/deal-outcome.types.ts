import { LocalDateResolver, SafeIntResolver } from 'graphql-scalars';
import { ArgsType, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CurrencyCode } from '../common/money.js';
import { Money, MoneyInput, UserError } from '../graphql/common-types.js';
import { connectionType, PageArgs } from '../graphql/connection.js';
import { Node } from '../graphql/node.js';
import { DealPartySide, DisputeDecision } from './deal-dispute.entity.js';
import { ReviewSide } from './deal-review.entity.js';
import { SettlementMethod } from './deal-settlement.entity.js';
import { DealType } from './deal.types.js';

registerEnumType(SettlementMethod, {
  name: 'SettlementMethod',
  description: 'How a deal came to be settled.',
  valuesConfig: {
    SETTLED: { description: 'The brand (or an admin) settled the delivered deal.' },
    DISPUTE_RESOLUTION: { description: 'An admin resolved a dispute by settling on the record as it stood.' },
  },
});

registerEnumType(DealPartySide, {
  name: 'DealPartySide',
  description: 'A party to a deal.',
  valuesConfig: {
    BRAND: { description: 'A member of the brand that pays.' },
    TALENT: { description: 'The creator or operator who does the work.' },
    AGENCY: { description: 'A member of the agency that represents the talent.' },
  },
});

registerEnumType(DisputeDecision, {
  name: 'DisputeDecision',
  description: 'How an admin resolves a dispute.',
  valuesConfig: {
    SETTLE: { description: 'Settle on the record as it stands, even before delivery: the deal becomes SETTLED.' },
    CANCEL: { description: 'Call the deal off: it becomes CANCELLED and nothing is paid.' },
  },
});

registerEnumType(ReviewSide, {
  name: 'ReviewSide',
  description: 'Which side of a settled deal wrote a review, and so whom it is about.',
  valuesConfig: {
    BRAND: { description: 'The brand, about the talent.' },
    TALENT: { description: 'The talent (or their agency), about the brand.' },
  },
});

// ---- Sales reports ---------------------------------------------------------------------------

@ObjectType('SalesRefund', { description: 'Money refunded a given number of days after the order.' })
export class SalesRefundType {
  @Field(() => Money, { description: 'Amount refunded.' })
  amount!: Money;

  @Field(() => Int, { description: 'Whole days between the order and the refund; 0 for the order day.' })
  daysAfterOrder!: number;
}

@ObjectType('SalesReport', {
  implements: Node,
  description:
    'Orders, GMV and refunds of a deal for one period, as one source reported them. Never changed; a correction is a new report that supersedes it. Visible to the deal’s parties and admins.',
})
export class SalesReportType extends Node {
  @Field(() => LocalDateResolver, { description: 'First day covered.' })
  periodStart!: string;

  @Field(() => LocalDateResolver, { description: 'Last day covered (included).' })
  periodEnd!: string;

  @Field({ description: 'Who produced the figures: BRAND_MANUAL, or an integration such as DOUYIN_SHOP.' })
  source!: string;

  @Field(() => Int, { description: 'Orders placed in the period.' })
  ordersCount!: number;

  @Field(() => Date, { nullable: true, description: 'When a correction replaced this report; null while it is in force.' })
  supersededAt!: Date | null;

  @Field(() => Date, { description: 'When it was reported.' })
  createdAt!: Date;
}

export const SalesReportConnection = connectionType(SalesReportType, 'SalesReport');

@ArgsType()
export class SalesReportsArgs extends PageArgs {
  @Field(() => Boolean, { nullable: true, description: 'Also list reports that corrections replaced. Default: only those in force.' })
  includeSuperseded?: boolean | null;
}

@InputType({ description: 'Refunds of one day after the order.' })
export class SalesRefundInput {
  @Field(() => MoneyInput, { description: 'Amount refunded, in the deal’s currency; not negative.' })
  amount!: MoneyInput;

  @Field(() => Int, { description: 'Whole days between the order and the refund: 0 for the order day. Refunds after the deal’s refund window do not reduce GMV.' })
  daysAfterOrder!: number;
}

@InputType({ description: 'A sales report for one period of a deal.' })
export class DealSalesReportInput {
  @Field(() => ID, { description: 'The deal.' })
  dealId!: string;

  @Field(() => LocalDateResolver, { description: 'First day covered.' })
  periodStart!: string;

  @Field(() => LocalDateResolver, { description: 'Last day covered, on or after the first, not in the future.' })
  periodEnd!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Who produced the figures: 2 to 40 capital letters, digits and underscores (e.g. DOUYIN_SHOP). Default BRAND_MANUAL.',
  })
  source?: string | null;

  @Field(() => Int, { description: 'Orders placed in the period, 0 or more.' })
  ordersCount!: number;

  @Field(() => MoneyInput, { description: 'GMV of the period, in the deal’s currency; not negative.' })
  gmv!: MoneyInput;

  @Field(() => [SalesRefundInput], { nullable: true, description: 'Refunds of the period’s orders, by days after the order; together at most the GMV.' })
  refunds?: SalesRefundInput[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'This report corrects the one in force for the same period and source, with other figures. Without it, other figures for a reported period are SALES_REPORT_CONFLICT.',
  })
  correction?: boolean | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The report this one corrects (implies correction); REPORT_SUPERSEDED when it was already corrected.',
  })
  supersedes?: string | null;
}

@ObjectType({ description: 'The result of dealSalesReport.' })
export class DealSalesReportPayload {
  @Field(() => SalesReportType, { nullable: true, description: 'The report in force for the period and source: the new one, or the one already written for the same figures.' })
  salesReport?: SalesReportType;

  @Field(() => Boolean, { nullable: true, description: 'False when the same figures had already been reported, so nothing was written.' })
  created?: boolean;

  @Field(() => DealType, { nullable: true, description: 'The deal, with its totals.' })
  deal?: DealType;

  @Field(() => [UserError], { description: 'Why the request was refused; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType('DealSalesTotals', { description: 'Totals of a deal’s sales reports in force, summed from the reports.' })
export class DealSalesTotalsType {
  @Field(() => Int, { description: 'Reports in force.' })
  reportCount!: number;

  @Field(() => SafeIntResolver, { description: 'Orders.' })
  ordersCount!: number;

  @Field(() => Money, { description: 'GMV.' })
  gmv!: Money;

  @Field(() => Money, { description: 'Every refund reported, inside the refund window or not.' })
  refunds!: Money;

  @Field(() => Money, { description: 'Refunds inside the refund window: they reduce GMV.' })
  refundsCounted!: Money;

  @Field(() => Money, { description: 'GMV less the refunds counted.' })
  netGmv!: Money;
}

// ---- Settlement ------------------------------------------------------------------------------

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

// ---- Disputes --------------------------------------------------------------------------------

@ObjectType('DealDispute', { implements: Node, description: 'A dispute on a deal and, once an admin decided it, the decision. Visible to the deal’s parties and admins.' })
export class DealDisputeType extends Node {
  @Field(() => DealPartySide, { description: 'Which party raised it.' })
  openedBySide!: DealPartySide;

  @Field({ description: 'Why it was raised.' })
  reason!: string;

  @Field(() => Date, { description: 'When it was raised.' })
  openedAt!: Date;

  @Field(() => DisputeDecision, { nullable: true, description: 'The admin’s decision; null while open.' })
  decision!: DisputeDecision | null;

  @Field(() => String, { nullable: true, description: 'What the admin said with the decision; null while open.' })
  resolutionNote!: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was decided; null while open.' })
  resolvedAt!: Date | null;
}

@ObjectType({ description: 'The result of dealDisputeOpen and dealDisputeResolve.' })
export class DealDisputePayload {
  @Field(() => DealType, { nullable: true, description: 'The deal, as the dispute left it; null when refused.' })
  deal?: DealType;

  @Field(() => DealDisputeType, { nullable: true, description: 'The dispute; null when refused.' })
  dispute?: DealDisputeType;

  @Field(() => [UserError], { description: 'Why the request was refused; empty on success.' })
  userErrors!: UserError[];
}

// ---- Reviews ---------------------------------------------------------------------------------

@ObjectType('DealReview', { description: 'One side’s review of the other after a settled deal. Public.' })
export class DealReviewType {
  @Field(() => ReviewSide, { description: 'Who wrote it: the brand about the talent, or the talent about the brand.' })
  side!: ReviewSide;

  @Field(() => Int, { description: 'Rating from 1 (poor) to 5 (excellent).' })
  rating!: number;

  @Field({ description: 'What the reviewer said; may be empty.' })
  comment!: string;

  @Field(() => Date, { description: 'When it was written.' })
  createdAt!: Date;
}

export const DealReviewConnection = connectionType(DealReviewType, 'DealReview');

@ObjectType('ReviewSummary', { description: 'The reviews someone received from the other side of their settled deals.' })
export class ReviewSummaryType {
  @Field(() => Int, { description: 'How many.' })
  count!: number;

  @Field(() => Float, { nullable: true, description: 'Mean rating, 1 to 5, to two decimals; null without reviews.' })
  averageRating!: number | null;
}

@ObjectType({ description: 'The result of dealReview.' })
export class DealReviewPayload {
  @Field(() => DealType, { nullable: true, description: 'The deal reviewed; null when refused.' })
  deal?: DealType;

  @Field(() => DealReviewType, { nullable: true, description: 'The review written; null when refused.' })
  review?: DealReviewType;

  @Field(() => [UserError], { description: 'Why the request was refused; empty on success.' })
  userErrors!: UserError[];
}

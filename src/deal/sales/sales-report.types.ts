import { LocalDateResolver, SafeIntResolver } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { Money, UserError } from '../../graphql/common-types.js';
import { connectionType } from '../../graphql/connection.js';
import { Node } from '../../graphql/node.js';
import { DealType } from '../deal.types.js';

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

import { LocalDateResolver } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { MoneyInput } from '../../graphql/common-types.js';
import { PageArgs } from '../../graphql/connection.js';

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

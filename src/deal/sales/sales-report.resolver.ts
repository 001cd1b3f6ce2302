import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Money } from '../../graphql/common-types.js';
import { pageRequest, toConnection, withCursorCheck } from '../../graphql/connection.js';
import type { RequestContext } from '../../graphql/context.js';
import { idOfType } from '../../graphql/global-id.js';
import { mutate } from '../../graphql/mutation.js';
import { defineNode } from '../../graphql/node.js';
import type { Deal } from '../deal.entity.js';
import { DealType, money } from '../deal.types.js';
import { SalesReport } from './sales-report.entity.js';
import { DealSalesReportInput, SalesReportsArgs } from './sales-report.inputs.js';
import { DealSalesReportPayload, DealSalesTotalsType, SalesRefundType, SalesReportConnection, SalesReportType } from './sales-report.types.js';

defineNode({ typeName: 'SalesReport', entity: SalesReport, load: (context, id) => context.services.salesReports.visibleById(context, id) });

@Resolver(() => DealType)
export class DealSalesResolver {
  @FieldResolver(() => SalesReportConnection, { description: 'Sales reports, by period then source: those in force unless asked for superseded ones too.' })
  async salesReports(@Root() deal: Deal, @Args(() => SalesReportsArgs) args: SalesReportsArgs, @Ctx() { em, services }: RequestContext) {
    const page = pageRequest(args);
    return toConnection(await withCursorCheck(() => services.salesReports.page(em, deal.id, Boolean(args.includeSuperseded), page)));
  }

  @FieldResolver(() => DealSalesTotalsType, { description: 'Totals of the sales reports in force, summed from them on every read.' })
  async salesTotals(@Root() deal: Deal, @Ctx() { em, services }: RequestContext): Promise<DealSalesTotalsType> {
    // The settlement's own reading of the records, so that the totals and the preview always agree.
    const { breakdown, ordersCount, reportCount } = await services.dealSettlements.preview(em, deal);
    const { currency } = breakdown;
    return {
      reportCount,
      ordersCount,
      gmv: money(breakdown.grossGmv, currency),
      refunds: money(breakdown.refundsCounted + breakdown.refundsIgnored, currency),
      refundsCounted: money(breakdown.refundsCounted, currency),
      netGmv: money(breakdown.netGmv, currency),
    };
  }

  @Authorized()
  @Mutation(() => DealSalesReportPayload, {
    description:
      'Reports orders, GMV and refunds of a deal for a period. Members of the deal’s brand (or an integration signed in for it) and admins. The same figures for the same period and source again return the report already written and write nothing; other figures are SALES_REPORT_CONFLICT unless sent as a correction, which supersedes the report in force. NEGATIVE_AMOUNT, REFUNDS_EXCEED_GMV, CURRENCY_MISMATCH, PERIOD_OVERLAP (same source, overlapping days), REPORT_SUPERSEDED; ILLEGAL_TRANSITION once the deal is SETTLED or CANCELLED.',
  })
  dealSalesReport(@Arg('input', () => DealSalesReportInput, { description: 'The deal, the period, the source and the figures.' }) input: DealSalesReportInput, @Ctx() context: RequestContext) {
    return mutate(context, (tx) =>
      context.services.salesReports.report(tx, {
        dealId: idOfType(input.dealId, 'Deal'),
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        source: input.source,
        ordersCount: input.ordersCount,
        gmv: input.gmv,
        refunds: input.refunds,
        correction: input.correction,
        supersedesId: input.supersedes == null ? undefined : idOfType(input.supersedes, 'SalesReport'),
      }),
    );
  }
}

@Resolver(() => SalesReportType)
export class SalesReportResolver {
  @FieldResolver(() => Money, { description: 'GMV of the period.' })
  gmv(@Root() report: SalesReport) {
    return money(report.gmv, report.currency);
  }

  @FieldResolver(() => [SalesRefundType], { description: 'Refunds of the period’s orders, by days after the order.' })
  refunds(@Root() report: SalesReport): SalesRefundType[] {
    return report.refunds.map((refund) => ({ amount: money(refund.amount, report.currency), daysAfterOrder: refund.daysAfterOrder }));
  }

  @FieldResolver(() => Money, { description: 'Sum of the refunds, inside the refund window or not.' })
  refundsTotal(@Root() report: SalesReport) {
    return money(report.refundsTotal, report.currency);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the report counts: no correction has replaced it.' })
  inForce(@Root() report: SalesReport): boolean {
    return report.supersededAt == null;
  }

  @FieldResolver(() => SalesReportType, { nullable: true, description: 'The report this one corrects; null for a first report.' })
  async supersedes(@Root() report: SalesReport): Promise<SalesReport | null> {
    return (await report.supersedes?.loadOrFail()) ?? null;
  }

  @FieldResolver(() => SalesReportType, { nullable: true, description: 'The correction that replaced this report; null while it is in force.' })
  supersededBy(@Root() report: SalesReport, @Ctx() { em, services }: RequestContext): Promise<SalesReport | null> {
    return report.supersededAt ? services.salesReports.supersededBy(em, report) : Promise.resolve(null);
  }
}

import DataLoader from 'dataloader';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { Role } from '../auth/viewer.js';
import type { Brand } from '../brand/brand.entity.js';
import { BrandType } from '../brand/brand.types.js';
import type { CurrencyCode } from '../common/money.js';
import type { Creator } from '../creator/creator.entity.js';
import { CreatorType } from '../creator/creator.types.js';
import { Money } from '../graphql/common-types.js';
import { pageRequest, PageArgs, toConnection, withCursorCheck } from '../graphql/connection.js';
import { loader, type RequestContext } from '../graphql/context.js';
import { idOfType } from '../graphql/global-id.js';
import { mutate } from '../graphql/mutation.js';
import { defineNode } from '../graphql/node.js';
import type { Trader } from '../trader/trader.entity.js';
import { TraderType } from '../trader/trader.types.js';
import { DealDispute, DisputeDecision } from './deal-dispute.entity.js';
import type { DealReview } from './deal-review.entity.js';
import type { ReviewSubject, ReviewSummary } from './deal-review.service.js';
import type { DealSettlement } from './deal-settlement.entity.js';
import type { SettlementFigures } from './deal-settlement.service.js';
import type { Deal } from './deal.entity.js';
import { DealType } from './deal.types.js';
import {
  DealDisputePayload,
  DealDisputeType,
  DealReviewConnection,
  DealReviewPayload,
  DealReviewType,
  DealSalesReportInput,
  DealSalesReportPayload,
  DealSalesTotalsType,
  DealSettlementType,
  DealSettlePayload,
  ReviewSummaryType,
  SalesRefundType,
  SalesReportConnection,
  SalesReportsArgs,
  SalesReportType,
  SettlementBreakdownType,
} from './deal-outcome.types.js';
import { SalesReport } from './sales-report.entity.js';

defineNode({ typeName: 'SalesReport', entity: SalesReport, load: (context, id) => context.services.salesReports.visibleById(context, id) });
defineNode({ typeName: 'DealDispute', entity: DealDispute, load: (context, id) => context.services.dealDisputes.visibleById(context, id) });

const money = (amount: number, currency: string) => ({ amount, currency: currency as CurrencyCode });

/** A computed settlement as the API shows it. */
function breakdownView({ breakdown, termsVersion, ordersCount, gmvGuarantee }: Omit<SettlementFigures, 'reportCount'>): SettlementBreakdownType {
  const { currency } = breakdown;
  return {
    termsVersion,
    currency,
    ordersCount,
    grossGmv: money(breakdown.grossGmv, currency),
    refundsCounted: money(breakdown.refundsCounted, currency),
    refundsIgnored: money(breakdown.refundsIgnored, currency),
    netGmv: money(breakdown.netGmv, currency),
    gmvGuarantee: gmvGuarantee == null ? null : money(gmvGuarantee, currency),
    fixedFee: money(breakdown.fixedFee, currency),
    makeGood: money(breakdown.makeGood, currency),
    feeEarned: money(breakdown.feeEarned, currency),
    commission: money(breakdown.commission, currency),
    creatorGross: money(breakdown.creatorGross, currency),
    agencyShare: money(breakdown.agencyShare, currency),
    creatorNet: money(breakdown.creatorNet, currency),
    platformFee: money(breakdown.platformFee, currency),
    brandTotalCost: money(breakdown.brandTotalCost, currency),
    roi: breakdown.roi,
  };
}

/** A stored settlement as the API shows it: the same shape as the preview. */
function settlementView(row: DealSettlement): DealSettlementType {
  return {
    method: row.method,
    settledAt: row.settledAt,
    breakdown: breakdownView({
      termsVersion: row.termsVersion,
      ordersCount: row.ordersCount,
      gmvGuarantee: row.gmvGuarantee ?? null,
      breakdown: {
        currency: row.currency as CurrencyCode,
        grossGmv: row.grossGmv,
        refundsCounted: row.refundsCounted,
        refundsIgnored: row.refundsIgnored,
        netGmv: row.netGmv,
        fixedFee: row.fixedFee,
        makeGood: row.makeGood,
        feeEarned: row.feeEarned,
        commission: row.commission,
        creatorGross: row.creatorGross,
        agencyShare: row.agencyShare,
        creatorNet: row.creatorNet,
        platformFee: row.platformFee,
        brandTotalCost: row.brandTotalCost,
        roi: { numerator: row.netGmv, denominator: row.brandTotalCost, basisPoints: row.roiBp ?? null },
      },
    }),
  };
}

@Resolver(() => DealType)
export class DealOutcomeResolver {
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

  @FieldResolver(() => SettlementBreakdownType, {
    description: 'What settling now would pay, on the terms in force and the sales reports in force: the same computation dealSettle writes.',
  })
  async settlementPreview(@Root() deal: Deal, @Ctx() { em, services }: RequestContext): Promise<SettlementBreakdownType> {
    return breakdownView(await services.dealSettlements.preview(em, deal));
  }

  @FieldResolver(() => DealSettlementType, { nullable: true, description: 'The settlement written when the deal was settled; null before.' })
  async settlement(@Root() deal: Deal, @Ctx() { em, services }: RequestContext): Promise<DealSettlementType | null> {
    const row = await services.dealSettlements.settlementOf(em, deal.id);
    return row ? settlementView(row) : null;
  }

  @FieldResolver(() => [DealDisputeType], { description: 'Disputes raised on the deal, oldest first, with their decisions.' })
  disputes(@Root() deal: Deal, @Ctx() { em, services }: RequestContext): Promise<DealDispute[]> {
    return services.dealDisputes.ofDeal(em, deal.id);
  }

  @FieldResolver(() => [DealReviewType], { description: 'The reviews of the settled deal: at most one per side.' })
  reviews(@Root() deal: Deal, @Ctx() { em, services }: RequestContext): Promise<DealReview[]> {
    return services.dealReviews.ofDeal(em, deal.id);
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

  @Authorized()
  @Mutation(() => DealSettlePayload, {
    description:
      'Settles a DELIVERED deal on the terms in force and the sales reports in force, writing the breakdown once; the deal becomes SETTLED. Members of the deal’s brand and admins. DEAL_NOT_DELIVERED while ACTIVE; ILLEGAL_TRANSITION when disputed (an admin resolves it), settled or cancelled.',
  })
  async dealSettle(@Arg('id', () => ID, { description: 'The deal.' }) id: string, @Ctx() context: RequestContext) {
    const result = await mutate(context, (tx) => context.services.dealSettlements.settle(tx, idOfType(id, 'Deal')));
    return { ...result, settlement: result.settlement ? settlementView(result.settlement) : undefined };
  }

  @Authorized()
  @Mutation(() => DealDisputePayload, {
    description:
      'Raises a dispute on an ACTIVE or DELIVERED deal; it becomes DISPUTED until an admin resolves it. The brand’s members, the talent and the agency’s members. ILLEGAL_TRANSITION from any other status.',
  })
  dealDisputeOpen(
    @Arg('id', () => ID, { description: 'The deal.' }) id: string,
    @Arg('reason', () => String, { description: 'Why, for the admin and the other side; 1 to 2000 characters.' }) reason: string,
    @Ctx() context: RequestContext,
  ) {
    return mutate(context, (tx) => context.services.dealDisputes.open(tx, idOfType(id, 'Deal'), reason));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => DealDisputePayload, {
    description:
      'Resolves an open dispute: SETTLE settles the deal on the record as it stands, even before delivery; CANCEL cancels it. The decision, the note, the admin and the time are kept. Admins only; ILLEGAL_TRANSITION when already resolved.',
  })
  dealDisputeResolve(
    @Arg('id', () => ID, { description: 'The dispute.' }) id: string,
    @Arg('decision', () => DisputeDecision, { description: 'Settle or cancel.' }) decision: DisputeDecision,
    @Arg('note', () => String, { description: 'Why, for both parties; 1 to 2000 characters.' }) note: string,
    @Ctx() context: RequestContext,
  ) {
    return mutate(context, (tx) => context.services.dealDisputes.resolve(tx, idOfType(id, 'DealDispute'), decision, note));
  }

  @Authorized()
  @Mutation(() => DealReviewPayload, {
    description:
      'Reviews the other side of a SETTLED deal, once per side: the brand’s members review the talent; the talent (or their agency) reviews the brand. DEAL_NOT_SETTLED before settlement; ALREADY_REVIEWED for a second review.',
  })
  dealReview(
    @Arg('id', () => ID, { description: 'The deal.' }) id: string,
    @Arg('rating', () => Int, { description: 'From 1 (poor) to 5 (excellent).' }) rating: number,
    @Arg('comment', () => String, { nullable: true, description: 'What you would tell others; at most 5000 characters.' }) comment: string | null,
    @Ctx() context: RequestContext,
  ) {
    return mutate(context, (tx) => context.services.dealReviews.review(tx, idOfType(id, 'Deal'), rating, comment));
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

@Resolver(() => DealDisputeType)
export class DealDisputeResolver {
  @FieldResolver(() => String, { description: 'Display name of the person who raised it.' })
  async openedByName(@Root() dispute: DealDispute): Promise<string> {
    return (await dispute.openedBy.loadOrFail()).displayName;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Display name of the admin who decided it; null while open.' })
  async resolvedByName(@Root() dispute: DealDispute): Promise<string | null> {
    return (await dispute.resolvedBy?.loadOrFail())?.displayName ?? null;
  }
}

const reviewSummaries = (context: RequestContext, kind: ReviewSubject['kind']) =>
  loader(context, `review.summary:${kind}`, ({ em, services }) => new DataLoader<string, ReviewSummary>((ids) => services.dealReviews.summaries(em, kind, ids)));

async function receivedReviews(context: RequestContext, subject: ReviewSubject, args: PageArgs) {
  const page = pageRequest(args);
  return toConnection(await withCursorCheck(() => context.services.dealReviews.received(context.em, subject, page)));
}

@Resolver(() => CreatorType)
export class CreatorReviewsResolver {
  @FieldResolver(() => DealReviewConnection, { description: 'Reviews brands wrote about the creator after settled deals, newest first. Public.' })
  reviews(@Root() creator: Creator, @Args(() => PageArgs) args: PageArgs, @Ctx() context: RequestContext) {
    return receivedReviews(context, { kind: 'creator', id: creator.id }, args);
  }

  @FieldResolver(() => ReviewSummaryType, { description: 'How many reviews brands wrote about the creator, and their average rating. Public.' })
  reviewSummary(@Root() creator: Creator, @Ctx() context: RequestContext): Promise<ReviewSummary> {
    return reviewSummaries(context, 'creator').load(creator.id);
  }
}

@Resolver(() => TraderType)
export class TraderReviewsResolver {
  @FieldResolver(() => DealReviewConnection, { description: 'Reviews brands wrote about the operator after settled deals, newest first. Public.' })
  reviews(@Root() trader: Trader, @Args(() => PageArgs) args: PageArgs, @Ctx() context: RequestContext) {
    return receivedReviews(context, { kind: 'trader', id: trader.id }, args);
  }

  @FieldResolver(() => ReviewSummaryType, { description: 'How many reviews brands wrote about the operator, and their average rating. Public.' })
  reviewSummary(@Root() trader: Trader, @Ctx() context: RequestContext): Promise<ReviewSummary> {
    return reviewSummaries(context, 'trader').load(trader.id);
  }
}

@Resolver(() => BrandType)
export class BrandReviewsResolver {
  @FieldResolver(() => DealReviewConnection, { description: 'Reviews creators and operators wrote about the brand after settled deals, newest first. Public.' })
  reviews(@Root() brand: Brand, @Args(() => PageArgs) args: PageArgs, @Ctx() context: RequestContext) {
    return receivedReviews(context, { kind: 'brand', id: brand.id }, args);
  }

  @FieldResolver(() => ReviewSummaryType, { description: 'How many reviews creators and operators wrote about the brand, and their average rating. Public.' })
  reviewSummary(@Root() brand: Brand, @Ctx() context: RequestContext): Promise<ReviewSummary> {
    return reviewSummaries(context, 'brand').load(brand.id);
  }
}

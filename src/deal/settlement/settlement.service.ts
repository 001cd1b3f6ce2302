import type { EntityManager } from '@mikro-orm/postgresql';
import { AccessDenied, Problem, ProblemCode } from '../../common/problems.js';
import type { ServiceContext } from '../../common/service-context.js';
import type { CredibilityService } from '../../credibility/credibility.service.js';
import { flushOrProblem } from '../../db/flush.js';
import { lockDeal, signedIn } from '../deal-access.js';
import type { DealMoney } from '../deal-money.js';
import { actsForBrand, assertAllowed, moveDeal, releaseTalent, visibleDeal } from '../deal-lifecycle.js';
import { type Deal, DealStatus } from '../deal.entity.js';
import { DealEventKind, publishDealEvent } from '../deal.events.js';
import type { DealService } from '../deal.service.js';
import { DealAction } from '../deal.transitions.js';
import type { DealDispute } from '../dispute/dispute.entity.js';
import type { SalesReportService } from '../sales/sales-report.service.js';
import { computeSettlement, type SettlementBreakdown } from './settlement.js';
import { DealSettlement, SettlementMethod } from './settlement.entity.js';
import { SettlementProblem } from './settlement.problems.js';

/** A breakdown with what it was computed from: the terms version and the orders behind the GMV. */
export interface SettlementFigures {
  breakdown: SettlementBreakdown;
  termsVersion: number;
  ordersCount: number;
  /** Sales reports in force, the records the figures were summed from. */
  reportCount: number;
  gmvGuarantee: number | null;
}

/**
 * Settlement of deals. The preview and the settlement are the same computation
 * (`computeSettlement` on the terms in force and the sales reports in force); settling writes its
 * figures once, in one transaction with the status change.
 */
export class DealSettlementService {
  constructor(
    private readonly deals: DealService,
    private readonly sales: SalesReportService,
    private readonly credibility: CredibilityService,
    private readonly money: DealMoney,
  ) {}

  /** What settling now would pay; for the deal's parties, at any time. */
  async preview(em: EntityManager, deal: Deal): Promise<SettlementFigures> {
    const terms = await this.deals.currentTerms(deal);
    const reports = await this.sales.inForce(em, deal.id);
    const breakdown = computeSettlement({
      terms: {
        currency: terms.currency,
        fixedFee: terms.fixedFee,
        commissionBp: terms.commissionBp,
        gmvGuarantee: terms.gmvGuarantee ?? null,
        agencyShareBp: terms.agencyShareBp,
        platformFeeBp: terms.platformFeeBp,
        refundWindowDays: terms.refundWindowDays,
      },
      sales: reports.map((report) => ({ gmv: report.gmv, refunds: report.refunds })),
      hasAgency: deal.agency != null,
    });
    return {
      breakdown,
      termsVersion: terms.version,
      ordersCount: reports.reduce((sum, report) => sum + report.ordersCount, 0),
      reportCount: reports.length,
      gmvGuarantee: terms.gmvGuarantee ?? null,
    };
  }

  /**
   * The brand (or an admin) settles a DELIVERED deal. Concurrent settlements queue on the deal's
   * lock; the first moves it to SETTLED and the others find it settled. The unique deal_settlement
   * row per deal stands behind that.
   */
  async settle(context: ServiceContext, dealId: string | null): Promise<{ deal: Deal; settlement: DealSettlement }> {
    const viewer = signedIn(context.viewer);
    const found = await visibleDeal(context, dealId);
    if (!actsForBrand(viewer, found)) throw new AccessDenied('Only members of the deal’s brand, or an admin, settle it.');
    const deal = await lockDeal(context.em, found.id);
    assertAllowed(deal, DealAction.SETTLE, notSettleable);
    const settlement = await this.settleLocked(context.em, deal, { action: DealAction.SETTLE, settledBy: viewer.userId, dispute: null });
    publishDealEvent(context, deal, DealEventKind.SETTLEMENT);
    return { deal, settlement };
  }

  /**
   * Settles a deal the caller has locked and checked, by `action` (SETTLE, or RESOLVE_BY_SETTLING
   * for a dispute), on the record as it stands.
   */
  async settleLocked(
    em: EntityManager,
    deal: Deal,
    { action, settledBy, dispute }: { action: typeof DealAction.SETTLE | typeof DealAction.RESOLVE_BY_SETTLING; settledBy: string; dispute: DealDispute | null },
  ): Promise<DealSettlement> {
    const { breakdown, termsVersion, ordersCount, gmvGuarantee } = await this.preview(em, deal);
    const terms = await this.deals.currentTerms(deal);
    if (!(await moveDeal(em, deal, action))) throw notSettleable(deal.status)!;
    const settlement = em.create(DealSettlement, {
      deal,
      method: dispute ? SettlementMethod.DISPUTE_RESOLUTION : SettlementMethod.SETTLED,
      dispute,
      termsVersion,
      brand: deal.brand,
      creator: deal.creator ?? null,
      trader: deal.trader ?? null,
      agency: deal.agency ?? null,
      vertical: await mainVerticalOfBrief(em, deal.brief.id),
      currency: breakdown.currency,
      commissionBp: terms.commissionBp,
      agencyShareBp: deal.agency ? terms.agencyShareBp : 0,
      platformFeeBp: terms.platformFeeBp,
      refundWindowDays: terms.refundWindowDays,
      gmvGuarantee,
      ordersCount,
      grossGmv: breakdown.grossGmv,
      refundsCounted: breakdown.refundsCounted,
      refundsIgnored: breakdown.refundsIgnored,
      netGmv: breakdown.netGmv,
      fixedFee: breakdown.fixedFee,
      makeGood: breakdown.makeGood,
      feeEarned: breakdown.feeEarned,
      commission: breakdown.commission,
      creatorGross: breakdown.creatorGross,
      agencyShare: breakdown.agencyShare,
      creatorNet: breakdown.creatorNet,
      platformFee: breakdown.platformFee,
      brandTotalCost: breakdown.brandTotalCost,
      roiBp: breakdown.roi.basisPoints,
      settledBy,
    });
    await releaseTalent(em, deal);
    await flushOrProblem(em, () => Problem.of(ProblemCode.ILLEGAL_TRANSITION, 'The deal was settled at the same moment.', ['id']));
    await this.money.settle(em, deal, breakdown, settlement.id, settledBy);
    // The talent's credibility reads the settlement just written, in the same transaction.
    await this.credibility.refreshAfterDeal(em, deal.id);
    return settlement;
  }

  settlementOf(em: EntityManager, dealId: string): Promise<DealSettlement | null> {
    return em.findOne(DealSettlement, { deal: dealId });
  }
}

/** Why a deal cannot be settled by its brand now. */
function notSettleable(status: DealStatus): Problem | null {
  switch (status) {
    case DealStatus.ACTIVE:
      return Problem.of(SettlementProblem.DEAL_NOT_DELIVERED, 'The deal is still ACTIVE: it settles once every deliverable is approved.', ['id']);
    case DealStatus.DISPUTED:
      return Problem.of(ProblemCode.ILLEGAL_TRANSITION, 'The deal is under dispute; an admin’s resolution settles or cancels it.', ['id']);
    default:
      return Problem.of(ProblemCode.ILLEGAL_TRANSITION, `The deal is already ${status}.`, ['id']);
  }
}

/**
 * The vertical most of the brief's products belong to (ties: the first by slug), so that each
 * settlement counts toward one vertical's track record.
 */
async function mainVerticalOfBrief(em: EntityManager, briefId: string): Promise<string | null> {
  const [row] = await em.execute<{ vertical_id: string }[]>(
    `select product.vertical_id
       from brief_product
       join product on product.id = brief_product.product_id
       join vertical on vertical.id = product.vertical_id
      where brief_product.brief_id = ?
      group by product.vertical_id, vertical.slug
      order by count(*) desc, vertical.slug
      limit 1`,
    [briefId],
  );
  return row?.vertical_id ?? null;
}

import type { Cursor } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { findPage, type PageRequest } from '../../common/page.js';
import { AccessDenied, Problem, ProblemCode } from '../../common/problems.js';
import type { ServiceContext } from '../../common/service-context.js';
import { flushOrProblem } from '../../db/flush.js';
import { lockDeal, signedIn } from '../deal-access.js';
import { actsForBrand, assertAllowed, visibleDeal } from '../deal-lifecycle.js';
import type { Deal } from '../deal.entity.js';
import { DealEventKind, publishDealEvent } from '../deal.events.js';
import type { DealService } from '../deal.service.js';
import { DealAction } from '../deal.transitions.js';
import { MAX_SETTLEMENT_AMOUNT } from '../settlement/settlement.js';
import { overlappingReport, parseSalesReport, type ReportKey, sameFigures, sameKey, type SalesReportValues } from './sales-report-rules.js';
import { SalesReport } from './sales-report.entity.js';
import { SalesReportProblem } from './sales-report.problems.js';

export interface SalesReportRequest extends SalesReportValues {
  /** Null when the client's id names no deal. */
  dealId: string | null;
  /** The report corrects the one in force for the same deal, period and source. */
  correction?: boolean | null;
  /** Undefined when not given; null when given but not the id of a sales report. */
  supersedesId?: string | null;
}

const REPORT_ORDER = { periodStart: 'asc', source: 'asc', createdAt: 'asc', id: 'asc' } as const;

/**
 * Sales reports: the brand (or an integration acting for it) reports orders, GMV and refunds of a
 * deal for a period. Idempotent per (deal, period, source): the same figures again answer with the
 * record already written; other figures must say they are a correction, which writes a new record
 * that supersedes the old one. The reports of one deal are written one at a time under the deal's
 * row lock; a partial unique index stands behind that.
 */
export class SalesReportService {
  constructor(private readonly deals: DealService) {}

  async report(context: ServiceContext, request: SalesReportRequest): Promise<{ salesReport: SalesReport; deal: Deal; created: boolean }> {
    const { em } = context;
    const viewer = signedIn(context.viewer);
    const found = await visibleDeal(context, request.dealId, ['input', 'dealId']);
    if (!actsForBrand(viewer, found)) throw new AccessDenied('Only members of the deal’s brand (or its integrations) report its sales.');
    const terms = await this.deals.currentTerms(found);
    const { figures, key } = parseSalesReport(request, terms.currency, Date.now());

    const deal = await lockDeal(em, found.id);
    assertAllowed(deal, DealAction.REPORT_SALES, (status) =>
      Problem.of(ProblemCode.ILLEGAL_TRANSITION, `The deal is ${status}; its sales record is closed.`, ['input', 'dealId']),
    );
    const inForce = await em.find(SalesReport, { deal: deal.id, supersededAt: null }, { orderBy: REPORT_ORDER });
    const current = inForce.find((report) => sameKey(report, key)) ?? null;
    if (current && sameFigures(current, figures)) return { salesReport: current, deal, created: false };

    const correcting = Boolean(request.correction) || request.supersedesId !== undefined;
    if (current && !correcting) {
      throw Problem.of(
        SalesReportProblem.SALES_REPORT_CONFLICT,
        'A report with other figures is already in force for this period and source; send it as a correction (correction: true, or supersedes: its id) to replace it.',
        ['input'],
      );
    }
    if (request.supersedesId !== undefined) await assertSupersedable(em, deal, request.supersedesId, current, key);
    const clash = overlappingReport(
      inForce.filter((report) => report !== current),
      key,
    );
    if (clash) {
      throw Problem.of(
        SalesReportProblem.PERIOD_OVERLAP,
        `This source already reported ${clash.periodStart} to ${clash.periodEnd}, which overlaps; report other days, or correct that report.`,
        ['input', 'periodStart'],
      );
    }
    const otherGmv = inForce.filter((report) => report !== current).reduce((sum, report) => sum + report.gmv, 0);
    if (otherGmv + figures.gmv > MAX_SETTLEMENT_AMOUNT) {
      throw Problem.of(ProblemCode.OUT_OF_RANGE, `A deal’s reports in force may add up to at most ${MAX_SETTLEMENT_AMOUNT} minor units of GMV.`, ['input', 'gmv', 'amount']);
    }

    if (current) {
      current.supersededAt = new Date();
      // Out of force before its correction goes in, so that the partial unique index never sees two.
      await em.flush();
    }
    const salesReport = em.create(SalesReport, {
      deal,
      ...key,
      ...figures,
      refundsTotal: figures.refunds.reduce((sum, refund) => sum + refund.amount, 0),
      reportedBy: viewer.userId,
      supersedes: current,
    });
    await flushOrProblem(em, () =>
      Problem.of(SalesReportProblem.SALES_REPORT_CONFLICT, 'Another report for this period and source was written at the same moment; read it and correct it if needed.', ['input']),
    );
    publishDealEvent(context, deal, DealEventKind.SALES_REPORT, { type: 'SalesReport', id: salesReport.id });
    return { salesReport, deal, created: true };
  }

  /** The visible sales report, or null: its deal's parties and admins see it. */
  async visibleById(context: ServiceContext, reportId: string): Promise<SalesReport | null> {
    const report = await context.em.findOne(SalesReport, reportId);
    if (!report) return null;
    try {
      await visibleDeal(context, report.deal.id);
      return report;
    } catch (error) {
      if (error instanceof Problem) return null;
      throw error;
    }
  }

  /** The records in force, the ones every total and settlement reads. */
  inForce(em: EntityManager, dealId: string): Promise<SalesReport[]> {
    return em.find(SalesReport, { deal: dealId, supersededAt: null }, { orderBy: REPORT_ORDER });
  }

  /** A page of a deal's reports by period; superseded ones too when asked. */
  page(em: EntityManager, dealId: string, includeSuperseded: boolean, page: PageRequest): Promise<Cursor<SalesReport>> {
    return findPage(em, SalesReport, { where: { deal: dealId, ...(includeSuperseded ? {} : { supersededAt: null }) }, orderBy: REPORT_ORDER, page });
  }

  /** The record that replaced this one, if any. */
  supersededBy(em: EntityManager, report: SalesReport): Promise<SalesReport | null> {
    return em.findOne(SalesReport, { supersedes: report.id });
  }

}

/**
 * `supersedes` names the record the client saw and means to correct: it must be the one in force
 * for the same deal, period and source. One already corrected is REPORT_SUPERSEDED, so that two
 * corrections made from the same view cannot silently overwrite each other.
 */
async function assertSupersedable(
  em: EntityManager,
  deal: Deal,
  supersedesId: string | null,
  current: SalesReport | null,
  key: ReportKey,
): Promise<void> {
  const field = ['input', 'supersedes'];
  const named = supersedesId ? await em.findOne(SalesReport, { id: supersedesId, deal: deal.id }) : null;
  if (!named) throw Problem.notFound('sales report of this deal', field);
  if (!sameKey(named, key)) {
    throw Problem.of(ProblemCode.INVALID, 'A correction keeps the period and source of the report it corrects.', field);
  }
  if (named !== current) {
    throw Problem.of(SalesReportProblem.REPORT_SUPERSEDED, 'That report was already corrected; read the one in force and correct that instead.', field);
  }
}

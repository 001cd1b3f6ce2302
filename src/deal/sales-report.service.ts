import type { Cursor } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Money } from '../common/money.js';
import { MAX_MONEY_AMOUNT } from '../common/money.js';
import { findPage, type PageRequest } from '../common/page.js';
import { AccessDenied, Problem, ProblemCode, type ProblemDetail } from '../common/problems.js';
import type { ServiceContext } from '../common/service-context.js';
import { flushOrProblem } from '../db/flush.js';
import { lockDeal, signedIn } from './deal-access.js';
import { actsForBrand, assertAllowed, visibleDeal } from './deal-lifecycle.js';
import { DealAction } from './deal-status.js';
import type { Deal } from './deal.entity.js';
import type { DealService } from './deal.service.js';
import { MAX_SETTLEMENT_AMOUNT } from './settlement.js';
import { type ReportedRefund, SalesReport } from './sales-report.entity.js';

/** A source names who produced the figures: BRAND_MANUAL, or an integration such as DOUYIN_SHOP. */
export const SALES_SOURCE_PATTERN = /^[A-Z][A-Z0-9_]{1,39}$/;
export const BRAND_MANUAL_SOURCE = 'BRAND_MANUAL';
/** Refund buckets per report: one per day of a year-long window is plenty. */
export const MAX_REFUND_BUCKETS = 400;
const MAX_DAYS_AFTER_ORDER = 3650;
const MAX_ORDERS = 1_000_000_000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface SalesReportRequest {
  /** Null when the client's id names no deal. */
  dealId: string | null;
  periodStart: string;
  periodEnd: string;
  source?: string | null;
  ordersCount: number;
  gmv: Money;
  refunds?: readonly { amount: Money; daysAfterOrder: number }[] | null;
  /** The report corrects the one in force for the same deal, period and source. */
  correction?: boolean | null;
  /** Undefined when not given; null when given but not the id of a sales report. */
  supersedesId?: string | null;
}

/** The figures a report states; two reports with equal figures for one key are the same report. */
interface Figures {
  ordersCount: number;
  currency: string;
  gmv: number;
  refunds: ReportedRefund[];
}

/** Totals of a deal's reports in force, always summed from the records. */
export interface SalesTotals {
  reportCount: number;
  ordersCount: number;
  gmv: number;
  refunds: number;
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
    const { figures, key } = parseReport(request, terms.currency);

    const deal = await lockDeal(em, found.id);
    assertAllowed(deal, DealAction.REPORT_SALES, (status) =>
      Problem.of(ProblemCode.ILLEGAL_TRANSITION, `The deal is ${status}; its sales record is closed.`, ['input', 'dealId']),
    );
    const inForce = await em.find(SalesReport, { deal: deal.id, supersededAt: null }, { orderBy: REPORT_ORDER });
    const current = inForce.find((report) => report.periodStart === key.periodStart && report.periodEnd === key.periodEnd && report.source === key.source) ?? null;
    if (current && sameFigures(current, figures)) return { salesReport: current, deal, created: false };

    const correcting = Boolean(request.correction) || request.supersedesId !== undefined;
    if (current && !correcting) {
      throw Problem.of(
        ProblemCode.SALES_REPORT_CONFLICT,
        'A report with other figures is already in force for this period and source; send it as a correction (correction: true, or supersedes: its id) to replace it.',
        ['input'],
      );
    }
    if (request.supersedesId !== undefined) await assertSupersedable(em, deal, request.supersedesId, current, key);
    assertNoOverlap(inForce, current, key);
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
      Problem.of(ProblemCode.SALES_REPORT_CONFLICT, 'Another report for this period and source was written at the same moment; read it and correct it if needed.', ['input']),
    );
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

  async totals(em: EntityManager, dealId: string): Promise<SalesTotals> {
    const reports = await this.inForce(em, dealId);
    return {
      reportCount: reports.length,
      ordersCount: reports.reduce((sum, report) => sum + report.ordersCount, 0),
      gmv: reports.reduce((sum, report) => sum + report.gmv, 0),
      refunds: reports.reduce((sum, report) => sum + report.refundsTotal, 0),
    };
  }
}

/** Every rule on the report's own values, all problems at once; nothing is read or written. */
function parseReport(request: SalesReportRequest, dealCurrency: string): { figures: Figures; key: { periodStart: string; periodEnd: string; source: string } } {
  const problems: ProblemDetail[] = [];
  const problem = (code: ProblemCode, message: string, ...field: (string | number)[]) => problems.push({ code, message, field: ['input', ...field] });

  const source = (request.source ?? BRAND_MANUAL_SOURCE).trim();
  if (!SALES_SOURCE_PATTERN.test(source)) {
    problem(ProblemCode.INVALID, 'A source is 2 to 40 capital letters, digits and underscores, starting with a letter (e.g. BRAND_MANUAL, DOUYIN_SHOP).', 'source');
  }
  const start = calendarDay(request.periodStart);
  const end = calendarDay(request.periodEnd);
  if (start === null) problem(ProblemCode.INVALID, 'Give the first day as YYYY-MM-DD.', 'periodStart');
  if (end === null) problem(ProblemCode.INVALID, 'Give the last day as YYYY-MM-DD.', 'periodEnd');
  if (start !== null && end !== null && start > end) problem(ProblemCode.INVALID, 'The period must not end before it starts.', 'periodEnd');
  // A day ahead of UTC's today allows for reporters east of Greenwich; later days have not happened.
  if (end !== null && end > Date.now() + DAY_MS) problem(ProblemCode.OUT_OF_RANGE, 'A period cannot end in the future.', 'periodEnd');

  if (!Number.isSafeInteger(request.ordersCount) || request.ordersCount < 0 || request.ordersCount > MAX_ORDERS) {
    problem(ProblemCode.OUT_OF_RANGE, `The number of orders is a whole number from 0 to ${MAX_ORDERS}.`, 'ordersCount');
  }
  const amount = (money: Money, ...field: (string | number)[]) => {
    if (money.currency !== dealCurrency) problem(ProblemCode.CURRENCY_MISMATCH, `Amounts must be in the deal’s currency, ${dealCurrency}.`, ...field, 'currency');
    if (!Number.isSafeInteger(money.amount)) problem(ProblemCode.INVALID, 'Amounts are whole numbers of minor units.', ...field, 'amount');
    else if (money.amount < 0) problem(ProblemCode.NEGATIVE_AMOUNT, 'Amounts must not be negative; report refunds as refunds.', ...field, 'amount');
    else if (money.amount > MAX_MONEY_AMOUNT) problem(ProblemCode.OUT_OF_RANGE, `Amounts are at most ${MAX_MONEY_AMOUNT} minor units.`, ...field, 'amount');
    return money.amount;
  };
  const gmv = amount(request.gmv, 'gmv');
  const given = request.refunds ?? [];
  if (given.length > MAX_REFUND_BUCKETS) problem(ProblemCode.OUT_OF_RANGE, `At most ${MAX_REFUND_BUCKETS} refund buckets per report; merge refunds of the same day.`, 'refunds');
  const refunds = given.slice(0, MAX_REFUND_BUCKETS).map((refund, index) => {
    const days = refund.daysAfterOrder;
    if (!Number.isSafeInteger(days) || days < 0 || days > MAX_DAYS_AFTER_ORDER) {
      problem(ProblemCode.OUT_OF_RANGE, `Days after the order are a whole number from 0 (the order day) to ${MAX_DAYS_AFTER_ORDER}.`, 'refunds', index, 'daysAfterOrder');
    }
    return { amount: amount(refund.amount, 'refunds', index, 'amount'), daysAfterOrder: days };
  });
  if (problems.length) throw new Problem(problems);

  const refundsTotal = refunds.reduce((sum, refund) => sum + refund.amount, 0);
  if (refundsTotal > gmv) {
    throw Problem.of(ProblemCode.REFUNDS_EXCEED_GMV, `Refunds add up to ${refundsTotal}, more than the period’s GMV of ${gmv}; a period cannot refund more than it sold.`, ['input', 'refunds']);
  }
  return {
    figures: { ordersCount: request.ordersCount, currency: dealCurrency, gmv, refunds: normalised(refunds) },
    key: { periodStart: request.periodStart, periodEnd: request.periodEnd, source },
  };
}

/** Milliseconds of a real YYYY-MM-DD calendar day (UTC), or null. */
function calendarDay(text: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const time = Date.parse(`${text}T00:00:00Z`);
  return Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== text ? null : time;
}

/** Refund buckets in one order, so that the same refunds listed differently are the same figures. */
function normalised(refunds: ReportedRefund[]): ReportedRefund[] {
  return [...refunds].sort((a, b) => a.daysAfterOrder - b.daysAfterOrder || a.amount - b.amount);
}

function sameFigures(report: SalesReport, figures: Figures): boolean {
  return (
    report.ordersCount === figures.ordersCount &&
    report.currency === figures.currency &&
    report.gmv === figures.gmv &&
    JSON.stringify(normalised(report.refunds)) === JSON.stringify(figures.refunds)
  );
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
  key: { periodStart: string; periodEnd: string; source: string },
): Promise<void> {
  const field = ['input', 'supersedes'];
  const named = supersedesId ? await em.findOne(SalesReport, { id: supersedesId, deal: deal.id }) : null;
  if (!named) throw Problem.notFound('sales report of this deal', field);
  if (named.periodStart !== key.periodStart || named.periodEnd !== key.periodEnd || named.source !== key.source) {
    throw Problem.of(ProblemCode.INVALID, 'A correction keeps the period and source of the report it corrects.', field);
  }
  if (named !== current) {
    throw Problem.of(ProblemCode.REPORT_SUPERSEDED, 'That report was already corrected; read the one in force and correct that instead.', field);
  }
}

/** Periods of one source may not overlap, or the same sales would count twice. */
function assertNoOverlap(inForce: readonly SalesReport[], current: SalesReport | null, key: { periodStart: string; periodEnd: string; source: string }): void {
  const clash = inForce.find(
    (report) => report !== current && report.source === key.source && report.periodStart <= key.periodEnd && key.periodStart <= report.periodEnd,
  );
  if (clash) {
    throw Problem.of(
      ProblemCode.PERIOD_OVERLAP,
      `This source already reported ${clash.periodStart} to ${clash.periodEnd}, which overlaps; report other days, or correct that report.`,
      ['input', 'periodStart'],
    );
  }
}

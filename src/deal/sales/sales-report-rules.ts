import { type Money, MAX_MONEY_AMOUNT } from '../../common/money.js';
import { Problem, ProblemCode, type ProblemDetail } from '../../common/problems.js';
import type { ReportedRefund } from './sales-report.entity.js';
import { SalesReportProblem } from './sales-report.problems.js';

/**
 * The rules on a sales report's own values, as pure functions: what a valid report is, when two
 * reports state the same figures, and when two periods of one source overlap.
 */

/** A source names who produced the figures: BRAND_MANUAL, or an integration such as DOUYIN_SHOP. */
export const SALES_SOURCE_PATTERN = /^[A-Z][A-Z0-9_]{1,39}$/;
export const BRAND_MANUAL_SOURCE = 'BRAND_MANUAL';
/** Refund buckets per report: one per day of a year-long window is plenty. */
export const MAX_REFUND_BUCKETS = 400;
export const MAX_DAYS_AFTER_ORDER = 3650;
export const MAX_ORDERS = 1_000_000_000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A report's values as the client sent them. */
export interface SalesReportValues {
  periodStart: string;
  periodEnd: string;
  source?: string | null;
  ordersCount: number;
  gmv: Money;
  refunds?: readonly { amount: Money; daysAfterOrder: number }[] | null;
}

/** What identifies a report: one is in force per deal and key. */
export interface ReportKey {
  periodStart: string;
  periodEnd: string;
  source: string;
}

/** The figures a report states; two reports with equal figures for one key are the same report. */
export interface ReportFigures {
  ordersCount: number;
  currency: string;
  gmv: number;
  refunds: ReportedRefund[];
}

/**
 * The report's key and figures, or a Problem listing every rule it breaks (fields under
 * `input`). Amounts must be in `dealCurrency`; `now` is the moment periods may not end after
 * (a day's grace, for reporters east of UTC).
 */
export function parseSalesReport(values: SalesReportValues, dealCurrency: string, now: number): { key: ReportKey; figures: ReportFigures } {
  const problems: ProblemDetail[] = [];
  const problem = (code: string, message: string, ...field: (string | number)[]) => problems.push({ code, message, field: ['input', ...field] });

  const source = (values.source ?? BRAND_MANUAL_SOURCE).trim();
  if (!SALES_SOURCE_PATTERN.test(source)) {
    problem(ProblemCode.INVALID, 'A source is 2 to 40 capital letters, digits and underscores, starting with a letter (e.g. BRAND_MANUAL, DOUYIN_SHOP).', 'source');
  }
  const start = calendarDay(values.periodStart);
  const end = calendarDay(values.periodEnd);
  if (start === null) problem(ProblemCode.INVALID, 'Give the first day as YYYY-MM-DD.', 'periodStart');
  if (end === null) problem(ProblemCode.INVALID, 'Give the last day as YYYY-MM-DD.', 'periodEnd');
  if (start !== null && end !== null && start > end) problem(ProblemCode.INVALID, 'The period must not end before it starts.', 'periodEnd');
  if (end !== null && end > now + DAY_MS) problem(ProblemCode.OUT_OF_RANGE, 'A period cannot end in the future.', 'periodEnd');

  if (!Number.isSafeInteger(values.ordersCount) || values.ordersCount < 0 || values.ordersCount > MAX_ORDERS) {
    problem(ProblemCode.OUT_OF_RANGE, `The number of orders is a whole number from 0 to ${MAX_ORDERS}.`, 'ordersCount');
  }
  const amount = (money: Money, ...field: (string | number)[]) => {
    if (money.currency !== dealCurrency) problem(ProblemCode.CURRENCY_MISMATCH, `Amounts must be in the deal’s currency, ${dealCurrency}.`, ...field, 'currency');
    if (!Number.isSafeInteger(money.amount)) problem(ProblemCode.INVALID, 'Amounts are whole numbers of minor units.', ...field, 'amount');
    else if (money.amount < 0) problem(SalesReportProblem.NEGATIVE_AMOUNT, 'Amounts must not be negative; report refunds as refunds.', ...field, 'amount');
    else if (money.amount > MAX_MONEY_AMOUNT) problem(ProblemCode.OUT_OF_RANGE, `Amounts are at most ${MAX_MONEY_AMOUNT} minor units.`, ...field, 'amount');
    return money.amount;
  };
  const gmv = amount(values.gmv, 'gmv');
  const given = values.refunds ?? [];
  if (given.length > MAX_REFUND_BUCKETS) problem(ProblemCode.OUT_OF_RANGE, `At most ${MAX_REFUND_BUCKETS} refund buckets per report; merge refunds of the same day.`, 'refunds');
  const refunds = given.slice(0, MAX_REFUND_BUCKETS).map((refund, index) => {
    const days = refund.daysAfterOrder;
    if (!Number.isSafeInteger(days) || days < 0 || days > MAX_DAYS_AFTER_ORDER) {
      problem(ProblemCode.OUT_OF_RANGE, `Days after the order are a whole number from 0 (the order day) to ${MAX_DAYS_AFTER_ORDER}.`, 'refunds', index, 'daysAfterOrder');
    }
    return { amount: amount(refund.amount, 'refunds', index, 'amount'), daysAfterOrder: days };
  });
  if (problems.length) throw new Problem(problems);

  // Checked once every amount is known to be valid, so that the sum means something.
  const refundsTotal = refunds.reduce((sum, refund) => sum + refund.amount, 0);
  if (refundsTotal > gmv) {
    throw Problem.of(SalesReportProblem.REFUNDS_EXCEED_GMV, `Refunds add up to ${refundsTotal}, more than the period’s GMV of ${gmv}; a period cannot refund more than it sold.`, ['input', 'refunds']);
  }
  return {
    key: { periodStart: values.periodStart, periodEnd: values.periodEnd, source },
    figures: { ordersCount: values.ordersCount, currency: dealCurrency, gmv, refunds: normalisedRefunds(refunds) },
  };
}

/** Milliseconds of a real YYYY-MM-DD calendar day (UTC), or null for anything else (2026-02-30 included). */
export function calendarDay(text: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const time = Date.parse(`${text}T00:00:00Z`);
  return Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== text ? null : time;
}

/** Refund buckets in one order, so that the same refunds listed differently are the same figures. */
export function normalisedRefunds(refunds: readonly ReportedRefund[]): ReportedRefund[] {
  return [...refunds].sort((a, b) => a.daysAfterOrder - b.daysAfterOrder || a.amount - b.amount);
}

export function sameFigures(a: ReportFigures, b: ReportFigures): boolean {
  return (
    a.ordersCount === b.ordersCount &&
    a.currency === b.currency &&
    a.gmv === b.gmv &&
    JSON.stringify(normalisedRefunds(a.refunds)) === JSON.stringify(normalisedRefunds(b.refunds))
  );
}

export function sameKey(a: ReportKey, b: ReportKey): boolean {
  return a.periodStart === b.periodStart && a.periodEnd === b.periodEnd && a.source === b.source;
}

/**
 * The first of `others` from the same source whose days overlap `key`'s: reporting those days
 * again under another period would count the same sales twice. Days are YYYY-MM-DD, so text order
 * is date order.
 */
export function overlappingReport<T extends ReportKey>(others: readonly T[], key: ReportKey): T | undefined {
  return others.find((other) => other.source === key.source && other.periodStart <= key.periodEnd && key.periodStart <= other.periodEnd);
}

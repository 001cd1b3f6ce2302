import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import { DateType } from '@mikro-orm/core';
import { User } from '../../account/account.entity.js';
import { Deal } from '../deal.entity.js';

/** A refund bucket: money returned this many whole days after the order (the order day is day 0). */
export interface ReportedRefund {
  amount: number;
  daysAfterOrder: number;
}

/**
 * Orders, GMV and refunds of one deal for one period, as one source reported them. Never changed
 * once written, except to mark it superseded: a correction is a new record that names the one it
 * replaces. Exactly one record per (deal, period, source) is in force (`superseded_at is null`);
 * a partial unique index in the migration holds that under concurrent requests. Totals are always
 * summed from the records in force, never kept as running sums.
 */
const SalesReportSchema = defineEntity({
  name: 'SalesReport',
  checks: [
    { name: 'sales_report_period_order', expression: 'period_start <= period_end' },
    { name: 'sales_report_refunds_within_gmv', expression: 'refunds_total <= gmv' },
  ],
  indexes: [{ properties: ['deal', 'periodStart'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    deal: () => p.manyToOne(Deal).ref().deleteRule('cascade'),
    /** First and last calendar day covered, both included. */
    periodStart: p.type(DateType),
    periodEnd: p.type(DateType),
    /** Who produced the figures: BRAND_MANUAL, or an integration's name such as DOUYIN_SHOP. */
    source: p.string().length(40),
    ordersCount: p.integer().check('orders_count >= 0'),
    currency: p.string().length(3),
    gmv: p.bigint('number').check('gmv >= 0'),
    /** The refund buckets, as reported; settlement applies the refund window to their days. */
    refunds: p.json<ReportedRefund[]>(),
    /** Sum of `refunds`, kept beside them so that the database can hold it to at most the GMV. */
    refundsTotal: p.bigint('number').check('refunds_total >= 0'),
    reportedBy: () => p.manyToOne(User).ref(),
    /** The record this one corrects; null for a first report. */
    supersedes: () => p.oneToOne(SalesReport).ref().owner().nullable().unique(),
    /** When a correction replaced this record; null while it is in force. */
    supersededAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export class SalesReport extends SalesReportSchema.class {}
SalesReportSchema.setClass(SalesReport);

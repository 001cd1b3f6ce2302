import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import { User } from '../../account/account.entity.js';
import { Agency } from '../../agency/agency.entity.js';
import { Brand } from '../../brand/brand.entity.js';
import { Creator } from '../../creator/creator.entity.js';
import { Trader } from '../../trader/trader.entity.js';
import { Vertical } from '../../vertical/vertical.entity.js';
import { DealDispute } from '../dispute/dispute.entity.js';
import { Deal } from '../deal.entity.js';

/** How a deal came to be settled. */
export const SettlementMethod = {
  /** The brand (or an admin) settled a delivered deal. */
  SETTLED: 'SETTLED',
  /** An admin resolved a dispute by settling on the record as it stood. */
  DISPUTE_RESOLUTION: 'DISPUTE_RESOLUTION',
} as const;
export type SettlementMethod = (typeof SettlementMethod)[keyof typeof SettlementMethod];

/**
 * The settlement of one deal, written once: the full breakdown `computeSettlement` gave, in
 * columns, with the terms and the parties it was computed for. Track records and credibility are
 * aggregated straight from these rows (net_gmv, brand_total_cost, gmv_guarantee, roi_bp,
 * vertical_id, creator_id / trader_id), so the talent, the brand and the vertical are copied here
 * rather than joined through the deal and its brief. The CHECK constraints restate the breakdown's
 * identities, so no row can disagree with itself.
 */
const DealSettlementSchema = defineEntity({
  name: 'DealSettlement',
  checks: [
    { name: 'deal_settlement_one_talent', expression: '(creator_id is null) <> (trader_id is null)' },
    { name: 'deal_settlement_net_gmv', expression: 'net_gmv = gross_gmv - refunds_counted' },
    { name: 'deal_settlement_fee_earned', expression: 'fee_earned = fixed_fee - make_good' },
    { name: 'deal_settlement_creator_gross', expression: 'creator_gross = fee_earned + commission' },
    { name: 'deal_settlement_creator_net', expression: 'creator_net = creator_gross - agency_share' },
    { name: 'deal_settlement_brand_total_cost', expression: 'brand_total_cost = creator_gross + platform_fee' },
    { name: 'deal_settlement_make_good_within_fee', expression: 'make_good <= fixed_fee' },
    { name: 'deal_settlement_agency_share_needs_agency', expression: 'agency_id is not null or agency_share = 0' },
    { name: 'deal_settlement_dispute_when_resolved', expression: "(method = 'DISPUTE_RESOLUTION') = (dispute_id is not null)" },
  ],
  indexes: [{ properties: ['settledAt'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    /** A deal is settled once. */
    deal: () => p.oneToOne(Deal).ref().owner().unique().deleteRule('cascade'),
    method: p.enum(() => SettlementMethod),
    /** The dispute whose resolution settled the deal; null for an ordinary settlement. */
    dispute: () => p.manyToOne(DealDispute).ref().nullable(),
    /** The terms version the figures were computed with. */
    termsVersion: p.integer().check('terms_version >= 1'),
    brand: () => p.manyToOne(Brand).ref().index(),
    creator: () => p.manyToOne(Creator).ref().nullable().deleteRule('no action').index(),
    trader: () => p.manyToOne(Trader).ref().nullable().deleteRule('no action').index(),
    agency: () => p.manyToOne(Agency).ref().nullable().deleteRule('no action').index(),
    /** The brief's main vertical: the one most of its products belong to (ties: first by slug). */
    vertical: () => p.manyToOne(Vertical).ref().nullable().index(),
    currency: p.string().length(3),
    /** Terms in force at settlement, copied so that a row explains itself. */
    commissionBp: p.integer().check('commission_bp between 0 and 10000'),
    agencyShareBp: p.integer().check('agency_share_bp between 0 and 10000'),
    platformFeeBp: p.integer().check('platform_fee_bp between 0 and 10000'),
    refundWindowDays: p.integer().check('refund_window_days >= 0'),
    gmvGuarantee: p.bigint('number').nullable().check('gmv_guarantee is null or gmv_guarantee > 0'),
    ordersCount: p.bigint('number').check('orders_count >= 0'),
    grossGmv: p.bigint('number').check('gross_gmv >= 0'),
    refundsCounted: p.bigint('number').check('refunds_counted >= 0'),
    refundsIgnored: p.bigint('number').check('refunds_ignored >= 0'),
    netGmv: p.bigint('number').check('net_gmv >= 0'),
    fixedFee: p.bigint('number').check('fixed_fee >= 0'),
    makeGood: p.bigint('number').check('make_good >= 0'),
    feeEarned: p.bigint('number').check('fee_earned >= 0'),
    commission: p.bigint('number').check('commission >= 0'),
    creatorGross: p.bigint('number').check('creator_gross >= 0'),
    agencyShare: p.bigint('number').check('agency_share >= 0'),
    creatorNet: p.bigint('number').check('creator_net >= 0'),
    platformFee: p.bigint('number').check('platform_fee >= 0'),
    brandTotalCost: p.bigint('number').check('brand_total_cost >= 0'),
    /** floor(net_gmv × 10000 ÷ brand_total_cost); null when the brand paid nothing. */
    roiBp: p.bigint('number').nullable().check('roi_bp is null or roi_bp >= 0'),
    settledBy: () => p.manyToOne(User).ref(),
    settledAt: p.datetime().onCreate(() => new Date()),
  },
});
export class DealSettlement extends DealSettlementSchema.class {}
DealSettlementSchema.setClass(DealSettlement);

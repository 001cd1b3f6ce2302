import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import { User } from '../account/account.entity.js';
import { Agency } from '../agency/agency.entity.js';
import type { DeliverableTerm } from '../bid/bid.entity.js';
import { Bid } from '../bid/bid.entity.js';
import { Brand } from '../brand/brand.entity.js';
import { Brief } from '../brief/brief.entity.js';
import { Creator } from '../creator/creator.entity.js';
import { Trader } from '../trader/trader.entity.js';

export const DealStatus = {
  ACTIVE: 'ACTIVE',
  DELIVERED: 'DELIVERED',
  SETTLED: 'SETTLED',
  CANCELLED: 'CANCELLED',
  DISPUTED: 'DISPUTED',
} as const;
export type DealStatus = (typeof DealStatus)[keyof typeof DealStatus];

/** When the fixed fee is released: market practice is after the content is approved. */
export const FeePayment = { ON_APPROVAL: 'ON_APPROVAL', ON_SETTLEMENT: 'ON_SETTLEMENT' } as const;
export type FeePayment = (typeof FeePayment)[keyof typeof FeePayment];

/** An accepted bid: the brand, the talent, the agency if any, and versioned terms. */
const DealSchema = defineEntity({
  name: 'Deal',
  checks: [{ name: 'deal_one_talent', expression: '(creator_id is null) <> (trader_id is null)' }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    brief: () => p.manyToOne(Brief).ref().index(),
    /** One deal per bid, ever. */
    bid: () => p.oneToOne(Bid).ref().owner().unique(),
    brand: () => p.manyToOne(Brand).ref().index(),
    creator: () => p.manyToOne(Creator).ref().nullable().deleteRule('no action').index(),
    trader: () => p.manyToOne(Trader).ref().nullable().deleteRule('no action').index(),
    agency: () => p.manyToOne(Agency).ref().nullable().deleteRule('no action').index(),
    status: p.enum(() => DealStatus).default(DealStatus.ACTIVE),
    /** The terms version in force. */
    termsVersion: p.integer().default(1).check('terms_version >= 1'),
    /** When the fixed fee was released to the talent, for fees paid on approval of the deliverables. */
    feeReleasedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
    terms: () => p.oneToMany(DealTerms).mappedBy('deal').orderBy({ version: 'asc' }),
  },
});
export class Deal extends DealSchema.class {}
DealSchema.setClass(Deal);

/** One version of a deal's terms; a new version is written for every accepted amendment. */
const DealTermsSchema = defineEntity({
  name: 'DealTerms',
  uniques: [{ properties: ['deal', 'version'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    deal: () => p.manyToOne(Deal).ref().deleteRule('cascade'),
    version: p.integer().check('version >= 1'),
    currency: p.string().length(3),
    fixedFee: p.bigint('number').check('fixed_fee >= 0'),
    commissionBp: p.integer().check('commission_bp between 0 and 10000'),
    gmvGuarantee: p.bigint('number').nullable().check('gmv_guarantee is null or gmv_guarantee > 0'),
    /** Refunds within this many days of an order reduce net GMV. */
    refundWindowDays: p.integer().default(7).check('refund_window_days between 0 and 365'),
    agencyShareBp: p.integer().default(0).check('agency_share_bp between 0 and 10000'),
    platformFeeBp: p.integer().check('platform_fee_bp between 0 and 10000'),
    deliverables: p.json<DeliverableTerm[]>(),
    exclusivityDays: p.integer().default(0).check('exclusivity_days between 0 and 3650'),
    usageRightsDays: p.integer().default(0).check('usage_rights_days between 0 and 3650'),
    feePayment: p.enum(() => FeePayment).default(FeePayment.ON_APPROVAL),
    createdBy: () => p.manyToOne(User).ref(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export class DealTerms extends DealTermsSchema.class {}
DealTermsSchema.setClass(DealTerms);

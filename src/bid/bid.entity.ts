import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import { User } from '../account/account.entity.js';
import { Agency } from '../agency/agency.entity.js';
import { Brief } from '../brief/brief.entity.js';
import { Creator } from '../creator/creator.entity.js';
import { Trader } from '../trader/trader.entity.js';

/**
 * A bid's life. Active states: SUBMITTED (the bidder's proposal awaits the brand), SHORTLISTED,
 * COUNTERED (the brand's proposal awaits the bidder) and AGREED (both said yes to the same
 * revision). ACCEPTED means a deal was made; the others are final.
 */
export const BidStatus = {
  SUBMITTED: 'SUBMITTED',
  SHORTLISTED: 'SHORTLISTED',
  COUNTERED: 'COUNTERED',
  AGREED: 'AGREED',
  ACCEPTED: 'ACCEPTED',
  REJECTED: 'REJECTED',
  WITHDRAWN: 'WITHDRAWN',
  NOT_SELECTED: 'NOT_SELECTED',
} as const;
export type BidStatus = (typeof BidStatus)[keyof typeof BidStatus];

export const ACTIVE_BID_STATUSES: readonly BidStatus[] = ['SUBMITTED', 'SHORTLISTED', 'COUNTERED', 'AGREED'];

/** Which side of the negotiation wrote a revision. */
export const NegotiationSide = { BRAND: 'BRAND', BIDDER: 'BIDDER' } as const;
export type NegotiationSide = (typeof NegotiationSide)[keyof typeof NegotiationSide];

/** One promised piece of work: a format on a platform by a date. */
export interface DeliverableTerm {
  format: string;
  platform: string;
  dueAt: string;
  description: string;
}

const BidSchema = defineEntity({
  name: 'Bid',
  indexes: [{ properties: ['brief', 'status'] }],
  checks: [
    { name: 'bid_one_talent', expression: '(creator_id is null) <> (trader_id is null)' },
    { name: 'bid_rejection_reason_only_when_rejected', expression: "rejection_reason is null or status = 'REJECTED'" },
    // Agreed terms are frozen: an AGREED or ACCEPTED bid's agreement is its current revision.
    {
      name: 'bid_agreement_is_current',
      expression: "status not in ('AGREED', 'ACCEPTED') or agreed_revision is not distinct from current_revision",
    },
  ],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    brief: () => p.manyToOne(Brief).ref(),
    /** The talent who would do the work: a creator or an operator. */
    creator: () => p.manyToOne(Creator).ref().nullable().deleteRule('no action').index(),
    trader: () => p.manyToOne(Trader).ref().nullable().deleteRule('no action').index(),
    /** Set when an agency bid for a member of its roster. */
    agency: () => p.manyToOne(Agency).ref().nullable().deleteRule('no action').index(),
    submittedBy: () => p.manyToOne(User).ref(),
    pitch: p.text().default(''),
    status: p.enum(() => BidStatus).default(BidStatus.SUBMITTED),
    /** Number of the latest revision: the current terms. */
    currentRevision: p.integer().default(1).check('current_revision >= 1'),
    /** The revision both sides said yes to, once they have. */
    agreedRevision: p.integer().nullable(),
    /** Why the brand rejected the bid, when it gave a reason. */
    rejectionReason: p.text().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
    revisions: () => p.oneToMany(BidRevision).mappedBy('bid').orderBy({ number: 'asc' }),
  },
});
export class Bid extends BidSchema.class {}
BidSchema.setClass(Bid);

/** A proposal in a negotiation; never changed once written. */
const BidRevisionSchema = defineEntity({
  name: 'BidRevision',
  uniques: [{ properties: ['bid', 'number'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    bid: () => p.manyToOne(Bid).ref().deleteRule('cascade'),
    number: p.integer().check('number >= 1'),
    side: p.enum(() => NegotiationSide),
    author: () => p.manyToOne(User).ref(),
    currency: p.string().length(3),
    fixedFee: p.bigint('number').check('fixed_fee >= 0'),
    commissionBp: p.integer().check('commission_bp between 0 and 10000'),
    gmvGuarantee: p.bigint('number').nullable().check('gmv_guarantee is null or gmv_guarantee > 0'),
    /** The agency's share of the talent's earnings, for agency bids. */
    agencyShareBp: p.integer().nullable().check('agency_share_bp is null or agency_share_bp between 0 and 10000'),
    deliverables: p.json<DeliverableTerm[]>(),
    message: p.text().default(''),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export class BidRevision extends BidRevisionSchema.class {}
BidRevisionSchema.setClass(BidRevision);

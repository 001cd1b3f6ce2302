import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import { User } from '../../account/account.entity.js';
import type { DeliverableTerm } from '../../bid/bid.entity.js';
import { DealSide } from '../deal-sides.js';
import { Deal, FeePayment } from '../deal.entity.js';

/** An amendment awaits the other side (PROPOSED) until it is accepted, rejected or withdrawn; the last three are final. */
export const AmendmentStatus = {
  PROPOSED: 'PROPOSED',
  ACCEPTED: 'ACCEPTED',
  REJECTED: 'REJECTED',
  WITHDRAWN: 'WITHDRAWN',
} as const;
export type AmendmentStatus = (typeof AmendmentStatus)[keyof typeof AmendmentStatus];

/**
 * One side's proposal to change a deal's terms, with the full terms it proposes (so the other side
 * answers exactly what it reads). Accepting it writes the next DealTerms version; the proposal
 * itself is kept as it was, with who answered it and when.
 */
const DealAmendmentSchema = defineEntity({
  name: 'DealAmendment',
  indexes: [{ properties: ['deal', 'createdAt'] }],
  checks: [
    { name: 'deal_amendment_reason_length', expression: 'char_length(reason) between 1 and 2000' },
    { name: 'deal_amendment_answered', expression: "(status = 'PROPOSED') = (answered_at is null)" },
    { name: 'deal_amendment_result', expression: "(status = 'ACCEPTED') = (resulting_version is not null)" },
  ],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    deal: () => p.manyToOne(Deal).ref().deleteRule('cascade'),
    side: p.enum(() => DealSide),
    proposedBy: () => p.manyToOne(User).ref(),
    reason: p.text(),
    /** The terms version it amends; it can only be accepted while that version is in force. */
    baseVersion: p.integer().check('base_version >= 1'),
    currency: p.string().length(3),
    fixedFee: p.bigint('number').check('fixed_fee >= 0'),
    commissionBp: p.integer().check('commission_bp between 0 and 10000'),
    gmvGuarantee: p.bigint('number').nullable().check('gmv_guarantee is null or gmv_guarantee > 0'),
    refundWindowDays: p.integer().check('refund_window_days between 0 and 365'),
    agencyShareBp: p.integer().check('agency_share_bp between 0 and 10000'),
    /** Copied from the terms in force: the marketplace's fee is not the parties' to negotiate. */
    platformFeeBp: p.integer().check('platform_fee_bp between 0 and 10000'),
    deliverables: p.json<DeliverableTerm[]>(),
    exclusivityDays: p.integer().check('exclusivity_days between 0 and 3650'),
    usageRightsDays: p.integer().check('usage_rights_days between 0 and 3650'),
    feePayment: p.enum(() => FeePayment),
    status: p.enum(() => AmendmentStatus).default(AmendmentStatus.PROPOSED),
    answeredBy: () => p.manyToOne(User).ref().nullable().deleteRule('no action'),
    answeredAt: p.datetime().nullable(),
    /** Why the other side rejected it, when they said. */
    answerReason: p.text().nullable(),
    /** The terms version it became, once accepted. */
    resultingVersion: p.integer().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export class DealAmendment extends DealAmendmentSchema.class {}
DealAmendmentSchema.setClass(DealAmendment);

/** The terms an amendment proposes, field by field as a terms version holds them. */
export function proposedTermsOf(amendment: DealAmendment) {
  return {
    currency: amendment.currency,
    fixedFee: amendment.fixedFee,
    commissionBp: amendment.commissionBp,
    gmvGuarantee: amendment.gmvGuarantee ?? null,
    refundWindowDays: amendment.refundWindowDays,
    agencyShareBp: amendment.agencyShareBp,
    platformFeeBp: amendment.platformFeeBp,
    deliverables: amendment.deliverables,
    exclusivityDays: amendment.exclusivityDays,
    usageRightsDays: amendment.usageRightsDays,
    feePayment: amendment.feePayment,
  };
}

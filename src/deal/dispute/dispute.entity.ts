import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import { User } from '../../account/account.entity.js';
import { DealPartySide } from '../deal-sides.js';
import { Deal } from '../deal.entity.js';

/** How an admin resolved a dispute. */
export const DisputeDecision = { SETTLE: 'SETTLE', CANCEL: 'CANCEL', SPLIT: 'SPLIT' } as const;
export type DisputeDecision = (typeof DisputeDecision)[keyof typeof DisputeDecision];

/**
 * A dispute on a deal: who raised it and why, and how an admin decided it. The decision columns
 * are all set together, once; a partial unique index in the migration allows one open dispute per
 * deal.
 */
const DealDisputeSchema = defineEntity({
  name: 'DealDispute',
  checks: [
    {
      name: 'deal_dispute_resolution_complete',
      expression: '(decision is null) = (resolved_at is null) and (decision is null) = (resolved_by_id is null) and (decision is null) = (resolution_note is null)',
    },
  ],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    deal: () => p.manyToOne(Deal).ref().deleteRule('cascade').index(),
    openedBy: () => p.manyToOne(User).ref(),
    openedBySide: p.enum(() => DealPartySide),
    reason: p.text(),
    openedAt: p.datetime().onCreate(() => new Date()),
    decision: p.enum(() => DisputeDecision).nullable(),
    resolutionNote: p.text().nullable(),
    resolvedBy: () => p.manyToOne(User).ref().nullable().deleteRule('no action'),
    resolvedAt: p.datetime().nullable(),
    /** For a SPLIT: the part of the escrow the talent's side received; the brand got the rest. */
    splitTalentAmount: p.bigint('number').nullable(),
  },
});
export class DealDispute extends DealDisputeSchema.class {}
DealDisputeSchema.setClass(DealDispute);

import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import { User } from '../../account/account.entity.js';
import { Deal } from '../deal.entity.js';

/**
 * A deliverable's life: PENDING until the talent submits proof, SUBMITTED until the brand answers,
 * CHANGES_REQUESTED until the talent submits again, APPROVED when done. DROPPED when an accepted
 * amendment no longer asks for it; the row and its submissions stay.
 */
export const DeliverableStatus = {
  PENDING: 'PENDING',
  SUBMITTED: 'SUBMITTED',
  CHANGES_REQUESTED: 'CHANGES_REQUESTED',
  APPROVED: 'APPROVED',
  DROPPED: 'DROPPED',
} as const;
export type DeliverableStatus = (typeof DeliverableStatus)[keyof typeof DeliverableStatus];

/** The brand's answer to one submission. */
export const SubmissionOutcome = { APPROVED: 'APPROVED', CHANGES_REQUESTED: 'CHANGES_REQUESTED' } as const;
export type SubmissionOutcome = (typeof SubmissionOutcome)[keyof typeof SubmissionOutcome];

/** One piece of promised work on a deal, tracked from the terms that ask for it to the brand's approval. */
const DealDeliverableSchema = defineEntity({
  name: 'DealDeliverable',
  indexes: [{ properties: ['deal', 'position'] }],
  checks: [
    { name: 'deal_deliverable_approved', expression: "status <> 'APPROVED' or approved_at is not null" },
    { name: 'deal_deliverable_dropped', expression: "(status = 'DROPPED') = (dropped_in_version is not null)" },
    { name: 'deal_deliverable_submitted', expression: "status in ('PENDING', 'DROPPED') or first_submitted_at is not null" },
  ],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    deal: () => p.manyToOne(Deal).ref().deleteRule('cascade'),
    /** Its place in the list of the terms that last asked for it. */
    position: p.integer().check('position >= 0'),
    format: p.text(),
    platform: p.text(),
    description: p.text(),
    dueAt: p.datetime(),
    status: p.enum(() => DeliverableStatus).default(DeliverableStatus.PENDING),
    /** When proof was first submitted: on time means this is not after `dueAt`. */
    firstSubmittedAt: p.datetime().nullable(),
    approvedAt: p.datetime().nullable(),
    /** The terms version that first asked for it. */
    addedInVersion: p.integer().check('added_in_version >= 1'),
    /** The terms version that stopped asking for it. */
    droppedInVersion: p.integer().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});
export class DealDeliverable extends DealDeliverableSchema.class {}
DealDeliverableSchema.setClass(DealDeliverable);

/** One proof the talent submitted for a deliverable, and the brand's answer to it; a resubmission is a new row. */
const DeliverableSubmissionSchema = defineEntity({
  name: 'DeliverableSubmission',
  uniques: [{ properties: ['deliverable', 'number'] }],
  checks: [
    { name: 'deliverable_submission_proof_url_scheme', expression: "proof_url ~ '^https?://'" },
    {
      name: 'deliverable_submission_reviewed',
      expression:
        "(outcome is null) = (reviewed_at is null) and (outcome is null or reviewed_by_id is not null or auto_approved) and (not auto_approved or (outcome = 'APPROVED' and reviewed_by_id is null))",
    },
    { name: 'deliverable_submission_reason', expression: "outcome is distinct from 'CHANGES_REQUESTED' or review_reason is not null" },
    { name: 'deliverable_submission_not_self_reviewed', expression: 'reviewed_by_id <> submitted_by_id' },
  ],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    deliverable: () => p.manyToOne(DealDeliverable).ref().deleteRule('cascade'),
    /** 1 for the first submission of the deliverable, 2 for the next, and so on. */
    number: p.integer().check('number >= 1'),
    proofUrl: p.text(),
    note: p.text().default(''),
    submittedBy: () => p.manyToOne(User).ref(),
    submittedAt: p.datetime(),
    outcome: p.enum(() => SubmissionOutcome).nullable(),
    reviewReason: p.text().nullable(),
    reviewedBy: () => p.manyToOne(User).ref().nullable().deleteRule('no action'),
    reviewedAt: p.datetime().nullable(),
    /** Approved by the platform because the brand did not answer within the review period. */
    autoApproved: p.boolean().default(false),
  },
});
export class DeliverableSubmission extends DeliverableSubmissionSchema.class {}
DeliverableSubmissionSchema.setClass(DeliverableSubmission);

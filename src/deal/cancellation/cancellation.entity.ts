import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import { User } from '../../account/account.entity.js';
import { DealPartySide } from '../deal-sides.js';
import { Deal } from '../deal.entity.js';

/**
 * A party calling off an ACTIVE deal before any proof was submitted: who, for which side, why and
 * when. Written once, with the deal's move to CANCELLED; a deal an admin cancels by resolving a
 * dispute has none (the decision is kept on the dispute).
 */
const DealCancellationSchema = defineEntity({
  name: 'DealCancellation',
  checks: [{ name: 'deal_cancellation_reason_length', expression: 'char_length(reason) between 1 and 2000' }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    /** A deal is cancelled once. */
    deal: () => p.oneToOne(Deal).ref().owner().unique().deleteRule('cascade'),
    cancelledBy: () => p.manyToOne(User).ref().index(),
    side: p.enum(() => DealPartySide),
    reason: p.text(),
    cancelledAt: p.datetime().onCreate(() => new Date()),
  },
});
export class DealCancellation extends DealCancellationSchema.class {}
DealCancellationSchema.setClass(DealCancellation);

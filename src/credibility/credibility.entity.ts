import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import { Creator } from '../creator/creator.entity.js';
import { Deal } from '../deal/deal.entity.js';
import { Trader } from '../trader/trader.entity.js';

/** Why a credibility score or level changed. */
export const CredibilityChangeReason = {
  /** An admin verified a credential, so a new credential type counts. */
  CREDENTIAL_VERIFIED: 'CREDENTIAL_VERIFIED',
  /** A verified credential expired or stopped counting. */
  CREDENTIAL_LAPSED: 'CREDENTIAL_LAPSED',
  /** Channel accounts changed, and with them the share of real followers. */
  AUDIENCE_CHANGED: 'AUDIENCE_CHANGED',
  /** A deal was settled (or a dispute resolved by settling), adding to the track record. */
  DEAL_SETTLED: 'DEAL_SETTLED',
  /** A brand reviewed a settled deal. */
  REVIEW_RECEIVED: 'REVIEW_RECEIVED',
  /** Recomputed from the same facts, for example after the rules changed. */
  RECALCULATED: 'RECALCULATED',
} as const;
export type CredibilityChangeReason = (typeof CredibilityChangeReason)[keyof typeof CredibilityChangeReason];

/**
 * One change of a creator's or operator's credibility: the score and level before and after, why,
 * and the deal that caused it when a settlement did. Written by CredibilityService in the same
 * transaction as the change, never updated: the history the talent reads is the record itself.
 */
const CredibilityChangeSchema = defineEntity({
  name: 'CredibilityChange',
  tableName: 'credibility_change',
  checks: [{ name: 'credibility_change_one_subject', expression: '(creator_id is null) <> (trader_id is null)' }],
  indexes: [
    { name: 'credibility_change_creator_history', properties: ['creator', 'createdAt', 'id'] },
    { name: 'credibility_change_trader_history', properties: ['trader', 'createdAt', 'id'] },
  ],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    creator: () => p.manyToOne(Creator).ref().nullable().deleteRule('cascade'),
    trader: () => p.manyToOne(Trader).ref().nullable().deleteRule('cascade'),
    previousScore: p.smallint().check('previous_score between 0 and 100'),
    previousLevel: p.smallint().check('previous_level between 1 and 5'),
    newScore: p.smallint().check('new_score between 0 and 100'),
    newLevel: p.smallint().check('new_level between 1 and 5'),
    reason: p.enum(() => CredibilityChangeReason),
    /** One readable sentence for the talent: what changed and what it did to the score. */
    explanation: p.text(),
    /** The settled deal behind a DEAL_SETTLED or REVIEW_RECEIVED change. */
    deal: () => p.manyToOne(Deal).ref().nullable().deleteRule('set null').index(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export class CredibilityChange extends CredibilityChangeSchema.class {}
CredibilityChangeSchema.setClass(CredibilityChange);

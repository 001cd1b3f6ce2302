import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import { User } from '../account/account.entity.js';

/** What a live-stream operator can run end to end for a merchant's own broadcast. */
export const TraderCapability = {
  STRATEGY_AND_COVERAGE: 'STRATEGY_AND_COVERAGE',
  LIVE_OPERATION: 'LIVE_OPERATION',
  TRAFFIC_MARKETING: 'TRAFFIC_MARKETING',
  SUPPLY_CHAIN: 'SUPPLY_CHAIN',
  FULFILMENT: 'FULFILMENT',
} as const;
export type TraderCapability = (typeof TraderCapability)[keyof typeof TraderCapability];

const TraderSchema = defineEntity({
  name: 'Trader',
  indexes: [
    { properties: ['verticalSlugs'], type: 'gin' },
    { properties: ['capabilities'], type: 'gin' },
  ],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    user: () => p.oneToOne(User).ref().owner().unique().deleteRule('cascade'),
    displayName: p.string().length(120),
    bio: p.text().default(''),
    capabilities: p.array().default([]),
    verticalSlugs: p.array().default([]),
    /** Platforms whose live rooms the operator has run. */
    platforms: p.array().default([]),
    capacity: p.integer().default(2).check('capacity between 1 and 100'),
    activeDealCount: p.integer().default(0).check('active_deal_count >= 0'),
    rateCurrency: p.string().length(3).default('CNY'),
    /** The lowest service fee the operator accepts for running one broadcast, in minor units. */
    minFixedFee: p.bigint('number').default(0).check('min_fixed_fee >= 0'),
    minCommissionBp: p.integer().default(0).check('min_commission_bp between 0 and 10000'),
    verifiedCredentialTypes: p.array().default([]),
    credibilityScore: p.smallint().default(0).check('credibility_score between 0 and 100'),
    credibilityLevel: p.smallint().default(1).check('credibility_level between 1 and 5'),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});
export class Trader extends TraderSchema.class {}
TraderSchema.setClass(Trader);

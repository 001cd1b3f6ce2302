import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import { User } from '../../account/account.entity.js';
import { Brand } from '../../brand/brand.entity.js';
import { Creator } from '../../creator/creator.entity.js';
import { Trader } from '../../trader/trader.entity.js';
import { Deal } from '../deal.entity.js';

/** Which side of a settled deal wrote a review, and so who it is about. */
export const ReviewSide = {
  /** The brand reviews the talent (the creator or operator). */
  BRAND: 'BRAND',
  /** The talent, or their agency, reviews the brand. */
  TALENT: 'TALENT',
} as const;
export type ReviewSide = (typeof ReviewSide)[keyof typeof ReviewSide];

/**
 * One side's review of the other after settlement; one per side and deal, held by a unique
 * constraint. The parties are copied from the deal so that "reviews a creator received" is one
 * indexed read: `side = 'BRAND' and creator_id = ?` (operators: trader_id; brands: side 'TALENT').
 */
const DealReviewSchema = defineEntity({
  name: 'DealReview',
  uniques: [{ properties: ['deal', 'side'] }],
  checks: [{ name: 'deal_review_one_talent', expression: '(creator_id is null) <> (trader_id is null)' }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    deal: () => p.manyToOne(Deal).ref().deleteRule('cascade'),
    side: p.enum(() => ReviewSide),
    rating: p.smallint().check('rating between 1 and 5'),
    comment: p.text().default(''),
    author: () => p.manyToOne(User).ref(),
    brand: () => p.manyToOne(Brand).ref().index(),
    creator: () => p.manyToOne(Creator).ref().nullable().deleteRule('no action').index(),
    trader: () => p.manyToOne(Trader).ref().nullable().deleteRule('no action').index(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export class DealReview extends DealReviewSchema.class {}
DealReviewSchema.setClass(DealReview);

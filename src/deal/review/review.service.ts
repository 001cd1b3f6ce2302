import { CredibilityChangeReason } from '../../credibility/credibility.entity.js';
import type { CredibilityService } from '../../credibility/credibility.service.js';
import type { Cursor } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { boundedText, MAX_MESSAGE_LENGTH } from '../../bid/bid-terms.js';
import { findPage, type PageRequest } from '../../common/page.js';
import { AccessDenied, Problem, ProblemCode } from '../../common/problems.js';
import type { ServiceContext } from '../../common/service-context.js';
import { flushOrProblem } from '../../db/flush.js';
import { uuidArray } from '../../db/sql-arrays.js';
import { signedIn } from '../deal-access.js';
import { visibleDeal } from '../deal-lifecycle.js';
import { DealPartySide, partySide } from '../deal-sides.js';
import { type Deal, DealStatus } from '../deal.entity.js';
import { DealEventKind, publishDealEvent } from '../deal.events.js';
import { DealReview, ReviewSide } from './review.entity.js';
import { ReviewProblem } from './review.problems.js';

/** Who a list of received reviews is about. */
export type ReviewSubject = { kind: 'creator' | 'trader' | 'brand'; id: string };

/** How many reviews someone received, and their average rating. */
export interface ReviewSummary {
  count: number;
  /** Mean rating, 1 to 5; null without reviews. */
  averageRating: number | null;
}

const REVIEW_ORDER = { createdAt: 'desc', id: 'desc' } as const;

/**
 * Reviews: once a deal is SETTLED, each side reviews the other once (1 to 5 and a comment). The
 * brand side reviews the talent; the talent side (the talent or their agency) reviews the brand.
 * Reviews are public: anyone sees what a creator, operator or brand received.
 */
export class DealReviewService {
  constructor(private readonly credibility: CredibilityService) {}

  async review(context: ServiceContext, dealId: string | null, rating: number, comment: string | null | undefined): Promise<{ deal: Deal; review: DealReview }> {
    const viewer = signedIn(context.viewer);
    const deal = await visibleDeal(context, dealId);
    const party = partySide(viewer, deal);
    if (!party) throw new AccessDenied('Only the deal’s brand and its talent (or their agency) review it.');
    if (deal.status !== DealStatus.SETTLED) {
      throw Problem.of(ReviewProblem.DEAL_NOT_SETTLED, `The deal is ${deal.status}; reviews open once it is settled.`, ['id']);
    }
    if (!Number.isInteger(rating) || rating < 1 || rating > 5) throw Problem.of(ProblemCode.OUT_OF_RANGE, 'A rating is a whole number from 1 to 5.', ['rating']);
    const text = boundedText(comment, { max: MAX_MESSAGE_LENGTH }, ['comment']);
    const side = party === DealPartySide.BRAND ? ReviewSide.BRAND : ReviewSide.TALENT;
    const alreadyReviewed = () => Problem.of(ProblemCode.ALREADY_REVIEWED, 'Your side has already reviewed this deal; a review is given once.', ['id']);
    if (await context.em.count(DealReview, { deal: deal.id, side })) throw alreadyReviewed();
    const review = context.em.create(DealReview, {
      deal,
      side,
      rating,
      comment: text,
      author: viewer.userId,
      brand: deal.brand,
      creator: deal.creator ?? null,
      trader: deal.trader ?? null,
    });
    // Two reviews from one side at once both pass the count; the unique (deal, side) lets one in.
    await flushOrProblem(context.em, alreadyReviewed);
    // A brand's review is part of the talent's track record.
    if (side === ReviewSide.BRAND) await this.credibility.refreshAfterDeal(context.em, deal.id, CredibilityChangeReason.REVIEW_RECEIVED);
    publishDealEvent(context, deal, DealEventKind.REVIEW, { type: 'DealReview', id: review.id });
    return { deal, review };
  }

  ofDeal(em: EntityManager, dealId: string): Promise<DealReview[]> {
    return em.find(DealReview, { deal: dealId }, { orderBy: { side: 'asc' } });
  }

  /** Reviews the subject received, newest first. */
  received(em: EntityManager, subject: ReviewSubject, page: PageRequest): Promise<Cursor<DealReview>> {
    return findPage(em, DealReview, { where: receivedWhere(subject), orderBy: REVIEW_ORDER, page });
  }

  /** Count and average rating of what each subject (all of one kind) received; one statement for the batch. */
  async summaries(em: EntityManager, kind: ReviewSubject['kind'], ids: readonly string[]): Promise<ReviewSummary[]> {
    const column = `${kind}_id`;
    const side = kind === 'brand' ? ReviewSide.TALENT : ReviewSide.BRAND;
    const rows = await em.execute<{ subject_id: string; count: number; average: number }[]>(
      `select ${column} as subject_id, count(*)::int as count, avg(rating)::float8 as average
         from deal_review where side = ? and ${column} = any(?::uuid[]) group by ${column}`,
      [side, uuidArray(ids)],
    );
    const bySubject = new Map(rows.map((row) => [row.subject_id, row]));
    return ids.map((id) => {
      const row = bySubject.get(id);
      return row ? { count: row.count, averageRating: Math.round(row.average * 100) / 100 } : { count: 0, averageRating: null };
    });
  }
}

function receivedWhere({ kind, id }: ReviewSubject) {
  if (kind === 'brand') return { brand: id, side: ReviewSide.TALENT };
  return kind === 'creator' ? { creator: id, side: ReviewSide.BRAND } : { trader: id, side: ReviewSide.BRAND };
}

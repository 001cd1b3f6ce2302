import DataLoader from 'dataloader';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { Brand } from '../../brand/brand.entity.js';
import { BrandType } from '../../brand/brand.types.js';
import type { Creator } from '../../creator/creator.entity.js';
import { CreatorType } from '../../creator/creator.types.js';
import { pageRequest, PageArgs, toConnection, withCursorCheck } from '../../graphql/connection.js';
import { loader, type RequestContext } from '../../graphql/context.js';
import { idOfType } from '../../graphql/global-id.js';
import { mutate } from '../../graphql/mutation.js';
import type { Trader } from '../../trader/trader.entity.js';
import { TraderType } from '../../trader/trader.types.js';
import type { Deal } from '../deal.entity.js';
import { DealType } from '../deal.types.js';
import type { DealReview } from './review.entity.js';
import type { ReviewSubject, ReviewSummary } from './review.service.js';
import { DealReviewConnection, DealReviewPayload, DealReviewType, ReviewSummaryType } from './review.types.js';

@Resolver(() => DealType)
export class DealReviewsResolver {
  @FieldResolver(() => [DealReviewType], { description: 'The reviews of the settled deal: at most one per side.' })
  reviews(@Root() deal: Deal, @Ctx() { em, services }: RequestContext): Promise<DealReview[]> {
    return services.dealReviews.ofDeal(em, deal.id);
  }

  @Authorized()
  @Mutation(() => DealReviewPayload, {
    description:
      'Reviews the other side of a SETTLED deal, once per side: the brand’s members review the talent; the talent (or their agency) reviews the brand. DEAL_NOT_SETTLED before settlement; ALREADY_REVIEWED for a second review.',
  })
  dealReview(
    @Arg('id', () => ID, { description: 'The deal.' }) id: string,
    @Arg('rating', () => Int, { description: 'From 1 (poor) to 5 (excellent).' }) rating: number,
    @Arg('comment', () => String, { nullable: true, description: 'What you would tell others; at most 5000 characters.' }) comment: string | null,
    @Ctx() context: RequestContext,
  ) {
    return mutate(context, (tx) => context.services.dealReviews.review(tx, idOfType(id, 'Deal'), rating, comment));
  }
}

const reviewSummaries = (context: RequestContext, kind: ReviewSubject['kind']) =>
  loader(context, `review.summary:${kind}`, ({ em, services }) => new DataLoader<string, ReviewSummary>((ids) => services.dealReviews.summaries(em, kind, ids)));

async function receivedReviews(context: RequestContext, subject: ReviewSubject, args: PageArgs) {
  const page = pageRequest(args);
  return toConnection(await withCursorCheck(() => context.services.dealReviews.received(context.em, subject, page)));
}

@Resolver(() => CreatorType)
export class CreatorReviewsResolver {
  @FieldResolver(() => DealReviewConnection, { description: 'Reviews brands wrote about the creator after settled deals, newest first. Public.' })
  reviews(@Root() creator: Creator, @Args(() => PageArgs) args: PageArgs, @Ctx() context: RequestContext) {
    return receivedReviews(context, { kind: 'creator', id: creator.id }, args);
  }

  @FieldResolver(() => ReviewSummaryType, { description: 'How many reviews brands wrote about the creator, and their average rating. Public.' })
  reviewSummary(@Root() creator: Creator, @Ctx() context: RequestContext): Promise<ReviewSummary> {
    return reviewSummaries(context, 'creator').load(creator.id);
  }
}

@Resolver(() => TraderType)
export class TraderReviewsResolver {
  @FieldResolver(() => DealReviewConnection, { description: 'Reviews brands wrote about the operator after settled deals, newest first. Public.' })
  reviews(@Root() trader: Trader, @Args(() => PageArgs) args: PageArgs, @Ctx() context: RequestContext) {
    return receivedReviews(context, { kind: 'trader', id: trader.id }, args);
  }

  @FieldResolver(() => ReviewSummaryType, { description: 'How many reviews brands wrote about the operator, and their average rating. Public.' })
  reviewSummary(@Root() trader: Trader, @Ctx() context: RequestContext): Promise<ReviewSummary> {
    return reviewSummaries(context, 'trader').load(trader.id);
  }
}

@Resolver(() => BrandType)
export class BrandReviewsResolver {
  @FieldResolver(() => DealReviewConnection, { description: 'Reviews creators and operators wrote about the brand after settled deals, newest first. Public.' })
  reviews(@Root() brand: Brand, @Args(() => PageArgs) args: PageArgs, @Ctx() context: RequestContext) {
    return receivedReviews(context, { kind: 'brand', id: brand.id }, args);
  }

  @FieldResolver(() => ReviewSummaryType, { description: 'How many reviews creators and operators wrote about the brand, and their average rating. Public.' })
  reviewSummary(@Root() brand: Brand, @Ctx() context: RequestContext): Promise<ReviewSummary> {
    return reviewSummaries(context, 'brand').load(brand.id);
  }
}

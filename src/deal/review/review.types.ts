import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { UserError } from '../../graphql/common-types.js';
import { connectionType } from '../../graphql/connection.js';
import { DealType } from '../deal.types.js';
import { ReviewSide } from './review.entity.js';

registerEnumType(ReviewSide, {
  name: 'ReviewSide',
  description: 'Which side of a settled deal wrote a review, and so whom it is about.',
  valuesConfig: {
    BRAND: { description: 'The brand, about the talent.' },
    TALENT: { description: 'The talent (or their agency), about the brand.' },
  },
});

@ObjectType('DealReview', { description: 'One side’s review of the other after a settled deal. Public.' })
export class DealReviewType {
  @Field(() => ReviewSide, { description: 'Who wrote it: the brand about the talent, or the talent about the brand.' })
  side!: ReviewSide;

  @Field(() => Int, { description: 'Rating from 1 (poor) to 5 (excellent).' })
  rating!: number;

  @Field({ description: 'What the reviewer said; may be empty.' })
  comment!: string;

  @Field(() => Date, { description: 'When it was written.' })
  createdAt!: Date;
}

export const DealReviewConnection = connectionType(DealReviewType, 'DealReview');

@ObjectType('ReviewSummary', { description: 'The reviews someone received from the other side of their settled deals.' })
export class ReviewSummaryType {
  @Field(() => Int, { description: 'How many.' })
  count!: number;

  @Field(() => Float, { nullable: true, description: 'Mean rating, 1 to 5, to two decimals; null without reviews.' })
  averageRating!: number | null;
}

@ObjectType({ description: 'The result of dealReview.' })
export class DealReviewPayload {
  @Field(() => DealType, { nullable: true, description: 'The deal reviewed; null when refused.' })
  deal?: DealType;

  @Field(() => DealReviewType, { nullable: true, description: 'The review written; null when refused.' })
  review?: DealReviewType;

  @Field(() => [UserError], { description: 'Why the request was refused; empty on success.' })
  userErrors!: UserError[];
}

import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../graphql/common-types.js';
import { DealPartySide } from '../deal-sides.js';
import { DealType } from '../deal.types.js';

@ObjectType('DealCancellation', { description: 'A party calling off an ACTIVE deal before any proof of work was submitted. Visible to the deal’s parties and admins.' })
export class DealCancellationType {
  @Field(() => DealPartySide, { description: 'Which party called it off.' })
  side!: DealPartySide;

  @Field({ description: 'Why, as they said it.' })
  reason!: string;

  @Field(() => Date, { description: 'When it was called off.' })
  cancelledAt!: Date;
}

@ObjectType({ description: 'The result of dealCancel.' })
export class DealCancelPayload {
  @Field(() => DealType, { nullable: true, description: 'The deal, now CANCELLED; null when refused.' })
  deal?: DealType;

  @Field(() => DealCancellationType, { nullable: true, description: 'Who called it off, why and when; null when refused.' })
  cancellation?: DealCancellationType;

  @Field(() => [UserError], { description: 'Why the request was refused; empty on success.' })
  userErrors!: UserError[];
}

import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { UserError } from '../../graphql/common-types.js';
import { Node } from '../../graphql/node.js';
import { DealPartySide } from '../deal-sides.js';
import { DealType } from '../deal.types.js';
import { SafeIntResolver } from 'graphql-scalars';
import { DisputeDecision } from './dispute.entity.js';

registerEnumType(DisputeDecision, {
  name: 'DisputeDecision',
  description: 'How an admin resolves a dispute.',
  valuesConfig: {
    SETTLE: { description: 'Settle on the record as it stands, even before delivery: the deal becomes SETTLED and is paid as its settlement says.' },
    CANCEL: { description: 'Call the deal off: it becomes CANCELLED, what escrow still holds returns to the brand, the brief’s slot is free again.' },
    SPLIT: {
      description:
        'Divide what escrow still holds: talentAmount to the talent’s side (the agency taking its agreed share of it), the rest back to the brand. The deal becomes CANCELLED and the brief’s slot is free again.',
    },
  },
});

@ObjectType('DealDispute', { implements: Node, description: 'A dispute on a deal and, once an admin decided it, the decision. Visible to the deal’s parties and admins.' })
export class DealDisputeType extends Node {
  @Field(() => DealPartySide, { description: 'Which party raised it.' })
  openedBySide!: DealPartySide;

  @Field({ description: 'Why it was raised.' })
  reason!: string;

  @Field(() => Date, { description: 'When it was raised.' })
  openedAt!: Date;

  @Field(() => DisputeDecision, { nullable: true, description: 'The admin’s decision; null while open.' })
  decision!: DisputeDecision | null;

  @Field(() => String, { nullable: true, description: 'What the admin said with the decision; null while open.' })
  resolutionNote!: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was decided; null while open.' })
  resolvedAt!: Date | null;

  @Field(() => SafeIntResolver, { nullable: true, description: 'For a SPLIT: the minor units of escrow the talent’s side received (in the deal’s currency); null otherwise.' })
  splitTalentAmount!: number | null;
}

@ObjectType({ description: 'The result of dealDisputeOpen and dealDisputeResolve.' })
export class DealDisputePayload {
  @Field(() => DealType, { nullable: true, description: 'The deal, as the dispute left it; null when refused.' })
  deal?: DealType;

  @Field(() => DealDisputeType, { nullable: true, description: 'The dispute; null when refused.' })
  dispute?: DealDisputeType;

  @Field(() => [UserError], { description: 'Why the request was refused; empty on success.' })
  userErrors!: UserError[];
}

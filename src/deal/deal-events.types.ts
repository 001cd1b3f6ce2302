import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { Deal } from './deal.entity.js';
import { DealEventKind } from './deal.events.js';
import { DealType } from './deal.types.js';

registerEnumType(DealEventKind, {
  name: 'DealEventKind',
  description: 'What happened on a deal.',
  valuesConfig: {
    STATUS_CHANGED: { description: 'The deal moved to another status.' },
    AMENDMENT: { description: 'An amendment of the terms was proposed, accepted or declined.' },
    DELIVERABLE: { description: 'A deliverable was submitted, approved or sent back.' },
    SALES_REPORT: { description: 'Sales were reported or corrected.' },
    SETTLEMENT: { description: 'The deal was settled.' },
    DISPUTE: { description: 'A dispute was opened or resolved.' },
    REVIEW: { description: 'A party reviewed the other.' },
  },
});

@ObjectType('DealEvent', { description: 'Something that happened on a deal.' })
export class DealEventType {
  @Field(() => DealEventKind, { description: 'What happened.' })
  kind!: DealEventKind;

  @Field(() => DealType, { description: 'The deal, read when the event is delivered.' })
  deal!: Deal;

  @Field(() => ID, { nullable: true, description: 'Global id of the record the event is about (an amendment, a deliverable, a sales report…); null when it is the deal itself.' })
  subjectId!: string | null;

  @Field(() => Date, { description: 'When the change was committed.' })
  occurredAt!: Date;
}

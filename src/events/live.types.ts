import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { Bid } from '../bid/bid.entity.js';
import { BidType } from '../bid/bid.types.js';
import type { Deal } from '../deal/deal.entity.js';
import { DealType } from '../deal/deal.types.js';
import { BidEventKind, DealEventKind } from './live-events.js';

registerEnumType(BidEventKind, {
  name: 'BidEventKind',
  description: 'What happened to a bid.',
  valuesConfig: {
    SUBMITTED: { description: 'The bid was made.' },
    REVISED: { description: 'The bidder proposed other terms.' },
    WITHDRAWN: { description: 'The bidder took the bid back.' },
    SHORTLISTED: { description: 'The brand shortlisted the bid.' },
    REJECTED: { description: 'The brand turned the bid down.' },
    COUNTERED: { description: 'The brand proposed other terms.' },
    COUNTER_ACCEPTED: { description: 'The bidder said yes to the brand’s counter-proposal.' },
    ACCEPTED: { description: 'The brand accepted the bid; it became a deal.' },
    NOT_SELECTED: { description: 'The brief was awarded to others or cancelled, or the bid’s invitation was withdrawn.' },
  },
});

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

@ObjectType('BidEvent', { description: 'A change to a bid, as it is right after the change.' })
export class BidEventType {
  @Field(() => BidEventKind, { description: 'What happened.' })
  kind!: BidEventKind;

  @Field(() => BidType, { description: 'The bid, read when the event is delivered.' })
  bid!: Bid;

  @Field(() => Date, { description: 'When the change was committed.' })
  occurredAt!: Date;
}

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

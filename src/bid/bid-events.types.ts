import { Field, ObjectType, registerEnumType } from 'type-graphql';
import type { Bid } from './bid.entity.js';
import { BidEventKind } from './bid.events.js';
import { BidType } from './bid.types.js';

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

@ObjectType('BidEvent', { description: 'A change to a bid, as it is right after the change.' })
export class BidEventType {
  @Field(() => BidEventKind, { description: 'What happened.' })
  kind!: BidEventKind;

  @Field(() => BidType, { description: 'The bid, read when the event is delivered.' })
  bid!: Bid;

  @Field(() => Date, { description: 'When the change was committed.' })
  occurredAt!: Date;
}

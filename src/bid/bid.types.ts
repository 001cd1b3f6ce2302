import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CurrencyCode } from '../common/money.js';
import { Money, UserError } from '../graphql/common-types.js';
import { connectionType } from '../graphql/connection.js';
import { Node } from '../graphql/node.js';
import { DealType } from '../deal/deal.types.js';
import { DeliverableType } from './deliverable.types.js';
import { BidStatus, NegotiationSide } from './bid.entity.js';

registerEnumType(BidStatus, {
  name: 'BidStatus',
  description: 'Where a bid stands. The first four are active: the talent may hold one active bid per brief.',
  valuesConfig: {
    SUBMITTED: { description: 'The bidder’s latest proposal awaits the brand.' },
    SHORTLISTED: { description: 'The brand marked the bid as a favourite; the bidder’s latest proposal still awaits the brand.' },
    COUNTERED: { description: 'The brand proposed other terms, which await the bidder.' },
    AGREED: { description: 'Both sides said yes to the same revision; the brand can accept it into a deal.' },
    ACCEPTED: { description: 'The brand accepted; the bid became a deal.' },
    REJECTED: { description: 'The brand turned the bid down.' },
    WITHDRAWN: { description: 'The bidder took the bid back.' },
    NOT_SELECTED: { description: 'The brief was awarded to others or cancelled, or the invitation the bid relied on was withdrawn, while the bid was active.' },
  },
});

registerEnumType(NegotiationSide, {
  name: 'NegotiationSide',
  description: 'Which side of a negotiation wrote a proposal.',
  valuesConfig: {
    BRAND: { description: 'A member of the brand that posted the brief.' },
    BIDDER: { description: 'The talent, or the agency bidding for them.' },
  },
});

@ObjectType('BidTerms', { description: 'Proposed terms: what the brand pays and what the talent delivers.' })
export class BidTermsType {
  @Field(() => CurrencyCode, { description: 'Currency of every amount; always the brief’s budget currency.' })
  currency!: CurrencyCode;

  @Field(() => Money, { description: 'Fixed (slot) fee.' })
  fixedFee!: Money;

  @Field(() => Int, { description: 'Commission on net GMV, in basis points (100 bp = 1 %).' })
  commissionBp!: number;

  @Field(() => Money, { nullable: true, description: 'Net GMV the talent guarantees; if missed, the fixed fee is refunded pro rata. Null for none.' })
  gmvGuarantee!: Money | null;

  @Field(() => Int, { nullable: true, description: 'The bidding agency’s share of the talent’s earnings, in basis points; null on a talent’s own bid.' })
  agencyShareBp!: number | null;

  @Field(() => [DeliverableType], { description: 'What the talent delivers, and when.' })
  deliverables!: DeliverableType[];
}

@ObjectType('BidRevision', { description: 'One proposal in a negotiation. Never changed once written.' })
export class BidRevisionType {
  @Field(() => Int, { description: 'Position in the negotiation, from 1 (the bid itself).' })
  number!: number;

  @Field(() => NegotiationSide, { description: 'Which side proposed it.' })
  side!: NegotiationSide;

  @Field({ description: 'When it was proposed.' })
  createdAt!: Date;

  @Field({ description: 'What the author said with it; may be empty.' })
  message!: string;
}

@ObjectType('Bid', {
  implements: Node,
  description:
    'A proposal to do a brief’s work, and its negotiation. Visible to members of the brief’s brand, to the talent it names, to members of the agency that submitted it, and to admins; to anyone else it does not exist.',
})
export class BidType extends Node {
  @Field(() => BidStatus, { description: 'Where the bid stands.' })
  status!: BidStatus;

  @Field({ description: 'Why the talent fits the brief; may be empty.' })
  pitch!: string;

  @Field(() => String, { nullable: true, description: 'Why the brand rejected the bid; null unless REJECTED.' })
  rejectionReason!: string | null;

  @Field({ description: 'When the bid was last changed.' })
  updatedAt!: Date;
}

@ObjectType('BidFeeRange', { description: 'The lowest and highest fixed fee the bidders propose on a brief’s active bids, in their latest proposals.' })
export class BidFeeRangeType {
  @Field(() => Money, { description: 'Lowest fixed fee a bidder proposes.' })
  min!: Money;

  @Field(() => Money, { description: 'Highest fixed fee a bidder proposes.' })
  max!: Money;
}

export const BidConnection = connectionType(BidType, 'Bid');

@ObjectType({ description: 'Result of a bid mutation.' })
export class BidPayload {
  @Field(() => BidType, { nullable: true, description: 'The bid as saved; null when refused.' })
  bid?: BidType;

  @Field(() => [UserError], { description: 'Why the request was refused; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of bidAccept.' })
export class BidAcceptPayload {
  @Field(() => DealType, { nullable: true, description: 'The deal the bid became; null when refused.' })
  deal?: DealType;

  @Field(() => BidType, { nullable: true, description: 'The accepted bid; null when refused.' })
  bid?: BidType;

  @Field(() => [UserError], { description: 'Why the request was refused; empty on success.' })
  userErrors!: UserError[];
}

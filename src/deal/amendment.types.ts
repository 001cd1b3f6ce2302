import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BidTermsInput } from '../bid/bid.types.js';
import { UserError } from '../graphql/common-types.js';
import { connectionType } from '../graphql/connection.js';
import { Node } from '../graphql/node.js';
import { DealSide } from './amendment.entity.js';
import { AmendmentState } from './amendment-rules.js';
import { FeePayment } from './deal.entity.js';
import { DealType } from './deal.types.js';

registerEnumType(DealSide, {
  name: 'DealSide',
  description: 'A side of a deal.',
  valuesConfig: {
    BRAND: { description: 'The brand’s members: the side that pays.' },
    TALENT: { description: 'The creator or operator, and the members of the agency acting for them: the side that delivers.' },
  },
});

registerEnumType(AmendmentState, {
  name: 'DealAmendmentStatus',
  description: 'Where an amendment stands; every status but PROPOSED is final.',
  valuesConfig: {
    PROPOSED: { description: 'Awaits the other side’s answer.' },
    ACCEPTED: { description: 'The other side agreed; its terms became the next version.' },
    REJECTED: { description: 'The other side declined; the terms stayed.' },
    WITHDRAWN: { description: 'The proposing side took it back.' },
    LAPSED: { description: 'Was never answered before the deal was disputed, settled or cancelled; it takes no answer now and the terms stayed.' },
  },
});

@ObjectType('DealAmendment', {
  implements: Node,
  description: 'One side’s proposal to change a deal’s terms, and the answer to it. Visible to the deal’s parties and admins; to anyone else it does not exist.',
})
export class DealAmendmentType extends Node {
  @Field(() => DealSide, { description: 'The side that proposed it.' })
  side!: DealSide;

  @Field(() => AmendmentState, { description: 'Where it stands, given its deal: a proposal not answered before the deal was disputed, settled or cancelled reads LAPSED.' })
  status!: AmendmentState;

  @Field({ description: 'Why the change is proposed.' })
  reason!: string;

  @Field(() => Int, { description: 'The terms version it amends.' })
  baseVersion!: number;

  @Field(() => Int, { nullable: true, description: 'The terms version it became; null unless ACCEPTED.' })
  resultingVersion!: number | null;

  @Field(() => Date, { nullable: true, description: 'When it was accepted, rejected or withdrawn; null while PROPOSED and once LAPSED.' })
  answeredAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the other side rejected it, when they said; null otherwise.' })
  answerReason!: string | null;

  @Field({ description: 'When it was proposed.' })
  createdAt!: Date;
}

export const DealAmendmentConnection = connectionType(DealAmendmentType, 'DealAmendment');

@InputType({
  description:
    'Proposed deal terms: a bid’s terms plus the deal’s own. The currency stays the deal’s; what is left out of the deal’s own fields carries over. Leave `agencyShareBp` out: the agency’s share is agreed between the talent and their agency and stays as accepted.',
})
export class DealTermsInput extends BidTermsInput {
  @Field(() => Int, { nullable: true, description: 'Refunds within this many days of an order reduce net GMV, 0 to 365; default: as in force.' })
  refundWindowDays?: number | null;

  @Field(() => Int, { nullable: true, description: 'Days the talent may not promote competing products, 0 to 3650; default: as in force.' })
  exclusivityDays?: number | null;

  @Field(() => Int, { nullable: true, description: 'Days the brand may reuse the content, 0 to 3650; default: as in force.' })
  usageRightsDays?: number | null;

  @Field(() => FeePayment, { nullable: true, description: 'When the fixed fee is released; default: as in force.' })
  feePayment?: FeePayment | null;
}

@InputType({ description: 'A proposal to change a deal’s terms.' })
export class DealAmendmentProposeInput {
  @Field(() => ID, { description: 'The deal.' })
  dealId!: string;

  @Field({ description: 'Why, for the other side; 1 to 2000 characters.' })
  reason!: string;

  @Field(() => DealTermsInput, {
    description:
      'The full terms proposed, every deliverable included (a deliverable with the same format, platform and description as one in force is the same work, its history kept). Due dates in force may be restated even when past; new ones are in the future, at most 365 days away.',
  })
  terms!: DealTermsInput;
}

@ObjectType({ description: 'Result of an amendment mutation.' })
export class DealAmendmentPayload {
  @Field(() => DealAmendmentType, { nullable: true, description: 'The amendment as saved; null when refused.' })
  amendment?: DealAmendmentType;

  @Field(() => DealType, { nullable: true, description: 'Its deal as it stands now; null when refused.' })
  deal?: DealType;

  @Field(() => [UserError], { description: 'Why the request was refused; empty on success.' })
  userErrors!: UserError[];
}

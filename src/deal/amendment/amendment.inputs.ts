import { Field, ID, InputType, Int } from 'type-graphql';
import { BidTermsInput } from '../../bid/bid.inputs.js';
import { FeePayment } from '../deal.entity.js';

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

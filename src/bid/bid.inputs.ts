import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { ContentFormat, Platform } from '../common/enums.js';
import { MoneyInput } from '../graphql/common-types.js';
import { PageArgs } from '../graphql/connection.js';
import { BidStatus } from './bid.entity.js';

/*
 * What clients send to the bid operations. Their values are checked by the bidding rules, which
 * need the brief to do it (bid-terms.ts: amounts in the brief's currency, deliverables in its
 * formats and platforms), so no schema sits here.
 */

@ArgsType()
export class BidsArgs extends PageArgs {
  @Field(() => [BidStatus], { nullable: true, description: 'Only bids in these statuses. Default: every status.' })
  statuses?: BidStatus[] | null;
}

@InputType({ description: 'One promised piece of work.' })
export class DeliverableInput {
  @Field(() => ContentFormat, { description: 'One of the brief’s formats (any, if the brief names none).' })
  format!: ContentFormat;

  @Field(() => Platform, { description: 'One of the brief’s platforms (any, if the brief names none).' })
  platform!: Platform;

  @Field(() => Date, { description: 'In the future, at most 365 days away.' })
  dueAt!: Date;

  @Field({ description: 'What exactly is promised, 1 to 2000 characters.' })
  description!: string;
}

@InputType({ description: 'Proposed terms. Every amount is in the brief’s budget currency.' })
export class BidTermsInput {
  @Field(() => MoneyInput, { description: 'Fixed (slot) fee, 0 to 10,000,000,000 minor units.' })
  fixedFee!: MoneyInput;

  @Field(() => Int, { description: 'Commission on net GMV, 0 to 10000 basis points.' })
  commissionBp!: number;

  @Field(() => MoneyInput, { nullable: true, description: 'Net GMV guaranteed, more than 0; leave out for none.' })
  gmvGuarantee?: MoneyInput | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'The agency’s share of the talent’s earnings, 0 to 10000 basis points. Only an agency gives it, on its own bids; default: the roster membership’s share (on a revision: the previous one).',
  })
  agencyShareBp?: number | null;

  @Field(() => [DeliverableInput], { description: '1 to 20 deliverables.' })
  deliverables!: DeliverableInput[];
}

@InputType({
  description:
    'A new bid. Give exactly one of creatorId and traderId. Without agencyId the talent must be your own profile; with it, an active member of that agency’s roster.',
})
export class BidSubmitInput {
  @Field(() => ID, { description: 'The brief to bid on.' })
  briefId!: string;

  @Field(() => ID, { nullable: true, description: 'The creator who would do the work.' })
  creatorId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The live-stream operator who would do the work (operated self-broadcast briefs only).' })
  traderId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The agency you bid for, when the talent is on its roster rather than yourself.' })
  agencyId?: string | null;

  @Field(() => BidTermsInput, { description: 'The proposed terms.' })
  terms!: BidTermsInput;

  @Field(() => String, { nullable: true, description: 'Why the talent fits the brief, at most 5000 characters.' })
  pitch?: string | null;
}

import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ContentFormat, Platform } from '../common/enums.js';
import { AgeBand } from '../creator/audience.js';
// Registers the AgeBand enum this module's types use.
import '../creator/creator.types.js';
import { UserError } from '../graphql/common-types.js';
import { connectionType } from '../graphql/connection.js';
import { Node } from '../graphql/node.js';
import { BiddingMode, BriefObjective, BriefStatus, BriefVisibility, DealStructure, GmvGuaranteePreference, TargetGender } from './brief.entity.js';

registerEnumType(BriefObjective, {
  name: 'BriefObjective',
  description: 'What the brand wants from a brief; it decides who may bid.',
  valuesConfig: {
    SEEDING_CONTENT: { description: 'Content that plants purchase intent: reviews, tutorials, evaluations. Creators bid.' },
    LIVE_SALE: { description: 'Selling the products in a creator’s live stream. Creators bid.' },
    OPERATED_SELF_BROADCAST: { description: 'The brand’s own live stream, run end to end by an operator. Operators bid.' },
  },
});

registerEnumType(BriefStatus, {
  name: 'BriefStatus',
  description: 'Where a brief is in its life: DRAFT → OPEN → CLOSED → AWARDED, or CANCELLED before it is awarded.',
  valuesConfig: {
    DRAFT: { description: 'Being prepared; only the brand’s members see it, and only now can it be edited.' },
    OPEN: { description: 'Published and taking bids until the deadline.' },
    CLOSED: { description: 'No longer taking bids (closed by the brand or by the deadline); the brand may still accept bids it has.' },
    AWARDED: { description: 'Every slot is filled. It reopens only when a cancelled deal frees a slot (closing again at once if its deadline has passed).' },
    CANCELLED: { description: 'Called off by the brand. Final.' },
  },
});

registerEnumType(BiddingMode, {
  name: 'BiddingMode',
  description: 'What bidders learn about competing bids.',
  valuesConfig: {
    OPEN: { description: 'Bidders see how many bids there are and the range of proposed fixed fees, never who bid.' },
    SEALED: { description: 'Bidders see only their own bid and, at most, how many bids there are.' },
  },
});

registerEnumType(BriefVisibility, {
  name: 'BriefVisibility',
  description: 'Who may see and bid on a published brief.',
  valuesConfig: {
    PUBLIC: { description: 'Everyone, signed in or not.' },
    INVITE_ONLY: {
      description: 'Only invited creators and operators, members of invited agencies, and agencies with an invited creator or operator on their active roster.',
    },
  },
});

registerEnumType(DealStructure, {
  name: 'DealStructure',
  description: 'How a brand is willing to pay.',
  valuesConfig: {
    FIXED_FEE: { description: 'A fixed slot fee only.' },
    COMMISSION: { description: 'A commission on net GMV only.' },
    HYBRID: { description: 'A fixed slot fee plus a commission on net GMV.' },
  },
});

registerEnumType(GmvGuaranteePreference, {
  name: 'GmvGuaranteePreference',
  description: 'Whether bidders should guarantee GMV; a missed guarantee refunds the fixed fee in proportion.',
  valuesConfig: {
    REQUIRED: { description: 'Bids must guarantee GMV.' },
    WELCOME: { description: 'A guarantee counts in a bid’s favour but is not required.' },
    NOT_WANTED: { description: 'The brand does not want guarantees.' },
  },
});

registerEnumType(TargetGender, {
  name: 'TargetGender',
  description: 'The gender a brief’s audience should lean to.',
  valuesConfig: {
    ANY: { description: 'No preference.' },
    FEMALE: { description: 'Mostly women.' },
    MALE: { description: 'Mostly men.' },
  },
});

@ObjectType('Brief', {
  implements: Node,
  description:
    'A brand’s call for creators or operators to promote its products. Published PUBLIC briefs are public; INVITE_ONLY ones are seen by those invited; drafts and cancelled briefs by the brand’s members only. Admins see all.',
})
export class BriefType extends Node {
  @Field({ description: 'Short title, 1 to 160 characters.' })
  title!: string;

  @Field({ description: 'What the brand wants, up to 10000 characters; may be empty.' })
  description!: string;

  @Field(() => BriefObjective, { description: 'What the brand wants from the brief; decides whether creators or operators bid.' })
  objective!: BriefObjective;

  @Field(() => [String], { description: 'The products’ niche tags, copied when the brief was last saved.' })
  nicheTags!: string[];

  @Field(() => [ContentFormat], { description: 'Formats wanted; at least one.' })
  formats!: ContentFormat[];

  @Field(() => [Platform], { description: 'Platforms the work runs on; at least one.' })
  platforms!: Platform[];

  @Field(() => [DealStructure], { description: 'How the brand prefers to pay; at least one.' })
  preferredStructures!: DealStructure[];

  @Field(() => GmvGuaranteePreference, { description: 'Whether bidders should guarantee GMV.' })
  gmvGuarantee!: GmvGuaranteePreference;

  @Field(() => Int, { description: 'How many creators or operators the brand will hire, 1 to 100.' })
  slots!: number;

  @Field(() => Int, { description: 'How many slots accepted bids have filled.' })
  slotsFilled!: number;

  @Field(() => BiddingMode, { description: 'What bidders learn about competing bids.' })
  biddingMode!: BiddingMode;

  @Field(() => BriefVisibility, { description: 'Who may see and bid on the brief once published.' })
  visibility!: BriefVisibility;

  @Field({ description: 'When bidding ends; the brief closes by itself then.' })
  deadline!: Date;

  @Field(() => Date, { nullable: true, description: 'When the brief was published; null while a draft.' })
  publishedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the brief was awarded, if it was.' })
  awardedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the brief was cancelled, if it was.' })
  cancelledAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the brand cancelled it, if it did.' })
  cancellationReason!: string | null;

  @Field({ description: 'When the brief was created.' })
  createdAt!: Date;

  @Field({ description: 'When the brief was last changed.' })
  updatedAt!: Date;
}

@ObjectType('TargetAudience', { description: 'The audience a brief wants to reach.' })
export class TargetAudienceType {
  @Field(() => TargetGender, { description: 'The gender the audience should lean to.' })
  gender!: TargetGender;

  @Field(() => [AgeBand], { description: 'Age bands wanted; empty means any age.' })
  ageBands!: AgeBand[];

  @Field(() => [String], { description: 'Provinces or cities wanted; empty means anywhere.' })
  regions!: string[];
}

@ObjectType('BriefInvitation', {
  implements: Node,
  description: 'An invitation to an INVITE_ONLY brief: exactly one of creator, trader and agency is set. Seen by the brand’s members and admins.',
})
export class BriefInvitationType extends Node {
  @Field({ description: 'When the invitation was made.' })
  invitedAt!: Date;
}

export const BriefConnection = connectionType(BriefType, 'Brief');

@ObjectType({ description: 'Result of a brief mutation.' })
export class BriefPayload {
  @Field(() => BriefType, { nullable: true, description: 'The brief as saved; null when refused.' })
  brief?: BriefType;

  @Field(() => [UserError], { description: 'Why the request was refused; empty on success.' })
  userErrors!: UserError[];
}

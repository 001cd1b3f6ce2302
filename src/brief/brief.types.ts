import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ContentFormat, Platform } from '../common/enums.js';
import { AgeBand } from '../creator/audience.js';
// Registers the AgeBand enum this module's types use.
import '../creator/creator.types.js';
import { CredentialType } from '../credential/credential-type.js';
import '../credential/credential.types.js';
import { CredibilityLevel } from '../credibility/credibility.types.js';
import { MoneyInput, UserError } from '../graphql/common-types.js';
import { connectionType } from '../graphql/connection.js';
import { Node } from '../graphql/node.js';
import { TraderCapability } from '../trader/trader.entity.js';
// Registers the TraderCapability enum this module's inputs use.
import '../trader/trader.types.js';
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
    AWARDED: { description: 'Every slot is filled. Final.' },
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

@InputType({ description: 'The audience a brief wants to reach; omitted fields mean no preference.' })
export class TargetAudienceInput {
  @Field(() => TargetGender, { nullable: true, description: 'Default: ANY.' })
  gender?: TargetGender | null;

  @Field(() => [AgeBand], { nullable: true, description: 'Age bands wanted. Default: any age.' })
  ageBands?: AgeBand[] | null;

  @Field(() => [String], { nullable: true, description: 'Provinces or cities wanted (at most 30, each up to 60 characters). Default: anywhere.' })
  regions?: string[] | null;
}

@InputType({ description: 'A new brief; it starts as a DRAFT that only the brand’s members see.' })
export class BriefCreateInput {
  @Field(() => ID, { description: 'The brand posting the brief; you must be its member.' })
  brandId!: string;

  @Field({ description: 'Short title, 1 to 160 characters.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'What the brand wants, up to 10000 characters. Default: empty.' })
  description?: string | null;

  @Field(() => BriefObjective, { description: 'What the brand wants from the brief.' })
  objective!: BriefObjective;

  @Field(() => [ID], { description: 'One to 20 of the brand’s own products.' })
  productIds!: string[];

  @Field(() => [ContentFormat], { description: 'Formats wanted; at least one.' })
  formats!: ContentFormat[];

  @Field(() => [Platform], { description: 'Platforms the work runs on; at least one.' })
  platforms!: Platform[];

  @Field(() => TargetAudienceInput, { nullable: true, description: 'The audience to reach. Default: anyone.' })
  targetAudience?: TargetAudienceInput | null;

  @Field(() => [CredentialType], {
    nullable: true,
    description: 'Credentials bidders must hold verified, besides those the products require. Default: none.',
  })
  requiredCredentials?: CredentialType[] | null;

  @Field(() => [TraderCapability], {
    nullable: true,
    description:
      'For an OPERATED_SELF_BROADCAST brief only: what its operator must run; matching ranks operators by how many they cover. Default: none, meaning the whole broadcast end to end.',
  })
  requiredCapabilities?: TraderCapability[] | null;

  @Field(() => CredibilityLevel, { nullable: true, description: 'The lowest credibility level a bidder may have. Default: L1.' })
  minCredibilityLevel?: CredibilityLevel | null;

  @Field(() => MoneyInput, { description: 'What the brand means to spend in all: more than 0.' })
  budget!: MoneyInput;

  @Field(() => [DealStructure], { description: 'How the brand prefers to pay; at least one.' })
  preferredStructures!: DealStructure[];

  @Field(() => GmvGuaranteePreference, { nullable: true, description: 'Whether bidders should guarantee GMV. Default: WELCOME.' })
  gmvGuarantee?: GmvGuaranteePreference | null;

  @Field(() => Int, { description: 'How many creators or operators to hire, 1 to 100.' })
  slots!: number;

  @Field(() => BiddingMode, { nullable: true, description: 'What bidders learn about competing bids. Default: OPEN.' })
  biddingMode?: BiddingMode | null;

  @Field(() => BriefVisibility, { nullable: true, description: 'Who may see and bid once published. Default: PUBLIC.' })
  visibility?: BriefVisibility | null;

  @Field({ description: 'When bidding ends: in the future, at most a year ahead.' })
  deadline!: Date;
}

@InputType({ description: 'Changes to a DRAFT brief; omitted or null fields stay as they are. The brand never changes.' })
export class BriefUpdateInput {
  @Field(() => String, { nullable: true, description: 'New title, 1 to 160 characters.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'New description, up to 10000 characters.' })
  description?: string | null;

  @Field(() => BriefObjective, { nullable: true, description: 'New objective.' })
  objective?: BriefObjective | null;

  @Field(() => [ID], { nullable: true, description: 'Replaces the products: one to 20 of the brand’s own.' })
  productIds?: string[] | null;

  @Field(() => [ContentFormat], { nullable: true, description: 'Replaces the formats; at least one.' })
  formats?: ContentFormat[] | null;

  @Field(() => [Platform], { nullable: true, description: 'Replaces the platforms; at least one.' })
  platforms?: Platform[] | null;

  @Field(() => TargetAudienceInput, { nullable: true, description: 'Changes the audience; its omitted fields stay as they are.' })
  targetAudience?: TargetAudienceInput | null;

  @Field(() => [CredentialType], { nullable: true, description: 'Replaces the brief’s own required credentials.' })
  requiredCredentials?: CredentialType[] | null;

  @Field(() => [TraderCapability], {
    nullable: true,
    description: 'Replaces what the operator must run (OPERATED_SELF_BROADCAST briefs only); an empty list means the whole broadcast end to end.',
  })
  requiredCapabilities?: TraderCapability[] | null;

  @Field(() => CredibilityLevel, { nullable: true, description: 'New minimum credibility level.' })
  minCredibilityLevel?: CredibilityLevel | null;

  @Field(() => MoneyInput, { nullable: true, description: 'New budget, more than 0.' })
  budget?: MoneyInput | null;

  @Field(() => [DealStructure], { nullable: true, description: 'Replaces the preferred deal structures; at least one.' })
  preferredStructures?: DealStructure[] | null;

  @Field(() => GmvGuaranteePreference, { nullable: true, description: 'New GMV guarantee preference.' })
  gmvGuarantee?: GmvGuaranteePreference | null;

  @Field(() => Int, { nullable: true, description: 'New number of slots, 1 to 100.' })
  slots?: number | null;

  @Field(() => BiddingMode, { nullable: true, description: 'New bidding mode.' })
  biddingMode?: BiddingMode | null;

  @Field(() => BriefVisibility, { nullable: true, description: 'New visibility.' })
  visibility?: BriefVisibility | null;

  @Field(() => Date, { nullable: true, description: 'New deadline: in the future, at most a year ahead.' })
  deadline?: Date | null;
}

@InputType({ description: 'Who to invite to an INVITE_ONLY brief; at least one id in all. Those already invited stay invited.' })
export class BriefInviteInput {
  @Field(() => [ID], { nullable: true, description: 'Creators to invite (at most 100).' })
  creatorIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Operators to invite (at most 100).' })
  traderIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Agencies to invite (at most 100); their members may bid for their roster.' })
  agencyIds?: string[] | null;
}

@InputType({ description: 'Which briefs to list; all given conditions must hold.' })
export class BriefFilter {
  @Field(() => String, { nullable: true, description: 'Only briefs for products in this vertical; a top-level vertical includes its children.' })
  verticalSlug?: string | null;

  @Field(() => String, { nullable: true, description: 'Only briefs whose products carry this niche tag (compared after normalising).' })
  nicheTag?: string | null;

  @Field(() => BriefObjective, { nullable: true, description: 'Only briefs with this objective.' })
  objective?: BriefObjective | null;

  @Field(() => Platform, { nullable: true, description: 'Only briefs that run on this platform.' })
  platform?: Platform | null;

  @Field(() => MoneyInput, { nullable: true, description: 'Only briefs with at least this budget, in this currency.' })
  budgetMin?: MoneyInput | null;

  @Field(() => MoneyInput, { nullable: true, description: 'Only briefs with at most this budget, in this currency (the same as budgetMin’s).' })
  budgetMax?: MoneyInput | null;

  @Field(() => Date, { nullable: true, description: 'Only briefs whose deadline is before this moment.' })
  deadlineBefore?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Only briefs whose deadline is after this moment.' })
  deadlineAfter?: Date | null;

  @Field(() => String, { nullable: true, description: 'Words to find in the title or description (English full-text search, up to 200 characters).' })
  search?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only this brand’s briefs.' })
  brandId?: string | null;

  @Field(() => [BriefStatus], {
    nullable: true,
    description:
      'Statuses to list. Default: OPEN only (and only before the deadline). Others need `brandId` of a brand you belong to, else FORBIDDEN. An OPEN brief past its deadline counts as CLOSED.',
  })
  statuses?: BriefStatus[] | null;
}

@ObjectType({ description: 'Result of a brief mutation.' })
export class BriefPayload {
  @Field(() => BriefType, { nullable: true, description: 'The brief as saved; null when refused.' })
  brief?: BriefType;

  @Field(() => [UserError], { description: 'Why the request was refused; empty on success.' })
  userErrors!: UserError[];
}

import { SafeIntResolver } from 'graphql-scalars';
import { ArgsType, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ContentFormat, Platform } from '../common/enums.js';
import { CurrencyCode } from '../common/money.js';
import { Money, UserError } from '../graphql/common-types.js';
import { connectionType, PageArgs } from '../graphql/connection.js';
import { Node } from '../graphql/node.js';
import { AgeBand } from './audience.js';
import { CreatorFilter } from './creator.inputs.js';
import { CreatorKind } from './creator.entity.js';

registerEnumType(CreatorKind, {
  name: 'CreatorKind',
  description: 'What kind of creator a profile describes; brands choose specialists for credibility and hosts for reach.',
  valuesConfig: {
    PROFESSIONAL: { description: 'A practitioner (doctor, nutritionist, pharmacist, researcher…) whose credentials can be verified.' },
    REVIEWER: { description: 'An evaluation blogger who tests products and publishes verdicts.' },
    CELEBRITY: { description: 'A well-known personality whose value is reach.' },
    LIFESTYLE: { description: 'A creator of everyday lifestyle and seeding content.' },
    BRAND_HOST: { description: 'A host who presents brands’ own live streams.' },
  },
});

registerEnumType(AgeBand, {
  name: 'AgeBand',
  description: 'An audience age band.',
  valuesConfig: {
    UNDER_18: { description: 'Younger than 18.' },
    AGE_18_24: { description: '18 to 24.' },
    AGE_25_30: { description: '25 to 30.' },
    AGE_31_40: { description: '31 to 40.' },
    AGE_41_50: { description: '41 to 50.' },
    OVER_50: { description: 'Older than 50.' },
  },
});

@ObjectType('Creator', { implements: Node, description: 'A creator profile: channels, verticals, credentials and rate card. Public.' })
export class CreatorType extends Node {
  @Field({ description: 'Name shown on the marketplace.' })
  displayName!: string;

  @Field({ description: 'What the creator does and for whom; may be empty.' })
  bio!: string;

  @Field(() => CreatorKind, { description: 'What kind of creator this is.' })
  kind!: CreatorKind;

  @Field(() => [String], { description: 'Free niche tags, normalised to lower-case and hyphens, e.g. `hyaluronic-acid`.' })
  nicheTags!: string[];

  @Field(() => Int, { description: 'How many deals the creator takes on at once.' })
  capacity!: number;

  @Field(() => Int, { description: 'Deals the creator is working on now.' })
  activeDealCount!: number;

  @Field(() => Float, { description: 'Share of real followers across all channels, weighted by each channel’s followers, 0 to 1.' })
  audienceQuality!: number;

  @Field(() => SafeIntResolver, { description: 'Followers across all channel accounts.' })
  totalFollowers!: number;

  @Field({ description: 'When the profile was created.' })
  createdAt!: Date;
}

@ObjectType('CreatorRate', { description: 'One line of a rate card: the lowest fixed fee the creator accepts for a format.' })
export class CreatorRateType {
  @Field(() => ContentFormat, { description: 'The format priced.' })
  format!: ContentFormat;

  @Field(() => Money, { description: 'Lowest fixed (slot) fee, in the rate card’s currency.' })
  minFixedFee!: Money;
}

@ObjectType('CreatorRateCard', { description: 'The least a creator accepts: a commission floor and a fixed fee per format.' })
export class CreatorRateCardType {
  @Field(() => CurrencyCode, { description: 'Currency of every fee on the card.' })
  currency!: CurrencyCode;

  @Field(() => Int, { description: 'Lowest commission on net GMV, in basis points (100 bp = 1 %).' })
  minCommissionBp!: number;

  @Field(() => [CreatorRateType], { description: 'Fixed fees by format; a format not listed has no fixed-fee floor.' })
  rates!: CreatorRateType[];
}

@ObjectType('ChannelAudienceAgeBand', { description: 'Share of a channel’s audience in one age band.' })
export class ChannelAudienceAgeBandType {
  @Field(() => AgeBand, { description: 'The age band.' })
  band!: AgeBand;

  @Field(() => Float, { description: 'Share of the audience, 0 to 1.' })
  share!: number;
}

@ObjectType('ChannelAudienceRegion', { description: 'Share of a channel’s audience in one region.' })
export class ChannelAudienceRegionType {
  @Field({ description: 'Province or city.' })
  region!: string;

  @Field(() => Float, { description: 'Share of the audience, 0 to 1.' })
  share!: number;
}

@ObjectType('ChannelAudience', { description: 'Who watches a channel, as shares reported by the platform.' })
export class ChannelAudienceType {
  @Field(() => Float, { description: 'Share of the audience that is female, 0 to 1.' })
  femaleShare!: number;

  @Field(() => Float, { description: 'Share of the audience that is male, 0 to 1.' })
  maleShare!: number;

  @Field(() => [ChannelAudienceAgeBandType], { description: 'Shares by age band; they add up to at most 1.' })
  ageBands!: ChannelAudienceAgeBandType[];

  @Field(() => [ChannelAudienceRegionType], { description: 'Largest regions first; shares add up to at most 1.' })
  topRegions!: ChannelAudienceRegionType[];
}

@ObjectType('ChannelAccount', { implements: Node, description: 'A creator’s account on one platform, with its reach and audience. Public.' })
export class ChannelAccountType extends Node {
  @Field(() => Platform, { description: 'The platform.' })
  platform!: Platform;

  @Field({ description: 'The account’s handle on the platform; unique per platform.' })
  handle!: string;

  @Field(() => Int, { description: 'Followers, as the platform reports them.' })
  followers!: number;

  @Field(() => Int, { description: 'Average views per piece of content.' })
  averageViews!: number;

  @Field(() => Float, { description: 'Engagement per view, 0 to 1.' })
  engagementRate!: number;

  @Field(() => Float, { description: 'Share of followers the platform believes are real people, 0 to 1.' })
  realFollowerShare!: number;

  @Field(() => ChannelAudienceType, { description: 'Who watches the channel.' })
  audience!: ChannelAudienceType;

  @Field({ description: 'When the account’s figures last changed.' })
  updatedAt!: Date;
}

export const CreatorConnection = connectionType(CreatorType, 'Creator');

@ArgsType()
export class CreatorsArgs extends PageArgs {
  @Field(() => CreatorFilter, { nullable: true, description: 'Conditions the creators must meet. Default: none.' })
  filter?: CreatorFilter | null;
}

@ObjectType({ description: 'Result of creatorProfileCreate, creatorProfileUpdate or creatorRateCardSet.' })
export class CreatorProfilePayload {
  @Field(() => CreatorType, { nullable: true, description: 'The creator profile as saved; null when refused.' })
  creator?: CreatorType;

  @Field(() => [UserError], { description: 'Why the request was refused; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of channelAccountAdd or channelAccountUpdate.' })
export class ChannelAccountPayload {
  @Field(() => ChannelAccountType, { nullable: true, description: 'The channel account as saved; null when refused.' })
  channelAccount?: ChannelAccountType;

  @Field(() => CreatorType, { nullable: true, description: 'The creator, with follower totals and credibility updated; null when refused.' })
  creator?: CreatorType;

  @Field(() => [UserError], { description: 'Why the request was refused; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of channelAccountRemove.' })
export class ChannelAccountRemovePayload {
  @Field(() => ID, { nullable: true, description: 'Global id of the removed channel account; null when refused.' })
  removedChannelAccountId?: string;

  @Field(() => CreatorType, { nullable: true, description: 'The creator, with follower totals and credibility updated; null when refused.' })
  creator?: CreatorType;

  @Field(() => [UserError], { description: 'Why the request was refused; empty on success.' })
  userErrors!: UserError[];
}

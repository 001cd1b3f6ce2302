import { SafeIntResolver } from 'graphql-scalars';
import { ArgsType, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ContentFormat, Platform } from '../common/enums.js';
import { CurrencyCode } from '../common/money.js';
import { CredibilityLevel } from '../credibility/credibility.types.js';
import { Money, MoneyInput, UserError } from '../graphql/common-types.js';
import { connectionType, PageArgs } from '../graphql/connection.js';
import { Node } from '../graphql/node.js';
import { AgeBand } from './audience.js';
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

@InputType({ description: 'A new creator profile for the signed-in account.' })
export class CreatorProfileCreateInput {
  @Field({ description: 'Name shown on the marketplace, 1 to 120 characters.' })
  displayName!: string;

  @Field(() => String, { nullable: true, description: 'What the creator does, up to 2000 characters. Default: empty.' })
  bio?: string | null;

  @Field(() => CreatorKind, { description: 'What kind of creator this is.' })
  kind!: CreatorKind;

  @Field(() => [String], { nullable: true, description: 'Slugs of the creator’s verticals, at most 10. Default: none.' })
  verticalSlugs?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Free niche tags, at most 20; normalised to lower-case and hyphens. Default: none.' })
  nicheTags?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'Deals taken on at once, 1 to 100. Default: 3.' })
  capacity?: number | null;
}

@InputType({ description: 'Changes to a creator profile; omitted fields stay as they are.' })
export class CreatorProfileUpdateInput {
  @Field(() => String, { nullable: true, description: 'Name shown on the marketplace, 1 to 120 characters.' })
  displayName?: string | null;

  @Field(() => String, { nullable: true, description: 'What the creator does, up to 2000 characters.' })
  bio?: string | null;

  @Field(() => CreatorKind, { nullable: true, description: 'What kind of creator this is.' })
  kind?: CreatorKind | null;

  @Field(() => [String], { nullable: true, description: 'Slugs of the creator’s verticals, at most 10; replaces the list.' })
  verticalSlugs?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Free niche tags, at most 20; replaces the list.' })
  nicheTags?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'Deals taken on at once, 1 to 100.' })
  capacity?: number | null;
}

@InputType({ description: 'Share of a channel’s audience in one age band.' })
export class ChannelAudienceAgeBandInput {
  @Field(() => AgeBand, { description: 'The age band; each band at most once.' })
  band!: AgeBand;

  @Field(() => Float, { description: 'Share of the audience, 0 to 1.' })
  share!: number;
}

@InputType({ description: 'Share of a channel’s audience in one region.' })
export class ChannelAudienceRegionInput {
  @Field({ description: 'Province or city, 1 to 80 characters; each region at most once.' })
  region!: string;

  @Field(() => Float, { description: 'Share of the audience, 0 to 1.' })
  share!: number;
}

@InputType({ description: 'Who watches a channel, as the platform reports it.' })
export class ChannelAudienceInput {
  @Field(() => Float, { description: 'Female share, 0 to 1; with the male share at most 1.' })
  femaleShare!: number;

  @Field(() => Float, { description: 'Male share, 0 to 1; with the female share at most 1.' })
  maleShare!: number;

  @Field(() => [ChannelAudienceAgeBandInput], { description: 'Shares by age band, adding up to at most 1.' })
  ageBands!: ChannelAudienceAgeBandInput[];

  @Field(() => [ChannelAudienceRegionInput], { description: 'Largest regions first, at most 20, shares adding up to at most 1.' })
  topRegions!: ChannelAudienceRegionInput[];
}

@InputType({ description: 'A channel account to add to a creator profile.' })
export class ChannelAccountAddInput {
  @Field(() => Platform, { description: 'The platform.' })
  platform!: Platform;

  @Field({ description: 'The handle on the platform, 1 to 80 characters; one creator per (platform, handle).' })
  handle!: string;

  @Field(() => Int, { description: 'Followers, at least 0.' })
  followers!: number;

  @Field(() => Int, { nullable: true, description: 'Average views per piece of content, at least 0. Default: 0.' })
  averageViews?: number | null;

  @Field(() => Float, { nullable: true, description: 'Engagement per view, 0 to 1. Default: 0.' })
  engagementRate?: number | null;

  @Field(() => Float, { nullable: true, description: 'Share of followers the platform believes are real, 0 to 1. Default: 1.' })
  realFollowerShare?: number | null;

  @Field(() => ChannelAudienceInput, { nullable: true, description: 'Who watches the channel. Default: unknown (all shares 0).' })
  audience?: ChannelAudienceInput | null;
}

@InputType({ description: 'Changes to a channel account; omitted fields stay as they are.' })
export class ChannelAccountUpdateInput {
  @Field(() => Platform, { nullable: true, description: 'The platform.' })
  platform?: Platform | null;

  @Field(() => String, { nullable: true, description: 'The handle on the platform, 1 to 80 characters.' })
  handle?: string | null;

  @Field(() => Int, { nullable: true, description: 'Followers, at least 0.' })
  followers?: number | null;

  @Field(() => Int, { nullable: true, description: 'Average views per piece of content, at least 0.' })
  averageViews?: number | null;

  @Field(() => Float, { nullable: true, description: 'Engagement per view, 0 to 1.' })
  engagementRate?: number | null;

  @Field(() => Float, { nullable: true, description: 'Share of followers the platform believes are real, 0 to 1.' })
  realFollowerShare?: number | null;

  @Field(() => ChannelAudienceInput, { nullable: true, description: 'Who watches the channel; replaces the whole audience profile.' })
  audience?: ChannelAudienceInput | null;
}

@InputType({ description: 'One line of a rate card.' })
export class CreatorRateInput {
  @Field(() => ContentFormat, { description: 'The format priced; each format at most once.' })
  format!: ContentFormat;

  @Field(() => MoneyInput, { description: 'Lowest fixed fee, 0 to 10000000000 minor units, in the card’s currency.' })
  minFixedFee!: MoneyInput;
}

@InputType({ description: 'A whole rate card; it replaces the current one.' })
export class CreatorRateCardInput {
  @Field(() => CurrencyCode, { description: 'Currency of every fee on the card.' })
  currency!: CurrencyCode;

  @Field(() => Int, { description: 'Lowest commission on net GMV, 0 to 10000 basis points.' })
  minCommissionBp!: number;

  @Field(() => [CreatorRateInput], { description: 'Fixed fees by format; formats left out have no fixed-fee floor.' })
  rates!: CreatorRateInput[];
}

@InputType({ description: 'Narrows a creator search; every condition given must hold.' })
export class CreatorFilter {
  @Field(() => String, { nullable: true, description: 'Creators in this vertical; a top-level vertical includes its children.' })
  verticalSlug?: string | null;

  @Field(() => String, { nullable: true, description: 'Creators with this niche tag (compared after normalising).' })
  nicheTag?: string | null;

  @Field(() => CreatorKind, { nullable: true, description: 'Creators of this kind.' })
  kind?: CreatorKind | null;

  @Field(() => Platform, { nullable: true, description: 'Creators with a channel account on this platform.' })
  platform?: Platform | null;

  @Field(() => SafeIntResolver, { nullable: true, description: 'At least this many followers across all channels.' })
  minFollowers?: number | null;

  @Field(() => SafeIntResolver, { nullable: true, description: 'At most this many followers across all channels.' })
  maxFollowers?: number | null;

  @Field(() => CredibilityLevel, { nullable: true, description: 'At least this credibility level.' })
  minLevel?: CredibilityLevel | null;
}

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

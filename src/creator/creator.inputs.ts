// Services load this file outside the schema build too (the CLI, seeds, tests), and its input
// classes' decorators need the metadata polyfill loaded first.
import 'reflect-metadata';
import { SafeIntResolver } from 'graphql-scalars';
import { Field, Float, InputType, Int } from 'type-graphql';
import { z } from 'zod';
import { ContentFormat, Platform } from '../common/enums.js';
import { basisPointsSchema, CurrencyCode, moneySchema } from '../common/money.js';
import { nicheTagsSchema } from '../common/niche-tags.js';
import { ProblemCode } from '../common/problems.js';
import { CredibilityLevel } from '../credibility/credibility.types.js';
import { MoneyInput } from '../graphql/common-types.js';
import { AgeBand, EMPTY_AUDIENCE } from './audience.js';
import { CreatorKind } from './creator.entity.js';

/**
 * Platforms report shares rounded to a few decimals, so shares that should add up to exactly 1
 * may come out a hair above it; anything beyond this slack is a real error.
 */
export const SHARE_SUM_SLACK = 1e-6;
/** The largest value a Postgres `integer` column (followers, average views) holds. */
export const MAX_COUNT = 2_147_483_647;
export const MAX_VERTICALS = 10;
export const MAX_TOP_REGIONS = 20;

const invalid = (message: string, path: (string | number)[]) =>
  ({ code: 'custom', message, path, params: { code: ProblemCode.INVALID } }) as const;

const share = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');
const isShare = (value: number) => value >= 0 && value <= 1;
const sumOf = (values: number[]) => values.reduce((sum, value) => sum + value, 0);
const count = z.number().int('must be a whole number').min(0, 'must not be negative').max(MAX_COUNT, `must be at most ${MAX_COUNT}`);

export const audienceSchema = z
  .object({
    femaleShare: share,
    maleShare: share,
    ageBands: z.array(z.object({ band: z.enum(AgeBand), share })),
    topRegions: z
      .array(z.object({ region: z.string().trim().min(1, 'regions must not be empty').max(80, 'regions have at most 80 characters'), share }))
      .max(MAX_TOP_REGIONS, `at most ${MAX_TOP_REGIONS} regions`),
  })
  .superRefine((audience, ctx) => {
    // Sums are only judged once every share is in range, so one mistake gives one error.
    if (isShare(audience.femaleShare) && isShare(audience.maleShare) && audience.femaleShare + audience.maleShare > 1 + SHARE_SUM_SLACK) {
      ctx.addIssue(invalid('female and male shares add up to more than 1', ['maleShare']));
    }
    const seenBands = new Set<string>();
    audience.ageBands.forEach(({ band }, index) => {
      if (seenBands.has(band)) ctx.addIssue(invalid(`age band ${band} is listed twice`, ['ageBands', index, 'band']));
      seenBands.add(band);
    });
    const bandShares = audience.ageBands.map((entry) => entry.share);
    if (bandShares.every(isShare) && sumOf(bandShares) > 1 + SHARE_SUM_SLACK) {
      ctx.addIssue(invalid('age-band shares add up to more than 1', ['ageBands']));
    }
    const seenRegions = new Set<string>();
    audience.topRegions.forEach(({ region }, index) => {
      const key = region.toLowerCase();
      if (seenRegions.has(key)) ctx.addIssue(invalid(`region ${region} is listed twice`, ['topRegions', index, 'region']));
      seenRegions.add(key);
    });
    const regionShares = audience.topRegions.map((entry) => entry.share);
    if (regionShares.every(isShare) && sumOf(regionShares) > 1 + SHARE_SUM_SLACK) {
      ctx.addIssue(invalid('region shares add up to more than 1', ['topRegions']));
    }
  });

const channelAccountFields = {
  platform: z.enum(Platform),
  handle: z.string().trim().min(1, 'handles need 1 to 80 characters').max(80, 'handles need 1 to 80 characters'),
  followers: count,
  averageViews: count,
  engagementRate: share,
  /** Share of followers the platform believes are real people. */
  realFollowerShare: share,
  audience: audienceSchema,
};

export const channelAccountAddSchema = z.object({
  ...channelAccountFields,
  averageViews: count.default(0),
  engagementRate: share.default(0),
  realFollowerShare: share.default(1),
  audience: audienceSchema.default(EMPTY_AUDIENCE),
});
export type ChannelAccountAddValues = z.input<typeof channelAccountAddSchema>;

/** Only the fields given change; a given audience replaces the whole profile. */
export const channelAccountUpdateSchema = z.object(channelAccountFields).partial();
export type ChannelAccountUpdateValues = z.input<typeof channelAccountUpdateSchema>;

const profileFields = {
  displayName: z.string().trim().min(1, 'display names need 1 to 120 characters').max(120, 'display names need 1 to 120 characters'),
  bio: z.string().trim().max(2000, 'bios have at most 2000 characters'),
  kind: z.enum(CreatorKind),
  verticalSlugs: z
    .array(z.string().trim())
    .max(MAX_VERTICALS, `at most ${MAX_VERTICALS} verticals`)
    .transform((slugs) => [...new Set(slugs)]),
  nicheTags: nicheTagsSchema,
  capacity: z.number().int('must be a whole number').min(1, 'capacity must be between 1 and 100').max(100, 'capacity must be between 1 and 100'),
};

export const creatorProfileCreateSchema = z.object({
  ...profileFields,
  bio: profileFields.bio.default(''),
  verticalSlugs: profileFields.verticalSlugs.default([]),
  nicheTags: profileFields.nicheTags.default([]),
  capacity: profileFields.capacity.default(3),
});
export type CreatorProfileCreateValues = z.input<typeof creatorProfileCreateSchema>;

export const creatorProfileUpdateSchema = z.object(profileFields).partial();
export type CreatorProfileUpdateValues = z.input<typeof creatorProfileUpdateSchema>;

export const rateCardSchema = z
  .object({
    currency: z.enum(CurrencyCode),
    minCommissionBp: basisPointsSchema,
    rates: z.array(z.object({ format: z.enum(ContentFormat), minFixedFee: moneySchema })),
  })
  .superRefine((card, ctx) => {
    const seenFormats = new Set<string>();
    card.rates.forEach((rate, index) => {
      if (rate.minFixedFee.currency !== card.currency) {
        ctx.addIssue(invalid(`every rate must be in the card's currency, ${card.currency}`, ['rates', index, 'minFixedFee', 'currency']));
      }
      if (seenFormats.has(rate.format)) ctx.addIssue(invalid(`format ${rate.format} is priced twice`, ['rates', index, 'format']));
      seenFormats.add(rate.format);
    });
  });
export type RateCardValues = z.input<typeof rateCardSchema>;

/**
 * GraphQL sends an omitted optional input field as absent but a client may also send `null`; for
 * fields that cannot be null in the database both mean "leave unchanged".
 */
export function withoutNulls<T extends object>(input: T): { [K in keyof T]?: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value != null)) as { [K in keyof T]?: Exclude<T[K], null> };
}

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

  @Field(() => String, {
    nullable: true,
    description: 'Words to find in the name, niche tags or bio, in Chinese, English or both (up to 200 characters); every word must match, best match first.',
  })
  search?: string | null;
}

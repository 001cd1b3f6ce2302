import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import { User } from '../account/account.entity.js';
import { ContentFormat, Platform } from '../common/enums.js';
import { SearchVectorType } from '../db/search-vector-type.js';
import { type AudienceProfile, EMPTY_AUDIENCE } from './audience.js';

export const CreatorKind = {
  PROFESSIONAL: 'PROFESSIONAL',
  REVIEWER: 'REVIEWER',
  CELEBRITY: 'CELEBRITY',
  LIFESTYLE: 'LIFESTYLE',
  BRAND_HOST: 'BRAND_HOST',
} as const;
export type CreatorKind = (typeof CreatorKind)[keyof typeof CreatorKind];

function creatorSearchTexts(creator: { displayName: string; nicheTags: string[]; bio: string }) {
  return { A: creator.displayName, B: creator.nicheTags.join(' '), C: creator.bio };
}

const CreatorSchema = defineEntity({
  name: 'Creator',
  indexes: [
    { properties: ['verticalSlugs'], type: 'gin' },
    { properties: ['nicheTags'], type: 'gin' },
    { properties: ['verifiedCredentialTypes'], type: 'gin' },
    { properties: ['credibilityLevel'] },
    { properties: ['totalFollowers'] },
    { properties: ['platforms'], type: 'gin' },
    { properties: ['rateFormats'], type: 'gin' },
    { properties: ['searchVector'], type: 'fulltext' },
  ],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    user: () => p.oneToOne(User).ref().owner().unique().deleteRule('cascade'),
    displayName: p.string().length(120),
    bio: p.text().default(''),
    kind: p.enum(() => CreatorKind),
    /** Vertical slugs, so candidate search can use a GIN index. */
    verticalSlugs: p.array().default([]),
    nicheTags: p.array().default([]),
    /** How many deals the creator takes on at once. */
    capacity: p.integer().default(3).check('capacity between 1 and 100'),
    activeDealCount: p.integer().default(0).check('active_deal_count >= 0'),
    rateCurrency: p.string().length(3).default('CNY'),
    minCommissionBp: p.integer().default(0).check('min_commission_bp between 0 and 10000'),
    /**
     * Maintained by the services from the rows they summarise (channel accounts, verified
     * credentials), so that filtering and matching read one indexed row per creator.
     */
    totalFollowers: p.bigint('number').default(0).check('total_followers >= 0'),
    audienceQuality: p.double().runtimeType('number').$type<number>().default(0).check('audience_quality between 0 and 1'),
    verifiedCredentialTypes: p.array().default([]),
    credibilityScore: p.smallint().default(0).check('credibility_score between 0 and 100'),
    credibilityLevel: p.smallint().default(1).check('credibility_level between 1 and 5'),
    /** The distinct platforms of the channel accounts and the formats of the rate card, for candidate retrieval. */
    platforms: p.array().default([]),
    rateFormats: p.array().default([]),
    /** Name (weight A), niche tags (B) and bio (C), cut into words by search-text.ts; never read back. */
    searchVector: p.type(new SearchVectorType()).lazy().nullable().onCreate(creatorSearchTexts).onUpdate(creatorSearchTexts),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
    channelAccounts: () => p.oneToMany(ChannelAccount).mappedBy('creator').orderBy({ followers: 'desc' }),
    rates: () => p.oneToMany(CreatorRate).mappedBy('creator').orderBy({ format: 'asc' }),
  },
});
export class Creator extends CreatorSchema.class {}
CreatorSchema.setClass(Creator);

const ChannelAccountSchema = defineEntity({
  name: 'ChannelAccount',
  uniques: [{ properties: ['platform', 'handle'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    creator: () => p.manyToOne(Creator).ref().deleteRule('cascade').index(),
    platform: p.enum(() => Platform),
    handle: p.string().length(80),
    followers: p.integer().check('followers >= 0'),
    averageViews: p.integer().default(0).check('average_views >= 0'),
    engagementRate: p.double().runtimeType('number').$type<number>().default(0).check('engagement_rate between 0 and 1'),
    /** Share of followers the platform believes are real people; fake followers are common. */
    realFollowerShare: p.double().runtimeType('number').$type<number>().default(1).check('real_follower_share between 0 and 1'),
    audience: p.json<AudienceProfile>().onCreate(() => EMPTY_AUDIENCE),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});
export class ChannelAccount extends ChannelAccountSchema.class {}
ChannelAccountSchema.setClass(ChannelAccount);

/** One line of a creator's rate card: the lowest fixed fee they accept for a format. */
const CreatorRateSchema = defineEntity({
  name: 'CreatorRate',
  uniques: [{ properties: ['creator', 'format'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    creator: () => p.manyToOne(Creator).ref().deleteRule('cascade'),
    format: p.enum(() => ContentFormat),
    minFixedFee: p.bigint('number').check('min_fixed_fee >= 0'),
    currency: p.string().length(3),
  },
});
export class CreatorRate extends CreatorRateSchema.class {}
CreatorRateSchema.setClass(CreatorRate);

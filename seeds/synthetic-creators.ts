import { ContentFormat, Platform } from '../src/common/enums.js';
import { AgeBand, type AudienceProfile } from '../src/creator/audience.js';
import { summariseChannelAccounts } from '../src/creator/channel-summary.js';
import { CreatorKind } from '../src/creator/creator.entity.js';
import { CredentialStatus } from '../src/credential/credential.entity.js';
import { CredentialType, impliedCredentialTypes } from '../src/credential/credential-type.js';
import { computeCredibility } from '../src/credibility/credibility.js';
import { levelFor } from '../src/credibility/levels.js';
import { type AuditFactor, auditAudience } from '../src/platform-data/audience-audit.js';
import type { Random } from './random.js';

/**
 * What one synthetic creator looks like: a person, their profile, channels, rate card and
 * credentials, with the profile's summary columns computed by the same pure functions the
 * services use. Pure: the same random stream gives the same creator.
 *
 * The shape of the market follows the article: most creators are small lifestyle accounts, a
 * few celebrity-scale "head anchors" hold enormous, partly padded audiences, and a minority of
 * professionals (doctors, nutritionists, pharmacists, researchers) carry credentials an admin
 * has verified. Matching meets the market's traps here too, not just noise: besides padded
 * audiences, pending and rejected licences, professionals whose credential belongs to a sibling
 * vertical and cheap brand hosts, a share of lifestyle accounts are tag stuffers (TAG_STUFFER_SHARE):
 * every niche tag of their vertical on the profile and an audience mostly bought, the profile a
 * keyword match rewards and a brand should not.
 */

/** A leaf of the vertical taxonomy, as read from the database. */
export interface LeafVertical {
  slug: string;
  parentSlug: string | null;
}

export interface SyntheticCreator {
  user: { id: string; email: string; displayName: string; createdAt: string };
  creator: {
    id: string;
    displayName: string;
    bio: string;
    kind: CreatorKind;
    verticalSlugs: string[];
    nicheTags: string[];
    capacity: number;
    minCommissionBp: number;
    totalFollowers: number;
    audienceQuality: number;
    verifiedCredentialTypes: string[];
    credibilityScore: number;
    credibilityLevel: number;
    createdAt: string;
  };
  channels: {
    id: string;
    platform: Platform;
    handle: string;
    followers: number;
    averageViews: number;
    engagementRate: number;
    realFollowerShare: number;
    audience: AudienceProfile;
    createdAt: string;
    /** Ownership confirmed by an admin, with the snapshot and audit that made the figures count; null while declared. */
    verification: { verifiedAt: string; followerHistory: { at: string; followers: number }[]; auditScore: number; audit: AuditFactor[] } | null;
  }[];
  rates: { id: string; format: ContentFormat; minFixedFee: number }[];
  credentials: {
    id: string;
    type: CredentialType;
    issuer: string;
    licenseNumber: string;
    evidenceUrl: string;
    status: CredentialStatus;
    reviewedAt: string | null;
    reviewNote: string | null;
    createdAt: string;
  }[];
}

/** Fixed, so that timestamps too are identical for the same seed; creators joined in the three years before. */
export const SYNTHETIC_EPOCH = Date.UTC(2026, 9, 1);
export const DAY = 86_400_000;

/** Synthetic accounts cannot log in: this is no scrypt hash, so every password check fails. */
export const SYNTHETIC_PASSWORD_HASH = '!synthetic-account-without-login';
export const SYNTHETIC_EMAIL_DOMAIN = 'generated.demo.market';

/** Share of lifestyle accounts that list every tag of their vertical over a mostly bought audience. */
export const TAG_STUFFER_SHARE = 0.12;

const KIND_WEIGHTS = [
  [CreatorKind.LIFESTYLE, 45],
  [CreatorKind.REVIEWER, 22],
  [CreatorKind.PROFESSIONAL, 18],
  [CreatorKind.BRAND_HOST, 13],
  [CreatorKind.CELEBRITY, 2],
] as const;

/** Typical total followers (median) and spread per kind; log-normal, so a few are huge. */
const FOLLOWERS: Record<CreatorKind, { median: number; sigma: number }> = {
  LIFESTYLE: { median: 6_000, sigma: 1.8 },
  REVIEWER: { median: 15_000, sigma: 1.6 },
  PROFESSIONAL: { median: 25_000, sigma: 1.5 },
  BRAND_HOST: { median: 3_000, sigma: 1.2 },
  CELEBRITY: { median: 3_000_000, sigma: 0.9 },
};
const MAX_CHANNEL_FOLLOWERS = 60_000_000;

/** Which top-level verticals each kind works in, by weight. */
const TOP_VERTICALS: Record<CreatorKind, [string, number][]> = {
  PROFESSIONAL: [['health', 4], ['beauty', 3], ['mother-baby', 3], ['food', 2], ['finance', 1], ['electronics', 0.5]],
  REVIEWER: [['beauty', 3], ['electronics', 3], ['food', 2], ['home', 2], ['mother-baby', 1], ['health', 1], ['fashion', 1]],
  LIFESTYLE: [['fashion', 4], ['beauty', 3], ['food', 3], ['home', 2], ['mother-baby', 2], ['health', 1]],
  BRAND_HOST: [['beauty', 1], ['food', 1], ['fashion', 1], ['home', 1], ['mother-baby', 1], ['electronics', 1]],
  CELEBRITY: [['fashion', 3], ['beauty', 3], ['food', 2], ['home', 1], ['electronics', 1]],
};

const PLATFORMS: Record<CreatorKind, [Platform, number][]> = {
  PROFESSIONAL: [[Platform.XIAOHONGSHU, 3], [Platform.DOUYIN, 3], [Platform.WECHAT_CHANNELS, 3], [Platform.BILIBILI, 2], [Platform.WEIBO, 1]],
  REVIEWER: [[Platform.XIAOHONGSHU, 3], [Platform.BILIBILI, 3], [Platform.DOUYIN, 2], [Platform.WEIBO, 1]],
  LIFESTYLE: [[Platform.DOUYIN, 3], [Platform.XIAOHONGSHU, 3], [Platform.KUAISHOU, 2], [Platform.WEIBO, 1], [Platform.WECHAT_CHANNELS, 1]],
  BRAND_HOST: [[Platform.TAOBAO_LIVE, 4], [Platform.DOUYIN, 3], [Platform.KUAISHOU, 2]],
  CELEBRITY: [[Platform.DOUYIN, 3], [Platform.WEIBO, 2], [Platform.TAOBAO_LIVE, 2], [Platform.KUAISHOU, 1]],
};

/** What each platform sells: the formats a rate card offers there. */
const FORMATS_BY_PLATFORM: Record<Platform, ContentFormat[]> = {
  DOUYIN: [ContentFormat.SHORT_VIDEO, ContentFormat.LIVE_STREAM],
  KUAISHOU: [ContentFormat.SHORT_VIDEO, ContentFormat.LIVE_STREAM],
  TAOBAO_LIVE: [ContentFormat.LIVE_STREAM],
  XIAOHONGSHU: [ContentFormat.IMAGE_POST, ContentFormat.SHORT_VIDEO],
  BILIBILI: [ContentFormat.LONG_VIDEO],
  WECHAT_CHANNELS: [ContentFormat.SHORT_VIDEO, ContentFormat.ARTICLE],
  WEIBO: [ContentFormat.IMAGE_POST, ContentFormat.ARTICLE],
};

/** Yuan per follower reached, before the kind's premium; long videos cost most to make. */
const YUAN_PER_FOLLOWER: Record<ContentFormat, number> = {
  IMAGE_POST: 0.02,
  ARTICLE: 0.015,
  SHORT_VIDEO: 0.04,
  LONG_VIDEO: 0.06,
  LIVE_STREAM: 0.05,
};
const KIND_PRICE_PREMIUM: Record<CreatorKind, number> = {
  PROFESSIONAL: 1.4,
  REVIEWER: 1.1,
  LIFESTYLE: 1,
  BRAND_HOST: 0.6,
  CELEBRITY: 1.5,
};
const MIN_COMMISSION_BP: Record<CreatorKind, [number, number]> = {
  PROFESSIONAL: [1000, 2000],
  REVIEWER: [1500, 3000],
  LIFESTYLE: [1000, 2500],
  BRAND_HOST: [0, 800],
  CELEBRITY: [2000, 4000],
};
const CAPACITY: Record<CreatorKind, [number, number]> = {
  PROFESSIONAL: [1, 5],
  REVIEWER: [2, 8],
  LIFESTYLE: [1, 6],
  BRAND_HOST: [5, 20],
  CELEBRITY: [2, 4],
};

/** Niche tags creators use in each leaf vertical. Unknown (admin-added) leaves fall back to their parent's. */
const NICHE_TAGS: Record<string, string[]> = {
  'beauty.functional-skincare': ['ceramide', 'barrier-repair', 'sensitive-skin', 'retinol', 'niacinamide', 'acne-care', 'sunscreen', 'anti-aging', 'peptide'],
  'beauty.makeup': ['foundation', 'lipstick', 'eye-makeup', 'long-wear', 'clean-beauty'],
  'beauty.haircare': ['scalp-care', 'hair-loss', 'anti-dandruff', 'hair-repair'],
  'beauty.fragrance': ['niche-perfume', 'floral', 'woody', 'body-mist'],
  'food.hyaluronic-acid-snacks': ['hyaluronic-acid', 'collagen', 'gummies', 'skin-nutrition', 'low-sugar'],
  'food.healthy-drinks': ['low-sugar', 'plant-based', 'probiotics', 'electrolytes', 'oat-milk'],
  'food.snacks': ['nuts', 'spicy-snacks', 'low-calorie', 'regional-specialty'],
  'mother-baby.infant-food-supplements': ['dha', 'infant-nutrition', 'vitamin-d', 'probiotics', 'iron', 'algal-oil'],
  'mother-baby.infant-formula': ['infant-formula', 'a2-milk', 'goat-milk', 'hydrolysed-formula'],
  'mother-baby.baby-care': ['nappies', 'baby-skincare', 'eczema-care', 'bath-time'],
  'health.nutrition-supplements': ['vitamins', 'omega-3', 'protein', 'sleep', 'gut-health'],
  'health.otc-medicine': ['cold-and-flu', 'pain-relief', 'first-aid', 'blood-pressure'],
  'health.fitness': ['protein-powder', 'home-workout', 'running', 'yoga'],
  'fashion.womenswear': ['office-wear', 'plus-size', 'hanfu', 'streetwear'],
  'fashion.menswear': ['business-casual', 'streetwear', 'outdoor'],
  'fashion.accessories': ['handbags', 'jewellery', 'watches'],
  'home.appliances': ['air-fryer', 'robot-vacuum', 'coffee-machine'],
  'home.household': ['storage', 'cleaning', 'eco-friendly'],
  'electronics.phones': ['phone-review', 'camera-phone', 'fast-charging'],
  'electronics.smart-home': ['smart-speaker', 'smart-lock', 'home-automation'],
  'finance.insurance': ['health-insurance', 'critical-illness', 'pension'],
};
const GENERIC_NICHE_TAGS = ['new-launch', 'gift-guide', 'budget-picks', 'unboxing'];

/** The qualification a professional in each top-level vertical holds. */
const PROFESSIONAL_CREDENTIALS: Record<string, [CredentialType, number][]> = {
  beauty: [[CredentialType.DERMATOLOGIST, 6], [CredentialType.COSMETIC_CHEMIST, 4]],
  food: [[CredentialType.NUTRITIONIST, 8], [CredentialType.RESEARCHER, 2]],
  'mother-baby': [[CredentialType.PEDIATRICIAN, 6], [CredentialType.NUTRITIONIST, 4]],
  health: [[CredentialType.PHYSICIAN, 35], [CredentialType.PHARMACIST, 35], [CredentialType.NUTRITIONIST, 30]],
  finance: [[CredentialType.FINANCIAL_ADVISOR, 1]],
};
const FALLBACK_CREDENTIALS: [CredentialType, number][] = [[CredentialType.RESEARCHER, 1]];

const ISSUERS: Record<CredentialType, string[]> = {
  PHYSICIAN: ['National Health Commission of the PRC'],
  PEDIATRICIAN: ['National Health Commission of the PRC'],
  DERMATOLOGIST: ['National Health Commission of the PRC'],
  NUTRITIONIST: ['Chinese Nutrition Society'],
  PHARMACIST: ['National Medical Products Administration'],
  RESEARCHER: ['Chinese Academy of Sciences', 'Jiangnan University', 'Fudan University', 'Zhejiang University'],
  COSMETIC_CHEMIST: ['China Association of Fragrance, Flavour and Cosmetic Industries'],
  FINANCIAL_ADVISOR: ['Securities Association of China'],
  LAWYER: ['All China Lawyers Association'],
  TEACHER: ['Ministry of Education of the PRC'],
};

const FEMALE_SHARE: Record<string, number> = {
  beauty: 0.82,
  'mother-baby': 0.88,
  food: 0.62,
  fashion: 0.7,
  health: 0.55,
  home: 0.55,
  electronics: 0.25,
  finance: 0.45,
};
/** Typical audience age mix per top-level vertical (18-24, 25-30, 31-40, 41-50, over 50). */
const AGE_MIX: Record<string, number[]> = {
  beauty: [0.32, 0.33, 0.22, 0.09, 0.04],
  'mother-baby': [0.08, 0.36, 0.4, 0.11, 0.05],
  electronics: [0.35, 0.3, 0.2, 0.1, 0.05],
  finance: [0.1, 0.25, 0.33, 0.2, 0.12],
};
const DEFAULT_AGE_MIX = [0.24, 0.3, 0.26, 0.13, 0.07];
const AGE_BANDS = [AgeBand.AGE_18_24, AgeBand.AGE_25_30, AgeBand.AGE_31_40, AgeBand.AGE_41_50, AgeBand.OVER_50];
const REGIONS: [string, number][] = [
  ['Guangdong', 12], ['Zhejiang', 8], ['Jiangsu', 8], ['Shandong', 7], ['Henan', 6], ['Sichuan', 6],
  ['Shanghai', 5], ['Beijing', 5], ['Hubei', 4], ['Fujian', 4], ['Hunan', 4], ['Hebei', 4],
];

const SURNAMES = ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Xu', 'Sun', 'Ma', 'Zhu', 'Hu', 'Guo', 'He', 'Lin', 'Gao', 'Luo'];
const GIVEN_NAMES = ['Wei', 'Fang', 'Na', 'Min', 'Jing', 'Lei', 'Yan', 'Tao', 'Xin', 'Yu', 'Hui', 'Ting', 'Jie', 'Hao', 'Lan', 'Qing', 'Ying', 'Bo', 'Xiaoxi', 'Mengyao'];
const PHYSICIAN_TYPES = new Set<CredentialType>([CredentialType.PHYSICIAN, CredentialType.PEDIATRICIAN, CredentialType.DERMATOLOGIST]);

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;
const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
const iso = (time: number) => new Date(time).toISOString();

/** Turns a random stream into creators, one after another; `index` names them in emails and handles. */
export class CreatorSynthesiser {
  private readonly leavesByParent = new Map<string, LeafVertical[]>();

  constructor(
    private readonly random: Random,
    private readonly seed: number,
    private readonly leaves: readonly LeafVertical[],
  ) {
    if (leaves.length === 0) throw new Error('the vertical taxonomy is empty; run the migrations first');
    for (const leaf of leaves) {
      const parent = leaf.parentSlug ?? leaf.slug;
      this.leavesByParent.set(parent, [...(this.leavesByParent.get(parent) ?? []), leaf]);
    }
  }

  creator(index: number): SyntheticCreator {
    const random = this.random;
    const kind = random.weighted(KIND_WEIGHTS);
    const stuffer = kind === CreatorKind.LIFESTYLE && random.chance(TAG_STUFFER_SHARE);
    const joinedAt = SYNTHETIC_EPOCH - random.int(30, 3 * 365) * DAY - random.int(0, DAY - 1);
    const verticals = this.verticals(kind);
    const topVertical = verticals[0]!.parentSlug ?? verticals[0]!.slug;
    const credentials = this.credentials(kind, topVertical, joinedAt);
    const verified = new Set(credentials.filter((credential) => credential.status === CredentialStatus.VERIFIED).map((credential) => credential.type));

    const surname = random.pick(SURNAMES);
    const givenName = random.pick(GIVEN_NAMES);
    const name = `${surname} ${givenName}`;
    const displayName = this.displayName(kind, name, credentials[0]?.type);
    const handle = `${surname}${givenName}`.toLowerCase() + `.s${this.seed.toString(36)}.${index.toString(36)}`;
    const channels = this.channels(kind, handle, topVertical, joinedAt, stuffer, index, verticals.map((vertical) => vertical.slug));

    const summary = summariseChannelAccounts(
      channels.map((channel) => ({ verifiedAt: channel.verification && new Date(channel.verification.verifiedAt), followers: channel.verification ? channel.followers : 0, auditScore: channel.verification?.auditScore ?? null })),
    );
    const credibility = computeCredibility({
      verifiedCredentialCount: verified.size,
      audienceQuality: summary.totalFollowers > 0 ? summary.audienceQuality : null,
    });
    credibility.level = levelFor({ score: credibility.score, verifiedChannels: summary.verifiedChannels, verifiedCredentials: verified.size, settledDeals: 0 }).level;
    const [minCommission, maxCommission] = MIN_COMMISSION_BP[kind];
    const [minCapacity, maxCapacity] = CAPACITY[kind];
    const createdAt = iso(joinedAt);
    return {
      user: {
        id: random.uuid(),
        email: `creator-${index}.seed-${this.seed}@${SYNTHETIC_EMAIL_DOMAIN}`,
        displayName: name,
        createdAt,
      },
      creator: {
        id: random.uuid(),
        displayName,
        bio: this.bio(kind, verticals, credentials[0]?.type),
        kind,
        verticalSlugs: verticals.map((vertical) => vertical.slug),
        nicheTags: this.nicheTags(verticals, stuffer),
        capacity: random.int(minCapacity, maxCapacity),
        minCommissionBp: Math.round(random.int(minCommission, maxCommission) / 50) * 50,
        totalFollowers: summary.totalFollowers,
        audienceQuality: summary.audienceQuality,
        verifiedCredentialTypes: [...impliedCredentialTypes(verified)].sort(),
        credibilityScore: credibility.score,
        credibilityLevel: credibility.level,
        createdAt,
      },
      channels,
      rates: this.rates(kind, channels, verified.size > 0),
      credentials,
    };
  }

  private verticals(kind: CreatorKind): LeafVertical[] {
    const random = this.random;
    const known = TOP_VERTICALS[kind].filter(([parent]) => this.leavesByParent.has(parent));
    const parent = known.length > 0 ? random.weighted(known) : random.pick([...this.leavesByParent.keys()]);
    const primary = random.pick(this.leavesByParent.get(parent)!);
    if (!random.chance(0.4)) return [primary];
    const sameParent = this.leavesByParent.get(parent)!.filter((leaf) => leaf !== primary);
    const secondary = sameParent.length > 0 && random.chance(0.8) ? random.pick(sameParent) : random.pick(this.leaves);
    return secondary === primary ? [primary] : [primary, secondary];
  }

  private nicheTags(verticals: readonly LeafVertical[], stuffer: boolean): string[] {
    const vocabulary = new Set<string>();
    for (const vertical of verticals) {
      const tags = NICHE_TAGS[vertical.slug] ?? this.parentTags(vertical.parentSlug) ?? GENERIC_NICHE_TAGS;
      for (const tag of tags) vocabulary.add(tag);
    }
    if (stuffer) return [...vocabulary].slice(0, 10);
    return this.random.sample([...vocabulary], this.random.int(2, 5));
  }

  private parentTags(parentSlug: string | null): string[] | undefined {
    if (!parentSlug) return undefined;
    const tags = Object.entries(NICHE_TAGS)
      .filter(([slug]) => slug.startsWith(`${parentSlug}.`))
      .flatMap(([, list]) => list);
    return tags.length > 0 ? tags : undefined;
  }

  private credentials(kind: CreatorKind, topVertical: string, joinedAt: number): SyntheticCreator['credentials'] {
    const random = this.random;
    const held: CredentialType[] = [];
    if (kind === CreatorKind.PROFESSIONAL) {
      held.push(random.weighted(PROFESSIONAL_CREDENTIALS[topVertical] ?? FALLBACK_CREDENTIALS));
      // Some practitioners also publish research, which counts as a second qualification.
      if (random.chance(0.2) && !held.includes(CredentialType.RESEARCHER)) held.push(CredentialType.RESEARCHER);
    } else if (kind === CreatorKind.REVIEWER && random.chance(0.06)) {
      held.push(random.pick([CredentialType.COSMETIC_CHEMIST, CredentialType.RESEARCHER, CredentialType.NUTRITIONIST]));
    }
    return held.map((type) => {
      const submittedAt = joinedAt + random.int(0, 20) * DAY;
      const status =
        kind === CreatorKind.PROFESSIONAL
          ? random.weighted([[CredentialStatus.VERIFIED, 80], [CredentialStatus.PENDING, 12], [CredentialStatus.REJECTED, 8]])
          : random.weighted([[CredentialStatus.VERIFIED, 70], [CredentialStatus.PENDING, 30]]);
      const id = random.uuid();
      return {
        id,
        type,
        issuer: random.pick(ISSUERS[type]),
        licenseNumber: `${type.slice(0, 3)}-${random.int(100_000, 999_999)}${random.int(100_000, 999_999)}`,
        evidenceUrl: `https://evidence.${SYNTHETIC_EMAIL_DOMAIN}/credentials/${id}.pdf`,
        status,
        reviewedAt: status === CredentialStatus.PENDING ? null : iso(submittedAt + random.int(1, 10) * DAY),
        reviewNote: status === CredentialStatus.REJECTED ? 'The licence number does not appear in the issuer’s register.' : null,
        createdAt: iso(submittedAt),
      };
    });
  }

  private channels(
    kind: CreatorKind,
    handle: string,
    topVertical: string,
    joinedAt: number,
    stuffer: boolean,
    index: number,
    verticalSlugs: string[],
  ): SyntheticCreator['channels'] {
    const random = this.random;
    const count = kind === CreatorKind.CELEBRITY ? 3 : random.weighted([[1, 45], [2, 35], [3, 20]]);
    const platforms = random.weightedDistinct(PLATFORMS[kind], count);
    const { median, sigma } = FOLLOWERS[kind];
    // A tag stuffer's bought followers come on top of the real ones.
    const mainFollowers = clamp(Math.round(random.logNormal(median, sigma) * (stuffer ? 4 : 1)), 50, MAX_CHANNEL_FOLLOWERS);
    // Celebrity audiences are the most padded; a minority of everyone else bought followers too.
    const baseRealShare = stuffer
      ? random.between(0.2, 0.45)
      : kind === CreatorKind.CELEBRITY
        ? random.between(0.6, 0.8)
        : random.chance(0.08)
          ? random.between(0.3, 0.6)
          : random.between(0.75, 0.98);
    return platforms.map((platform, position) => {
      const followers = position === 0 ? mainFollowers : Math.max(20, Math.round(mainFollowers * random.between(0.05, 0.6)));
      const engagementRate = clamp(0.15 * followers ** -0.15 * random.between(0.6, 1.4), 0.001, 0.3);
      const channel = {
        id: random.uuid(),
        platform,
        handle,
        followers,
        averageViews: Math.round(followers * random.between(0.03, 0.25)),
        engagementRate: round(engagementRate, 4),
        realFollowerShare: round(clamp(baseRealShare + random.between(-0.04, 0.04), 0.05, 1), 3),
        audience: this.audience(topVertical),
        createdAt: iso(joinedAt + random.int(0, 60) * DAY),
      };
      // About one channel in four stays declared; decided from positions, not the random stream,
      // so a seed gives the same creators as before with only their verification added.
      if ((index + position) % 4 === 3) return { ...channel, verification: null };
      const padded = baseRealShare < 0.6;
      const shares = padded ? [0.3, 0.31, 0.32, 0.97] : [0.8, 0.84, 0.88, 0.92];
      const followerHistory = [120, 90, 60, 30].map((daysAgo, step) => ({ at: iso(SYNTHETIC_EPOCH - daysAgo * DAY), followers: Math.round(followers * shares[step]!) }));
      const audit = auditAudience({
        ...channel,
        followerHistory: followerHistory.map((point) => ({ at: new Date(point.at), followers: point.followers })),
        verticalSlugs,
      });
      return { ...channel, verification: { verifiedAt: iso(SYNTHETIC_EPOCH - DAY), followerHistory, auditScore: audit.score, audit: audit.factors } };
    });
  }

  private audience(topVertical: string): AudienceProfile {
    const random = this.random;
    const femaleShare = round(clamp((FEMALE_SHARE[topVertical] ?? 0.6) + random.between(-0.08, 0.08), 0.05, 0.97), 3);
    const mix = (AGE_MIX[topVertical] ?? DEFAULT_AGE_MIX).map((share) => share * random.between(0.7, 1.3));
    const total = mix.reduce((sum, share) => sum + share, 0);
    const regions = random.weightedDistinct(REGIONS, 3);
    let regionShare = random.between(0.12, 0.22);
    return {
      femaleShare,
      maleShare: round(1 - femaleShare, 3),
      ageBands: AGE_BANDS.map((band, position) => ({ band, share: round(mix[position]! / total, 3) })),
      topRegions: regions.map((region) => {
        const share = round(regionShare, 3);
        regionShare *= random.between(0.55, 0.85);
        return { region, share };
      }),
    };
  }

  private rates(kind: CreatorKind, channels: SyntheticCreator['channels'], credentialed: boolean): SyntheticCreator['rates'] {
    const random = this.random;
    const reach = new Map<ContentFormat, number>();
    for (const channel of channels) {
      for (const format of FORMATS_BY_PLATFORM[channel.platform]) reach.set(format, (reach.get(format) ?? 0) + channel.followers);
    }
    // Verified professionals charge for their licence as much as for their reach.
    const premium = KIND_PRICE_PREMIUM[kind] * (credentialed ? 1.3 : 1);
    return Object.values(ContentFormat)
      .filter((format) => reach.has(format))
      .map((format) => {
        const yuan = Math.max(200, reach.get(format)! * YUAN_PER_FOLLOWER[format] * premium * random.between(0.7, 1.3));
        return { id: random.uuid(), format, minFixedFee: Math.round(yuan / 50) * 50 * 100 };
      });
  }

  private displayName(kind: CreatorKind, name: string, credential: CredentialType | undefined): string {
    if (kind === CreatorKind.PROFESSIONAL && credential && PHYSICIAN_TYPES.has(credential)) return `Dr. ${name}`;
    if (kind === CreatorKind.REVIEWER) return `${name} Tests`;
    if (kind === CreatorKind.BRAND_HOST) return `${name} (brand host)`;
    return name;
  }

  private bio(kind: CreatorKind, verticals: readonly LeafVertical[], credential: CredentialType | undefined): string {
    const topics = verticals.map((vertical) => vertical.slug.split('.').pop()!.replaceAll('-', ' ')).join(' and ');
    switch (kind) {
      case CreatorKind.PROFESSIONAL:
        return `${credential ? credential.toLowerCase().replaceAll('_', ' ') : 'practitioner'} explaining ${topics} with evidence, not hype.`;
      case CreatorKind.REVIEWER:
        return `Buys, tests and rates ${topics}; publishes the lab numbers.`;
      case CreatorKind.CELEBRITY:
        return `Entertainer and live-commerce host; ${topics}.`;
      case CreatorKind.BRAND_HOST:
        return `Hosts brands' own live rooms for ${topics}.`;
      default:
        return `Everyday ${topics}, honestly.`;
    }
  }
}

import { ContentFormat, Platform } from '../src/common/enums.js';
import { AgeBand, type AudienceProfile } from '../src/creator/audience.js';
import { CreatorKind } from '../src/creator/creator.entity.js';
import { CredentialType } from '../src/credential/credential-type.js';
import { TraderCapability } from '../src/trader/trader.entity.js';

/**
 * A judged set for match recommendations: briefs, and talents graded against each brief by what a
 * brand's buyer would want to see first, written before the ranking was changed and never tuned to
 * it. Grades: 3 the specialist the brief is for (a verified record in the vertical, or the
 * credential and the niche), 2 a good fit with less evidence, 1 plausible, 0 wrong (a brief not
 * listed in a talent's grades is a 0). Talents who fail a hard constraint of a brief (an
 * unverified credential where one is required, a host at capacity, an operator below the brief's
 * level) are graded as if eligible but are dropped from the ideal ranking by the evaluation, which
 * checks eligibility itself; if such a talent is ranked at all, that is a violation.
 *
 * The traps, each named in the talent's `trap`: padded audiences (a low real-follower share),
 * unverified credentials, cheap newcomers, credential holders from sibling verticals, proven
 * reviewers without credentials, top hosts at capacity, operators for an operated self-broadcast.
 * Track records are real settled deals, played through the services by the loader
 * (match-judged-loader.ts).
 */

export type Grade = 0 | 1 | 2 | 3;

export interface JudgedBrief {
  key: string;
  title: string;
  objective: 'SEEDING_CONTENT' | 'LIVE_SALE' | 'OPERATED_SELF_BROADCAST';
  vertical: string;
  nicheTags: string[];
  requiredCredentials: CredentialType[];
  formats: ContentFormat[];
  platforms: Platform[];
  minCredibilityLevel: number;
  /** Yuan, over all slots. */
  budget: number;
  slots: number;
  targetAudience?: { gender?: 'FEMALE' | 'MALE' | 'ANY'; ageBands?: AgeBand[]; regions?: string[] };
  requiredCapabilities?: TraderCapability[];
}

/** Settled deals in `vertical` (default: the talent's first) at about `roi`×, rated `rating` by the brands. */
export interface JudgedRecord {
  deals: number;
  roi: number;
  rating: number;
  vertical?: string;
}

interface TalentBase {
  key: string;
  displayName: string;
  verticals: string[];
  platforms: Platform[];
  capacity: number;
  /** Accepted deals still running: a talent with as many as their capacity is at capacity. */
  busy?: number;
  commissionBp: number;
  credentials?: [CredentialType, 'VERIFIED' | 'PENDING'][];
  record?: JudgedRecord;
  grades: Partial<Record<string, Grade>>;
  trap?: string;
}

export interface JudgedCreator extends TalentBase {
  kind: 'creator';
  creatorKind: CreatorKind;
  nicheTags: string[];
  followers: number;
  realShare: number;
  audience: AudienceProfile;
  /** Yuan per format; the first line's format is what past deals were for, on the first platform. */
  rates: [ContentFormat, number][];
}

export interface JudgedTrader extends TalentBase {
  kind: 'trader';
  capabilities: TraderCapability[];
  /** Yuan per broadcast. */
  fee: number;
}

export type JudgedTalent = JudgedCreator | JudgedTrader;

const { IMAGE_POST, SHORT_VIDEO, LONG_VIDEO, ARTICLE, LIVE_STREAM } = ContentFormat;
const { XIAOHONGSHU, DOUYIN, BILIBILI, WECHAT_CHANNELS, WEIBO, TAOBAO_LIVE, KUAISHOU } = Platform;
const { DERMATOLOGIST, COSMETIC_CHEMIST, NUTRITIONIST, RESEARCHER, PEDIATRICIAN, PHARMACIST, PHYSICIAN } = CredentialType;
const { PROFESSIONAL, REVIEWER, LIFESTYLE, CELEBRITY, BRAND_HOST } = CreatorKind;
const ALL_CAPABILITIES = Object.values(TraderCapability);

function audience(femaleShare: number, ages: [number, number, number, number, number], regions: Record<string, number>): AudienceProfile {
  const bands = [AgeBand.AGE_18_24, AgeBand.AGE_25_30, AgeBand.AGE_31_40, AgeBand.AGE_41_50, AgeBand.OVER_50];
  return {
    femaleShare,
    maleShare: Math.round((1 - femaleShare) * 1000) / 1000,
    ageBands: bands.map((band, index) => ({ band, share: ages[index]! })),
    topRegions: Object.entries(regions).map(([region, share]) => ({ region, share })),
  };
}

const SKIN = audience(0.84, [0.3, 0.36, 0.24, 0.07, 0.03], { Guangdong: 0.16, Shanghai: 0.12, Zhejiang: 0.1 });
const FOOD = audience(0.7, [0.24, 0.34, 0.27, 0.1, 0.05], { Guangdong: 0.14, Beijing: 0.11, Sichuan: 0.09 });
const PARENTS = audience(0.86, [0.05, 0.38, 0.42, 0.1, 0.05], { Zhejiang: 0.21, Jiangsu: 0.14, Shanghai: 0.11 });
const HEALTH = audience(0.56, [0.12, 0.24, 0.32, 0.2, 0.12], { Sichuan: 0.13, Guangdong: 0.12, Henan: 0.09 });
const TECH = audience(0.24, [0.36, 0.32, 0.2, 0.08, 0.04], { Guangdong: 0.15, Beijing: 0.12, Jiangsu: 0.1 });
const MASS = audience(0.62, [0.26, 0.28, 0.26, 0.13, 0.07], { Guangdong: 0.12, Henan: 0.09, Shandong: 0.09 });

const YOUNG_WOMEN = { gender: 'FEMALE' as const, ageBands: [AgeBand.AGE_18_24, AgeBand.AGE_25_30] };
const PARENTS_25_40 = { gender: 'FEMALE' as const, ageBands: [AgeBand.AGE_25_30, AgeBand.AGE_31_40] };

export const JUDGED_BRIEFS: JudgedBrief[] = [
  {
    key: 'skincare',
    title: 'Barrier-repair serum: seeding for sensitive skin',
    objective: 'SEEDING_CONTENT',
    vertical: 'beauty.functional-skincare',
    nicheTags: ['ceramide', 'barrier-repair', 'sensitive-skin'],
    requiredCredentials: [],
    formats: [IMAGE_POST, SHORT_VIDEO],
    platforms: [XIAOHONGSHU, DOUYIN],
    minCredibilityLevel: 1,
    budget: 120_000,
    slots: 4,
    targetAudience: YOUNG_WOMEN,
  },
  {
    key: 'retinol',
    title: 'Prescription-strength retinol night cream, explained by a dermatologist',
    objective: 'SEEDING_CONTENT',
    vertical: 'beauty.functional-skincare',
    nicheTags: ['retinol', 'anti-aging'],
    requiredCredentials: [DERMATOLOGIST],
    formats: [SHORT_VIDEO, LONG_VIDEO, IMAGE_POST],
    platforms: [XIAOHONGSHU, DOUYIN, BILIBILI],
    minCredibilityLevel: 1,
    budget: 90_000,
    slots: 3,
  },
  {
    key: 'ha-snacks',
    title: 'Hyaluronic-acid gummies: does beauty from the inside work?',
    objective: 'SEEDING_CONTENT',
    vertical: 'food.hyaluronic-acid-snacks',
    nicheTags: ['hyaluronic-acid', 'collagen'],
    requiredCredentials: [],
    formats: [IMAGE_POST, SHORT_VIDEO, LONG_VIDEO],
    platforms: [XIAOHONGSHU, DOUYIN, BILIBILI],
    minCredibilityLevel: 1,
    budget: 80_000,
    slots: 4,
    targetAudience: { gender: 'FEMALE' },
  },
  {
    key: 'infant-dha',
    title: 'Algal-oil DHA drops: a pediatrician answers parents',
    objective: 'SEEDING_CONTENT',
    vertical: 'mother-baby.infant-food-supplements',
    nicheTags: ['dha', 'infant-nutrition'],
    requiredCredentials: [PEDIATRICIAN],
    formats: [SHORT_VIDEO, ARTICLE],
    platforms: [DOUYIN, WECHAT_CHANNELS],
    minCredibilityLevel: 1,
    budget: 100_000,
    slots: 3,
    targetAudience: PARENTS_25_40,
  },
  {
    key: 'otc',
    title: 'Cold-and-flu granules: what to take and what not to combine',
    objective: 'SEEDING_CONTENT',
    vertical: 'health.otc-medicine',
    nicheTags: ['cold-and-flu', 'pain-relief'],
    requiredCredentials: [PHARMACIST],
    formats: [SHORT_VIDEO, ARTICLE],
    platforms: [DOUYIN, WECHAT_CHANNELS],
    minCredibilityLevel: 1,
    budget: 40_000,
    slots: 2,
  },
  {
    key: 'supplements',
    title: 'Sleep and gut-health supplements: the evidence in one video',
    objective: 'SEEDING_CONTENT',
    vertical: 'health.nutrition-supplements',
    nicheTags: ['sleep', 'gut-health'],
    requiredCredentials: [],
    formats: [SHORT_VIDEO, IMAGE_POST, ARTICLE],
    platforms: [DOUYIN, XIAOHONGSHU, WECHAT_CHANNELS],
    minCredibilityLevel: 1,
    budget: 60_000,
    slots: 3,
  },
  {
    key: 'phones',
    title: 'Camera phone launch: honest reviews',
    objective: 'SEEDING_CONTENT',
    vertical: 'electronics.phones',
    nicheTags: ['camera-phone', 'phone-review'],
    requiredCredentials: [],
    formats: [LONG_VIDEO, SHORT_VIDEO],
    platforms: [BILIBILI, DOUYIN],
    minCredibilityLevel: 1,
    budget: 150_000,
    slots: 3,
    targetAudience: { gender: 'MALE' },
  },
  {
    key: 'snack-room',
    title: 'Run our own Douyin room for the gummies, end to end',
    objective: 'OPERATED_SELF_BROADCAST',
    vertical: 'food.hyaluronic-acid-snacks',
    nicheTags: ['hyaluronic-acid'],
    requiredCredentials: [],
    formats: [LIVE_STREAM],
    platforms: [DOUYIN],
    minCredibilityLevel: 2,
    budget: 120_000,
    slots: 1,
  },
  {
    key: 'skincare-room',
    title: 'Self-broadcast month for the barrier-repair line',
    objective: 'OPERATED_SELF_BROADCAST',
    vertical: 'beauty.functional-skincare',
    nicheTags: ['barrier-repair'],
    requiredCredentials: [],
    formats: [LIVE_STREAM],
    platforms: [DOUYIN, TAOBAO_LIVE],
    minCredibilityLevel: 1,
    budget: 80_000,
    slots: 1,
  },
];

const creator = (talent: Omit<JudgedCreator, 'kind'>): JudgedCreator => ({ kind: 'creator', ...talent });
const trader = (talent: Omit<JudgedTrader, 'kind'>): JudgedTrader => ({ kind: 'trader', ...talent });

export const JUDGED_TALENTS: JudgedTalent[] = [
  // ---- functional skincare ----
  creator({
    key: 'derm-proven', displayName: 'Dr. Shen Yu', creatorKind: PROFESSIONAL, verticals: ['beauty.functional-skincare'],
    nicheTags: ['ceramide', 'barrier-repair', 'sensitive-skin', 'retinol'], followers: 180_000, realShare: 0.94, audience: SKIN,
    platforms: [XIAOHONGSHU, DOUYIN], rates: [[IMAGE_POST, 24_000], [SHORT_VIDEO, 28_000]], capacity: 4, commissionBp: 1000,
    credentials: [[DERMATOLOGIST, 'VERIFIED']], record: { deals: 7, roi: 3.8, rating: 5 },
    grades: { skincare: 3, retinol: 3 }, trap: 'her fee is 80 % of the slot budget; a cheap newcomer must not outrank her',
  }),
  creator({
    key: 'skin-reviewer-proven', displayName: 'Barrier Lab Tests', creatorKind: REVIEWER, verticals: ['beauty.functional-skincare'],
    nicheTags: ['ceramide', 'sensitive-skin', 'ingredient-analysis'], followers: 260_000, realShare: 0.9, audience: SKIN,
    platforms: [XIAOHONGSHU, BILIBILI], rates: [[IMAGE_POST, 15_000], [LONG_VIDEO, 26_000]], capacity: 6, commissionBp: 1500,
    record: { deals: 9, roi: 3.5, rating: 5 }, grades: { skincare: 3 }, trap: 'a proven reviewer without any credential',
  }),
  creator({
    key: 'skin-chemist', displayName: 'Formula Notes (cosmetic chemist)', creatorKind: PROFESSIONAL, verticals: ['beauty.functional-skincare'],
    nicheTags: ['barrier-repair', 'ceramide', 'niacinamide'], followers: 90_000, realShare: 0.92, audience: SKIN,
    platforms: [XIAOHONGSHU], rates: [[IMAGE_POST, 12_000]], capacity: 3, commissionBp: 1200,
    credentials: [[COSMETIC_CHEMIST, 'VERIFIED']], record: { deals: 3, roi: 2.8, rating: 4 }, grades: { skincare: 3 },
  }),
  creator({
    key: 'derm-newcomer', displayName: 'Dr. Qiao Lan', creatorKind: PROFESSIONAL, verticals: ['beauty.functional-skincare'],
    nicheTags: ['sensitive-skin', 'barrier-repair', 'retinol', 'anti-aging'], followers: 40_000, realShare: 0.95, audience: SKIN,
    platforms: [XIAOHONGSHU, DOUYIN], rates: [[SHORT_VIDEO, 14_000], [IMAGE_POST, 9_000]], capacity: 3, commissionBp: 1000,
    credentials: [[DERMATOLOGIST, 'VERIFIED']], grades: { skincare: 2, retinol: 2 }, trap: 'a newcomer specialist: no record yet',
  }),
  creator({
    key: 'skin-reviewer-mid', displayName: 'Sensitive Skin Diary', creatorKind: REVIEWER, verticals: ['beauty.functional-skincare'],
    nicheTags: ['sensitive-skin', 'sunscreen', 'barrier-repair'], followers: 70_000, realShare: 0.88, audience: SKIN,
    platforms: [XIAOHONGSHU], rates: [[IMAGE_POST, 8_000]], capacity: 4, commissionBp: 1500,
    record: { deals: 3, roi: 2.3, rating: 4 }, grades: { skincare: 2 },
  }),
  creator({
    key: 'skin-padded', displayName: 'Glow With Mia', creatorKind: LIFESTYLE, verticals: ['beauty.functional-skincare', 'beauty.makeup'],
    nicheTags: ['ceramide', 'barrier-repair', 'sensitive-skin', 'retinol', 'anti-aging'], followers: 900_000, realShare: 0.31, audience: SKIN,
    platforms: [DOUYIN, XIAOHONGSHU], rates: [[SHORT_VIDEO, 20_000], [IMAGE_POST, 12_000]], capacity: 5, commissionBp: 2000,
    record: { deals: 2, roi: 0.6, rating: 2 }, grades: { skincare: 0 }, trap: '31 % real followers, 0.6× ROI, every tag',
  }),
  creator({
    key: 'skin-celebrity-full', displayName: 'Vivian Lu (live host)', creatorKind: CELEBRITY, verticals: ['beauty.functional-skincare', 'beauty.makeup'],
    nicheTags: ['sensitive-skin', 'anti-aging'], followers: 6_000_000, realShare: 0.72, audience: SKIN,
    platforms: [DOUYIN, WEIBO], rates: [[SHORT_VIDEO, 29_000]], capacity: 2, busy: 2, commissionBp: 2500,
    record: { deals: 2, roi: 1.4, rating: 3 }, grades: { skincare: 1 }, trap: 'a top host at capacity',
  }),
  creator({
    key: 'skin-cheap-newcomer', displayName: 'Tian Tian skincare', creatorKind: LIFESTYLE, verticals: ['beauty.functional-skincare'],
    nicheTags: ['sensitive-skin', 'acne-care'], followers: 12_000, realShare: 0.86, audience: SKIN,
    platforms: [XIAOHONGSHU], rates: [[IMAGE_POST, 4_400]], capacity: 3, commissionBp: 1500,
    grades: { skincare: 1 }, trap: 'a cheap newcomer',
  }),
  creator({
    key: 'makeup-chemist', displayName: 'Colour Chemistry', creatorKind: PROFESSIONAL, verticals: ['beauty.makeup'],
    nicheTags: ['foundation', 'long-wear'], followers: 150_000, realShare: 0.9, audience: SKIN,
    platforms: [XIAOHONGSHU, DOUYIN], rates: [[IMAGE_POST, 10_000]], capacity: 3, commissionBp: 1200,
    credentials: [[COSMETIC_CHEMIST, 'VERIFIED']], grades: { skincare: 1 }, trap: 'a credential holder from a sibling vertical',
  }),
  creator({
    key: 'skin-researcher', displayName: 'Dr. Fang Jie (materials researcher)', creatorKind: PROFESSIONAL, verticals: ['beauty.functional-skincare'],
    nicheTags: ['peptide'], followers: 60_000, realShare: 0.93, audience: SKIN,
    platforms: [XIAOHONGSHU], rates: [[IMAGE_POST, 9_000]], capacity: 3, commissionBp: 1000,
    credentials: [[RESEARCHER, 'VERIFIED']], grades: { skincare: 1 }, trap: 'RESEARCHER is not a relevant credential for skincare',
  }),
  creator({
    key: 'derm-pending', displayName: 'Dr. Ke Xin', creatorKind: PROFESSIONAL, verticals: ['beauty.functional-skincare'],
    nicheTags: ['retinol', 'anti-aging', 'sensitive-skin'], followers: 300_000, realShare: 0.93, audience: SKIN,
    platforms: [XIAOHONGSHU, DOUYIN], rates: [[SHORT_VIDEO, 20_000], [IMAGE_POST, 12_000]], capacity: 3, commissionBp: 1000,
    credentials: [[DERMATOLOGIST, 'PENDING']], grades: { skincare: 1, retinol: 2 }, trap: 'an unverified dermatologist licence',
  }),
  creator({
    key: 'derm-antiaging', displayName: 'Dr. Bai Rui', creatorKind: PROFESSIONAL, verticals: ['beauty.functional-skincare'],
    nicheTags: ['anti-aging', 'retinol', 'sunscreen'], followers: 120_000, realShare: 0.91, audience: SKIN,
    platforms: [BILIBILI, DOUYIN], rates: [[LONG_VIDEO, 26_000], [SHORT_VIDEO, 18_000]], capacity: 3, commissionBp: 1000,
    credentials: [[DERMATOLOGIST, 'VERIFIED']], record: { deals: 4, roi: 3.0, rating: 5 }, grades: { retinol: 3, skincare: 2 },
  }),
  creator({
    key: 'physician-skin', displayName: 'Dr. Gu Ming (GP)', creatorKind: PROFESSIONAL, verticals: ['beauty.functional-skincare', 'health.nutrition-supplements'],
    nicheTags: ['anti-aging', 'retinol'], followers: 80_000, realShare: 0.92, audience: HEALTH,
    platforms: [DOUYIN], rates: [[SHORT_VIDEO, 12_000]], capacity: 3, commissionBp: 1000,
    credentials: [[PHYSICIAN, 'VERIFIED']], grades: { retinol: 1, skincare: 1 }, trap: 'a physician is not a dermatologist',
  }),
  creator({
    key: 'derm-haircare', displayName: 'Dr. Lin Hao (hair and scalp)', creatorKind: PROFESSIONAL, verticals: ['beauty.haircare'],
    nicheTags: ['hair-loss', 'scalp-care'], followers: 110_000, realShare: 0.94, audience: SKIN,
    platforms: [DOUYIN, XIAOHONGSHU], rates: [[SHORT_VIDEO, 16_000]], capacity: 3, commissionBp: 1000,
    credentials: [[DERMATOLOGIST, 'VERIFIED']], record: { deals: 2, roi: 2.6, rating: 4 }, grades: { retinol: 1, skincare: 1 },
    trap: 'a specialist from a sibling vertical',
  }),
  creator({
    key: 'derm-padded', displayName: 'Dr. Yao Jin', creatorKind: PROFESSIONAL, verticals: ['beauty.functional-skincare'],
    nicheTags: ['retinol', 'anti-aging'], followers: 700_000, realShare: 0.38, audience: SKIN,
    platforms: [DOUYIN], rates: [[SHORT_VIDEO, 26_000]], capacity: 3, commissionBp: 1500,
    credentials: [[DERMATOLOGIST, 'VERIFIED']], grades: { retinol: 1, skincare: 0 }, trap: 'a licence, but 38 % real followers',
  }),

  // ---- hyaluronic-acid snacks ----
  creator({
    key: 'nutritionist-proven', displayName: 'Wen Jing, registered nutritionist', creatorKind: PROFESSIONAL, verticals: ['food.hyaluronic-acid-snacks', 'health.nutrition-supplements'],
    nicheTags: ['hyaluronic-acid', 'collagen', 'low-sugar'], followers: 200_000, realShare: 0.94, audience: FOOD,
    platforms: [XIAOHONGSHU, DOUYIN], rates: [[IMAGE_POST, 10_000], [SHORT_VIDEO, 16_000]], capacity: 4, commissionBp: 1000,
    credentials: [[NUTRITIONIST, 'VERIFIED']], record: { deals: 6, roi: 3.2, rating: 5 }, grades: { 'ha-snacks': 3, supplements: 2 },
  }),
  creator({
    key: 'snack-reviewer-proven', displayName: 'Gummy Lab Tests', creatorKind: REVIEWER, verticals: ['food.hyaluronic-acid-snacks', 'food.snacks'],
    nicheTags: ['hyaluronic-acid', 'collagen', 'lab-tests', 'gummies'], followers: 320_000, realShare: 0.91, audience: FOOD,
    platforms: [BILIBILI, XIAOHONGSHU], rates: [[LONG_VIDEO, 14_000], [IMAGE_POST, 7_000]], capacity: 6, commissionBp: 1800,
    record: { deals: 8, roi: 3.0, rating: 5 }, grades: { 'ha-snacks': 3 }, trap: 'a grade-3 food reviewer without a credential',
  }),
  creator({
    key: 'skin-ha-specialist', displayName: 'Hydration Science', creatorKind: REVIEWER, verticals: ['beauty.functional-skincare'],
    nicheTags: ['hyaluronic-acid', 'collagen', 'skin-nutrition'], followers: 150_000, realShare: 0.93, audience: SKIN,
    platforms: [XIAOHONGSHU, DOUYIN], rates: [[IMAGE_POST, 9_000], [SHORT_VIDEO, 14_000]], capacity: 4, commissionBp: 1500,
    record: { deals: 4, roi: 2.8, rating: 5 }, grades: { 'ha-snacks': 2, skincare: 1 }, trap: 'a related vertical: skincare, same ingredient',
  }),
  creator({
    key: 'food-researcher', displayName: 'Zhou Qi, PhD (food science)', creatorKind: PROFESSIONAL, verticals: ['food.hyaluronic-acid-snacks'],
    nicheTags: ['hyaluronic-acid', 'skin-nutrition'], followers: 90_000, realShare: 0.96, audience: FOOD,
    platforms: [BILIBILI], rates: [[LONG_VIDEO, 12_000]], capacity: 2, commissionBp: 800,
    credentials: [[RESEARCHER, 'VERIFIED']], grades: { 'ha-snacks': 2 },
  }),
  creator({
    key: 'drinks-nutritionist', displayName: 'He Ping, nutritionist', creatorKind: PROFESSIONAL, verticals: ['food.healthy-drinks'],
    nicheTags: ['collagen', 'low-sugar', 'probiotics'], followers: 70_000, realShare: 0.93, audience: FOOD,
    platforms: [XIAOHONGSHU], rates: [[IMAGE_POST, 6_000]], capacity: 3, commissionBp: 1000,
    credentials: [[NUTRITIONIST, 'VERIFIED']], record: { deals: 2, roi: 2.7, rating: 5 }, grades: { 'ha-snacks': 2 },
  }),
  creator({
    key: 'spicy-nutritionist', displayName: 'Luo Dan, nutritionist (snacks)', creatorKind: PROFESSIONAL, verticals: ['food.snacks'],
    nicheTags: ['spicy-snacks', 'nuts'], followers: 50_000, realShare: 0.9, audience: FOOD,
    platforms: [DOUYIN], rates: [[SHORT_VIDEO, 7_000]], capacity: 3, commissionBp: 1000,
    credentials: [[NUTRITIONIST, 'VERIFIED']], grades: { 'ha-snacks': 1 }, trap: 'a credential holder from a sibling vertical, no shared tag',
  }),
  creator({
    key: 'food-celebrity', displayName: 'Star Chef Kai', creatorKind: CELEBRITY, verticals: ['food.hyaluronic-acid-snacks', 'food.snacks'],
    nicheTags: ['hyaluronic-acid', 'gummies'], followers: 4_000_000, realShare: 0.62, audience: MASS,
    platforms: [DOUYIN, WEIBO], rates: [[SHORT_VIDEO, 19_000]], capacity: 3, commissionBp: 3000,
    record: { deals: 1, roi: 0.9, rating: 2 }, grades: { 'ha-snacks': 0 }, trap: 'a head anchor with a padded audience and a poor record',
  }),
  creator({
    key: 'ha-cheap-newcomer', displayName: 'Xiaoxi snacks daily', creatorKind: LIFESTYLE, verticals: ['food.hyaluronic-acid-snacks'],
    nicheTags: ['hyaluronic-acid', 'collagen', 'gummies'], followers: 8_000, realShare: 0.85, audience: FOOD,
    platforms: [XIAOHONGSHU], rates: [[IMAGE_POST, 2_000]], capacity: 3, commissionBp: 1500,
    grades: { 'ha-snacks': 1 }, trap: 'a cheap newcomer with every tag',
  }),
  creator({
    key: 'ha-padded', displayName: 'Beauty Snack Queen', creatorKind: LIFESTYLE, verticals: ['food.hyaluronic-acid-snacks'],
    nicheTags: ['hyaluronic-acid', 'collagen', 'gummies', 'skin-nutrition', 'low-sugar'], followers: 600_000, realShare: 0.35, audience: FOOD,
    platforms: [DOUYIN, XIAOHONGSHU], rates: [[SHORT_VIDEO, 15_000], [IMAGE_POST, 8_000]], capacity: 4, commissionBp: 2000,
    grades: { 'ha-snacks': 0 }, trap: '35 % real followers, every tag',
  }),

  // ---- infant supplements ----
  creator({
    key: 'pediatrician-proven', displayName: 'Dr. Xu Wei', creatorKind: PROFESSIONAL, verticals: ['mother-baby.infant-food-supplements'],
    nicheTags: ['dha', 'infant-nutrition', 'vitamin-d'], followers: 400_000, realShare: 0.95, audience: PARENTS,
    platforms: [DOUYIN, WECHAT_CHANNELS], rates: [[SHORT_VIDEO, 26_000], [ARTICLE, 12_000]], capacity: 3, commissionBp: 1000,
    credentials: [[PEDIATRICIAN, 'VERIFIED']], record: { deals: 8, roi: 4.5, rating: 5 }, grades: { 'infant-dha': 3 },
  }),
  creator({
    key: 'pediatrician-newcomer', displayName: 'Dr. Song Yi', creatorKind: PROFESSIONAL, verticals: ['mother-baby.infant-food-supplements'],
    nicheTags: ['dha', 'algal-oil'], followers: 30_000, realShare: 0.96, audience: PARENTS,
    platforms: [WECHAT_CHANNELS], rates: [[ARTICLE, 6_000]], capacity: 3, commissionBp: 1000,
    credentials: [[PEDIATRICIAN, 'VERIFIED']], grades: { 'infant-dha': 2 },
  }),
  creator({
    key: 'pediatrician-mid', displayName: 'Dr. Liang Qing', creatorKind: PROFESSIONAL, verticals: ['mother-baby.infant-food-supplements', 'mother-baby.infant-formula'],
    nicheTags: ['infant-nutrition', 'probiotics'], followers: 120_000, realShare: 0.93, audience: PARENTS,
    platforms: [DOUYIN], rates: [[SHORT_VIDEO, 15_000]], capacity: 3, commissionBp: 1000,
    credentials: [[PEDIATRICIAN, 'VERIFIED']], record: { deals: 2, roi: 3.0, rating: 5 }, grades: { 'infant-dha': 2 },
  }),
  creator({
    key: 'pediatrician-babycare', displayName: 'Dr. Ren Yue (baby skin)', creatorKind: PROFESSIONAL, verticals: ['mother-baby.baby-care'],
    nicheTags: ['eczema-care', 'baby-skincare'], followers: 90_000, realShare: 0.94, audience: PARENTS,
    platforms: [DOUYIN], rates: [[SHORT_VIDEO, 12_000]], capacity: 3, commissionBp: 1000,
    credentials: [[PEDIATRICIAN, 'VERIFIED']], record: { deals: 3, roi: 2.5, rating: 4 }, grades: { 'infant-dha': 1 },
    trap: 'the required credential, from a sibling vertical',
  }),
  creator({
    key: 'pediatrician-pending', displayName: 'Dr. Tang Lu', creatorKind: PROFESSIONAL, verticals: ['mother-baby.infant-food-supplements'],
    nicheTags: ['dha', 'infant-nutrition'], followers: 500_000, realShare: 0.94, audience: PARENTS,
    platforms: [DOUYIN, WECHAT_CHANNELS], rates: [[SHORT_VIDEO, 20_000]], capacity: 3, commissionBp: 1000,
    credentials: [[PEDIATRICIAN, 'PENDING']], grades: { 'infant-dha': 2 }, trap: 'an unverified pediatrician licence',
  }),
  creator({
    key: 'mb-nutritionist', displayName: 'Mama Nutrition Coach', creatorKind: PROFESSIONAL, verticals: ['mother-baby.infant-food-supplements'],
    nicheTags: ['dha', 'infant-nutrition', 'iron'], followers: 200_000, realShare: 0.92, audience: PARENTS,
    platforms: [DOUYIN, WECHAT_CHANNELS], rates: [[SHORT_VIDEO, 14_000]], capacity: 3, commissionBp: 1000,
    credentials: [[NUTRITIONIST, 'VERIFIED']], record: { deals: 3, roi: 3.1, rating: 5 }, grades: { 'infant-dha': 1 },
    trap: 'a relevant credential, but not the one required',
  }),
  creator({
    key: 'pediatrician-full', displayName: 'Dr. Hu Tao', creatorKind: PROFESSIONAL, verticals: ['mother-baby.infant-food-supplements'],
    nicheTags: ['dha', 'infant-nutrition'], followers: 700_000, realShare: 0.95, audience: PARENTS,
    platforms: [DOUYIN], rates: [[SHORT_VIDEO, 30_000]], capacity: 1, busy: 1, commissionBp: 1000,
    credentials: [[PEDIATRICIAN, 'VERIFIED']], record: { deals: 4, roi: 4.0, rating: 5 }, grades: { 'infant-dha': 3 }, trap: 'a proven specialist at capacity',
  }),
  creator({
    key: 'pediatrician-padded', displayName: 'Dr. Meng Fei', creatorKind: PROFESSIONAL, verticals: ['mother-baby.infant-food-supplements'],
    nicheTags: ['dha', 'infant-nutrition', 'vitamin-d', 'algal-oil'], followers: 900_000, realShare: 0.34, audience: PARENTS,
    platforms: [DOUYIN], rates: [[SHORT_VIDEO, 22_000]], capacity: 3, commissionBp: 1500,
    credentials: [[PEDIATRICIAN, 'VERIFIED']], grades: { 'infant-dha': 1 }, trap: 'a licence, but 34 % real followers',
  }),

  // ---- OTC medicine ----
  creator({
    key: 'pharmacist-proven', displayName: 'Pharmacist Deng', creatorKind: PROFESSIONAL, verticals: ['health.otc-medicine'],
    nicheTags: ['cold-and-flu', 'pain-relief', 'first-aid'], followers: 150_000, realShare: 0.95, audience: HEALTH,
    platforms: [DOUYIN, WECHAT_CHANNELS], rates: [[SHORT_VIDEO, 12_000], [ARTICLE, 5_000]], capacity: 3, commissionBp: 1000,
    credentials: [[PHARMACIST, 'VERIFIED']], record: { deals: 5, roi: 3.0, rating: 5 }, grades: { otc: 3 },
  }),
  creator({
    key: 'pharmacist-newcomer', displayName: 'Pharmacist Qin', creatorKind: PROFESSIONAL, verticals: ['health.otc-medicine'],
    nicheTags: ['cold-and-flu'], followers: 25_000, realShare: 0.96, audience: HEALTH,
    platforms: [WECHAT_CHANNELS], rates: [[ARTICLE, 2_500]], capacity: 3, commissionBp: 1000,
    credentials: [[PHARMACIST, 'VERIFIED']], grades: { otc: 2 },
  }),
  creator({
    key: 'pharmacist-vitamins', displayName: 'Pharmacist Yin (vitamins)', creatorKind: PROFESSIONAL, verticals: ['health.nutrition-supplements'],
    nicheTags: ['vitamins', 'omega-3'], followers: 60_000, realShare: 0.94, audience: HEALTH,
    platforms: [DOUYIN], rates: [[SHORT_VIDEO, 8_000]], capacity: 3, commissionBp: 1000,
    credentials: [[PHARMACIST, 'VERIFIED']], record: { deals: 2, roi: 2.4, rating: 4 }, grades: { otc: 1, supplements: 2 },
    trap: 'the required credential, from a sibling vertical',
  }),
  creator({
    key: 'physician-flu', displayName: 'Dr. Cao (family doctor)', creatorKind: PROFESSIONAL, verticals: ['health.otc-medicine'],
    nicheTags: ['cold-and-flu', 'pain-relief'], followers: 300_000, realShare: 0.93, audience: HEALTH,
    platforms: [DOUYIN], rates: [[SHORT_VIDEO, 15_000]], capacity: 3, commissionBp: 1000,
    credentials: [[PHYSICIAN, 'VERIFIED']], record: { deals: 3, roi: 2.8, rating: 5 }, grades: { otc: 2 }, trap: 'a physician where a pharmacist is required',
  }),
  creator({
    key: 'pharmacist-pending', displayName: 'Pharmacist Kong', creatorKind: PROFESSIONAL, verticals: ['health.otc-medicine'],
    nicheTags: ['cold-and-flu', 'pain-relief'], followers: 80_000, realShare: 0.95, audience: HEALTH,
    platforms: [DOUYIN], rates: [[SHORT_VIDEO, 9_000]], capacity: 3, commissionBp: 1000,
    credentials: [[PHARMACIST, 'PENDING']], grades: { otc: 2 }, trap: 'an unverified pharmacist licence',
  }),
  creator({
    key: 'pharmacist-padded', displayName: 'Pharmacy Pro Lu', creatorKind: PROFESSIONAL, verticals: ['health.otc-medicine'],
    nicheTags: ['cold-and-flu', 'pain-relief', 'first-aid', 'blood-pressure'], followers: 500_000, realShare: 0.3, audience: HEALTH,
    platforms: [DOUYIN], rates: [[SHORT_VIDEO, 14_000]], capacity: 3, commissionBp: 1500,
    credentials: [[PHARMACIST, 'VERIFIED']], grades: { otc: 1 }, trap: 'a licence, but 30 % real followers',
  }),

  // ---- nutrition supplements ----
  creator({
    key: 'supp-nutritionist-proven', displayName: 'Sleep Well Nutrition', creatorKind: PROFESSIONAL, verticals: ['health.nutrition-supplements'],
    nicheTags: ['sleep', 'gut-health', 'vitamins'], followers: 180_000, realShare: 0.94, audience: HEALTH,
    platforms: [DOUYIN, XIAOHONGSHU], rates: [[SHORT_VIDEO, 14_000], [IMAGE_POST, 7_000]], capacity: 4, commissionBp: 1000,
    credentials: [[NUTRITIONIST, 'VERIFIED']], record: { deals: 6, roi: 3.3, rating: 5 }, grades: { supplements: 3 },
  }),
  creator({
    key: 'supp-reviewer-proven', displayName: 'Capsule Check', creatorKind: REVIEWER, verticals: ['health.nutrition-supplements'],
    nicheTags: ['gut-health', 'sleep', 'lab-tests'], followers: 220_000, realShare: 0.9, audience: HEALTH,
    platforms: [XIAOHONGSHU, DOUYIN], rates: [[IMAGE_POST, 9_000], [SHORT_VIDEO, 15_000]], capacity: 5, commissionBp: 1500,
    record: { deals: 7, roi: 3.0, rating: 5 }, grades: { supplements: 3 }, trap: 'a proven reviewer without a credential',
  }),
  creator({
    key: 'supp-physician-newcomer', displayName: 'Dr. Wu Jun (sleep medicine)', creatorKind: PROFESSIONAL, verticals: ['health.nutrition-supplements'],
    nicheTags: ['sleep'], followers: 45_000, realShare: 0.95, audience: HEALTH,
    platforms: [WECHAT_CHANNELS], rates: [[ARTICLE, 5_000]], capacity: 3, commissionBp: 1000,
    credentials: [[PHYSICIAN, 'VERIFIED']], grades: { supplements: 2 },
  }),
  creator({
    key: 'supp-celebrity', displayName: 'Fitness Star Ada', creatorKind: CELEBRITY, verticals: ['health.nutrition-supplements', 'health.fitness'],
    nicheTags: ['sleep', 'protein'], followers: 2_500_000, realShare: 0.6, audience: MASS,
    platforms: [DOUYIN, WEIBO], rates: [[SHORT_VIDEO, 60_000]], capacity: 3, commissionBp: 3000,
    grades: { supplements: 0 }, trap: 'a head anchor over budget with a padded audience',
  }),
  creator({
    key: 'fitness-researcher', displayName: 'Sports Science Hu', creatorKind: PROFESSIONAL, verticals: ['health.fitness'],
    nicheTags: ['running', 'protein-powder'], followers: 70_000, realShare: 0.93, audience: HEALTH,
    platforms: [DOUYIN], rates: [[SHORT_VIDEO, 8_000]], capacity: 3, commissionBp: 1000,
    credentials: [[RESEARCHER, 'VERIFIED']], grades: { supplements: 0 }, trap: 'an irrelevant credential from a sibling vertical',
  }),
  creator({
    key: 'supp-cheap-newcomer', displayName: 'Nightly wind-down with Yao', creatorKind: LIFESTYLE, verticals: ['health.nutrition-supplements'],
    nicheTags: ['sleep'], followers: 9_000, realShare: 0.9, audience: HEALTH,
    platforms: [XIAOHONGSHU], rates: [[IMAGE_POST, 1_500]], capacity: 3, commissionBp: 1500,
    grades: { supplements: 1 }, trap: 'a cheap newcomer',
  }),

  // ---- phones ----
  creator({
    key: 'phone-reviewer-proven', displayName: 'Lens & Silicon', creatorKind: REVIEWER, verticals: ['electronics.phones'],
    nicheTags: ['camera-phone', 'phone-review', 'fast-charging'], followers: 600_000, realShare: 0.92, audience: TECH,
    platforms: [BILIBILI, DOUYIN], rates: [[LONG_VIDEO, 40_000], [SHORT_VIDEO, 30_000]], capacity: 5, commissionBp: 800,
    record: { deals: 10, roi: 2.8, rating: 5 }, grades: { phones: 3 },
  }),
  creator({
    key: 'phone-reviewer-mid', displayName: 'Pocket Camera Club', creatorKind: REVIEWER, verticals: ['electronics.phones'],
    nicheTags: ['camera-phone', 'phone-review'], followers: 150_000, realShare: 0.9, audience: TECH,
    platforms: [BILIBILI], rates: [[LONG_VIDEO, 18_000]], capacity: 4, commissionBp: 800,
    record: { deals: 4, roi: 2.5, rating: 4 }, grades: { phones: 3 },
  }),
  creator({
    key: 'phone-reviewer-newcomer', displayName: 'Night Mode Tests', creatorKind: REVIEWER, verticals: ['electronics.phones'],
    nicheTags: ['camera-phone', 'phone-review'], followers: 40_000, realShare: 0.95, audience: TECH,
    platforms: [BILIBILI], rates: [[LONG_VIDEO, 9_000]], capacity: 3, commissionBp: 800,
    grades: { phones: 2 },
  }),
  creator({
    key: 'phone-charging-reviewer', displayName: 'Charge Lab', creatorKind: REVIEWER, verticals: ['electronics.phones'],
    nicheTags: ['fast-charging', 'phone-review'], followers: 90_000, realShare: 0.93, audience: TECH,
    platforms: [DOUYIN], rates: [[SHORT_VIDEO, 10_000]], capacity: 3, commissionBp: 800,
    record: { deals: 2, roi: 2.2, rating: 4 }, grades: { phones: 2 },
  }),
  creator({
    key: 'smarthome-reviewer', displayName: 'Connected Home Wang', creatorKind: REVIEWER, verticals: ['electronics.smart-home'],
    nicheTags: ['smart-speaker', 'home-automation'], followers: 200_000, realShare: 0.92, audience: TECH,
    platforms: [BILIBILI], rates: [[LONG_VIDEO, 20_000]], capacity: 4, commissionBp: 800,
    record: { deals: 5, roi: 2.6, rating: 5, vertical: 'electronics.smart-home' }, grades: { phones: 1 }, trap: 'proven, but in a sibling vertical',
  }),
  creator({
    key: 'tech-celebrity', displayName: 'Gadget King Leo', creatorKind: CELEBRITY, verticals: ['electronics.phones', 'electronics.smart-home'],
    nicheTags: ['phone-review', 'unboxing'], followers: 5_000_000, realShare: 0.55, audience: MASS,
    platforms: [DOUYIN, WEIBO], rates: [[SHORT_VIDEO, 48_000]], capacity: 3, commissionBp: 2500,
    record: { deals: 1, roi: 1.1, rating: 3 }, grades: { phones: 0 }, trap: 'a head anchor with 55 % real followers',
  }),
  creator({
    key: 'phone-padded', displayName: 'Phone Deals Daily', creatorKind: REVIEWER, verticals: ['electronics.phones'],
    nicheTags: ['camera-phone', 'phone-review', 'fast-charging'], followers: 800_000, realShare: 0.33, audience: TECH,
    platforms: [DOUYIN, BILIBILI], rates: [[SHORT_VIDEO, 20_000], [LONG_VIDEO, 25_000]], capacity: 4, commissionBp: 1500,
    record: { deals: 1, roi: 0.8, rating: 2 }, grades: { phones: 0 }, trap: '33 % real followers, every tag',
  }),
  creator({
    key: 'phone-brand-host', displayName: 'Shop Host Ming (brand host)', creatorKind: BRAND_HOST, verticals: ['electronics.phones'],
    nicheTags: ['unboxing'], followers: 6_000, realShare: 0.9, audience: TECH,
    platforms: [DOUYIN], rates: [[SHORT_VIDEO, 1_000]], capacity: 10, commissionBp: 300,
    grades: { phones: 1 }, trap: 'a cheap newcomer',
  }),

  // ---- operators ----
  trader({
    key: 'operator-snacks-proven', displayName: 'Qingxi Live Operations', verticals: ['food.hyaluronic-acid-snacks', 'food.snacks'],
    platforms: [DOUYIN, KUAISHOU], capabilities: ALL_CAPABILITIES, fee: 40_000, capacity: 3, commissionBp: 600,
    record: { deals: 8, roi: 3.6, rating: 5 }, grades: { 'snack-room': 3 }, trap: 'an operator, judged by record alone',
  }),
  trader({
    key: 'operator-snacks-five', displayName: 'Peach Room Studio', verticals: ['food.hyaluronic-acid-snacks'],
    platforms: [DOUYIN], capabilities: ALL_CAPABILITIES, fee: 30_000, capacity: 2, commissionBp: 800,
    record: { deals: 5, roi: 3.6, rating: 5 }, grades: { 'snack-room': 3 }, trap: '5 deals at 3.6×: must reach the brief\'s level 2',
  }),
  trader({
    key: 'operator-snacks-partial', displayName: 'Traffic First Media', verticals: ['food.hyaluronic-acid-snacks'],
    platforms: [DOUYIN], capabilities: [TraderCapability.LIVE_OPERATION, TraderCapability.TRAFFIC_MARKETING], fee: 25_000, capacity: 3, commissionBp: 800,
    record: { deals: 6, roi: 3.0, rating: 4 }, grades: { 'snack-room': 2 },
  }),
  trader({
    key: 'operator-snacks-sibling', displayName: 'Crunch Live', verticals: ['food.snacks'],
    platforms: [DOUYIN], capabilities: ALL_CAPABILITIES, fee: 25_000, capacity: 3, commissionBp: 800,
    record: { deals: 5, roi: 2.5, rating: 4 }, grades: { 'snack-room': 1 }, trap: 'proven in a sibling vertical',
  }),
  trader({
    key: 'operator-snacks-full', displayName: 'Golden Hour Rooms', verticals: ['food.hyaluronic-acid-snacks'],
    platforms: [DOUYIN], capabilities: ALL_CAPABILITIES, fee: 45_000, capacity: 1, busy: 1, commissionBp: 600,
    record: { deals: 6, roi: 4.0, rating: 5 }, grades: { 'snack-room': 3 }, trap: 'a proven operator at capacity',
  }),
  trader({
    key: 'operator-snacks-oneoff', displayName: 'New Dawn Live', verticals: ['food.hyaluronic-acid-snacks'],
    platforms: [DOUYIN], capabilities: ALL_CAPABILITIES, fee: 15_000, capacity: 2, commissionBp: 800,
    record: { deals: 1, roi: 1.5, rating: 3 }, grades: { 'snack-room': 1 }, trap: 'one deal: below level 2',
  }),
  trader({
    key: 'operator-skin-proven', displayName: 'Barrier Live Partners', verticals: ['beauty.functional-skincare'],
    platforms: [DOUYIN, TAOBAO_LIVE], capabilities: ALL_CAPABILITIES, fee: 35_000, capacity: 3, commissionBp: 600,
    record: { deals: 6, roi: 3.2, rating: 5 }, grades: { 'skincare-room': 3 },
  }),
  trader({
    key: 'operator-skin-newcomer', displayName: 'Serum Stream Co.', verticals: ['beauty.functional-skincare'],
    platforms: [DOUYIN], capabilities: ALL_CAPABILITIES, fee: 20_000, capacity: 2, commissionBp: 800,
    grades: { 'skincare-room': 2 },
  }),
  trader({
    key: 'operator-makeup', displayName: 'Lipstick Live Lab', verticals: ['beauty.makeup'],
    platforms: [DOUYIN, TAOBAO_LIVE], capabilities: ALL_CAPABILITIES, fee: 30_000, capacity: 3, commissionBp: 700,
    record: { deals: 4, roi: 2.4, rating: 4, vertical: 'beauty.makeup' }, grades: { 'skincare-room': 1 }, trap: 'proven in a sibling vertical',
  }),
  trader({
    key: 'operator-fashion', displayName: 'Runway Rooms', verticals: ['fashion.womenswear'],
    platforms: [DOUYIN, KUAISHOU], capabilities: ALL_CAPABILITIES, fee: 30_000, capacity: 3, commissionBp: 700,
    record: { deals: 6, roi: 3.4, rating: 5, vertical: 'fashion.womenswear' }, grades: {}, trap: 'proven, in another vertical',
  }),
];

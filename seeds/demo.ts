import type { MikroORM } from '@mikro-orm/postgresql';
import type { AppServices } from '../src/common/app-services.js';
import type { UnitOfWork } from '../src/common/unit-of-work.js';
import { User } from '../src/account/account.entity.js';
import { Agency, AgencyMember, RosterMembership, RosterStatus } from '../src/agency/agency.entity.js';
import { hashPassword } from '../src/auth/password.js';
import { Viewer } from '../src/auth/viewer.js';
import { Brand, BrandMember, MemberRole } from '../src/brand/brand.entity.js';
import { Product } from '../src/brand/product.entity.js';
import { type ContentFormat, Platform } from '../src/common/enums.js';
import { AgeBand, type AudienceProfile } from '../src/creator/audience.js';
import { ChannelAccount, Creator, CreatorKind, CreatorRate } from '../src/creator/creator.entity.js';
import { Credential, CredentialStatus } from '../src/credential/credential.entity.js';
import { CredentialType } from '../src/credential/credential-type.js';
import type { Logger } from '../src/observability/logger.js';
import { Trader, TraderCapability } from '../src/trader/trader.entity.js';
import { Vertical } from '../src/vertical/vertical.entity.js';
import { type DemoCast, seedDemoMarket } from './demo-market.js';
import { seedDemoRecord } from './demo-record.js';

/**
 * The demo marketplace, told as the article tells it. After the 2021 tax cases the era of the
 * head anchor is ending: Vivian Star still has 30 million followers, a padded audience and a
 * six-figure slot fee, but her credibility is L1. Three brands with niche, claim-sensitive
 * products (a ceramide barrier-repair serum, hyaluronic-acid gummies, DHA drops for infants) want
 * ROI instead of reach, so they look for specialists whose credentials an admin has verified (a
 * dermatologist, a nutritionist, a pediatrician, a researcher), for evaluation bloggers who test
 * products, and for live-stream operators ("traders") who run their own self-broadcast rooms end
 * to end. Two MCN agencies manage rosters and take a share. One pharmacist's licence is still
 * waiting for the admin to verify it. The brands' briefs, and the bids, counters and deals they
 * draw, are in demo-market.ts; the past campaigns whose settlements and reviews make up the track
 * records (the pediatrician's eight earn her L5) are in demo-record.ts.
 */

export interface DemoLogins {
  password: string;
  accounts: { role: string; email: string }[];
}

export const DEMO_PASSWORD = 'marketplace-demo';
const ADMIN = { email: 'admin@demo.market', displayName: 'Mei Tang (marketplace admin)' };

const yuan = (amount: number) => amount * 100;

/** Shares of a channel's audience: female share, ages 18-24 / 25-30 / 31-40 / 41-50 / over 50, top regions. */
function audience(femaleShare: number, ages: [number, number, number, number, number], regions: Record<string, number>): AudienceProfile {
  const bands = [AgeBand.AGE_18_24, AgeBand.AGE_25_30, AgeBand.AGE_31_40, AgeBand.AGE_41_50, AgeBand.OVER_50];
  return {
    femaleShare,
    maleShare: Math.round((1 - femaleShare) * 1000) / 1000,
    ageBands: bands.map((band, index) => ({ band, share: ages[index]! })),
    topRegions: Object.entries(regions).map(([region, share]) => ({ region, share })),
  };
}

const PARENTS = audience(0.86, [0.05, 0.38, 0.42, 0.1, 0.05], { Zhejiang: 0.21, Jiangsu: 0.14, Shanghai: 0.11 });
const SKINCARE_FANS = audience(0.84, [0.3, 0.36, 0.24, 0.07, 0.03], { Guangdong: 0.16, Shanghai: 0.12, Zhejiang: 0.1 });
const HEALTHY_EATERS = audience(0.7, [0.22, 0.34, 0.28, 0.11, 0.05], { Guangdong: 0.15, Beijing: 0.11, Sichuan: 0.09 });
const SCIENCE_READERS = audience(0.58, [0.34, 0.33, 0.22, 0.08, 0.03], { Beijing: 0.14, Jiangsu: 0.12, Hubei: 0.09 });
const MASS_MARKET = audience(0.66, [0.26, 0.28, 0.26, 0.13, 0.07], { Guangdong: 0.12, Henan: 0.09, Shandong: 0.09 });
const NORTHERN_FAMILIES = audience(0.55, [0.12, 0.22, 0.32, 0.21, 0.13], { Shandong: 0.14, Hebei: 0.12, Henan: 0.11 });

const BRANDS = [
  {
    key: 'skincare',
    owner: { email: 'brand.skincare@demo.market', displayName: 'Sophie Lin (Qingyan Derma)' },
    name: 'Qingyan Derma',
    description: 'Functional skincare for sensitive skin: ceramide and barrier-repair lines, tested with dermatologists.',
    websiteUrl: 'https://qingyan-derma.example.cn',
    product: {
      name: 'Ceramide Barrier Repair Serum',
      description: 'A 3 % ceramide complex serum for damaged, reactive skin. Its repair claims must be presented by a dermatologist.',
      vertical: 'beauty.functional-skincare',
      nicheTags: ['ceramide', 'barrier-repair', 'sensitive-skin'],
      requiredCredentials: [CredentialType.DERMATOLOGIST],
    },
  },
  {
    key: 'snacks',
    owner: { email: 'brand.snacks@demo.market', displayName: 'Kevin Zhang (Shuiguang Bites)' },
    name: 'Shuiguang Bites',
    description: 'Snacks fortified with hyaluronic acid and collagen: beauty from the inside, sold through seeding content.',
    websiteUrl: 'https://shuiguang-bites.example.cn',
    product: {
      name: 'Hyaluronic Acid & Collagen Gummies',
      description: 'Low-sugar peach gummies with 120 mg hyaluronic acid and 2 g collagen peptides per serving.',
      vertical: 'food.hyaluronic-acid-snacks',
      nicheTags: ['hyaluronic-acid', 'collagen'],
      requiredCredentials: [],
    },
  },
  {
    key: 'infant',
    owner: { email: 'brand.infant@demo.market', displayName: 'Grace Wu (Little Sprout Nutrition)' },
    name: 'Little Sprout Nutrition',
    description: 'Infant food supplements. Parents buy on a doctor’s word, so only pediatricians may speak for us.',
    websiteUrl: 'https://little-sprout.example.cn',
    product: {
      name: 'DHA Algal Oil Drops',
      description: 'Algal-oil DHA drops for infants from 6 months; 100 mg DHA per daily dose.',
      vertical: 'mother-baby.infant-food-supplements',
      nicheTags: ['dha', 'infant-nutrition'],
      requiredCredentials: [CredentialType.PEDIATRICIAN],
    },
  },
] as const;

interface DemoCreator {
  /** Names the creator in rosters; the login is `creator.<key>@demo.market`. */
  key: string;
  displayName: string;
  bio: string;
  kind: CreatorKind;
  verticals: string[];
  nicheTags: string[];
  capacity: number;
  minCommissionBp: number;
  credential?: { type: CredentialType; issuer: string; licenseNumber: string; status: 'VERIFIED' | 'PENDING' };
  channels: {
    platform: Platform;
    handle: string;
    followers: number;
    averageViews: number;
    engagementRate: number;
    realFollowerShare: number;
    audience: AudienceProfile;
  }[];
  /** Lowest fixed fee per format, in yuan. */
  rates: Partial<Record<ContentFormat, number>>;
}

const CREATORS: DemoCreator[] = [
  // The specialists brands now pay for: small, real audiences and a verified licence.
  {
    key: 'pediatrician',
    displayName: 'Dr. Wang Fang',
    bio: 'Pediatrician at a Hangzhou children’s hospital. Answers parents’ questions on infant nutrition, DHA and vitamin D, and says no to claims without evidence.',
    kind: CreatorKind.PROFESSIONAL,
    verticals: ['mother-baby.infant-food-supplements', 'mother-baby.infant-formula'],
    nicheTags: ['dha', 'infant-nutrition', 'vitamin-d', 'probiotics'],
    capacity: 3,
    minCommissionBp: 1000,
    credential: { type: CredentialType.PEDIATRICIAN, issuer: 'National Health Commission of the PRC', licenseNumber: '110330106000087', status: 'VERIFIED' },
    channels: [
      { platform: Platform.DOUYIN, handle: 'dr.wangfang.peds', followers: 820_000, averageViews: 150_000, engagementRate: 0.046, realFollowerShare: 0.95, audience: PARENTS },
      { platform: Platform.WECHAT_CHANNELS, handle: 'wangfang_peds', followers: 310_000, averageViews: 48_000, engagementRate: 0.052, realFollowerShare: 0.97, audience: PARENTS },
      { platform: Platform.XIAOHONGSHU, handle: 'dr.wangfang', followers: 240_000, averageViews: 36_000, engagementRate: 0.061, realFollowerShare: 0.94, audience: PARENTS },
    ],
    rates: { SHORT_VIDEO: 25_000, ARTICLE: 12_000, IMAGE_POST: 10_000, LIVE_STREAM: 40_000 },
  },
  {
    key: 'dermatologist',
    displayName: 'Dr. Chen Yu',
    bio: 'Dermatologist in Guangzhou. Explains barrier repair, ceramides and sensitive-skin routines; reviews formulas before recommending them.',
    kind: CreatorKind.PROFESSIONAL,
    verticals: ['beauty.functional-skincare'],
    nicheTags: ['ceramide', 'barrier-repair', 'sensitive-skin', 'retinol', 'sunscreen'],
    capacity: 4,
    minCommissionBp: 1200,
    credential: { type: CredentialType.DERMATOLOGIST, issuer: 'National Health Commission of the PRC', licenseNumber: '110440104000312', status: 'VERIFIED' },
    channels: [
      { platform: Platform.XIAOHONGSHU, handle: 'dr.chenyu.skin', followers: 1_150_000, averageViews: 160_000, engagementRate: 0.058, realFollowerShare: 0.93, audience: SKINCARE_FANS },
      { platform: Platform.DOUYIN, handle: 'chenyu_derm', followers: 680_000, averageViews: 120_000, engagementRate: 0.041, realFollowerShare: 0.9, audience: SKINCARE_FANS },
      { platform: Platform.BILIBILI, handle: 'ChenYuDermLab', followers: 210_000, averageViews: 65_000, engagementRate: 0.072, realFollowerShare: 0.96, audience: SCIENCE_READERS },
    ],
    rates: { IMAGE_POST: 18_000, SHORT_VIDEO: 32_000, LONG_VIDEO: 45_000, LIVE_STREAM: 50_000 },
  },
  {
    key: 'nutritionist',
    displayName: 'Li Na, registered nutritionist',
    bio: 'Registered nutritionist. Reads the label so you don’t have to: collagen, hyaluronic acid and sugar, measured against the evidence.',
    kind: CreatorKind.PROFESSIONAL,
    verticals: ['food.hyaluronic-acid-snacks', 'health.nutrition-supplements', 'food.healthy-drinks'],
    nicheTags: ['hyaluronic-acid', 'collagen', 'low-sugar', 'gut-health'],
    capacity: 4,
    minCommissionBp: 1000,
    credential: { type: CredentialType.NUTRITIONIST, issuer: 'Chinese Nutrition Society', licenseNumber: 'CNS-RN-2016-04418', status: 'VERIFIED' },
    channels: [
      { platform: Platform.WECHAT_CHANNELS, handle: 'lina_nutrition', followers: 420_000, averageViews: 52_000, engagementRate: 0.044, realFollowerShare: 0.95, audience: HEALTHY_EATERS },
      { platform: Platform.XIAOHONGSHU, handle: 'lina.eats.smart', followers: 380_000, averageViews: 47_000, engagementRate: 0.055, realFollowerShare: 0.92, audience: HEALTHY_EATERS },
      { platform: Platform.DOUYIN, handle: 'lina_dietitian', followers: 260_000, averageViews: 41_000, engagementRate: 0.038, realFollowerShare: 0.9, audience: HEALTHY_EATERS },
    ],
    rates: { SHORT_VIDEO: 15_000, IMAGE_POST: 8_000, ARTICLE: 9_000, LIVE_STREAM: 22_000 },
  },
  {
    key: 'researcher',
    displayName: 'Zhou Min, PhD',
    bio: 'Food-science researcher. Long videos on what hyaluronic acid and ceramides actually do once you eat them or put them on.',
    kind: CreatorKind.PROFESSIONAL,
    verticals: ['food.hyaluronic-acid-snacks', 'beauty.functional-skincare'],
    nicheTags: ['hyaluronic-acid', 'ceramide', 'ingredient-analysis', 'clinical-evidence'],
    capacity: 2,
    minCommissionBp: 800,
    credential: { type: CredentialType.RESEARCHER, issuer: 'Jiangnan University', licenseNumber: 'JNU-FS-2012-0193', status: 'VERIFIED' },
    channels: [
      { platform: Platform.BILIBILI, handle: 'ZhouMinLab', followers: 560_000, averageViews: 140_000, engagementRate: 0.081, realFollowerShare: 0.97, audience: SCIENCE_READERS },
      { platform: Platform.WEIBO, handle: 'zhoumin_phd', followers: 150_000, averageViews: 12_000, engagementRate: 0.018, realFollowerShare: 0.85, audience: SCIENCE_READERS },
    ],
    rates: { LONG_VIDEO: 38_000, ARTICLE: 8_000, IMAGE_POST: 6_000 },
  },
  {
    key: 'pharmacist',
    displayName: 'Zhao Lei, pharmacist',
    bio: 'Community pharmacist in Chengdu. Cold and flu, vitamins and what not to combine. Licence submitted, awaiting verification.',
    kind: CreatorKind.PROFESSIONAL,
    verticals: ['health.otc-medicine', 'health.nutrition-supplements'],
    nicheTags: ['cold-and-flu', 'vitamins', 'omega-3'],
    capacity: 2,
    minCommissionBp: 1000,
    credential: { type: CredentialType.PHARMACIST, issuer: 'National Medical Products Administration', licenseNumber: 'NMPA-LP-51-2019-2207', status: 'PENDING' },
    channels: [
      { platform: Platform.WECHAT_CHANNELS, handle: 'zhaolei_pharmacy', followers: 95_000, averageViews: 14_000, engagementRate: 0.049, realFollowerShare: 0.96, audience: HEALTHY_EATERS },
      { platform: Platform.DOUYIN, handle: 'pharmacist.zhaolei', followers: 60_000, averageViews: 11_000, engagementRate: 0.043, realFollowerShare: 0.93, audience: MASS_MARKET },
    ],
    rates: { SHORT_VIDEO: 3_000, ARTICLE: 1_500 },
  },
  // Evaluation bloggers: no licence, but they buy, test and publish verdicts.
  {
    key: 'ingredients',
    displayName: 'Ingredient Detective',
    bio: 'Tests skincare in a rented lab and rates it on what is in the bottle. Sensitive-skin edition every Friday.',
    kind: CreatorKind.REVIEWER,
    verticals: ['beauty.functional-skincare', 'beauty.makeup'],
    nicheTags: ['ingredient-analysis', 'sensitive-skin', 'ceramide', 'sunscreen'],
    capacity: 6,
    minCommissionBp: 2000,
    channels: [
      { platform: Platform.XIAOHONGSHU, handle: 'ingredient.detective', followers: 890_000, averageViews: 110_000, engagementRate: 0.049, realFollowerShare: 0.88, audience: SKINCARE_FANS },
      { platform: Platform.BILIBILI, handle: 'IngredientDetective', followers: 430_000, averageViews: 95_000, engagementRate: 0.066, realFollowerShare: 0.92, audience: SCIENCE_READERS },
    ],
    rates: { IMAGE_POST: 12_000, SHORT_VIDEO: 20_000, LONG_VIDEO: 30_000 },
  },
  {
    key: 'snacklab',
    displayName: 'Snack Lab Tests',
    bio: 'Sends functional snacks to a lab and posts the numbers: does the hyaluronic acid on the label make it into the gummy?',
    kind: CreatorKind.REVIEWER,
    verticals: ['food.hyaluronic-acid-snacks', 'food.snacks'],
    nicheTags: ['hyaluronic-acid', 'collagen', 'lab-tests', 'low-sugar'],
    capacity: 8,
    minCommissionBp: 1800,
    channels: [
      { platform: Platform.DOUYIN, handle: 'snacklab', followers: 1_300_000, averageViews: 210_000, engagementRate: 0.035, realFollowerShare: 0.82, audience: HEALTHY_EATERS },
      { platform: Platform.BILIBILI, handle: 'SnackLabTests', followers: 240_000, averageViews: 70_000, engagementRate: 0.058, realFollowerShare: 0.9, audience: SCIENCE_READERS },
    ],
    rates: { SHORT_VIDEO: 26_000, LIVE_STREAM: 30_000, LONG_VIDEO: 24_000 },
  },
  {
    key: 'mamatests',
    displayName: 'Mama Tests Everything',
    bio: 'Mother of two. Tries nappies, baby skincare and supplements on real family life before anyone else buys them.',
    kind: CreatorKind.REVIEWER,
    verticals: ['mother-baby.baby-care', 'mother-baby.infant-food-supplements'],
    nicheTags: ['baby-skincare', 'nappies', 'dha'],
    capacity: 5,
    minCommissionBp: 1500,
    channels: [
      { platform: Platform.XIAOHONGSHU, handle: 'mama.tests', followers: 520_000, averageViews: 60_000, engagementRate: 0.057, realFollowerShare: 0.9, audience: PARENTS },
      { platform: Platform.DOUYIN, handle: 'mamatests', followers: 300_000, averageViews: 55_000, engagementRate: 0.04, realFollowerShare: 0.86, audience: PARENTS },
    ],
    rates: { IMAGE_POST: 7_000, SHORT_VIDEO: 12_000 },
  },
  // Lifestyle creators: broad, pleasant reach, no claims to make.
  {
    key: 'xiaoxi',
    displayName: 'Sunny Xiaoxi',
    bio: 'Office outfits, five-minute make-up and weekend cafés in Shanghai.',
    kind: CreatorKind.LIFESTYLE,
    verticals: ['fashion.womenswear', 'beauty.makeup'],
    nicheTags: ['office-wear', 'long-wear'],
    capacity: 5,
    minCommissionBp: 2000,
    channels: [
      { platform: Platform.DOUYIN, handle: 'sunny.xiaoxi', followers: 640_000, averageViews: 90_000, engagementRate: 0.033, realFollowerShare: 0.78, audience: MASS_MARKET },
      { platform: Platform.XIAOHONGSHU, handle: 'sunnyxiaoxi', followers: 350_000, averageViews: 40_000, engagementRate: 0.045, realFollowerShare: 0.84, audience: SKINCARE_FANS },
    ],
    rates: { SHORT_VIDEO: 14_000, IMAGE_POST: 6_000 },
  },
  {
    key: 'ahfei',
    displayName: 'Home Cook Ah-Fei',
    bio: 'Northern home cooking, air-fryer experiments and the snacks of his hometown in Shandong.',
    kind: CreatorKind.LIFESTYLE,
    verticals: ['food.snacks', 'home.appliances'],
    nicheTags: ['air-fryer', 'regional-specialty'],
    capacity: 4,
    minCommissionBp: 1500,
    channels: [
      { platform: Platform.KUAISHOU, handle: 'ahfei.cooks', followers: 1_800_000, averageViews: 260_000, engagementRate: 0.03, realFollowerShare: 0.8, audience: NORTHERN_FAMILIES },
      { platform: Platform.DOUYIN, handle: 'ahfei_kitchen', followers: 700_000, averageViews: 95_000, engagementRate: 0.027, realFollowerShare: 0.76, audience: NORTHERN_FAMILIES },
    ],
    rates: { SHORT_VIDEO: 30_000, LIVE_STREAM: 45_000 },
  },
  // The head anchor: enormous reach, a padded audience, a slot fee to match and no credential.
  {
    key: 'celebrity',
    displayName: 'Vivian Star',
    bio: 'Former top live-commerce host. Since 2022 the platforms spread her traffic, but one night in her live room still sells out a warehouse.',
    kind: CreatorKind.CELEBRITY,
    verticals: ['beauty.makeup', 'fashion.womenswear', 'food.snacks'],
    nicheTags: ['new-launch', 'gift-guide'],
    capacity: 3,
    minCommissionBp: 3000,
    channels: [
      { platform: Platform.DOUYIN, handle: 'vivianstar', followers: 18_000_000, averageViews: 2_400_000, engagementRate: 0.012, realFollowerShare: 0.7, audience: MASS_MARKET },
      { platform: Platform.TAOBAO_LIVE, handle: 'vivian.live', followers: 8_000_000, averageViews: 1_500_000, engagementRate: 0.015, realFollowerShare: 0.72, audience: MASS_MARKET },
      { platform: Platform.WEIBO, handle: 'VivianStar', followers: 4_500_000, averageViews: 300_000, engagementRate: 0.006, realFollowerShare: 0.62, audience: MASS_MARKET },
    ],
    rates: { LIVE_STREAM: 800_000, SHORT_VIDEO: 350_000, IMAGE_POST: 120_000 },
  },
];

const TRADERS = [
  {
    key: 'qianfeng',
    displayName: 'Qianfeng Live Operations',
    bio: 'Runs brands’ own live rooms end to end: strategy, hosts, traffic buying, stock and delivery. Judged on the brand’s ROI, not on GMV alone.',
    capabilities: Object.values(TraderCapability),
    verticals: ['beauty.functional-skincare', 'food.hyaluronic-acid-snacks', 'food.healthy-drinks'],
    platforms: [Platform.DOUYIN, Platform.TAOBAO_LIVE, Platform.KUAISHOU],
    capacity: 3,
    minFixedFee: yuan(30_000),
    minCommissionBp: 500,
  },
  {
    key: 'momo',
    displayName: 'Momo Stream Studio',
    bio: 'Self-broadcast rooms for mother-and-baby and health brands, on Douyin and WeChat Channels.',
    capabilities: [TraderCapability.STRATEGY_AND_COVERAGE, TraderCapability.LIVE_OPERATION, TraderCapability.TRAFFIC_MARKETING],
    verticals: ['mother-baby.infant-food-supplements', 'mother-baby.baby-care', 'health.nutrition-supplements'],
    platforms: [Platform.DOUYIN, Platform.WECHAT_CHANNELS],
    capacity: 2,
    minFixedFee: yuan(15_000),
    minCommissionBp: 800,
  },
  {
    key: 'northbridge',
    displayName: 'Northbridge Self-Broadcast',
    bio: 'Daily live rooms for fashion and small-appliance merchants on Kuaishou and Douyin.',
    capabilities: [TraderCapability.LIVE_OPERATION, TraderCapability.TRAFFIC_MARKETING],
    verticals: ['fashion.womenswear', 'home.appliances'],
    platforms: [Platform.KUAISHOU, Platform.DOUYIN],
    capacity: 4,
    minFixedFee: yuan(8_000),
    minCommissionBp: 600,
  },
];

const AGENCIES = [
  {
    key: 'evergreen',
    owner: { email: 'agency.evergreen@demo.market', displayName: 'Helen Guo (Evergreen Seeding MCN)' },
    name: 'Evergreen Seeding MCN',
    description: 'Specialist seeding for efficacy-led brands: doctors, nutritionists and evaluation bloggers.',
    defaultShareBp: 1500,
    roster: [
      { creator: 'dermatologist', shareBp: 1500, status: RosterStatus.ACTIVE },
      { creator: 'nutritionist', shareBp: 1200, status: RosterStatus.ACTIVE },
      { creator: 'ingredients', shareBp: 2000, status: RosterStatus.ACTIVE },
      { creator: 'researcher', shareBp: 1500, status: RosterStatus.INVITED },
    ],
  },
  {
    key: 'starlight',
    owner: { email: 'agency.starlight@demo.market', displayName: 'Jason Ma (Starlight Live MCN)' },
    name: 'Starlight Live MCN',
    description: 'Big live-commerce nights: a top host, lifestyle creators and an operator for merchants’ own rooms.',
    defaultShareBp: 3000,
    roster: [
      { creator: 'celebrity', shareBp: 3000, status: RosterStatus.ACTIVE },
      { creator: 'xiaoxi', shareBp: 2500, status: RosterStatus.ACTIVE },
      { creator: 'ahfei', shareBp: 2500, status: RosterStatus.ACTIVE },
      { trader: 'northbridge', shareBp: 1000, status: RosterStatus.ACTIVE },
    ],
  },
] as const;

const creatorEmail = (key: string) => `creator.${key}@demo.market`;
const traderEmail = (key: string) => `trader.${key}@demo.market`;

const LOGINS: DemoLogins['accounts'] = [
  { role: 'admin', email: ADMIN.email },
  { role: 'brand: skincare', email: BRANDS[0].owner.email },
  { role: 'brand: HA snacks', email: BRANDS[1].owner.email },
  { role: 'brand: infant food', email: BRANDS[2].owner.email },
  { role: 'creator: pediatrician', email: creatorEmail('pediatrician') },
  // Bid for by her agency: she sees those bids and the deal they made.
  { role: 'creator: nutritionist', email: creatorEmail('nutritionist') },
  { role: 'agency owner', email: AGENCIES[0].owner.email },
  { role: 'trader', email: traderEmail('qianfeng') },
];

/**
 * Loads the demo data set when the database holds no users yet; returns the demo logins.
 * `platformFeeBp` goes into the demo deals' terms, as the running server would write it; by
 * default the fee the configuration has when PLATFORM_FEE_BP is not set.
 */
export async function seedDemoDataIfEmpty(
  orm: MikroORM,
  application: { services: AppServices; unitOfWork: UnitOfWork },
  logger: Logger,
): Promise<DemoLogins | null> {
  const { services, unitOfWork } = application;
  return unitOfWork.run({ em: orm.em.fork(), viewer: null }, async (context) => {
    const tx = context.em;
    // Two servers starting together on an empty database must not both load the demo set.
    await tx.getConnection().execute('select pg_advisory_xact_lock(hashtext(?))', ['seed-demo-data'], 'get', tx.getTransactionContext());
    if ((await tx.count(User)) > 0) return null;
    // Hashing is deliberately slow; every demo account shares one password, so hash it once.
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const now = new Date();
    const person = (email: string, displayName: string, isAdmin = false) => tx.create(User, { email, displayName, passwordHash, isAdmin });

    const admin = person(ADMIN.email, ADMIN.displayName, true);

    const verticals = await tx.find(Vertical, { slug: { $in: BRANDS.map((brand) => brand.product.vertical) } });
    const verticalBySlug = new Map(verticals.map((vertical) => [vertical.slug, vertical]));
    const brands: DemoCast['brands'] = new Map(
      BRANDS.map(({ key, name, description, websiteUrl, owner, product }) => {
        const brand = tx.create(Brand, { name, description, websiteUrl });
        const brandOwner = person(owner.email, owner.displayName);
        tx.create(BrandMember, { brand, user: brandOwner, role: MemberRole.OWNER });
        const vertical = verticalBySlug.get(product.vertical);
        if (!vertical) throw new Error(`vertical ${product.vertical} is missing; run the migrations first`);
        const products = [
          tx.create(Product, { ...product, nicheTags: [...product.nicheTags], requiredCredentials: [...product.requiredCredentials], brand, vertical }),
        ];
        return [key, { brand, owner: brandOwner, products }];
      }),
    );

    const profileUsers: User[] = [];
    const creators = new Map<string, Creator>();
    for (const { key, credential, channels, rates, verticals: verticalSlugs, ...profile } of CREATORS) {
      const user = person(creatorEmail(key), profile.displayName);
      profileUsers.push(user);
      const creator = tx.create(Creator, { ...profile, user, verticalSlugs });
      creators.set(key, creator);
      for (const channel of channels) tx.create(ChannelAccount, { ...channel, creator });
      for (const [format, fee] of Object.entries(rates)) {
        tx.create(CreatorRate, { creator, format: format as ContentFormat, minFixedFee: yuan(fee), currency: 'CNY' });
      }
      if (credential) {
        const verified = credential.status === CredentialStatus.VERIFIED;
        tx.create(Credential, {
          holder: user,
          type: credential.type,
          issuer: credential.issuer,
          licenseNumber: credential.licenseNumber,
          evidenceUrl: `https://evidence.demo.market/credentials/${key}.pdf`,
          status: credential.status,
          reviewedBy: verified ? admin : null,
          reviewedAt: verified ? now : null,
        });
      }
    }

    const traders = new Map<string, Trader>();
    for (const { key, verticals: verticalSlugs, ...profile } of TRADERS) {
      const user = person(traderEmail(key), profile.displayName);
      profileUsers.push(user);
      traders.set(key, tx.create(Trader, { ...profile, user, verticalSlugs }));
    }

    const agencies = new Map<string, { agency: Agency; owner: User }>();
    for (const { key, owner, roster, name, description, defaultShareBp } of AGENCIES) {
      const agency = tx.create(Agency, { name, description, defaultShareBp });
      const agencyOwner = person(owner.email, owner.displayName);
      agencies.set(key, { agency, owner: agencyOwner });
      tx.create(AgencyMember, { agency, user: agencyOwner, role: MemberRole.OWNER });
      for (const entry of roster) {
        tx.create(RosterMembership, {
          agency,
          creator: 'creator' in entry ? creators.get(entry.creator)! : null,
          trader: 'trader' in entry ? traders.get(entry.trader)! : null,
          status: entry.status,
          shareBp: entry.shareBp,
          invitedBy: agencyOwner,
          respondedAt: entry.status === RosterStatus.ACTIVE ? now : null,
        });
      }
    }
    await tx.flush();

    // Summary columns (credibility, follower totals, audience quality) are computed, never typed in.
    for (const user of profileUsers) await services.credibility.refreshForUser(tx, user.id);

    // Each brand topped its balance up by bank transfer, confirmed by the admin, before its deals started funded.
    const adminSide = { ...context, viewer: new Viewer(admin.id, true, new Set(), new Set(), null, null) };
    for (const [key, { brand }] of brands) {
      await services.ledger.confirmDeposit(adminSide, brand.id, { amount: { amount: 200_000_000, currency: 'CNY' }, bankReference: `DEMO-TOPUP-${key}` });
    }

    // Past campaigns, settled and reviewed through the services, give the track records credibility reads.
    const record = await seedDemoRecord(context, services, { brands, creators, traders, agencies }, { now });

    // Briefs and bids go through the services, which read the credentials and credibility just computed.
    const market = await seedDemoMarket(context, services, { brands, creators, traders, agencies }, { now });

    logger.debug({ creators: creators.size, traders: traders.size, brands: BRANDS.length, agencies: AGENCIES.length, ...record, ...market }, 'demo data created');
    return { password: DEMO_PASSWORD, accounts: LOGINS };
  });
}

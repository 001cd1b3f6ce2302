import type { AudienceProfile } from '../creator/audience.js';
import type { Platform } from '../common/enums.js';

/**
 * The audience-quality audit: a score from 0 to 100 with its reasons, computed from what a
 * platform connector reported about one channel. It replaces the real-follower share a creator
 * used to type in. Modelled on what audience auditors in the market combine: engagement against
 * the norm for the platform and follower tier, views against followers, anomalies in follower
 * growth, the platform's own real-follower share, and whether the audience is the one the
 * creator's verticals would draw.
 *
 * Every factor has a value in 0..1 (or null when the data cannot say) and one sentence. The score
 * is the weighted mean of the factors that could be judged; a padded audience fails several at
 * once, which is why no single factor decides.
 */

export const AuditFactorKind = {
  ENGAGEMENT: 'ENGAGEMENT',
  VIEWS_PER_FOLLOWER: 'VIEWS_PER_FOLLOWER',
  FOLLOWER_GROWTH: 'FOLLOWER_GROWTH',
  REAL_FOLLOWERS: 'REAL_FOLLOWERS',
  AUDIENCE_CONSISTENCY: 'AUDIENCE_CONSISTENCY',
} as const;
export type AuditFactorKind = (typeof AuditFactorKind)[keyof typeof AuditFactorKind];

export interface AuditFactor {
  kind: AuditFactorKind;
  /** 0 (a strong sign of padding) to 1 (nothing suspicious); null when the data cannot tell. */
  value: number | null;
  /** Share of the score this factor carries when it can be judged. */
  weight: number;
  sentence: string;
}

export interface AudienceAudit {
  score: number;
  factors: AuditFactor[];
}

export interface FollowerCount {
  at: Date;
  followers: number;
}

export interface AuditInput {
  platform: Platform;
  followers: number;
  averageViews: number;
  engagementRate: number;
  /** The platform's own estimate, when it gives one. */
  realFollowerShare: number | null;
  /** Follower counts over time, in any order; the current count need not be among them. */
  followerHistory: readonly FollowerCount[];
  audience: AudienceProfile;
  /** The creator's vertical slugs (e.g. `beauty.functional-skincare`). */
  verticalSlugs: readonly string[];
}

export const AUDIT_WEIGHTS: Record<AuditFactorKind, number> = {
  ENGAGEMENT: 0.25,
  VIEWS_PER_FOLLOWER: 0.15,
  FOLLOWER_GROWTH: 0.2,
  REAL_FOLLOWERS: 0.25,
  AUDIENCE_CONSISTENCY: 0.15,
};

/** Follower tiers: nano, micro, mid, macro, mega. Engagement falls as audiences grow. */
const TIER_LIMITS = [10_000, 100_000, 1_000_000, 10_000_000] as const;
const TIER_NAMES = ['under 10,000', '10,000 to 100,000', '100,000 to 1 million', '1 to 10 million', 'over 10 million'] as const;

/**
 * Typical engagement rate (interactions per view) by platform and tier, from published
 * benchmarks of short-video and social platforms in China; a channel at the norm scores 1.
 */
const ENGAGEMENT_NORMS: Record<Platform, readonly number[]> = {
  DOUYIN: [0.07, 0.055, 0.04, 0.03, 0.02],
  KUAISHOU: [0.08, 0.06, 0.045, 0.035, 0.025],
  TAOBAO_LIVE: [0.05, 0.04, 0.03, 0.02, 0.015],
  XIAOHONGSHU: [0.06, 0.045, 0.035, 0.025, 0.02],
  BILIBILI: [0.08, 0.06, 0.05, 0.04, 0.03],
  WECHAT_CHANNELS: [0.05, 0.04, 0.03, 0.02, 0.015],
  WEIBO: [0.03, 0.02, 0.012, 0.008, 0.005],
};
/** Typical average views per follower by tier, whatever the platform. */
const VIEW_NORMS = [0.3, 0.2, 0.12, 0.08, 0.05] as const;

/** Below this share of the norm a channel scores 0 on engagement or views. */
const NORM_FLOOR = 0.2;
/** A step of growth is a spike when its daily rate is this many times the typical step's and it adds this share of the followers. */
const SPIKE_RATE_MULTIPLE = 5;
const SPIKE_MIN_SHARE = 0.05;
/** Real-follower share at which the factor is 0, and at which it is 1. */
const REAL_SHARE_ZERO = 0.4;
const REAL_SHARE_FULL = 0.95;

/** What audience each top-level vertical draws, where it clearly draws one. */
const VERTICAL_AUDIENCES: Record<string, { femaleAtLeast?: number; maleAtLeast?: number; ages?: { bands: readonly string[]; atLeast: number }; label: string }> = {
  beauty: { femaleAtLeast: 0.6, label: 'beauty audiences are mostly women' },
  'mother-baby': { femaleAtLeast: 0.6, ages: { bands: ['AGE_25_30', 'AGE_31_40'], atLeast: 0.4 }, label: 'mother-and-baby audiences are mostly women aged 25 to 40' },
  fashion: { femaleAtLeast: 0.5, label: 'fashion audiences are mostly women' },
  electronics: { maleAtLeast: 0.5, label: 'electronics audiences are mostly men' },
  finance: { ages: { bands: ['AGE_25_30', 'AGE_31_40', 'AGE_41_50', 'OVER_50'], atLeast: 0.6 }, label: 'finance audiences are mostly over 25' },
};

const clamp01 = (value: number) => Math.min(1, Math.max(0, Number.isFinite(value) ? value : 0));
const percent = (share: number) => `${Math.round(share * 100)} %`;
const DAY_MS = 86_400_000;

export function followerTier(followers: number): number {
  const index = TIER_LIMITS.findIndex((limit) => followers < limit);
  return index === -1 ? TIER_LIMITS.length : index;
}

function againstNorm(actual: number, norm: number): number {
  return clamp01((actual / norm - NORM_FLOOR) / (1 - NORM_FLOOR));
}

function engagementFactor(input: AuditInput): AuditFactor {
  const tier = followerTier(input.followers);
  const norm = ENGAGEMENT_NORMS[input.platform][tier]!;
  const value = againstNorm(input.engagementRate, norm);
  const sentence =
    value >= 1
      ? `Engagement ${percent(input.engagementRate)} meets the ${percent(norm)} norm for ${TIER_NAMES[tier]} followers on ${input.platform}.`
      : `Engagement ${(input.engagementRate * 100).toFixed(1)} % is ${Math.round((input.engagementRate / norm) * 100)} % of the ${percent(norm)} norm for ${TIER_NAMES[tier]} followers on ${input.platform}.`;
  return { kind: AuditFactorKind.ENGAGEMENT, value, weight: AUDIT_WEIGHTS.ENGAGEMENT, sentence };
}

function viewsFactor(input: AuditInput): AuditFactor {
  if (input.followers === 0) {
    return { kind: AuditFactorKind.VIEWS_PER_FOLLOWER, value: null, weight: AUDIT_WEIGHTS.VIEWS_PER_FOLLOWER, sentence: 'No followers yet, so views per follower cannot be judged.' };
  }
  const tier = followerTier(input.followers);
  const norm = VIEW_NORMS[tier]!;
  const ratio = input.averageViews / input.followers;
  const value = againstNorm(ratio, norm);
  const sentence =
    value >= 1
      ? `Average views reach ${percent(ratio)} of followers, at or above the ${percent(norm)} norm for the tier.`
      : `Average views reach only ${(ratio * 100).toFixed(1)} % of followers against a ${percent(norm)} norm for the tier: many followers never watch.`;
  return { kind: AuditFactorKind.VIEWS_PER_FOLLOWER, value, weight: AUDIT_WEIGHTS.VIEWS_PER_FOLLOWER, sentence };
}

/**
 * Bought followers arrive in bursts: a step whose daily growth is far above the channel's typical
 * step and which adds a sizeable share of the audience. The factor falls with the share of today's
 * followers that arrived in such bursts: half of them in bursts scores 0.
 */
function growthFactor(input: AuditInput): AuditFactor {
  const points = [...input.followerHistory].filter((point) => Number.isFinite(point.at.getTime())).sort((a, b) => a.at.getTime() - b.at.getTime());
  if (points.length < 3) {
    return { kind: AuditFactorKind.FOLLOWER_GROWTH, value: null, weight: AUDIT_WEIGHTS.FOLLOWER_GROWTH, sentence: 'Fewer than three follower counts over time, so growth cannot be judged yet.' };
  }
  const steps = points.slice(1).map((point, index) => {
    const previous = points[index]!;
    const days = Math.max(1, (point.at.getTime() - previous.at.getTime()) / DAY_MS);
    const gain = point.followers - previous.followers;
    return { gain, perDay: gain / days };
  });
  const rates = steps.map((step) => Math.max(0, step.perDay)).sort((a, b) => a - b);
  const typical = rates[Math.floor((rates.length - 1) / 2)]!;
  const latest = Math.max(1, input.followers, points[points.length - 1]!.followers);
  const spikes = steps.filter((step) => step.gain > latest * SPIKE_MIN_SHARE && step.perDay > Math.max(1, typical) * SPIKE_RATE_MULTIPLE);
  const spikeShare = Math.min(1, spikes.reduce((sum, step) => sum + step.gain, 0) / latest);
  const value = clamp01(1 - 2 * spikeShare);
  const sentence = spikes.length
    ? `${spikes.length === 1 ? 'One burst' : `${spikes.length} bursts`} of follower growth far above the usual pace brought ${percent(spikeShare)} of today's followers.`
    : `Followers grew steadily over ${points.length} counts, with no burst.`;
  return { kind: AuditFactorKind.FOLLOWER_GROWTH, value, weight: AUDIT_WEIGHTS.FOLLOWER_GROWTH, sentence };
}

function realFollowersFactor(input: AuditInput): AuditFactor {
  const share = input.realFollowerShare;
  if (share === null) {
    return { kind: AuditFactorKind.REAL_FOLLOWERS, value: null, weight: AUDIT_WEIGHTS.REAL_FOLLOWERS, sentence: 'The platform gives no real-follower estimate for this channel.' };
  }
  const value = clamp01((share - REAL_SHARE_ZERO) / (REAL_SHARE_FULL - REAL_SHARE_ZERO));
  return {
    kind: AuditFactorKind.REAL_FOLLOWERS,
    value,
    weight: AUDIT_WEIGHTS.REAL_FOLLOWERS,
    sentence: `The platform estimates ${percent(share)} of followers are real people${value < 0.5 ? ': a large part of the audience looks bought' : ''}.`,
  };
}

function consistencyFactor(input: AuditInput): AuditFactor {
  const { audience } = input;
  const reported = audience.femaleShare + audience.maleShare > 0 || audience.ageBands.length > 0;
  const families = [...new Set(input.verticalSlugs.map((slug) => slug.split('.')[0]!))].filter((family) => VERTICAL_AUDIENCES[family]);
  if (!reported || families.length === 0) {
    return {
      kind: AuditFactorKind.AUDIENCE_CONSISTENCY,
      value: null,
      weight: AUDIT_WEIGHTS.AUDIENCE_CONSISTENCY,
      sentence: reported ? 'The creator’s verticals draw no particular audience to compare with.' : 'The platform reported no audience breakdown.',
    };
  }
  // The best-matching vertical counts: a creator in beauty and electronics may draw either audience.
  let best = { value: 0, label: '' };
  for (const family of families) {
    const expected = VERTICAL_AUDIENCES[family]!;
    const checks: number[] = [];
    if (expected.femaleAtLeast !== undefined) checks.push(clamp01(audience.femaleShare / expected.femaleAtLeast));
    if (expected.maleAtLeast !== undefined) checks.push(clamp01(audience.maleShare / expected.maleAtLeast));
    if (expected.ages && audience.ageBands.length) {
      const inBands = audience.ageBands.filter((entry) => expected.ages!.bands.includes(entry.band)).reduce((sum, entry) => sum + entry.share, 0);
      checks.push(clamp01(inBands / expected.ages.atLeast));
    }
    const value = checks.length ? checks.reduce((product, check) => product * check, 1) : 1;
    if (value >= best.value) best = { value, label: expected.label };
  }
  const sentence =
    best.value >= 0.9
      ? `The audience is what the creator's verticals draw (${best.label}).`
      : `The audience does not look like the creator's verticals: ${best.label}, yet this one is not (${percent(best.value)} consistent).`;
  return { kind: AuditFactorKind.AUDIENCE_CONSISTENCY, value: best.value, weight: AUDIT_WEIGHTS.AUDIENCE_CONSISTENCY, sentence };
}

export function auditAudience(input: AuditInput): AudienceAudit {
  const factors = [engagementFactor(input), viewsFactor(input), growthFactor(input), realFollowersFactor(input), consistencyFactor(input)];
  const judged = factors.filter((factor): factor is AuditFactor & { value: number } => factor.value !== null);
  const weight = judged.reduce((sum, factor) => sum + factor.weight, 0);
  const score = weight === 0 ? 0 : Math.round((100 * judged.reduce((sum, factor) => sum + factor.weight * factor.value, 0)) / weight);
  return { score, factors: factors.map((factor) => (factor.value === null ? factor : { ...factor, value: Math.round(factor.value * 1000) / 1000 })) };
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../src/account/account.entity.js';
import { Viewer } from '../src/auth/viewer.js';
import { Brand, BrandMember, MemberRole } from '../src/brand/brand.entity.js';
import { Product } from '../src/brand/product.entity.js';
import { BiddingMode, BriefObjective, BriefVisibility, DealStructure, GmvGuaranteePreference, TargetGender } from '../src/brief/brief.entity.js';
import type { AppServices } from '../src/common/app-services.js';
import { ContentFormat, Platform } from '../src/common/enums.js';
import type { ServiceContext } from '../src/common/service-context.js';
import { ChannelAccount, Creator, CreatorRate, VerificationMethod } from '../src/creator/creator.entity.js';
import { auditAudience } from '../src/platform-data/audience-audit.js';
import { Credential, CredentialStatus } from '../src/credential/credential.entity.js';
import { Trader } from '../src/trader/trader.entity.js';
import { Vertical } from '../src/vertical/vertical.entity.js';
import { type Grade, JUDGED_BRIEFS, JUDGED_TALENTS, type JudgedBrief, type JudgedTalent } from './match-judged-set.js';

/**
 * Loads the judged set (match-judged-set.ts) through the services, as the demo seed does: people
 * and profiles as entities, summary columns from CredibilityService, and every track record a run
 * of real past campaigns (brief, bid, acceptance, delivery on time, sales report, settlement,
 * review), so a talent's ROI and credibility come from settlement rows as in production. A talent
 * `busy` with running deals has them accepted and left running. Then each judged brand posts its
 * brief. Past campaigns are posted by one "past campaigns" brand per vertical, whose products
 * require nothing, so every talent can take them.
 */

export interface LoadedJudgedSet {
  /** Judged brief key → brief id, and the brand owner who may read its recommendations. */
  briefs: Map<string, { id: string; brandId: string; ownerId: string; spec: JudgedBrief }>;
  /** Talent id → its key and kind. */
  talents: Map<string, { key: string; kind: 'creator' | 'trader'; spec: JudgedTalent }>;
  /** grade(briefKey, talentKey): 0 when not judged. */
  grade(briefKey: string, talentKey: string): Grade;
  settledDeals: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const cny = (yuan: number) => ({ amount: Math.round(yuan * 100), currency: 'CNY' as const });
/** Commission on past campaigns, in basis points: what turns a target ROI into the GMV to report. */
const PAST_COMMISSION_BP = 1000;

/**
 * Loads the set through `em` and the application's `services` (not in a transaction: each past
 * campaign commits in one of its own, `concurrency` of them side by side).
 */
export async function loadJudgedSet(em: EntityManager, services: AppServices, options: { now?: Date; concurrency?: number } = {}): Promise<LoadedJudgedSet> {
  const now = options.now ?? new Date();
  const inDays = (days: number) => new Date(now.getTime() + days * DAY_MS);
  const today = now.toISOString().slice(0, 10);
  const { credibility, briefs: briefService, bids, dealDeliverables: deliverables, salesReports: sales, dealSettlements: settlements, dealReviews: reviews } = services;

  const admin = em.create(User, { email: 'judged-admin@judged.market', displayName: 'Judged set admin', passwordHash: '!judged', isAdmin: true });
  const verticals = new Map((await em.find(Vertical, {})).map((vertical) => [vertical.slug, vertical]));
  const vertical = (slug: string) => {
    const found = verticals.get(slug);
    if (!found) throw new Error(`the judged set names vertical ${slug}, which the taxonomy lacks`);
    return found;
  };

  const brandOf = (within: EntityManager, key: string, productVertical: string, tags: string[], required: JudgedBrief['requiredCredentials']) => {
    const owner = within.create(User, { email: `brand.${key}@judged.market`, displayName: `Owner of ${key}`, passwordHash: '!judged' });
    const brand = within.create(Brand, { name: `Judged ${key}`, description: `A brand of the judged set (${key}).`, websiteUrl: `https://${key}.judged.example` });
    within.create(BrandMember, { brand, user: owner, role: MemberRole.OWNER });
    const product = within.create(Product, {
      name: `${key} product`,
      description: `The ${key} product.`,
      brand,
      vertical: within.getReference(Vertical, vertical(productVertical).id),
      nicheTags: tags,
      requiredCredentials: required,
    });
    return { brand, owner, product };
  };

  const talents = new Map<string, { key: string; kind: 'creator' | 'trader'; spec: JudgedTalent }>();
  const profiles = new Map<string, { user: User; creator: Creator | null; trader: Trader | null }>();
  for (const spec of JUDGED_TALENTS) {
    const user = em.create(User, { email: `${spec.key}@judged.market`, displayName: spec.displayName, passwordHash: '!judged' });
    for (const [type, status] of spec.credentials ?? []) {
      const verified = status === 'VERIFIED';
      em.create(Credential, {
        holder: user,
        type,
        issuer: 'Judged issuer',
        licenseNumber: `${type.slice(0, 3)}-${spec.key}`,
        evidenceUrl: `https://evidence.judged.market/${spec.key}.pdf`,
        status: verified ? CredentialStatus.VERIFIED : CredentialStatus.PENDING,
        reviewedBy: verified ? admin : null,
        reviewedAt: verified ? now : null,
      });
    }
    if (spec.kind === 'creator') {
      const creator = em.create(Creator, {
        user,
        displayName: spec.displayName,
        bio: spec.trap ?? '',
        kind: spec.creatorKind,
        verticalSlugs: spec.verticals,
        nicheTags: spec.nicheTags,
        capacity: spec.capacity,
        minCommissionBp: spec.commissionBp,
      });
      spec.platforms.forEach((platform, position) => {
        const followers = position === 0 ? spec.followers : Math.round(spec.followers * 0.3);
        const figures = { platform, followers, averageViews: Math.round(followers * 0.1), engagementRate: 0.04, realFollowerShare: spec.realShare, audience: spec.audience };
        // Bought followers arrive in a burst; a real audience grows steadily. The audit reads both.
        const shares = spec.realShare < 0.6 ? [0.3, 0.31, 0.32, 0.97] : [0.8, 0.84, 0.88, 0.92];
        const followerHistory = [120, 90, 60, 30].map((daysAgo, step) => ({ at: new Date(now.getTime() - daysAgo * DAY_MS), followers: Math.round(followers * shares[step]!) }));
        const audit = auditAudience({ ...figures, followerHistory, verticalSlugs: spec.verticals });
        // The judged talents' channels are verified by the admin, with the platform's figures.
        em.create(ChannelAccount, {
          creator,
          handle: `${spec.key}.${platform.toLowerCase()}`,
          ...figures,
          declaredFollowers: figures.followers,
          declaredAverageViews: figures.averageViews,
          declaredEngagementRate: figures.engagementRate,
          declaredRealFollowerShare: figures.realFollowerShare,
          declaredAudience: figures.audience,
          verifiedAt: now,
          verificationMethod: VerificationMethod.ADMIN,
          verifiedBy: admin,
          snapshotCapturedAt: now,
          auditScore: audit.score,
          audit: audit.factors,
        });
      });
      for (const [format, fee] of spec.rates) em.create(CreatorRate, { creator, format, minFixedFee: cny(fee).amount, currency: 'CNY' });
      profiles.set(spec.key, { user, creator, trader: null });
      talents.set(creator.id, { key: spec.key, kind: 'creator', spec });
    } else {
      const trader = em.create(Trader, {
        user,
        displayName: spec.displayName,
        bio: spec.trap ?? '',
        capabilities: spec.capabilities,
        verticalSlugs: spec.verticals,
        platforms: spec.platforms,
        capacity: spec.capacity,
        minFixedFee: cny(spec.fee).amount,
        minCommissionBp: spec.commissionBp,
      });
      profiles.set(spec.key, { user, creator: null, trader });
      talents.set(trader.id, { key: spec.key, kind: 'trader', spec });
    }
  }
  const historyBrands = new Map<string, ReturnType<typeof brandOf>>();
  for (const slug of new Set(JUDGED_TALENTS.flatMap((spec) => [spec.record?.vertical ?? spec.verticals[0]!, spec.verticals[0]!]))) {
    historyBrands.set(slug, brandOf(em, `past-${slug}`, slug, [], []));
  }
  await em.flush();
  await em.transactional(async (tx) => {
    for (const { user } of profiles.values()) await credibility.refreshForUser(tx, user.id);
    // Each past-campaign brand topped its balance up, confirmed by the admin, before its deals started funded.
    const adminSide: ServiceContext = { em: tx, viewer: new Viewer(admin.id, true, new Set(), new Set(), null, null) };
    for (const [slug, { brand }] of historyBrands) {
      await services.ledger.confirmDeposit(adminSide, brand.id, { amount: { amount: 1_000_000_000, currency: 'CNY' }, bankReference: `JUDGED-TOPUP-${slug}` });
    }
  });

  const brandSide = (owner: User, brand: Brand, within: EntityManager = em): ServiceContext => ({
    em: within,
    viewer: new Viewer(owner.id, false, new Set([brand.id]), new Set(), null, null),
  });

  /** One past campaign for the talent in `slug`: accepted, and unless `running`, delivered, reported at `roi`, settled and reviewed. */
  let settledDeals = 0;
  const campaign = async (em: EntityManager, spec: JudgedTalent, slug: string, index: number, outcome: { roi: number; rating: number } | 'running') => {
    const { creator, trader, user } = profiles.get(spec.key)!;
    const history = historyBrands.get(slug)!;
    const brand = brandSide(history.owner, history.brand, em);
    const talentSide: ServiceContext = { em, viewer: new Viewer(user.id, false, new Set(), new Set(), creator?.id ?? null, trader?.id ?? null) };
    const [format, fee] = spec.kind === 'creator' ? spec.rates[0]! : [ContentFormat.LIVE_STREAM, spec.fee];
    const platform = spec.platforms[0] ?? Platform.DOUYIN;
    const title = `${spec.displayName}: past campaign ${index + 1}`;
    const { brief } = await briefService.create(brand, history.brand.id, {
      title,
      description: `${title}, for the judged set's track records.`,
      objective: spec.kind === 'creator' ? BriefObjective.SEEDING_CONTENT : BriefObjective.OPERATED_SELF_BROADCAST,
      formats: [format],
      platforms: [platform],
      minCredibilityLevel: 1,
      budget: cny(fee * 2),
      preferredStructures: [DealStructure.HYBRID],
      gmvGuarantee: GmvGuaranteePreference.NOT_WANTED,
      slots: 1,
      biddingMode: BiddingMode.OPEN,
      visibility: BriefVisibility.PUBLIC,
      deadline: inDays(7),
      productIds: [history.product.id],
    });
    await briefService.publish(brand, brief.id);
    const { bid } = await bids.submit(talentSide, {
      briefId: brief.id,
      ...(creator ? { creatorId: creator.id } : { traderId: trader!.id }),
      pitch: `Ready: ${title}.`,
      terms: {
        fixedFee: cny(fee),
        commissionBp: PAST_COMMISSION_BP,
        gmvGuarantee: null,
        agencyShareBp: null,
        deliverables: [{ format, platform, dueAt: inDays(14), description: title }],
      },
    });
    const { deal } = await bids.accept(brand, bid.id, bid.currentRevision);
    if (outcome === 'running') return;
    for (const deliverable of (await deliverables.ofDeals(em, [deal.id]))[0] ?? []) {
      await deliverables.submit(talentSide, deliverable.id, `https://proof.judged.market/${deal.id}/${deliverable.position}`, null);
      await deliverables.approve(brand, deliverable.id);
    }
    // Net GMV that returns `roi` on the fee plus the commission on that GMV: g = r·F ÷ (1 − r·c).
    const commission = PAST_COMMISSION_BP / 10_000;
    const gmv = (outcome.roi * fee) / Math.max(0.1, 1 - outcome.roi * commission);
    await sales.report(brand, { dealId: deal.id, periodStart: today, periodEnd: today, ordersCount: Math.max(1, Math.round(gmv / 100)), gmv: cny(gmv), refunds: [] });
    await settlements.settle(brand, deal.id);
    await reviews.review(brand, deal.id, outcome.rating, outcome.rating >= 4 ? 'Delivered what was agreed.' : 'Disappointing sales.');
    settledDeals += 1;
  };

  // Each campaign commits on its own, and talents' campaigns run side by side: they share no row but a past-campaign brand's.
  const histories = JUDGED_TALENTS.filter((spec) => spec.record || spec.busy);
  const playHistory = async (spec: JudgedTalent) => {
    const record = spec.record;
    if (record) {
      const slug = record.vertical ?? spec.verticals[0]!;
      for (let index = 0; index < record.deals; index++) {
        // Deal by deal the ROI varies around the talent's level, as real campaigns do.
        const spread = [1, 0.85, 1.15][index % 3]!;
        await em.fork().transactional((tx) => campaign(tx, spec, slug, index, { roi: record.roi * spread, rating: record.rating }));
      }
    }
    for (let index = 0; index < (spec.busy ?? 0); index++) await em.fork().transactional((tx) => campaign(tx, spec, spec.verticals[0]!, 100 + index, 'running'));
  };
  let next = 0;
  const worker = async () => {
    while (next < histories.length) await playHistory(histories[next++]!);
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));

  const briefs = new Map<string, { id: string; brandId: string; ownerId: string; spec: JudgedBrief }>();
  await em.transactional(async (tx) => {
  for (const spec of JUDGED_BRIEFS) {
    const poster = brandOf(tx, `brief-${spec.key}`, spec.vertical, spec.nicheTags, spec.requiredCredentials);
    await tx.flush();
    const side = brandSide(poster.owner, poster.brand, tx);
    const target = spec.targetAudience;
    const { brief } = await briefService.create(side, poster.brand.id, {
      title: spec.title,
      description: `${spec.title}. A brief of the judged set.`,
      objective: BriefObjective[spec.objective],
      formats: spec.formats,
      platforms: spec.platforms,
      minCredibilityLevel: spec.minCredibilityLevel,
      budget: cny(spec.budget),
      preferredStructures: [DealStructure.HYBRID, DealStructure.FIXED_FEE],
      gmvGuarantee: GmvGuaranteePreference.WELCOME,
      slots: spec.slots,
      biddingMode: BiddingMode.OPEN,
      visibility: BriefVisibility.PUBLIC,
      deadline: inDays(21),
      productIds: [poster.product.id],
      ...(target ? { targetAudience: { gender: TargetGender[target.gender ?? 'ANY'], ageBands: target.ageBands ?? [], regions: target.regions ?? [] } } : {}),
      ...(spec.requiredCapabilities ? { requiredCapabilities: spec.requiredCapabilities } : {}),
    });
    await briefService.publish(side, brief.id);
    briefs.set(spec.key, { id: brief.id, brandId: poster.brand.id, ownerId: poster.owner.id, spec });
  }
  });

  const grades = new Map(JUDGED_TALENTS.map((spec) => [spec.key, spec.grades]));
  return { briefs, talents, grade: (briefKey, talentKey) => grades.get(talentKey)?.[briefKey] ?? 0, settledDeals };
}

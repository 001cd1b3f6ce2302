import { Viewer } from '../src/auth/viewer.js';
import { BiddingMode, BriefObjective, BriefVisibility, DealStructure, GmvGuaranteePreference } from '../src/brief/brief.entity.js';
import { ContentFormat, Platform } from '../src/common/enums.js';
import type { AppServices } from '../src/common/app-services.js';
import type { ServiceContext } from '../src/common/service-context.js';
import type { DemoCast } from './demo-market.js';

/**
 * The demo's track records, earned the way anyone earns one: past campaigns played through the
 * real services from brief to settlement. Each brand posts a one-slot brief, the talent bids,
 * the brand accepts, the talent delivers on time, the brand approves, reports the sales, settles
 * and reviews. Credibility then follows from the settlement rows, as it does in production.
 *
 * - Dr. Wang Fang, the pediatrician, has run eight DHA campaigns for Little Sprout, each beating
 *   its numbers, three of them with a GMV guarantee she met. That record lifts her from L4 to L5.
 * - Li Na, the nutritionist, has three label-reading campaigns for Shuiguang Bites through her
 *   agency: a good start, not yet a long record.
 * - Qianfeng Live Operations ran two self-broadcast months for Shuiguang Bites.
 * - Vivian Star's one launch night for Shuiguang Bites missed its GMV guarantee by more than half,
 *   so the make-good refunded most of her slot fee, and the brand said so in its review.
 */

interface PastCampaign {
  brand: string;
  talent: { creator: string } | { trader: string };
  agency?: string;
  title: string;
  objective: BriefObjective;
  format: ContentFormat;
  platform: Platform;
  /** Yuan. */
  fee: number;
  commissionBp: number;
  agencyShareBp?: number;
  gmvGuarantee?: number;
  /** Net of nothing: what the brand reported, in yuan, and refunds inside the window. */
  gmv: number;
  refunds?: number;
  orders: number;
  rating: number;
  review: string;
}

const { SHORT_VIDEO, ARTICLE, LIVE_STREAM, IMAGE_POST } = ContentFormat;
const { DOUYIN, WECHAT_CHANNELS, XIAOHONGSHU } = Platform;

const pediatrician = (title: string, format: ContentFormat, platform: Platform, fee: number, gmv: number, rating: number, review: string, gmvGuarantee?: number): PastCampaign => ({
  brand: 'infant',
  talent: { creator: 'pediatrician' },
  title,
  objective: BriefObjective.SEEDING_CONTENT,
  format,
  platform,
  fee,
  commissionBp: 1000,
  ...(gmvGuarantee ? { gmvGuarantee } : {}),
  gmv,
  refunds: Math.round(gmv * 0.02),
  orders: Math.round(gmv / 160),
  rating,
  review,
});

const CAMPAIGNS: PastCampaign[] = [
  pediatrician('DHA drops launch: what DHA does for an infant', SHORT_VIDEO, DOUYIN, 30_000, 210_000, 5, 'Clear, careful and it sold: parents trusted every word.'),
  pediatrician('How much DHA a baby needs, for WeChat readers', ARTICLE, WECHAT_CHANNELS, 15_000, 120_000, 5, 'The article still brings orders months later.'),
  pediatrician('Vitamin D and DHA in winter', SHORT_VIDEO, DOUYIN, 28_000, 260_000, 5, 'Delivered early, and the numbers beat our forecast.', 200_000),
  pediatrician('Answering parents: drops versus fish', SHORT_VIDEO, XIAOHONGSHU, 22_000, 150_000, 4, 'Very good; one extra revision round on our side.'),
  pediatrician('DHA for premature babies: ask the doctor', LIVE_STREAM, WECHAT_CHANNELS, 40_000, 330_000, 5, 'The live Q&A sold out the launch stock.', 250_000),
  pediatrician('Reading an infant-supplement label', ARTICLE, WECHAT_CHANNELS, 15_000, 110_000, 5, 'Exactly the tone our buyers want.'),
  pediatrician('Six months on: a follow-up for parents', SHORT_VIDEO, DOUYIN, 30_000, 240_000, 5, 'Repeat buyers came back because of this video.'),
  pediatrician('Double 11 DHA drops: a doctor’s checklist', SHORT_VIDEO, DOUYIN, 35_000, 380_000, 5, 'Our best Double 11 seeding result.', 300_000),
  ...[
    ['Collagen gummies: what the label says', 120_000, 5, 'Honest and precise; her readers bought.'],
    ['Hyaluronic acid you can eat: the evidence', 95_000, 4, 'Good results, delivered on the day.'],
    ['Low-sugar snacking for office workers', 140_000, 5, 'Her best-performing post for us so far.'],
  ].map(
    ([title, gmv, rating, review]): PastCampaign => ({
      brand: 'snacks',
      talent: { creator: 'nutritionist' },
      agency: 'evergreen',
      title: title as string,
      objective: BriefObjective.SEEDING_CONTENT,
      format: IMAGE_POST,
      platform: XIAOHONGSHU,
      fee: 16_000,
      commissionBp: 1500,
      agencyShareBp: 1200,
      gmv: gmv as number,
      refunds: Math.round((gmv as number) * 0.03),
      orders: Math.round((gmv as number) / 90),
      rating: rating as number,
      review: review as string,
    }),
  ),
  ...[
    ['Our own Douyin room: the spring month', 900_000, 'ROI above 4× and stock never ran out.'],
    ['Our own Douyin room: the 618 month', 1_400_000, 'Ran the room end to end; we only watched the numbers.'],
  ].map(
    ([title, gmv, review]): PastCampaign => ({
      brand: 'snacks',
      talent: { trader: 'qianfeng' },
      title: title as string,
      objective: BriefObjective.OPERATED_SELF_BROADCAST,
      format: LIVE_STREAM,
      platform: DOUYIN,
      fee: 50_000,
      commissionBp: 800,
      gmvGuarantee: 800_000,
      gmv: gmv as number,
      refunds: Math.round((gmv as number) * 0.05),
      orders: Math.round((gmv as number) / 70),
      rating: 5,
      review: review as string,
    }),
  ),
  {
    brand: 'snacks',
    talent: { creator: 'celebrity' },
    agency: 'starlight',
    title: 'Launch night in Vivian Star’s live room',
    objective: BriefObjective.LIVE_SALE,
    format: LIVE_STREAM,
    platform: DOUYIN,
    fee: 300_000,
    commissionBp: 2000,
    agencyShareBp: 3000,
    gmvGuarantee: 1_000_000,
    gmv: 520_000,
    refunds: 90_000,
    orders: 6_500,
    rating: 2,
    review: 'Huge reach, but a fifth of the orders came back within a week, and we made less than half the guarantee.',
  },
];

const DAY_MS = 24 * 60 * 60 * 1000;
const cny = (yuan: number) => ({ amount: yuan * 100, currency: 'CNY' as const });

export interface DemoRecordSummary {
  settledDeals: number;
  reviews: number;
}

/** Plays the past campaigns through the services, in the caller's transaction. */
export async function seedDemoRecord(context: ServiceContext, services: AppServices, cast: DemoCast, options: { now: Date }): Promise<DemoRecordSummary> {
  const { briefs, bids, dealDeliverables: deliverables, salesReports: sales, dealSettlements: settlements, dealReviews: reviews } = services;
  const { em } = context;
  const today = options.now.toISOString().slice(0, 10);
  const inDays = (days: number) => new Date(options.now.getTime() + days * DAY_MS);

  const summary: DemoRecordSummary = { settledDeals: 0, reviews: 0 };
  for (const campaign of CAMPAIGNS) {
    const { brand, owner, products } = need(cast.brands, campaign.brand, 'brand');
    const brandSide: ServiceContext = { ...context, viewer: new Viewer(owner.id, false, new Set([brand.id]), new Set(), null, null) };
    const creator = 'creator' in campaign.talent ? need(cast.creators, campaign.talent.creator, 'creator') : null;
    const trader = 'trader' in campaign.talent ? need(cast.traders, campaign.talent.trader, 'operator') : null;
    const talentUser = (creator ?? trader)!.user.id;
    const talentSide: ServiceContext = { ...context, viewer: new Viewer(talentUser, false, new Set(), new Set(), creator?.id ?? null, trader?.id ?? null) };
    const agency = campaign.agency ? need(cast.agencies, campaign.agency, 'agency') : null;
    const bidderSide: ServiceContext = agency ? { ...context, viewer: new Viewer(agency.owner.id, false, new Set(), new Set([agency.agency.id]), null, null) } : talentSide;

    const { brief } = await briefs.create(brandSide, brand.id, {
      title: campaign.title,
      description: `${campaign.title}. A one-slot campaign from ${brand.name}, paid as a slot fee plus commission on net GMV after the refund window.`,
      objective: campaign.objective,
      formats: [campaign.format],
      platforms: [campaign.platform],
      minCredibilityLevel: 1,
      budget: cny(campaign.fee * 2),
      preferredStructures: [DealStructure.HYBRID],
      gmvGuarantee: campaign.gmvGuarantee ? GmvGuaranteePreference.WELCOME : GmvGuaranteePreference.NOT_WANTED,
      slots: 1,
      biddingMode: BiddingMode.OPEN,
      visibility: BriefVisibility.PUBLIC,
      deadline: inDays(7),
      productIds: products.map((product) => product.id),
    });
    await briefs.publish(brandSide, brief.id);
    const { bid } = await bids.submit(bidderSide, {
      briefId: brief.id,
      ...(creator ? { creatorId: creator.id } : { traderId: trader!.id }),
      ...(agency ? { agencyId: agency.agency.id } : {}),
      pitch: `Ready to deliver: ${campaign.title.toLowerCase()}.`,
      terms: {
        fixedFee: cny(campaign.fee),
        commissionBp: campaign.commissionBp,
        gmvGuarantee: campaign.gmvGuarantee ? cny(campaign.gmvGuarantee) : null,
        agencyShareBp: campaign.agencyShareBp ?? null,
        deliverables: [{ format: campaign.format, platform: campaign.platform, dueAt: inDays(14), description: campaign.title }],
      },
    });
    const { deal } = await bids.accept(brandSide, bid.id, bid.currentRevision);

    for (const deliverable of (await deliverables.ofDeals(em, [deal.id]))[0] ?? []) {
      await deliverables.submit(talentSide, deliverable.id, `https://proof.demo.market/${deal.id}/${deliverable.position}`, null);
      await deliverables.approve(brandSide, deliverable.id);
    }
    await sales.report(brandSide, {
      dealId: deal.id,
      periodStart: today,
      periodEnd: today,
      ordersCount: campaign.orders,
      gmv: cny(campaign.gmv),
      refunds: campaign.refunds ? [{ amount: cny(campaign.refunds), daysAfterOrder: 3 }] : [],
    });
    await settlements.settle(brandSide, deal.id);
    summary.settledDeals += 1;
    await reviews.review(brandSide, deal.id, campaign.rating, campaign.review);
    summary.reviews += 1;
  }
  return summary;
}

function need<T>(entries: ReadonlyMap<string, T>, key: string, what: string): T {
  const found = entries.get(key);
  if (found === undefined) throw new Error(`the demo record names the ${what} "${key}", which the demo cast does not have`);
  return found;
}

import type { User } from '../src/account/account.entity.js';
import type { Agency } from '../src/agency/agency.entity.js';
import { Viewer } from '../src/auth/viewer.js';
import type { Bid } from '../src/bid/bid.entity.js';
import type { BidTermsInput } from '../src/bid/bid-terms.js';
import type { Brand } from '../src/brand/brand.entity.js';
import type { Product } from '../src/brand/product.entity.js';
import { BiddingMode, BriefObjective, BriefVisibility, DealStructure, GmvGuaranteePreference, TargetGender } from '../src/brief/brief.entity.js';
import type { BriefCreateInput } from '../src/brief/brief.service.js';
import { ContentFormat, Platform } from '../src/common/enums.js';
import type { AppServices } from '../src/common/app-services.js';
import type { ServiceContext } from '../src/common/service-context.js';
import { AgeBand } from '../src/creator/audience.js';
import type { Creator } from '../src/creator/creator.entity.js';
import { CredentialType } from '../src/credential/credential-type.js';
import type { Trader } from '../src/trader/trader.entity.js';

/**
 * The demo marketplace at work: the three brands' briefs and the bids on them, played through the
 * real brief and bid services, so the demo obeys every rule the API enforces and every summary
 * (slots filled, a talent's running deals, a bid's current terms, a deal's terms) is the services'
 * own. Shuiguang Bites seeds its hyaluronic-acid gummies in the open and hears from a lab tester,
 * a nutritionist through her MCN, a mother, an office-wear blogger, a home cook and the head
 * anchor, whose slot fee it turns down; its 618 live sale is awarded to two specialists, and an
 * operator agrees to run its own Douyin room. Little Sprout takes sealed bids from pediatricians
 * only, and calls off a live night while its label awaits the regulator. Qingyan Derma invites a
 * dermatologist and her agency, and keeps its Double 11 brief in draft.
 */

/** The demo's people and organisations, under the keys the demo's tables use. */
export interface DemoCast {
  brands: ReadonlyMap<string, { brand: Brand; owner: User; products: readonly Product[] }>;
  creators: ReadonlyMap<string, Creator>;
  traders: ReadonlyMap<string, Trader>;
  agencies: ReadonlyMap<string, { agency: Agency; owner: User }>;
}

export interface DemoMarketSummary {
  briefs: number;
  bids: number;
  deals: number;
}

/** Proposed terms; amounts in yuan, dates in days from when the demo is loaded. */
interface DemoTerms {
  fee: number;
  commissionBp: number;
  /** Net GMV the talent guarantees; a shortfall refunds the fee pro rata. */
  gmvGuarantee?: number;
  /** Stated by an agency on its own bids only. */
  agencyShareBp?: number;
  deliverables: { format: ContentFormat; platform: Platform; dueInDays: number; description: string }[];
}

/** What happens to a bid after it is submitted, in order; the brand or the bidder acts as each move requires. */
type DemoMove =
  | { move: 'shortlist' }
  | { move: 'counter'; terms: Partial<Omit<DemoTerms, 'agencyShareBp'>>; message: string }
  | { move: 'reject'; reason: string }
  | { move: 'accept' }
  | { move: 'revise'; terms: Partial<DemoTerms>; message: string }
  | { move: 'acceptCounter' }
  | { move: 'withdraw' };

interface DemoBid {
  /** The talent who would do the work: a creator's or an operator's key. */
  creator?: string;
  trader?: string;
  /** The agency bidding for a member of its roster; without it, the talent bids for themself. */
  agency?: string;
  pitch: string;
  terms: DemoTerms;
  moves?: DemoMove[];
}

type DemoBrief = Omit<BriefCreateInput, 'productIds' | 'budget' | 'deadline'> & {
  brand: string;
  /** In yuan. */
  budget: number;
  deadlineInDays: number;
  /** INVITE_ONLY briefs: who is invited, before the brief is published. */
  invite?: { creators?: string[]; agencies?: string[] };
  /** Left unpublished. */
  draft?: true;
  bids?: DemoBid[];
  /** Cancelled after its bids were made, with this reason for the bidders. */
  cancellationReason?: string;
};

const { IMAGE_POST, SHORT_VIDEO, LONG_VIDEO, LIVE_STREAM, ARTICLE } = ContentFormat;
const { DOUYIN, KUAISHOU, XIAOHONGSHU, BILIBILI, WECHAT_CHANNELS, TAOBAO_LIVE } = Platform;

const BRIEFS: DemoBrief[] = [
  {
    brand: 'snacks',
    title: 'Peach HA gummies: honest seeding notes on Xiaohongshu and Douyin',
    description:
      'Our low-sugar peach gummies carry 120 mg of hyaluronic acid and 2 g of collagen peptides per serving. We want creators who read labels to tell their followers what that does and does not do: real routines, no miracle claims. Slot fee on approval, commission on net GMV after the 7-day refund window.',
    objective: BriefObjective.SEEDING_CONTENT,
    formats: [IMAGE_POST, SHORT_VIDEO],
    platforms: [XIAOHONGSHU, DOUYIN],
    targetAudience: { gender: TargetGender.FEMALE, ageBands: [AgeBand.AGE_18_24, AgeBand.AGE_25_30, AgeBand.AGE_31_40], regions: ['Guangdong', 'Shanghai', 'Zhejiang'] },
    minCredibilityLevel: 1,
    budget: 150_000,
    preferredStructures: [DealStructure.HYBRID, DealStructure.COMMISSION],
    gmvGuarantee: GmvGuaranteePreference.WELCOME,
    slots: 3,
    biddingMode: BiddingMode.OPEN,
    visibility: BriefVisibility.PUBLIC,
    deadlineInDays: 14,
    bids: [
      {
        creator: 'snacklab',
        pitch: 'We send every batch to a third-party lab and post the numbers. If your 120 mg holds up, our audience will believe it.',
        terms: {
          fee: 26_000,
          commissionBp: 1800,
          deliverables: [{ format: SHORT_VIDEO, platform: DOUYIN, dueInDays: 28, description: 'Lab-test video: hyaluronic acid and sugar per serving, measured against the label.' }],
        },
        moves: [{ move: 'shortlist' }],
      },
      {
        creator: 'nutritionist',
        agency: 'evergreen',
        pitch: 'Li Na reads the label line by line for her healthy eaters on Xiaohongshu, then answers the collagen questions on Douyin.',
        terms: {
          fee: 20_000,
          commissionBp: 1200,
          agencyShareBp: 1200,
          deliverables: [
            { format: IMAGE_POST, platform: XIAOHONGSHU, dueInDays: 24, description: 'Label breakdown with a nutritionist’s verdict: hyaluronic acid, collagen and sugar per serving.' },
            { format: SHORT_VIDEO, platform: DOUYIN, dueInDays: 30, description: 'Q&A video: what eating hyaluronic acid can and cannot do for skin.' },
          ],
        },
        moves: [
          { move: 'counter', terms: { fee: 17_000, commissionBp: 1500 }, message: 'A lower fee and a higher commission: we would rather pay for sales than for reach.' },
          { move: 'acceptCounter' },
        ],
      },
      {
        creator: 'mamatests',
        pitch: 'A snack a mother can eat on the school run, tried on real family life for a fortnight.',
        terms: {
          fee: 7_000,
          commissionBp: 1500,
          deliverables: [{ format: IMAGE_POST, platform: XIAOHONGSHU, dueInDays: 25, description: 'Two-week diary post: taste, sugar, and whether the children steal them.' }],
        },
        moves: [{ move: 'counter', terms: { fee: 5_000, commissionBp: 2000 }, message: 'Could we meet at 5,000 yuan and 20 % commission? Your followers buy what you recommend.' }],
      },
      {
        creator: 'xiaoxi',
        pitch: 'A five-minute desk-snack routine for office workers in Shanghai.',
        terms: {
          fee: 14_000,
          commissionBp: 2000,
          deliverables: [{ format: SHORT_VIDEO, platform: DOUYIN, dueInDays: 26, description: 'Office desk-snack routine featuring the gummies.' }],
        },
        moves: [
          {
            move: 'revise',
            terms: {
              fee: 12_000,
              deliverables: [
                { format: SHORT_VIDEO, platform: DOUYIN, dueInDays: 26, description: 'Office desk-snack routine featuring the gummies.' },
                { format: IMAGE_POST, platform: XIAOHONGSHU, dueInDays: 27, description: 'Outfit-of-the-week post with the gummies in the bag.' },
              ],
            },
            message: 'A lower fee, and a Xiaohongshu post in the same week.',
          },
        ],
      },
      {
        creator: 'ahfei',
        pitch: 'Air-fryer peach-gummy toast: my kitchen audience loves a strange snack.',
        terms: {
          fee: 30_000,
          commissionBp: 1500,
          deliverables: [{ format: SHORT_VIDEO, platform: DOUYIN, dueInDays: 21, description: 'Recipe video that uses the gummies.' }],
        },
        moves: [{ move: 'withdraw' }],
      },
      {
        creator: 'celebrity',
        agency: 'starlight',
        pitch: 'One night in Vivian’s live room still sells out a warehouse. Her launch video comes with a GMV guarantee.',
        terms: {
          fee: 350_000,
          commissionBp: 3000,
          gmvGuarantee: 3_000_000,
          agencyShareBp: 3000,
          deliverables: [{ format: SHORT_VIDEO, platform: DOUYIN, dueInDays: 20, description: 'Launch video on Vivian Star’s Douyin account.' }],
        },
        moves: [
          {
            move: 'reject',
            reason: 'The slot fee is more than twice our whole budget. We buy ROI now, not reach, and a health claim needs a voice our buyers trust.',
          },
        ],
      },
    ],
  },
  {
    brand: 'infant',
    title: 'DHA drops for babies from 6 months: a pediatrician explains',
    description:
      'Our algal-oil DHA drops give 100 mg of DHA per daily dose. Parents buy on a doctor’s word, so only a verified pediatrician may present them: what DHA does, how much an infant needs, and what no supplement can promise. Bids are sealed: each bidder sees only their own.',
    objective: BriefObjective.SEEDING_CONTENT,
    formats: [SHORT_VIDEO, ARTICLE],
    platforms: [DOUYIN, WECHAT_CHANNELS],
    targetAudience: { gender: TargetGender.FEMALE, ageBands: [AgeBand.AGE_25_30, AgeBand.AGE_31_40], regions: ['Zhejiang', 'Jiangsu', 'Shanghai'] },
    requiredCredentials: [CredentialType.PEDIATRICIAN],
    minCredibilityLevel: 3,
    budget: 80_000,
    preferredStructures: [DealStructure.FIXED_FEE],
    gmvGuarantee: GmvGuaranteePreference.NOT_WANTED,
    slots: 1,
    biddingMode: BiddingMode.SEALED,
    visibility: BriefVisibility.PUBLIC,
    deadlineInDays: 10,
    bids: [
      {
        creator: 'pediatrician',
        pitch: 'I answer parents’ DHA questions every week. I will say what the evidence supports, and no more.',
        terms: {
          fee: 35_000,
          commissionBp: 1000,
          deliverables: [
            { format: SHORT_VIDEO, platform: DOUYIN, dueInDays: 24, description: 'DHA for infants: who needs drops, how much, and from when.' },
            { format: ARTICLE, platform: WECHAT_CHANNELS, dueInDays: 27, description: 'A longer article for parents with the studies behind the advice.' },
          ],
        },
        moves: [{ move: 'shortlist' }],
      },
    ],
  },
  {
    brand: 'skincare',
    title: 'Ceramide serum: a dermatologist’s barrier-repair routine for reactive skin',
    description:
      'Our serum carries a 3 % ceramide complex. Repair claims may be made by a dermatologist only, so this brief is by invitation: a routine for damaged, reactive skin on Xiaohongshu, and a long ingredient walk-through on Bilibili.',
    objective: BriefObjective.SEEDING_CONTENT,
    formats: [IMAGE_POST, LONG_VIDEO],
    platforms: [XIAOHONGSHU, BILIBILI],
    targetAudience: { gender: TargetGender.FEMALE, ageBands: [AgeBand.AGE_18_24, AgeBand.AGE_25_30, AgeBand.AGE_31_40] },
    requiredCredentials: [CredentialType.DERMATOLOGIST],
    minCredibilityLevel: 3,
    budget: 100_000,
    preferredStructures: [DealStructure.FIXED_FEE, DealStructure.HYBRID],
    gmvGuarantee: GmvGuaranteePreference.NOT_WANTED,
    slots: 1,
    biddingMode: BiddingMode.OPEN,
    visibility: BriefVisibility.INVITE_ONLY,
    deadlineInDays: 12,
    invite: { creators: ['dermatologist'], agencies: ['evergreen'] },
    bids: [
      {
        creator: 'dermatologist',
        agency: 'evergreen',
        pitch: 'Dr. Chen reviews every formula before she recommends it; she has read yours and would build a seven-day routine around it.',
        terms: {
          fee: 60_000,
          commissionBp: 1200,
          agencyShareBp: 1500,
          deliverables: [
            { format: IMAGE_POST, platform: XIAOHONGSHU, dueInDays: 26, description: 'Seven-day barrier-repair routine for reactive skin.' },
            { format: LONG_VIDEO, platform: BILIBILI, dueInDays: 33, description: 'Ingredient walk-through: what a 3 % ceramide complex does for the skin barrier.' },
          ],
        },
        moves: [
          { move: 'counter', terms: { fee: 48_000 }, message: 'Our budget allows 48,000 yuan in fixed fees; the commission stays.' },
          {
            move: 'revise',
            terms: {
              fee: 54_000,
              deliverables: [
                { format: IMAGE_POST, platform: XIAOHONGSHU, dueInDays: 26, description: 'Seven-day barrier-repair routine for reactive skin.' },
                { format: LONG_VIDEO, platform: BILIBILI, dueInDays: 33, description: 'Ingredient walk-through: what a 3 % ceramide complex does for the skin barrier.' },
                { format: IMAGE_POST, platform: XIAOHONGSHU, dueInDays: 60, description: 'Four weeks on: before-and-after follow-up with the same readers.' },
              ],
            },
            message: 'For 54,000 yuan Dr. Chen adds a follow-up post after four weeks.',
          },
        ],
      },
    ],
  },
  {
    brand: 'snacks',
    title: '618 live sale: the peach HA gummies in two live rooms',
    description:
      'Two live rooms during the 618 shopping festival. Each host tastes the gummies, explains the label and sells; we pay a slot fee and commission on net GMV after refunds. A GMV guarantee is welcome; a missed guarantee refunds the slot fee pro rata.',
    objective: BriefObjective.LIVE_SALE,
    formats: [LIVE_STREAM],
    platforms: [DOUYIN, KUAISHOU],
    targetAudience: { ageBands: [AgeBand.AGE_25_30, AgeBand.AGE_31_40] },
    minCredibilityLevel: 1,
    budget: 120_000,
    preferredStructures: [DealStructure.HYBRID],
    gmvGuarantee: GmvGuaranteePreference.WELCOME,
    slots: 2,
    biddingMode: BiddingMode.OPEN,
    visibility: BriefVisibility.PUBLIC,
    deadlineInDays: 7,
    bids: [
      {
        creator: 'ahfei',
        agency: 'starlight',
        pitch: 'Ah-Fei’s Kuaishou kitchen live room: northern families, big baskets.',
        terms: {
          fee: 45_000,
          commissionBp: 1500,
          gmvGuarantee: 500_000,
          agencyShareBp: 2500,
          deliverables: [{ format: LIVE_STREAM, platform: KUAISHOU, dueInDays: 20, description: 'Two-hour kitchen live stream with the gummies as the night’s deal.' }],
        },
        moves: [{ move: 'shortlist' }],
      },
      {
        creator: 'snacklab',
        pitch: 'A live lab night: we test the gummies on camera, then sell them.',
        terms: {
          fee: 30_000,
          commissionBp: 1800,
          gmvGuarantee: 300_000,
          deliverables: [{ format: LIVE_STREAM, platform: DOUYIN, dueInDays: 18, description: 'Live lab test and sale on Douyin, 90 minutes.' }],
        },
        moves: [{ move: 'accept' }],
      },
      {
        creator: 'nutritionist',
        agency: 'evergreen',
        pitch: 'Li Na’s live Q&A on collagen and hyaluronic acid, with the gummies on the table.',
        terms: {
          fee: 22_000,
          commissionBp: 1000,
          agencyShareBp: 1200,
          deliverables: [{ format: LIVE_STREAM, platform: DOUYIN, dueInDays: 19, description: 'Live nutrition Q&A and sale on Douyin, 90 minutes.' }],
        },
        moves: [
          { move: 'counter', terms: { commissionBp: 1500, gmvGuarantee: 200_000 }, message: 'We will pay 15 % commission if you guarantee 200,000 yuan of net GMV.' },
          { move: 'acceptCounter' },
          { move: 'accept' },
        ],
      },
    ],
  },
  {
    brand: 'snacks',
    title: 'Run our own Douyin live room for four weeks',
    description:
      'We want our own self-broadcast room on Douyin, run end to end by an operator: strategy, hosts, traffic buying, stock and delivery. We judge it by ROI. A GMV guarantee is required; a missed guarantee refunds the fee pro rata.',
    objective: BriefObjective.OPERATED_SELF_BROADCAST,
    formats: [LIVE_STREAM],
    platforms: [DOUYIN],
    minCredibilityLevel: 1,
    budget: 200_000,
    preferredStructures: [DealStructure.HYBRID],
    gmvGuarantee: GmvGuaranteePreference.REQUIRED,
    slots: 1,
    biddingMode: BiddingMode.OPEN,
    visibility: BriefVisibility.PUBLIC,
    deadlineInDays: 21,
    bids: [
      {
        trader: 'qianfeng',
        pitch: 'We have run self-broadcast rooms for functional-food brands since 2022, and we are paid on your ROI.',
        terms: {
          fee: 60_000,
          commissionBp: 500,
          gmvGuarantee: 1_500_000,
          deliverables: [{ format: LIVE_STREAM, platform: DOUYIN, dueInDays: 56, description: 'Four weeks of daily self-broadcasts: hosts, traffic, stock and delivery.' }],
        },
        moves: [
          { move: 'counter', terms: { fee: 50_000, commissionBp: 800 }, message: 'Less fixed, more commission: share the upside with us.' },
          { move: 'acceptCounter' },
        ],
      },
      {
        trader: 'northbridge',
        agency: 'starlight',
        pitch: 'Daily rooms on Douyin at a small fixed fee; Starlight’s hosts on camera.',
        terms: {
          fee: 25_000,
          commissionBp: 600,
          gmvGuarantee: 800_000,
          agencyShareBp: 1000,
          deliverables: [{ format: LIVE_STREAM, platform: DOUYIN, dueInDays: 56, description: 'Four weeks of daily self-broadcasts with Starlight hosts.' }],
        },
        moves: [{ move: 'shortlist' }],
      },
    ],
  },
  {
    brand: 'skincare',
    title: 'Double 11 live sale: the barrier-repair serum with a dermatologist on camera',
    description:
      'Two live rooms during Double 11, each with a dermatologist on camera to answer questions about sensitive skin. Still a draft: stock and discount are being agreed.',
    objective: BriefObjective.LIVE_SALE,
    formats: [LIVE_STREAM],
    platforms: [DOUYIN, TAOBAO_LIVE],
    targetAudience: { gender: TargetGender.FEMALE, ageBands: [AgeBand.AGE_25_30, AgeBand.AGE_31_40] },
    requiredCredentials: [CredentialType.DERMATOLOGIST],
    minCredibilityLevel: 3,
    budget: 300_000,
    preferredStructures: [DealStructure.HYBRID],
    gmvGuarantee: GmvGuaranteePreference.WELCOME,
    slots: 2,
    biddingMode: BiddingMode.SEALED,
    visibility: BriefVisibility.PUBLIC,
    deadlineInDays: 45,
    draft: true,
  },
  {
    brand: 'infant',
    title: 'Live Q&A night on WeChat Channels: DHA drops with a pediatrician',
    description: 'An evening live Q&A for parents on WeChat Channels, selling the DHA drops at a launch price.',
    objective: BriefObjective.LIVE_SALE,
    formats: [LIVE_STREAM],
    platforms: [WECHAT_CHANNELS],
    targetAudience: { gender: TargetGender.FEMALE, ageBands: [AgeBand.AGE_25_30, AgeBand.AGE_31_40] },
    requiredCredentials: [CredentialType.PEDIATRICIAN],
    minCredibilityLevel: 3,
    budget: 60_000,
    preferredStructures: [DealStructure.HYBRID],
    gmvGuarantee: GmvGuaranteePreference.NOT_WANTED,
    slots: 1,
    biddingMode: BiddingMode.OPEN,
    visibility: BriefVisibility.PUBLIC,
    deadlineInDays: 9,
    bids: [
      {
        creator: 'pediatrician',
        pitch: 'A 90-minute Q&A: parents ask, I answer, and the drops are there for those who need them.',
        terms: {
          fee: 40_000,
          commissionBp: 1000,
          deliverables: [{ format: LIVE_STREAM, platform: WECHAT_CHANNELS, dueInDays: 16, description: 'Live Q&A for parents on infant nutrition, 90 minutes.' }],
        },
      },
    ],
    cancellationReason: 'Our new label is still with the regulator, and we may not sell the drops live until it is approved. We will post this brief again then.',
  },
];

const DAY_MS = 24 * 60 * 60 * 1000;
const cny = (yuan: number) => ({ amount: yuan * 100, currency: 'CNY' as const });

/** Posts the demo briefs and plays their bids through the services, in the caller's transaction. */
export async function seedDemoMarket(context: ServiceContext, services: AppServices, cast: DemoCast, options: { now: Date }): Promise<DemoMarketSummary> {
  const { briefs: briefService, bids: bidService } = services;
  const inDays = (days: number) => new Date(options.now.getTime() + days * DAY_MS);
  const termsInput = ({ fee, commissionBp, gmvGuarantee, agencyShareBp, deliverables }: DemoTerms): BidTermsInput => ({
    fixedFee: cny(fee),
    commissionBp,
    gmvGuarantee: gmvGuarantee === undefined ? null : cny(gmvGuarantee),
    agencyShareBp: agencyShareBp ?? null,
    deliverables: deliverables.map(({ dueInDays, ...deliverable }) => ({ ...deliverable, dueAt: inDays(dueInDays) })),
  });

  // One Viewer per acting person, as a request would load it; the brief service remembers per Viewer what it read.
  const viewers = new Map<string, Viewer>();
  const actingAs = (key: string, make: () => Viewer): ServiceContext => {
    let viewer = viewers.get(key);
    if (!viewer) viewers.set(key, (viewer = make()));
    return { ...context, viewer };
  };
  const brandSide = (brandKey: string) => {
    const { brand, owner } = need(cast.brands, brandKey, 'brand');
    return actingAs(`brand:${brandKey}`, () => new Viewer(owner.id, false, new Set([brand.id]), new Set(), null, null));
  };
  const bidderSide = (spec: DemoBid): ServiceContext => {
    if (spec.agency) {
      const { agency, owner } = need(cast.agencies, spec.agency, 'agency');
      return actingAs(`agency:${spec.agency}`, () => new Viewer(owner.id, false, new Set(), new Set([agency.id]), null, null));
    }
    if (spec.creator) {
      const creator = need(cast.creators, spec.creator, 'creator');
      return actingAs(`creator:${spec.creator}`, () => new Viewer(creator.user.id, false, new Set(), new Set(), creator.id, null));
    }
    const trader = need(cast.traders, spec.trader ?? '', 'operator');
    return actingAs(`trader:${spec.trader}`, () => new Viewer(trader.user.id, false, new Set(), new Set(), null, trader.id));
  };

  const summary: DemoMarketSummary = { briefs: 0, bids: 0, deals: 0 };
  for (const { brand: brandKey, budget, deadlineInDays, invite, draft, bids, cancellationReason, ...details } of BRIEFS) {
    const brand = brandSide(brandKey);
    const { brand: poster, products } = need(cast.brands, brandKey, 'brand');
    const { brief } = await briefService.create(brand, poster.id, {
      ...details,
      productIds: products.map((product) => product.id),
      budget: cny(budget),
      deadline: inDays(deadlineInDays),
    });
    summary.briefs += 1;
    if (invite) {
      await briefService.invite(brand, brief.id, {
        creatorIds: (invite.creators ?? []).map((key) => need(cast.creators, key, 'creator').id),
        agencyIds: (invite.agencies ?? []).map((key) => need(cast.agencies, key, 'agency').agency.id),
      });
    }
    if (draft) continue;
    await briefService.publish(brand, brief.id);

    // Every bid arrives before anyone answers; then the moves play in the order listed.
    const placed: { spec: DemoBid; bid: Bid; terms: DemoTerms }[] = [];
    for (const spec of bids ?? []) {
      const { bid } = await bidService.submit(bidderSide(spec), {
        briefId: brief.id,
        ...(spec.creator ? { creatorId: need(cast.creators, spec.creator, 'creator').id } : {}),
        ...(spec.trader ? { traderId: need(cast.traders, spec.trader, 'operator').id } : {}),
        ...(spec.agency ? { agencyId: need(cast.agencies, spec.agency, 'agency').agency.id } : {}),
        terms: termsInput(spec.terms),
        pitch: spec.pitch,
      });
      placed.push({ spec, bid, terms: spec.terms });
      summary.bids += 1;
    }
    for (const entry of placed) {
      const bidder = bidderSide(entry.spec);
      for (const move of entry.spec.moves ?? []) {
        // A new proposal changes what it names; the agency's share carries over unless restated.
        const proposal = (change: Partial<DemoTerms>) => {
          entry.terms = { ...entry.terms, agencyShareBp: undefined, ...change };
          return termsInput(entry.terms);
        };
        switch (move.move) {
          case 'shortlist':
            await bidService.shortlist(brand, entry.bid.id);
            break;
          case 'counter':
            await bidService.counter(brand, entry.bid.id, proposal(move.terms), move.message);
            break;
          case 'reject':
            await bidService.reject(brand, entry.bid.id, move.reason);
            break;
          case 'accept':
            await bidService.accept(brand, entry.bid.id, entry.bid.currentRevision);
            summary.deals += 1;
            break;
          case 'revise':
            await bidService.revise(bidder, entry.bid.id, proposal(move.terms), move.message);
            break;
          case 'acceptCounter':
            await bidService.acceptCounter(bidder, entry.bid.id, entry.bid.currentRevision);
            break;
          case 'withdraw':
            await bidService.withdraw(bidder, entry.bid.id);
            break;
        }
      }
    }
    if (cancellationReason) await briefService.cancel(brand, brief.id, cancellationReason);
  }
  return summary;
}

function need<T>(entries: ReadonlyMap<string, T>, key: string, what: string): T {
  const found = entries.get(key);
  if (found === undefined) throw new Error(`the demo market names the ${what} "${key}", which the demo cast does not have`);
  return found;
}

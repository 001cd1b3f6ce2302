import type { EntityManager } from '@mikro-orm/postgresql';
import type { Bid, BidRevision } from '../bid/bid.entity.js';
import type { ServiceContext } from '../common/service-context.js';
import type { DealMoney } from './deal-money.js';
import { Deal, DealTerms, FeePayment } from './deal.entity.js';
import { seesDeal } from './deal.visibility.js';
import type { DealDeliverableService } from './deliverable/deliverable.service.js';

/**
 * Deals: what an accepted bid becomes. Only the bid flow creates them (inside bidAccept's
 * transaction); their parties and admins see them.
 */
export class DealService {
  constructor(
    private readonly platformFeeBp: number,
    private readonly deliverables: DealDeliverableService,
    private readonly money: DealMoney,
  ) {}

  /** The deal for an accepted bid, with version 1 of its terms copied from the agreed revision, and its deliverables to track. */
  createFromBid(em: EntityManager, bid: Bid, agreed: BidRevision, brandId: string, acceptedBy: string): Deal {
    const deal = em.create(Deal, {
      brief: bid.brief,
      bid,
      brand: brandId,
      creator: bid.creator ?? null,
      trader: bid.trader ?? null,
      agency: bid.agency ?? null,
    });
    em.create(DealTerms, {
      deal,
      version: 1,
      currency: agreed.currency,
      fixedFee: agreed.fixedFee,
      commissionBp: agreed.commissionBp,
      gmvGuarantee: agreed.gmvGuarantee ?? null,
      agencyShareBp: agreed.agencyShareBp ?? 0,
      platformFeeBp: this.platformFeeBp,
      deliverables: agreed.deliverables,
      feePayment: FeePayment.ON_APPROVAL,
      createdBy: acceptedBy,
    });
    this.deliverables.track(em, deal, agreed.deliverables);
    return deal;
  }

  /**
   * Holds the new deal's fixed fee in escrow, from the brand's balance: a deal never starts
   * unfunded (INSUFFICIENT_FUNDS). Call it once the deal is flushed, in the same transaction.
   */
  async fundAtStart(em: EntityManager, deal: Deal, acceptedBy: string): Promise<void> {
    await this.money.fund(em, deal, await this.currentTerms(deal), acceptedBy);
  }

  /** What the deal's escrow holds now, in the currency of its terms. */
  async escrowOf(em: EntityManager, deal: Deal): Promise<{ amount: number; currency: string }> {
    const terms = await this.currentTerms(deal);
    return { amount: await this.money.escrowOf(em, deal, terms.currency), currency: terms.currency };
  }

  /** The deal, or null when it does not exist or the viewer may not see it: the two look alike. */
  async visibleById({ em, viewer }: ServiceContext, dealId: string): Promise<Deal | null> {
    const deal = await em.findOne(Deal, dealId);
    return deal && seesDeal(viewer, deal) ? deal : null;
  }

  /** A deal by id, for code that has already checked who may see it. */
  byId(em: EntityManager, dealId: string): Promise<Deal> {
    return em.findOneOrFail(Deal, dealId);
  }

  /** The deal each bid became, or null; one statement for the batch. */
  async ofBids(em: EntityManager, bidIds: readonly string[]): Promise<(Deal | null)[]> {
    const deals = await em.find(Deal, { bid: { $in: [...bidIds] } });
    const byBid = new Map(deals.map((deal) => [deal.bid.id, deal]));
    return bidIds.map((bidId) => byBid.get(bidId) ?? null);
  }

  /** The terms in force: the deal's current version. */
  async currentTerms(deal: Deal): Promise<DealTerms> {
    const versions = (await deal.terms.load()).getItems();
    const current = versions.find((terms) => terms.version === deal.termsVersion);
    if (!current) throw new Error(`deal ${deal.id} has no terms version ${deal.termsVersion}`);
    return current;
  }
}

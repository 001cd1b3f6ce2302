import type { EntityManager } from '@mikro-orm/postgresql';
import { boundedText, MAX_REASON_LENGTH } from '../../bid/bid-terms.js';
import type { BriefService } from '../../brief/brief.service.js';
import { type Money, moneySchema } from '../../common/money.js';
import { AccessDenied, Problem, ProblemCode, parseInput } from '../../common/problems.js';
import type { DealMoney } from '../deal-money.js';
import type { DealService } from '../deal.service.js';
import type { ServiceContext } from '../../common/service-context.js';
import { flushOrProblem } from '../../db/flush.js';
import { lockDeal, signedIn } from '../deal-access.js';
import { assertAllowed, moveDeal, releaseTalent, visibleDeal } from '../deal-lifecycle.js';
import { partySide } from '../deal-sides.js';
import type { Deal } from '../deal.entity.js';
import { DealEventKind, publishDealEvent } from '../deal.events.js';
import { DealAction } from '../deal.transitions.js';
import type { DealSettlementService } from '../settlement/settlement.service.js';
import { DealDispute, DisputeDecision } from './dispute.entity.js';

/** The deal's move for each decision. */
const RESOLUTIONS = {
  [DisputeDecision.SETTLE]: DealAction.RESOLVE_BY_SETTLING,
  [DisputeDecision.CANCEL]: DealAction.RESOLVE_BY_CANCELLING,
  [DisputeDecision.SPLIT]: DealAction.RESOLVE_BY_SPLITTING,
} as const;

/**
 * Disputes: a party raises one with a reason and the deal is DISPUTED; an admin resolves it by
 * settling on the record as it stands (even before delivery), by cancelling (the escrow returns to
 * the brand) or by splitting the escrow between the sides, and the decision, its note, who made it
 * and when are kept on the dispute. A cancelled or split deal frees its brief's slot.
 */
export class DealDisputeService {
  constructor(
    private readonly settlements: DealSettlementService,
    private readonly deals: DealService,
    private readonly money: DealMoney,
    private readonly briefs: BriefService,
  ) {}

  async open(context: ServiceContext, dealId: string | null, reason: string | null | undefined): Promise<{ deal: Deal; dispute: DealDispute }> {
    const viewer = signedIn(context.viewer);
    const found = await visibleDeal(context, dealId);
    const side = partySide(viewer, found);
    if (!side) throw new AccessDenied('Only the deal’s parties (the brand, the talent, their agency) raise disputes; admins resolve them.');
    const text = boundedText(reason, { min: 1, max: MAX_REASON_LENGTH }, ['reason']);
    const deal = await lockDeal(context.em, found.id);
    assertAllowed(deal, DealAction.DISPUTE, (status) =>
      Problem.of(ProblemCode.ILLEGAL_TRANSITION, `A ${status} deal cannot be disputed; only ACTIVE and DELIVERED deals can.`, ['id']),
    );
    if (!(await moveDeal(context.em, deal, DealAction.DISPUTE))) throw Problem.of(ProblemCode.ILLEGAL_TRANSITION, 'The deal changed at the same moment.', ['id']);
    const dispute = context.em.create(DealDispute, { deal, openedBy: viewer.userId, openedBySide: side, reason: text });
    await flushOrProblem(context.em, () => Problem.of(ProblemCode.ILLEGAL_TRANSITION, 'A dispute on this deal is already open.', ['id']));
    publishDealEvent(context, deal, DealEventKind.DISPUTE, { type: 'DealDispute', id: dispute.id });
    return { deal, dispute };
  }

  /** An admin decides an open dispute. */
  async resolve(
    context: ServiceContext,
    disputeId: string | null,
    decision: DisputeDecision,
    note: string | null | undefined,
    talentAmount: Money | null = null,
  ): Promise<{ deal: Deal; dispute: DealDispute }> {
    const viewer = signedIn(context.viewer);
    if (!viewer.isAdmin) throw new AccessDenied('Only admins resolve disputes.');
    const { em } = context;
    const found = disputeId ? await em.findOne(DealDispute, disputeId) : null;
    if (!found) throw Problem.notFound('dispute', ['id']);
    const text = boundedText(note, { min: 1, max: MAX_REASON_LENGTH }, ['note']);
    if ((decision === DisputeDecision.SPLIT) !== (talentAmount != null)) {
      throw Problem.of(ProblemCode.INVALID, 'Give talentAmount with a SPLIT, and only then.', ['talentAmount']);
    }
    const split = talentAmount ? parseInput(moneySchema, talentAmount, 'talentAmount') : null;
    const deal = await lockDeal(em, found.deal.id);
    const dispute = await em.findOneOrFail(DealDispute, found.id, { refresh: true });
    if (dispute.decision) throw Problem.of(ProblemCode.ILLEGAL_TRANSITION, `This dispute was already resolved (${dispute.decision}).`, ['id']);
    const action = RESOLUTIONS[decision];
    assertAllowed(deal, action);
    Object.assign(dispute, { decision, resolutionNote: text, resolvedBy: viewer.userId, resolvedAt: new Date(), splitTalentAmount: split?.amount ?? null });
    await em.flush();
    if (action === DealAction.RESOLVE_BY_SETTLING) {
      await this.settlements.settleLocked(em, deal, { action, settledBy: viewer.userId, dispute });
      publishDealEvent(context, deal, DealEventKind.SETTLEMENT);
    } else {
      if (!(await moveDeal(em, deal, action))) throw Problem.of(ProblemCode.ILLEGAL_TRANSITION, 'The deal changed at the same moment.', ['id']);
      await releaseTalent(em, deal);
      const terms = await this.deals.currentTerms(deal);
      if (split) await this.money.split(em, deal, terms, dispute.id, split, viewer.userId);
      else await this.money.refund(em, deal, terms.currency, { type: 'deal_dispute', id: dispute.id }, viewer.userId);
      await this.briefs.releaseSlot(em, deal.brief.id);
    }
    publishDealEvent(context, deal, DealEventKind.DISPUTE, { type: 'DealDispute', id: dispute.id });
    return { deal, dispute };
  }

  /** The visible dispute, or null: its deal's parties and admins see it. */
  async visibleById(context: ServiceContext, disputeId: string): Promise<DealDispute | null> {
    const dispute = await context.em.findOne(DealDispute, disputeId);
    if (!dispute) return null;
    try {
      await visibleDeal(context, dispute.deal.id);
      return dispute;
    } catch (error) {
      if (error instanceof Problem) return null;
      throw error;
    }
  }

  ofDeal(em: EntityManager, dealId: string): Promise<DealDispute[]> {
    return em.find(DealDispute, { deal: dealId }, { orderBy: { openedAt: 'asc', id: 'asc' } });
  }
}

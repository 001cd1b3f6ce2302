import type { EntityManager } from '@mikro-orm/postgresql';
import { actsAsBidder } from '../../bid/bid.visibility.js';
import type { DeliverableTerm } from '../../bid/bid.entity.js';
import { boundedText, MAX_REASON_LENGTH } from '../../bid/bid-terms.js';
import { AccessDenied, Problem, ProblemCode, parseInput } from '../../common/problems.js';
import type { ServiceContext } from '../../common/service-context.js';
import { dealMoveOrProblem, lockDeal, signedIn } from '../deal-access.js';
import type { DealMoney } from '../deal-money.js';
import { type Deal, DealStatus, DealTerms, FeePayment } from '../deal.entity.js';
import { DealEventKind, publishDealEvent } from '../deal.events.js';
import { DealProblem } from '../deal.problems.js';
import { DealAction, dealTransitions } from '../deal.transitions.js';
import { dealParties, seesDeal } from '../deal.visibility.js';
import { deliveryMove, reconcileDeliverables } from './deliverable-rules.js';
import { DealDeliverable, DeliverableStatus, DeliverableSubmission, SubmissionOutcome } from './deliverable.entity.js';
import { MAX_NOTE_LENGTH, proofUrlSchema } from './deliverable.inputs.js';
import { DeliverableAction, deliverableTransitions } from './deliverable.transitions.js';

/** A deliverable and the deal it belongs to. */
export interface DeliverableResult {
  deliverable: DealDeliverable;
  deal: Deal;
}

/**
 * The work a deal asks for: rows made from its terms, proof the talent submits and the brand
 * reviews, and the deal's move to DELIVERED when the last deliverable is approved. Every change
 * locks the deal row first (see `lockDeal`).
 */
export class DealDeliverableService {
  constructor(
    private readonly money: DealMoney,
    /** Days the brand has to answer a proof before it is approved automatically. */
    private readonly reviewPeriodDays: number,
  ) {}

  // ---- Reads -------------------------------------------------------------------------------

  /** The deliverable, or null when it does not exist or the viewer may not see its deal: the two look alike. */
  async visibleById({ em, viewer }: ServiceContext, deliverableId: string): Promise<DealDeliverable | null> {
    const deliverable = await em.findOne(DealDeliverable, deliverableId, { populate: ['deal'] });
    return deliverable && seesDeal(viewer, deliverable.deal.getEntity()) ? deliverable : null;
  }

  /** Every deliverable of each deal, in the order of the terms that asked for them (dropped ones last); one statement for the batch. */
  async ofDeals(em: EntityManager, dealIds: readonly string[]): Promise<DealDeliverable[][]> {
    const rows = await em.find(DealDeliverable, { deal: { $in: [...dealIds] } }, { orderBy: { droppedInVersion: 'asc nulls first', position: 'asc', createdAt: 'asc' } });
    return dealIds.map((dealId) => rows.filter((row) => row.deal.id === dealId));
  }

  /** Every submission of each deliverable, oldest first; one statement for the batch. */
  async submissionsOf(em: EntityManager, deliverableIds: readonly string[]): Promise<DeliverableSubmission[][]> {
    const rows = await em.find(DeliverableSubmission, { deliverable: { $in: [...deliverableIds] } }, { orderBy: { number: 'asc' } });
    return deliverableIds.map((deliverableId) => rows.filter((row) => row.deliverable.id === deliverableId));
  }

  // ---- The talent's side -------------------------------------------------------------------

  /** The talent hands in proof for a PENDING deliverable, or again after the brand asked for changes. */
  async submit(context: ServiceContext, deliverableId: string | null, proofUrl: string, note: string | null | undefined): Promise<DeliverableResult> {
    const viewer = signedIn(context.viewer);
    const found = await this.visibleOrNotFound(context, deliverableId);
    const parties = dealParties(found.deal.getEntity());
    if (!actsAsBidder(viewer, parties)) {
      if (viewer.isBrandMember(parties.brandId)) {
        throw Problem.of(DealProblem.WRONG_SIDE, 'The talent (or their agency) submits deliverables; the brand reviews them.', ['id']);
      }
      throw new AccessDenied('Only the talent, or a member of the agency acting for them, submits deliverables.');
    }
    const url = parseInput(proofUrlSchema, proofUrl.trim(), 'proofUrl');
    const text = boundedText(note, { max: MAX_NOTE_LENGTH }, ['note']);
    const { deal, deliverable } = await this.lockFor(context.em, found, DeliverableAction.SUBMIT, 'submitting deliverables');

    const now = new Date();
    const number = (await context.em.count(DeliverableSubmission, { deliverable: deliverable.id })) + 1;
    context.em.create(DeliverableSubmission, { deliverable, number, proofUrl: url, note: text, submittedBy: viewer.userId, submittedAt: now });
    deliverable.status = DeliverableStatus.SUBMITTED;
    deliverable.firstSubmittedAt ??= now;
    await context.em.flush();
    publishDealEvent(context, deal, DealEventKind.DELIVERABLE, { type: 'DealDeliverable', id: deliverable.id });
    return { deliverable, deal };
  }

  // ---- The brand's side --------------------------------------------------------------------

  /**
   * The brand approves the submitted proof. When that was the last deliverable the terms ask for,
   * the deal is DELIVERED in the same transaction, and a fee paid on approval is released.
   */
  async approve(context: ServiceContext, deliverableId: string | null): Promise<DeliverableResult> {
    return this.review(context, deliverableId, DeliverableAction.APPROVE, null);
  }

  /** The brand asks for another submission, saying why. */
  async requestChanges(context: ServiceContext, deliverableId: string | null, reason: string | null | undefined): Promise<DeliverableResult> {
    return this.review(context, deliverableId, DeliverableAction.REQUEST_CHANGES, reason);
  }

  /**
   * Approves every proof the brand left unanswered for the review period, as if the brand
   * had approved it: the fee's share is released and the deal delivered when it was the last
   * work, and the brand hears of it on the deal's live events. Each deal is locked and checked
   * again first, so a brand answering at the same moment wins or finds it approved. Says how many.
   */
  async autoApproveOverdue(context: ServiceContext, now: Date = new Date()): Promise<number> {
    const { em } = context;
    const cutoff = new Date(now.getTime() - this.reviewPeriodDays * 86_400_000);
    const due = await em.execute<{ deliverable_id: string; deal_id: string }[]>(
      `select deliverable.id as deliverable_id, deliverable.deal_id
         from deliverable_submission submission
         join deal_deliverable deliverable on deliverable.id = submission.deliverable_id
         join deal on deal.id = deliverable.deal_id
        where submission.outcome is null and submission.submitted_at <= ? and deliverable.status = 'SUBMITTED' and deal.status = any(?::text[])
        order by submission.submitted_at limit 100`,
      [cutoff, `{${dealTransitions.statesAllowing(DealAction.WORK_ON_DELIVERABLES).join(',')}}`],
    );
    let approved = 0;
    for (const row of due) {
      const deal = await lockDeal(em, row.deal_id);
      if (!dealTransitions.next(deal.status, DealAction.WORK_ON_DELIVERABLES)) continue;
      const deliverable = await em.findOneOrFail(DealDeliverable, row.deliverable_id, { refresh: true });
      const next = deliverableTransitions.next(deliverable.status, DeliverableAction.APPROVE);
      const submission = await em.findOne(DeliverableSubmission, { deliverable: deliverable.id, outcome: null });
      if (!next || !submission || submission.submittedAt > cutoff) continue;
      Object.assign(submission, { outcome: SubmissionOutcome.APPROVED, reviewedAt: now, autoApproved: true });
      Object.assign(deliverable, { status: next, approvedAt: now });
      await em.flush();
      const moved = await this.moveDealWithDelivery(em, deal);
      const terms = await em.findOneOrFail(DealTerms, { deal: deal.id, version: deal.termsVersion });
      await this.money.releaseOnApproval(em, deal, terms, deliverable.id, null);
      publishDealEvent(context, deal, DealEventKind.DELIVERABLE, { type: 'DealDeliverable', id: deliverable.id });
      if (moved) publishDealEvent(context, deal, DealEventKind.STATUS_CHANGED);
      approved += 1;
    }
    return approved;
  }

  // ---- Following the terms -----------------------------------------------------------------

  /** Rows for the deliverables of a new deal's first terms. */
  track(em: EntityManager, deal: Deal, deliverables: readonly DeliverableTerm[]): void {
    deliverables.forEach((term, position) => em.create(DealDeliverable, { deal, position, ...rowOf(term), addedInVersion: 1 }));
  }

  /**
   * Brings the rows in line with a new terms version (see `reconcileDeliverables`): matched rows
   * keep their history, unmatched ones are DROPPED, new work gets new rows. Then the deal moves if
   * that changed whether everything is delivered; says whether it did.
   */
  async followTerms(em: EntityManager, deal: Deal, deliverables: readonly DeliverableTerm[], version: number): Promise<boolean> {
    const live = await em.find(DealDeliverable, { deal: deal.id, status: { $ne: DeliverableStatus.DROPPED } });
    const plan = reconcileDeliverables(live, deliverables);
    const byId = new Map(live.map((row) => [row.id, row]));
    for (const kept of plan.keep) Object.assign(byId.get(kept.id)!, { position: kept.position, dueAt: kept.dueAt });
    for (const id of plan.drop) {
      const row = byId.get(id)!;
      row.status = deliverableTransitions.next(row.status, DeliverableAction.DROP)!;
      row.droppedInVersion = version;
    }
    for (const { position, term } of plan.add) em.create(DealDeliverable, { deal, position, ...rowOf(term), addedInVersion: version });
    await em.flush();
    return this.moveDealWithDelivery(em, deal);
  }

  // ---- Helpers -----------------------------------------------------------------------------

  private async review(context: ServiceContext, deliverableId: string | null, action: DeliverableAction, reason: string | null | undefined): Promise<DeliverableResult> {
    const viewer = signedIn(context.viewer);
    const found = await this.visibleOrNotFound(context, deliverableId);
    const parties = dealParties(found.deal.getEntity());
    // The talent's side never reviews its own work, even when the person is also a member of the brand.
    if (actsAsBidder(viewer, parties)) {
      throw Problem.of(ProblemCode.SELF_REVIEW, 'You deliver this work (or your agency acts for the talent who does); a member of the brand reviews it.', ['id']);
    }
    if (!viewer.isBrandMember(parties.brandId)) throw new AccessDenied('Only members of the brand review deliverables.');
    const answer = action === DeliverableAction.REQUEST_CHANGES ? boundedText(reason, { min: 1, max: MAX_REASON_LENGTH }, ['reason']) : null;
    const { deal, deliverable } = await this.lockFor(context.em, found, action, 'reviewing deliverables');

    const now = new Date();
    const submission = await context.em.findOneOrFail(DeliverableSubmission, { deliverable: deliverable.id, outcome: null });
    Object.assign(submission, {
      outcome: action === DeliverableAction.APPROVE ? SubmissionOutcome.APPROVED : SubmissionOutcome.CHANGES_REQUESTED,
      reviewReason: answer,
      reviewedBy: viewer.userId,
      reviewedAt: now,
    });
    if (action === DeliverableAction.APPROVE) {
      deliverable.status = DeliverableStatus.APPROVED;
      deliverable.approvedAt = now;
    } else {
      deliverable.status = DeliverableStatus.CHANGES_REQUESTED;
    }
    await context.em.flush();
    const moved = await this.moveDealWithDelivery(context.em, deal);
    if (action === DeliverableAction.APPROVE) {
      const terms = await context.em.findOneOrFail(DealTerms, { deal: deal.id, version: deal.termsVersion });
      await this.money.releaseOnApproval(context.em, deal, terms, deliverable.id, viewer.userId);
    }
    publishDealEvent(context, deal, DealEventKind.DELIVERABLE, { type: 'DealDeliverable', id: deliverable.id });
    if (moved) publishDealEvent(context, deal, DealEventKind.STATUS_CHANGED);
    return { deliverable, deal };
  }

  private async visibleOrNotFound(context: ServiceContext, deliverableId: string | null): Promise<DealDeliverable> {
    const deliverable = deliverableId ? await this.visibleById(context, deliverableId) : null;
    if (!deliverable) throw Problem.notFound('deliverable', ['id']);
    return deliverable;
  }

  /** The deal locked, then the deliverable read afresh, each checked against its transition table. */
  private async lockFor(em: EntityManager, found: DealDeliverable, action: DeliverableAction, doing: string): Promise<DeliverableResult> {
    const deal = await lockDeal(em, found.deal.id);
    dealMoveOrProblem(deal, DealAction.WORK_ON_DELIVERABLES, doing, ['id']);
    const deliverable = await em.findOneOrFail(DealDeliverable, found.id, { refresh: true });
    const next = deliverableTransitions.next(deliverable.status, action);
    if (!next) {
      throw Problem.of(ProblemCode.ILLEGAL_TRANSITION, `This deliverable is ${deliverable.status}; ${describe(action)} is not possible now.`, ['id']);
    }
    return { deal, deliverable };
  }

  /**
   * DELIVER or REOPEN the deal when its deliverables say so; reads the rows as just flushed. A fee
   * paid on approval is released once the deal is delivered under terms that say so: at the last
   * approval, or when an accepted amendment moves a delivered deal's fee to approval. Says whether
   * the deal's status changed, for subscribers to hear of it.
   */
  private async moveDealWithDelivery(em: EntityManager, deal: Deal): Promise<boolean> {
    const rows = await em.execute<{ status: DeliverableStatus }[]>(`select status from deal_deliverable where deal_id = ? and status <> 'DROPPED'`, [deal.id]);
    const action = deliveryMove(
      deal.status,
      rows.map((row) => row.status),
    );
    const next = action && dealTransitions.next(deal.status, action);
    if (next) deal.status = next;
    if (deal.status === DealStatus.DELIVERED && deal.feeReleasedAt == null) {
      const terms = await em.findOneOrFail(DealTerms, { deal: deal.id, version: deal.termsVersion });
      if (terms.feePayment === FeePayment.ON_APPROVAL) deal.feeReleasedAt = new Date();
    }
    await em.flush();
    return next !== null;
  }
}

function rowOf(term: DeliverableTerm) {
  return { format: term.format, platform: term.platform, description: term.description, dueAt: new Date(term.dueAt) };
}

function describe(action: DeliverableAction): string {
  switch (action) {
    case DeliverableAction.SUBMIT:
      return 'submitting proof (it awaits the brand’s answer, or is approved or dropped)';
    case DeliverableAction.APPROVE:
    case DeliverableAction.REQUEST_CHANGES:
      return 'reviewing it (only a submitted proof awaiting an answer is reviewed)';
    case DeliverableAction.DROP:
      return 'dropping it';
  }
}

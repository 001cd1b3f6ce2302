import type { Cursor } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { boundedText, MAX_REASON_LENGTH } from '../../bid/bid-terms.js';
import { findPage, type PageRequest } from '../../common/page.js';
import { AccessDenied, Problem, ProblemCode } from '../../common/problems.js';
import type { ServiceContext } from '../../common/service-context.js';
import { firstPagesBy, type PageFromEnd } from '../../db/first-pages.js';
import { flushOrProblem } from '../../db/flush.js';
import { dealMoveOrProblem, lockDeal, signedIn } from '../deal-access.js';
import { type DealSide, otherSide, proposingSide, sidesOf } from '../deal-sides.js';
import { Deal, DealTerms } from '../deal.entity.js';
import type { DealMoney } from '../deal-money.js';
import { DealEventKind, publishDealEvent } from '../deal.events.js';
import { DealProblem } from '../deal.problems.js';
import { DealAction } from '../deal.transitions.js';
import { dealParties, seesDeal } from '../deal.visibility.js';
import type { DealDeliverableService } from '../deliverable/deliverable.service.js';
import { type DealTermsInput, type NegotiableTerms, parseAmendmentTerms, pastDueIndexes } from './amendment-terms.js';
import { AmendmentStatus, DealAmendment, proposedTermsOf } from './amendment.entity.js';
import { AmendmentProblem } from './amendment.problems.js';
import { AmendmentAction, AmendmentState, amendmentState, amendmentTransitions } from './amendment.transitions.js';

/** Newest first; the id breaks ties so that cursors are stable. */
const AMENDMENT_ORDER = { createdAt: 'desc', id: 'desc' } as const;

export interface AmendmentResult {
  amendment: DealAmendment;
  deal: Deal;
}

/**
 * Amendments: one side proposes new terms with a reason, the other accepts or rejects, the
 * proposer may withdraw. At most one proposal awaits an answer per deal. Accepting writes the next
 * DealTerms version and moves the deal's version in force; no version is ever changed.
 */
export class DealAmendmentService {
  constructor(
    private readonly deliverables: DealDeliverableService,
    private readonly money: DealMoney,
  ) {}

  // ---- Reads -------------------------------------------------------------------------------

  /** The amendment, or null when it does not exist or the viewer may not see its deal: the two look alike. */
  async visibleById({ em, viewer }: ServiceContext, amendmentId: string): Promise<DealAmendment | null> {
    const amendment = await em.findOne(DealAmendment, amendmentId, { populate: ['deal'] });
    return amendment && seesDeal(viewer, amendment.deal.getEntity()) ? amendment : null;
  }

  /** One page of a deal's amendments, newest first; the caller has checked that the viewer sees the deal. */
  pageOfDeal(em: EntityManager, dealId: string, page: PageRequest): Promise<Cursor<DealAmendment>> {
    return findPage(em, DealAmendment, { where: { deal: dealId }, orderBy: AMENDMENT_ORDER, page });
  }

  /** The first (or last) page of each deal's amendments in one statement, for lists of deals. */
  firstPagesOfDeals(em: EntityManager, dealIds: readonly string[], page: PageFromEnd): Promise<Cursor<DealAmendment>[]> {
    return firstPagesBy(em, DealAmendment, { groupBy: 'deal', groupIds: dealIds, orderBy: AMENDMENT_ORDER, page });
  }

  // ---- Proposing ---------------------------------------------------------------------------

  async propose(context: ServiceContext, dealId: string | null, reason: string, input: DealTermsInput): Promise<AmendmentResult> {
    const { em } = context;
    const viewer = signedIn(context.viewer);
    const found = dealId ? await em.findOne(Deal, dealId) : null;
    if (!found || !seesDeal(viewer, found)) throw Problem.notFound('deal', ['input', 'dealId']);
    const side = proposingSide(sidesOf(viewer, dealParties(found)));
    if (!side) throw new AccessDenied('Only the deal’s parties (the brand’s members, the talent and their agency) propose amendments.');

    const deal = await lockDeal(em, found.id);
    dealMoveOrProblem(deal, DealAction.AMEND, 'amendments', ['input', 'dealId']);
    if (await em.count(DealAmendment, { deal: deal.id, status: AmendmentStatus.PROPOSED })) throw amendmentPending();
    const text = boundedText(reason, { min: 1, max: MAX_REASON_LENGTH }, ['input', 'reason']);
    const current = await em.findOneOrFail(DealTerms, { deal: deal.id, version: deal.termsVersion });
    const brief = await deal.brief.loadOrFail();
    // The agency's share is the talent's agreement with their agency, not the brand's to accept:
    // an agency restating it would cut the talent's pay with only the brand's consent. It stays
    // as the accepted bid set it.
    const proposed = parseAmendmentTerms(
      input,
      negotiable(current),
      { formats: brief.formats, platforms: brief.platforms, now: new Date(), agencyShare: { allowed: false, fallback: current.agencyShareBp } },
      ['input', 'terms'],
    );

    const amendment = em.create(DealAmendment, {
      deal,
      side,
      proposedBy: viewer.userId,
      reason: text,
      baseVersion: deal.termsVersion,
      ...proposed,
      platformFeeBp: current.platformFeeBp,
    });
    // The deal lock already queues proposals; the partial unique index stands behind it.
    await flushOrProblem(em, amendmentPending);
    publishDealEvent(context, deal, DealEventKind.AMENDMENT, { type: 'DealAmendment', id: amendment.id });
    return { amendment, deal };
  }

  // ---- Answering ---------------------------------------------------------------------------

  /**
   * The other side says yes: the proposed terms become the next version, in force from now, and
   * the deliverables follow them. Under the deal's lock, so two simultaneous accepts write one
   * version: the second finds the amendment already ACCEPTED.
   */
  async accept(context: ServiceContext, amendmentId: string | null): Promise<AmendmentResult> {
    const { em } = context;
    // A proposal on a deal that takes no amendments has lapsed, so lockFor already refused it.
    const { amendment, deal } = await this.lockFor(context, amendmentId, AmendmentAction.ACCEPT);
    if (amendment.baseVersion !== deal.termsVersion) {
      throw Problem.of(ProblemCode.STALE_REVISION, `The terms changed since this amendment was proposed: version ${deal.termsVersion} is now in force.`, ['id']);
    }
    const current = await em.findOneOrFail(DealTerms, { deal: deal.id, version: deal.termsVersion });
    // Accepting after a new due date has passed would put the talent's work in force already late.
    const [overdue] = pastDueIndexes(amendment.deliverables, current.deliverables, new Date());
    if (overdue !== undefined) {
      const { description, dueAt } = amendment.deliverables[overdue]!;
      throw Problem.of(
        ProblemCode.OUT_OF_RANGE,
        `“${description}” was to be due ${new Date(dueAt).toISOString()}, which has passed since this amendment was proposed; propose new dates instead.`,
        ['id'],
      );
    }
    const version = deal.termsVersion + 1;
    const terms = em.create(DealTerms, {
      deal,
      version,
      ...proposedTermsOf(amendment),
      createdBy: context.viewer!.userId,
    });
    deal.termsVersion = version;
    this.answer(amendment, AmendmentStatus.ACCEPTED, context.viewer!.userId, null);
    amendment.resultingVersion = version;
    await em.flush();
    await this.money.followTerms(em, deal, terms, amendment.id, context.viewer!.userId);
    const moved = await this.deliverables.followTerms(em, deal, amendment.deliverables, version);
    publishDealEvent(context, deal, DealEventKind.AMENDMENT, { type: 'DealAmendment', id: amendment.id });
    if (moved) publishDealEvent(context, deal, DealEventKind.STATUS_CHANGED);
    return { amendment, deal };
  }

  /** The other side says no; the terms in force stay. */
  async reject(context: ServiceContext, amendmentId: string | null, reason: string | null | undefined): Promise<AmendmentResult> {
    const text = boundedText(reason, { max: MAX_REASON_LENGTH }, ['reason']);
    const { amendment, deal } = await this.lockFor(context, amendmentId, AmendmentAction.REJECT);
    this.answer(amendment, AmendmentStatus.REJECTED, context.viewer!.userId, text || null);
    await context.em.flush();
    publishDealEvent(context, deal, DealEventKind.AMENDMENT, { type: 'DealAmendment', id: amendment.id });
    return { amendment, deal };
  }

  /** The proposing side takes its proposal back. */
  async withdraw(context: ServiceContext, amendmentId: string | null): Promise<AmendmentResult> {
    const { amendment, deal } = await this.lockFor(context, amendmentId, AmendmentAction.WITHDRAW);
    this.answer(amendment, AmendmentStatus.WITHDRAWN, context.viewer!.userId, null);
    await context.em.flush();
    publishDealEvent(context, deal, DealEventKind.AMENDMENT, { type: 'DealAmendment', id: amendment.id });
    return { amendment, deal };
  }

  // ---- Helpers -----------------------------------------------------------------------------

  private answer(amendment: DealAmendment, status: AmendmentStatus, userId: string, reason: string | null): void {
    Object.assign(amendment, { status, answeredBy: userId, answeredAt: new Date(), answerReason: reason });
  }

  /**
   * The amendment, when the viewer is on the side that may take `action` (the proposer's side
   * withdraws, the other side answers), then the deal locked and the amendment read afresh and
   * checked against its transition table, as it stands with the deal (a lapsed proposal takes no
   * answer, not even a withdrawal). Someone on both sides answers nothing: they would be
   * agreeing with themself.
   */
  private async lockFor(context: ServiceContext, amendmentId: string | null, action: AmendmentAction): Promise<AmendmentResult> {
    const { em } = context;
    const viewer = signedIn(context.viewer);
    const found = amendmentId ? await this.visibleById(context, amendmentId) : null;
    if (!found) throw Problem.notFound('amendment', ['id']);
    const sides = sidesOf(viewer, dealParties(found.deal.getEntity()));
    const actingSide: DealSide = action === AmendmentAction.WITHDRAW ? found.side : otherSide(found.side);
    if (!sides.has(actingSide)) {
      if (sides.size === 0) throw new AccessDenied('Only the deal’s parties answer its amendments.');
      throw Problem.of(
        DealProblem.WRONG_SIDE,
        action === AmendmentAction.WITHDRAW
          ? 'Only the side that proposed an amendment withdraws it; reject it instead.'
          : 'Your side proposed this amendment; the other side accepts or rejects it.',
        ['id'],
      );
    }
    if (action !== AmendmentAction.WITHDRAW && sides.has(found.side)) {
      throw Problem.of(DealProblem.WRONG_SIDE, 'You act for both sides of this deal, so you cannot answer an amendment; another member must.', ['id']);
    }

    const deal = await lockDeal(em, found.deal.id);
    const amendment = await em.findOneOrFail(DealAmendment, found.id, { refresh: true });
    const state = amendmentState(amendment.status, deal.status);
    if (!amendmentTransitions.next(state, action)) {
      throw Problem.of(
        ProblemCode.ILLEGAL_TRANSITION,
        state === AmendmentState.LAPSED
          ? `This amendment lapsed when the deal became ${deal.status}: that deal takes no amendments, so the proposal takes no answer.`
          : `This amendment was already ${state}; it takes no further answer.`,
        ['id'],
      );
    }
    return { amendment, deal };
  }
}

function negotiable(terms: DealTerms): NegotiableTerms {
  return {
    currency: terms.currency,
    fixedFee: terms.fixedFee,
    commissionBp: terms.commissionBp,
    gmvGuarantee: terms.gmvGuarantee ?? null,
    refundWindowDays: terms.refundWindowDays,
    agencyShareBp: terms.agencyShareBp,
    deliverables: terms.deliverables,
    exclusivityDays: terms.exclusivityDays,
    usageRightsDays: terms.usageRightsDays,
    feePayment: terms.feePayment,
  };
}

function amendmentPending(): Problem {
  return Problem.of(AmendmentProblem.AMENDMENT_PENDING, 'An amendment to this deal already awaits an answer; it must be answered or withdrawn first.', ['input', 'dealId']);
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { boundedText, MAX_REASON_LENGTH } from '../../bid/bid-terms.js';
import { AccessDenied, Problem, ProblemCode } from '../../common/problems.js';
import type { ServiceContext } from '../../common/service-context.js';
import { flushOrProblem } from '../../db/flush.js';
import type { BriefService } from '../../brief/brief.service.js';
import { lockDeal, signedIn } from '../deal-access.js';
import type { DealMoney } from '../deal-money.js';
import type { DealService } from '../deal.service.js';
import { assertAllowed, moveDeal, releaseTalent, visibleDeal } from '../deal-lifecycle.js';
import { partySide } from '../deal-sides.js';
import { type Deal, DealStatus } from '../deal.entity.js';
import { DealEventKind, publishDealEvent } from '../deal.events.js';
import { DealAction } from '../deal.transitions.js';
import { DealCancellation } from './cancellation.entity.js';
import { CancellationProblem } from './cancellation.problems.js';

const DEAL_FIELD = ['input', 'dealId'];

/**
 * Calling a deal off, as the market does it: until the talent hands in any proof, either party (a
 * member of the brand, the talent, or a member of the agency acting for them) may walk away with
 * a reason, and nothing is owed: the escrow returns to the brand's balance and the brief's slot is
 * free again, in the same transaction. Once proof was submitted, work has started and money may be due
 * for it, so only a dispute, decided by an admin, ends the deal.
 *
 * The deal's row lock orders a cancellation against deliverable submissions (which take the same
 * lock): whichever comes second sees the first, so a deal is never cancelled with proof on it,
 * and no proof is taken on a cancelled deal.
 */
export class DealCancellationService {
  constructor(
    private readonly money: DealMoney,
    private readonly deals: DealService,
    private readonly briefs: BriefService,
  ) {}

  async cancel(context: ServiceContext, dealId: string | null, reason: string | null | undefined): Promise<{ deal: Deal; cancellation: DealCancellation }> {
    const { em } = context;
    const viewer = signedIn(context.viewer);
    const found = await visibleDeal(context, dealId, DEAL_FIELD);
    const side = partySide(viewer, found);
    if (!side) throw new AccessDenied('Only the deal’s parties (the brand’s members, the talent, their agency’s members) call it off; admins end deals by resolving a dispute.');
    const text = boundedText(reason, { min: 1, max: MAX_REASON_LENGTH }, ['input', 'reason']);

    const deal = await lockDeal(em, found.id);
    assertAllowed(deal, DealAction.CANCEL, notCancellable);
    if (await workStarted(em, deal.id)) {
      throw Problem.of(
        CancellationProblem.WORK_STARTED,
        'Proof of work was already submitted on this deal, so it can no longer be called off; open a dispute (dealDisputeOpen) and an admin decides.',
        DEAL_FIELD,
      );
    }
    if (!(await moveDeal(em, deal, DealAction.CANCEL))) throw Problem.of(ProblemCode.ILLEGAL_TRANSITION, 'The deal changed at the same moment.', DEAL_FIELD);
    const cancellation = em.create(DealCancellation, { deal, cancelledBy: viewer.userId, side, reason: text });
    await releaseTalent(em, deal);
    await flushOrProblem(em, () => Problem.of(ProblemCode.ILLEGAL_TRANSITION, 'The deal was cancelled at the same moment.', DEAL_FIELD));
    const terms = await this.deals.currentTerms(deal);
    await this.money.refund(em, deal, terms.currency, { type: 'deal_cancellation', id: cancellation.id }, viewer.userId);
    await this.briefs.releaseSlot(em, deal.brief.id);
    publishDealEvent(context, deal, DealEventKind.STATUS_CHANGED);
    return { deal, cancellation };
  }

  /** Each deal's cancellation by a party, or null; one statement for the batch. */
  async ofDeals(em: EntityManager, dealIds: readonly string[]): Promise<(DealCancellation | null)[]> {
    const rows = await em.find(DealCancellation, { deal: { $in: [...dealIds] } });
    const byDeal = new Map(rows.map((row) => [row.deal.id, row]));
    return dealIds.map((dealId) => byDeal.get(dealId) ?? null);
  }
}

/** Whether the talent handed in proof for any deliverable of the deal, even one an amendment later dropped. */
async function workStarted(em: EntityManager, dealId: string): Promise<boolean> {
  const rows = await em.execute<{ one: number }[]>('select 1 as one from deal_deliverable where deal_id = ? and first_submitted_at is not null limit 1', [dealId]);
  return rows.length > 0;
}

/** Why a party cannot call the deal off now. */
function notCancellable(status: DealStatus): Problem {
  switch (status) {
    case DealStatus.DELIVERED:
      return Problem.of(ProblemCode.ILLEGAL_TRANSITION, 'The work was delivered, so the deal can no longer be called off; open a dispute (dealDisputeOpen) and an admin decides.', DEAL_FIELD);
    case DealStatus.DISPUTED:
      return Problem.of(ProblemCode.ILLEGAL_TRANSITION, 'The deal is under dispute; an admin’s resolution settles or cancels it.', DEAL_FIELD);
    default:
      return Problem.of(ProblemCode.ILLEGAL_TRANSITION, `The deal is already ${status}.`, DEAL_FIELD);
  }
}

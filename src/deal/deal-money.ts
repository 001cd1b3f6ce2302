import type { EntityManager } from '@mikro-orm/postgresql';
import { Problem, ProblemCode } from '../common/problems.js';
import { brandShortfall, type LedgerService } from '../ledger/ledger.service.js';
import { LedgerProblem } from '../ledger/ledger.problems.js';
import { account, feeRelease, releaseLines, settlementLines, splitLines, type TalentOwner } from '../ledger/postings.js';
import type { Deal, DealTerms } from './deal.entity.js';
import { FeePayment } from './deal.entity.js';
import type { SettlementBreakdown } from './settlement/settlement.js';

/**
 * The money of a deal, on the ledger, always inside the transaction of the deal's state change
 * and with the deal row locked by the caller:
 * - the deal starts funded: its fixed fee moves from the brand's balance into the deal's escrow;
 * - each approved deliverable releases its share of the fee to the talent's side (fees paid on
 *   approval, when the terms guarantee no GMV: with a guarantee the make-good is only known at
 *   settlement, so the fee stays in escrow until then);
 * - settlement pays exactly what `computeSettlement` says, counting what was released before;
 * - a cancellation returns what escrow still holds; an admin's split of a dispute divides it.
 * Each entry's key is derived from its cause, so no movement can happen twice.
 */
export class DealMoney {
  constructor(private readonly ledger: LedgerService) {}

  /** Moves the fixed fee into escrow as the deal starts; INSUFFICIENT_FUNDS when the brand's balance does not cover it. */
  async fund(em: EntityManager, deal: Deal, terms: Pick<DealTerms, 'fixedFee' | 'currency'>, by: string): Promise<void> {
    if (terms.fixedFee <= 0) return;
    await this.ledger.post(em, {
      kind: 'DEAL_FUNDING',
      key: `deal-funding:${deal.id}`,
      cause: { type: 'deal', id: deal.id },
      dealId: deal.id,
      memo: 'Fixed fee held in escrow as the deal starts',
      createdBy: by,
      currency: terms.currency,
      lines: [
        { account: account.brand(deal.brand.id), amount: -terms.fixedFee },
        { account: account.escrow(deal.id), amount: terms.fixedFee },
      ],
      shortfall: (_ref, available) =>
        Problem.of(
          LedgerProblem.INSUFFICIENT_FUNDS,
          `The deal’s fixed fee (${terms.fixedFee} minor units of ${terms.currency}) is held in escrow when it starts, and the brand has ${available} available; an admin confirms a deposit to top the balance up.`,
          ['id'],
        ),
    });
  }

  /**
   * After an accepted amendment, escrow holds the new fixed fee less what was released: the brand
   * tops it up (INSUFFICIENT_FUNDS when it cannot) or gets the difference back.
   */
  async followTerms(em: EntityManager, deal: Deal, terms: DealTerms, amendmentId: string, by: string): Promise<void> {
    const released = await this.ledger.releasedFrom(em, deal.id);
    const escrow = await this.ledger.balance(em, account.escrow(deal.id), terms.currency);
    const difference = Math.max(0, terms.fixedFee - released.talent - released.agency) - escrow;
    if (difference === 0) return;
    await this.ledger.post(em, {
      kind: difference > 0 ? 'DEAL_FUNDING' : 'ESCROW_REFUND',
      key: `escrow-follows-terms:${amendmentId}`,
      cause: { type: 'deal_amendment', id: amendmentId },
      dealId: deal.id,
      memo: difference > 0 ? `Escrow topped up to terms version ${terms.version}` : `Escrow reduced to terms version ${terms.version}`,
      createdBy: by,
      currency: terms.currency,
      lines: [
        { account: account.brand(deal.brand.id), amount: -difference },
        { account: account.escrow(deal.id), amount: difference },
      ],
      shortfall: brandShortfall(['id']),
    });
  }

  /** Releases the share of the fee an approval earns (see `feeRelease`); nothing for fees paid at settlement or held against a guarantee. */
  async releaseOnApproval(em: EntityManager, deal: Deal, terms: DealTerms, deliverableId: string, by: string | null): Promise<void> {
    if (terms.feePayment !== FeePayment.ON_APPROVAL || terms.gmvGuarantee != null || terms.fixedFee <= 0) return;
    const [counts] = (await em.execute<{ live: string; approved: string }[]>(
      `select count(*) filter (where status <> 'DROPPED') as live, count(*) filter (where status = 'APPROVED') as approved from deal_deliverable where deal_id = ?`,
      [deal.id],
    )) as [{ live: string; approved: string }];
    const release = feeRelease({
      fixedFee: terms.fixedFee,
      live: Number(counts.live),
      approved: Number(counts.approved),
      released: await this.ledger.releasedFrom(em, deal.id),
      escrow: await this.ledger.balance(em, account.escrow(deal.id), terms.currency),
      agencyShareBp: terms.agencyShareBp,
      hasAgency: deal.agency != null,
    });
    await this.ledger.post(em, {
      kind: 'FEE_RELEASE',
      key: `fee-release:${deliverableId}`,
      cause: { type: 'deal_deliverable', id: deliverableId },
      dealId: deal.id,
      memo: 'Share of the fixed fee released on approval',
      createdBy: by,
      currency: terms.currency,
      lines: releaseLines(deal.id, talentOf(deal), deal.agency?.id ?? null, release),
    });
  }

  /** The settlement's entry, exactly as the breakdown says; INSUFFICIENT_FUNDS when the brand cannot pay commission and the platform fee. */
  async settle(em: EntityManager, deal: Deal, breakdown: SettlementBreakdown, settlementId: string, by: string): Promise<void> {
    await this.ledger.post(em, {
      kind: 'SETTLEMENT',
      key: `settlement:${deal.id}`,
      cause: { type: 'deal_settlement', id: settlementId },
      dealId: deal.id,
      memo: 'Deal settled',
      createdBy: by,
      currency: breakdown.currency,
      lines: settlementLines({
        dealId: deal.id,
        brandId: deal.brand.id,
        talent: talentOf(deal),
        agencyId: deal.agency?.id ?? null,
        breakdown,
        escrow: await this.ledger.balance(em, account.escrow(deal.id), breakdown.currency),
        released: await this.ledger.releasedFrom(em, deal.id),
      }),
      shortfall: brandShortfall(['id']),
    });
  }

  /** What escrow still holds goes back to the brand: a cancelled deal. */
  async refund(em: EntityManager, deal: Deal, currency: string, cause: { type: 'deal_cancellation' | 'deal_dispute'; id: string }, by: string): Promise<void> {
    const escrow = await this.ledger.balance(em, account.escrow(deal.id), currency);
    if (escrow === 0) return;
    await this.ledger.post(em, {
      kind: 'ESCROW_REFUND',
      key: `escrow-refund:${deal.id}`,
      cause,
      dealId: deal.id,
      memo: 'Escrow returned to the brand as the deal was cancelled',
      createdBy: by,
      currency,
      lines: [
        { account: account.escrow(deal.id), amount: -escrow },
        { account: account.brand(deal.brand.id), amount: escrow },
      ],
    });
  }

  /** An admin's split of a dispute: `toTalent` of what escrow holds to the talent's side, the rest to the brand. */
  async split(em: EntityManager, deal: Deal, terms: DealTerms, disputeId: string, toTalent: { amount: number; currency: string }, by: string): Promise<void> {
    if (toTalent.currency !== terms.currency) {
      throw Problem.of(ProblemCode.CURRENCY_MISMATCH, `The deal is paid in ${terms.currency}.`, ['talentAmount', 'currency']);
    }
    const escrow = await this.ledger.balance(em, account.escrow(deal.id), terms.currency);
    if (toTalent.amount > escrow) {
      throw Problem.of(LedgerProblem.EXCEEDS_ESCROW, `The deal holds ${escrow} minor units in escrow; the talent’s part cannot be more.`, ['talentAmount', 'amount']);
    }
    await this.ledger.post(em, {
      kind: 'DISPUTE_SPLIT',
      key: `dispute-split:${disputeId}`,
      cause: { type: 'deal_dispute', id: disputeId },
      dealId: deal.id,
      memo: 'Escrow split by an admin’s dispute decision',
      createdBy: by,
      currency: terms.currency,
      lines: splitLines({
        dealId: deal.id,
        brandId: deal.brand.id,
        talent: talentOf(deal),
        agencyId: deal.agency?.id ?? null,
        agencyShareBp: terms.agencyShareBp,
        escrow,
        toTalent: toTalent.amount,
      }),
    });
  }

  /** What the deal's escrow holds now. */
  escrowOf(em: EntityManager, deal: Deal, currency: string): Promise<number> {
    return this.ledger.balance(em, account.escrow(deal.id), currency);
  }
}

function talentOf(deal: Deal): TalentOwner {
  return deal.creator ? { creatorId: deal.creator.id } : { traderId: deal.trader!.id };
}

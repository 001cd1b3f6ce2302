import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { CurrencyCode } from '../../common/money.js';
import type { RequestContext } from '../../graphql/context.js';
import { idOfType } from '../../graphql/global-id.js';
import { mutate } from '../../graphql/mutation.js';
import type { Deal } from '../deal.entity.js';
import { DealType, money } from '../deal.types.js';
import type { DealSettlement } from './settlement.entity.js';
import type { SettlementFigures } from './settlement.service.js';
import { DealSettlementType, DealSettlePayload, SettlementBreakdownType } from './settlement.types.js';

/** A computed settlement as the API shows it. */
function breakdownView({ breakdown, termsVersion, ordersCount, gmvGuarantee }: Omit<SettlementFigures, 'reportCount'>): SettlementBreakdownType {
  const { currency } = breakdown;
  return {
    termsVersion,
    currency,
    ordersCount,
    grossGmv: money(breakdown.grossGmv, currency),
    refundsCounted: money(breakdown.refundsCounted, currency),
    refundsIgnored: money(breakdown.refundsIgnored, currency),
    netGmv: money(breakdown.netGmv, currency),
    gmvGuarantee: gmvGuarantee == null ? null : money(gmvGuarantee, currency),
    fixedFee: money(breakdown.fixedFee, currency),
    makeGood: money(breakdown.makeGood, currency),
    feeEarned: money(breakdown.feeEarned, currency),
    commission: money(breakdown.commission, currency),
    creatorGross: money(breakdown.creatorGross, currency),
    agencyShare: money(breakdown.agencyShare, currency),
    creatorNet: money(breakdown.creatorNet, currency),
    platformFee: money(breakdown.platformFee, currency),
    brandTotalCost: money(breakdown.brandTotalCost, currency),
    roi: breakdown.roi,
  };
}

/** A stored settlement as the API shows it: the same shape as the preview. */
function settlementView(row: DealSettlement): DealSettlementType {
  return {
    method: row.method,
    settledAt: row.settledAt,
    breakdown: breakdownView({
      termsVersion: row.termsVersion,
      ordersCount: row.ordersCount,
      gmvGuarantee: row.gmvGuarantee ?? null,
      breakdown: {
        currency: row.currency as CurrencyCode,
        grossGmv: row.grossGmv,
        refundsCounted: row.refundsCounted,
        refundsIgnored: row.refundsIgnored,
        netGmv: row.netGmv,
        fixedFee: row.fixedFee,
        makeGood: row.makeGood,
        feeEarned: row.feeEarned,
        commission: row.commission,
        creatorGross: row.creatorGross,
        agencyShare: row.agencyShare,
        creatorNet: row.creatorNet,
        platformFee: row.platformFee,
        brandTotalCost: row.brandTotalCost,
        roi: { numerator: row.netGmv, denominator: row.brandTotalCost, basisPoints: row.roiBp ?? null },
      },
    }),
  };
}

@Resolver(() => DealType)
export class DealSettlementResolver {
  @FieldResolver(() => SettlementBreakdownType, {
    description: 'What settling now would pay, on the terms in force and the sales reports in force: the same computation dealSettle writes.',
  })
  async settlementPreview(@Root() deal: Deal, @Ctx() { em, services }: RequestContext): Promise<SettlementBreakdownType> {
    return breakdownView(await services.dealSettlements.preview(em, deal));
  }

  @FieldResolver(() => DealSettlementType, { nullable: true, description: 'The settlement written when the deal was settled; null before.' })
  async settlement(@Root() deal: Deal, @Ctx() { em, services }: RequestContext): Promise<DealSettlementType | null> {
    const row = await services.dealSettlements.settlementOf(em, deal.id);
    return row ? settlementView(row) : null;
  }

  @Authorized()
  @Mutation(() => DealSettlePayload, {
    description:
      'Settles a DELIVERED deal on the terms in force and the sales reports in force, writing the breakdown once; the deal becomes SETTLED. Members of the deal’s brand and admins. DEAL_NOT_DELIVERED while ACTIVE; ILLEGAL_TRANSITION when disputed (an admin resolves it), settled or cancelled.',
  })
  async dealSettle(@Arg('id', () => ID, { description: 'The deal.' }) id: string, @Ctx() context: RequestContext) {
    const result = await mutate(context, (tx) => context.services.dealSettlements.settle(tx, idOfType(id, 'Deal')));
    return { ...result, settlement: result.settlement ? settlementView(result.settlement) : undefined };
  }
}

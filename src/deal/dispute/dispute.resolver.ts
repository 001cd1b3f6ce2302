import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Role } from '../../auth/viewer.js';
import { MoneyInput } from '../../graphql/common-types.js';
import type { RequestContext } from '../../graphql/context.js';
import { idOfType } from '../../graphql/global-id.js';
import { mutate } from '../../graphql/mutation.js';
import { defineNode } from '../../graphql/node.js';
import type { Deal } from '../deal.entity.js';
import { DealType } from '../deal.types.js';
import { DealDispute, DisputeDecision } from './dispute.entity.js';
import { DealDisputePayload, DealDisputeType } from './dispute.types.js';

defineNode({ typeName: 'DealDispute', entity: DealDispute, load: (context, id) => context.services.dealDisputes.visibleById(context, id) });

@Resolver(() => DealType)
export class DealDisputesResolver {
  @FieldResolver(() => [DealDisputeType], { description: 'Disputes raised on the deal, oldest first, with their decisions.' })
  disputes(@Root() deal: Deal, @Ctx() { em, services }: RequestContext): Promise<DealDispute[]> {
    return services.dealDisputes.ofDeal(em, deal.id);
  }

  @Authorized()
  @Mutation(() => DealDisputePayload, {
    description:
      'Raises a dispute on an ACTIVE or DELIVERED deal; it becomes DISPUTED until an admin resolves it. The brand’s members, the talent and the agency’s members. ILLEGAL_TRANSITION from any other status.',
  })
  dealDisputeOpen(
    @Arg('id', () => ID, { description: 'The deal.' }) id: string,
    @Arg('reason', () => String, { description: 'Why, for the admin and the other side; 1 to 2000 characters.' }) reason: string,
    @Ctx() context: RequestContext,
  ) {
    return mutate(context, (tx) => context.services.dealDisputes.open(tx, idOfType(id, 'Deal'), reason));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => DealDisputePayload, {
    description:
      'Resolves an open dispute: SETTLE settles the deal on the record as it stands, even before delivery; CANCEL cancels it and returns the escrow to the brand; SPLIT gives talentAmount of the escrow to the talent’s side and the rest to the brand. The decision, the note, the admin and the time are kept. Admins only; ILLEGAL_TRANSITION when already resolved; INVALID when talentAmount is missing for a SPLIT or given otherwise; EXCEEDS_ESCROW or CURRENCY_MISMATCH for a talentAmount the escrow cannot pay; INSUFFICIENT_FUNDS when a SETTLE needs more of the brand’s balance than it holds.',
  })
  dealDisputeResolve(
    @Arg('id', () => ID, { description: 'The dispute.' }) id: string,
    @Arg('decision', () => DisputeDecision, { description: 'Settle or cancel.' }) decision: DisputeDecision,
    @Arg('note', () => String, { description: 'Why, for both parties; 1 to 2000 characters.' }) note: string,
    @Ctx() context: RequestContext,
    @Arg('talentAmount', () => MoneyInput, { nullable: true, description: 'For a SPLIT only: what the talent’s side receives from the escrow, in the deal’s currency.' })
    talentAmount?: MoneyInput | null,
  ) {
    return mutate(context, (tx) => context.services.dealDisputes.resolve(tx, idOfType(id, 'DealDispute'), decision, note, talentAmount ?? null));
  }
}

@Resolver(() => DealDisputeType)
export class DealDisputeResolver {
  @FieldResolver(() => String, { description: 'Display name of the person who raised it.' })
  async openedByName(@Root() dispute: DealDispute): Promise<string> {
    return (await dispute.openedBy.loadOrFail()).displayName;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Display name of the admin who decided it; null while open.' })
  async resolvedByName(@Root() dispute: DealDispute): Promise<string | null> {
    return (await dispute.resolvedBy?.loadOrFail())?.displayName ?? null;
  }
}

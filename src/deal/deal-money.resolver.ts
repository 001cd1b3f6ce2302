import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Money } from '../graphql/common-types.js';
import type { RequestContext } from '../graphql/context.js';
import type { Deal } from './deal.entity.js';
import { DealType } from './deal.types.js';

@Resolver(() => DealType)
export class DealEscrowResolver {
  @FieldResolver(() => Money, {
    description:
      'What the deal holds in escrow now, in the currency of its terms: the fixed fee from its start, less what approvals released, until settlement or cancellation empties it.',
  })
  escrow(@Root() deal: Deal, @Ctx() { em, services }: RequestContext): Promise<{ amount: number; currency: string }> {
    return services.deals.escrowOf(em, deal);
  }
}

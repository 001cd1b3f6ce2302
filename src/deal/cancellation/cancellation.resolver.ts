import DataLoader from 'dataloader';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { loader, type RequestContext } from '../../graphql/context.js';
import { idOfType } from '../../graphql/global-id.js';
import { mutate } from '../../graphql/mutation.js';
import type { Deal } from '../deal.entity.js';
import { DealType } from '../deal.types.js';
import type { DealCancellation } from './cancellation.entity.js';
import { DealCancelInput } from './cancellation.inputs.js';
import { DealCancellationType, DealCancelPayload } from './cancellation.types.js';

const cancellations = (context: RequestContext) =>
  loader(context, 'deal.cancellation', ({ em, services }) => new DataLoader<string, DealCancellation | null>((ids) => services.dealCancellations.ofDeals(em, ids)));

@Resolver(() => DealType)
export class DealCancellationResolver {
  @FieldResolver(() => DealCancellationType, {
    nullable: true,
    description: 'Who called the deal off, for which side, why and when, when a party cancelled it; null otherwise (an admin’s cancellation of a disputed deal is kept on the dispute).',
  })
  cancellation(@Root() deal: Deal, @Ctx() context: RequestContext): Promise<DealCancellation | null> {
    return cancellations(context).load(deal.id);
  }

  @Authorized()
  @Mutation(() => DealCancelPayload, {
    description:
      'Calls off an ACTIVE deal on which no proof of work was submitted yet; it becomes CANCELLED, nothing is owed, the talent’s capacity is freed and a proposed amendment lapses. The brand’s members, the talent and the agency’s members; admins end deals by resolving a dispute instead. OUT_OF_RANGE without a reason; WORK_STARTED once any proof was submitted (open a dispute with dealDisputeOpen); ILLEGAL_TRANSITION when the deal is not ACTIVE.',
  })
  dealCancel(@Arg('input', () => DealCancelInput, { description: 'The deal and the reason.' }) input: DealCancelInput, @Ctx() context: RequestContext) {
    return mutate(context, (tx) => context.services.dealCancellations.cancel(tx, idOfType(input.dealId, 'Deal'), input.reason));
  }
}

@Resolver(() => DealCancellationType)
export class DealCancellationDetailsResolver {
  @FieldResolver(() => String, { description: 'Display name of the person who called it off.' })
  async cancelledByName(@Root() cancellation: DealCancellation): Promise<string> {
    return (await cancellation.cancelledBy.loadOrFail()).displayName;
  }
}

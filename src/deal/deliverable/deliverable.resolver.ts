import DataLoader from 'dataloader';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { loader, type RequestContext } from '../../graphql/context.js';
import { idOfType } from '../../graphql/global-id.js';
import { mutate } from '../../graphql/mutation.js';
import { defineNode } from '../../graphql/node.js';
import type { Deal } from '../deal.entity.js';
import { DealType } from '../deal.types.js';
import { DealDeliverablePayload, DealDeliverableType, DeliverableSubmissionType } from './deliverable.types.js';
import { isLate } from './deliverable-rules.js';
import { DealDeliverable, type DeliverableSubmission } from './deliverable.entity.js';

defineNode({ typeName: 'DealDeliverable', entity: DealDeliverable, load: (context, id) => context.services.dealDeliverables.visibleById(context, id) });

const deliverablesOfDeal = (context: RequestContext) =>
  loader(context, 'deal.deliverables', ({ em, services }) => new DataLoader<string, DealDeliverable[]>((dealIds) => services.dealDeliverables.ofDeals(em, dealIds)));

const submissionsOfDeliverable = (context: RequestContext) =>
  loader(
    context,
    'dealDeliverable.submissions',
    ({ em, services }) => new DataLoader<string, DeliverableSubmission[]>((deliverableIds) => services.dealDeliverables.submissionsOf(em, deliverableIds)),
  );

@Resolver(() => DealType)
export class DealDeliverablesResolver {
  @FieldResolver(() => [DealDeliverableType], {
    description: 'The work the deal asks for, in the order of the terms in force, then the deliverables amendments dropped. At most 20 are live at a time.',
  })
  deliverables(@Root() deal: Deal, @Ctx() context: RequestContext): Promise<DealDeliverable[]> {
    return deliverablesOfDeal(context).load(deal.id);
  }
}

@Resolver(() => DealDeliverableType)
export class DealDeliverableResolver {
  @FieldResolver(() => DealType, { description: 'The deal that asks for it.' })
  deal(@Root() deliverable: DealDeliverable): Promise<Deal> {
    return deliverable.deal.loadOrFail();
  }

  @FieldResolver(() => Boolean, {
    description: 'Whether it is late: its due date has passed and no proof was submitted by then. A dropped deliverable is never late.',
  })
  async late(@Root() deliverable: DealDeliverable, @Ctx() context: RequestContext): Promise<boolean> {
    return isLate(deliverable, await submissionsOfDeliverable(context).load(deliverable.id), new Date());
  }

  @FieldResolver(() => [DeliverableSubmissionType], { description: 'Every proof submitted for it, oldest first, with the brand’s answers.' })
  submissions(@Root() deliverable: DealDeliverable, @Ctx() context: RequestContext): Promise<DeliverableSubmission[]> {
    return submissionsOfDeliverable(context).load(deliverable.id);
  }

  @Authorized()
  @Mutation(() => DealDeliverablePayload, {
    description:
      'Submits proof for a PENDING deliverable, or again after the brand asked for changes. The talent or a member of the agency acting for them only (WRONG_SIDE for the brand). INVALID unless the proof is an http or https address; ILLEGAL_TRANSITION while a submission awaits the brand, once approved or dropped, or when the deal is not ACTIVE.',
  })
  dealDeliverableSubmit(
    @Arg('id', () => ID, { description: 'The deliverable.' }) id: string,
    @Arg('proofUrl', () => String, { description: 'Where the work can be seen: an http or https address, at most 2000 characters.' }) proofUrl: string,
    @Arg('note', () => String, { nullable: true, description: 'A note for the brand; at most 2000 characters.' }) note: string | null,
    @Ctx() context: RequestContext,
  ) {
    return mutate(context, (tx) => context.services.dealDeliverables.submit(tx, idOfType(id, 'DealDeliverable'), proofUrl, note));
  }

  @Authorized()
  @Mutation(() => DealDeliverablePayload, {
    description:
      'Approves the submitted proof. When it is the last deliverable the terms ask for, the deal becomes DELIVERED (and a fee paid on approval is released). Members of the brand only; SELF_REVIEW for the talent’s side, even when also a brand member; ILLEGAL_TRANSITION unless a submission awaits an answer.',
  })
  dealDeliverableApprove(@Arg('id', () => ID, { description: 'The deliverable.' }) id: string, @Ctx() context: RequestContext) {
    return mutate(context, (tx) => context.services.dealDeliverables.approve(tx, idOfType(id, 'DealDeliverable')));
  }

  @Authorized()
  @Mutation(() => DealDeliverablePayload, {
    description: 'Asks for changes to the submitted proof, with a reason; the talent submits again. Members of the brand only; SELF_REVIEW for the talent’s side.',
  })
  dealDeliverableRequestChanges(
    @Arg('id', () => ID, { description: 'The deliverable.' }) id: string,
    @Arg('reason', () => String, { description: 'What to change; 1 to 2000 characters.' }) reason: string,
    @Ctx() context: RequestContext,
  ) {
    return mutate(context, (tx) => context.services.dealDeliverables.requestChanges(tx, idOfType(id, 'DealDeliverable'), reason));
  }
}

@Resolver(() => DeliverableSubmissionType)
export class DeliverableSubmissionResolver {
  @FieldResolver(() => String, { description: 'Display name of the person who submitted it.' })
  async submittedByName(@Root() submission: DeliverableSubmission): Promise<string> {
    return (await submission.submittedBy.loadOrFail()).displayName;
  }
}

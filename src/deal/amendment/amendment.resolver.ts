import type { Cursor } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { pageFromEnd, pageFromEndKey } from '../../db/first-pages.js';
import { pageRequest, toConnection, withCursorCheck, PageArgs } from '../../graphql/connection.js';
import { loader, type RequestContext } from '../../graphql/context.js';
import { idOfType } from '../../graphql/global-id.js';
import { mutate } from '../../graphql/mutation.js';
import { defineNode } from '../../graphql/node.js';
import type { Deal, DealTerms } from '../deal.entity.js';
import { termsOf } from '../deal.resolver.js';
import { DealTermsType, DealType } from '../deal.types.js';
import { DealAmendment, proposedTermsOf } from './amendment.entity.js';
import { DealAmendmentProposeInput } from './amendment.inputs.js';
import { AmendmentState, amendmentState } from './amendment.transitions.js';
import { DealAmendmentConnection, DealAmendmentPayload, DealAmendmentType } from './amendment.types.js';

defineNode({ typeName: 'DealAmendment', entity: DealAmendment, load: (context, id) => context.services.dealAmendments.visibleById(context, id) });

@Resolver(() => DealType)
export class DealTermsHistoryResolver {
  @FieldResolver(() => [DealTermsType], { description: 'Every version of the terms, oldest first: version 1 is the accepted bid’s, each later one an accepted amendment’s. None is ever changed.' })
  async termsHistory(@Root() deal: Deal): Promise<DealTermsType[]> {
    return (await deal.terms.loadItems()).map((terms: DealTerms) => termsOf(terms));
  }

  @FieldResolver(() => DealAmendmentConnection, { description: 'Amendments proposed on the deal, newest first, whatever became of them.' })
  async amendments(@Root() deal: Deal, @Args(() => PageArgs) args: PageArgs, @Ctx() context: RequestContext) {
    const { em, services } = context;
    const page = pageRequest(args);
    const fromEnd = pageFromEnd(page);
    if (fromEnd) {
      // A list of deals, each with its first page: one statement for all of them.
      const firstPages = loader(
        context,
        `deal.amendments:${pageFromEndKey(fromEnd)}`,
        () => new DataLoader<string, Cursor<DealAmendment>>((dealIds) => services.dealAmendments.firstPagesOfDeals(em, dealIds, fromEnd)),
      );
      return toConnection(await firstPages.load(deal.id));
    }
    return toConnection(await withCursorCheck(() => services.dealAmendments.pageOfDeal(em, deal.id, page)));
  }
}

@Resolver(() => DealAmendmentType)
export class DealAmendmentResolver {
  @FieldResolver(() => DealType, { description: 'The deal it amends.' })
  deal(@Root() amendment: DealAmendment): Promise<Deal> {
    return amendment.deal.loadOrFail();
  }

  @FieldResolver(() => DealTermsType, { description: 'The full terms proposed, numbered as the version they would become and dated when proposed.' })
  proposedTerms(@Root() amendment: DealAmendment): DealTermsType {
    return termsOf({
      version: amendment.baseVersion + 1,
      ...proposedTermsOf(amendment),
      createdAt: amendment.createdAt,
    });
  }

  @FieldResolver(() => AmendmentState, { description: 'Where it stands, given its deal: a proposal not answered before the deal was disputed, settled or cancelled reads LAPSED.' })
  async status(@Root() amendment: DealAmendment): Promise<AmendmentState> {
    return amendmentState(amendment.status, (await amendment.deal.loadOrFail()).status);
  }

  @FieldResolver(() => String, { description: 'Display name of the person who proposed it.' })
  async proposedByName(@Root() amendment: DealAmendment): Promise<string> {
    return (await amendment.proposedBy.loadOrFail()).displayName;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Display name of the person who accepted, rejected or withdrew it; null while PROPOSED and once LAPSED.' })
  async answeredByName(@Root() amendment: DealAmendment): Promise<string | null> {
    return (await amendment.answeredBy?.loadOrFail())?.displayName ?? null;
  }

  @Authorized()
  @Mutation(() => DealAmendmentPayload, {
    description:
      'Proposes new terms for an ACTIVE or DELIVERED deal, with a reason; the other side accepts or rejects. The brand’s members propose for the brand; the talent and the members of the agency acting for them propose for the talent. AMENDMENT_PENDING while another proposal awaits an answer; ILLEGAL_TRANSITION on a settled, cancelled or disputed deal; CURRENCY_MISMATCH for amounts in another currency than the deal’s; INVALID when nothing changes.',
  })
  dealAmendmentPropose(@Arg('input', () => DealAmendmentProposeInput, { description: 'The deal, the reason and the full terms proposed.' }) input: DealAmendmentProposeInput, @Ctx() context: RequestContext) {
    return mutate(context, (tx) => context.services.dealAmendments.propose(tx, idOfType(input.dealId, 'Deal'), input.reason, input.terms));
  }

  @Authorized()
  @Mutation(() => DealAmendmentPayload, {
    description:
      'Accepts a PROPOSED amendment: its terms become the next version, in force from now; deliverables the terms no longer ask for are DROPPED, new ones added, and a DELIVERED deal with new work is ACTIVE again. The other side only (WRONG_SIDE for the proposing side, or for someone acting for both); ILLEGAL_TRANSITION once answered, or once lapsed (the deal was disputed, settled or cancelled first); OUT_OF_RANGE when a due date it adds or moves has passed since it was proposed.',
  })
  dealAmendmentAccept(@Arg('id', () => ID, { description: 'The amendment.' }) id: string, @Ctx() context: RequestContext) {
    return mutate(context, (tx) => context.services.dealAmendments.accept(tx, idOfType(id, 'DealAmendment')));
  }

  @Authorized()
  @Mutation(() => DealAmendmentPayload, { description: 'Rejects a PROPOSED amendment; the terms stay. The other side only (WRONG_SIDE otherwise); ILLEGAL_TRANSITION once answered or lapsed.' })
  dealAmendmentReject(
    @Arg('id', () => ID, { description: 'The amendment.' }) id: string,
    @Arg('reason', () => String, { nullable: true, description: 'Why, for the proposing side; at most 2000 characters.' }) reason: string | null,
    @Ctx() context: RequestContext,
  ) {
    return mutate(context, (tx) => context.services.dealAmendments.reject(tx, idOfType(id, 'DealAmendment'), reason));
  }

  @Authorized()
  @Mutation(() => DealAmendmentPayload, { description: 'Takes back a PROPOSED amendment. The proposing side only (WRONG_SIDE otherwise); ILLEGAL_TRANSITION once answered or lapsed.' })
  dealAmendmentWithdraw(@Arg('id', () => ID, { description: 'The amendment.' }) id: string, @Ctx() context: RequestContext) {
    return mutate(context, (tx) => context.services.dealAmendments.withdraw(tx, idOfType(id, 'DealAmendment')));
  }
}

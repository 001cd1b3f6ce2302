import type { Cursor } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Agency } from '../agency/agency.entity.js';
import { AgencyType } from '../agency/agency.types.js';
import type { Brand } from '../brand/brand.entity.js';
import { BrandType } from '../brand/brand.types.js';
import { ProductType } from '../brand/product.types.js';
import type { Product } from '../brand/product.entity.js';
import { Money } from '../graphql/common-types.js';
import type { CurrencyCode } from '../common/money.js';
import type { Creator } from '../creator/creator.entity.js';
import { CreatorType } from '../creator/creator.types.js';
import { CredentialType } from '../credential/credential-type.js';
import type { CredibilityLevel as NumericCredibilityLevel } from '../credibility/credibility.js';
import { CredibilityLevel, credibilityLevelName, numericCredibilityLevel } from '../credibility/credibility.types.js';
import { PageArgs, pageRequest, toConnection, withCursorCheck } from '../graphql/connection.js';
import { loader, type RequestContext } from '../graphql/context.js';
import { idOfType } from '../graphql/global-id.js';
import { mutate, mutateOnce } from '../graphql/mutation.js';
import { defineNode } from '../graphql/node.js';
import { type Trader, TraderCapability } from '../trader/trader.entity.js';
import { TraderType } from '../trader/trader.types.js';
import { Vertical } from '../vertical/vertical.entity.js';
import { verticalsOf } from '../vertical/vertical.loaders.js';
import { VerticalType } from '../vertical/vertical.types.js';
import { Brief, BriefInvitation, BriefStatus } from './brief.entity.js';
import { effectiveBriefStatus, effectiveClosedAt } from './brief.transitions.js';
import type { BriefSearchInput } from './brief.service.js';
import {
  BriefConnection,
  BriefInvitationType,
  BriefPayload,
  BriefType,
  TargetAudienceType,
} from './brief.types.js';
import { BriefCreateInput, BriefFilter, BriefInviteInput, BriefUpdateInput } from './brief.inputs.js';

defineNode({ typeName: 'Brief', entity: Brief, load: (context, id) => context.services.briefs.findVisible(context, id) });
defineNode({ typeName: 'BriefInvitation', entity: BriefInvitation, load: (context, id) => context.services.briefs.visibleInvitation(context, id) });

const numericLevel = (value: CredibilityLevel | null | undefined) => (value == null ? value : numericCredibilityLevel(value));

/** The API's input with global ids decoded (null where an id names nothing of the right type) and levels as numbers. */
function decodeInput<T extends BriefUpdateInput>(input: T) {
  return {
    ...input,
    targetAudience: input.targetAudience && { ...input.targetAudience },
    budget: input.budget && { ...input.budget },
    productIds: input.productIds?.map((id) => idOfType(id, 'Product')),
    minCredibilityLevel: numericLevel(input.minCredibilityLevel),
  };
}

function createInput({ brandId: _brandId, ...input }: BriefCreateInput) {
  return { ...decodeInput(input), productIds: input.productIds.map((id) => idOfType(id, 'Product')), budget: { ...input.budget } };
}

function toSearch(filter: BriefFilter | null | undefined): BriefSearchInput {
  const search: BriefSearchInput = {};
  if (!filter) return search;
  if (filter.verticalSlug != null) search.verticalSlug = filter.verticalSlug;
  if (filter.nicheTag != null) search.nicheTag = filter.nicheTag;
  if (filter.objective != null) search.objective = filter.objective;
  if (filter.platform != null) search.platform = filter.platform;
  if (filter.budgetMin != null) search.budgetMin = { ...filter.budgetMin };
  if (filter.budgetMax != null) search.budgetMax = { ...filter.budgetMax };
  if (filter.deadlineBefore != null) search.deadlineBefore = filter.deadlineBefore;
  if (filter.deadlineAfter != null) search.deadlineAfter = filter.deadlineAfter;
  if (filter.search != null) search.search = filter.search;
  if (filter.brandId != null) search.brandId = idOfType(filter.brandId, 'Brand');
  if (filter.statuses != null) search.statuses = filter.statuses;
  return search;
}

const invitationsOf = (context: RequestContext) =>
  loader(
    context,
    'brief.invitations',
    (requestContext) =>
      new DataLoader<Brief, BriefInvitation[] | null, string>((briefs) => requestContext.services.briefs.invitationsOfBriefs(requestContext, briefs), {
        cacheKeyFn: (brief) => brief.id,
      }),
  );

@Resolver(() => BriefType)
export class BriefResolver {
  @Query(() => BriefConnection, {
    description:
      'Briefs you may see, soonest deadline first (then by id). By default those open for bids: OPEN with the deadline ahead. Brand members may ask for their brand’s other statuses.',
  })
  async briefs(
    @Arg('filter', () => BriefFilter, { nullable: true, description: 'Conditions the briefs must meet.' }) filter: BriefFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: RequestContext,
  ) {
    const request = pageRequest(page);
    return toConnection(await withCursorCheck(() => context.services.briefs.list(context, toSearch(filter), request)));
  }

  @FieldResolver(() => BrandType, { description: 'The brand that posted the brief.' })
  brand(@Root() brief: Brief): Promise<Brand> {
    return brief.brand.loadOrFail();
  }

  @FieldResolver(() => [ProductType], { description: 'The products to promote; at least one, all of the brief’s brand.' })
  products(@Root() brief: Brief): Promise<Product[]> {
    return brief.products.loadItems();
  }

  @FieldResolver(() => [VerticalType], { description: 'The products’ verticals, copied when the brief was last saved.' })
  verticals(@Root() brief: Brief, @Ctx() context: RequestContext): Promise<Vertical[]> {
    return verticalsOf(context, brief.verticalSlugs);
  }

  @FieldResolver(() => TargetAudienceType, { description: 'The audience the brief wants to reach.' })
  targetAudience(@Root() brief: Brief): TargetAudienceType {
    return { gender: brief.targetGender, ageBands: brief.targetAgeBands as TargetAudienceType['ageBands'], regions: brief.targetRegions };
  }

  @FieldResolver(() => [CredentialType], {
    description: 'Every credential a bidder must hold verified: the brief’s own and those its products require, each once.',
  })
  requiredCredentials(@Root() brief: Brief, @Ctx() { services }: RequestContext): Promise<CredentialType[]> {
    return services.briefs.requiredCredentials(brief);
  }

  @FieldResolver(() => [CredentialType], { description: 'The credentials the brief itself requires, without its products’.' })
  ownRequiredCredentials(@Root() brief: Brief): CredentialType[] {
    return brief.requiredCredentials as CredentialType[];
  }

  @FieldResolver(() => [TraderCapability], {
    description: 'What the operator of an OPERATED_SELF_BROADCAST brief must run; empty means the whole broadcast end to end (and for other briefs, which hire no operator).',
  })
  requiredCapabilities(@Root() brief: Brief): TraderCapability[] {
    return brief.requiredCapabilities as TraderCapability[];
  }

  @FieldResolver(() => CredibilityLevel, { description: 'The lowest credibility level a bidder may have.' })
  minCredibilityLevel(@Root() brief: Brief): CredibilityLevel {
    return credibilityLevelName(brief.minCredibilityLevel as NumericCredibilityLevel);
  }

  @FieldResolver(() => Money, { description: 'What the brand means to spend in all.' })
  budget(@Root() brief: Brief): Money {
    return { amount: brief.budgetAmount, currency: brief.budgetCurrency as CurrencyCode };
  }

  @FieldResolver(() => Int, { description: 'Slots still to fill.' })
  slotsRemaining(@Root() brief: Brief): number {
    return brief.slots - brief.slotsFilled;
  }

  @FieldResolver(() => BriefStatus, {
    description: 'Where the brief is in its life. An OPEN brief whose deadline has passed reads as CLOSED at once, even before the system records it.',
  })
  status(@Root() brief: Brief): BriefStatus {
    return effectiveBriefStatus(brief, new Date());
  }

  @FieldResolver(() => Date, { nullable: true, description: 'When the brief stopped taking bids: closed by the brand, or its deadline.' })
  closedAt(@Root() brief: Brief): Date | null {
    return effectiveClosedAt(brief, new Date());
  }

  @FieldResolver(() => Boolean, { description: 'Whether bids may be made now: the brief is OPEN, its deadline is ahead and a slot is left.' })
  openForBids(@Root() brief: Brief, @Ctx() { services }: RequestContext): boolean {
    return services.briefs.isOpenForBids(brief);
  }

  @FieldResolver(() => [BriefInvitationType], {
    nullable: true,
    description: 'Who the brief invites, oldest first. Only the brand’s members and admins see them; null for anyone else.',
  })
  invitations(@Root() brief: Brief, @Ctx() context: RequestContext): Promise<BriefInvitation[] | null> {
    return invitationsOf(context).load(brief);
  }

  @Authorized()
  @Mutation(() => BriefPayload, {
    description:
      'Creates a DRAFT brief for a brand. Members of that brand only. Safe to retry with an idempotency key (argument or `Idempotency-Key` header): the same key and input return the first brief.',
  })
  briefCreate(
    @Arg('input', () => BriefCreateInput, { description: 'The new brief.' }) input: BriefCreateInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: 'Any unique string (e.g. a UUID) that makes a retry return the first result.' })
    idempotencyKey: string | null,
    @Ctx() context: RequestContext,
  ) {
    return mutateOnce(
      context,
      // Hashed to tell a retry from a new request; the deadline as text, since a Date has no enumerable fields.
      { operation: 'briefCreate', argumentKey: idempotencyKey, input: { ...input, deadline: input.deadline.toISOString() } },
      async (tx) => {
        const result = await context.services.briefs.create(tx, idOfType(input.brandId, 'Brand'), createInput(input));
        return { result, resultId: result.brief.id };
      },
      (tx, briefId) => context.services.briefs.created(tx, briefId),
    );
  }

  @Authorized()
  @Mutation(() => BriefPayload, { description: 'Changes a DRAFT brief (BRIEF_NOT_EDITABLE otherwise). Members of its brand only.' })
  briefUpdate(
    @Arg('id', () => ID, { description: 'The brief to change.' }) id: string,
    @Arg('input', () => BriefUpdateInput, { description: 'The changes.' }) input: BriefUpdateInput,
    @Ctx() context: RequestContext,
  ) {
    return mutate(context, (tx) => context.services.briefs.update(tx, idOfType(id, 'Brief'), decodeInput(input)));
  }

  @Authorized()
  @Mutation(() => BriefPayload, { description: 'Publishes a DRAFT brief: it becomes OPEN for bids until the deadline, which must still be ahead. Members of its brand only.' })
  briefPublish(@Arg('id', () => ID, { description: 'The brief to publish.' }) id: string, @Ctx() context: RequestContext) {
    return mutate(context, (tx) => context.services.briefs.publish(tx, idOfType(id, 'Brief')));
  }

  @Authorized()
  @Mutation(() => BriefPayload, { description: 'Closes an OPEN brief before its deadline: no more bids. Members of its brand only.' })
  briefClose(@Arg('id', () => ID, { description: 'The brief to close.' }) id: string, @Ctx() context: RequestContext) {
    return mutate(context, (tx) => context.services.briefs.close(tx, idOfType(id, 'Brief')));
  }

  @Authorized()
  @Mutation(() => BriefPayload, { description: 'Cancels a DRAFT, OPEN or CLOSED brief with a reason; its open bids close as NOT_SELECTED. Final. Members of its brand only.' })
  briefCancel(
    @Arg('id', () => ID, { description: 'The brief to cancel.' }) id: string,
    @Arg('reason', { description: 'Why, in 1 to 2000 characters; bidders see it.' }) reason: string,
    @Ctx() context: RequestContext,
  ) {
    return mutate(context, (tx) => context.services.briefs.cancel(tx, idOfType(id, 'Brief'), reason));
  }

  @Authorized()
  @Mutation(() => BriefPayload, { description: 'Invites creators, operators or agencies to an INVITE_ONLY brief while it is DRAFT or OPEN. Members of its brand only.' })
  briefInvite(
    @Arg('id', () => ID, { description: 'The brief.' }) id: string,
    @Arg('input', () => BriefInviteInput, { description: 'Who to invite.' }) input: BriefInviteInput,
    @Ctx() context: RequestContext,
  ) {
    const targets = {
      creatorIds: input.creatorIds?.map((creatorId) => idOfType(creatorId, 'Creator')),
      traderIds: input.traderIds?.map((traderId) => idOfType(traderId, 'Trader')),
      agencyIds: input.agencyIds?.map((agencyId) => idOfType(agencyId, 'Agency')),
    };
    return mutate(context, (tx) => context.services.briefs.invite(tx, idOfType(id, 'Brief'), targets));
  }

  @Authorized()
  @Mutation(() => BriefPayload, { description: 'Withdraws an invitation while the brief is DRAFT or OPEN. Members of its brand only.' })
  briefUninvite(
    @Arg('id', () => ID, { description: 'The brief.' }) id: string,
    @Arg('invitationId', () => ID, { description: 'The invitation to withdraw, from `Brief.invitations`.' }) invitationId: string,
    @Ctx() context: RequestContext,
  ) {
    return mutate(context, (tx) => context.services.briefs.uninvite(tx, idOfType(id, 'Brief'), idOfType(invitationId, 'BriefInvitation')));
  }
}

@Resolver(() => BriefInvitationType)
export class BriefInvitationResolver {
  @FieldResolver(() => Date, { description: 'When the invitation was made.' })
  invitedAt(@Root() invitation: BriefInvitation): Date {
    return invitation.createdAt;
  }

  @FieldResolver(() => BriefType, { description: 'The brief the invitation is to.' })
  brief(@Root() invitation: BriefInvitation): Promise<Brief> {
    return invitation.brief.loadOrFail();
  }

  @FieldResolver(() => CreatorType, { nullable: true, description: 'The invited creator, when a creator is invited.' })
  async creator(@Root() invitation: BriefInvitation): Promise<Creator | null> {
    return invitation.creator ? invitation.creator.loadOrFail() : null;
  }

  @FieldResolver(() => TraderType, { nullable: true, description: 'The invited operator, when an operator is invited.' })
  async trader(@Root() invitation: BriefInvitation): Promise<Trader | null> {
    return invitation.trader ? invitation.trader.loadOrFail() : null;
  }

  @FieldResolver(() => AgencyType, { nullable: true, description: 'The invited agency, when an agency is invited.' })
  async agency(@Root() invitation: BriefInvitation): Promise<Agency | null> {
    return invitation.agency ? invitation.agency.loadOrFail() : null;
  }
}

@Resolver(() => BrandType)
export class BrandBriefsResolver {
  @FieldResolver(() => BriefConnection, {
    description: 'The brand’s briefs you may see, soonest deadline first. By default those open for bids; statuses other than OPEN are for the brand’s members (FORBIDDEN otherwise).',
  })
  async briefs(
    @Root() brand: Brand,
    @Arg('statuses', () => [BriefStatus], { nullable: true, description: 'Statuses to list. Default: OPEN only (and only before the deadline).' })
    statuses: BriefStatus[] | null,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() context: RequestContext,
  ) {
    const { services } = context;
    const page = pageRequest(args);
    const wanted = statuses?.length ? [...new Set(statuses)].sort() : undefined;
    services.briefs.assertMayListStatuses(context.viewer, brand.id, wanted);
    const { first } = page;
    if (first !== undefined && !page.after) {
      // The usual case, a list of brands each with its first page: one statement for all of them.
      const firstPages = loader(
        context,
        `brand.briefs.first:${first}:${wanted?.join(',') ?? ''}`,
        (requestContext) =>
          new DataLoader<string, Cursor<Brief>>((brandIds) => services.briefs.firstPagesOfBrands(requestContext, brandIds, wanted, first)),
      );
      return toConnection(await firstPages.load(brand.id));
    }
    return toConnection(await withCursorCheck(() => services.briefs.list(context, { brandId: brand.id, ...(wanted ? { statuses: wanted } : {}) }, page)));
  }
}

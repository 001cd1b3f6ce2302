import DataLoader from 'dataloader';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { Creator } from '../creator/creator.entity.js';
import { CreatorType } from '../creator/creator.types.js';
import { type RequestContext, loader } from '../graphql/context.js';
import { idOfType } from '../graphql/global-id.js';
import { mutate } from '../graphql/mutation.js';
import { defineNode } from '../graphql/node.js';
import type { Trader } from '../trader/trader.entity.js';
import { TraderType } from '../trader/trader.types.js';
import { type Agency, RosterMembership } from './agency.entity.js';
import { AgencyType } from './agency.types.js';
import { RosterInviteInput } from './roster.inputs.js';
import { RosterMembershipPayload, RosterMembershipType } from './roster.types.js';
import { type Talent, talentKey } from './roster.service.js';

defineNode({ typeName: 'RosterMembership', entity: RosterMembership, load: (context, id) => context.services.rosters.visibleById(context, id) });

const activeAgencies = (context: RequestContext) =>
  loader(
    context,
    'roster.activeAgency',
    ({ em, services }) => new DataLoader<Talent, Agency | null, string>((talents) => services.rosters.activeAgencies(em, talents), { cacheKeyFn: talentKey }),
  );

/** A global id as the roster service takes it: absent stays absent, an id of another type becomes null. */
const talentIdOf = (globalId: string | null | undefined, typeName: string) => (globalId == null ? undefined : idOfType(globalId, typeName));

@Resolver(() => RosterMembershipType)
export class RosterMembershipResolver {
  @FieldResolver(() => AgencyType, { description: 'The agency whose roster this is.' })
  agency(@Root() membership: RosterMembership): Promise<Agency> {
    return membership.agency.loadOrFail();
  }

  @FieldResolver(() => CreatorType, { nullable: true, description: 'The creator, when the talent is a creator.' })
  async creator(@Root() membership: RosterMembership): Promise<Creator | null> {
    return (await membership.creator?.loadOrFail()) ?? null;
  }

  @FieldResolver(() => TraderType, { nullable: true, description: 'The live-stream operator, when the talent is an operator.' })
  async trader(@Root() membership: RosterMembership): Promise<Trader | null> {
    return (await membership.trader?.loadOrFail()) ?? null;
  }

  @FieldResolver(() => Date, { description: 'When the agency sent the invitation.' })
  invitedAt(@Root() membership: RosterMembership): Date {
    return membership.createdAt;
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'The agency’s share of what the talent earns through the marketplace, in basis points. A commercial term: only the agency’s members, the talent and admins see it; null for anyone else.',
  })
  shareBp(@Root() membership: RosterMembership, @Ctx() context: RequestContext): number | null {
    return context.services.rosters.visibleShareBp(context, membership);
  }

  @Authorized()
  @Mutation(() => RosterMembershipPayload, {
    description:
      'Invites a creator or an operator to the agency’s roster; they join only by accepting. Members of the agency only; anyone else gets FORBIDDEN.',
  })
  rosterInvite(
    @Arg('agencyId', () => ID, { description: 'The agency that invites.' }) agencyId: string,
    @Arg('input', () => RosterInviteInput, { description: 'Whom to invite, and on what share.' }) input: RosterInviteInput,
    @Ctx() context: RequestContext,
  ) {
    return mutate(context, (tx) =>
      context.services.rosters.invite(tx, idOfType(agencyId, 'Agency'), {
        creatorId: talentIdOf(input.creatorId, 'Creator'),
        traderId: talentIdOf(input.traderId, 'Trader'),
        shareBp: input.shareBp,
      }),
    );
  }

  @Authorized()
  @Mutation(() => RosterMembershipPayload, {
    description: 'Accepts a roster invitation, joining the agency’s roster. Only the invited talent may; a talent is active at one agency at a time.',
  })
  rosterInvitationAccept(@Arg('id', () => ID, { description: 'The invitation.' }) id: string, @Ctx() context: RequestContext) {
    return mutate(context, (tx) => context.services.rosters.accept(tx, idOfType(id, 'RosterMembership')));
  }

  @Authorized()
  @Mutation(() => RosterMembershipPayload, { description: 'Declines a roster invitation. Only the invited talent may.' })
  rosterInvitationDecline(@Arg('id', () => ID, { description: 'The invitation.' }) id: string, @Ctx() context: RequestContext) {
    return mutate(context, (tx) => context.services.rosters.decline(tx, idOfType(id, 'RosterMembership')));
  }

  @Authorized()
  @Mutation(() => RosterMembershipPayload, {
    description:
      'Closes a roster membership. The agency’s members end an active one or withdraw an open invitation (ENDED); the talent leaves an active one (ENDED) or turns an open invitation down (DECLINED). Anyone else gets FORBIDDEN.',
  })
  rosterMembershipEnd(@Arg('id', () => ID, { description: 'The roster membership.' }) id: string, @Ctx() context: RequestContext) {
    return mutate(context, (tx) => context.services.rosters.end(tx, idOfType(id, 'RosterMembership')));
  }
}

@Resolver(() => CreatorType)
export class CreatorRosterResolver {
  @FieldResolver(() => AgencyType, { nullable: true, description: 'The agency whose roster the creator is active on, or null.' })
  agency(@Root() creator: Creator, @Ctx() context: RequestContext): Promise<Agency | null> {
    return activeAgencies(context).load({ creatorId: creator.id });
  }

  @FieldResolver(() => [RosterMembershipType], {
    nullable: true,
    description: 'Open roster invitations to the creator, newest first. Only the creator sees them; null for anyone else.',
  })
  rosterInvitations(@Root() creator: Creator, @Ctx() context: RequestContext): Promise<RosterMembership[] | null> {
    return context.services.rosters.pendingInvitations(context, creator);
  }
}

@Resolver(() => TraderType)
export class TraderRosterResolver {
  @FieldResolver(() => AgencyType, { nullable: true, description: 'The agency whose roster the operator is active on, or null.' })
  agency(@Root() trader: Trader, @Ctx() context: RequestContext): Promise<Agency | null> {
    return activeAgencies(context).load({ traderId: trader.id });
  }

  @FieldResolver(() => [RosterMembershipType], {
    nullable: true,
    description: 'Open roster invitations to the operator, newest first. Only the operator sees them; null for anyone else.',
  })
  rosterInvitations(@Root() trader: Trader, @Ctx() context: RequestContext): Promise<RosterMembership[] | null> {
    return context.services.rosters.pendingInvitations(context, trader);
  }
}

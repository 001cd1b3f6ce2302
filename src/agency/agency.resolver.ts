import type { Cursor } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { UserType } from '../account/account.types.js';
import type { User } from '../account/account.entity.js';
import { pageFromEnd, pageFromEndKey } from '../db/first-pages.js';
import { pageRequest, toConnection, withCursorCheck } from '../graphql/connection.js';
import { type RequestContext, loader } from '../graphql/context.js';
import { idOfType } from '../graphql/global-id.js';
import { mutate } from '../graphql/mutation.js';
import { defineNode } from '../graphql/node.js';
import type { OrganisationInvitation } from '../organisation/organisation.entity.js';
import { MemberInviteInput } from '../organisation/organisation.inputs.js';
import { OrganisationInvitationPayload, OrganisationInvitationType } from '../organisation/organisation.types.js';
import { Agency, AgencyMember, type RosterMembership } from './agency.entity.js';
import { AgencyCreateInput, AgencyUpdateInput } from './agency.inputs.js';
import { AgenciesArgs, AgencyConnection, AgencyMemberType, AgencyPayload, AgencyType } from './agency.types.js';
import { RosterArgs, RosterMembershipConnection } from './roster.types.js';

defineNode({ typeName: 'Agency', entity: Agency, load: ({ em, services }, id) => services.agencies.byId(em, id) });

@Resolver(() => AgencyType)
export class AgencyResolver {
  @Query(() => AgencyConnection, { description: 'Agencies by name. Public.' })
  async agencies(@Args(() => AgenciesArgs) args: AgenciesArgs, @Ctx() { em, services }: RequestContext) {
    return toConnection(await withCursorCheck(() => services.agencies.list(em, args.search, pageRequest(args))));
  }

  @FieldResolver(() => [AgencyMemberType], {
    nullable: true,
    description: 'The people acting for the agency, longest-standing first. Only the agency’s members and admins see them; null for anyone else.',
  })
  members(@Root() agency: Agency, @Ctx() context: RequestContext): Promise<AgencyMember[] | null> {
    return context.services.agencies.membership.visibleMembers(context, agency);
  }

  @FieldResolver(() => [OrganisationInvitationType], {
    nullable: true,
    description: 'Invitations to join the agency that await an answer, newest first. Only the agency’s members see them; null for anyone else.',
  })
  async memberInvitations(@Root() agency: Agency, @Ctx() context: RequestContext): Promise<OrganisationInvitation[] | null> {
    if (!(await context.services.agencies.membership.viewerIsMember(context, agency))) return null;
    const invitations = loader(
      context,
      'agency.memberInvitations',
      ({ em, services }) => new DataLoader<string, OrganisationInvitation[]>((ids) => services.organisationInvitations.openInvitationsOf(em, 'agency', ids)),
    );
    return invitations.load(agency.id);
  }

  @FieldResolver(() => RosterMembershipConnection, {
    description:
      'The agency’s roster, newest first. Everyone sees ACTIVE memberships; invitations and past memberships only the agency’s members, admins and the talent concerned see. A page from either end (`first` or `last` without a cursor) is read for all agencies in the response at once; `after`/`before` page on through this one roster.',
  })
  async roster(@Root() agency: Agency, @Args(() => RosterArgs) args: RosterArgs, @Ctx() context: RequestContext) {
    const page = pageRequest(args);
    const status = args.status ?? null;
    const fromEnd = pageFromEnd(page);
    if (fromEnd) {
      const pages = loader(
        context,
        `agency.roster:${pageFromEndKey(fromEnd)}:${status ?? 'ANY'}`,
        (batchContext) =>
          new DataLoader<string, Cursor<RosterMembership>>((ids) => batchContext.services.rosters.firstRosterPages(batchContext, ids, status, fromEnd)),
      );
      return toConnection(await pages.load(agency.id));
    }
    return toConnection(await withCursorCheck(() => context.services.rosters.pageOfRoster(context, agency.id, status, page)));
  }

  @Authorized()
  @Mutation(() => AgencyPayload, { description: 'Creates an agency with the caller as its first owner. Any signed-in user.' })
  agencyCreate(@Arg('input', () => AgencyCreateInput, { description: 'The new agency.' }) input: AgencyCreateInput, @Ctx() context: RequestContext) {
    return mutate(context, (tx) => context.services.agencies.create(tx, input));
  }

  @Authorized()
  @Mutation(() => AgencyPayload, { description: 'Changes the agency’s public profile. Members of the agency only; anyone else gets FORBIDDEN.' })
  agencyUpdate(
    @Arg('id', () => ID, { description: 'The agency to change.' }) id: string,
    @Arg('input', () => AgencyUpdateInput, { description: 'The changes.' }) input: AgencyUpdateInput,
    @Ctx() context: RequestContext,
  ) {
    return mutate(context, (tx) => context.services.agencies.update(tx, idOfType(id, 'Agency'), input));
  }

  @Authorized()
  @Mutation(() => OrganisationInvitationPayload, {
    description:
      'Invites someone by email to act for the agency; they become a member only by accepting. The answer is the same whether or not the email has an account. Owners of the agency only; anyone else gets FORBIDDEN.',
  })
  agencyMemberInvite(
    @Arg('agencyId', () => ID, { description: 'The agency to invite to.' }) agencyId: string,
    @Arg('input', () => MemberInviteInput, { description: 'Whom to invite, and as what.' }) input: MemberInviteInput,
    @Ctx() context: RequestContext,
  ) {
    return mutate(context, (tx) => context.services.organisationInvitations.invite(tx, 'agency', idOfType(agencyId, 'Agency'), input));
  }

  @Authorized()
  @Mutation(() => AgencyPayload, {
    description: 'Removes a member from the agency; the last owner cannot be removed (LAST_OWNER). Owners of the agency only; anyone else gets FORBIDDEN.',
  })
  agencyMemberRemove(
    @Arg('agencyId', () => ID, { description: 'The agency to remove from.' }) agencyId: string,
    @Arg('userEmail', () => String, { description: 'Email of the member to remove.' }) userEmail: string,
    @Ctx() context: RequestContext,
  ) {
    return mutate(context, (tx) => context.services.agencies.removeMember(tx, idOfType(agencyId, 'Agency'), userEmail));
  }
}

@Resolver(() => AgencyMemberType)
export class AgencyMemberResolver {
  @FieldResolver(() => String, { description: 'Name the person shows to other users.' })
  async displayName(@Root() member: AgencyMember): Promise<string> {
    return (await member.user.loadOrFail()).displayName;
  }

  @FieldResolver(() => Date, { description: 'When the person joined the agency.' })
  joinedAt(@Root() member: AgencyMember): Date {
    return member.createdAt;
  }
}

@Resolver(() => UserType)
export class UserAgenciesResolver {
  @FieldResolver(() => [AgencyType], { description: 'The agencies this account acts for, by name.' })
  agencies(@Root() user: User, @Ctx() context: RequestContext): Promise<Agency[]> {
    return loader(context, 'user.agencies', ({ em, services }) => new DataLoader<string, Agency[]>((ids) => services.agencies.membership.organisationsOfUsers(em, ids))).load(
      user.id,
    );
  }
}

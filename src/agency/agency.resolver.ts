import type { Cursor } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { UserType } from '../account/account.types.js';
import type { User } from '../account/user.entity.js';
import { pageRequest, toConnection, withCursorCheck } from '../graphql/connection.js';
import { type RequestContext, loader } from '../graphql/context.js';
import { idOfType } from '../graphql/global-id.js';
import { mutate } from '../graphql/mutation.js';
import { defineNode } from '../graphql/node.js';
import { Agency, AgencyMember, type RosterMembership } from './agency.entity.js';
import {
  AgenciesArgs,
  AgencyConnection,
  AgencyCreateInput,
  AgencyMemberAddInput,
  AgencyMemberAddPayload,
  AgencyMemberType,
  AgencyPayload,
  AgencyType,
  AgencyUpdateInput,
  RosterArgs,
  RosterMembershipConnection,
} from './agency.types.js';

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
    return context.services.agencies.visibleMembers(context, agency);
  }

  @FieldResolver(() => RosterMembershipConnection, {
    description:
      'The agency’s roster, newest first. Everyone sees ACTIVE memberships; invitations and past memberships only the agency’s members, admins and the talent concerned see.',
  })
  async roster(@Root() agency: Agency, @Args(() => RosterArgs) args: RosterArgs, @Ctx() context: RequestContext) {
    const page = pageRequest(args);
    const status = args.status ?? null;
    const { first } = page;
    if (first !== undefined && !page.after) {
      // The usual case, a list of agencies each with its first page: one statement for all of them.
      const firstPages = loader(
        context,
        `agency.roster.first:${first}:${status ?? 'ANY'}`,
        (batchContext) => new DataLoader<string, Cursor<RosterMembership>>((ids) => batchContext.services.rosters.firstRosterPages(batchContext, ids, status, first)),
      );
      return toConnection(await firstPages.load(agency.id));
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
  @Mutation(() => AgencyMemberAddPayload, { description: 'Adds someone with an account to the agency. Owners of the agency only; anyone else gets FORBIDDEN.' })
  agencyMemberAdd(
    @Arg('agencyId', () => ID, { description: 'The agency to add to.' }) agencyId: string,
    @Arg('input', () => AgencyMemberAddInput, { description: 'Who to add, and as what.' }) input: AgencyMemberAddInput,
    @Ctx() context: RequestContext,
  ) {
    return mutate(context, (tx) => context.services.agencies.addMember(tx, idOfType(agencyId, 'Agency'), input));
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
    return loader(context, 'user.agencies', ({ em, services }) => new DataLoader<string, Agency[]>((ids) => services.agencies.agenciesOfUsers(em, ids))).load(
      user.id,
    );
  }
}

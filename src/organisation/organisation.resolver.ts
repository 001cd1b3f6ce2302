import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { UserType } from '../account/account.types.js';
import type { User } from '../account/account.entity.js';
import type { Agency } from '../agency/agency.entity.js';
import { AgencyType } from '../agency/agency.types.js';
import type { Brand } from '../brand/brand.entity.js';
import { BrandType } from '../brand/brand.types.js';
import type { RequestContext } from '../graphql/context.js';
import { idOfType } from '../graphql/global-id.js';
import { mutate } from '../graphql/mutation.js';
import { defineNode } from '../graphql/node.js';
import { OrganisationInvitation } from './organisation.entity.js';
import { OrganisationInvitationPayload, OrganisationInvitationType } from './organisation.types.js';

defineNode({
  typeName: 'OrganisationInvitation',
  entity: OrganisationInvitation,
  load: (context, id) => context.services.organisationInvitations.visibleById(context, id),
});

const invitationId = (id: string) => idOfType(id, 'OrganisationInvitation');

@Resolver(() => OrganisationInvitationType)
export class OrganisationInvitationResolver {
  @FieldResolver(() => BrandType, { nullable: true, description: 'The brand that invites; null when an agency does.' })
  async brand(@Root() invitation: OrganisationInvitation): Promise<Brand | null> {
    return (await invitation.brand?.loadOrFail()) ?? null;
  }

  @FieldResolver(() => AgencyType, { nullable: true, description: 'The agency that invites; null when a brand does.' })
  async agency(@Root() invitation: OrganisationInvitation): Promise<Agency | null> {
    return (await invitation.agency?.loadOrFail()) ?? null;
  }

  @FieldResolver(() => Date, { description: 'When the invitation was sent.' })
  invitedAt(@Root() invitation: OrganisationInvitation): Date {
    return invitation.createdAt;
  }

  @Authorized()
  @Mutation(() => OrganisationInvitationPayload, {
    description:
      'Accepts an open invitation, making you a member of the brand or agency with the invited role (ALREADY_MEMBER if you already are one). Only the person signed in with the invited email may; the organisation’s members get FORBIDDEN, anyone else NOT_FOUND.',
  })
  organisationInvitationAccept(@Arg('id', () => ID, { description: 'The invitation.' }) id: string, @Ctx() context: RequestContext) {
    return mutate(context, (tx) => context.services.organisationInvitations.accept(tx, invitationId(id)));
  }

  @Authorized()
  @Mutation(() => OrganisationInvitationPayload, {
    description:
      'Declines an open invitation. Only the person signed in with the invited email may; the organisation’s members get FORBIDDEN, anyone else NOT_FOUND.',
  })
  organisationInvitationDecline(@Arg('id', () => ID, { description: 'The invitation.' }) id: string, @Ctx() context: RequestContext) {
    return mutate(context, (tx) => context.services.organisationInvitations.decline(tx, invitationId(id)));
  }

  @Authorized()
  @Mutation(() => OrganisationInvitationPayload, {
    description:
      'Withdraws an open invitation. Owners of the inviting brand or agency only; its other members and the invitee get FORBIDDEN, anyone else NOT_FOUND.',
  })
  organisationInvitationRevoke(@Arg('id', () => ID, { description: 'The invitation.' }) id: string, @Ctx() context: RequestContext) {
    return mutate(context, (tx) => context.services.organisationInvitations.revoke(tx, invitationId(id)));
  }
}

@Resolver(() => UserType)
export class UserOrganisationInvitationsResolver {
  @FieldResolver(() => [OrganisationInvitationType], {
    nullable: true,
    description:
      'Open invitations to act for a brand or an agency, addressed to this account’s email, newest first. Only the account itself sees them; null for anyone else.',
  })
  organisationInvitations(@Root() user: User, @Ctx() context: RequestContext): Promise<OrganisationInvitation[] | null> {
    return context.services.organisationInvitations.openInvitationsOfUser(context, user);
  }
}

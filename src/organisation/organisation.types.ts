import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { MemberRole } from '../brand/brand.entity.js';
// Registers the MemberRole enum.
import '../brand/brand.types.js';
import { UserError } from '../graphql/common-types.js';
import { Node } from '../graphql/node.js';
import { InvitationStatus } from './organisation.entity.js';

registerEnumType(InvitationStatus, {
  name: 'InvitationStatus',
  description: 'Where an invitation to act for a brand or an agency stands.',
  valuesConfig: {
    INVITED: { description: 'Sent and not yet answered; only the invitee can accept or decline it.' },
    ACCEPTED: { description: 'The invitee accepted and became a member.' },
    DECLINED: { description: 'The invitee turned it down.' },
    REVOKED: { description: 'An owner withdrew it before it was answered.' },
  },
});

@ObjectType('OrganisationInvitation', {
  implements: Node,
  description:
    'An invitation, addressed to an email, to act for a brand or an agency. Visible to the members of that organisation and to the person who signs in with that email; to anyone else it does not exist.',
})
export class OrganisationInvitationType extends Node {
  @Field({ description: 'The invited email, lower-cased. Whoever signs in with it may answer.' })
  email!: string;

  @Field(() => MemberRole, { description: 'The role the invitee gets by accepting.' })
  role!: MemberRole;

  @Field(() => InvitationStatus, { description: 'Where the invitation stands.' })
  status!: InvitationStatus;

  @Field(() => Date, { nullable: true, description: 'When it was accepted, declined or revoked; null while it is open.' })
  respondedAt!: Date | null;
}

@ObjectType({
  description:
    'Result of brandMemberInvite, agencyMemberInvite, organisationInvitationAccept, organisationInvitationDecline or organisationInvitationRevoke.',
})
export class OrganisationInvitationPayload {
  @Field(() => OrganisationInvitationType, { nullable: true, description: 'The invitation as saved; null when refused.' })
  invitation?: OrganisationInvitationType;

  @Field(() => [UserError], { description: 'Why the request was refused; empty on success.' })
  userErrors!: UserError[];
}

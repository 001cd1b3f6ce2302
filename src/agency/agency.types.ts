import { ArgsType, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MemberRole } from '../brand/brand.entity.js';
// Registers the MemberRole enum that agency members share with brand members.
import '../brand/brand.types.js';
import { UserError } from '../graphql/common-types.js';
import { connectionType, PageArgs } from '../graphql/connection.js';
import { Node } from '../graphql/node.js';
import { RosterStatus } from './agency.entity.js';

registerEnumType(RosterStatus, {
  name: 'RosterStatus',
  description: 'Where a talent’s place on an agency roster stands. Only an accepted invitation puts the talent on the roster.',
  valuesConfig: {
    INVITED: { description: 'The agency has invited the talent, who has not answered yet.' },
    ACTIVE: { description: 'The talent accepted; the agency represents them and takes its share.' },
    DECLINED: { description: 'The talent turned the invitation down, with rosterInvitationDecline or by ending it.' },
    ENDED: { description: 'The membership ended (either side may end it), or the agency withdrew the invitation before it was answered.' },
  },
});

@ObjectType('Agency', { implements: Node, description: 'An MCN agency or service provider with a roster of creators and operators. Public profile.' })
export class AgencyType extends Node {
  @Field({ description: 'Agency name.' })
  name!: string;

  @Field({ description: 'What the agency does and for whom; may be empty.' })
  description!: string;

  @Field(() => Int, { description: 'The agency’s usual share of what its roster earns, in basis points; each invitation may set another.' })
  defaultShareBp!: number;

  @Field({ description: 'When the agency joined the marketplace.' })
  createdAt!: Date;
}

@ObjectType('AgencyMember', { description: 'A person acting for an agency, as its members and admins see them.' })
export class AgencyMemberType {
  @Field(() => MemberRole, { description: 'What the person may do for the agency.' })
  role!: MemberRole;
}

@ObjectType('RosterMembership', {
  implements: Node,
  description:
    'A creator’s or operator’s place on an agency roster, from invitation to end. ACTIVE memberships are public, though not their share; the others are visible only to the agency’s members, the invited talent and admins.',
})
export class RosterMembershipType extends Node {
  @Field(() => RosterStatus, { description: 'Where the membership stands.' })
  status!: RosterStatus;

  @Field(() => Date, {
    nullable: true,
    description: 'When the talent accepted or declined (also by ending an open invitation); null while the invitation is open or if it was withdrawn.',
  })
  respondedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the membership ended or the invitation was withdrawn; null otherwise.' })
  endedAt!: Date | null;
}

export const AgencyConnection = connectionType(AgencyType, 'Agency');
export const RosterMembershipConnection = connectionType(RosterMembershipType, 'RosterMembership');

@ArgsType()
export class AgenciesArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only agencies whose name contains this text, ignoring case.' })
  search?: string | null;
}

@ArgsType()
export class RosterArgs extends PageArgs {
  @Field(() => RosterStatus, { nullable: true, description: 'Only memberships in this status. Default: every status you may see.' })
  status?: RosterStatus | null;
}

@ObjectType({ description: 'Result of agencyCreate, agencyUpdate or agencyMemberRemove.' })
export class AgencyPayload {
  @Field(() => AgencyType, { nullable: true, description: 'The agency as saved; null when refused.' })
  agency?: AgencyType;

  @Field(() => [UserError], { description: 'Why the request was refused; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of rosterInvite, rosterInvitationAccept, rosterInvitationDecline or rosterMembershipEnd.' })
export class RosterMembershipPayload {
  @Field(() => RosterMembershipType, { nullable: true, description: 'The membership as saved; null when refused.' })
  rosterMembership?: RosterMembershipType;

  @Field(() => [UserError], { description: 'Why the request was refused; empty on success.' })
  userErrors!: UserError[];
}

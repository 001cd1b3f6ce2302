import { ArgsType, Field, ObjectType, registerEnumType } from 'type-graphql';
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

export const RosterMembershipConnection = connectionType(RosterMembershipType, 'RosterMembership');

@ArgsType()
export class RosterArgs extends PageArgs {
  @Field(() => RosterStatus, { nullable: true, description: 'Only memberships in this status. Default: every status you may see.' })
  status?: RosterStatus | null;
}

@ObjectType({ description: 'Result of rosterInvite, rosterInvitationAccept, rosterInvitationDecline or rosterMembershipEnd.' })
export class RosterMembershipPayload {
  @Field(() => RosterMembershipType, { nullable: true, description: 'The membership as saved; null when refused.' })
  rosterMembership?: RosterMembershipType;

  @Field(() => [UserError], { description: 'Why the request was refused; empty on success.' })
  userErrors!: UserError[];
}

import { ArgsType, Field, Int, ObjectType } from 'type-graphql';
import { MemberRole } from '../brand/brand.entity.js';
// Registers the MemberRole enum that agency members share with brand members.
import '../brand/brand.types.js';
import { UserError } from '../graphql/common-types.js';
import { connectionType, PageArgs } from '../graphql/connection.js';
import { Node } from '../graphql/node.js';

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

export const AgencyConnection = connectionType(AgencyType, 'Agency');

@ArgsType()
export class AgenciesArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only agencies whose name contains this text, ignoring case.' })
  search?: string | null;
}

@ObjectType({ description: 'Result of agencyCreate, agencyUpdate or agencyMemberRemove.' })
export class AgencyPayload {
  @Field(() => AgencyType, { nullable: true, description: 'The agency as saved; null when refused.' })
  agency?: AgencyType;

  @Field(() => [UserError], { description: 'Why the request was refused; empty on success.' })
  userErrors!: UserError[];
}

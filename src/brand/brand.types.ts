import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { UserError } from '../graphql/common-types.js';
import { connectionType } from '../graphql/connection.js';
import { Node } from '../graphql/node.js';
import { MemberRole } from './brand.entity.js';

registerEnumType(MemberRole, {
  name: 'MemberRole',
  description: "A person's role in a brand or agency.",
  valuesConfig: {
    OWNER: { description: 'Manages members as well as everything a member does.' },
    MEMBER: { description: "Acts for the organisation: edits its profile and products, posts and reviews." },
  },
});

@ObjectType('Brand', { implements: Node, description: 'A merchant that owns products and posts briefs. Public profile.' })
export class BrandType extends Node {
  @Field({ description: 'Brand name.' })
  name!: string;

  @Field({ description: 'What the brand sells.' })
  description!: string;

  @Field(() => String, { nullable: true, description: 'The brand’s website, an http or https URL.' })
  websiteUrl!: string | null;

  @Field({ description: 'When the brand joined the marketplace.' })
  createdAt!: Date;
}

@ObjectType('BrandMember', { description: 'A person acting for a brand, as its members and admins see them.' })
export class BrandMemberType {
  @Field({ description: 'Name the person shows to other users.' })
  displayName!: string;

  @Field(() => MemberRole, { description: 'What the person may do for the brand.' })
  role!: MemberRole;

  @Field({ description: 'When the person joined the brand.' })
  joinedAt!: Date;
}

export const BrandConnection = connectionType(BrandType, 'Brand');

@ObjectType({ description: 'Result of brandCreate, brandUpdate or brandMemberRemove.' })
export class BrandPayload {
  @Field(() => BrandType, { nullable: true, description: 'The brand as saved; null when refused.' })
  brand?: BrandType;

  @Field(() => [UserError], { description: 'Why the request was refused; empty on success.' })
  userErrors!: UserError[];
}

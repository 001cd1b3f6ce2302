import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { CredibilityLevel } from '../credibility/credibility.types.js';
import { UserError } from '../graphql/common-types.js';
import { Node } from '../graphql/node.js';

@ObjectType('Vertical', { implements: Node, description: 'A category of the two-level vertical taxonomy, e.g. Beauty › Functional skincare. Public.' })
export class VerticalType extends Node {
  @Field({ description: 'Stable identifier, e.g. `beauty.functional-skincare`.' })
  slug!: string;

  @Field({ description: 'Display name.' })
  name!: string;

  @Field({ description: 'What belongs in this vertical.' })
  description!: string;
}

@ObjectType({ description: 'How many creators hold one credibility level.' })
export class CreatorLevelCount {
  @Field(() => CredibilityLevel, { description: 'The credibility level.' })
  level!: CredibilityLevel;

  @Field(() => Int, { description: 'Creators at this level; 0 when there are none.' })
  count!: number;
}

@InputType({ description: 'A new vertical. Top-level slugs are one segment (`pets`); a child slug is its parent slug, a dot and one segment (`pets.cat-food`).' })
export class VerticalCreateInput {
  @Field({ description: 'Lower-case letters, digits and single hyphens; a child starts with `<parentSlug>.`. At most 80 characters.' })
  slug!: string;

  @Field({ description: 'Display name, 1 to 120 characters.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'What belongs in this vertical, at most 2000 characters.' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Slug of the top-level vertical this one belongs to; omit for a top-level vertical.' })
  parentSlug?: string | null;
}

@InputType({ description: 'Changes to a vertical; omitted fields stay as they are. The slug never changes, because creators and filters store it.' })
export class VerticalUpdateInput {
  @Field(() => String, { nullable: true, description: 'New display name, 1 to 120 characters.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'New description, at most 2000 characters.' })
  description?: string | null;
}

@ObjectType({ description: 'Result of verticalCreate or verticalUpdate.' })
export class VerticalPayload {
  @Field(() => VerticalType, { nullable: true, description: 'The vertical as saved; null when refused.' })
  vertical?: VerticalType;

  @Field(() => [UserError], { description: 'Why the request was refused; empty on success.' })
  userErrors!: UserError[];
}

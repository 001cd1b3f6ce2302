import { Field, Int, ObjectType } from 'type-graphql';
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

@ObjectType({ description: 'Result of verticalCreate or verticalUpdate.' })
export class VerticalPayload {
  @Field(() => VerticalType, { nullable: true, description: 'The vertical as saved; null when refused.' })
  vertical?: VerticalType;

  @Field(() => [UserError], { description: 'Why the request was refused; empty on success.' })
  userErrors!: UserError[];
}

import { Field, ObjectType } from 'type-graphql';
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

import { Field, ObjectType } from 'type-graphql';
import { Node } from '../graphql/node.js';

@ObjectType('Trader', { implements: Node, description: 'A live-stream operator who runs broadcasts for merchants end to end. Public.' })
export class TraderType extends Node {
  @Field({ description: 'Name shown on the marketplace.' })
  displayName!: string;
}

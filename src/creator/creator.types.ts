import { Field, ObjectType } from 'type-graphql';
import { Node } from '../graphql/node.js';

@ObjectType('Creator', { implements: Node, description: 'A creator profile: channels, verticals, credentials and rate card. Public.' })
export class CreatorType extends Node {
  @Field({ description: 'Name shown on the marketplace.' })
  displayName!: string;
}

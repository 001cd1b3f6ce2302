import { Field, ObjectType } from 'type-graphql';
import { Node } from '../graphql/node.js';

@ObjectType('Agency', { implements: Node, description: 'An MCN agency or service provider with a roster of creators and operators. Public profile.' })
export class AgencyType extends Node {
  @Field({ description: 'Agency name.' })
  name!: string;
}

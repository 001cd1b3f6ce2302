import { Field, ObjectType } from 'type-graphql';
import { Node } from '../graphql/node.js';

@ObjectType('Credential', { implements: Node, description: 'A professional qualification and its verification state.' })
export class CredentialNodeType extends Node {
  @Field({ description: 'Who issued it.' })
  issuer!: string;
}

import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../graphql/node.js';
import { CredentialType } from './credential-type.js';

registerEnumType(CredentialType, {
  name: 'CredentialType',
  description: 'Professional qualifications that health, medical, finance, legal and education claims require. A specialist implies the generalist: PEDIATRICIAN and DERMATOLOGIST also count as PHYSICIAN.',
});

@ObjectType('Credential', { implements: Node, description: 'A professional qualification and its verification state.' })
export class CredentialNodeType extends Node {
  @Field({ description: 'Who issued it.' })
  issuer!: string;
}

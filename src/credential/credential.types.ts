import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { UserError } from '../graphql/common-types.js';
import { connectionType } from '../graphql/connection.js';
import { Node } from '../graphql/node.js';
import { CredentialType } from './credential-type.js';
import { CredentialStatus } from './credential.entity.js';

registerEnumType(CredentialType, {
  name: 'CredentialType',
  description: 'Professional qualifications that health, medical, finance, legal and education claims require. A specialist implies the generalist: PEDIATRICIAN and DERMATOLOGIST also count as PHYSICIAN.',
});

registerEnumType(CredentialStatus, {
  name: 'CredentialStatus',
  description: 'Where a credential stands in review. Only VERIFIED credentials count for credibility and matching.',
  valuesConfig: {
    PENDING: { description: 'Submitted and waiting for an admin.' },
    VERIFIED: { description: 'An admin checked it against the issuer.' },
    REJECTED: { description: 'An admin could not confirm it; the review note says why.' },
  },
});

/**
 * Fields only the holder and admins may read (licence number, evidence, review note, holder) are
 * resolved in CredentialResolver, which returns null for everyone else.
 */
@ObjectType('Credential', {
  implements: Node,
  description: 'A professional qualification and its verification state. Verified ones are public; others only their holder and admins see.',
})
export class CredentialNodeType extends Node {
  @Field(() => CredentialType, { description: 'The qualification.' })
  type!: CredentialType;

  @Field({ description: 'Who issued it.' })
  issuer!: string;

  @Field(() => CredentialStatus, { description: 'Where the credential stands in review.' })
  status!: CredentialStatus;

  @Field(() => Date, { nullable: true, description: 'When the qualification lapses; null when it does not.' })
  expiresAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When an admin verified or rejected it; null while pending.' })
  reviewedAt!: Date | null;

  @Field({ description: 'When it was submitted.' })
  createdAt!: Date;
}

export const CredentialConnection = connectionType(CredentialNodeType, 'Credential');

@ObjectType({ description: 'Result of credentialSubmit, credentialVerify or credentialReject.' })
export class CredentialPayload {
  @Field(() => CredentialNodeType, { nullable: true, description: 'The credential as saved; null when refused.' })
  credential?: CredentialNodeType;

  @Field(() => [UserError], { description: 'Why the request was refused; empty on success.' })
  userErrors!: UserError[];
}

import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
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

@InputType({ description: 'A qualification to submit for review, held by the signed-in account.' })
export class CredentialSubmitInput {
  @Field(() => CredentialType, { description: 'The qualification.' })
  type!: CredentialType;

  @Field({ description: 'Who issued it, 1 to 200 characters.' })
  issuer!: string;

  @Field({ description: 'The licence or certificate number, 1 to 100 characters. Only the holder and admins see it.' })
  licenseNumber!: string;

  @Field(() => String, { nullable: true, description: 'An http(s) link to a scan or registry entry, at most 1000 characters. Only the holder and admins see it.' })
  evidenceUrl?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the qualification lapses; must be in the future. Omit when it does not lapse.' })
  expiresAt?: Date | null;
}

@InputType({ description: 'An admin’s confirmation of a credential.' })
export class CredentialVerifyInput {
  @Field(() => String, { nullable: true, description: 'Optional note for the holder, at most 2000 characters.' })
  note?: string | null;
}

@InputType({ description: 'An admin’s refusal of a credential.' })
export class CredentialRejectInput {
  @Field({ description: 'Why it is rejected, 1 to 2000 characters; the holder sees it.' })
  reason!: string;
}

@ObjectType({ description: 'Result of credentialSubmit, credentialVerify or credentialReject.' })
export class CredentialPayload {
  @Field(() => CredentialNodeType, { nullable: true, description: 'The credential as saved; null when refused.' })
  credential?: CredentialNodeType;

  @Field(() => [UserError], { description: 'Why the request was refused; empty on success.' })
  userErrors!: UserError[];
}

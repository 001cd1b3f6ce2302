import { Field, ID, ObjectType } from 'type-graphql';
import { UserError } from '../graphql/common-types.js';
import { ApiKeyScope } from './api-key.scopes.js';

@ObjectType('ApiKey', { description: 'An organisation API key. The secret is shown once, in the payload that made it; only its start is kept in clear.' })
export class ApiKeyType {
  @Field(() => ID, { description: 'Opaque global id.' })
  id!: string;

  @Field({ description: 'What the key is for.' })
  name!: string;

  @Field(() => [ApiKeyScope], { description: 'What the key may do.' })
  scopes!: ApiKeyScope[];

  @Field({ description: 'The first characters of the secret, to tell keys apart.' })
  prefix!: string;

  @Field({ description: 'When the key was made.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the key last authenticated a request (to the minute); null if never.' })
  lastUsedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the key was revoked or rotated away; null while it works.' })
  revokedAt!: Date | null;
}

@ObjectType({ description: 'The result of making or rotating a key.' })
export class ApiKeyIssuePayload {
  @Field(() => ApiKeyType, { nullable: true, description: 'The key as saved; null when refused.' })
  apiKey?: ApiKeyType;

  @Field(() => String, { nullable: true, description: 'The secret, shown this once: send it as `Authorization: Bearer <secret>`. Null when refused.' })
  secret?: string;

  @Field(() => [UserError], { description: 'Why the request was refused; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'The result of revoking a key.' })
export class ApiKeyPayload {
  @Field(() => ApiKeyType, { nullable: true, description: 'The key as saved; null when refused.' })
  apiKey?: ApiKeyType;

  @Field(() => [UserError], { description: 'Why the request was refused; empty on success.' })
  userErrors!: UserError[];
}

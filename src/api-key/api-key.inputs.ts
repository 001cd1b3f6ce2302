import 'reflect-metadata';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { z } from 'zod';
import { ApiKeyScope } from './api-key.scopes.js';

registerEnumType(ApiKeyScope, {
  name: 'ApiKeyScope',
  description: 'What an organisation API key may do.',
  valuesConfig: {
    SNAPSHOTS_WRITE: { description: 'Post channel snapshots for the connector’s platform (`channelSnapshotRecord`). Connectors only.' },
    CHANNELS_VERIFY: { description: 'Confirm a channel’s verification code (`channelAccountVerify`). Connectors only.' },
  },
});

export const MAX_SCOPES = 10;

export const apiKeyCreateSchema = z.object({
  name: z.string().trim().min(1, 'names need 1 to 120 characters').max(120, 'names need 1 to 120 characters'),
  scopes: z
    .array(z.enum(ApiKeyScope))
    .min(1, 'a key needs at least one scope')
    .max(MAX_SCOPES, `at most ${MAX_SCOPES} scopes`)
    .transform((scopes) => [...new Set(scopes)].sort()),
});
export type ApiKeyCreateValues = z.input<typeof apiKeyCreateSchema>;

@InputType('ApiKeyCreateInput', { description: 'A new organisation API key.' })
export class ApiKeyCreateInput {
  @Field(() => ID, { description: 'Global id of the brand, agency or connector the key acts for.' })
  organisationId!: string;

  @Field({ description: 'What the key is for, e.g. "Douyin sync, production"; 1 to 120 characters.' })
  name!: string;

  @Field(() => [ApiKeyScope], { description: 'What the key may do; at least one, each allowed for the organisation’s kind.' })
  scopes!: ApiKeyScope[];
}

import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { KeyOrganisationKind } from '../auth/api-key-principal.js';
import type { RequestContext } from '../graphql/context.js';
import { fromGlobalId, idOfType, toGlobalId } from '../graphql/global-id.js';
import { mutate } from '../graphql/mutation.js';
import { ApiKey } from './api-key.entity.js';
import { ApiKeyCreateInput } from './api-key.inputs.js';
import type { OrganisationRef } from './api-key.service.js';
import { ApiKeyIssuePayload, ApiKeyPayload, ApiKeyType } from './api-key.types.js';

const KINDS: Record<string, KeyOrganisationKind> = { Brand: 'BRAND', Agency: 'AGENCY', Connector: 'CONNECTOR' };

function organisationRef(globalId: string): OrganisationRef | null {
  const parsed = fromGlobalId(globalId);
  const kind = parsed ? KINDS[parsed.typeName] : undefined;
  return parsed && kind ? { kind, id: parsed.id } : null;
}

@Resolver(() => ApiKeyType)
export class ApiKeyResolver {
  @FieldResolver(() => ID)
  id(@Root() apiKey: ApiKey): string {
    return toGlobalId('ApiKey', apiKey.id);
  }

  @Authorized()
  @Query(() => [ApiKeyType], { nullable: true, description: 'An organisation’s API keys, newest first; null unless you own the brand or agency (admins: connectors).' })
  apiKeys(@Arg('organisationId', () => ID, { description: 'Global id of a brand, agency or connector.' }) organisationId: string, @Ctx() context: RequestContext) {
    const organisation = organisationRef(organisationId);
    return organisation ? context.services.apiKeys.listFor(context, organisation) : null;
  }

  @Authorized()
  @Mutation(() => ApiKeyIssuePayload, { description: 'Makes an API key for a brand or agency you own (admins: for a connector). The secret is in the payload and never shown again.' })
  apiKeyCreate(@Arg('input', () => ApiKeyCreateInput, { description: 'The organisation the key acts for, its name and its scopes.' }) input: ApiKeyCreateInput, @Ctx() context: RequestContext) {
    const { organisationId, ...values } = input;
    return mutate(context, (tx) => context.services.apiKeys.create(tx, organisationRef(organisationId), values));
  }

  @Authorized()
  @Mutation(() => ApiKeyIssuePayload, { description: 'Replaces a key with a new secret of the same name and scopes; the old secret stops working at once.' })
  apiKeyRotate(@Arg('id', () => ID, { description: 'The key to replace with a new secret.' }) id: string, @Ctx() context: RequestContext) {
    return mutate(context, (tx) => context.services.apiKeys.rotate(tx, idOfType(id, 'ApiKey')));
  }

  @Authorized()
  @Mutation(() => ApiKeyPayload, { description: 'Revokes a key: requests with it are refused from now on. The key stays listed.' })
  apiKeyRevoke(@Arg('id', () => ID, { description: 'The key to revoke.' }) id: string, @Ctx() context: RequestContext) {
    return mutate(context, (tx) => context.services.apiKeys.revoke(tx, idOfType(id, 'ApiKey')));
  }
}

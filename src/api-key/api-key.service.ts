import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AgencyService } from '../agency/agency.service.js';
import type { ApiKeyAuthenticator, ApiKeyPrincipal, KeyOrganisationKind } from '../auth/api-key-principal.js';
import type { Viewer } from '../auth/viewer.js';
import type { BrandService } from '../brand/brand.service.js';
import { AccessDenied, parseInput, Problem } from '../common/problems.js';
import type { ServiceContext } from '../common/service-context.js';
import { Connector } from '../platform-data/connector.entity.js';
import { hashApiKeySecret, looksLikeApiKey, newApiKeySecret } from './api-key-secret.js';
import { ApiKey } from './api-key.entity.js';
import { apiKeyCreateSchema, type ApiKeyCreateValues } from './api-key.inputs.js';
import { ApiKeyProblem } from './api-key.problems.js';
import { type ApiKeyScope, SCOPE_HOLDERS } from './api-key.scopes.js';

export interface OrganisationRef {
  kind: KeyOrganisationKind;
  id: string;
}

/** A key's last use is written at most this often, so a busy key does not write on every request. */
const LAST_USE_RESOLUTION_SECONDS = 60;

const PROPERTY: Record<KeyOrganisationKind, 'brand' | 'agency' | 'connector'> = { BRAND: 'brand', AGENCY: 'agency', CONNECTOR: 'connector' };

/**
 * Organisation API keys: made and revoked by the organisation's owners (by admins for
 * connectors), shown once, kept as a hash, and resolved to the organisation for each request.
 */
export class ApiKeyService implements ApiKeyAuthenticator {
  constructor(
    private readonly brands: BrandService,
    private readonly agencies: AgencyService,
  ) {}

  async create(context: ServiceContext, organisation: OrganisationRef | null, input: ApiKeyCreateValues): Promise<{ apiKey: ApiKey; secret: string }> {
    const viewer = await this.requireManager(context, organisation, ['input', 'organisationId']);
    const data = parseInput(apiKeyCreateSchema, input);
    data.scopes.forEach((scope, index) => {
      if (!SCOPE_HOLDERS[scope].includes(organisation!.kind)) {
        throw Problem.of(ApiKeyProblem.SCOPE_NOT_ALLOWED, `A ${organisation!.kind.toLowerCase()} key cannot hold ${scope}.`, ['input', 'scopes', index]);
      }
    });
    return this.issue(context.em, organisation!, data.name, data.scopes, viewer.userId);
  }

  async revoke(context: ServiceContext, keyId: string | null): Promise<{ apiKey: ApiKey }> {
    const apiKey = await this.manageableKey(context, keyId);
    if (apiKey.revokedAt) throw Problem.of(ApiKeyProblem.KEY_REVOKED, 'This key was already revoked.', ['id']);
    context.em.assign(apiKey, { revokedAt: new Date(), revokedBy: context.viewer!.userId });
    await context.em.flush();
    return { apiKey };
  }

  /** A new secret with the same name and scopes; the old key stops working at once. */
  async rotate(context: ServiceContext, keyId: string | null): Promise<{ apiKey: ApiKey; secret: string }> {
    const old = await this.manageableKey(context, keyId);
    if (old.revokedAt) throw Problem.of(ApiKeyProblem.KEY_REVOKED, 'A revoked key cannot be rotated; create a new one.', ['id']);
    const issued = await this.issue(context.em, organisationOf(old), old.name, old.scopes as ApiKeyScope[], context.viewer!.userId);
    context.em.assign(old, { revokedAt: new Date(), revokedBy: context.viewer!.userId, replacedBy: issued.apiKey });
    await context.em.flush();
    return issued;
  }

  /** The organisation's keys, newest first, revoked ones included; null unless the viewer manages them. */
  async listFor(context: ServiceContext, organisation: OrganisationRef): Promise<ApiKey[] | null> {
    try {
      await this.requireManager(context, organisation, ['organisationId']);
    } catch {
      return null;
    }
    return context.em.find(ApiKey, { [PROPERTY[organisation.kind]]: organisation.id }, { orderBy: { createdAt: 'desc', id: 'desc' } });
  }

  async authenticate(em: EntityManager, secret: string): Promise<ApiKeyPrincipal | null> {
    if (!looksLikeApiKey(secret)) return null;
    // One statement finds the live key and records its use (at most once a minute per key).
    const rows = await em.getConnection().execute<{ id: string; brand_id: string | null; agency_id: string | null; connector_id: string | null; scopes: string[] }[]>(
      `with found as (select id, brand_id, agency_id, connector_id, scopes, last_used_at from api_key where secret_hash = ? and revoked_at is null),
            touched as (update api_key set last_used_at = now() from found
                         where api_key.id = found.id and (found.last_used_at is null or found.last_used_at < now() - make_interval(secs => ?)))
       select id, brand_id, agency_id, connector_id, scopes from found`,
      [hashApiKeySecret(secret), LAST_USE_RESOLUTION_SECONDS],
    );
    const row = rows[0];
    if (!row) return null;
    const organisation: OrganisationRef = row.brand_id
      ? { kind: 'BRAND', id: row.brand_id }
      : row.agency_id
        ? { kind: 'AGENCY', id: row.agency_id }
        : { kind: 'CONNECTOR', id: row.connector_id! };
    return { keyId: row.id, organisation, scopes: new Set(row.scopes) };
  }

  private async issue(em: EntityManager, organisation: OrganisationRef, name: string, scopes: readonly string[], userId: string): Promise<{ apiKey: ApiKey; secret: string }> {
    const { secret, prefix, hash } = newApiKeySecret();
    const apiKey = em.create(ApiKey, { [PROPERTY[organisation.kind]]: organisation.id, name, scopes: [...scopes], prefix, secretHash: hash, createdBy: userId });
    await em.flush();
    return { apiKey, secret };
  }

  private async manageableKey(context: ServiceContext, keyId: string | null): Promise<ApiKey> {
    const apiKey = keyId ? await context.em.findOne(ApiKey, keyId, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
    if (!apiKey) throw Problem.notFound('API key', ['id']);
    try {
      await this.requireManager(context, organisationOf(apiKey), ['id']);
    } catch (error) {
      // Someone who may not manage the organisation's keys is not told the key exists.
      if (error instanceof AccessDenied) throw Problem.notFound('API key', ['id']);
      throw error;
    }
    return apiKey;
  }

  /** Owners manage their brand's or agency's keys; admins manage connectors' keys. */
  private async requireManager({ em, viewer }: ServiceContext, organisation: OrganisationRef | null, field: (string | number)[]): Promise<Viewer> {
    if (!viewer) throw new AccessDenied('Sign in first.');
    switch (organisation?.kind) {
      case 'BRAND':
        return this.brands.membership.requireOwner(em, viewer, await this.brands.membership.find(em, organisation.id, field));
      case 'AGENCY':
        return this.agencies.membership.requireOwner(em, viewer, await this.agencies.membership.find(em, organisation.id, field));
      case 'CONNECTOR': {
        if (!(await em.findOne(Connector, organisation.id))) throw Problem.notFound('connector', field);
        if (!viewer.isAdmin) throw new AccessDenied('Only admins manage the keys of platform connectors.');
        return viewer;
      }
      default:
        throw Problem.notFound('brand, agency or connector', field);
    }
  }
}

function organisationOf(apiKey: ApiKey): OrganisationRef {
  if (apiKey.brand) return { kind: 'BRAND', id: apiKey.brand.id };
  if (apiKey.agency) return { kind: 'AGENCY', id: apiKey.agency.id };
  return { kind: 'CONNECTOR', id: apiKey.connector!.id };
}

/** The scope check for operations that accept keys: the principal, or why it may not. */
export function requireScope(principal: ApiKeyPrincipal | null | undefined, scope: ApiKeyScope): ApiKeyPrincipal {
  if (!principal) throw new AccessDenied('This operation needs an organisation API key.');
  if (!principal.scopes.has(scope)) throw new AccessDenied(`This API key does not hold the ${scope} scope.`);
  return principal;
}

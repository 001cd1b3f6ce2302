import type { EntityManager } from '@mikro-orm/postgresql';

/** Secrets of organisation API keys start with this, so a bearer token says which kind it is. */
export const API_KEY_PREFIX = 'mcn_live_';

/** The kinds of organisation a key can act for. */
export type KeyOrganisationKind = 'BRAND' | 'AGENCY' | 'CONNECTOR';

/**
 * Who a request authenticated with an organisation API key acts for: the organisation, never a
 * person, and only within the key's scopes. Operations that accept keys read it from the request
 * context; every other operation sees such a request as anonymous.
 */
export interface ApiKeyPrincipal {
  keyId: string;
  organisation: { kind: KeyOrganisationKind; id: string };
  scopes: ReadonlySet<string>;
}

/** Resolves a key's secret to its principal: null when no live key has that secret. Records the use. */
export interface ApiKeyAuthenticator {
  authenticate(em: EntityManager, secret: string): Promise<ApiKeyPrincipal | null>;
}

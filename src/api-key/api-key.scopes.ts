import type { KeyOrganisationKind } from '../auth/api-key-principal.js';

/**
 * What a key may do, and which kinds of organisation may hold each scope. A key holds only the
 * scopes it was made with; operations that accept keys name the scope they need.
 */
export const ApiKeyScope = {
  /** Post channel snapshots for the connector's platform. */
  SNAPSHOTS_WRITE: 'snapshots:write',
  /** Confirm that a verification code is on a channel of the connector's platform. */
  CHANNELS_VERIFY: 'channels:verify',
} as const;
export type ApiKeyScope = (typeof ApiKeyScope)[keyof typeof ApiKeyScope];

export const SCOPE_HOLDERS: Record<ApiKeyScope, readonly KeyOrganisationKind[]> = {
  'snapshots:write': ['CONNECTOR'],
  'channels:verify': ['CONNECTOR'],
};

export function scopesFor(kind: KeyOrganisationKind): ApiKeyScope[] {
  return (Object.entries(SCOPE_HOLDERS) as [ApiKeyScope, readonly KeyOrganisationKind[]][]).filter(([, holders]) => holders.includes(kind)).map(([scope]) => scope);
}

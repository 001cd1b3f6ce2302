import type { EntityManager } from '@mikro-orm/postgresql';
import { API_KEY_PREFIX, type ApiKeyAuthenticator, type ApiKeyPrincipal } from '../auth/api-key-principal.js';
import type { TokenService } from '../auth/tokens.js';
import type { Viewer, ViewerSource } from '../auth/viewer.js';
import { unauthenticated } from '../graphql/errors.js';
import { viewerOfAccount } from '../graphql/viewer-loading.js';

/**
 * The account an `Authorization` header's token was issued to, without a database read. No header
 * means anonymous (null). A header that is present but wrong is an error, never a silent
 * downgrade to anonymous, so clients notice an expired token.
 */
export async function authenticatedUserId(header: string | undefined, tokens: TokenService): Promise<string | null> {
  if (header === undefined || header === '') return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw unauthenticated('The Authorization header must be `Bearer <token>`.');
  const check = await tokens.check(match[1]);
  if (!check.ok) {
    throw unauthenticated(
      check.reason === 'EXPIRED'
        ? 'The token has expired; log in again.'
        : 'The token is not valid; log in again to get a new one.',
    );
  }
  return check.userId;
}

/**
 * Who a GraphQL request acts for: an account (from a session token) or an organisation (from an
 * API key, `mcn_live_…`). A key that is unknown or revoked is refused like a bad token; a key's
 * request has no account, so everything but the operations that accept keys treats it as anonymous.
 */
export async function authenticateRequest(
  header: string | undefined,
  dependencies: { tokens: TokenService; apiKeys?: ApiKeyAuthenticator | undefined; em: EntityManager },
): Promise<{ viewerId: string | null; apiKey: ApiKeyPrincipal | null }> {
  const token = header ? /^Bearer\s+(\S+)$/i.exec(header)?.[1] : undefined;
  if (!token?.startsWith(API_KEY_PREFIX)) return { viewerId: await authenticatedUserId(header, dependencies.tokens), apiKey: null };
  const apiKey = dependencies.apiKeys ? await dependencies.apiKeys.authenticate(dependencies.em, token) : null;
  if (!apiKey) throw unauthenticated('The API key is not valid or has been revoked.');
  return { viewerId: null, apiKey };
}

/** The viewer behind an `Authorization` header, memberships read: for connections that live on. */
export async function authenticate(
  header: string | undefined,
  dependencies: { tokens: TokenService; viewers: ViewerSource; em: EntityManager },
): Promise<Viewer | null> {
  const userId = await authenticatedUserId(header, dependencies.tokens);
  if (userId === null) return null;
  return viewerOfAccount(dependencies.viewers, dependencies.em, userId);
}

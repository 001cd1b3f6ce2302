import type { EntityManager } from '@mikro-orm/postgresql';
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

/** The viewer behind an `Authorization` header, memberships read: for connections that live on. */
export async function authenticate(
  header: string | undefined,
  dependencies: { tokens: TokenService; viewers: ViewerSource; em: EntityManager },
): Promise<Viewer | null> {
  const userId = await authenticatedUserId(header, dependencies.tokens);
  if (userId === null) return null;
  return viewerOfAccount(dependencies.viewers, dependencies.em, userId);
}

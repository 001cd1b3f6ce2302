import type { AuthChecker } from 'type-graphql';
import { type Role, viewerHasRole } from '../auth/viewer.js';
import type { RequestContext } from './context.js';
import { forbidden, unauthenticated } from './errors.js';
import { ensureViewer } from './viewer-loading.js';

/**
 * The one role gate. `@Authorized()` needs a signed-in viewer; `@Authorized(Role.X, Role.Y)` needs
 * one of those roles. Ownership ("a member of this brand") is decided by the services.
 */
export const authChecker: AuthChecker<RequestContext, Role> = async ({ context }, roles) => {
  const viewer = await ensureViewer(context);
  if (!viewer) throw unauthenticated();
  if (roles.length === 0 || roles.some((role) => viewerHasRole(viewer, role))) return true;
  throw forbidden(`This operation needs one of these roles: ${roles.join(', ')}.`);
};

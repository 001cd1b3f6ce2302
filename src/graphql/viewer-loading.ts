import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphQLResolveInfo } from 'graphql';
import { Extensions, type ContainerType, type ResolverData } from 'type-graphql';
import type { Viewer, ViewerSource } from '../auth/viewer.js';
import type { RequestContext } from './context.js';
import { unauthenticated } from './errors.js';

/**
 * A request knows who is asking from its token alone; what that account belongs to (brands,
 * agencies, its creator and trader profiles) takes a database read. Most requests need it, but a
 * public read such as a creator's profile by id does not, and for those the read was a fifth of
 * the request's cost and one of its two round trips. So the memberships are read on demand: before
 * the first resolver method that has not declared it can do without them, once per request.
 *
 * Resolver methods opt out with `@ViewerNotNeeded()`. Plain properties of an object never need
 * the viewer (they have no resolver method). Until the read is done `context.viewer` is null,
 * which every rule treats as "anonymous": a resolver that opts out by mistake shows less, never
 * more.
 */

const VIEWER_NOT_NEEDED = 'viewerNotNeeded';

/** Marks a query, mutation or field resolver that reads nothing of `context.viewer`. */
export function ViewerNotNeeded(): MethodDecorator {
  return Extensions({ [VIEWER_NOT_NEEDED]: true });
}

/** True once `context.viewer` is what it will be for the rest of the request. */
function viewerIsLoaded(context: RequestContext): boolean {
  return context.viewerId === null || context.viewer !== null;
}

const pendingLoads = new WeakMap<RequestContext, Promise<Viewer | null>>();

/** The request's viewer with its memberships, read once however many resolvers ask at once. */
export function ensureViewer(context: RequestContext): Promise<Viewer | null> {
  if (viewerIsLoaded(context)) return Promise.resolve(context.viewer);
  let load = pendingLoads.get(context);
  if (!load) {
    load = viewerOfAccount(context.viewers, context.em, context.viewerId!).then((viewer) => (context.viewer = viewer));
    pendingLoads.set(context, load);
  }
  return load;
}

/** The viewer of a verified token's account; UNAUTHENTICATED when the account no longer exists. */
export async function viewerOfAccount(viewers: ViewerSource, em: EntityManager, userId: string): Promise<Viewer> {
  const viewer = await viewers.loadViewer(em, userId);
  if (!viewer) throw unauthenticated('The account behind this token no longer exists.');
  return viewer;
}

function fieldNeedsViewer(info: GraphQLResolveInfo): boolean {
  return info.parentType.getFields()[info.fieldName]?.extensions[VIEWER_NOT_NEEDED] !== true;
}

/**
 * type-graphql asks its container for the resolver object before every resolver method runs (and
 * before `@Authorized` checks it), so this is where the viewer is made ready. Resolver classes
 * have no constructor arguments; one instance of each serves every request.
 */
export class ResolverInstances implements ContainerType {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  private readonly instances = new Map<Function, unknown>();

  get(resolverClass: new () => unknown, { context, info }: ResolverData<RequestContext>): unknown {
    let instance = this.instances.get(resolverClass);
    if (instance === undefined) {
      instance = new resolverClass();
      this.instances.set(resolverClass, instance);
    }
    if (viewerIsLoaded(context) || !fieldNeedsViewer(info)) return instance;
    const ready = instance;
    return ensureViewer(context).then(() => ready);
  }
}

import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from './context.js';
import { fromGlobalId } from './global-id.js';
import { globalIdOf, Node, nodeDefinition } from './node.js';
import { ensureViewer, ViewerNotNeeded } from './viewer-loading.js';

@Resolver(() => Node)
export class NodeResolver {
  @ViewerNotNeeded()
  @FieldResolver(() => ID, { description: 'Opaque global id.' })
  id(@Root() root: { id: string }): string {
    return globalIdOf(root);
  }

  @ViewerNotNeeded()
  @Query(() => Node, {
    nullable: true,
    description:
      'Fetches any object by its global id. Null when the id is unknown, malformed, or names an object you may not see: the three look the same.',
  })
  async node(@Arg('id', () => ID, { description: 'A global id from any object.' }) id: string, @Ctx() context: RequestContext): Promise<object | null> {
    const parsed = fromGlobalId(id);
    const definition = parsed && nodeDefinition(parsed.typeName);
    if (!parsed || !definition) return null;
    if (!definition.public) await ensureViewer(context);
    return definition.load(context, parsed.id);
  }
}

import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from './context.js';
import { fromGlobalId } from './global-id.js';
import { globalIdOf, Node, nodeDefinition } from './node.js';

@Resolver(() => Node)
export class NodeResolver {
  @FieldResolver(() => ID, { description: 'Opaque global id.' })
  id(@Root() root: { id: string }): string {
    return globalIdOf(root);
  }

  @Query(() => Node, {
    nullable: true,
    description:
      'Fetches any object by its global id. Null when the id is unknown, malformed, or names an object you may not see: the three look the same.',
  })
  async node(@Arg('id', () => ID, { description: 'A global id from any object.' }) id: string, @Ctx() context: RequestContext): Promise<object | null> {
    const parsed = fromGlobalId(id);
    const definition = parsed && nodeDefinition(parsed.typeName);
    if (!parsed || !definition) return null;
    return definition.load(context, parsed.id);
  }
}

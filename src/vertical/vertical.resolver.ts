import DataLoader from 'dataloader';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../auth/viewer.js';
import { credibilityLevelName } from '../credibility/credibility.types.js';
import { type RequestContext, loader } from '../graphql/context.js';
import { idOfType } from '../graphql/global-id.js';
import { mutate } from '../graphql/mutation.js';
import { defineNode } from '../graphql/node.js';
import { Vertical } from './vertical.entity.js';
import type { LevelCount } from './vertical.service.js';
import { VerticalCreateInput, VerticalUpdateInput } from './vertical.inputs.js';
import { CreatorLevelCount, VerticalPayload, VerticalType } from './vertical.types.js';

defineNode({
  typeName: 'Vertical',
  entity: Vertical,
  load: ({ em }, id) => em.findOne(Vertical, id),
});

@Resolver(() => VerticalType)
export class VerticalResolver {
  @Query(() => [VerticalType], { description: 'The top-level verticals by name; each lists its children. Public.' })
  verticals(@Ctx() { em, services }: RequestContext): Promise<Vertical[]> {
    return services.verticals.topLevel(em);
  }

  @Query(() => VerticalType, { nullable: true, description: 'The vertical with this slug, or null when there is none. Public.' })
  vertical(@Arg('slug', () => String, { description: 'E.g. `beauty` or `beauty.functional-skincare`.' }) slug: string, @Ctx() { em, services }: RequestContext) {
    return services.verticals.bySlug(em, slug);
  }

  @FieldResolver(() => VerticalType, { nullable: true, description: 'The top-level vertical this one belongs to; null for a top-level vertical.' })
  async parent(@Root() vertical: Vertical): Promise<Vertical | null> {
    return (await vertical.parent?.load()) ?? null;
  }

  @FieldResolver(() => [VerticalType], { description: 'The verticals within this one, by name; empty for a child vertical.' })
  children(@Root() vertical: Vertical): Promise<Vertical[]> {
    return vertical.children.loadItems();
  }

  @FieldResolver(() => Boolean, { description: 'Whether this vertical has no parent.' })
  isTopLevel(@Root() vertical: Vertical): boolean {
    return !vertical.parent;
  }

  @FieldResolver(() => [CreatorLevelCount], {
    description:
      'How many creators work in this vertical, per credibility level from L1 to L5 (every level listed, zeros included). A top-level vertical also counts the creators of its children, each creator once.',
  })
  async creatorCounts(@Root() vertical: Vertical, @Ctx() context: RequestContext): Promise<CreatorLevelCount[]> {
    const counts = await loader(
      context,
      'vertical.creatorCounts',
      ({ em, services }) => new DataLoader<string, LevelCount[]>((ids) => services.verticals.creatorCountsByVertical(em, ids)),
    ).load(vertical.id);
    return counts.map(({ level, count }) => ({ level: credibilityLevelName(level), count }));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => VerticalPayload, { description: 'Adds a vertical to the taxonomy (two levels at most). Admins only.' })
  verticalCreate(@Arg('input', () => VerticalCreateInput, { description: 'The new vertical.' }) input: VerticalCreateInput, @Ctx() context: RequestContext) {
    return mutate(context, (tx) => context.services.verticals.create(tx, input));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => VerticalPayload, { description: "Renames or re-describes a vertical; its slug stays. Admins only." })
  verticalUpdate(
    @Arg('id', () => ID, { description: 'The vertical to change.' }) id: string,
    @Arg('input', () => VerticalUpdateInput, { description: 'The changes.' }) input: VerticalUpdateInput,
    @Ctx() context: RequestContext,
  ) {
    return mutate(context, (tx) => context.services.verticals.update(tx, idOfType(id, 'Vertical'), input));
  }
}

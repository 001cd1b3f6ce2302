import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../graphql/context.js';
import { PageArgs, pageRequest, toConnection, withCursorCheck } from '../graphql/connection.js';
import { idOfType } from '../graphql/global-id.js';
import { mutate } from '../graphql/mutation.js';
import { defineNode } from '../graphql/node.js';
import { Vertical } from '../vertical/vertical.entity.js';
import { VerticalType } from '../vertical/vertical.types.js';
import { Brand } from './brand.entity.js';
import { BrandType } from './brand.types.js';
import { ProductCreateInput, ProductFilter, ProductUpdateInput } from './product.inputs.js';
import { ProductConnection, ProductPayload, ProductType } from './product.types.js';
import { Product } from './product.entity.js';

defineNode({
  typeName: 'Product',
  entity: Product,
  load: ({ em }, id) => em.findOne(Product, id),
});

@Resolver(() => ProductType)
export class ProductResolver {
  @Query(() => ProductConnection, { description: 'Products, newest first. Public.' })
  async products(
    @Arg('filter', () => ProductFilter, { nullable: true, description: 'Conditions the products must meet; all of them when omitted.' }) filter: ProductFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { em, services }: RequestContext,
  ) {
    const criteria = {
      ...(filter?.brandId != null ? { brandId: idOfType(filter.brandId, 'Brand') } : {}),
      verticalSlug: filter?.verticalSlug ?? null,
      nicheTag: filter?.nicheTag ?? null,
    };
    return toConnection(await withCursorCheck(() => services.products.list(em, criteria, pageRequest(page))));
  }

  @FieldResolver(() => BrandType, { description: 'The brand that owns the product.' })
  brand(@Root() product: Product): Promise<Brand> {
    return product.brand.loadOrFail();
  }

  @FieldResolver(() => VerticalType, { description: 'The vertical the product belongs to.' })
  vertical(@Root() product: Product): Promise<Vertical> {
    return product.vertical.loadOrFail();
  }

  @Authorized()
  @Mutation(() => ProductPayload, { description: 'Adds a product to a brand. Members of that brand only.' })
  productCreate(@Arg('input', () => ProductCreateInput, { description: 'The new product.' }) input: ProductCreateInput, @Ctx() context: RequestContext) {
    return mutate(context, (tx) => context.services.products.create(tx, idOfType(input.brandId, 'Brand'), input));
  }

  @Authorized()
  @Mutation(() => ProductPayload, { description: 'Changes a product. Members of its brand only.' })
  productUpdate(
    @Arg('id', () => ID, { description: 'The product to change.' }) id: string,
    @Arg('input', () => ProductUpdateInput, { description: 'The changes.' }) input: ProductUpdateInput,
    @Ctx() context: RequestContext,
  ) {
    return mutate(context, (tx) => context.services.products.update(tx, idOfType(id, 'Product'), input));
  }
}

import { Field, ObjectType } from 'type-graphql';
import { Node } from '../graphql/node.js';

@ObjectType('Brand', { implements: Node, description: 'A merchant that owns products and posts briefs. Public profile.' })
export class BrandType extends Node {
  @Field({ description: 'Brand name.' })
  name!: string;

  @Field({ description: 'What the brand sells.' })
  description!: string;
}

@ObjectType('Product', { implements: Node, description: 'A product a brand wants promoted. Public.' })
export class ProductType extends Node {
  @Field({ description: 'Product name.' })
  name!: string;
}

import { Field, ObjectType } from 'type-graphql';
import { CredentialType } from '../credential/credential-type.js';
// Registers the CredentialType enum.
import '../credential/credential.types.js';
import { UserError } from '../graphql/common-types.js';
import { connectionType } from '../graphql/connection.js';
import { Node } from '../graphql/node.js';

@ObjectType('Product', { implements: Node, description: 'A product a brand wants promoted. Public.' })
export class ProductType extends Node {
  @Field({ description: 'Product name.' })
  name!: string;

  @Field({ description: 'What the product is and does.' })
  description!: string;

  @Field(() => [String], { description: 'Normalised niche tags, e.g. `hyaluronic-acid`, `dha`.' })
  nicheTags!: string[];

  @Field(() => [CredentialType], {
    description: 'Credentials the product’s claims require of whoever promotes it; only creators holding them verified may be matched.',
  })
  requiredCredentials!: CredentialType[];

  @Field({ description: 'When the product was added.' })
  createdAt!: Date;

  @Field({ description: 'When the product was last changed.' })
  updatedAt!: Date;
}

export const ProductConnection = connectionType(ProductType, 'Product');

@ObjectType({ description: 'Result of productCreate or productUpdate.' })
export class ProductPayload {
  @Field(() => ProductType, { nullable: true, description: 'The product as saved; null when refused.' })
  product?: ProductType;

  @Field(() => [UserError], { description: 'Why the request was refused; empty on success.' })
  userErrors!: UserError[];
}

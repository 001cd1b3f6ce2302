import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { CredentialType } from '../credential/credential-type.js';
import '../credential/credential.types.js';
import { UserError } from '../graphql/common-types.js';
import { connectionType } from '../graphql/connection.js';
import { Node } from '../graphql/node.js';
import { MemberRole } from './brand.entity.js';

registerEnumType(MemberRole, {
  name: 'MemberRole',
  description: "A person's role in a brand or agency.",
  valuesConfig: {
    OWNER: { description: 'Manages members as well as everything a member does.' },
    MEMBER: { description: "Acts for the organisation: edits its profile and products, posts and reviews." },
  },
});

@ObjectType('Brand', { implements: Node, description: 'A merchant that owns products and posts briefs. Public profile.' })
export class BrandType extends Node {
  @Field({ description: 'Brand name.' })
  name!: string;

  @Field({ description: 'What the brand sells.' })
  description!: string;

  @Field(() => String, { nullable: true, description: 'The brand’s website, an http or https URL.' })
  websiteUrl!: string | null;

  @Field({ description: 'When the brand joined the marketplace.' })
  createdAt!: Date;
}

@ObjectType('BrandMember', { description: 'A person acting for a brand, as its members and admins see them.' })
export class BrandMemberType {
  @Field({ description: 'Name the person shows to other users.' })
  displayName!: string;

  @Field(() => MemberRole, { description: 'What the person may do for the brand.' })
  role!: MemberRole;

  @Field({ description: 'When the person joined the brand.' })
  joinedAt!: Date;
}

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

export const BrandConnection = connectionType(BrandType, 'Brand');
export const ProductConnection = connectionType(ProductType, 'Product');

@InputType({ description: 'A new brand; whoever creates it becomes its first owner.' })
export class BrandCreateInput {
  @Field({ description: 'Brand name, 1 to 120 characters.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'What the brand sells, at most 5000 characters.' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'An http or https URL of at most 500 characters.' })
  websiteUrl?: string | null;
}

@InputType({ description: 'Changes to a brand; omitted fields stay as they are.' })
export class BrandUpdateInput {
  @Field(() => String, { nullable: true, description: 'New name, 1 to 120 characters.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'New description, at most 5000 characters.' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'New website (http or https, at most 500 characters); null or "" removes it.' })
  websiteUrl?: string | null;
}

@ObjectType({ description: 'Result of brandCreate, brandUpdate or brandMemberRemove.' })
export class BrandPayload {
  @Field(() => BrandType, { nullable: true, description: 'The brand as saved; null when refused.' })
  brand?: BrandType;

  @Field(() => [UserError], { description: 'Why the request was refused; empty on success.' })
  userErrors!: UserError[];
}

@InputType({ description: 'Which products to list; all given conditions must hold.' })
export class ProductFilter {
  @Field(() => ID, { nullable: true, description: 'Only this brand’s products.' })
  brandId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only products in this vertical; a top-level vertical includes its children.' })
  verticalSlug?: string | null;

  @Field(() => String, { nullable: true, description: 'Only products with this niche tag (compared after normalising, so "Hyaluronic Acid" finds `hyaluronic-acid`).' })
  nicheTag?: string | null;
}

@InputType({ description: 'A new product of a brand.' })
export class ProductCreateInput {
  @Field(() => ID, { description: 'The brand that owns the product; you must be its member.' })
  brandId!: string;

  @Field({ description: 'Product name, 1 to 160 characters.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'What the product is and does, at most 5000 characters.' })
  description?: string | null;

  @Field({ description: 'Slug of the product’s vertical, e.g. `beauty.functional-skincare`.' })
  verticalSlug!: string;

  @Field(() => [String], { nullable: true, description: 'Niche tags (at most 20); normalised to lower case with hyphens.' })
  nicheTags?: string[] | null;

  @Field(() => [CredentialType], { nullable: true, description: 'Credentials the product’s claims require of whoever promotes it.' })
  requiredCredentials?: CredentialType[] | null;
}

@InputType({ description: 'Changes to a product; omitted fields stay as they are. The brand never changes.' })
export class ProductUpdateInput {
  @Field(() => String, { nullable: true, description: 'New name, 1 to 160 characters.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'New description, at most 5000 characters.' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Slug of the new vertical.' })
  verticalSlug?: string | null;

  @Field(() => [String], { nullable: true, description: 'Replaces the niche tags (at most 20).' })
  nicheTags?: string[] | null;

  @Field(() => [CredentialType], { nullable: true, description: 'Replaces the required credentials.' })
  requiredCredentials?: CredentialType[] | null;
}

@ObjectType({ description: 'Result of productCreate or productUpdate.' })
export class ProductPayload {
  @Field(() => ProductType, { nullable: true, description: 'The product as saved; null when refused.' })
  product?: ProductType;

  @Field(() => [UserError], { description: 'Why the request was refused; empty on success.' })
  userErrors!: UserError[];
}

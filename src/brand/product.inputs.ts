// Services load this file outside the schema build too (the CLI, seeds, tests), and its input
// classes' decorators need the metadata polyfill loaded first.
import 'reflect-metadata';
import { Field, ID, InputType } from 'type-graphql';
import { z } from 'zod';
import { values } from '../common/enums.js';
import { nicheTagsSchema } from '../common/niche-tags.js';
import { CredentialType } from '../credential/credential-type.js';

const MAX_DESCRIPTION_LENGTH = 5000;

const nameSchema = z.string().trim().min(1, 'Product names need 1 to 160 characters.').max(160, 'Product names need 1 to 160 characters.');
const descriptionSchema = z.string().trim().max(MAX_DESCRIPTION_LENGTH, `Descriptions have at most ${MAX_DESCRIPTION_LENGTH} characters.`);
const requiredCredentialsSchema = z
  .array(z.enum(values(CredentialType)))
  .transform((types) => [...new Set(types)].sort());

export const productCreateSchema = z.object({
  name: nameSchema,
  description: descriptionSchema.nullish().transform((value) => value ?? ''),
  verticalSlug: z.string().trim(),
  nicheTags: nicheTagsSchema.nullish().transform((value) => value ?? []),
  requiredCredentials: requiredCredentialsSchema.nullish().transform((value) => value ?? []),
});

export const productUpdateSchema = z.object({
  name: nameSchema.nullish(),
  description: descriptionSchema.nullish(),
  verticalSlug: z.string().trim().nullish(),
  nicheTags: nicheTagsSchema.nullish(),
  requiredCredentials: requiredCredentialsSchema.nullish(),
});

export type ProductCreateValues = z.input<typeof productCreateSchema>;
export type ProductUpdateValues = z.input<typeof productUpdateSchema>;

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

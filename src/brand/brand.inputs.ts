// Services load this file outside the schema build too (the CLI, seeds, tests), and its input
// classes' decorators need the metadata polyfill loaded first.
import 'reflect-metadata';
import { Field, InputType } from 'type-graphql';
import { z } from 'zod';

const MAX_DESCRIPTION_LENGTH = 5000;

const nameSchema = z.string().trim().min(1, 'Brand names need 1 to 120 characters.').max(120, 'Brand names need 1 to 120 characters.');
const descriptionSchema = z.string().trim().max(MAX_DESCRIPTION_LENGTH, `Descriptions have at most ${MAX_DESCRIPTION_LENGTH} characters.`);
/** Blank means "no website". */
const websiteUrlSchema = z
  .string()
  .trim()
  .transform((value) => value || null)
  .pipe(z.httpUrl('Enter an http or https address, like https://example.com.').max(500, 'Website addresses have at most 500 characters.').nullable());

export const brandCreateSchema = z.object({
  name: nameSchema,
  description: descriptionSchema.nullish().transform((value) => value ?? ''),
  websiteUrl: websiteUrlSchema.nullish().transform((value) => value ?? null),
});

export const brandUpdateSchema = z.object({
  name: nameSchema.nullish(),
  description: descriptionSchema.nullish(),
  /** Null or blank removes the website; undefined leaves it. */
  websiteUrl: websiteUrlSchema.nullish(),
});

export type BrandCreateValues = z.input<typeof brandCreateSchema>;
export type BrandUpdateValues = z.input<typeof brandUpdateSchema>;

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

// Services load this file outside the schema build too (the CLI, seeds, tests), and its input
// classes' decorators need the metadata polyfill loaded first.
import 'reflect-metadata';
import { Field, InputType } from 'type-graphql';
import { z } from 'zod';
import { MAX_VERTICAL_SLUG_LENGTH, VERTICAL_SLUG_FORMAT } from './vertical-slug.js';

const MAX_DESCRIPTION_LENGTH = 2000;

const nameSchema = z.string().trim().min(1, 'Names need 1 to 120 characters.').max(120, 'Names need 1 to 120 characters.');
const descriptionSchema = z.string().trim().max(MAX_DESCRIPTION_LENGTH, `Descriptions have at most ${MAX_DESCRIPTION_LENGTH} characters.`);

export const verticalCreateSchema = z.object({
  slug: z
    .string()
    .trim()
    .max(MAX_VERTICAL_SLUG_LENGTH, `Slugs have at most ${MAX_VERTICAL_SLUG_LENGTH} characters.`)
    .regex(VERTICAL_SLUG_FORMAT, "Use lower-case letters, digits and single hyphens, in segments joined by '.', e.g. `pets.cat-food`."),
  name: nameSchema,
  description: descriptionSchema.nullish().transform((value) => value ?? ''),
  parentSlug: z
    .string()
    .trim()
    .nullish()
    .transform((value) => value || null),
});

export const verticalUpdateSchema = z.object({
  name: nameSchema.nullish(),
  description: descriptionSchema.nullish(),
});

export type VerticalCreateValues = z.input<typeof verticalCreateSchema>;
export type VerticalUpdateValues = z.input<typeof verticalUpdateSchema>;

@InputType({ description: 'A new vertical. Top-level slugs are one segment (`pets`); a child slug is its parent slug, a dot and one segment (`pets.cat-food`).' })
export class VerticalCreateInput {
  @Field({ description: 'Lower-case letters, digits and single hyphens; a child starts with `<parentSlug>.`. At most 80 characters.' })
  slug!: string;

  @Field({ description: 'Display name, 1 to 120 characters.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'What belongs in this vertical, at most 2000 characters.' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Slug of the top-level vertical this one belongs to; omit for a top-level vertical.' })
  parentSlug?: string | null;
}

@InputType({ description: 'Changes to a vertical; omitted fields stay as they are. The slug never changes, because creators and filters store it.' })
export class VerticalUpdateInput {
  @Field(() => String, { nullable: true, description: 'New display name, 1 to 120 characters.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'New description, at most 2000 characters.' })
  description?: string | null;
}

// Services load this file outside the schema build too (the CLI, seeds, tests), and its input
// classes' decorators need the metadata polyfill loaded first.
import 'reflect-metadata';
import { Field, InputType, Int } from 'type-graphql';
import { z } from 'zod';
import { basisPointsSchema } from '../common/money.js';

const MAX_DESCRIPTION_LENGTH = 5000;

const nameSchema = z.string().trim().min(1, 'Agency names need 1 to 120 characters.').max(120, 'Agency names need 1 to 120 characters.');
const descriptionSchema = z.string().trim().max(MAX_DESCRIPTION_LENGTH, `Descriptions have at most ${MAX_DESCRIPTION_LENGTH} characters.`);

export const agencyCreateSchema = z.object({
  name: nameSchema,
  description: descriptionSchema.nullish().transform((value) => value ?? ''),
  // Left out, the column default applies.
  defaultShareBp: basisPointsSchema.nullish().transform((value) => value ?? undefined),
});

export const agencyUpdateSchema = z.object({
  name: nameSchema.nullish(),
  description: descriptionSchema.nullish(),
  defaultShareBp: basisPointsSchema.nullish(),
});

export type AgencyCreateValues = z.input<typeof agencyCreateSchema>;
export type AgencyUpdateValues = z.input<typeof agencyUpdateSchema>;

@InputType({ description: 'A new agency; whoever creates it becomes its first owner.' })
export class AgencyCreateInput {
  @Field({ description: 'Agency name, 1 to 120 characters.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'What the agency does, at most 5000 characters. Default: empty.' })
  description?: string | null;

  @Field(() => Int, { nullable: true, description: 'The usual share of what the roster earns, 0 to 10000 basis points. Default: 1500.' })
  defaultShareBp?: number | null;
}

@InputType({ description: 'Changes to an agency; omitted fields stay as they are.' })
export class AgencyUpdateInput {
  @Field(() => String, { nullable: true, description: 'New name, 1 to 120 characters.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'New description, at most 5000 characters.' })
  description?: string | null;

  @Field(() => Int, { nullable: true, description: 'New usual share, 0 to 10000 basis points; memberships already offered keep theirs.' })
  defaultShareBp?: number | null;
}

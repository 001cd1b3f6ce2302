// Services load this file outside the schema build too (the CLI, seeds, tests), and its input
// classes' decorators need the metadata polyfill loaded first.
import 'reflect-metadata';
import { Field, InputType, Int } from 'type-graphql';
import { z } from 'zod';
import { Platform } from '../common/enums.js';
import { basisPointsSchema, moneySchema } from '../common/money.js';
import { CredibilityLevel } from '../credibility/credibility.types.js';
import { MoneyInput } from '../graphql/common-types.js';
import { TraderCapability } from './trader.entity.js';

export const MAX_TRADER_VERTICALS = 10;
const MAX_BIO_LENGTH = 2000;
const DEFAULT_CAPACITY = 2;

const unique = <T>(values: T[]): T[] => [...new Set(values)];

const displayName = z.string().trim().min(1, 'Display names need 1 to 120 characters.').max(120, 'Display names need 1 to 120 characters.');
const bio = z.string().trim().max(MAX_BIO_LENGTH, `Bios have at most ${MAX_BIO_LENGTH} characters.`);
const capabilities = z.array(z.enum(TraderCapability)).min(1, 'Choose at least one capability.').transform(unique);
const verticalSlugs = z
  .array(z.string().trim())
  .transform(unique)
  .pipe(z.array(z.string()).max(MAX_TRADER_VERTICALS, `Choose at most ${MAX_TRADER_VERTICALS} verticals.`));
const platforms = z.array(z.enum(Platform)).transform(unique);
const capacity = z.number().int('must be a whole number').min(1, 'Capacity is 1 to 100 deals.').max(100, 'Capacity is 1 to 100 deals.');
const rate = z.object({ minFixedFee: moneySchema, minCommissionBp: basisPointsSchema });

export const traderProfileCreateSchema = z.object({
  displayName,
  bio: bio.nullish().transform((value) => value ?? ''),
  capabilities,
  verticalSlugs: verticalSlugs.nullish().transform((value) => value ?? []),
  platforms: platforms.nullish().transform((value) => value ?? []),
  capacity: capacity.nullish().transform((value) => value ?? DEFAULT_CAPACITY),
  rate,
});

export const traderProfileUpdateSchema = z.object({
  displayName: displayName.nullish(),
  bio: bio.nullish(),
  capabilities: capabilities.nullish(),
  verticalSlugs: verticalSlugs.nullish(),
  platforms: platforms.nullish(),
  capacity: capacity.nullish(),
  rate: rate.nullish(),
});

export type TraderProfileCreateValues = z.input<typeof traderProfileCreateSchema>;
export type TraderProfileUpdateValues = z.input<typeof traderProfileUpdateSchema>;
type TraderRate = z.output<typeof rate>;

/** The entity columns a rate card is stored in. */
export function rateColumns({ minFixedFee, minCommissionBp }: TraderRate) {
  return { minFixedFee: minFixedFee.amount, rateCurrency: minFixedFee.currency, minCommissionBp };
}

@InputType({ description: 'The least an operator accepts for running one broadcast.' })
export class TraderRateInput {
  @Field(() => MoneyInput, { description: 'Lowest fixed service fee per broadcast; its currency is the rate card’s currency.' })
  minFixedFee!: MoneyInput;

  @Field(() => Int, { description: 'Lowest commission on net GMV, 0 to 10000 basis points.' })
  minCommissionBp!: number;
}

@InputType({ description: 'A new operator profile for the signed-in account.' })
export class TraderProfileCreateInput {
  @Field({ description: 'Name shown on the marketplace, 1 to 120 characters.' })
  displayName!: string;

  @Field(() => String, { nullable: true, description: 'What the operator offers, up to 2000 characters. Default: empty.' })
  bio?: string | null;

  @Field(() => [TraderCapability], { description: 'Parts of a broadcast the operator runs; at least one.' })
  capabilities!: TraderCapability[];

  @Field(() => [String], { nullable: true, description: 'Slugs of the verticals the operator works in. Default: none.' })
  verticalSlugs?: string[] | null;

  @Field(() => [Platform], { nullable: true, description: 'Platforms whose live rooms the operator has run. Default: none.' })
  platforms?: Platform[] | null;

  @Field(() => Int, { nullable: true, description: 'Deals taken on at once, 1 to 100. Default: 2.' })
  capacity?: number | null;

  @Field(() => TraderRateInput, { description: 'The least the operator accepts per broadcast.' })
  rate!: TraderRateInput;
}

@InputType({ description: 'Changes to an operator profile; omitted fields stay as they are.' })
export class TraderProfileUpdateInput {
  @Field(() => String, { nullable: true, description: 'Name shown on the marketplace, 1 to 120 characters.' })
  displayName?: string | null;

  @Field(() => String, { nullable: true, description: 'What the operator offers, up to 2000 characters.' })
  bio?: string | null;

  @Field(() => [TraderCapability], { nullable: true, description: 'Parts of a broadcast the operator runs; at least one.' })
  capabilities?: TraderCapability[] | null;

  @Field(() => [String], { nullable: true, description: 'Slugs of the verticals the operator works in; replaces the list.' })
  verticalSlugs?: string[] | null;

  @Field(() => [Platform], { nullable: true, description: 'Platforms whose live rooms the operator has run; replaces the list.' })
  platforms?: Platform[] | null;

  @Field(() => Int, { nullable: true, description: 'Deals taken on at once, 1 to 100.' })
  capacity?: number | null;

  @Field(() => TraderRateInput, { nullable: true, description: 'The least the operator accepts per broadcast.' })
  rate?: TraderRateInput | null;
}

@InputType({ description: 'Narrows an operator search; every condition given must hold.' })
export class TraderFilter {
  @Field(() => String, { nullable: true, description: 'Operators in this vertical; a top-level vertical includes its children.' })
  verticalSlug?: string | null;

  @Field(() => TraderCapability, { nullable: true, description: 'Operators who run this part of a broadcast.' })
  capability?: TraderCapability | null;

  @Field(() => Platform, { nullable: true, description: 'Operators who have run live rooms on this platform.' })
  platform?: Platform | null;

  @Field(() => CredibilityLevel, { nullable: true, description: 'At least this credibility level.' })
  minLevel?: CredibilityLevel | null;
}

import { z } from 'zod';
import { Platform } from '../common/enums.js';
import { basisPointsSchema, moneySchema } from '../common/money.js';
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

export type TraderProfileCreateInput = z.input<typeof traderProfileCreateSchema>;
export type TraderProfileUpdateInput = z.input<typeof traderProfileUpdateSchema>;
type TraderRate = z.output<typeof rate>;

/** The entity columns a rate card is stored in. */
export function rateColumns({ minFixedFee, minCommissionBp }: TraderRate) {
  return { minFixedFee: minFixedFee.amount, rateCurrency: minFixedFee.currency, minCommissionBp };
}

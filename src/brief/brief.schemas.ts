import { z } from 'zod';
import { ContentFormat, Platform, values } from '../common/enums.js';
import { CurrencyCode, MAX_MONEY_AMOUNT } from '../common/money.js';
import { ProblemCode } from '../common/problems.js';
import { AgeBand } from '../creator/audience.js';
import { CredentialType } from '../credential/credential-type.js';
import { TraderCapability } from '../trader/trader.entity.js';
import { BiddingMode, BriefObjective, BriefVisibility, DealStructure, GmvGuaranteePreference, TargetGender } from './brief.entity.js';

export const MAX_TITLE_LENGTH = 160;
export const MAX_DESCRIPTION_LENGTH = 10_000;
export const MAX_PRODUCTS_PER_BRIEF = 20;
export const MAX_SLOTS = 100;
export const MAX_REGIONS = 30;
const MAX_REGION_LENGTH = 60;
/** A brief may run for at most a year; anything longer is almost certainly a typo in the year. */
export const MAX_DEADLINE_AHEAD_MS = 366 * 24 * 60 * 60 * 1000;

/** Why a deadline is not acceptable at `now`, or null when it is. */
export function deadlineProblem(deadline: Date, now: Date): { code: ProblemCode; message: string } | null {
  if (deadline.getTime() <= now.getTime()) {
    return { code: ProblemCode.DEADLINE_IN_PAST, message: 'The deadline has already passed; choose a moment in the future.' };
  }
  if (deadline.getTime() - now.getTime() > MAX_DEADLINE_AHEAD_MS) {
    return { code: ProblemCode.OUT_OF_RANGE, message: 'The deadline may be at most a year ahead.' };
  }
  return null;
}

const deadlineSchema = (now: Date) =>
  z.date().superRefine((deadline, context) => {
    const problem = deadlineProblem(deadline, now);
    if (problem) context.addIssue({ code: 'custom', message: problem.message, params: { code: problem.code } });
  });

/** A set of choices: at least one, each once, in a stable order. */
const choices = <T extends string>(options: readonly T[], what: string) =>
  z
    .array(z.enum(options as [T, ...T[]]))
    .min(1, `Choose at least one ${what}.`)
    .transform((list) => [...new Set(list)].sort());

const optionalChoices = <T extends string>(options: readonly T[]) =>
  z.array(z.enum(options as [T, ...T[]])).transform((list) => [...new Set(list)].sort());

const titleSchema = z
  .string()
  .trim()
  .min(1, `Titles need 1 to ${MAX_TITLE_LENGTH} characters.`)
  .max(MAX_TITLE_LENGTH, `Titles need 1 to ${MAX_TITLE_LENGTH} characters.`);
const descriptionSchema = z.string().trim().max(MAX_DESCRIPTION_LENGTH, `Descriptions have at most ${MAX_DESCRIPTION_LENGTH} characters.`);

/** A budget is a real amount of money: more than nothing, at most the marketplace's ceiling. */
export const budgetSchema = z.object({
  amount: z
    .number()
    .int('must be a whole number of minor units')
    .min(1, 'A budget must be more than 0.')
    .max(MAX_MONEY_AMOUNT, `A budget may be at most ${MAX_MONEY_AMOUNT} minor units.`),
  currency: z.enum(CurrencyCode),
});

/** Product ids as decoded by the API: null where the given id names no product. */
const productIdsSchema = z
  .array(z.string().nullable())
  .min(1, 'Choose at least one of the brand’s products.')
  .max(MAX_PRODUCTS_PER_BRIEF, `A brief covers at most ${MAX_PRODUCTS_PER_BRIEF} products.`);

const regionsSchema = z
  .array(
    z
      .string()
      .trim()
      .min(1, 'Regions must not be empty.')
      .max(MAX_REGION_LENGTH, `Regions have at most ${MAX_REGION_LENGTH} characters.`),
  )
  .max(MAX_REGIONS, `At most ${MAX_REGIONS} regions.`)
  .transform((regions) => [...new Set(regions)]);

const targetAudienceSchema = z.object({
  gender: z.enum(TargetGender).nullish(),
  ageBands: optionalChoices(values(AgeBand)).nullish(),
  regions: regionsSchema.nullish(),
});

const slotsSchema = z.number().int().min(1, `Slots are 1 to ${MAX_SLOTS}.`).max(MAX_SLOTS, `Slots are 1 to ${MAX_SLOTS}.`);
const levelSchema = z.number().int().min(1).max(5);

export function briefCreateSchema(now: Date) {
  return z.object({
    title: titleSchema,
    description: descriptionSchema.nullish().transform((value) => value ?? ''),
    objective: z.enum(BriefObjective),
    productIds: productIdsSchema,
    formats: choices(values(ContentFormat), 'format'),
    platforms: choices(values(Platform), 'platform'),
    targetAudience: targetAudienceSchema.nullish().transform((value) => ({
      gender: value?.gender ?? TargetGender.ANY,
      ageBands: value?.ageBands ?? [],
      regions: value?.regions ?? [],
    })),
    requiredCredentials: optionalChoices(values(CredentialType))
      .nullish()
      .transform((value) => value ?? []),
    requiredCapabilities: optionalChoices(values(TraderCapability))
      .nullish()
      .transform((value) => value ?? []),
    minCredibilityLevel: levelSchema.nullish().transform((value) => value ?? 1),
    budget: budgetSchema,
    preferredStructures: choices(values(DealStructure), 'deal structure'),
    gmvGuarantee: z
      .enum(GmvGuaranteePreference)
      .nullish()
      .transform((value) => value ?? GmvGuaranteePreference.WELCOME),
    slots: slotsSchema,
    biddingMode: z
      .enum(BiddingMode)
      .nullish()
      .transform((value) => value ?? BiddingMode.OPEN),
    visibility: z
      .enum(BriefVisibility)
      .nullish()
      .transform((value) => value ?? BriefVisibility.PUBLIC),
    deadline: deadlineSchema(now),
  });
}
export type BriefCreateData = z.infer<ReturnType<typeof briefCreateSchema>>;

/** Every field optional: null or absent leaves it as it is. */
export function briefUpdateSchema(now: Date) {
  return z.object({
    title: titleSchema.nullish(),
    description: descriptionSchema.nullish(),
    objective: z.enum(BriefObjective).nullish(),
    productIds: productIdsSchema.nullish(),
    formats: choices(values(ContentFormat), 'format').nullish(),
    platforms: choices(values(Platform), 'platform').nullish(),
    targetAudience: targetAudienceSchema.nullish(),
    requiredCredentials: optionalChoices(values(CredentialType)).nullish(),
    requiredCapabilities: optionalChoices(values(TraderCapability)).nullish(),
    minCredibilityLevel: levelSchema.nullish(),
    budget: budgetSchema.nullish(),
    preferredStructures: choices(values(DealStructure), 'deal structure').nullish(),
    gmvGuarantee: z.enum(GmvGuaranteePreference).nullish(),
    slots: slotsSchema.nullish(),
    biddingMode: z.enum(BiddingMode).nullish(),
    visibility: z.enum(BriefVisibility).nullish(),
    deadline: deadlineSchema(now).nullish(),
  });
}
export type BriefUpdateData = z.infer<ReturnType<typeof briefUpdateSchema>>;

/** Invitees as decoded by the API: null where the given id names nobody of that kind. */
export const invitationTargetsSchema = z
  .object({
    creatorIds: z.array(z.string().nullable()).max(100, 'At most 100 creators at a time.').nullish(),
    traderIds: z.array(z.string().nullable()).max(100, 'At most 100 operators at a time.').nullish(),
    agencyIds: z.array(z.string().nullable()).max(100, 'At most 100 agencies at a time.').nullish(),
  })
  .transform((targets) => ({
    creatorIds: targets.creatorIds ?? [],
    traderIds: targets.traderIds ?? [],
    agencyIds: targets.agencyIds ?? [],
  }))
  .refine((targets) => targets.creatorIds.length + targets.traderIds.length + targets.agencyIds.length > 0, {
    message: 'Invite at least one creator, operator or agency.',
  });

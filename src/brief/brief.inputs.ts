// Services load this file outside the schema build too (the CLI, seeds, tests), and its input
// classes' decorators need the metadata polyfill loaded first.
import 'reflect-metadata';
import { Field, ID, InputType, Int } from 'type-graphql';
import { z } from 'zod';
import { ContentFormat, Platform, values } from '../common/enums.js';
import { CurrencyCode, MAX_MONEY_AMOUNT } from '../common/money.js';
import { ProblemCode } from '../common/problems.js';
import { AgeBand } from '../creator/audience.js';
// Registers the AgeBand enum these inputs use.
import '../creator/creator.types.js';
import { CredentialType } from '../credential/credential-type.js';
import '../credential/credential.types.js';
import { CredibilityLevel } from '../credibility/credibility.types.js';
import { MoneyInput } from '../graphql/common-types.js';
import { TraderCapability } from '../trader/trader.entity.js';
// Registers the TraderCapability enum these inputs use.
import '../trader/trader.types.js';
import { BiddingMode, BriefObjective, BriefStatus, BriefVisibility, DealStructure, GmvGuaranteePreference, TargetGender } from './brief.entity.js';
import { BriefProblem } from './brief.problems.js';

/*
 * What clients send to the brief operations: the GraphQL input types, and the zod schemas the
 * service validates them with (`parseInput`), so every rule on a brief's fields sits here.
 */

export const MAX_TITLE_LENGTH = 160;
export const MAX_DESCRIPTION_LENGTH = 10_000;
export const MAX_PRODUCTS_PER_BRIEF = 20;
export const MAX_SLOTS = 100;
export const MAX_REGIONS = 30;
const MAX_REGION_LENGTH = 60;
/** A brief may run for at most a year; anything longer is almost certainly a typo in the year. */
export const MAX_DEADLINE_AHEAD_MS = 366 * 24 * 60 * 60 * 1000;

/** Why a deadline is not acceptable at `now`, or null when it is. */
export function deadlineProblem(deadline: Date, now: Date): { code: string; message: string } | null {
  if (deadline.getTime() <= now.getTime()) {
    return { code: BriefProblem.DEADLINE_IN_PAST, message: 'The deadline has already passed; choose a moment in the future.' };
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

@InputType({ description: 'The audience a brief wants to reach; omitted fields mean no preference.' })
export class TargetAudienceInput {
  @Field(() => TargetGender, { nullable: true, description: 'Default: ANY.' })
  gender?: TargetGender | null;

  @Field(() => [AgeBand], { nullable: true, description: 'Age bands wanted. Default: any age.' })
  ageBands?: AgeBand[] | null;

  @Field(() => [String], { nullable: true, description: 'Provinces or cities wanted (at most 30, each up to 60 characters). Default: anywhere.' })
  regions?: string[] | null;
}

@InputType({ description: 'A new brief; it starts as a DRAFT that only the brand’s members see.' })
export class BriefCreateInput {
  @Field(() => ID, { description: 'The brand posting the brief; you must be its member.' })
  brandId!: string;

  @Field({ description: 'Short title, 1 to 160 characters.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'What the brand wants, up to 10000 characters. Default: empty.' })
  description?: string | null;

  @Field(() => BriefObjective, { description: 'What the brand wants from the brief.' })
  objective!: BriefObjective;

  @Field(() => [ID], { description: 'One to 20 of the brand’s own products.' })
  productIds!: string[];

  @Field(() => [ContentFormat], { description: 'Formats wanted; at least one.' })
  formats!: ContentFormat[];

  @Field(() => [Platform], { description: 'Platforms the work runs on; at least one.' })
  platforms!: Platform[];

  @Field(() => TargetAudienceInput, { nullable: true, description: 'The audience to reach. Default: anyone.' })
  targetAudience?: TargetAudienceInput | null;

  @Field(() => [CredentialType], {
    nullable: true,
    description: 'Credentials bidders must hold verified, besides those the products require. Default: none.',
  })
  requiredCredentials?: CredentialType[] | null;

  @Field(() => [TraderCapability], {
    nullable: true,
    description:
      'For an OPERATED_SELF_BROADCAST brief only: what its operator must run; matching ranks operators by how many they cover. Default: none, meaning the whole broadcast end to end.',
  })
  requiredCapabilities?: TraderCapability[] | null;

  @Field(() => CredibilityLevel, { nullable: true, description: 'The lowest credibility level a bidder may have. Default: L1.' })
  minCredibilityLevel?: CredibilityLevel | null;

  @Field(() => MoneyInput, { description: 'What the brand means to spend in all: more than 0.' })
  budget!: MoneyInput;

  @Field(() => [DealStructure], { description: 'How the brand prefers to pay; at least one.' })
  preferredStructures!: DealStructure[];

  @Field(() => GmvGuaranteePreference, { nullable: true, description: 'Whether bidders should guarantee GMV. Default: WELCOME.' })
  gmvGuarantee?: GmvGuaranteePreference | null;

  @Field(() => Int, { description: 'How many creators or operators to hire, 1 to 100.' })
  slots!: number;

  @Field(() => BiddingMode, { nullable: true, description: 'What bidders learn about competing bids. Default: OPEN.' })
  biddingMode?: BiddingMode | null;

  @Field(() => BriefVisibility, { nullable: true, description: 'Who may see and bid once published. Default: PUBLIC.' })
  visibility?: BriefVisibility | null;

  @Field({ description: 'When bidding ends: in the future, at most a year ahead.' })
  deadline!: Date;
}

@InputType({ description: 'Changes to a DRAFT brief; omitted or null fields stay as they are. The brand never changes.' })
export class BriefUpdateInput {
  @Field(() => String, { nullable: true, description: 'New title, 1 to 160 characters.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'New description, up to 10000 characters.' })
  description?: string | null;

  @Field(() => BriefObjective, { nullable: true, description: 'New objective.' })
  objective?: BriefObjective | null;

  @Field(() => [ID], { nullable: true, description: 'Replaces the products: one to 20 of the brand’s own.' })
  productIds?: string[] | null;

  @Field(() => [ContentFormat], { nullable: true, description: 'Replaces the formats; at least one.' })
  formats?: ContentFormat[] | null;

  @Field(() => [Platform], { nullable: true, description: 'Replaces the platforms; at least one.' })
  platforms?: Platform[] | null;

  @Field(() => TargetAudienceInput, { nullable: true, description: 'Changes the audience; its omitted fields stay as they are.' })
  targetAudience?: TargetAudienceInput | null;

  @Field(() => [CredentialType], { nullable: true, description: 'Replaces the brief’s own required credentials.' })
  requiredCredentials?: CredentialType[] | null;

  @Field(() => [TraderCapability], {
    nullable: true,
    description: 'Replaces what the operator must run (OPERATED_SELF_BROADCAST briefs only); an empty list means the whole broadcast end to end.',
  })
  requiredCapabilities?: TraderCapability[] | null;

  @Field(() => CredibilityLevel, { nullable: true, description: 'New minimum credibility level.' })
  minCredibilityLevel?: CredibilityLevel | null;

  @Field(() => MoneyInput, { nullable: true, description: 'New budget, more than 0.' })
  budget?: MoneyInput | null;

  @Field(() => [DealStructure], { nullable: true, description: 'Replaces the preferred deal structures; at least one.' })
  preferredStructures?: DealStructure[] | null;

  @Field(() => GmvGuaranteePreference, { nullable: true, description: 'New GMV guarantee preference.' })
  gmvGuarantee?: GmvGuaranteePreference | null;

  @Field(() => Int, { nullable: true, description: 'New number of slots, 1 to 100.' })
  slots?: number | null;

  @Field(() => BiddingMode, { nullable: true, description: 'New bidding mode.' })
  biddingMode?: BiddingMode | null;

  @Field(() => BriefVisibility, { nullable: true, description: 'New visibility.' })
  visibility?: BriefVisibility | null;

  @Field(() => Date, { nullable: true, description: 'New deadline: in the future, at most a year ahead.' })
  deadline?: Date | null;
}

@InputType({ description: 'Who to invite to an INVITE_ONLY brief; at least one id in all. Those already invited stay invited.' })
export class BriefInviteInput {
  @Field(() => [ID], { nullable: true, description: 'Creators to invite (at most 100).' })
  creatorIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Operators to invite (at most 100).' })
  traderIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Agencies to invite (at most 100); their members may bid for their roster.' })
  agencyIds?: string[] | null;
}

@InputType({ description: 'Which briefs to list; all given conditions must hold.' })
export class BriefFilter {
  @Field(() => String, { nullable: true, description: 'Only briefs for products in this vertical; a top-level vertical includes its children.' })
  verticalSlug?: string | null;

  @Field(() => String, { nullable: true, description: 'Only briefs whose products carry this niche tag (compared after normalising).' })
  nicheTag?: string | null;

  @Field(() => BriefObjective, { nullable: true, description: 'Only briefs with this objective.' })
  objective?: BriefObjective | null;

  @Field(() => Platform, { nullable: true, description: 'Only briefs that run on this platform.' })
  platform?: Platform | null;

  @Field(() => MoneyInput, { nullable: true, description: 'Only briefs with at least this budget, in this currency.' })
  budgetMin?: MoneyInput | null;

  @Field(() => MoneyInput, { nullable: true, description: 'Only briefs with at most this budget, in this currency (the same as budgetMin’s).' })
  budgetMax?: MoneyInput | null;

  @Field(() => Date, { nullable: true, description: 'Only briefs whose deadline is before this moment.' })
  deadlineBefore?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Only briefs whose deadline is after this moment.' })
  deadlineAfter?: Date | null;

  @Field(() => String, { nullable: true, description: 'Words to find in the title, description or niche tags, in Chinese, English or both (up to 200 characters); every word must match, best match first.' })
  search?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only this brand’s briefs.' })
  brandId?: string | null;

  @Field(() => [BriefStatus], {
    nullable: true,
    description:
      'Statuses to list. Default: OPEN only (and only before the deadline). Others need `brandId` of a brand you belong to, else FORBIDDEN. An OPEN brief past its deadline counts as CLOSED.',
  })
  statuses?: BriefStatus[] | null;
}

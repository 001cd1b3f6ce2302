import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Money } from '../graphql/common-types.js';
import { connectionType } from '../graphql/connection.js';
import { CREDIBILITY_LEVELS, type CredibilityLevel as NumericCredibilityLevel, LEVEL_THRESHOLDS } from './credibility.js';
import { CredibilityChangeReason } from './credibility.entity.js';

/**
 * The GraphQL face of a credibility level. The database and `computeCredibility` use 1..5; the API
 * says L1..L5 so that clients never mistake a level for a score.
 */
export const CredibilityLevel = { L1: 'L1', L2: 'L2', L3: 'L3', L4: 'L4', L5: 'L5' } as const;
export type CredibilityLevel = (typeof CredibilityLevel)[keyof typeof CredibilityLevel];

registerEnumType(CredibilityLevel, {
  name: 'CredibilityLevel',
  description: 'A credibility tier earned from verified credentials, audience quality and track record, never self-declared. L1 is the entry level, L5 the highest.',
  valuesConfig: Object.fromEntries(
    CREDIBILITY_LEVELS.map((level, index) => {
      const next = CREDIBILITY_LEVELS.at(index + 1);
      const range = next ? `${LEVEL_THRESHOLDS[level]} to ${LEVEL_THRESHOLDS[next] - 1}` : `${LEVEL_THRESHOLDS[level]} and above`;
      return [credibilityLevelName(level), { description: `Credibility score ${range}.` }];
    }),
  ),
});

export function credibilityLevelName(level: NumericCredibilityLevel): CredibilityLevel {
  return `L${level}`;
}

export function numericCredibilityLevel(level: CredibilityLevel): NumericCredibilityLevel {
  return Number(level.slice(1)) as NumericCredibilityLevel;
}

@ObjectType('Credibility', { description: 'How far brands can trust someone: earned from verified facts, never self-declared.' })
export class CredibilityType {
  @Field(() => Int, { description: 'Credibility score, 0 to 100.' })
  score!: number;

  @Field(() => CredibilityLevel, { description: 'The level the score earns.' })
  level!: CredibilityLevel;
}

/** The API's view of a profile's stored credibility columns. */
export function credibilityOf(profile: { credibilityScore: number; credibilityLevel: number }): CredibilityType {
  return { score: profile.credibilityScore, level: credibilityLevelName(profile.credibilityLevel as NumericCredibilityLevel) };
}

registerEnumType(CredibilityChangeReason, {
  name: 'CredibilityChangeReason',
  description: 'Why a credibility score or level changed.',
  valuesConfig: {
    CREDENTIAL_VERIFIED: { description: 'An admin verified a credential, so a new credential type counts.' },
    CREDENTIAL_LAPSED: { description: 'A verified credential expired or stopped counting.' },
    AUDIENCE_CHANGED: { description: 'Channel accounts changed, and with them the share of real followers.' },
    DEAL_SETTLED: { description: 'A deal was settled (or a dispute resolved by settling), adding to the track record.' },
    REVIEW_RECEIVED: { description: 'A brand reviewed a settled deal.' },
    RECALCULATED: { description: 'Recomputed from the same facts, for example after the rules changed.' },
  },
});

@ObjectType('CredibilityChange', { description: 'One change of a creator’s or operator’s credibility score or level, with the reason.' })
export class CredibilityChangeType {
  @Field(() => Int, { description: 'Score before the change, 0 to 100.' })
  previousScore!: number;

  @Field(() => CredibilityLevel, { description: 'Level before the change.' })
  previousLevel!: CredibilityLevel;

  @Field(() => Int, { description: 'Score after the change, 0 to 100.' })
  newScore!: number;

  @Field(() => CredibilityLevel, { description: 'Level after the change.' })
  newLevel!: CredibilityLevel;

  @Field(() => CredibilityChangeReason, { description: 'Why it changed.' })
  reason!: CredibilityChangeReason;

  @Field({ description: 'One readable sentence: what changed, and what it did to the score and level.' })
  explanation!: string;

  @Field({ description: 'When it changed.' })
  createdAt!: Date;
}

export const CredibilityChangeConnection = connectionType(CredibilityChangeType, 'CredibilityChange');

@ObjectType('GuaranteedGmv', { description: 'GMV guaranteed in one currency, against the net GMV achieved on those deals.' })
export class GuaranteedGmvType {
  @Field(() => Money, { description: 'GMV the talent guaranteed, summed over settled deals with a guarantee.' })
  promised!: Money;

  @Field(() => Money, { description: 'Net GMV (after refunds in the refund window) those deals achieved.' })
  achieved!: Money;
}

@ObjectType('TrackRecord', { description: 'What settled deals say about a creator or operator. Public: brands choose by it.' })
export class TrackRecordType {
  @Field(() => Int, { description: 'Deals settled (including disputes an admin resolved by settling).' })
  dealsCompleted!: number;

  @Field(() => Int, { description: 'Deliverables of those deals, dropped ones left out.' })
  deliverablesTotal!: number;

  @Field(() => Int, { description: 'Of those, how many had their first proof submitted by the due date.' })
  deliverablesOnTime!: number;

  @Field(() => Int, { nullable: true, description: 'Deliverables on time as a share, in basis points; null without any deliverable.' })
  onTimeRateBp!: number | null;

  @Field(() => Int, { description: 'Settled deals that had a GMV guarantee.' })
  guaranteedDeals!: number;

  @Field(() => [GuaranteedGmvType], { description: 'GMV promised against GMV achieved on guaranteed deals, one entry per currency.' })
  guaranteedGmv!: GuaranteedGmvType[];

  @Field(() => Int, { nullable: true, description: 'Average ROI delivered (net GMV ÷ what the brand paid) in basis points, 10000 = 1×; null without a deal the brand paid for.' })
  averageRoiBp!: number | null;

  @Field(() => Int, { description: 'Reviews brands wrote after settled deals.' })
  reviewCount!: number;

  @Field(() => Float, { nullable: true, description: 'Their average rating, 1 to 5; null without any review.' })
  reviewAverage!: number | null;
}

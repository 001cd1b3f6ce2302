import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CREDIBILITY_LEVELS, type CredibilityLevel as NumericCredibilityLevel, LEVEL_THRESHOLDS } from './credibility.js';

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

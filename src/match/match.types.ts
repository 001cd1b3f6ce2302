import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BriefType } from '../brief/brief.types.js';
import { CreatorType } from '../creator/creator.types.js';
import { Money } from '../graphql/common-types.js';
import { connectionType } from '../graphql/connection.js';
import { TraderType } from '../trader/trader.types.js';
import { MatchFlag } from './scoring.js';
import { MatchFactor } from './weights.js';

registerEnumType(MatchFactor, {
  name: 'MatchFactor',
  description: 'What a match is scored on. Follower count is deliberately not a factor.',
  valuesConfig: {
    VERTICAL_FIT: { description: 'Works in the brief’s exact vertical (1) or only its parent vertical (0.5).' },
    NICHE_TAG_OVERLAP: { description: 'Share of the brief’s niche tags the creator shares. Creators only.' },
    CREDENTIAL_RELEVANCE: { description: 'Holds the verified specialist credential the vertical calls for; a general one counts half.' },
    CREDIBILITY: { description: 'The credibility score, 0 to 100.' },
    AUDIENCE_FIT: { description: 'The creator’s audience against the brief’s target gender, ages and regions. Creators only.' },
    TRACK_RECORD: { description: 'ROI achieved in the vertical, shrunk toward the vertical’s average when there are few deals.' },
    PRICE_FIT: { description: 'The rate card’s least fee against the budget per slot; over budget scores 0.' },
    AVAILABILITY: { description: 'Free capacity; near capacity is penalised.' },
    CAPABILITY_FIT: { description: 'Share of the capabilities an operated self-broadcast needs that the operator runs. Operators only.' },
  },
});

registerEnumType(MatchFlag, {
  name: 'MatchFlag',
  description: 'Something about a match the brand should notice.',
  valuesConfig: {
    MISSING_REQUIRED_CREDENTIAL: { description: 'Lacks a required verified credential (retrieval normally excludes these).' },
    OVER_BUDGET: { description: 'The rate card’s least fee is above the budget per slot; penalised, not excluded.' },
    AT_CAPACITY: { description: 'No capacity left (retrieval normally excludes these).' },
    NEAR_CAPACITY: { description: 'At most one slot free with deals running; availability is halved.' },
    MISSING_CAPABILITY: { description: 'The operator lacks a capability the brief needs.' },
  },
});

@InputType({ description: 'Relative weights of the match factors. Any subset; a factor left out keeps its default. Weights are normalised to add up to 1.' })
export class MatchWeightsInput {
  @Field(() => Float, { nullable: true, description: 'Weight of vertical fit, 0 or more.' })
  verticalFit?: number | null;

  @Field(() => Float, { nullable: true, description: 'Weight of niche-tag overlap, 0 or more.' })
  nicheTagOverlap?: number | null;

  @Field(() => Float, { nullable: true, description: 'Weight of credential relevance, 0 or more.' })
  credentialRelevance?: number | null;

  @Field(() => Float, { nullable: true, description: 'Weight of credibility, 0 or more.' })
  credibility?: number | null;

  @Field(() => Float, { nullable: true, description: 'Weight of audience fit, 0 or more.' })
  audienceFit?: number | null;

  @Field(() => Float, { nullable: true, description: 'Weight of track record, 0 or more.' })
  trackRecord?: number | null;

  @Field(() => Float, { nullable: true, description: 'Weight of price fit, 0 or more.' })
  priceFit?: number | null;

  @Field(() => Float, { nullable: true, description: 'Weight of availability, 0 or more.' })
  availability?: number | null;

  @Field(() => Float, { nullable: true, description: 'Weight of capability fit (operators), 0 or more.' })
  capabilityFit?: number | null;
}

@ObjectType('MatchFactorScore', { description: 'One factor of a match score, with why it scored as it did.' })
export class MatchFactorScoreType {
  @Field(() => MatchFactor, { description: 'The factor.' })
  factor!: MatchFactor;

  @Field(() => Float, { description: 'Its share of the score; the weights of a match add up to 1.' })
  weight!: number;

  @Field(() => Float, { description: 'How well the candidate does on it, 0 to 1.' })
  value!: number;

  @Field(() => Float, { description: 'weight × value; the contributions add up to the score.' })
  contribution!: number;

  @Field({ description: 'One readable sentence saying why.' })
  reason!: string;
}

@ObjectType('RoiAssumption', { description: 'One assumption an expected-ROI estimate rests on.' })
export class RoiAssumptionType {
  @Field({ description: 'What is assumed, e.g. fixedFee, commissionRate, shrunkRoi.' })
  name!: string;

  @Field({ description: 'Its value, human-readable (an amount, a ratio such as 2.40×, a rate in %).' })
  value!: string;

  @Field({ description: 'Where the value came from.' })
  source!: string;
}

@ObjectType('ExpectedRoi', { description: 'The ROI a brand can expect from hiring the candidate for one slot, with its assumptions.' })
export class ExpectedRoiType {
  @Field(() => Int, { nullable: true, description: 'Expected net GMV ÷ expected cost in basis points (10000 = 1×); null without any ROI on record in the vertical.' })
  roiBp!: number | null;

  @Field(() => Money, { nullable: true, description: 'Expected net GMV of one slot; null without a basis.' })
  expectedNetGmv!: Money | null;

  @Field(() => Money, { description: 'Fixed fee plus commission; the fixed fee alone when the GMV is unknown.' })
  expectedCost!: Money;

  @Field(() => [RoiAssumptionType], { description: 'Every assumption the estimate used.' })
  assumptions!: RoiAssumptionType[];
}

@ObjectType('Match', { description: 'A brief paired with a creator or operator who passes every hard constraint, scored with reasons.' })
export class MatchType {
  @Field(() => BriefType, { description: 'The brief.' })
  brief!: BriefType;

  @Field(() => CreatorType, { nullable: true, description: 'The creator, for briefs that take creators.' })
  creator!: CreatorType | null;

  @Field(() => TraderType, { nullable: true, description: 'The operator, for operated self-broadcast briefs.' })
  trader!: TraderType | null;

  @Field(() => Float, { description: 'The score, 0 to 1: the sum of the factors’ contributions.' })
  score!: number;

  @Field(() => [MatchFactorScoreType], { description: 'Every factor that applies to the candidate’s kind.' })
  factors!: MatchFactorScoreType[];

  @Field(() => [MatchFlag], { description: 'What the brand should notice, e.g. OVER_BUDGET.' })
  flags!: MatchFlag[];

  @Field(() => ExpectedRoiType, { description: 'The expected ROI of one slot and its assumptions.' })
  expectedRoi!: ExpectedRoiType;
}

export const MatchConnection = connectionType(MatchType, 'Match');

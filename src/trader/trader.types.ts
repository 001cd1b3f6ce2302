import { ArgsType, Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Platform } from '../common/enums.js';
import { CredibilityLevel } from '../credibility/credibility.types.js';
import { Money, MoneyInput, UserError } from '../graphql/common-types.js';
import { connectionType, PageArgs } from '../graphql/connection.js';
import { Node } from '../graphql/node.js';
import { TraderCapability } from './trader.entity.js';

registerEnumType(TraderCapability, {
  name: 'TraderCapability',
  description: 'What a live-stream operator can run end to end for a merchant’s own broadcast.',
  valuesConfig: {
    STRATEGY_AND_COVERAGE: { description: 'Plans the broadcast: positioning, product line-up, scripts and schedule.' },
    LIVE_OPERATION: { description: 'Runs the live room itself: hosts, scene control, comments and pacing.' },
    TRAFFIC_MARKETING: { description: 'Buys and steers traffic into the room: paid promotion and platform campaigns.' },
    SUPPLY_CHAIN: { description: 'Sources products and negotiates stock and prices with suppliers.' },
    FULFILMENT: { description: 'Handles orders after the sale: shipping, returns and customer service.' },
  },
});

@ObjectType('Trader', { implements: Node, description: 'A live-stream operator who runs broadcasts for merchants end to end. Public.' })
export class TraderType extends Node {
  @Field({ description: 'Name shown on the marketplace.' })
  displayName!: string;

  @Field({ description: 'What the operator offers and has run before; may be empty.' })
  bio!: string;

  @Field(() => [TraderCapability], { description: 'Parts of a broadcast the operator runs; at least one.' })
  capabilities!: TraderCapability[];

  @Field(() => [Platform], { description: 'Platforms whose live rooms the operator has run.' })
  platforms!: Platform[];

  @Field(() => Int, { description: 'How many deals the operator takes on at once.' })
  capacity!: number;

  @Field(() => Int, { description: 'Deals the operator is running now.' })
  activeDealCount!: number;

  @Field({ description: 'When the profile was created.' })
  createdAt!: Date;
}

export const TraderConnection = connectionType(TraderType, 'Trader');

@ObjectType({ description: 'The least an operator accepts for running one broadcast.' })
export class TraderRate {
  @Field(() => Money, { description: 'Lowest fixed service fee per broadcast.' })
  minFixedFee!: Money;

  @Field(() => Int, { description: 'Lowest commission on net GMV, in basis points (100 bp = 1 %).' })
  minCommissionBp!: number;
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

@ObjectType({ description: 'Result of traderProfileCreate or traderProfileUpdate.' })
export class TraderProfilePayload {
  @Field(() => TraderType, { nullable: true, description: 'The operator profile as saved; null when refused.' })
  trader?: TraderType;

  @Field(() => [UserError], { description: 'Why the request was refused; empty on success.' })
  userErrors!: UserError[];
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

@ArgsType()
export class TradersArgs extends PageArgs {
  @Field(() => TraderFilter, { nullable: true, description: 'Conditions the operators must meet. Default: none.' })
  filter?: TraderFilter | null;
}

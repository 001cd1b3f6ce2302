import { ArgsType, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Platform } from '../common/enums.js';
import { Money, UserError } from '../graphql/common-types.js';
import { connectionType, PageArgs } from '../graphql/connection.js';
import { Node } from '../graphql/node.js';
import { TraderCapability } from './trader.entity.js';
import { TraderFilter } from './trader.inputs.js';

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

@ObjectType({ description: 'Result of traderProfileCreate or traderProfileUpdate.' })
export class TraderProfilePayload {
  @Field(() => TraderType, { nullable: true, description: 'The operator profile as saved; null when refused.' })
  trader?: TraderType;

  @Field(() => [UserError], { description: 'Why the request was refused; empty on success.' })
  userErrors!: UserError[];
}

@ArgsType()
export class TradersArgs extends PageArgs {
  @Field(() => TraderFilter, { nullable: true, description: 'Conditions the operators must meet. Default: none.' })
  filter?: TraderFilter | null;
}

// Services load this file outside the schema build too (the CLI, seeds, tests), and its input
// classes' decorators need the metadata polyfill loaded first.
import 'reflect-metadata';
import { Field, ID, InputType, Int } from 'type-graphql';
import { z } from 'zod';
import { basisPointsSchema } from '../common/money.js';

/** An invitation as the roster service takes it, after the resolver has read the global ids. */
export interface RosterInviteValues {
  /** Undefined when not given; null when given but not the id of a creator. */
  creatorId?: string | null;
  /** Undefined when not given; null when given but not the id of an operator. */
  traderId?: string | null;
  /** Default: the agency's defaultShareBp. */
  shareBp?: number | null;
}

/** The share an invitation offers, once the agency's default has filled a share left out. */
export const rosterShareSchema = z.object({ shareBp: basisPointsSchema });

@InputType({ description: 'Whom to invite to the roster, and on what share. Give exactly one of creatorId and traderId.' })
export class RosterInviteInput {
  @Field(() => ID, { nullable: true, description: 'The creator to invite.' })
  creatorId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The operator to invite.' })
  traderId?: string | null;

  @Field(() => Int, { nullable: true, description: 'The agency’s share of what the talent earns, 0 to 10000 basis points. Default: the agency’s defaultShareBp.' })
  shareBp?: number | null;
}

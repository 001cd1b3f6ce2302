import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { UserError } from '../../graphql/common-types.js';
import { connectionType } from '../../graphql/connection.js';
import { Node } from '../../graphql/node.js';
import { DealSide } from '../deal-sides.js';
import { DealType } from '../deal.types.js';
import { AmendmentState } from './amendment.transitions.js';

registerEnumType(AmendmentState, {
  name: 'DealAmendmentStatus',
  description: 'Where an amendment stands; every status but PROPOSED is final.',
  valuesConfig: {
    PROPOSED: { description: 'Awaits the other side’s answer.' },
    ACCEPTED: { description: 'The other side agreed; its terms became the next version.' },
    REJECTED: { description: 'The other side declined; the terms stayed.' },
    WITHDRAWN: { description: 'The proposing side took it back.' },
    LAPSED: { description: 'Was never answered before the deal was disputed, settled or cancelled; it takes no answer now and the terms stayed.' },
  },
});

@ObjectType('DealAmendment', {
  implements: Node,
  description: 'One side’s proposal to change a deal’s terms, and the answer to it. Visible to the deal’s parties and admins; to anyone else it does not exist.',
})
export class DealAmendmentType extends Node {
  @Field(() => DealSide, { description: 'The side that proposed it.' })
  side!: DealSide;

  @Field(() => AmendmentState, { description: 'Where it stands, given its deal: a proposal not answered before the deal was disputed, settled or cancelled reads LAPSED.' })
  status!: AmendmentState;

  @Field({ description: 'Why the change is proposed.' })
  reason!: string;

  @Field(() => Int, { description: 'The terms version it amends.' })
  baseVersion!: number;

  @Field(() => Int, { nullable: true, description: 'The terms version it became; null unless ACCEPTED.' })
  resultingVersion!: number | null;

  @Field(() => Date, { nullable: true, description: 'When it was accepted, rejected or withdrawn; null while PROPOSED and once LAPSED.' })
  answeredAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the other side rejected it, when they said; null otherwise.' })
  answerReason!: string | null;

  @Field({ description: 'When it was proposed.' })
  createdAt!: Date;
}

export const DealAmendmentConnection = connectionType(DealAmendmentType, 'DealAmendment');

@ObjectType({ description: 'Result of an amendment mutation.' })
export class DealAmendmentPayload {
  @Field(() => DealAmendmentType, { nullable: true, description: 'The amendment as saved; null when refused.' })
  amendment?: DealAmendmentType;

  @Field(() => DealType, { nullable: true, description: 'Its deal as it stands now; null when refused.' })
  deal?: DealType;

  @Field(() => [UserError], { description: 'Why the request was refused; empty on success.' })
  userErrors!: UserError[];
}

import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ContentFormat, Platform } from '../../common/enums.js';
import { UserError } from '../../graphql/common-types.js';
import { Node } from '../../graphql/node.js';
import { DealType } from '../deal.types.js';
import { DeliverableStatus, SubmissionOutcome } from './deliverable.entity.js';

registerEnumType(DeliverableStatus, {
  name: 'DealDeliverableStatus',
  description: 'Where a deliverable stands.',
  valuesConfig: {
    PENDING: { description: 'Nothing submitted yet.' },
    SUBMITTED: { description: 'Proof was submitted and awaits the brand.' },
    CHANGES_REQUESTED: { description: 'The brand asked for changes; the talent submits again.' },
    APPROVED: { description: 'The brand approved it.' },
    DROPPED: { description: 'An accepted amendment no longer asks for it; its history stays.' },
  },
});

registerEnumType(SubmissionOutcome, {
  name: 'DeliverableSubmissionOutcome',
  description: 'The brand’s answer to a submission.',
  valuesConfig: {
    APPROVED: { description: 'The proof was accepted.' },
    CHANGES_REQUESTED: { description: 'The brand asked for changes, with a reason.' },
  },
});

@ObjectType('DeliverableSubmission', { description: 'One proof the talent submitted for a deliverable, and the brand’s answer. Never changed once answered.' })
export class DeliverableSubmissionType {
  @Field(() => Int, { description: 'Its place among the deliverable’s submissions, from 1.' })
  number!: number;

  @Field({ description: 'Where the work can be seen: an http or https address.' })
  proofUrl!: string;

  @Field({ description: 'What the talent said with it; may be empty.' })
  note!: string;

  @Field({ description: 'When it was submitted.' })
  submittedAt!: Date;

  @Field(() => SubmissionOutcome, { nullable: true, description: 'The brand’s answer; null while it awaits one.' })
  outcome!: SubmissionOutcome | null;

  @Field(() => String, { nullable: true, description: 'Why the brand asked for changes; null otherwise.' })
  reviewReason!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the brand answered; null while it awaits an answer.' })
  reviewedAt!: Date | null;

  @Field({ description: 'True when it was approved automatically because the brand did not answer within the review period.' })
  autoApproved!: boolean;
}

@ObjectType('DealDeliverable', {
  implements: Node,
  description: 'One piece of work a deal asks for, with its submissions. Visible to the deal’s parties and admins; to anyone else it does not exist.',
})
export class DealDeliverableType extends Node {
  @Field(() => ContentFormat, { description: 'The form the work takes.' })
  format!: ContentFormat;

  @Field(() => Platform, { description: 'Where it is published or streamed.' })
  platform!: Platform;

  @Field({ description: 'What exactly is promised.' })
  description!: string;

  @Field({ description: 'When it is due, as the terms in force say.' })
  dueAt!: Date;

  @Field(() => DeliverableStatus, { description: 'Where it stands.' })
  status!: DeliverableStatus;

  @Field(() => Date, { nullable: true, description: 'When proof was first submitted; on time when not after dueAt.' })
  firstSubmittedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the brand approved it; null until then.' })
  approvedAt!: Date | null;

  @Field(() => Int, { description: 'The terms version that first asked for it.' })
  addedInVersion!: number;

  @Field(() => Int, { nullable: true, description: 'The terms version that stopped asking for it; null unless DROPPED.' })
  droppedInVersion!: number | null;
}

@ObjectType({ description: 'Result of a deliverable mutation.' })
export class DealDeliverablePayload {
  @Field(() => DealDeliverableType, { nullable: true, description: 'The deliverable as saved; null when refused.' })
  deliverable?: DealDeliverableType;

  @Field(() => DealType, { nullable: true, description: 'Its deal as it stands now (DELIVERED once the last deliverable is approved); null when refused.' })
  deal?: DealType;

  @Field(() => [UserError], { description: 'Why the request was refused; empty on success.' })
  userErrors!: UserError[];
}

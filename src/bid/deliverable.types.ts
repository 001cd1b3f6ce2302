import { Field, ObjectType } from 'type-graphql';
import { ContentFormat, Platform } from '../common/enums.js';
// Registers the ContentFormat and Platform enums.
import '../graphql/common-types.js';

@ObjectType('Deliverable', { description: 'One promised piece of work: a format on a platform by a date.' })
export class DeliverableType {
  @Field(() => ContentFormat, { description: 'The form the work takes.' })
  format!: ContentFormat;

  @Field(() => Platform, { description: 'Where it is published or streamed.' })
  platform!: Platform;

  @Field(() => Date, { description: 'When it is due.' })
  dueAt!: Date;

  @Field({ description: 'What exactly is promised.' })
  description!: string;
}

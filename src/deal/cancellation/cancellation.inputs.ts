import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'The deal to call off, and why.' })
export class DealCancelInput {
  @Field(() => ID, { description: 'The deal.' })
  dealId!: string;

  @Field({ description: 'Why, for the other side; 1 to 2000 characters.' })
  reason!: string;
}

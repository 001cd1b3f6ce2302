// Services load this file outside the schema build too (the CLI, seeds, tests), and its input
// classes' decorators need the metadata polyfill loaded first.
import 'reflect-metadata';
import { Field, InputType } from 'type-graphql';
import { z } from 'zod';
import { emailSchema } from '../account/account.inputs.js';
import { MemberRole } from '../brand/brand.entity.js';
import { values } from '../common/enums.js';

export const memberInviteSchema = z.object({
  email: emailSchema,
  role: z.enum(values(MemberRole)),
});
export type MemberInviteValues = z.input<typeof memberInviteSchema>;

@InputType({ description: 'Whom to invite to a brand or an agency, and as what. The invitee joins only by accepting.' })
export class MemberInviteInput {
  @Field({ description: 'Email of the person to invite; they need not have an account yet, and the answer does not say whether they do.' })
  email!: string;

  @Field(() => MemberRole, { defaultValue: MemberRole.MEMBER, description: 'Their role once they accept; MEMBER unless given.' })
  role!: MemberRole;
}

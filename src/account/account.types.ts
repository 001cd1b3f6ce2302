import { Field, Int, ObjectType } from 'type-graphql';
import { UserError } from '../graphql/common-types.js';
import { Node } from '../graphql/node.js';

@ObjectType('User', { implements: Node, description: 'An account. Visible to its owner and to admins.' })
export class UserType extends Node {
  @Field({ description: 'Login email, lower-cased.' })
  email!: string;

  @Field({ description: 'Whether the owner proved the email by following the link mailed to it. Needed to accept invitations and receive payouts.' })
  emailVerified!: boolean;

  @Field({ description: 'Name shown to other users.' })
  displayName!: string;

  @Field({ description: 'Whether the account may verify credentials and resolve disputes.' })
  isAdmin!: boolean;

  @Field({ description: 'When the account was created.' })
  createdAt!: Date;
}

@ObjectType({ description: 'Result of signUp, logIn or passwordChange: a bearer token on success.' })
export class SessionPayload {
  @Field(() => UserType, { nullable: true, description: 'The signed-in account.' })
  user?: UserType;

  @Field(() => String, { nullable: true, description: 'Send as `Authorization: Bearer <token>`.' })
  token?: string;

  @Field(() => Date, { nullable: true, description: 'When the token stops working.' })
  expiresAt?: Date;

  @Field(() => Int, { nullable: true, description: 'With TOO_MANY_ATTEMPTS: seconds to wait before trying again.' })
  retryAfterSeconds?: number;

  @Field(() => [UserError], { description: 'Why the request was refused; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of a change to the signed-in account or of following an emailed link.' })
export class AccountPayload {
  @Field(() => UserType, { nullable: true, description: 'The account as it is now.' })
  user?: UserType;

  @Field(() => [UserError], { description: 'Why the request was refused; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of a request whose answer must not tell whether an account exists, or that returns nothing else.' })
export class AcceptedPayload {
  @Field(() => Boolean, { nullable: true, description: 'True when the request was taken, null when refused; it never says whether an account has the address.' })
  accepted?: boolean;

  @Field(() => Int, { nullable: true, description: 'With TOO_MANY_ATTEMPTS: seconds to wait before trying again.' })
  retryAfterSeconds?: number;

  @Field(() => [UserError], { description: 'Why the request was refused; empty on success.' })
  userErrors!: UserError[];
}

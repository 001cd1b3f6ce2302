import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../graphql/common-types.js';
import { Node } from '../graphql/node.js';

@ObjectType('User', { implements: Node, description: 'An account. Visible to its owner and to admins.' })
export class UserType extends Node {
  @Field({ description: 'Login email, lower-cased.' })
  email!: string;

  @Field({ description: 'Name shown to other users.' })
  displayName!: string;

  @Field({ description: 'Whether the account may verify credentials and resolve disputes.' })
  isAdmin!: boolean;

  @Field({ description: 'When the account was created.' })
  createdAt!: Date;
}

@ObjectType({ description: 'Result of signUp or logIn: a bearer token on success.' })
export class SessionPayload {
  @Field(() => UserType, { nullable: true, description: 'The signed-in account.' })
  user?: UserType;

  @Field(() => String, { nullable: true, description: 'Send as `Authorization: Bearer <token>`.' })
  token?: string;

  @Field(() => Date, { nullable: true, description: 'When the token stops working.' })
  expiresAt?: Date;

  @Field(() => [UserError], { description: 'Why the request was refused; empty on success.' })
  userErrors!: UserError[];
}

import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../graphql/context.js';
import { mutate } from '../graphql/mutation.js';
import { defineNode } from '../graphql/node.js';
import { LogInInput, SignUpInput } from './account.inputs.js';
import { SessionPayload, UserType } from './account.types.js';
import { User } from './account.entity.js';

defineNode({
  typeName: 'User',
  entity: User,
  load: async ({ em, viewer }, id) => (viewer && (viewer.userId === id || viewer.isAdmin) ? em.findOne(User, id) : null),
});

@Resolver(() => UserType)
export class AccountResolver {
  @Query(() => UserType, { nullable: true, description: 'The signed-in account, or null for anonymous callers.' })
  async viewer(@Ctx() { em, viewer }: RequestContext): Promise<User | null> {
    return viewer ? em.findOne(User, viewer.userId) : null;
  }

  @Mutation(() => SessionPayload, { description: 'Creates an account and returns a bearer token. Public.' })
  signUp(@Arg('input', () => SignUpInput, { description: 'The new account.' }) input: SignUpInput, @Ctx() context: RequestContext) {
    return mutate(context, (tx) => context.services.accounts.signUp(tx, input));
  }

  @Mutation(() => SessionPayload, { description: 'Exchanges email and password for a bearer token. Public.' })
  logIn(@Arg('input', () => LogInInput, { description: 'Email and password.' }) input: LogInInput, @Ctx() context: RequestContext) {
    return mutate(context, (tx) => context.services.accounts.logIn(tx, input));
  }
}

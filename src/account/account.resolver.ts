import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Throttled } from '../auth/attempts.js';
import type { RequestContext } from '../graphql/context.js';
import { mutate } from '../graphql/mutation.js';
import { defineNode } from '../graphql/node.js';
import { currentRequestScope } from '../http/limits/request-scope.js';
import { shownEmailOf, User } from './account.entity.js';
import { EmailChangeInput, LogInInput, PasswordChangeInput, PasswordResetInput, SignUpInput } from './account.inputs.js';
import { AccountProblem } from './account.problems.js';
import { AcceptedPayload, AccountPayload, SessionPayload, UserType } from './account.types.js';

defineNode({
  typeName: 'User',
  entity: User,
  load: async ({ em, viewer }, id) => (viewer && (viewer.userId === id || viewer.isAdmin) ? em.findOne(User, id) : null),
});

const address = () => currentRequestScope()?.clientAddress ?? 'unknown';

function tooManyAttempts({ retryAfterSeconds }: Throttled) {
  return {
    retryAfterSeconds,
    userErrors: [{ code: AccountProblem.TOO_MANY_ATTEMPTS, field: null, message: `Too many attempts; try again in ${retryAfterSeconds} seconds.` }],
  };
}

@Resolver(() => UserType)
export class AccountResolver {
  @Query(() => UserType, { nullable: true, description: 'The signed-in account, or null for anonymous callers.' })
  async viewer(@Ctx() { em, viewer }: RequestContext): Promise<User | null> {
    return viewer ? em.findOne(User, viewer.userId) : null;
  }

  @FieldResolver(() => String)
  email(@Root() user: User): string {
    return shownEmailOf(user);
  }

  @FieldResolver(() => Boolean)
  emailVerified(@Root() user: User): boolean {
    return user.emailVerifiedAt != null;
  }

  @Mutation(() => SessionPayload, {
    description:
      'Creates an account and returns a bearer token; the account works at once, and a link to verify the email is mailed. The answer is the same whether or not the email already has an account (its owner is told by mail). Public; limited per address.',
  })
  async signUp(@Arg('input', () => SignUpInput, { description: 'The new account.' }) input: SignUpInput, @Ctx() context: RequestContext) {
    const wait = await context.services.accounts.anonymousActionWait(address());
    if (wait) return tooManyAttempts(wait);
    return mutate(context, (tx) => context.services.accounts.signUp(tx, input));
  }

  @Mutation(() => SessionPayload, {
    description: 'Exchanges email and password for a bearer token. Public. Repeated failures at one email or from one address slow down, then block for a while (TOO_MANY_ATTEMPTS).',
  })
  async logIn(@Arg('input', () => LogInInput, { description: 'Email and password.' }) input: LogInInput, @Ctx() context: RequestContext) {
    const wait = await context.services.accounts.logInWait(input.email, address());
    if (wait) return tooManyAttempts(wait);
    return mutate(context, (tx) => context.services.accounts.logIn(tx, input, address()));
  }

  @Mutation(() => AcceptedPayload, { description: 'Ends the session of the token this request carries; the token stops working at once.' })
  async logOut(@Ctx() context: RequestContext) {
    const bearer = /^Bearer\s+(\S+)$/i.exec(currentRequestScope()?.authorization ?? '')?.[1];
    return mutate(context, async (tx) => {
      await context.services.accounts.logOut(tx, bearer);
      return { accepted: true };
    });
  }

  @Authorized()
  @Mutation(() => AcceptedPayload, { description: 'Ends every session of the signed-in account, on every device, this one included.' })
  async logOutEverywhere(@Ctx() context: RequestContext) {
    return mutate(context, async (tx) => {
      await context.services.accounts.logOutEverywhere(tx);
      return { accepted: true };
    });
  }

  @Authorized()
  @Mutation(() => AccountPayload, { description: 'Mails a new link to verify the signed-in account’s email, unless it is verified already.' })
  async emailVerificationRequest(@Ctx() context: RequestContext) {
    return mutate(context, async (tx) => ({ user: await context.services.accounts.requestEmailVerification(tx) }));
  }

  @Mutation(() => AccountPayload, { description: 'Verifies an email with the token from the mailed link. Public: the token is the proof.' })
  async emailVerify(@Arg('token', { description: 'The token from the mail.' }) token: string, @Ctx() context: RequestContext) {
    return mutate(context, async (tx) => ({ user: await context.services.accounts.verifyEmail(tx, token) }));
  }

  @Mutation(() => AcceptedPayload, {
    description: 'Mails a password-reset link if the email has an account; the answer is the same either way. Public; limited per address.',
  })
  async passwordResetRequest(@Arg('email', { description: 'The account’s email.' }) email: string, @Ctx() context: RequestContext) {
    const wait = await context.services.accounts.anonymousActionWait(address());
    if (wait) return tooManyAttempts(wait);
    return mutate(context, async (tx) => {
      await context.services.accounts.requestPasswordReset(tx, email);
      return { accepted: true };
    });
  }

  @Mutation(() => AcceptedPayload, { description: 'Sets a new password with the token from the mailed link, and signs the account out everywhere. Public: the token is the proof.' })
  async passwordReset(@Arg('input', () => PasswordResetInput, { description: 'The emailed reset token and the new password.' }) input: PasswordResetInput, @Ctx() context: RequestContext) {
    return mutate(context, async (tx) => {
      await context.services.accounts.resetPassword(tx, input.token, input.newPassword);
      return { accepted: true };
    });
  }

  @Authorized()
  @Mutation(() => SessionPayload, { description: 'Changes the signed-in account’s password. Every session ends; the payload carries a new token for this client.' })
  async passwordChange(@Arg('input', () => PasswordChangeInput, { description: 'The current password and the new one.' }) input: PasswordChangeInput, @Ctx() context: RequestContext) {
    return mutate(context, (tx) => context.services.accounts.changePassword(tx, input.currentPassword, input.newPassword));
  }

  @Authorized()
  @Mutation(() => AccountPayload, { description: 'Mails a link to the new address; the account moves to it when the link is followed (emailChangeConfirm).' })
  async emailChangeRequest(@Arg('input', () => EmailChangeInput, { description: 'The address to move the account to; a confirmation link is mailed there.' }) input: EmailChangeInput, @Ctx() context: RequestContext) {
    return mutate(context, async (tx) => ({ user: await context.services.accounts.requestEmailChange(tx, input.newEmail, input.password) }));
  }

  @Mutation(() => AccountPayload, { description: 'Moves the account to the address the link was mailed to, verified. Public: the token is the proof.' })
  async emailChangeConfirm(@Arg('token', { description: 'The token from the mail.' }) token: string, @Ctx() context: RequestContext) {
    return mutate(context, async (tx) => ({ user: await context.services.accounts.confirmEmailChange(tx, token) }));
  }
}

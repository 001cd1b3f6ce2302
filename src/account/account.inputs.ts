// Services load this file outside the schema build too (the CLI, seeds, tests), and its input
// classes' decorators need the metadata polyfill loaded first.
import 'reflect-metadata';
import { Field, InputType } from 'type-graphql';
import { z } from 'zod';
import { ProblemCode } from '../common/problems.js';
import { AccountProblem } from './account.problems.js';

export const MIN_PASSWORD_LENGTH = 10;

const emailFormat = z.email().max(254);

/** A login email, stored lower-cased so that uniqueness ignores case; invitations address people by it too. */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .refine((email) => emailFormat.safeParse(email).success, {
    message: 'Enter a valid email address, like name@example.com.',
    params: { code: ProblemCode.INVALID_EMAIL },
  });

/** Length only; how guessable a password is is judged with the account's own words (password-strength.ts). */
export const passwordSchema = z
  .string()
  .refine((password) => password.length >= MIN_PASSWORD_LENGTH, {
    message: `Passwords need at least ${MIN_PASSWORD_LENGTH} characters.`,
    params: { code: AccountProblem.PASSWORD_TOO_SHORT },
  })
  .max(200, 'Passwords may have at most 200 characters.');

export const signUpSchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  displayName: z.string().trim().min(1, 'Display names need 1 to 120 characters.').max(120, 'Display names need 1 to 120 characters.'),
});
export type SignUpValues = z.input<typeof signUpSchema>;

@InputType({ description: 'A new account.' })
export class SignUpInput {
  @Field({ description: 'A valid email address; used to log in.' })
  email!: string;

  @Field({ description: 'At least 10 characters, and not easy to guess: not a common password, a pattern, or built from the email or name.' })
  password!: string;

  @Field({ description: 'Name shown to other users, 1 to 120 characters.' })
  displayName!: string;
}

@InputType({ description: 'Credentials to exchange for a bearer token.' })
export class LogInInput {
  @Field({ description: 'The account email.' })
  email!: string;

  @Field({ description: 'The account password.' })
  password!: string;
}

@InputType({ description: 'A new password, with the token from the reset mail.' })
export class PasswordResetInput {
  @Field({ description: 'The token from the mail.' })
  token!: string;

  @Field({ description: 'At least 10 characters, and not easy to guess.' })
  newPassword!: string;
}

@InputType({ description: 'The current password and the new one.' })
export class PasswordChangeInput {
  @Field({ description: 'The password the account has now.' })
  currentPassword!: string;

  @Field({ description: 'At least 10 characters, and not easy to guess.' })
  newPassword!: string;
}

@InputType({ description: 'The address to move the account to, confirmed with the password.' })
export class EmailChangeInput {
  @Field({ description: 'The new address; it takes effect once the link mailed to it is followed.' })
  newEmail!: string;

  @Field({ description: 'The account’s current password.' })
  password!: string;
}

import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';

const UserSchema = defineEntity({
  name: 'User',
  tableName: 'app_user',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    /** The account's login address, stored lower-cased so uniqueness ignores case; null on an account that only claims one. */
    email: p.string().length(254).unique().nullable(),
    /**
     * An address someone signed up with that another account already holds. Nothing trusts it:
     * it logs in only the account that claimed it, and can never be verified.
     */
    claimedEmail: p.string().length(254).nullable(),
    /** When the owner of `email` proved it by an emailed token; null until then. */
    emailVerifiedAt: p.datetime().nullable(),
    passwordHash: p.string().length(200).hidden().lazy(),
    displayName: p.string().length(120),
    isAdmin: p.boolean().default(false),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class User extends UserSchema.class {}
UserSchema.setClass(User);

/** The address an account goes by, held or only claimed. */
export const shownEmailOf = (user: Pick<User, 'email' | 'claimedEmail'>): string => user.email ?? user.claimedEmail!;

const SessionSchema = defineEntity({
  name: 'Session',
  tableName: 'auth_session',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    user: () => p.manyToOne(User).ref(),
    createdAt: p.datetime().onCreate(() => new Date()),
    expiresAt: p.datetime(),
    /** When the session was logged out or revoked; its token stops working from then on. */
    endedAt: p.datetime().nullable(),
  },
});
export class Session extends SessionSchema.class {}
SessionSchema.setClass(Session);

export const AccountTokenPurpose = { VERIFY_EMAIL: 'VERIFY_EMAIL', RESET_PASSWORD: 'RESET_PASSWORD', CHANGE_EMAIL: 'CHANGE_EMAIL' } as const;
export type AccountTokenPurpose = (typeof AccountTokenPurpose)[keyof typeof AccountTokenPurpose];

const AccountTokenSchema = defineEntity({
  name: 'AccountToken',
  tableName: 'account_token',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    user: () => p.manyToOne(User).ref(),
    purpose: p.enum(() => AccountTokenPurpose),
    /** SHA-256 of the emailed token: the token itself is never stored. */
    tokenHash: p.string().length(64).unique(),
    /** The address the token was mailed to, which using it proves. */
    email: p.string().length(254),
    createdAt: p.datetime().onCreate(() => new Date()),
    expiresAt: p.datetime(),
    usedAt: p.datetime().nullable(),
  },
});
export class AccountToken extends AccountTokenSchema.class {}
AccountTokenSchema.setClass(AccountToken);

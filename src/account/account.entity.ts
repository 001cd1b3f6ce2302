import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';

const UserSchema = defineEntity({
  name: 'User',
  tableName: 'app_user',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    /** Stored lower-cased, so uniqueness ignores case. */
    email: p.string().length(254).unique(),
    passwordHash: p.string().length(200).hidden().lazy(),
    displayName: p.string().length(120),
    isAdmin: p.boolean().default(false),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class User extends UserSchema.class {}
UserSchema.setClass(User);

import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import { User } from '../account/account.entity.js';

/**
 * The first outcome of a mutation sent with an idempotency key. Kept in the database, not in
 * memory, so a retry that reaches another server instance still finds it.
 */
const IdempotencyRecordSchema = defineEntity({
  name: 'IdempotencyRecord',
  uniques: [{ properties: ['user', 'operation', 'key'] }],
  indexes: [{ properties: ['createdAt'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    user: () => p.manyToOne(User).ref().deleteRule('cascade'),
    operation: p.string().length(60),
    key: p.string().length(200),
    /** SHA-256 of the operation's input, to tell a retry from a reuse of the key. */
    requestHash: p.string().length(64),
    /** Id of the object the first call created or acted on, to answer retries with it; set when it commits. */
    resultId: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export class IdempotencyRecord extends IdempotencyRecordSchema.class {}
IdempotencyRecordSchema.setClass(IdempotencyRecord);

import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';

const OutgoingMailSchema = defineEntity({
  name: 'OutgoingMail',
  tableName: 'mail_outbox',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    recipient: p.string().length(254),
    subject: p.string().length(200),
    text: p.text(),
    /** What the mail is about (e.g. VERIFY_EMAIL), for logs and for people's choices of what they receive. */
    kind: p.string(),
    createdAt: p.datetime().onCreate(() => new Date()),
    attempts: p.integer().default(0),
    nextAttemptAt: p.datetime().onCreate(() => new Date()),
    sentAt: p.datetime().nullable(),
    lastError: p.text().nullable(),
  },
});

/** A mail written in the transaction of the change that caused it, sent after that commits. */
export class OutgoingMail extends OutgoingMailSchema.class {}
OutgoingMailSchema.setClass(OutgoingMail);

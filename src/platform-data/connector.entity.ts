import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import { User } from '../account/account.entity.js';
import { Platform } from '../common/enums.js';

/**
 * An organisation that acts for a platform: it reads the platform's data and posts channel
 * snapshots here with its API keys. Admins register connectors and manage their keys.
 */
const ConnectorSchema = defineEntity({
  name: 'Connector',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    name: p.string().length(120).unique(),
    platform: p.enum(() => Platform),
    createdBy: () => p.manyToOne(User).ref().nullable().deleteRule('set null'),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export class Connector extends ConnectorSchema.class {}
ConnectorSchema.setClass(Connector);

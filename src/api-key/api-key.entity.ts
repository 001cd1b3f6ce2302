import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import { User } from '../account/account.entity.js';
import { Agency } from '../agency/agency.entity.js';
import { Brand } from '../brand/brand.entity.js';
import { Connector } from '../platform-data/connector.entity.js';

/**
 * An organisation's key for server-to-server calls. Only the SHA-256 of the secret is kept: the
 * secret is shown once, when the key is made. A key is never deleted, so what it did stays
 * attributable; revoking it stops it at once.
 */
const ApiKeySchema = defineEntity({
  name: 'ApiKey',
  tableName: 'api_key',
  checks: [
    { name: 'api_key_one_organisation', expression: 'num_nonnulls(brand_id, agency_id, connector_id) = 1' },
    { name: 'api_key_has_scopes', expression: 'cardinality(scopes) > 0' },
  ],
  indexes: [{ name: 'api_key_organisation', properties: ['brand', 'agency', 'connector', 'createdAt'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    brand: () => p.manyToOne(Brand).ref().nullable().deleteRule('cascade'),
    agency: () => p.manyToOne(Agency).ref().nullable().deleteRule('cascade'),
    connector: () => p.manyToOne(Connector).ref().nullable().deleteRule('cascade'),
    name: p.string().length(120),
    scopes: p.array(),
    /** The start of the secret, enough for people to tell their keys apart. */
    prefix: p.string().length(24),
    secretHash: p.string().length(64).unique(),
    createdBy: () => p.manyToOne(User).ref().nullable().deleteRule('set null'),
    createdAt: p.datetime().onCreate(() => new Date()),
    lastUsedAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
    revokedBy: () => p.manyToOne(User).ref().nullable().deleteRule('set null'),
    /** The key that replaced this one when it was rotated. */
    replacedBy: () => p.manyToOne(ApiKey).ref().nullable().deleteRule('set null'),
  },
});
export class ApiKey extends ApiKeySchema.class {}
ApiKeySchema.setClass(ApiKey);

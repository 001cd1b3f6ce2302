import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import { User } from '../account/account.entity.js';
import { type AudienceProfile } from '../creator/audience.js';
import { ChannelAccount } from '../creator/creator.entity.js';
import type { AuditFactor } from './audience-audit.js';
import { Connector } from './connector.entity.js';

/** Where a snapshot's figures come from. */
export const SnapshotSource = {
  /** A platform connector read them from the platform. */
  CONNECTOR: 'CONNECTOR',
  /** An admin confirmed the figures shown on the channel when verifying its ownership. */
  ADMIN: 'ADMIN',
} as const;
export type SnapshotSource = (typeof SnapshotSource)[keyof typeof SnapshotSource];

/**
 * A channel's figures at one moment, as verified. Snapshots are history: never changed, never
 * deleted while the channel exists; the newest one is what counts. A connector's snapshot carries
 * the connector's own id for it, so a retry is recognised and stores nothing.
 */
const ChannelSnapshotSchema = defineEntity({
  name: 'ChannelSnapshot',
  uniques: [
    { name: 'channel_snapshot_connector_external_unique', properties: ['connector', 'externalId'] },
    { name: 'channel_snapshot_channel_captured_unique', properties: ['channelAccount', 'capturedAt'] },
  ],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    channelAccount: () => p.manyToOne(ChannelAccount).ref().deleteRule('cascade'),
    source: p.enum(() => SnapshotSource),
    connector: () => p.manyToOne(Connector).ref().nullable().deleteRule('restrict'),
    recordedBy: () => p.manyToOne(User).ref().nullable().deleteRule('set null'),
    externalId: p.string().length(120).nullable(),
    capturedAt: p.datetime(),
    followers: p.integer(),
    averageViews: p.integer(),
    engagementRate: p.double().runtimeType('number').$type<number>(),
    realFollowerShare: p.double().runtimeType('number').$type<number>().nullable(),
    audience: p.json<AudienceProfile>(),
    followerHistory: p.json<{ at: string; followers: number }[]>(),
    auditScore: p.smallint(),
    audit: p.json<AuditFactor[]>(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export class ChannelSnapshot extends ChannelSnapshotSchema.class {}
ChannelSnapshotSchema.setClass(ChannelSnapshot);


import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Platform } from '../common/enums.js';
import { AudienceAuditType, ChannelAccountType, ChannelFiguresType } from '../creator/creator.types.js';
import { UserError } from '../graphql/common-types.js';
import { SnapshotSource } from './channel-snapshot.entity.js';

registerEnumType(SnapshotSource, {
  name: 'SnapshotSource',
  description: 'Where a snapshot’s figures come from.',
  valuesConfig: {
    CONNECTOR: { description: 'A platform connector read them from the platform.' },
    ADMIN: { description: 'An admin confirmed the figures the channel showed when verifying its ownership.' },
  },
});

@ObjectType('FollowerCount', { description: 'The follower count at one moment.' })
export class FollowerCountType {
  @Field({ description: 'When the count was taken.' })
  at!: Date;

  @Field(() => Int, { description: 'Followers then.' })
  followers!: number;
}

@ObjectType('ChannelSnapshot', { description: 'A channel’s verified figures at one moment, with the audit computed from them. History: never changed.' })
export class ChannelSnapshotType {
  @Field(() => ID, { description: 'Opaque global id.' })
  id!: string;

  @Field(() => SnapshotSource, { description: 'Where the figures come from.' })
  source!: SnapshotSource;

  @Field({ description: 'When the figures were read.' })
  capturedAt!: Date;

  @Field(() => ChannelFiguresType, { description: 'The figures.' })
  figures!: ChannelFiguresType;

  @Field(() => [FollowerCountType], { description: 'Follower counts over time that came with the snapshot, oldest first.' })
  followerHistory!: FollowerCountType[];

  @Field(() => AudienceAuditType, { description: 'The audience-quality audit of these figures.' })
  audit!: AudienceAuditType;

  @Field({ description: 'When it was recorded here.' })
  createdAt!: Date;
}

@ObjectType('Connector', { description: 'An organisation that acts for a platform and posts its data with API keys.' })
export class ConnectorType {
  @Field(() => ID, { description: 'Opaque global id; use it as `organisationId` to make the connector’s API keys.' })
  id!: string;

  @Field({ description: 'Name.' })
  name!: string;

  @Field(() => Platform, { description: 'The platform it reads.' })
  platform!: Platform;
}

@ObjectType({ description: 'Result of connectorCreate.' })
export class ConnectorPayload {
  @Field(() => ConnectorType, { nullable: true, description: 'The connector as saved; null when refused.' })
  connector?: ConnectorType;

  @Field(() => [UserError], { description: 'Why the request was refused; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of channelAccountVerificationCodeCreate.' })
export class ChannelVerificationCodePayload {
  @Field(() => String, { nullable: true, description: 'The one-time code to place in the channel’s bio or a post; valid once, for this handle, until `expiresAt`.' })
  code?: string;

  @Field(() => Date, { nullable: true, description: 'When the code stops working.' })
  expiresAt?: Date;

  @Field(() => ChannelAccountType, { nullable: true, description: 'The channel; null when refused.' })
  channelAccount?: ChannelAccountType;

  @Field(() => [UserError], { description: 'Why the request was refused; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of channelAccountVerify.' })
export class ChannelAccountVerifyPayload {
  @Field(() => ChannelAccountType, { nullable: true, description: 'The channel, now verified; null when refused.' })
  channelAccount?: ChannelAccountType;

  @Field(() => [UserError], { description: 'Why the request was refused; empty on success.' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of channelSnapshotRecord.' })
export class ChannelSnapshotRecordPayload {
  @Field(() => ChannelSnapshotType, { nullable: true, description: 'The snapshot as stored; null when refused.' })
  snapshot?: ChannelSnapshotType;

  @Field(() => ChannelAccountType, { nullable: true, description: 'The channel with its figures updated; null when refused.' })
  channelAccount?: ChannelAccountType;

  @Field(() => Boolean, { nullable: true, description: 'True when this exact snapshot had been recorded before and nothing new was stored.' })
  replayed?: boolean;

  @Field(() => [UserError], { description: 'Why the request was refused; empty on success.' })
  userErrors!: UserError[];
}

import 'reflect-metadata';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { z } from 'zod';
import { Platform } from '../common/enums.js';
import { ProblemCode } from '../common/problems.js';
import { audienceSchema, ChannelAudienceInput } from '../creator/creator.inputs.js';
import { EMPTY_AUDIENCE } from '../creator/audience.js';

/** No platform has an account with more followers than this; a larger figure is an error. */
export const MAX_SNAPSHOT_FOLLOWERS = 2_000_000_000;
export const MAX_HISTORY_POINTS = 400;
/** Connectors' clocks may run a little ahead of ours. */
const CLOCK_SKEW_MS = 5 * 60_000;

const followers = z.number().int('must be a whole number').min(0, 'must not be negative').max(MAX_SNAPSHOT_FOLLOWERS, 'must be at most 2,000,000,000');
const share = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');
const notInFuture = (date: Date) => date.getTime() <= Date.now() + CLOCK_SKEW_MS;
const moment = z.date().refine((date) => !Number.isNaN(date.getTime()), 'must be a valid time').refine(notInFuture, { message: 'must not be in the future', params: { code: ProblemCode.OUT_OF_RANGE } });

export const snapshotSchema = z
  .object({
    snapshotId: z.string().trim().min(1, 'snapshot ids need 1 to 120 characters').max(120, 'snapshot ids need 1 to 120 characters'),
    capturedAt: moment,
    followers,
    averageViews: z.number().int('must be a whole number').min(0, 'must not be negative').max(2_147_483_647, 'is too large'),
    engagementRate: share,
    realFollowerShare: share.nullable().default(null),
    audience: audienceSchema.default(EMPTY_AUDIENCE),
    followerHistory: z.array(z.object({ at: moment, followers })).max(MAX_HISTORY_POINTS, `at most ${MAX_HISTORY_POINTS} counts`).default([]),
  })
  .superRefine((snapshot, ctx) => {
    snapshot.followerHistory.forEach((point, index) => {
      if (point.at > snapshot.capturedAt) {
        ctx.addIssue({ code: 'custom', message: 'a count cannot be later than the snapshot', path: ['followerHistory', index, 'at'], params: { code: ProblemCode.INVALID } });
      }
    });
  });
export type SnapshotValues = z.input<typeof snapshotSchema>;
export type Snapshot = z.output<typeof snapshotSchema>;

export const connectorCreateSchema = z.object({
  name: z.string().trim().min(1, 'names need 1 to 120 characters').max(120, 'names need 1 to 120 characters'),
  platform: z.enum(Platform),
});

export const verificationCodeSchema = z.string().trim().toUpperCase().min(1, 'the code is required').max(32, 'codes have at most 32 characters');

@InputType('FollowerCountInput', { description: 'The follower count at one moment.' })
export class FollowerCountInput {
  @Field({ description: 'When the count was taken; not after the snapshot.' })
  at!: Date;

  @Field(() => Int, { description: 'Followers then, 0 to 2,000,000,000.' })
  followers!: number;
}

@InputType('ChannelSnapshotInput', { description: 'A channel’s figures as a platform connector read them.' })
export class ChannelSnapshotInput {
  @Field(() => ID, { description: 'Global id of the channel account; it must be verified and on the connector’s platform.' })
  channelAccountId!: string;

  @Field({ description: 'The connector’s own id for this snapshot, 1 to 120 characters: sending it again stores nothing.' })
  snapshotId!: string;

  @Field({ description: 'When the platform’s figures were read; later than the channel’s newest snapshot, not in the future.' })
  capturedAt!: Date;

  @Field(() => Int, { description: 'Followers, 0 to 2,000,000,000.' })
  followers!: number;

  @Field(() => Int, { description: 'Average views per piece of content, at least 0.' })
  averageViews!: number;

  @Field(() => Float, { description: 'Engagement per view, 0 to 1.' })
  engagementRate!: number;

  @Field(() => Float, { nullable: true, description: 'The platform’s estimate of the share of real followers, 0 to 1, when it gives one.' })
  realFollowerShare?: number | null;

  @Field(() => ChannelAudienceInput, { nullable: true, description: 'Who watches the channel. Default: not reported.' })
  audience?: ChannelAudienceInput | null;

  @Field(() => [FollowerCountInput], { nullable: true, description: `Follower counts over time, at most ${MAX_HISTORY_POINTS}; growth is audited from them.` })
  followerHistory?: FollowerCountInput[] | null;
}

@InputType('ConnectorCreateInput', { description: 'A platform connector to register.' })
export class ConnectorCreateInput {
  @Field({ description: 'Name, unique, 1 to 120 characters.' })
  name!: string;

  @Field(() => Platform, { description: 'The platform it reads.' })
  platform!: Platform;
}

@InputType('ChannelAccountVerifyInput', { description: 'Confirms a channel’s ownership: the code was seen in its bio or a post.' })
export class ChannelAccountVerifyInput {
  @Field(() => ID, { description: 'Global id of the channel account.' })
  channelAccountId!: string;

  @Field({ description: 'The one-time code found on the channel.' })
  code!: string;
}

import DataLoader from 'dataloader';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { Role } from '../auth/viewer.js';
import { ChannelAccount } from '../creator/creator.entity.js';
import { AudienceAuditType, ChannelAccountType, ChannelFiguresType } from '../creator/creator.types.js';
import { type RequestContext, loader } from '../graphql/context.js';
import { idOfType, toGlobalId } from '../graphql/global-id.js';
import { unauthenticated } from '../graphql/errors.js';
import { mutate } from '../graphql/mutation.js';
import { ViewerNotNeeded } from '../graphql/viewer-loading.js';
import type { AuditFactor } from './audience-audit.js';
import { ChannelSnapshot } from './channel-snapshot.entity.js';
import { Connector } from './connector.entity.js';
import { ChannelAccountVerifyInput, ChannelSnapshotInput, ConnectorCreateInput } from './platform-data.inputs.js';
import {
  ChannelAccountVerifyPayload,
  ChannelSnapshotRecordPayload,
  ChannelSnapshotType,
  ChannelVerificationCodePayload,
  ConnectorPayload,
  ConnectorType,
  FollowerCountType,
} from './platform-data.types.js';

const MAX_SNAPSHOTS = 50;

/** Operations open to API keys as well as people: a request with neither is told to authenticate. */
function requireSomeone(context: RequestContext): void {
  if (!context.viewerId && !context.apiKey) throw unauthenticated('Sign in, or send an organisation API key.');
}

@Resolver(() => ChannelSnapshotType)
export class ChannelSnapshotResolver {
  @FieldResolver(() => ID)
  id(@Root() snapshot: ChannelSnapshot): string {
    return toGlobalId('ChannelSnapshot', snapshot.id);
  }

  @FieldResolver(() => ChannelFiguresType)
  figures(@Root() snapshot: ChannelSnapshot): ChannelFiguresType {
    const { followers, averageViews, engagementRate, realFollowerShare, audience } = snapshot;
    return { followers, averageViews, engagementRate, realFollowerShare: realFollowerShare ?? null, audience };
  }

  @FieldResolver(() => [FollowerCountType])
  followerHistory(@Root() snapshot: ChannelSnapshot): FollowerCountType[] {
    return snapshot.followerHistory.map((point) => ({ at: new Date(point.at), followers: point.followers })).sort((a, b) => a.at.getTime() - b.at.getTime());
  }

  @FieldResolver(() => AudienceAuditType)
  audit(@Root() snapshot: ChannelSnapshot): { score: number; factors: AuditFactor[] } {
    return { score: snapshot.auditScore, factors: snapshot.audit };
  }
}

@Resolver(() => ConnectorType)
export class ConnectorResolver {
  @FieldResolver(() => ID)
  id(@Root() connector: Connector): string {
    return toGlobalId('Connector', connector.id);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ConnectorPayload, { description: 'Registers a platform connector; then make its API keys with apiKeyCreate. Admins only.' })
  connectorCreate(@Arg('input', () => ConnectorCreateInput, { description: 'The platform the connector acts for and its name.' }) input: ConnectorCreateInput, @Ctx() context: RequestContext) {
    return mutate(context, (tx) => context.services.platformData.registerConnector(tx, input));
  }
}

@Resolver(() => ChannelAccountType)
export class ChannelVerificationResolver {
  @ViewerNotNeeded()
  @FieldResolver(() => [ChannelSnapshotType], { description: 'Verified snapshots of the channel, newest first (at most 50, or `first`).' })
  snapshots(@Root() channelAccount: ChannelAccount, @Ctx() context: RequestContext, @Arg('first', () => Int, { nullable: true, description: 'At most this many, 1 to 50. Default: 10.' }) first: number | null): Promise<ChannelSnapshot[]> {
    const limit = Math.min(MAX_SNAPSHOTS, Math.max(1, first ?? 10));
    return loader(context, `platformData.snapshots.${limit}`, (ctx) => new DataLoader<string, ChannelSnapshot[]>((ids) => ctx.services.platformData.snapshotsOf(ctx.em, ids, limit))).load(channelAccount.id);
  }

  @Authorized()
  @Mutation(() => ChannelVerificationCodePayload, {
    description: 'A one-time code for a channel you own: place it in the channel’s bio or a post, then an admin or the platform’s connector confirms it (channelAccountVerify).',
  })
  channelAccountVerificationCodeCreate(@Arg('channelAccountId', () => ID, { description: 'The channel account whose ownership is to be proven.' }) channelAccountId: string, @Ctx() context: RequestContext) {
    return mutate(context, (tx) => context.services.platformData.issueVerificationCode(tx, idOfType(channelAccountId, 'ChannelAccount')));
  }

  @Mutation(() => ChannelAccountVerifyPayload, {
    description:
      'Confirms a channel’s ownership from the one-time code found on it. Admins (who may not verify their own channels), or a connector’s API key with CHANNELS_VERIFY for a channel on its platform.',
  })
  channelAccountVerify(@Arg('input', () => ChannelAccountVerifyInput, { description: 'The channel account and the one-time code found in its bio or post.' }) input: ChannelAccountVerifyInput, @Ctx() context: RequestContext) {
    requireSomeone(context);
    const verifier = context.apiKey ? { connector: context.apiKey } : ({ admin: true } as const);
    return mutate(context, (tx) => context.services.platformData.verify(tx, verifier, idOfType(input.channelAccountId, 'ChannelAccount'), input.code));
  }

  @Mutation(() => ChannelSnapshotRecordPayload, {
    description:
      'Records a platform connector’s snapshot of a verified channel on its platform; the newest one counts. Needs an API key with SNAPSHOTS_WRITE. Sending the same snapshot again stores nothing.',
  })
  channelSnapshotRecord(@Arg('input', () => ChannelSnapshotInput, { description: 'The platform’s figures for one verified channel account at one moment.' }) input: ChannelSnapshotInput, @Ctx() context: RequestContext) {
    requireSomeone(context);
    const { channelAccountId, ...snapshot } = input;
    return mutate(context, (tx) => context.services.platformData.recordSnapshot(tx, context.apiKey, idOfType(channelAccountId, 'ChannelAccount'), snapshot));
  }
}

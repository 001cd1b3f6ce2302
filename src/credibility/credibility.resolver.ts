import DataLoader from 'dataloader';
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { CurrencyCode } from '../common/money.js';
import type { Creator } from '../creator/creator.entity.js';
import { CreatorType } from '../creator/creator.types.js';
import type { Deal } from '../deal/deal.entity.js';
import { DealType } from '../deal/deal.types.js';
import { PageArgs, pageRequest, toConnection, withCursorCheck } from '../graphql/connection.js';
import { type RequestContext, loader } from '../graphql/context.js';
import type { Trader } from '../trader/trader.entity.js';
import { TraderType } from '../trader/trader.types.js';
import type { CredibilityChange } from './credibility.entity.js';
import type { CredibilityLevel as NumericLevel } from './credibility.js';
import {
  CredibilityChangeConnection,
  CredibilityChangeType,
  CredibilityLevel as CredibilityLevelEnum,
  credibilityLevelName,
  TrackRecordType,
} from './credibility.types.js';
import type { TalentKind, TrackRecordSummary } from './track-record.js';

/** One statement per request for every creator (or operator) whose track record the query asks for. */
const trackRecords = (context: RequestContext, kind: TalentKind) =>
  loader(
    context,
    `credibility.trackRecord.${kind}`,
    ({ em, services }) => new DataLoader<string, TrackRecordSummary>((ids) => services.credibility.trackRecords(em, kind, ids)),
  );

function toTrackRecord(record: TrackRecordSummary): TrackRecordType {
  return {
    dealsCompleted: record.dealsCompleted,
    deliverablesTotal: record.deliverablesTotal,
    deliverablesOnTime: record.deliverablesOnTime,
    onTimeRateBp: record.deliverablesTotal ? Math.floor((record.deliverablesOnTime * 10_000) / record.deliverablesTotal) : null,
    guaranteedDeals: record.guaranteedDeals,
    guaranteedGmv: record.guaranteesByCurrency.map(({ currency, promised, achieved }) => ({
      promised: { amount: promised, currency: currency as CurrencyCode },
      achieved: { amount: achieved, currency: currency as CurrencyCode },
    })),
    averageRoiBp: record.averageRoiBp,
    reviewCount: record.reviewCount,
    reviewAverage: record.reviewAverage === null ? null : Math.round(record.reviewAverage * 100) / 100,
  };
}

const HISTORY_DESCRIPTION =
  'How the credibility score and level changed over time, newest first, each change with its reason. Only the talent themselves, the agency whose roster they are active on, and admins see it; null for anyone else.';
const TRACK_RECORD_DESCRIPTION = 'What settled deals say: deals completed, deliverables on time, GMV promised against achieved, average ROI and reviews. Public.';

@Resolver(() => CreatorType)
export class CreatorCredibilityResolver {
  @FieldResolver(() => CredibilityChangeConnection, { nullable: true, description: HISTORY_DESCRIPTION })
  async credibilityHistory(@Root() creator: Creator, @Args(() => PageArgs) args: PageArgs, @Ctx() context: RequestContext) {
    const page = pageRequest(args);
    const cursor = await withCursorCheck(() => context.services.credibility.visibleHistory(context, { creatorId: creator.id }, page));
    return cursor && toConnection(cursor);
  }

  @FieldResolver(() => TrackRecordType, { description: TRACK_RECORD_DESCRIPTION })
  async trackRecord(@Root() creator: Creator, @Ctx() context: RequestContext): Promise<TrackRecordType> {
    return toTrackRecord(await trackRecords(context, 'creator').load(creator.id));
  }
}

@Resolver(() => TraderType)
export class TraderCredibilityResolver {
  @FieldResolver(() => CredibilityChangeConnection, { nullable: true, description: HISTORY_DESCRIPTION })
  async credibilityHistory(@Root() trader: Trader, @Args(() => PageArgs) args: PageArgs, @Ctx() context: RequestContext) {
    const page = pageRequest(args);
    const cursor = await withCursorCheck(() => context.services.credibility.visibleHistory(context, { traderId: trader.id }, page));
    return cursor && toConnection(cursor);
  }

  @FieldResolver(() => TrackRecordType, { description: TRACK_RECORD_DESCRIPTION })
  async trackRecord(@Root() trader: Trader, @Ctx() context: RequestContext): Promise<TrackRecordType> {
    return toTrackRecord(await trackRecords(context, 'trader').load(trader.id));
  }
}

@Resolver(() => CredibilityChangeType)
export class CredibilityChangeResolver {
  @FieldResolver(() => CredibilityLevelEnum, { description: 'Level before the change.' })
  previousLevel(@Root() change: CredibilityChange): CredibilityLevelEnum {
    return credibilityLevelName(change.previousLevel as NumericLevel);
  }

  @FieldResolver(() => CredibilityLevelEnum, { description: 'Level after the change.' })
  newLevel(@Root() change: CredibilityChange): CredibilityLevelEnum {
    return credibilityLevelName(change.newLevel as NumericLevel);
  }

  @FieldResolver(() => DealType, { nullable: true, description: 'The settled deal behind a DEAL_SETTLED or REVIEW_RECEIVED change; null for other reasons or when you may not see the deal.' })
  async deal(@Root() change: CredibilityChange, @Ctx() context: RequestContext): Promise<Deal | null> {
    return change.deal ? context.services.deals.visibleById(context, change.deal.id) : null;
  }
}

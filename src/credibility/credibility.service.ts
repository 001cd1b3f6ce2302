import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { RosterMembership, RosterStatus } from '../agency/agency.entity.js';
import type { Talent } from '../agency/roster.service.js';
import type { Viewer } from '../auth/viewer.js';
import { summariseChannelAccounts } from '../creator/channel-summary.js';
import { ChannelAccount, Creator, CreatorRate } from '../creator/creator.entity.js';
import { Credential, CredentialStatus } from '../credential/credential.entity.js';
import { CredentialType, impliedCredentialTypes } from '../credential/credential-type.js';
import { Trader } from '../trader/trader.entity.js';
import { findPage, type PageRequest } from '../common/page.js';
import type { ServiceContext } from '../common/service-context.js';
import { CredibilityChange, CredibilityChangeReason } from './credibility.entity.js';
import { computeCredibility } from './credibility.js';
import { explainChange } from './credibility-history.js';
import { type TalentKind, type TrackRecordSummary, trackRecordsOf } from './track-record.js';

/** Every credential type and each type holding it lets one claim (itself included), as two parallel arrays for SQL. */
const CLAIMS = Object.values(CredentialType).flatMap((held) => [...impliedCredentialTypes([held])].map((claimed) => ({ held, claimed })));

/** What set a refresh off, when the caller knows better than a comparison of the summaries. */
export interface CredibilityCause {
  /** The deal just settled (or just reviewed) that the refresh follows. */
  dealId: string;
  reason: typeof CredibilityChangeReason.DEAL_SETTLED | typeof CredibilityChangeReason.REVIEW_RECEIVED;
}

interface ScoreBefore {
  score: number;
  level: number;
  claimable: readonly string[];
  totalFollowers: number;
  audienceQuality: number;
}

/**
 * Keeps each profile's summary columns (verified credential types, follower totals, audience
 * quality, credibility score and level, a creator's channel platforms and rate-card formats) in
 * line with the rows they summarise, and writes a history row whenever the score or level moves.
 * Call it in the same transaction as any change to a person's credentials, channel accounts, rate
 * card, settled deals or reviews.
 */
export class CredibilityService {
  async refreshForUser(em: EntityManager, userId: string, cause?: CredibilityCause): Promise<void> {
    // Lock the profile rows before reading what they summarise: two changes for the same person
    // committed side by side would otherwise each write a summary missing the other's change.
    const creator = await em.findOne(Creator, { user: userId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const trader = await em.findOne(Trader, { user: userId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const credentials = await em.find(Credential, { holder: userId, status: CredentialStatus.VERIFIED });
    const now = new Date();
    const verifiedTypes = new Set<CredentialType>(
      credentials.filter((credential) => !credential.expiresAt || credential.expiresAt > now).map((credential) => credential.type),
    );
    const claimable = [...impliedCredentialTypes(verifiedTypes)].sort();

    if (creator) {
      const before = scoreBefore(creator);
      const accounts = await em.find(ChannelAccount, { creator: creator.id });
      const rates = await em.find(CreatorRate, { creator: creator.id });
      const [record] = await trackRecordsOf(em, 'creator', [creator.id]);
      const summary = summariseChannelAccounts(accounts);
      const credibility = computeCredibility({
        verifiedCredentialCount: verifiedTypes.size,
        audienceQuality: summary.totalFollowers > 0 ? summary.audienceQuality : null,
        trackRecord: record!,
      });
      Object.assign(creator, {
        verifiedCredentialTypes: claimable,
        totalFollowers: summary.totalFollowers,
        audienceQuality: summary.audienceQuality,
        credibilityScore: credibility.score,
        credibilityLevel: credibility.level,
        platforms: [...new Set(accounts.map((account) => account.platform))].sort(),
        rateFormats: [...new Set(rates.map((rate) => rate.format))].sort(),
      });
      recordChange(em, { creator }, before, creator, record!, cause);
    }
    if (trader) {
      const before = scoreBefore(trader);
      const [record] = await trackRecordsOf(em, 'trader', [trader.id]);
      // Operators are judged by what they run, not by a personal audience.
      const credibility = computeCredibility({ verifiedCredentialCount: verifiedTypes.size, audienceQuality: null, trackRecord: record! });
      Object.assign(trader, {
        verifiedCredentialTypes: claimable,
        credibilityScore: credibility.score,
        credibilityLevel: credibility.level,
      });
      recordChange(em, { trader }, before, { ...trader, totalFollowers: 0, audienceQuality: 0 }, record!, cause);
    }
    await em.flush();
  }

  /**
   * Recomputes the credibility of the deal's creator or operator after the deal was settled (or
   * reviewed): the track record it reads includes the settlement row just written. Call it in the
   * transaction that writes the settlement or review.
   */
  async refreshAfterDeal(em: EntityManager, dealId: string, reason: CredibilityCause['reason'] = CredibilityChangeReason.DEAL_SETTLED): Promise<void> {
    const rows = await em.execute<{ user_id: string }[]>(
      `select coalesce(c.user_id, t.user_id) as user_id from deal d
         left join creator c on c.id = d.creator_id left join trader t on t.id = d.trader_id where d.id = ?`,
      [dealId],
    );
    if (rows[0]?.user_id) await this.refreshForUser(em, rows[0].user_id, { dealId, reason });
  }

  /**
   * One page of a creator's or operator's credibility history, newest first; null unless the
   * viewer is the talent, a member of the agency whose roster they are active on, or an admin.
   */
  async visibleHistory({ em, viewer }: ServiceContext, subject: Talent, page: PageRequest) {
    if (!viewer || !(await seesHistory(em, viewer, subject))) return null;
    const where = 'creatorId' in subject ? { creator: subject.creatorId } : { trader: subject.traderId };
    return findPage(em, CredibilityChange, { where, orderBy: { createdAt: 'desc', id: 'desc' }, page });
  }

  /** The track record of each talent, in the order asked: one statement for the batch. */
  trackRecords(em: EntityManager, kind: TalentKind, ids: readonly string[]): Promise<TrackRecordSummary[]> {
    return trackRecordsOf(em, kind, ids);
  }

  /**
   * Refreshes the profiles whose summary still lists a credential type that only expired
   * credentials gave them: nothing changed in their rows when the date passed, so nothing else
   * refreshes them. At most `limit` people per call, each in a transaction of their own, so one
   * failure holds up nobody else; the next call picks up the rest.
   */
  async refreshLapsed(em: EntityManager, limit: number): Promise<number> {
    const rows = await em.execute<{ holder_id: string }[]>(
      `select distinct lapsed.holder_id
         from credential lapsed
        where lapsed.status = ? and lapsed.expires_at <= now()
          and (exists (select 1 from creator where creator.user_id = lapsed.holder_id and lapsed.type = any(creator.verified_credential_types))
            or exists (select 1 from trader where trader.user_id = lapsed.holder_id and lapsed.type = any(trader.verified_credential_types)))
          and not exists (
            select 1
              from credential valid
              join unnest(?::text[], ?::text[]) as claim(held, claimed) on claim.held = valid.type
             where valid.holder_id = lapsed.holder_id and valid.status = ?
               and (valid.expires_at is null or valid.expires_at > now())
               and claim.claimed = lapsed.type)
        limit ?`,
      [
        CredentialStatus.VERIFIED,
        `{${CLAIMS.map((claim) => claim.held).join(',')}}`,
        `{${CLAIMS.map((claim) => claim.claimed).join(',')}}`,
        CredentialStatus.VERIFIED,
        limit,
      ],
    );
    const failures: unknown[] = [];
    for (const { holder_id: userId } of rows) {
      await em
        .fork()
        .transactional((tx) => this.refreshForUser(tx, userId))
        .catch((error: unknown) => failures.push(error));
    }
    if (failures.length) throw new AggregateError(failures, `${failures.length} of ${rows.length} profiles could not be refreshed`);
    return rows.length;
  }
}

function scoreBefore(profile: { credibilityScore: number; credibilityLevel: number; verifiedCredentialTypes: string[]; totalFollowers?: number; audienceQuality?: number }): ScoreBefore {
  return {
    score: profile.credibilityScore,
    level: profile.credibilityLevel,
    claimable: [...profile.verifiedCredentialTypes],
    totalFollowers: profile.totalFollowers ?? 0,
    audienceQuality: profile.audienceQuality ?? 0,
  };
}

/** A history row when the score or level moved; nothing when neither did. */
function recordChange(
  em: EntityManager,
  subject: { creator: Creator } | { trader: Trader },
  before: ScoreBefore,
  after: { credibilityScore: number; credibilityLevel: number; verifiedCredentialTypes: string[]; totalFollowers: number; audienceQuality: number },
  record: TrackRecordSummary,
  cause: CredibilityCause | undefined,
): void {
  if (before.score === after.credibilityScore && before.level === after.credibilityLevel) return;
  const change = explainChange(
    before,
    { score: after.credibilityScore, level: after.credibilityLevel, claimable: after.verifiedCredentialTypes, totalFollowers: after.totalFollowers, audienceQuality: after.audienceQuality },
    record,
    cause?.reason ?? null,
  );
  em.create(CredibilityChange, {
    creator: 'creator' in subject ? subject.creator : null,
    trader: 'trader' in subject ? subject.trader : null,
    previousScore: before.score,
    previousLevel: before.level,
    newScore: after.credibilityScore,
    newLevel: after.credibilityLevel,
    reason: change.reason,
    explanation: change.explanation,
    deal: cause?.dealId ?? null,
  });
}

/** The talent themselves, admins, and members of the agency whose roster the talent is active on. */
async function seesHistory(em: EntityManager, viewer: Viewer, subject: Talent): Promise<boolean> {
  if (viewer.isAdmin) return true;
  if ('creatorId' in subject ? viewer.creatorId === subject.creatorId : viewer.traderId === subject.traderId) return true;
  if (!viewer.agencyIds.size) return false;
  const talent = 'creatorId' in subject ? { creator: subject.creatorId } : { trader: subject.traderId };
  return (await em.count(RosterMembership, { ...talent, status: RosterStatus.ACTIVE, agency: { $in: [...viewer.agencyIds] } })) > 0;
}

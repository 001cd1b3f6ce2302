import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { summariseChannelAccounts } from '../creator/channel-summary.js';
import { ChannelAccount, Creator, CreatorRate } from '../creator/creator.entity.js';
import { Credential, CredentialStatus } from '../credential/credential.entity.js';
import { CredentialType, impliedCredentialTypes } from '../credential/credential-type.js';
import { Trader } from '../trader/trader.entity.js';
import { computeCredibility } from './credibility.js';

/** Every credential type and each type holding it lets one claim (itself included), as two parallel arrays for SQL. */
const CLAIMS = Object.values(CredentialType).flatMap((held) => [...impliedCredentialTypes([held])].map((claimed) => ({ held, claimed })));

/**
 * Keeps each profile's summary columns (verified credential types, follower totals, audience
 * quality, credibility score and level, a creator's channel platforms and rate-card formats) in
 * line with the rows they summarise. Call it in the same transaction as any change to a person's
 * credentials, channel accounts or rate card.
 */
export class CredibilityService {
  async refreshForUser(em: EntityManager, userId: string): Promise<void> {
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
      const accounts = await em.find(ChannelAccount, { creator: creator.id });
      const rates = await em.find(CreatorRate, { creator: creator.id });
      const summary = summariseChannelAccounts(accounts);
      const credibility = computeCredibility({
        verifiedCredentialCount: verifiedTypes.size,
        audienceQuality: summary.totalFollowers > 0 ? summary.audienceQuality : null,
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
    }
    if (trader) {
      // Operators are judged by what they run, not by a personal audience.
      const credibility = computeCredibility({ verifiedCredentialCount: verifiedTypes.size, audienceQuality: null });
      Object.assign(trader, {
        verifiedCredentialTypes: claimable,
        credibilityScore: credibility.score,
        credibilityLevel: credibility.level,
      });
    }
    await em.flush();
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

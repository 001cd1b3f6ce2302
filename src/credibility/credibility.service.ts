import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { summariseChannelAccounts } from '../creator/channel-summary.js';
import { ChannelAccount, Creator } from '../creator/creator.entity.js';
import { Credential, CredentialStatus } from '../credential/credential.entity.js';
import { type CredentialType, impliedCredentialTypes } from '../credential/credential-type.js';
import { Trader } from '../trader/trader.entity.js';
import { computeCredibility } from './credibility.js';

/**
 * Keeps each profile's summary columns (verified credential types, follower totals, audience
 * quality, credibility score and level) in line with the rows they summarise. Call it in the same
 * transaction as any change to a person's credentials or channel accounts.
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
}

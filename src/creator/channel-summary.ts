/** What a creator's channel accounts add up to, kept on the creator row for filtering and scoring. */
export interface ChannelSummary {
  /** Followers of the verified channels, from their latest verified snapshots. */
  totalFollowers: number;
  /** The audience-quality audit of the verified channels, 0..1, weighted by each channel's followers. */
  audienceQuality: number;
  verifiedChannels: number;
}

/**
 * Declared channels count for nothing: only verified ones, with the figures and audit of their
 * latest verified snapshot, make up reach and audience quality.
 */
export function summariseChannelAccounts(
  accounts: readonly { verifiedAt?: Date | null; followers: number; auditScore?: number | null }[],
): ChannelSummary {
  const verified = accounts.filter((account) => account.verifiedAt != null);
  const totalFollowers = verified.reduce((sum, account) => sum + account.followers, 0);
  const audited = verified.filter((account) => account.auditScore != null);
  const auditedFollowers = audited.reduce((sum, account) => sum + account.followers, 0);
  const audienceQuality = auditedFollowers === 0 ? 0 : audited.reduce((sum, account) => sum + account.followers * (account.auditScore! / 100), 0) / auditedFollowers;
  return { totalFollowers, audienceQuality, verifiedChannels: verified.length };
}

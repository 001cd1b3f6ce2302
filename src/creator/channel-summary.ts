/** What a creator's channel accounts add up to, kept on the creator row for filtering and scoring. */
export interface ChannelSummary {
  totalFollowers: number;
  /** Share of real followers across all channels, weighted by each channel's followers. */
  audienceQuality: number;
}

export function summariseChannelAccounts(
  accounts: readonly { followers: number; realFollowerShare: number }[],
): ChannelSummary {
  const totalFollowers = accounts.reduce((sum, account) => sum + account.followers, 0);
  if (totalFollowers === 0) return { totalFollowers: 0, audienceQuality: 0 };
  const realFollowers = accounts.reduce((sum, account) => sum + account.followers * account.realFollowerShare, 0);
  return { totalFollowers, audienceQuality: realFollowers / totalFollowers };
}

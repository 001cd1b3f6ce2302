// Posts one channel snapshot as a platform connector would, with an organisation API key.
//   MCN_API_KEY=mcn_live_… node examples/connector-snapshot.mjs <channelAccountId> [followers]
// MCN_API_URL defaults to http://localhost:4000/graphql.
const [channelAccountId, followers = '120000'] = process.argv.slice(2);
const url = process.env.MCN_API_URL ?? 'http://localhost:4000/graphql';
if (!channelAccountId || !process.env.MCN_API_KEY) {
  console.error('usage: MCN_API_KEY=mcn_live_… node examples/connector-snapshot.mjs <channelAccountId> [followers]');
  process.exit(2);
}
const count = Number(followers);
const now = Date.now();
const day = 86_400_000;
const input = {
  channelAccountId,
  // The connector's own id for this reading: sending it again stores nothing.
  snapshotId: `example-${channelAccountId}-${new Date(now).toISOString().slice(0, 10)}`,
  capturedAt: new Date(now).toISOString(),
  followers: count,
  averageViews: Math.round(count * 0.12),
  engagementRate: 0.045,
  realFollowerShare: 0.93,
  followerHistory: [90, 60, 30].map((daysAgo, index) => ({ at: new Date(now - daysAgo * day).toISOString(), followers: Math.round(count * (0.85 + index * 0.05)) })),
};
const query = `mutation($input: ChannelSnapshotInput!) {
  channelSnapshotRecord(input: $input) {
    replayed
    snapshot { capturedAt audit { score factors { kind value sentence } } }
    userErrors { code field message }
  }
}`;
const response = await fetch(url, {
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: `Bearer ${process.env.MCN_API_KEY}` },
  body: JSON.stringify({ query, variables: { input } }),
});
console.log(JSON.stringify(await response.json(), null, 2));

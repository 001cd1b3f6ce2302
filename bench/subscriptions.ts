import { afterAll, it } from 'vitest';
import { signUp } from '../test/support/actors.js';
import { BID_MUTATIONS, createBrand, createBrief, createCreator, placeBid, terms } from '../test/support/bids.js';
import { subscribe, wsClient } from '../test/support/subscriptions.js';
import { startTestServer, type TestServer } from '../test/support/test-server.js';

/**
 * `npx vitest run --config bench/vitest.config.ts bench/subscriptions.ts`: the subscription attack
 * (one signed-in account opens 300 subscriptions to a brief's bids, then its bids are revised)
 * and what it does to everyone else's requests: the p95 of a signed-in read measured with no
 * subscribers, then while the attack's events are delivered. Run with the default caps, and with
 * the caps lifted, so that the figure shows both what the caps and the once-per-event audience do.
 */

const ATTACK_SUBSCRIPTIONS = 300;
const REVISIONS = 5;
const WORKERS = 4;
const READ = '{ viewer { id displayName } }';

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))]!;

/** Runs signed-in reads from WORKERS clients until `done` settles; returns each read's latency (ms). */
async function readLatencies(server: TestServer, token: string, done: Promise<unknown>): Promise<number[]> {
  const latencies: number[] = [];
  let finished = false;
  void done.finally(() => (finished = true));
  await Promise.all(
    Array.from({ length: WORKERS }, async () => {
      while (!finished) {
        const started = performance.now();
        await server.graphql(READ, {}, { token });
        latencies.push(performance.now() - started);
      }
    }),
  );
  return latencies;
}

async function measure(environment: Record<string, string>) {
  const server = await startTestServer(environment);
  const clients: ReturnType<typeof wsClient>[] = [];
  try {
    const brand = await createBrand(server);
    const briefId = await createBrief(server, brand);
    const creator = await createCreator(server, 'reviser');
    const bystander = await signUp(server, 'bystander');
    const bid = await placeBid(server, creator.actor, { briefId, creatorId: creator.id });

    const baseline = await readLatencies(server, bystander.token, new Promise((resolve) => setTimeout(resolve, 3_000)));

    // The attacker's sockets: one, then more when the first is capped, up to the account's own cap.
    let accepted = 0;
    let refused = 0;
    for (let socket = 0; socket < 10 && accepted + refused < ATTACK_SUBSCRIPTIONS; socket += 1) {
      const client = wsClient(server.url, brand.owner.token);
      clients.push(client);
      const subscriptions = Array.from({ length: ATTACK_SUBSCRIPTIONS / 10 }, () =>
        subscribe(client, 'subscription($briefId: ID!) { bidEvents(briefId: $briefId) { kind bid { id status currentRevision { number } } } }', { briefId }),
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      for (const subscription of subscriptions) {
        if (subscription.pending().some((result) => result.errors?.length)) refused += 1;
        else accepted += 1;
      }
    }

    const revisions = (async () => {
      for (let revision = 0; revision < REVISIONS; revision += 1) {
        await server.graphql(BID_MUTATIONS.revise, { id: bid.id, terms: terms({ commissionBp: 1000 + revision }) }, { token: creator.actor.token });
      }
      // Deliveries continue after the last revision commits; give them time to be measured.
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    })();
    const underAttack = await readLatencies(server, bystander.token, revisions);
    return {
      accepted,
      refused,
      baselineP95: percentile(baseline, 95),
      attackP95: percentile(underAttack, 95),
      ratio: percentile(underAttack, 95) / percentile(baseline, 95),
    };
  } finally {
    await Promise.all(clients.map((client) => client.dispose()));
    await server.stop();
  }
}

const results: Record<string, unknown> = {};
afterAll(() => {
  console.table(results);
});

it('measures the 300-subscription attack', async () => {
  results['default caps'] = await measure({});
  results['caps lifted'] = await measure({ SUBSCRIPTIONS_PER_SOCKET: '1000', SUBSCRIPTIONS_PER_ACCOUNT: '1000' });
});

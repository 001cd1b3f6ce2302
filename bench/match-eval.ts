import { mkdir, writeFile } from 'node:fs/promises';
import { afterAll, expect, it } from 'vitest';
import { generateCreators } from '../seeds/generator.js';
import { loadJudgedSet } from '../seeds/match-judged-loader.js';
import { startTestServer, type TestServer } from '../test/support/test-server.js';
import { evaluateMatchQuality, qualityDetails, qualityTable } from './support/match-quality.js';

/**
 * `npm run eval:match [-- --distractors N]`: the judged set (seeds/match-judged-set.ts) loaded
 * through the services beside N synthetic distractors from the seed generator (default 10,000),
 * then NDCG@10 per brief and their mean, candidate recall and hard-constraint violations. Fails
 * below a mean NDCG@10 of EVAL_MIN_NDCG (default 0.85) or with any violation. Writes
 * bench/results/match-eval-<N>.json.
 */

const distractors = Number(process.env.EVAL_DISTRACTORS ?? 10_000);
const minimumNdcg = Number(process.env.EVAL_MIN_NDCG ?? 0.85);
const seed = Number(process.env.EVAL_SEED ?? 7);

/**
 * EVAL_GRID=1: the mean NDCG@10 of a grid of weights around the defaults, through the ranking's
 * own `weights` argument, best first: how the defaults in src/match/weights.ts were chosen.
 */
async function weightGrid(running: TestServer, judged: Awaited<ReturnType<typeof loadJudgedSet>>): Promise<void> {
  const grid = {
    trackRecord: [0.3, 0.45, 0.6],
    credentialRelevance: [0.04, 0.08, 0.12],
    nicheTagOverlap: [0.05, 0.08, 0.12],
    verticalFit: [0.08, 0.12, 0.16],
    audienceFit: [0.04, 0.08],
  };
  let combinations: Record<string, number>[] = [{}];
  for (const [factor, values] of Object.entries(grid)) combinations = combinations.flatMap((partial) => values.map((value) => ({ ...partial, [factor]: value })));
  const results: { weights: Record<string, number>; ndcg: number; recall: number }[] = [];
  for (const weights of combinations) {
    const report = await evaluateMatchQuality(running.app.orm.em.fork(), running.app.core.services.matches, judged, weights);
    results.push({ weights, ndcg: report.meanNdcgAt10, recall: report.meanRecall });
  }
  results.sort((a, b) => b.ndcg - a.ndcg);
  process.stdout.write(`\nweight grid (${results.length} combinations), best first:\n`);
  for (const result of results.slice(0, 15)) process.stdout.write(`${result.ndcg.toFixed(3)}  ${JSON.stringify(result.weights)}\n`);
  process.stdout.write(`...\nworst ${results.at(-1)!.ndcg.toFixed(3)}  ${JSON.stringify(results.at(-1)!.weights)}\n`);
}

let server: TestServer | undefined;
afterAll(() => server?.stop());

it(`ranks the judged set among ${distractors} distractors`, async () => {
  server = await startTestServer({ DB_POOL_MAX: '10', DB_STATEMENT_TIMEOUT_MS: '600000' });
  const em = server.app.orm.em.fork();
  const started = performance.now();
  const judged = await loadJudgedSet(em, server.app.core.services);
  const loadedMs = performance.now() - started;
  if (distractors > 0) await generateCreators(server.app.orm.em.fork(), { creators: distractors, seed });
  await server.sql('analyze');
  const report = await evaluateMatchQuality(server.app.orm.em.fork(), server.app.core.services.matches, judged);
  process.stdout.write(
    `\njudged set: ${judged.briefs.size} briefs, ${judged.talents.size} talents, ${judged.settledDeals} settled deals (loaded in ${(loadedMs / 1000).toFixed(1)} s); ${distractors} distractors (seed ${seed})\n`,
  );
  process.stdout.write(`${qualityTable(report)}\n\n${qualityDetails(report)}\n`);
  if (process.env.EVAL_GRID) await weightGrid(server, judged);
  await mkdir(new URL('./results/', import.meta.url), { recursive: true });
  await writeFile(new URL(`./results/match-eval-${distractors}.json`, import.meta.url), `${JSON.stringify({ at: new Date().toISOString(), distractors, seed, ...report }, null, 2)}\n`);
  expect(report.violations).toBe(0);
  expect(report.meanNdcgAt10).toBeGreaterThanOrEqual(minimumNdcg);
});

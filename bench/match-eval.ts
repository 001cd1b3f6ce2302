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

let server: TestServer | undefined;
afterAll(() => server?.stop());

it(`ranks the judged set among ${distractors} distractors`, async () => {
  server = await startTestServer({ DB_POOL_MAX: '10', DB_STATEMENT_TIMEOUT_MS: '600000' });
  const em = server.app.orm.em.fork();
  const started = performance.now();
  const judged = await em.transactional((tx) => loadJudgedSet(tx, { platformFeeBp: 500 }));
  const loadedMs = performance.now() - started;
  if (distractors > 0) await generateCreators(server.app.orm.em.fork(), { creators: distractors, seed });
  await server.sql('analyze');
  const report = await evaluateMatchQuality(server.app.orm.em.fork(), judged);
  process.stdout.write(
    `\njudged set: ${judged.briefs.size} briefs, ${judged.talents.size} talents, ${judged.settledDeals} settled deals (loaded in ${(loadedMs / 1000).toFixed(1)} s); ${distractors} distractors (seed ${seed})\n`,
  );
  process.stdout.write(`${qualityTable(report)}\n\n${qualityDetails(report)}\n`);
  await mkdir(new URL('./results/', import.meta.url), { recursive: true });
  await writeFile(new URL(`./results/match-eval-${distractors}.json`, import.meta.url), `${JSON.stringify({ at: new Date().toISOString(), distractors, seed, ...report }, null, 2)}\n`);
  expect(report.violations).toBe(0);
  expect(report.meanNdcgAt10).toBeGreaterThanOrEqual(minimumNdcg);
});

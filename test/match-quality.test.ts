import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateMatchQuality, type QualityReport } from '../bench/support/match-quality.js';
import { generateCreators } from '../seeds/generator.js';
import { loadJudgedSet, type LoadedJudgedSet } from '../seeds/match-judged-loader.js';
import { Viewer } from '../src/auth/viewer.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/**
 * Match quality on the judged set (seeds/match-judged-set.ts), loaded through the services with
 * real settled deals, beside DISTRACTORS synthetic creators: as many as keep this file fast for
 * CI. The 10,000-distractor bar (mean NDCG@10 ≥ 0.85, no violation) is `npm run eval:match`'s,
 * which takes minutes.
 */

const DISTRACTORS = 1_000;

let server: TestServer;
let judged: LoadedJudgedSet;
let report: QualityReport;
beforeAll(async () => {
  server = await startTestServer({ DB_POOL_MAX: '8' });
  judged = await loadJudgedSet(server.app.orm.em.fork(), server.app.core.services);
  await generateCreators(server.app.orm.em.fork(), { creators: DISTRACTORS, seed: 11 });
  await server.sql('analyze');
  report = await evaluateMatchQuality(server.app.orm.em.fork(), server.app.core.services.matches, judged);
}, 180_000);
afterAll(async () => {
  await server?.stop();
});

const briefQuality = (key: string) => report.briefs.find((brief) => brief.brief === key)!;

async function ranking(briefKey: string) {
  const brief = judged.briefs.get(briefKey)!;
  const service = server.app.core.services.matches;
  const viewer = new Viewer(brief.ownerId, false, new Set([brief.brandId]), new Set(), null, null);
  const page = await service.recommendationsForBrief({ em: server.app.orm.em.fork(), viewer }, brief.id, {}, { first: 20 });
  return page.items.map((item) => ({ key: judged.talents.get(item.talentId)?.key ?? 'distractor', item }));
}

describe(`match quality among ${DISTRACTORS} distractors`, () => {
  it('ranks the judged set well, reaches every judged-relevant talent and breaks no hard constraint', () => {
    expect(report.violations, JSON.stringify(report.briefs.flatMap((brief) => brief.violations))).toBe(0);
    expect(report.meanRecall).toBeGreaterThanOrEqual(0.95);
    expect(report.meanNdcgAt10).toBeGreaterThanOrEqual(0.85);
  });

  it('puts the proven specialists first, a reviewer without credentials among them', async () => {
    expect(briefQuality('skincare').top10.slice(0, 3).sort()).toEqual(['derm-proven(3)', 'skin-chemist(3)', 'skin-reviewer-proven(3)']);
    expect(briefQuality('ha-snacks').top10.slice(0, 2).sort()).toEqual(['nutritionist-proven(3)', 'snack-reviewer-proven(3)']);
  });

  it('ranks a mostly padded audience below the authentic newcomers of the same vertical', async () => {
    const keys = (await ranking('skincare')).map((entry) => entry.key);
    expect(keys).not.toContain('skin-padded');
    expect(keys).not.toContain('skin-celebrity-full');
  });

  it('lets proven operators reach the level a self-broadcast brief asks for', () => {
    expect(briefQuality('snack-room').top10.slice(0, 2).sort()).toEqual(['operator-snacks-five(3)', 'operator-snacks-proven(3)']);
  });

  it('says why each match sits below the one above, and that a newcomer’s ROI is an assumption', async () => {
    const entries = await ranking('infant-dha');
    for (const { item } of entries.slice(1)) expect(item.score.factors.some((factor) => /(Below|Placed below) #\d+/.test(factor.reason))).toBe(true);
    const newcomer = entries.find((entry) => entry.key === 'pediatrician-newcomer')!;
    expect(newcomer.item.score.factors.find((factor) => factor.factor === 'trackRecord')!.reason).toContain('is an assumption');
  });
});

import type { EntityManager } from '@mikro-orm/postgresql';
import { Viewer } from '../../src/auth/viewer.js';
import { type CredentialType, impliedCredentialTypes } from '../../src/credential/credential-type.js';
import type { MatchService } from '../../src/match/index.js';
import type { MatchWeightsInput } from '../../src/match/weights.js';
import type { LoadedJudgedSet } from '../../seeds/match-judged-loader.js';

/**
 * Measures match recommendations against the judged set: for each judged brief, the whole ranking
 * the service returns (as Brief.matchRecommendations pages it), scored by
 * - NDCG@10 with gains 2^grade − 1, against the ideal order of the judged talents who pass the
 *   brief's fixed hard constraints (checked here, independently of the matcher's SQL; the
 *   credibility level is left out, being the product's own judgement of a record);
 * - candidate recall: the share of eligible judged talents of grade 2 or 3 that reach the ranking
 *   at all (the ranking is everything that was retrieved and scored);
 * - hard-constraint violations: ranked talents that fail a hard constraint, judged or not.
 */

export interface BriefQuality {
  brief: string;
  ndcgAt10: number;
  recall: number;
  relevant: number;
  reached: number;
  violations: string[];
  ranked: number;
  top10: string[];
  /** Relevant talents that were never scored. */
  missed: string[];
  milliseconds: number;
}

export interface QualityReport {
  briefs: BriefQuality[];
  meanNdcgAt10: number;
  meanRecall: number;
  violations: number;
}

const CUTOFF = 10;

export function dcg(grades: readonly number[]): number {
  return grades.slice(0, CUTOFF).reduce((sum, grade, index) => sum + (2 ** grade - 1) / Math.log2(index + 2), 0);
}

/** NDCG@10 of `ranked` grades against every grade that could have been ranked; 1 when nothing was relevant. */
export function ndcgAt10(ranked: readonly number[], attainable: readonly number[]): number {
  const ideal = dcg([...attainable].sort((a, b) => b - a));
  return ideal === 0 ? 1 : dcg(ranked) / ideal;
}

interface TalentFacts {
  id: string;
  credentials: CredentialType[];
  level: number;
  capacity: number;
  active: number;
  platforms: string[];
  formats: string[];
}

/** The hard-constraint facts of talents, read from the rows the services write (not the matcher's summaries). */
async function talentFacts(em: EntityManager, kind: 'creator' | 'trader', ids: readonly string[]): Promise<Map<string, TalentFacts>> {
  if (!ids.length) return new Map();
  const rows = await em.getConnection().execute<{ id: string; credentials: string[] | null; level: number; capacity: number; active: number; platforms: string[] | null; formats: string[] | null }[]>(
    kind === 'creator'
      ? `select c.id, c.credibility_level as level, c.capacity,
           (select count(*)::int from deal d where d.creator_id = c.id and d.status in ('ACTIVE', 'DELIVERED', 'DISPUTED')) as active,
           (select array_agg(distinct cr.type) from credential cr where cr.holder_id = c.user_id and cr.status = 'VERIFIED' and (cr.expires_at is null or cr.expires_at > now())) as credentials,
           (select array_agg(distinct ca.platform) from channel_account ca where ca.creator_id = c.id) as platforms,
           (select array_agg(distinct r.format) from creator_rate r where r.creator_id = c.id) as formats
         from creator c where c.id = any(?::uuid[])`
      : `select t.id, t.credibility_level as level, t.capacity,
           (select count(*)::int from deal d where d.trader_id = t.id and d.status in ('ACTIVE', 'DELIVERED', 'DISPUTED')) as active,
           (select array_agg(distinct cr.type) from credential cr where cr.holder_id = t.user_id and cr.status = 'VERIFIED' and (cr.expires_at is null or cr.expires_at > now())) as credentials,
           t.platforms, null as formats
         from trader t where t.id = any(?::uuid[])`,
    [`{${ids.join(',')}}`],
  );
  return new Map(
    rows.map((row) => [
      row.id,
      { id: row.id, credentials: (row.credentials ?? []) as CredentialType[], level: row.level, capacity: row.capacity, active: row.active, platforms: row.platforms ?? [], formats: row.formats ?? [] },
    ]),
  );
}

interface BriefConstraints {
  kind: 'creator' | 'trader';
  required: CredentialType[];
  minLevel: number;
  platforms: string[];
  formats: string[];
}

function violatedConstraints(brief: BriefConstraints, talent: TalentFacts | undefined): string[] {
  if (!talent) return ['wrong talent kind'];
  const held = impliedCredentialTypes(talent.credentials);
  const problems: string[] = [];
  const missing = brief.required.filter((type) => !held.has(type));
  if (missing.length) problems.push(`no verified ${missing.join(', ')}`);
  if (talent.level < brief.minLevel) problems.push(`level ${talent.level} < ${brief.minLevel}`);
  if (talent.active >= talent.capacity) problems.push(`at capacity (${talent.active}/${talent.capacity})`);
  if (!talent.platforms.some((platform) => brief.platforms.includes(platform))) problems.push('no channel on the brief’s platforms');
  if (brief.kind === 'creator' && !talent.formats.some((format) => brief.formats.includes(format))) problems.push('no rate for the brief’s formats');
  return problems;
}

async function constraintsOf(em: EntityManager, briefId: string, kind: 'creator' | 'trader'): Promise<BriefConstraints> {
  const [row] = await em.getConnection().execute<{ required: string[]; min_level: number; platforms: string[]; formats: string[] }[]>(
    `select array(select distinct r from unnest(b.required_credentials || coalesce((select array_agg(pr) from brief_product bp join product p on p.id = bp.product_id,
         unnest(p.required_credentials) pr where bp.brief_id = b.id), '{}')) r) as required,
       b.min_credibility_level as min_level, b.platforms, b.formats
     from brief b where b.id = ?`,
    [briefId],
  );
  return { kind, required: row!.required as CredentialType[], minLevel: row!.min_level, platforms: row!.platforms, formats: row!.formats };
}

export async function evaluateMatchQuality(em: EntityManager, service: MatchService, judged: LoadedJudgedSet, weights?: MatchWeightsInput | null): Promise<QualityReport> {
  const briefs: BriefQuality[] = [];
  for (const [briefKey, brief] of judged.briefs) {
    const kind = brief.spec.objective === 'OPERATED_SELF_BROADCAST' ? 'trader' : 'creator';
    const fork = em.fork();
    const viewer = new Viewer(brief.ownerId, false, new Set([brief.brandId]), new Set(), null, null);
    const started = performance.now();
    const page = await service.recommendationsForBrief({ em: fork, viewer }, brief.id, { weights: weights ?? null }, { first: 100_000 });
    const milliseconds = performance.now() - started;
    const rankedIds = page.items.map((item) => item.talentId);
    if (process.env.EVAL_EXPLAIN === briefKey) {
      for (const [position, item] of page.items.entries()) {
        const key = judged.talents.get(item.talentId)?.key;
        if (position >= 15 && !key) continue;
        const factors = item.score.factors.map((factor) => `${factor.factor.slice(0, 6)}=${factor.contribution.toFixed(3)}`).join(' ');
        process.stdout.write(`#${position + 1} ${key ?? 'distractor'} ${item.score.score.toFixed(3)} ${factors}\n`);
      }
    }

    const constraints = await constraintsOf(fork, brief.id, kind);
    const judgedOfKind = [...judged.talents].filter(([, talent]) => talent.kind === kind).map(([id]) => id);
    const facts = await talentFacts(fork, kind, [...new Set([...rankedIds, ...judgedOfKind])]);
    const violations = rankedIds.flatMap((id) => {
      const problems = violatedConstraints(constraints, facts.get(id));
      return problems.length ? [`${judged.talents.get(id)?.key ?? id}: ${problems.join('; ')}`] : [];
    });
    // The ideal ranking holds every judged talent who meets the brief's fixed constraints. A
    // credibility level is the product's own judgement of a record, so a talent the judges grade
    // as relevant but whom the level rules keep below the brief's minimum counts as missed.
    const eligibleJudged = judgedOfKind.filter((id) => !violatedConstraints({ ...constraints, minLevel: 1 }, facts.get(id)).length);
    const gradeOf = (id: string) => {
      const talent = judged.talents.get(id);
      return talent ? judged.grade(briefKey, talent.key) : 0;
    };
    const rankedSet = new Set(rankedIds);
    const relevant = eligibleJudged.filter((id) => gradeOf(id) >= 2);
    const missed = relevant.filter((id) => !rankedSet.has(id));
    briefs.push({
      brief: briefKey,
      ndcgAt10: ndcgAt10(rankedIds.map(gradeOf), eligibleJudged.map(gradeOf)),
      recall: relevant.length ? (relevant.length - missed.length) / relevant.length : 1,
      relevant: relevant.length,
      reached: relevant.length - missed.length,
      violations,
      ranked: rankedIds.length,
      top10: rankedIds.slice(0, CUTOFF).map((id) => `${judged.talents.get(id)?.key ?? 'distractor'}(${gradeOf(id)})`),
      missed: missed.map((id) => judged.talents.get(id)!.key),
      milliseconds,
    });
  }
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
  return {
    briefs,
    meanNdcgAt10: mean(briefs.map((brief) => brief.ndcgAt10)),
    meanRecall: mean(briefs.map((brief) => brief.recall)),
    violations: briefs.reduce((sum, brief) => sum + brief.violations.length, 0),
  };
}

export function qualityTable(report: QualityReport): string {
  const lines = [
    'brief           NDCG@10  recall  ranked  violations  ms',
    ...report.briefs.map(
      (brief) =>
        `${brief.brief.padEnd(15)} ${brief.ndcgAt10.toFixed(3).padStart(7)}  ${`${brief.reached}/${brief.relevant}`.padStart(6)}  ${String(brief.ranked).padStart(6)}  ${String(brief.violations.length).padStart(10)}  ${brief.milliseconds.toFixed(0).padStart(4)}`,
    ),
    `${'mean'.padEnd(15)} ${report.meanNdcgAt10.toFixed(3).padStart(7)}  ${report.meanRecall.toFixed(3).padStart(6)}          ${String(report.violations).padStart(10)}`,
  ];
  return lines.join('\n');
}

export function qualityDetails(report: QualityReport): string {
  return report.briefs
    .map((brief) => [`${brief.brief}: ${brief.top10.join(', ')}`, ...(brief.missed.length ? [`  never scored: ${brief.missed.join(', ')}`] : []), ...brief.violations.map((violation) => `  violation: ${violation}`)].join('\n'))
    .join('\n');
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { NO_TRACK_RECORD, type TrackRecordInputs } from './credibility.js';

/** Guaranteed GMV against the net GMV achieved on those deals, in one currency. */
export interface GuaranteeTotals {
  currency: string;
  promised: number;
  achieved: number;
}

/** A talent's record over settled deals: credibility's inputs plus the money behind the promises. */
export interface TrackRecordSummary extends TrackRecordInputs {
  guaranteesByCurrency: GuaranteeTotals[];
}

export type TalentKind = 'creator' | 'trader';

interface TrackRecordRow {
  id: string;
  deals_completed: string | number;
  guaranteed_deals: string | number;
  guarantee_attainment: string | number;
  average_roi_bp: string | number | null;
  roi_deals: string | number;
  deliverables_total: string | number;
  deliverables_on_time: string | number;
  review_count: string | number;
  review_average: string | number | null;
  guarantees: GuaranteeTotals[];
}

/**
 * The track record of each talent, from the rows settlement, deliverables and reviews write:
 * - deals completed, guarantees and ROI from `deal_settlement` (one row per settled deal, however
 *   it was settled; ROI is the row's roi_bp, null when the brand paid nothing);
 * - deliverables of those deals from `deal_deliverable`: dropped work does not count, and one is on
 *   time when its first proof came by its due date (deliverableTally's rule, and a deliverable's
 *   late flag's, summed per talent here so a batch of talents stays one statement);
 * - reviews the brands wrote about the talent from `deal_review` (side BRAND).
 * One statement for the whole batch, an index probe per talent and table.
 */
const TRACK_RECORD_SQL = (column: 'creator_id' | 'trader_id') => `
  select x.id,
    coalesce(s.deals_completed, 0) as deals_completed, coalesce(s.guaranteed_deals, 0) as guaranteed_deals,
    coalesce(s.guarantee_attainment, 0) as guarantee_attainment, s.average_roi_bp, coalesce(s.roi_deals, 0) as roi_deals,
    coalesce(d.total, 0) as deliverables_total, coalesce(d.on_time, 0) as deliverables_on_time,
    coalesce(r.review_count, 0) as review_count, r.review_average,
    coalesce(g.guarantees, '[]'::jsonb) as guarantees
  from unnest(?::uuid[]) as x(id)
  left join lateral (
    select count(*) as deals_completed,
      count(*) filter (where s.gmv_guarantee is not null) as guaranteed_deals,
      sum(least(1, s.net_gmv::numeric / s.gmv_guarantee)) filter (where s.gmv_guarantee is not null) as guarantee_attainment,
      avg(s.roi_bp) as average_roi_bp, count(s.roi_bp) as roi_deals
    from deal_settlement s where s.${column} = x.id
  ) s on true
  left join lateral (
    select count(*) as total, count(*) filter (where dd.first_submitted_at <= dd.due_at) as on_time
    from deal_settlement s join deal_deliverable dd on dd.deal_id = s.deal_id and dd.status <> 'DROPPED'
    where s.${column} = x.id
  ) d on true
  left join lateral (
    select count(*) as review_count, avg(r.rating) as review_average
    from deal_review r where r.side = 'BRAND' and r.${column} = x.id
  ) r on true
  left join lateral (
    select jsonb_agg(jsonb_build_object('currency', gc.currency, 'promised', gc.promised, 'achieved', gc.achieved) order by gc.currency) as guarantees
    from (select s.currency, sum(s.gmv_guarantee) as promised, sum(s.net_gmv) as achieved
            from deal_settlement s where s.${column} = x.id and s.gmv_guarantee is not null group by s.currency) gc
  ) g on true`;

const STATEMENTS = { creator: TRACK_RECORD_SQL('creator_id'), trader: TRACK_RECORD_SQL('trader_id') };

/** The track record of each creator (or operator) id, in the order asked; an unknown id gets an empty record. */
export async function trackRecordsOf(em: EntityManager, kind: TalentKind, ids: readonly string[]): Promise<TrackRecordSummary[]> {
  if (!ids.length) return [];
  const rows = await em.execute<TrackRecordRow[]>(STATEMENTS[kind], [`{${ids.join(',')}}`]);
  const byId = new Map(rows.map((row) => [row.id, toSummary(row)]));
  return ids.map((id) => byId.get(id) ?? { ...NO_TRACK_RECORD, guaranteesByCurrency: [] });
}

function toSummary(row: TrackRecordRow): TrackRecordSummary {
  const reviewCount = Number(row.review_count);
  return {
    dealsCompleted: Number(row.deals_completed),
    deliverablesTotal: Number(row.deliverables_total),
    deliverablesOnTime: Number(row.deliverables_on_time),
    guaranteedDeals: Number(row.guaranteed_deals),
    guaranteeAttainment: Number(row.guarantee_attainment),
    averageRoiBp: row.average_roi_bp === null ? null : Math.round(Number(row.average_roi_bp)),
    roiDeals: Number(row.roi_deals),
    reviewCount,
    reviewAverage: reviewCount && row.review_average !== null ? Number(row.review_average) : null,
    guaranteesByCurrency: row.guarantees.map((totals) => ({ currency: totals.currency, promised: Number(totals.promised), achieved: Number(totals.achieved) })),
  };
}

/**
 * Matching's track record for one candidate in one brief, from the same settlement rows: the
 * candidate's deals with an ROI in the brief's verticals, their average ROI, and (per brief, in
 * the brief CTE) the average over everyone's deals there. `talent` is the candidate's id column
 * expression, `slugs` the brief's vertical slugs.
 */
export const ROI_IN_VERTICALS = (column: 'creator_id' | 'trader_id', talent: string, slugs: string) => `
    (select jsonb_build_object('deals', count(s.roi_bp), 'roi', avg(s.roi_bp))
       from deal_settlement s join vertical sv on sv.id = s.vertical_id
      where s.${column} = ${talent} and sv.slug = any(${slugs}))`;

/** Everyone's average ROI (basis points) over settled deals in the verticals `slugs`. */
export const VERTICAL_AVERAGE_ROI = (slugs: string) => `
    (select avg(s.roi_bp) from deal_settlement s join vertical sv on sv.id = s.vertical_id where sv.slug = any(${slugs}))`;

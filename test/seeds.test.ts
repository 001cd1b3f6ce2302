import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD, type DemoLogins, seedDemoDataIfEmpty } from '../seeds/demo.js';
import { generateCreators } from '../seeds/generator.js';
import { Random } from '../seeds/random.js';
import { BidStatus } from '../src/bid/bid.entity.js';
import { loadConfig } from '../src/config/env.js';
import { summariseChannelAccounts } from '../src/creator/channel-summary.js';
import { type CredentialType, impliedCredentialTypes } from '../src/credential/credential-type.js';
import { computeCredibility, NO_TRACK_RECORD, type TrackRecordInputs } from '../src/credibility/credibility.js';
import { type TrackRecordSummary, trackRecordsOf } from '../src/credibility/track-record.js';
import { levelFor } from '../src/credibility/levels.js';
import { createDatabaseIfMissing, dropDatabaseIfExists, withDatabase } from '../src/db/database-admin.js';
import { connectDatabase } from '../src/app/database.js';
import { toGlobalId } from '../src/graphql/global-id.js';
import { createLogger } from '../src/observability/logger.js';
import {
  DemoLogInDocument,
  DemoOpenBriefsDocument,
  DemoOwnProfileDocument,
  DemoPublicRecordDocument,
  DemoSealedBriefDocument,
  DemoViewerIsAdminDocument,
  NodeIdDocument,
} from './generated/graphql.js';
import { succeeded } from './support/actors.js';
import { nodeWith, useTestServer } from './support/test-server.js';

type Sql = <T = Record<string, unknown>>(statement: string, parameters?: unknown[]) => Promise<T[]>;

const silent = createLogger({ level: 'silent', pretty: false });

interface CreatorFacts {
  id: string;
  display_name: string;
  total_followers: string | number;
  audience_quality: number;
  verified_credential_types: string[];
  credibility_score: number;
  credibility_level: number;
  channels: { followers: number; verifiedAt: string | null; auditScore: number | null }[];
  verified: CredentialType[];
}

/** Each creator's summary columns next to the rows they summarise. */
async function creatorFacts(sql: Sql, where = 'true', parameters: unknown[] = []): Promise<CreatorFacts[]> {
  return sql<CreatorFacts>(
    `select c.id, c.display_name, c.total_followers, c.audience_quality, c.verified_credential_types,
            c.credibility_score, c.credibility_level,
            coalesce((select json_agg(json_build_object('followers', a.followers, 'verifiedAt', a.verified_at, 'auditScore', a.audit_score))
                        from channel_account a where a.creator_id = c.id), '[]') as channels,
            array(select distinct cr.type from credential cr
                   where cr.holder_id = c.user_id and cr.status = 'VERIFIED' and (cr.expires_at is null or cr.expires_at > now())) as verified
       from creator c join app_user u on u.id = c.user_id
      where ${where}
      order by c.id`,
    parameters,
  );
}

/** Creators whose platform and format summaries differ from their channel accounts and rate card. */
async function matchArrayMismatches(sql: Sql): Promise<{ display_name: string }[]> {
  return sql<{ display_name: string }>(
    `select c.display_name from creator c
      where c.platforms <> array(select distinct a.platform from channel_account a where a.creator_id = c.id and a.verified_at is not null order by 1)
         or c.rate_formats <> array(select distinct r.format from creator_rate r where r.creator_id = c.id order by 1)`,
  );
}

/** What the credibility service would store for these facts (and this track record), from the same pure functions. */
function expectedSummary(facts: CreatorFacts, trackRecord: TrackRecordInputs = NO_TRACK_RECORD) {
  const channels = summariseChannelAccounts(facts.channels.map((channel) => ({ ...channel, verifiedAt: channel.verifiedAt === null ? null : new Date(channel.verifiedAt) })));
  const credibility = computeCredibility({
    verifiedCredentialCount: facts.verified.length,
    audienceQuality: channels.totalFollowers > 0 ? channels.audienceQuality : null,
    trackRecord,
  });
  credibility.level = levelFor({
    score: credibility.score,
    verifiedChannels: channels.verifiedChannels,
    verifiedCredentials: facts.verified.length,
    settledDeals: trackRecord.dealsCompleted,
  }).level;
  return {
    totalFollowers: channels.totalFollowers,
    audienceQuality: channels.audienceQuality,
    verifiedCredentialTypes: [...impliedCredentialTypes(facts.verified)].sort(),
    credibilityScore: credibility.score,
    credibilityLevel: credibility.level,
  };
}

function summaryMismatches(all: CreatorFacts[], records: ReadonlyMap<string, TrackRecordInputs> = new Map()): string[] {
  return all.flatMap((facts) => {
    const expected = expectedSummary(facts, records.get(facts.id));
    const stored = {
      totalFollowers: Number(facts.total_followers),
      audienceQuality: facts.audience_quality,
      verifiedCredentialTypes: facts.verified_credential_types,
      credibilityScore: facts.credibility_score,
      credibilityLevel: facts.credibility_level,
    };
    const sameQuality = Math.abs(stored.audienceQuality - expected.audienceQuality) < 1e-12;
    const same = JSON.stringify({ ...stored, audienceQuality: 0 }) === JSON.stringify({ ...expected, audienceQuality: 0 }) && sameQuality;
    return same ? [] : [`${facts.display_name}: stored ${JSON.stringify(stored)}, expected ${JSON.stringify(expected)}`];
  });
}

describe('Random', () => {
  it('repeats its sequence for the same seed and departs from it for another', () => {
    const draws = (seed: number) => {
      const random = new Random(seed);
      return Array.from({ length: 20 }, () => random.uint32());
    };
    expect(draws(7)).toEqual(draws(7));
    expect(draws(8)).not.toEqual(draws(7));
  });

  it('makes version-4 UUIDs that do not repeat', () => {
    const random = new Random(1);
    const ids = Array.from({ length: 50_000 }, () => random.uuid());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids.slice(0, 100)) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('keeps whole numbers within the bounds asked for', () => {
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: -1000, max: 1000 }), fc.nat(1000), (seed, min, span) => {
        const random = new Random(seed);
        for (let i = 0; i < 20; i++) {
          const value = random.int(min, min + span);
          if (!Number.isInteger(value) || value < min || value > min + span) return false;
        }
        return true;
      }),
    );
  });
});

describe('demo data set', () => {
  const server = useTestServer();
  let logins: DemoLogins | null;
  const count = async (table: string) => (await server.sql<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;
  const LOG_IN = DemoLogInDocument;
  const logIn = async (email: string) =>
    succeeded(await server.graphql(LOG_IN, { input: { email, password: DEMO_PASSWORD } }), 'logIn').token;

  beforeAll(async () => {
    logins = await seedDemoDataIfEmpty(server.app.orm, server.app.core, silent);
  });

  it('loads into an empty database with one login per role', async () => {
    expect(logins?.password).toBe(DEMO_PASSWORD);
    expect(logins?.accounts.map((account) => account.role)).toEqual([
      'admin',
      'brand: skincare',
      'brand: HA snacks',
      'brand: infant food',
      'creator: pediatrician',
      'creator: nutritionist',
      'agency owner',
      'trader',
    ]);
    expect({
      brands: await count('brand'),
      products: await count('product'),
      creators: await count('creator'),
      traders: await count('trader'),
      agencies: await count('agency'),
    }).toEqual({ brands: 3, products: 3, creators: 11, traders: 3, agencies: 2 });
  });

  it('is not loaded a second time', async () => {
    const users = await count('app_user');
    expect(await seedDemoDataIfEmpty(server.app.orm, server.app.core, silent)).toBeNull();
    expect(await count('app_user')).toBe(users);
    expect(await count('creator')).toBe(11);
  });

  it('lets every demo login sign in through logIn with the shared password', async () => {
    for (const { email } of logins!.accounts) {
      const result = await server.graphql(LOG_IN, { input: { email, password: DEMO_PASSWORD } });
      const payload = succeeded(result, 'logIn');
      expect(payload.user.email).toBe(email);
      const viewer = await server.graphql(DemoViewerIsAdminDocument, {}, { token: payload.token });
      expect(viewer.data?.viewer?.isAdmin).toBe(email === 'admin@demo.market');
    }
  });

  /** Each creator's track record, as the credibility service reads it. */
  const recordsOf = async (all: CreatorFacts[]): Promise<Map<string, TrackRecordSummary>> => {
    const records = await trackRecordsOf(server.app.orm.em.fork(), 'creator', all.map((facts) => facts.id));
    return new Map(all.map((facts, index) => [facts.id, records[index]!]));
  };

  it('computes every creator’s summary columns from its channels, verified credentials and settled deals', async () => {
    const all = await creatorFacts(server.sql);
    expect(all).toHaveLength(11);
    expect(summaryMismatches(all, await recordsOf(all))).toEqual([]);
    expect(await matchArrayMismatches(server.sql)).toEqual([]);
    const traders = await server.sql<{ credibility_level: number }>('select credibility_level from trader');
    // Qianfeng's two settled self-broadcasts lift it to L2: an operator's record stands for the audience it has none of.
    expect(traders.map((trader) => trader.credibility_level).sort()).toEqual([1, 1, 2]);
  });

  it('ranks the verified pediatrician above the 30-million-follower celebrity on credibility', async () => {
    const [pediatrician] = await creatorFacts(server.sql, 'u.email = ?', ['creator.pediatrician@demo.market']);
    const [celebrity] = await creatorFacts(server.sql, 'u.email = ?', ['creator.celebrity@demo.market']);
    const expected = expectedSummary(pediatrician!, (await recordsOf([pediatrician!])).get(pediatrician!.id));
    expect(pediatrician!.credibility_level).toBe(expected.credibilityLevel);
    expect(pediatrician!.credibility_score).toBe(expected.credibilityScore);
    // A verified pediatrician may promote the DHA drops, which require exactly that credential.
    expect(pediatrician!.verified_credential_types).toEqual(['PEDIATRICIAN', 'PHYSICIAN']);
    const [drops] = await server.sql<{ required_credentials: string[] }>(`select required_credentials from product where name = 'DHA Algal Oil Drops'`);
    expect(drops!.required_credentials).toEqual(['PEDIATRICIAN']);

    expect(Number(celebrity!.total_followers)).toBeGreaterThan(10 * Number(pediatrician!.total_followers));
    expect(celebrity!.audience_quality).toBeLessThan(pediatrician!.audience_quality);
    expect(celebrity!.credibility_score).toBeLessThan(pediatrician!.credibility_score);
    expect(celebrity!.credibility_level).toBeLessThan(pediatrician!.credibility_level);
  });

  it('earns the pediatrician L5 from her settled campaigns, and her history says which settlement did it', async () => {
    const [pediatrician] = await creatorFacts(server.sql, 'u.email = ?', ['creator.pediatrician@demo.market']);
    // Without her record the level table holds her at L3: L4 and L5 need settled deals.
    expect(expectedSummary(pediatrician!).credibilityLevel).toBe(3);
    expect(pediatrician!.credibility_level).toBe(5);

    const own = await server.graphql(DemoOwnProfileDocument, {}, { token: await logIn('creator.pediatrician@demo.market') });
    expect(own.errors).toBeUndefined();
    const profile = own.data!.viewer!.creatorProfile!;
    expect(profile.credibility).toEqual({ score: pediatrician!.credibility_score, level: 'L5' });
    expect(profile.trackRecord).toMatchObject({ dealsCompleted: 8, deliverablesTotal: 8, deliverablesOnTime: 8, guaranteedDeals: 3, reviewCount: 8, reviewAverage: 4.88 });
    expect(profile.trackRecord.averageRoiBp).toBeGreaterThan(30_000);
    const changes = profile.credibilityHistory!.edges.map((edge) => edge.node);
    const promotion = changes.find((change) => change.newLevel === 'L5' && change.previousLevel !== 'L5');
    expect(promotion).toMatchObject({ previousLevel: 'L4', reason: 'DEAL_SETTLED', deal: { status: 'SETTLED' } });
    expect(promotion!.explanation).toMatch(/^A deal was settled; the track record now counts \d settled deals, /);
    // The oldest entries are her verified licence and her audience, from before any deal.
    expect(changes.at(-1)!.reason).toMatch(/^(CREDENTIAL_VERIFIED|AUDIENCE_CHANGED)$/);

    // Her record is public; her history is hers (and her agency's, and the admins').
    const seenByPeer = await server.graphql(
      DemoPublicRecordDocument,
      { id: profile.id },
      { token: await logIn('creator.nutritionist@demo.market') },
    );
    expect(seenByPeer.data?.node).toEqual({ trackRecord: { dealsCompleted: 8 }, credibilityHistory: null });
  });

  it('shows the head anchor’s one launch night as a record brands can read: a missed guarantee, refunds and a poor review', async () => {
    const [celebrity] = await server.sql<{ id: string; credibility_level: number }>(
      `select c.id, c.credibility_level from creator c join app_user u on u.id = c.user_id where u.email = 'creator.celebrity@demo.market'`,
    );
    const [record] = await trackRecordsOf(server.app.orm.em.fork(), 'creator', [celebrity!.id]);
    expect(record).toMatchObject({ dealsCompleted: 1, guaranteedDeals: 1, reviewCount: 1, reviewAverage: 2 });
    expect(record!.guaranteeAttainment).toBeLessThan(0.5);
    expect(record!.averageRoiBp).toBeLessThan(20_000);
    expect(celebrity!.credibility_level).toBe(1);
  });

  it('gives the admin one pending credential to verify and records who verified the rest', async () => {
    const credentials = await server.sql<{ status: string; holder: string; reviewer: string | null; reviewed: boolean }>(
      `select c.status, h.email as holder, r.email as reviewer, c.reviewed_at is not null as reviewed
         from credential c join app_user h on h.id = c.holder_id left join app_user r on r.id = c.reviewed_by_id
        order by h.email`,
    );
    expect(credentials.filter((credential) => credential.status === 'PENDING')).toEqual([
      { status: 'PENDING', holder: 'creator.pharmacist@demo.market', reviewer: null, reviewed: false },
    ]);
    const verified = credentials.filter((credential) => credential.status === 'VERIFIED');
    expect(verified.map((credential) => credential.holder)).toEqual([
      'creator.dermatologist@demo.market',
      'creator.nutritionist@demo.market',
      'creator.pediatrician@demo.market',
      'creator.researcher@demo.market',
    ]);
    expect(verified.every((credential) => credential.reviewer === 'admin@demo.market' && credential.reviewed)).toBe(true);
  });

  it('puts creators and an operator on agency rosters, with one invitation still open', async () => {
    const roster = await server.sql<{ agency: string; status: string; n: number }>(
      `select a.name as agency, r.status, count(*)::int as n from roster_membership r join agency a on a.id = r.agency_id
        group by a.name, r.status order by a.name, r.status`,
    );
    expect(roster).toEqual([
      { agency: 'Evergreen Seeding MCN', status: 'ACTIVE', n: 3 },
      { agency: 'Evergreen Seeding MCN', status: 'INVITED', n: 1 },
      { agency: 'Starlight Live MCN', status: 'ACTIVE', n: 4 },
    ]);
    const [fullService] = await server.sql<{ n: number }>(
      `select count(*)::int as n from trader where capabilities @> array['SUPPLY_CHAIN', 'FULFILMENT']`,
    );
    expect(fullService!.n).toBe(1);
  });

  it('posts briefs in every status a newcomer meets, in both bidding modes and both visibilities', async () => {
    const briefs = await server.sql<{
      brand: string;
      objective: string;
      status: string;
      bidding_mode: string;
      visibility: string;
      published: boolean;
      awarded: boolean;
      cancelled: boolean;
      cancellation_reason: string | null;
    }>(
      `select br.name as brand, b.objective, b.status, b.bidding_mode, b.visibility, b.published_at is not null as published,
              b.awarded_at is not null as awarded, b.cancelled_at is not null as cancelled, b.cancellation_reason
         from brief b join brand br on br.id = b.brand_id`,
    );
    expect(new Set(briefs.map((brief) => brief.status))).toEqual(new Set(['OPEN', 'DRAFT', 'AWARDED', 'CANCELLED']));
    expect(new Set(briefs.map((brief) => brief.bidding_mode))).toEqual(new Set(['OPEN', 'SEALED']));
    expect(new Set(briefs.map((brief) => brief.visibility))).toEqual(new Set(['PUBLIC', 'INVITE_ONLY']));
    expect(new Set(briefs.map((brief) => brief.brand)).size).toBe(3);
    // Open for bids right now: open public, sealed, invite-only, and an operated self-broadcast.
    const open = briefs.filter((brief) => brief.status === 'OPEN');
    expect(open.map((brief) => brief.bidding_mode)).toContain('SEALED');
    expect(open.map((brief) => brief.visibility)).toContain('INVITE_ONLY');
    expect(open.some((brief) => brief.bidding_mode === 'OPEN' && brief.visibility === 'PUBLIC' && brief.objective === 'SEEDING_CONTENT')).toBe(true);
    expect(open.map((brief) => brief.objective)).toContain('OPERATED_SELF_BROADCAST');

    // Each status carries the moments it was reached, and a cancelled brief tells bidders why.
    for (const brief of briefs) {
      expect(brief.published).toBe(brief.status !== 'DRAFT');
      expect(brief.awarded).toBe(brief.status === 'AWARDED');
      expect(brief.cancelled).toBe(brief.status === 'CANCELLED');
      expect((brief.cancellation_reason ?? '').length > 0).toBe(brief.status === 'CANCELLED');
    }
  });

  it('has bids in every status, a reason on each rejection and the agency’s share on agency bids', async () => {
    const statuses = await server.sql<{ status: string }>('select distinct status from bid order by status');
    expect(statuses.map((row) => row.status)).toEqual(Object.values(BidStatus).sort());

    const rejected = await server.sql<{ rejection_reason: string | null }>(`select rejection_reason from bid where status = 'REJECTED'`);
    for (const bid of rejected) expect(bid.rejection_reason?.length).toBeGreaterThan(0);

    const shares = await server.sql<{ agency_bid: boolean; share_stated: boolean; n: number }>(
      `select b.agency_id is not null as agency_bid, r.agency_share_bp is not null as share_stated, count(*)::int as n
         from bid b join bid_revision r on r.bid_id = b.id group by 1, 2 order by 1, 2`,
    );
    expect(shares.map(({ agency_bid, share_stated }) => ({ agency_bid, share_stated }))).toEqual([
      { agency_bid: false, share_stated: false },
      { agency_bid: true, share_stated: true },
    ]);
    const [traderBids] = await server.sql<{ agreed: number }>(
      `select count(*) filter (where b.status = 'AGREED')::int as agreed
         from bid b join brief br on br.id = b.brief_id where br.objective = 'OPERATED_SELF_BROADCAST' and b.trader_id is not null`,
    );
    expect(traderBids!.agreed).toBeGreaterThanOrEqual(1);
  });

  it('keeps each bid’s current revision equal to its latest one, and its agreed revision to what both sides said yes to', async () => {
    const bids = await server.sql<{
      status: string;
      current_revision: number;
      agreed_revision: number | null;
      revisions: number;
      latest_number: number;
      latest_side: string;
      first_side: string;
    }>(
      `select b.status, b.current_revision, b.agreed_revision,
              (select count(*)::int from bid_revision r where r.bid_id = b.id) as revisions,
              latest.number as latest_number, latest.side as latest_side,
              (select side from bid_revision r where r.bid_id = b.id and r.number = 1) as first_side
         from bid b
         join lateral (select * from bid_revision r where r.bid_id = b.id order by r.number desc limit 1) latest on true`,
    );
    expect(bids.some((bid) => bid.revisions >= 3)).toBe(true);
    for (const bid of bids) {
      expect(bid.first_side).toBe('BIDDER');
      expect(bid.revisions).toBe(bid.latest_number);
      expect(bid.current_revision).toBe(bid.latest_number);
      if (bid.status === 'COUNTERED') expect(bid.latest_side).toBe('BRAND');
      if (bid.status === 'AGREED' || bid.status === 'ACCEPTED') expect(bid.agreed_revision).toBe(bid.current_revision);
      if (['SUBMITTED', 'SHORTLISTED', 'COUNTERED'].includes(bid.status)) expect(bid.agreed_revision).toBeNull();
    }
  });

  it('fills every awarded brief’s slots with deals and closes its other bids as not selected', async () => {
    const briefs = await server.sql<{ status: string; slots: number; slots_filled: number; deals: number; accepted: number; still_active: number; not_selected: number; past: boolean }>(
      `select b.status, b.slots, b.slots_filled,
              exists (select 1 from deal d where d.brief_id = b.id and d.status = 'SETTLED') as past,
              (select count(*)::int from deal d where d.brief_id = b.id) as deals,
              (select count(*)::int from bid where bid.brief_id = b.id and bid.status = 'ACCEPTED') as accepted,
              (select count(*)::int from bid where bid.brief_id = b.id and bid.status in ('SUBMITTED', 'SHORTLISTED', 'COUNTERED', 'AGREED')) as still_active,
              (select count(*)::int from bid where bid.brief_id = b.id and bid.status = 'NOT_SELECTED') as not_selected
         from brief b`,
    );
    // The past campaigns behind the track records are one-slot briefs with one bid; the market's awarded briefs are contests.
    const awarded = briefs.filter((brief) => brief.status === 'AWARDED' && !brief.past);
    expect(awarded.length).toBeGreaterThanOrEqual(1);
    for (const brief of awarded) {
      expect(brief.slots).toBeGreaterThan(1);
      expect(brief.slots_filled).toBe(brief.slots);
      expect(brief.deals).toBe(brief.slots);
      expect(brief.accepted).toBe(brief.slots);
      expect(brief.still_active).toBe(0);
      expect(brief.not_selected).toBeGreaterThan(0);
    }
    // Elsewhere, too, a slot is filled only by a deal.
    for (const brief of briefs) expect(brief.slots_filled).toBe(brief.deals);
  });

  it('writes each deal’s first terms from its bid’s agreed revision, with the default platform fee', async () => {
    const deals = await server.sql<Record<string, unknown>>(
      `select d.status, d.terms_version, bid.status as bid_status,
              d.brand_id = br.brand_id as same_brand,
              d.creator_id is not distinct from bid.creator_id and d.trader_id is not distinct from bid.trader_id
                and d.agency_id is not distinct from bid.agency_id as same_parties,
              (select count(*)::int from deal_terms t where t.deal_id = d.id) as versions,
              t.version, t.platform_fee_bp,
              json_build_object('currency', t.currency, 'fixedFee', t.fixed_fee, 'commissionBp', t.commission_bp, 'gmvGuarantee', t.gmv_guarantee,
                                'agencyShareBp', t.agency_share_bp, 'deliverables', t.deliverables) as terms,
              json_build_object('currency', r.currency, 'fixedFee', r.fixed_fee, 'commissionBp', r.commission_bp, 'gmvGuarantee', r.gmv_guarantee,
                                'agencyShareBp', coalesce(r.agency_share_bp, 0), 'deliverables', r.deliverables) as agreed
         from deal d
         join bid on bid.id = d.bid_id
         join brief br on br.id = d.brief_id
         join deal_terms t on t.deal_id = d.id and t.version = 1
         left join bid_revision r on r.bid_id = bid.id and r.number = bid.agreed_revision`,
    );
    expect(deals.length).toBe(await count('deal'));
    expect(deals.length).toBeGreaterThanOrEqual(2);
    expect(deals.some((deal) => (deal.agreed as { agencyShareBp: number }).agencyShareBp > 0)).toBe(true);
    for (const deal of deals) {
      expect(deal).toMatchObject({
        status: expect.stringMatching(/^(ACTIVE|SETTLED)$/),
        terms_version: 1,
        bid_status: 'ACCEPTED',
        same_brand: true,
        same_parties: true,
        versions: 1,
        version: 1,
        platform_fee_bp: loadConfig({}).PLATFORM_FEE_BP,
      });
      expect(deal.terms).toEqual(deal.agreed);
    }
  });

  it('counts each talent’s running deals: active_deal_count is the number of its ACTIVE deals', async () => {
    const talents = await server.sql<{ name: string; active_deal_count: number; active: number }>(
      `select display_name as name, active_deal_count,
              (select count(*)::int from deal d where d.creator_id = c.id and d.status = 'ACTIVE') as active
         from creator c
       union all
       select display_name, active_deal_count,
              (select count(*)::int from deal d where d.trader_id = t.id and d.status = 'ACTIVE')
         from trader t`,
    );
    expect(talents).toHaveLength(14);
    expect(talents.filter((talent) => talent.active_deal_count !== talent.active)).toEqual([]);
    expect(talents.some((talent) => talent.active > 0)).toBe(true);
  });

  it('shows anonymous visitors the open public briefs through the API, never the draft or the invite-only one', async () => {
    const BRIEFS = DemoOpenBriefsDocument;
    const expected = await server.sql<{ id: string; title: string }>(
      `select id, title from brief where status = 'OPEN' and visibility = 'PUBLIC' and deadline > now() order by deadline, id`,
    );
    expect(expected.length).toBeGreaterThanOrEqual(3);
    const anonymous = await server.graphql(BRIEFS);
    expect(anonymous.errors).toBeUndefined();
    expect(anonymous.data?.briefs.edges.map(({ node }) => node)).toEqual(expected.map(({ id, title }) => ({ id: toGlobalId('Brief', id), title })));

    const hidden = await server.sql<{ id: string; status: string; visibility: string }>(
      `select id, status, visibility from brief where status = 'DRAFT' or visibility = 'INVITE_ONLY'`,
    );
    expect(new Set(hidden.map((brief) => (brief.status === 'DRAFT' ? 'DRAFT' : brief.visibility)))).toEqual(new Set(['DRAFT', 'INVITE_ONLY']));
    const NODE = NodeIdDocument;
    for (const brief of hidden) {
      const found = await server.graphql(NODE, { id: toGlobalId('Brief', brief.id) });
      expect(found.data?.node, `${brief.status} ${brief.visibility}`).toBeNull();
    }

    // The invited dermatologist finds the invite-only brief among the open ones.
    const [inviteOnly] = await server.sql<{ id: string }>(`select id from brief where status = 'OPEN' and visibility = 'INVITE_ONLY'`);
    const asInvited = await server.graphql(BRIEFS, {}, { token: await logIn('creator.dermatologist@demo.market') });
    expect(asInvited.data?.briefs.edges.map(({ node }) => node.id)).toContain(toGlobalId('Brief', inviteOnly!.id));
  });

  it('tells a competing creator only how many bids the sealed brief has; the bidder sees hers and the brand sees all', async () => {
    const [sealed] = await server.sql<{ id: string; bids: number }>(
      `select b.id, (select count(*)::int from bid where bid.brief_id = b.id and bid.status <> 'WITHDRAWN') as bids
         from brief b where b.status = 'OPEN' and b.bidding_mode = 'SEALED'`,
    );
    expect(sealed!.bids).toBeGreaterThan(0);
    const viewAs = async (email: string) => {
      const result = await server.graphql(DemoSealedBriefDocument, { id: toGlobalId('Brief', sealed!.id) }, { token: await logIn(email) });
      expect(result.errors).toBeUndefined();
      return nodeWith(result.data!.node, 'bids')!;
    };

    const competitor = await viewAs('creator.mamatests@demo.market');
    expect(competitor).toEqual({ bidCount: sealed!.bids, feeRange: null, bids: { totalCount: 0, edges: [] } });

    const bidder = await viewAs('creator.pediatrician@demo.market');
    expect(bidder.feeRange).toBeNull();
    expect(bidder.bids.edges.map(({ node }) => node.creator?.displayName)).toEqual(['Dr. Wang Fang']);

    const brand = await viewAs('brand.infant@demo.market');
    expect(brand.bids.totalCount).toBe(sealed!.bids);
    expect(brand.feeRange).not.toBeNull();
  });
});

describe('creator generator', () => {
  const serverUrl = inject('databaseServerUrl');
  const opened: { orm: MikroORM; name: string }[] = [];

  async function freshDatabase(): Promise<MikroORM> {
    const name = `marketplace_seeds_${randomBytes(6).toString('hex')}`;
    await createDatabaseIfMissing(serverUrl, name, inject('templateDatabase'));
    const orm = await connectDatabase({ clientUrl: withDatabase(serverUrl, name), poolMax: 2 });
    opened.push({ orm, name });
    return orm;
  }
  const sqlOf =
    (orm: MikroORM): Sql =>
    (statement, parameters = []) =>
      orm.em.getConnection().execute(statement, parameters);
  /** An order-independent fingerprint of every row the generator writes. */
  async function fingerprint(orm: MikroORM): Promise<Record<string, string>> {
    const tables = ['app_user', 'creator', 'channel_account', 'creator_rate', 'credential'];
    const hashes = await Promise.all(
      tables.map(async (table) => {
        const [row] = await sqlOf(orm)<{ hash: string }>(`select md5(coalesce(string_agg(t::text, '|' order by t.id), '')) as hash from ${table} t`);
        return [table, row!.hash] as const;
      }),
    );
    return Object.fromEntries(hashes);
  }

  let first: MikroORM;
  const progress: number[] = [];
  beforeAll(async () => {
    first = await freshDatabase();
    await generateCreators(first.em.fork(), { creators: 200, seed: 7, batchSize: 64, onProgress: (loaded) => progress.push(loaded) });
  });
  afterAll(async () => {
    for (const { orm, name } of opened) {
      await orm.close();
      await dropDatabaseIfExists(serverUrl, name);
    }
  });

  it('writes identical rows for the same seed, whatever the batch size, and different ones for another seed', async () => {
    const again = await freshDatabase();
    await generateCreators(again.em.fork(), { creators: 200, seed: 7, batchSize: 2000 });
    const other = await freshDatabase();
    await generateCreators(other.em.fork(), { creators: 200, seed: 8 });

    const expected = await fingerprint(first);
    expect(await fingerprint(again)).toEqual(expected);
    const different = await fingerprint(other);
    for (const table of Object.keys(expected)) expect(different[table], table).not.toBe(expected[table]);
  });

  it('reports progress once per committed batch, rising to the total', () => {
    expect(progress).toHaveLength(4);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    expect(progress.at(-1)).toBe(200);
  });

  it('keeps every creator’s summary columns equal to what its channels and credentials give', async () => {
    const all = await creatorFacts(sqlOf(first));
    expect(all).toHaveLength(200);
    expect(summaryMismatches(all)).toEqual([]);
    expect(await matchArrayMismatches(sqlOf(first))).toEqual([]);
    for (const facts of all) {
      expect(facts.channels.length).toBeGreaterThanOrEqual(1);
      expect(facts.channels.length).toBeLessThanOrEqual(3);
      expect(Number(facts.total_followers)).toBe(facts.channels.reduce((sum, channel) => sum + channel.followers, 0));
    }
  });

  it('looks like the market: mostly small accounts, a long tail of huge ones, some verified professionals', async () => {
    const [shape] = await sqlOf(first)<{ median: number; largest: number; kinds: number; verified: number; unrated: number; unknown_verticals: number }>(
      `select percentile_cont(0.5) within group (order by total_followers)::float8 as median,
              max(total_followers)::float8 as largest,
              count(distinct kind)::int as kinds,
              count(*) filter (where cardinality(verified_credential_types) > 0)::int as verified,
              count(*) filter (where not exists (select 1 from creator_rate r where r.creator_id = creator.id))::int as unrated,
              count(*) filter (where not vertical_slugs <@ array(select slug::text from vertical)) ::int as unknown_verticals
         from creator`,
    );
    expect(shape!.median).toBeLessThan(50_000);
    expect(shape!.largest).toBeGreaterThan(1_000_000);
    expect(shape!.kinds).toBe(5);
    expect(shape!.verified).toBeGreaterThan(10);
    expect(shape!.unrated).toBe(0);
    expect(shape!.unknown_verticals).toBe(0);
    const [selfReviewed] = await sqlOf(first)<{ n: number }>(
      `select count(*)::int as n from credential c join app_user r on r.id = c.reviewed_by_id where not r.is_admin or r.id = c.holder_id`,
    );
    expect(selfReviewed!.n).toBe(0);
  });

  it('refuses to load the same seed twice into one database and changes nothing', async () => {
    const before = await fingerprint(first);
    await expect(generateCreators(first.em.fork(), { creators: 10, seed: 7 })).rejects.toThrow(/seed 7 are already in this database/);
    expect(await fingerprint(first)).toEqual(before);
  });

  it('rejects a creator count that is not a positive whole number', async () => {
    await expect(generateCreators(first.em.fork(), { creators: 0, seed: 9 })).rejects.toThrow(RangeError);
    await expect(generateCreators(first.em.fork(), { creators: 5, seed: -1 })).rejects.toThrow(RangeError);
  });
});

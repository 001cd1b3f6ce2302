import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD, type DemoLogins, seedDemoDataIfEmpty } from '../seeds/demo.js';
import { generateCreators } from '../seeds/generator.js';
import { Random } from '../seeds/random.js';
import { summariseChannelAccounts } from '../src/creator/channel-summary.js';
import { type CredentialType, impliedCredentialTypes } from '../src/credential/credential-type.js';
import { computeCredibility } from '../src/credibility/credibility.js';
import { createDatabaseIfMissing, dropDatabaseIfExists, withDatabase } from '../src/db/database-admin.js';
import { connect } from '../src/db/database.js';
import { createLogger } from '../src/logger.js';
import { succeeded } from './support/actors.js';
import { startTestServer, type TestServer } from './support/test-server.js';

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
  channels: { followers: number; realFollowerShare: number }[];
  verified: CredentialType[];
}

/** Each creator's summary columns next to the rows they summarise. */
async function creatorFacts(sql: Sql, where = 'true', parameters: unknown[] = []): Promise<CreatorFacts[]> {
  return sql<CreatorFacts>(
    `select c.id, c.display_name, c.total_followers, c.audience_quality, c.verified_credential_types,
            c.credibility_score, c.credibility_level,
            coalesce((select json_agg(json_build_object('followers', a.followers, 'realFollowerShare', a.real_follower_share))
                        from channel_account a where a.creator_id = c.id), '[]') as channels,
            array(select distinct cr.type from credential cr
                   where cr.holder_id = c.user_id and cr.status = 'VERIFIED' and (cr.expires_at is null or cr.expires_at > now())) as verified
       from creator c join app_user u on u.id = c.user_id
      where ${where}
      order by c.id`,
    parameters,
  );
}

/** What the credibility service would store for these facts, from the same pure functions. */
function expectedSummary(facts: CreatorFacts) {
  const channels = summariseChannelAccounts(facts.channels);
  const credibility = computeCredibility({
    verifiedCredentialCount: facts.verified.length,
    audienceQuality: channels.totalFollowers > 0 ? channels.audienceQuality : null,
  });
  return {
    totalFollowers: channels.totalFollowers,
    audienceQuality: channels.audienceQuality,
    verifiedCredentialTypes: [...impliedCredentialTypes(facts.verified)].sort(),
    credibilityScore: credibility.score,
    credibilityLevel: credibility.level,
  };
}

function summaryMismatches(all: CreatorFacts[]): string[] {
  return all.flatMap((facts) => {
    const expected = expectedSummary(facts);
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
  let server: TestServer;
  let logins: DemoLogins | null;
  const count = async (table: string) => (await server.sql<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;

  beforeAll(async () => {
    server = await startTestServer();
    logins = await seedDemoDataIfEmpty(server.app.orm.em.fork(), silent);
  });
  afterAll(() => server?.stop());

  it('loads into an empty database with one login per role', async () => {
    expect(logins?.password).toBe(DEMO_PASSWORD);
    expect(logins?.accounts.map((account) => account.role)).toEqual([
      'admin',
      'brand: skincare',
      'brand: HA snacks',
      'brand: infant food',
      'creator: pediatrician',
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
    expect(await seedDemoDataIfEmpty(server.app.orm.em.fork(), silent)).toBeNull();
    expect(await count('app_user')).toBe(users);
    expect(await count('creator')).toBe(11);
  });

  it('lets every demo login sign in through logIn with the shared password', async () => {
    const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { token user { email } userErrors { code field message } } }`;
    for (const { email } of logins!.accounts) {
      const result = await server.graphql(LOG_IN, { input: { email, password: DEMO_PASSWORD } });
      const payload = succeeded<{ token: string; user: { email: string } }>(result as never, 'logIn');
      expect(payload.user.email).toBe(email);
      const viewer = await server.graphql<{ viewer: { isAdmin: boolean } }>(`{ viewer { isAdmin } }`, {}, { token: payload.token });
      expect(viewer.data?.viewer.isAdmin).toBe(email === 'admin@demo.market');
    }
  });

  it('computes every creator’s summary columns from its channels and verified credentials', async () => {
    const all = await creatorFacts(server.sql);
    expect(all).toHaveLength(11);
    expect(summaryMismatches(all)).toEqual([]);
    const traders = await server.sql<{ credibility_level: number }>('select credibility_level from trader');
    expect(traders.map((trader) => trader.credibility_level)).toEqual([1, 1, 1]);
  });

  it('ranks the verified pediatrician above the 30-million-follower celebrity on credibility', async () => {
    const [pediatrician] = await creatorFacts(server.sql, 'u.email = ?', ['creator.pediatrician@demo.market']);
    const [celebrity] = await creatorFacts(server.sql, 'u.email = ?', ['creator.celebrity@demo.market']);
    const expected = expectedSummary(pediatrician!);
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
});

describe('creator generator', () => {
  const serverUrl = inject('databaseServerUrl');
  const opened: { orm: MikroORM; name: string }[] = [];

  async function freshDatabase(): Promise<MikroORM> {
    const name = `marketplace_seeds_${randomBytes(6).toString('hex')}`;
    await createDatabaseIfMissing(serverUrl, name, inject('templateDatabase'));
    const orm = await connect(withDatabase(serverUrl, name), 2);
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

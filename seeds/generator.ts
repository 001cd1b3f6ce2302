import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { EMPTY_AUDIENCE } from '../src/creator/audience.js';
import { Random } from './random.js';
import {
  CreatorSynthesiser,
  DAY,
  type LeafVertical,
  SYNTHETIC_EPOCH,
  SYNTHETIC_EMAIL_DOMAIN,
  SYNTHETIC_PASSWORD_HASH,
  type SyntheticCreator,
} from './synthetic-creators.js';

/**
 * Loads N synthetic creators for load and matching tests: users, profiles, channel accounts, rate
 * cards and credentials, in batched multi-row inserts (one `insert … select from unnest(…)` per
 * table per batch, one transaction per batch) straight through the ORM's `pg` pool. It uses `pg`
 * bind parameters rather than `em.getConnection().execute()`, which inlines `?` parameters as SQL
 * literals and would spread each column array into a comma-separated list.
 *
 * Entities and the per-user CredibilityService would cost a round trip per row at this scale;
 * the summary columns are computed by the same pure functions instead (see synthetic-creators.ts).
 * The same seed gives the same rows, UUIDs and timestamps included, whatever the batch size.
 */

export interface GenerateCreatorsOptions {
  creators: number;
  seed: number;
  /** Creators per insert batch and transaction. */
  batchSize?: number;
  /** Called after each committed batch. */
  onProgress?: (loaded: number, total: number) => void;
}

export interface GenerationReport {
  creators: number;
  rowsByTable: Record<string, number>;
  totalRows: number;
  elapsedMs: number;
  /** The generator's admin, who reviewed the synthetic credentials. */
  reviewerEmail: string;
}

export const DEFAULT_BATCH_SIZE = 2_000;
export const MAX_SEED = 2 ** 32 - 1;

/** The seed's rows are already in the database; loading them again would only collide. */
export class SeedAlreadyLoadedError extends Error {}

type SqlType = 'uuid' | 'text' | 'int' | 'bigint' | 'float8' | 'timestamptz' | 'jsonb' | 'text[]';

interface QueryClient {
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

/**
 * One table's rows of a batch, held column by column, because `unnest` takes one array per
 * column. Array-valued columns travel as array literals and are cast back per row, since `unnest`
 * flattens a two-dimensional array instead of yielding its rows.
 */
class ColumnBatch<Column extends string> {
  private readonly values: Record<Column, unknown[]>;
  private readonly statement: string;
  rowCount = 0;

  constructor(
    readonly table: string,
    private readonly columns: Record<Column, SqlType>,
  ) {
    const names = Object.keys(columns) as Column[];
    this.values = Object.fromEntries(names.map((name) => [name, []])) as unknown as Record<Column, unknown[]>;
    const parameters = names.map((name, index) => `$${index + 1}::${columns[name] === 'text[]' ? 'text' : columns[name]}[]`);
    const selected = names.map((name) => (columns[name] === 'text[]' ? `${name}::text[]` : name));
    this.statement =
      `insert into ${table} (${names.join(', ')}) ` +
      `select ${selected.join(', ')} from unnest(${parameters.join(', ')}) as row(${names.join(', ')})`;
  }

  push(row: Record<Column, unknown>): void {
    for (const name in this.columns) {
      const value = row[name];
      this.values[name].push(this.columns[name] === 'text[]' ? arrayLiteral(value as string[]) : value);
    }
    this.rowCount += 1;
  }

  async insert(client: QueryClient): Promise<void> {
    if (this.rowCount === 0) return;
    await client.query(this.statement, Object.values(this.values));
  }
}

/** A UUID that is the same every run for the same name, so a seed always writes the same rows. */
function derivedUuid(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A PostgreSQL array literal, every element quoted so no value can change its shape. */
function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;
}

class Batch {
  readonly users = new ColumnBatch('app_user', {
    id: 'uuid', email: 'text', password_hash: 'text', display_name: 'text', created_at: 'timestamptz',
  });
  readonly creators = new ColumnBatch('creator', {
    id: 'uuid', user_id: 'uuid', display_name: 'text', bio: 'text', kind: 'text', vertical_slugs: 'text[]',
    niche_tags: 'text[]', capacity: 'int', min_commission_bp: 'int', total_followers: 'bigint',
    audience_quality: 'float8', verified_credential_types: 'text[]', credibility_score: 'int',
    credibility_level: 'int', platforms: 'text[]', rate_formats: 'text[]', created_at: 'timestamptz', updated_at: 'timestamptz',
  });
  readonly channels = new ColumnBatch('channel_account', {
    id: 'uuid', creator_id: 'uuid', platform: 'text', handle: 'text', followers: 'int', average_views: 'int',
    engagement_rate: 'float8', real_follower_share: 'float8', audience: 'jsonb', declared_followers: 'int',
    declared_average_views: 'int', declared_engagement_rate: 'float8', declared_real_follower_share: 'float8',
    declared_audience: 'jsonb', verified_at: 'timestamptz', verification_method: 'text', verified_by_id: 'uuid',
    snapshot_captured_at: 'timestamptz', audit_score: 'int', audit: 'jsonb', created_at: 'timestamptz', updated_at: 'timestamptz',
  });
  readonly snapshots = new ColumnBatch('channel_snapshot', {
    id: 'uuid', channel_account_id: 'uuid', source: 'text', recorded_by_id: 'uuid', captured_at: 'timestamptz', followers: 'int',
    average_views: 'int', engagement_rate: 'float8', real_follower_share: 'float8', audience: 'jsonb', follower_history: 'jsonb',
    audit_score: 'int', audit: 'jsonb', created_at: 'timestamptz',
  });
  readonly rates = new ColumnBatch('creator_rate', {
    id: 'uuid', creator_id: 'uuid', format: 'text', min_fixed_fee: 'bigint', currency: 'text',
  });
  readonly credentials = new ColumnBatch('credential', {
    id: 'uuid', holder_id: 'uuid', type: 'text', issuer: 'text', license_number: 'text', evidence_url: 'text',
    status: 'text', reviewed_by_id: 'uuid', reviewed_at: 'timestamptz', review_note: 'text', created_at: 'timestamptz',
  });
  creatorCount = 0;

  /** In foreign-key order. */
  get tables(): ColumnBatch<string>[] {
    return [this.users, this.creators, this.channels, this.snapshots, this.rates, this.credentials];
  }

  add({ user, creator, channels, rates, credentials }: SyntheticCreator, reviewerId: string): void {
    this.users.push({
      id: user.id, email: user.email, password_hash: SYNTHETIC_PASSWORD_HASH, display_name: user.displayName, created_at: user.createdAt,
    });
    this.creators.push({
      id: creator.id, user_id: user.id, display_name: creator.displayName, bio: creator.bio, kind: creator.kind,
      vertical_slugs: creator.verticalSlugs, niche_tags: creator.nicheTags, capacity: creator.capacity,
      min_commission_bp: creator.minCommissionBp, total_followers: creator.totalFollowers,
      audience_quality: creator.audienceQuality, verified_credential_types: creator.verifiedCredentialTypes,
      credibility_score: creator.credibilityScore, credibility_level: creator.credibilityLevel,
      // The summaries CredibilityService.refreshForUser keeps, from the rows written below.
      platforms: [...new Set(channels.filter((channel) => channel.verification).map((channel) => channel.platform))].sort(),
      rate_formats: [...new Set(rates.map((rate) => rate.format))].sort(),
      created_at: creator.createdAt, updated_at: creator.createdAt,
    });
    for (const channel of channels) {
      const verified = channel.verification;
      const audience = JSON.stringify(channel.audience);
      // Declared figures always; the counted ones only once an admin verified the channel.
      this.channels.push({
        id: channel.id, creator_id: creator.id, platform: channel.platform, handle: channel.handle,
        followers: verified ? channel.followers : 0, average_views: verified ? channel.averageViews : 0,
        engagement_rate: verified ? channel.engagementRate : 0, real_follower_share: verified ? channel.realFollowerShare : null,
        audience: verified ? audience : JSON.stringify(EMPTY_AUDIENCE), declared_followers: channel.followers,
        declared_average_views: channel.averageViews, declared_engagement_rate: channel.engagementRate,
        declared_real_follower_share: null, declared_audience: audience, verified_at: verified?.verifiedAt ?? null,
        verification_method: verified ? 'ADMIN' : null, verified_by_id: verified ? reviewerId : null,
        snapshot_captured_at: verified?.verifiedAt ?? null, audit_score: verified?.auditScore ?? null,
        audit: verified ? JSON.stringify(verified.audit) : null, created_at: channel.createdAt, updated_at: channel.createdAt,
      });
      if (verified) {
        this.snapshots.push({
          id: derivedUuid(`snapshot:${channel.id}`), channel_account_id: channel.id, source: 'ADMIN', recorded_by_id: reviewerId, captured_at: verified.verifiedAt,
          followers: channel.followers, average_views: channel.averageViews, engagement_rate: channel.engagementRate,
          real_follower_share: channel.realFollowerShare, audience, follower_history: JSON.stringify(verified.followerHistory),
          audit_score: verified.auditScore, audit: JSON.stringify(verified.audit), created_at: verified.verifiedAt,
        });
      }
    }
    for (const rate of rates) {
      this.rates.push({ id: rate.id, creator_id: creator.id, format: rate.format, min_fixed_fee: rate.minFixedFee, currency: 'CNY' });
    }
    for (const credential of credentials) {
      this.credentials.push({
        id: credential.id, holder_id: user.id, type: credential.type, issuer: credential.issuer,
        license_number: credential.licenseNumber, evidence_url: credential.evidenceUrl, status: credential.status,
        reviewed_by_id: credential.reviewedAt ? reviewerId : null, reviewed_at: credential.reviewedAt,
        review_note: credential.reviewNote, created_at: credential.createdAt,
      });
    }
    this.creatorCount += 1;
  }
}

async function inTransaction(client: QueryClient, work: () => Promise<void>): Promise<void> {
  await client.query('begin');
  try {
    await work();
    await client.query('commit');
  } catch (error) {
    // The statement's own error says what went wrong; a failed rollback only means a broken connection.
    await client.query('rollback').catch(() => {});
    throw error;
  }
}

function checkOptions({ creators, seed, batchSize = DEFAULT_BATCH_SIZE }: GenerateCreatorsOptions): void {
  if (!Number.isSafeInteger(creators) || creators < 1) throw new RangeError(`creators must be a positive whole number, got ${creators}`);
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > MAX_SEED) throw new RangeError(`seed must be a whole number in 0..${MAX_SEED}, got ${seed}`);
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive whole number, got ${batchSize}`);
}

/** Leaf verticals in slug order, so the same seed picks the same verticals in every database. */
async function readLeafVerticals(client: QueryClient): Promise<LeafVertical[]> {
  const { rows } = await client.query(
    `select v.slug, parent.slug as parent_slug
       from vertical v left join vertical parent on parent.id = v.parent_id
      where not exists (select 1 from vertical child where child.parent_id = v.id)
      order by v.slug`,
  );
  return rows.map((row) => ({ slug: String(row.slug), parentSlug: row.parent_slug == null ? null : String(row.parent_slug) }));
}

type Pool = Awaited<ReturnType<ReturnType<EntityManager['getConnection']>['getNativeClient']>>;

/** Runs `work` on a pooled connection; after a failure the connection is discarded, since a statement may have been cut off. */
async function withClient<T>(pool: Pool, work: (client: QueryClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    const result = await work(client);
    client.release();
    return result;
  } catch (error) {
    client.release(error instanceof Error ? error : true);
    throw error;
  }
}

export async function generateCreators(em: EntityManager, options: GenerateCreatorsOptions): Promise<GenerationReport> {
  checkOptions(options);
  const { creators: total, seed, batchSize = DEFAULT_BATCH_SIZE, onProgress } = options;
  const started = performance.now();
  const pool = await em.getConnection().getNativeClient();
  const random = new Random(seed);
  const reviewer = { id: random.uuid(), email: `generator-admin.seed-${seed}@${SYNTHETIC_EMAIL_DOMAIN}` };

  const leaves = await withClient(pool, async (client) => {
    const existing = await client.query('select 1 from app_user where email = $1', [reviewer.email]);
    if (existing.rows.length > 0) {
      throw new SeedAlreadyLoadedError(`Creators of seed ${seed} are already in this database (${reviewer.email} exists); choose another seed.`);
    }
    await client.query(
      `insert into app_user (id, email, password_hash, display_name, is_admin, created_at) values ($1, $2, $3, $4, true, $5)`,
      [reviewer.id, reviewer.email, SYNTHETIC_PASSWORD_HASH, `Generator admin (seed ${seed})`, new Date(SYNTHETIC_EPOCH - 4 * 365 * DAY).toISOString()],
    );
    return readLeafVerticals(client);
  });
  const synthesiser = new CreatorSynthesiser(random, seed, leaves);

  const rowsByTable: Record<string, number> = { app_user: 1 };
  let synthesised = 0;
  let loaded = 0;
  let failed = false;
  /** Creators are synthesised strictly in order, so rows do not depend on which connection inserts them. */
  const nextBatch = (): Batch | null => {
    if (failed || synthesised >= total) return null;
    const batch = new Batch();
    for (const last = Math.min(total, synthesised + batchSize); synthesised < last; synthesised++) {
      batch.add(synthesiser.creator(synthesised), reviewer.id);
    }
    return batch;
  };
  // Two connections: while PostgreSQL inserts one batch, this process synthesises the next and a
  // second backend inserts it, which keeps both cores of a small machine busy.
  const worker = () =>
    withClient(pool, async (client) => {
      for (let batch = nextBatch(); batch; batch = nextBatch()) {
        const tables = batch.tables;
        await inTransaction(client, async () => {
          for (const table of tables) await table.insert(client);
        });
        for (const table of tables) rowsByTable[table.table] = (rowsByTable[table.table] ?? 0) + table.rowCount;
        loaded += batch.creatorCount;
        onProgress?.(loaded, total);
      }
    }).catch((error: unknown) => {
      failed = true;
      throw error;
    });
  const outcomes = await Promise.allSettled([worker(), worker()]);
  const failure = outcomes.find((outcome) => outcome.status === 'rejected');
  if (failure) throw failure.reason;

  return {
    creators: loaded,
    rowsByTable,
    totalRows: Object.values(rowsByTable).reduce((sum, count) => sum + count, 0),
    elapsedMs: performance.now() - started,
    reviewerEmail: reviewer.email,
  };
}

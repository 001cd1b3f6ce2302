import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  AgencyOpportunityCountDocument,
  AgencyOpportunityRankingDocument,
  type BriefCreateInput,
  BriefObjectiveChangeDocument,
  BriefRecommendationCountDocument,
  BriefRecommendationsDocument,
  type BriefRecommendationsQueryVariables,
  BriefWithCapabilitiesDocument,
  ChannelForMatchingDocument,
  type ContentFormat,
  type CreatorRateCardInput,
  type MatchConnectionFieldsFragment,
  ProductForMatchingDocument,
  PublishForMatchingDocument,
  RateCardForMatchingDocument,
  RecommendedBriefCountDocument,
  RecommendedBriefIdsDocument,
} from './generated/graphql.js';
import { errorCodes, signUp, succeeded } from './support/actors.js';
import { type Brand, createAgency, createBrand, createBrief, createCreator, createTrader, placeBid, rowId, type Talent } from './support/bids.js';
import { useTestServer } from './support/test-server.js';
import { verifyChannel } from './support/channels.js';

/**
 * Match recommendations through the API: hard constraints exclude, the score explains itself,
 * weights and pages are validated, and only the brand (or an agency for its roster) may ask.
 */

const server = useTestServer();

interface Profile {
  verticals?: string[];
  tags?: string[];
  credentials?: string[];
  level?: number;
  score?: number;
  followers?: number;
  /** The audience's real-follower share, a summary column like the others. */
  realShare?: number;
  capacity?: number;
  activeDeals?: number;
  /** [platform, followers] per channel account. */
  channels?: [string, number][];
  /** [format, fee in minor units] per rate-card line. */
  rates?: [string, number][];
}

/** A creator with the summary columns, channel accounts and rate card the matching reads, written directly. */
async function creatorWith(name: string, profile: Profile = {}): Promise<Talent> {
  const talent = await createCreator(server, name);
  const id = rowId(talent.id);
  await server.sql(
    `update creator set vertical_slugs = ?::text[], niche_tags = ?::text[], verified_credential_types = ?::text[], credibility_level = ?,
       credibility_score = ?, total_followers = ?, audience_quality = ?, capacity = ?, active_deal_count = ? where id = ?`,
    [
      `{${(profile.verticals ?? ['beauty.functional-skincare']).join(',')}}`,
      `{${(profile.tags ?? ['ceramide']).join(',')}}`,
      `{${(profile.credentials ?? []).join(',')}}`,
      profile.level ?? 3,
      profile.score ?? 60,
      profile.followers ?? 50_000,
      profile.realShare ?? 0.95,
      profile.capacity ?? 3,
      profile.activeDeals ?? 0,
      id,
    ],
  );
  for (const [platform, followers] of profile.channels ?? [['DOUYIN', profile.followers ?? 50_000]]) {
    await server.sql(
      // Verified channels: only those count for reach and audience (credibility-channels.test.ts).
      `insert into channel_account (id, creator_id, platform, handle, followers, declared_followers, audience, verified_at, verification_method, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?::jsonb, now(), 'ADMIN', now(), now())`,
      [randomUUID(), id, platform, `${name}-${randomUUID().slice(0, 8)}`, followers, followers, JSON.stringify({ femaleShare: 0.8, maleShare: 0.2, ageBands: [], topRegions: [] })],
    );
  }
  for (const [format, fee] of profile.rates ?? [['SHORT_VIDEO', 500_000]]) {
    await server.sql(`insert into creator_rate (id, creator_id, format, min_fixed_fee, currency) values (?, ?, ?, ?, 'CNY')`, [randomUUID(), id, format, fee]);
  }
  // The platform and format summaries the services keep from these rows; retrieval reads them.
  await server.sql(
    `update creator c set platforms = array(select distinct platform from channel_account where creator_id = c.id order by 1),
       rate_formats = array(select distinct format from creator_rate where creator_id = c.id order by 1) where c.id = ?`,
    [id],
  );
  return talent;
}

type MatchConnection = MatchConnectionFieldsFragment;
type MatchNode = MatchConnection['edges'][number]['node'];

type RankingVariables = Omit<BriefRecommendationsQueryVariables, 'id'>;

async function recommendations(token: string, briefId: string, variables: RankingVariables = {}) {
  return server.graphql(BriefRecommendationsDocument, { id: briefId, first: 20, ...variables }, { token });
}

async function ranked(token: string, briefId: string, variables: RankingVariables = {}): Promise<MatchConnection> {
  const result = await recommendations(token, briefId, variables);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!.briefMatchRecommendations!;
}

const names = (connection: MatchConnection) => connection.edges.map((edge) => edge.node.creator?.displayName);

describe('hard constraints', () => {
  let brand: Brand;
  let briefId: string;
  let eligible: Talent;
  let bidder: Talent;

  beforeAll(async () => {
    brand = await createBrand(server, ['DERMATOLOGIST']);
    briefId = await createBrief(server, brand, { minCredibilityLevel: 'L3' });
    const qualified: Profile = { credentials: ['DERMATOLOGIST', 'PHYSICIAN'], level: 3 };
    eligible = await creatorWith('Eligible', qualified);
    bidder = await creatorWith('Bidder', qualified);
    await creatorWith('Unverified', { ...qualified, credentials: ['PHYSICIAN'] });
    await creatorWith('Below level', { ...qualified, level: 2 });
    await creatorWith('Elsewhere', { ...qualified, channels: [['BILIBILI', 80_000]] });
    await creatorWith('Articles only', { ...qualified, rates: [['ARTICLE', 100_000]] });
    await creatorWith('Busy', { ...qualified, capacity: 2, activeDeals: 2 });
    // Another vertical is a candidate only when related through a shared niche tag.
    await creatorWith('Other vertical', { ...qualified, verticals: ['finance.insurance'], tags: ['pension'] });
    await placeBid(server, bidder.actor, { briefId, creatorId: bidder.id });
  });

  it('returns only the creator who passes every one: verified credential, level, platform, format, capacity, no bid on the brief', async () => {
    const connection = await ranked(brand.owner.token, briefId);
    expect(names(connection)).toEqual(['Eligible']);
    expect(connection.totalCount).toBe(1);
  });

  it('an unverified (pending) credential never meets a requirement', async () => {
    const unverified = await creatorWith('Pending dermatologist', { credentials: ['PHYSICIAN'], level: 4 });
    await server.sql(
      `insert into credential (id, holder_id, type, issuer, license_number, status, created_at) values (?, ?, 'DERMATOLOGIST', 'Board', 'X-1', 'PENDING', now())`,
      [randomUUID(), rowId(unverified.actor.userId)],
    );
    expect(names(await ranked(brand.owner.token, briefId))).toEqual(['Eligible']);
  });

  it('lets the creator see the brief among their recommended briefs, and not the one they already bid on', async () => {
    const query = RecommendedBriefIdsDocument;
    const mine = await server.graphql(query, {}, { token: eligible.actor.token });
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.recommendedBriefs.edges.map((edge) => edge.node.brief.id)).toContain(briefId);
    const theirs = await server.graphql(query, {}, { token: bidder.actor.token });
    expect(theirs.data!.recommendedBriefs.edges.map((edge) => edge.node.brief.id)).not.toContain(briefId);
  });

  it('refuses recommended briefs to a user without a creator or operator profile', async () => {
    const stranger = await signUp(server, 'stranger');
    const result = await server.graphql(RecommendedBriefCountDocument, {}, { token: stranger.token });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('ranking and reasons', () => {
  let owner: string;
  let briefId: string;
  let anyAudienceBriefId: string;

  beforeAll(async () => {
    const brand = await createBrand(server);
    owner = brand.owner.token;
    const product = succeeded(
      await server.graphql(
        ProductForMatchingDocument,
        { input: { brandId: brand.brandId, name: 'Infant DHA drops', verticalSlug: 'mother-baby.infant-food-supplements', nicheTags: ['dha', 'infant-nutrition'] } },
        { token: owner },
      ),
      'productCreate',
    ).product;
    briefId = await createBrief(server, { ...brand, productId: product.id }, { title: 'Infant DHA drops', targetAudience: { gender: 'FEMALE', ageBands: [], regions: [] } });
    anyAudienceBriefId = await createBrief(server, { ...brand, productId: product.id }, { title: 'Infant DHA drops for anyone' });
    await creatorWith('Dr Pediatrician', {
      verticals: ['mother-baby.infant-food-supplements'],
      tags: ['dha', 'infant-nutrition'],
      credentials: ['PEDIATRICIAN', 'PHYSICIAN'],
      level: 4,
      score: 78,
      followers: 40_000,
    });
    await creatorWith('Celebrity', { verticals: ['mother-baby.baby-care'], tags: ['lifestyle'], level: 3, score: 55, followers: 2_000_000, rates: [['SHORT_VIDEO', 6_000_000]] });
  });

  it('ranks a verified pediatrician above a celebrity with 50 times the followers', async () => {
    expect(names(await ranked(owner, briefId))).toEqual(['Dr Pediatrician', 'Celebrity']);
  });

  it('fits the audience of the creator’s largest channel to a brief that targets one, and any audience to a brief that targets none', async () => {
    const audienceFit = async (id: string) =>
      (await ranked(owner, id)).edges.find((edge) => edge.node.creator?.displayName === 'Dr Pediatrician')!.node.factors.find((factor) => factor.factor === 'AUDIENCE_FIT');
    expect(await audienceFit(briefId)).toMatchObject({ value: 0.8, reason: "Audience against the brief's target: 80% female." });
    expect(await audienceFit(anyAudienceBriefId)).toMatchObject({ value: 1, reason: 'The brief targets no particular audience, so any audience fits.' });
  });

  it('gives each match factors whose contributions add up to the score, each with a reason, and an expected ROI with assumptions', async () => {
    const connection = await ranked(owner, briefId);
    for (const { node } of connection.edges) {
      expect(node.score).toBeGreaterThan(0);
      expect(node.score).toBeLessThanOrEqual(1);
      expect(node.factors.reduce((sum, factor) => sum + factor.contribution, 0)).toBeCloseTo(node.score, 9);
      expect(node.factors.reduce((sum, factor) => sum + factor.weight, 0)).toBeCloseTo(1, 9);
      expect(node.factors.every((factor) => factor.reason.length > 10)).toBe(true);
      expect(node.expectedRoi.expectedCost.currency).toBe('CNY');
      expect(node.expectedRoi.assumptions.map((assumption) => assumption.name)).toContain('dealStructure');
    }
    const celebrity = connection.edges.find((edge) => edge.node.creator?.displayName === 'Celebrity')!.node;
    expect(celebrity.flags).toContain('OVER_BUDGET');
    expect(celebrity.factors.find((factor) => factor.factor === 'PRICE_FIT')!.value).toBe(0);
  });

  it('follows the caller’s weights', async () => {
    const byCredibilityOnly = { verticalFit: 0, nicheTagOverlap: 0, credentialRelevance: 0, credibility: 1, audienceFit: 0, trackRecord: 0, priceFit: 0, availability: 0 };
    const connection = await ranked(owner, briefId, { weights: byCredibilityOnly });
    // Credibility without credential points: the pediatrician's 78 holds none (no credential rows), over the 66 those parts can give.
    expect(connection.edges[0]!.node.score).toBe(1);
    expect(connection.edges[1]!.node.score).toBeCloseTo(55 / 66, 6);
  });

  it('pages with cursors and refuses a cursor from another ranking', async () => {
    const first = await ranked(owner, briefId, { first: 1 });
    expect(names(first)).toEqual(['Dr Pediatrician']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await ranked(owner, briefId, { first: 1, after: first.pageInfo.endCursor });
    expect(names(second)).toEqual(['Celebrity']);
    expect(second.pageInfo.hasNextPage).toBe(false);
    const foreign = await recommendations(owner, briefId, { first: 1, after: first.pageInfo.endCursor, weights: { credibility: 5 } });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses negative and all-zero weights with typed errors', async () => {
    const negative = await recommendations(owner, briefId, { weights: { priceFit: -1 } });
    expect(negative.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(negative.errors?.[0]?.extensions?.userErrors).toEqual([expect.objectContaining({ code: 'NEGATIVE_WEIGHT', field: ['weights', 'priceFit'] })]);
    const zero = { verticalFit: 0, nicheTagOverlap: 0, credentialRelevance: 0, credibility: 0, audienceFit: 0, trackRecord: 0, priceFit: 0, availability: 0 };
    const allZero = await recommendations(owner, briefId, { weights: zero });
    expect(allZero.errors?.[0]?.extensions?.userErrors).toEqual([expect.objectContaining({ code: 'ALL_WEIGHTS_ZERO' })]);
  });

  it('refuses a weight that is not finite with a typed error', async () => {
    // JSON cannot carry Infinity; a literal too large for a double parses to it.
    const result = await server.graphql(`query($id: ID!) { briefMatchRecommendations(briefId: $id, first: 5, weights: { trackRecord: 1e400 }) { totalCount } }`, { id: briefId }, { token: owner });
    expect(result.errors?.[0]?.extensions?.userErrors).toEqual([expect.objectContaining({ code: 'NON_FINITE_WEIGHT', field: ['weights', 'trackRecord'] })]);
  });

  it('refuses first over 100', async () => {
    const result = await recommendations(owner, briefId, { first: 101 });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('runs the candidate query once for two aliased fields of the same brief and weights', async () => {
    const statements = async (query: string) => {
      server.resetQueryCount();
      const result = await server.graphql(query, { id: briefId }, { token: owner });
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      return server.queryCount();
    };
    const field = (alias: string, weights = '') => `${alias}: briefMatchRecommendations(briefId: $id, first: 1${weights}) { totalCount }`;
    const one = await statements(`query($id: ID!) { ${field('a')} }`);
    const sameRanking = await statements(`query($id: ID!) { ${field('a')} ${field('b')} }`);
    const otherRanking = await statements(`query($id: ID!) { ${field('a')} ${field('b', ', weights: { credibility: 3 }')} }`);
    // The second field of the same ranking adds only its own brief lookup and page of profiles;
    // a second ranking also runs the brief's facts and its candidates (two statements).
    expect(sameRanking - one).toBeLessThanOrEqual(2);
    expect(otherRanking - sameRanking).toBeGreaterThanOrEqual(2);
  });
});

describe('hand-judged orderings', () => {
  it('ranks a reviewer with a strong functional-skincare record above a lifestyle creator with twenty times the followers for a ceramide serum', async () => {
    const brand = await createBrand(server);
    const briefId = await createBrief(server, brand, { title: 'Ceramide barrier serum', targetAudience: { gender: 'FEMALE', ageBands: [], regions: [] } });
    // Credibility is earned from the verified track record, so a strong record shows as a high score and level.
    const reviewer = await creatorWith('Skincare reviewer', { verticals: ['beauty.functional-skincare'], tags: ['ceramide', 'barrier-repair'], level: 4, score: 88, followers: 60_000 });
    await server.sql(`update creator set kind = 'REVIEWER' where id = ?`, [rowId(reviewer.id)]);
    const lifestyle = await creatorWith('Lifestyle vlogger', { verticals: ['beauty.makeup'], tags: ['ootd', 'travel'], level: 3, score: 52, followers: 1_200_000 });
    await server.sql(`update creator set kind = 'LIFESTYLE' where id = ?`, [rowId(lifestyle.id)]);

    // Creators of the other tests in this file work in the same vertical; only these two are judged here.
    const connection = await ranked(brand.owner.token, briefId, { first: 100 });
    const judged = connection.edges.map((edge) => edge.node).filter((node) => ['Skincare reviewer', 'Lifestyle vlogger'].includes(node.creator!.displayName));
    expect(judged.map((node) => node.creator!.displayName)).toEqual(['Skincare reviewer', 'Lifestyle vlogger']);
    const [top, second] = judged;
    const value = (node: MatchNode, factor: string) => node.factors.find((entry) => entry.factor === factor)!.value;
    expect(value(top!, 'VERTICAL_FIT')).toBe(1);
    expect(value(second!, 'VERTICAL_FIT')).toBe(0.5);
    expect(value(top!, 'NICHE_TAG_OVERLAP')).toBe(1);
    expect(value(second!, 'NICHE_TAG_OVERLAP')).toBe(0);
  });
});

describe('operated self-broadcasts', () => {
  const CREATE = BriefWithCapabilitiesDocument;
  let brand: Brand;

  beforeAll(async () => {
    brand = await createBrand(server);
  });

  async function operatorWith(name: string, capabilities: string[], score: number): Promise<Talent> {
    const operator = await createTrader(server, name, { level: 3 });
    await server.sql(
      `update trader set capabilities = ?::text[], vertical_slugs = '{beauty.functional-skincare}', platforms = '{DOUYIN}', credibility_score = ? where id = ?`,
      [`{${capabilities.join(',')}}`, score, rowId(operator.id)],
    );
    return operator;
  }

  const briefInput = (overrides: Partial<BriefCreateInput> = {}): BriefCreateInput => ({
    brandId: brand.brandId,
    title: 'Our own Double 11 stream',
    objective: 'OPERATED_SELF_BROADCAST',
    productIds: [brand.productId],
    formats: ['LIVE_STREAM'],
    platforms: ['DOUYIN'],
    budget: { amount: 50_000_000, currency: 'CNY' },
    preferredStructures: ['HYBRID'],
    slots: 1,
    deadline: new Date(Date.now() + 14 * 86_400_000).toISOString(),
    ...overrides,
  });

  it('ranks first the operator who runs the supply chain and fulfilment the brief needs, over a more credible one who does not', async () => {
    const fullChain = await operatorWith('Full-chain operator', ['LIVE_OPERATION', 'SUPPLY_CHAIN', 'FULFILMENT'], 62);
    const trafficOnly = await operatorWith('Traffic operator', ['LIVE_OPERATION', 'TRAFFIC_MARKETING'], 91);
    const created = succeeded(
      await server.graphql(CREATE, { input: briefInput({ requiredCapabilities: ['FULFILMENT', 'SUPPLY_CHAIN', 'SUPPLY_CHAIN'] }) }, { token: brand.owner.token }),
      'briefCreate',
    ).brief;
    expect(created.requiredCapabilities).toEqual(['FULFILMENT', 'SUPPLY_CHAIN']);
    succeeded(await server.graphql(PublishForMatchingDocument, { id: created.id }, { token: brand.owner.token }), 'briefPublish');

    const connection = await ranked(brand.owner.token, created.id);
    const order = connection.edges.map((edge) => edge.node);
    expect(order.map((node) => node.trader?.id)).toEqual([fullChain.id, trafficOnly.id]);
    const capability = (node: MatchNode) => node.factors.find((factor) => factor.factor === 'CAPABILITY_FIT')!;
    expect(capability(order[0]!).value).toBe(1);
    expect(capability(order[0]!).reason).toContain('supply chain');
    expect(capability(order[1]!).value).toBe(0);
    expect(order[1]!.flags).toContain('MISSING_CAPABILITY');
  });

  it('refuses capabilities on a brief that hires no operator, and writes nothing', async () => {
    const briefCount = async () => (await server.sql<{ count: string }>('select count(*) from brief'))[0]!.count;
    const before = await briefCount();
    const result = await server.graphql(CREATE, { input: briefInput({ objective: 'SEEDING_CONTENT', formats: ['SHORT_VIDEO'], requiredCapabilities: ['FULFILMENT'] }) }, { token: brand.owner.token });
    expect(errorCodes(result, 'briefCreate')).toEqual(['INVALID']);
    expect(await briefCount()).toBe(before);
  });

  it('refuses turning a self-broadcast that needs capabilities into another objective unless they are cleared', async () => {
    const draft = succeeded(
      await server.graphql(CREATE, { input: briefInput({ requiredCapabilities: ['SUPPLY_CHAIN'] }) }, { token: brand.owner.token }),
      'briefCreate',
    ).brief;
    const UPDATE = BriefObjectiveChangeDocument;
    const refused = await server.graphql(UPDATE, { id: draft.id, input: { objective: 'LIVE_SALE' } }, { token: brand.owner.token });
    expect(errorCodes(refused, 'briefUpdate')).toEqual(['INVALID']);
    const [row] = await server.sql<{ objective: string }>('select objective from brief where id = ?', [rowId(draft.id)]);
    expect(row!.objective).toBe('OPERATED_SELF_BROADCAST');
    const changed = succeeded(
      await server.graphql(UPDATE, { id: draft.id, input: { objective: 'LIVE_SALE', requiredCapabilities: [] } }, { token: brand.owner.token }),
      'briefUpdate',
    ).brief;
    expect(changed).toEqual({ objective: 'LIVE_SALE', requiredCapabilities: [] });
  });
});

describe('who may ask', () => {
  let brand: Brand;
  let briefId: string;
  let draftId: string;

  beforeAll(async () => {
    brand = await createBrand(server);
    briefId = await createBrief(server, brand, { title: 'Public brief' });
    draftId = await createBrief(server, brand, { title: 'Draft brief' }, false);
  });

  it('answers a brief the viewer may not see exactly as one that does not exist', async () => {
    const other = await createBrand(server);
    const hidden = await recommendations(other.owner.token, draftId);
    const missing = await recommendations(other.owner.token, Buffer.from(`Brief:${randomUUID()}`).toString('base64url'));
    expect(hidden.errors?.[0]?.extensions).toEqual(missing.errors?.[0]?.extensions);
    expect(hidden.errors?.[0]?.message).toBe(missing.errors?.[0]?.message);
    expect((hidden.errors?.[0]?.extensions?.userErrors as { code: string }[])[0]!.code).toBe('NOT_FOUND');
    // A public brief of another brand: visible, but its ranking is the brand's business.
    const notMine = await recommendations(other.owner.token, briefId);
    expect((notMine.errors?.[0]?.extensions?.userErrors as { code: string }[])[0]!.code).toBe('NOT_FOUND');
  });

  it('lets an agency rank its own roster for any brief it sees, and forbids another agency’s roster', async () => {
    const onRoster = await creatorWith('Roster star', { level: 3 });
    await creatorWith('Free agent', { level: 3 });
    const agency = await createAgency(server, [onRoster]);
    const rival = await createAgency(server, []);
    const own = await ranked(agency.member.token, briefId, { forAgency: agency.agencyId });
    expect(names(own)).toEqual(['Roster star']);
    const foreign = await recommendations(rival.member.token, briefId, { forAgency: agency.agencyId });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const opportunities = await server.graphql(AgencyOpportunityRankingDocument, { id: agency.agencyId }, { token: agency.member.token });
    expect(opportunities.errors).toBeUndefined();
    const pairs = opportunities.data!.node!.opportunities!.edges.map((edge) => edge.node);
    expect(pairs.length).toBeGreaterThan(0);
    expect(pairs.every((pair) => pair.creator?.displayName === 'Roster star')).toBe(true);
    const rivalAsks = await server.graphql(AgencyOpportunityCountDocument, { id: agency.agencyId }, { token: rival.member.token });
    expect(rivalAsks.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('serves the same ranking as a field of the brief', async () => {
    const result = await server.graphql(BriefRecommendationCountDocument, { id: briefId }, { token: brand.owner.token });
    expect(result.errors).toBeUndefined();
    expect(result.data!.node!.matchRecommendations!.totalCount).toBeGreaterThanOrEqual(0);
  });
});

describe('platforms and formats from the creator’s own changes', () => {
  it('matches once the creator adds a channel on the brief’s platform and prices its format, and stops when the format leaves the card', async () => {
    const brand = await createBrand(server);
    const briefId = await createBrief(server, brand, { platforms: ['XIAOHONGSHU'], formats: ['LIVE_STREAM'], minCredibilityLevel: 'L1' });
    const creator = await createCreator(server, 'Self-managed');
    await server.sql(`update creator set vertical_slugs = '{beauty.functional-skincare}' where id = ?`, [rowId(creator.id)]);
    const token = creator.actor.token;
    const cardWith = (format: ContentFormat): CreatorRateCardInput => ({ currency: 'CNY', minCommissionBp: 0, rates: [{ format, minFixedFee: { amount: 100_000, currency: 'CNY' } }] });
    const setCard = async (format: ContentFormat) =>
      succeeded(
        await server.graphql(RateCardForMatchingDocument, {
          creatorId: creator.id,
          input: cardWith(format),
        }, { token }),
        'creatorRateCardSet',
      );
    const matched = async () => names(await ranked(brand.owner.token, briefId, { first: 100 })).includes('Self-managed');

    await setCard('LIVE_STREAM');
    expect(await matched()).toBe(false);

    const { channelAccount } = succeeded(
      await server.graphql(ChannelForMatchingDocument, {
        creatorId: creator.id,
        input: { platform: 'XIAOHONGSHU', handle: `self-managed-${randomUUID().slice(0, 8)}`, followers: 20_000 },
      }, { token }),
      'channelAccountAdd',
    );
    // A declared channel is no presence on the platform; verified, it is.
    expect(await matched()).toBe(false);
    await verifyChannel(server, { token }, channelAccount.id);
    expect(await matched()).toBe(true);

    await setCard('SHORT_VIDEO');
    expect(await matched()).toBe(false);
  });
});

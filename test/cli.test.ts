import { beforeAll, describe, expect, it } from 'vitest';
import { CommandError, type CliContext, briefMatches, createAdmin, matchTable, verifyCredential } from '../src/cli/commands.js';
import { Problem } from '../src/common/problems.js';
import { toGlobalId } from '../src/graphql/global-id.js';
import {
  CliChannelAddDocument,
  CliCredentialSubmitDocument,
  CliCreatorCreateDocument,
  CliLogInDocument,
  CliRankingDocument,
  CliRateCardDocument,
} from './generated/graphql.js';
import { signUp, succeeded } from './support/actors.js';
import { createBrand, createBrief } from './support/bids.js';
import { type TestServer, useTestServer } from './support/test-server.js';

/** A creator who fits the skincare briefs of test/support/bids.ts, set up through the API. */
async function skincareCreator(server: TestServer, name: string, followers: number): Promise<void> {
  const actor = await signUp(server, name.toLowerCase().replace(/\W+/g, '-'));
  const { creator } = succeeded(
    await server.graphql(
      CliCreatorCreateDocument,
      { input: { displayName: name, kind: 'PROFESSIONAL', verticalSlugs: ['beauty.functional-skincare'], nicheTags: ['ceramide'] } },
      { token: actor.token },
    ),
    'creatorProfileCreate',
  );
  succeeded(
    await server.graphql(
      CliChannelAddDocument,
      { id: creator.id, input: { platform: 'DOUYIN', handle: name.replace(/\W+/g, ''), followers } },
      { token: actor.token },
    ),
    'channelAccountAdd',
  );
  succeeded(
    await server.graphql(
      CliRateCardDocument,
      { id: creator.id, input: { currency: 'CNY', minCommissionBp: 500, rates: [{ format: 'SHORT_VIDEO', minFixedFee: { amount: 300_000, currency: 'CNY' } }] } },
      { token: actor.token },
    ),
    'creatorRateCardSet',
  );
}

const LOG_IN = CliLogInDocument;

describe('the operator command line, run in-process', () => {
  const server = useTestServer();
  let cli: CliContext;

  beforeAll(async () => {
    // The commands run on the server's own services and unit of work, as `npm run cli` wires its own.
    cli = { orm: server.app.orm, ...server.app.core };
  });

  it('admin:create signs up a new admin with a generated password that logs in', async () => {
    const admin = await createAdmin(cli, { email: 'Ops.Lead@Example.com' });
    expect(admin).toMatchObject({ email: 'ops.lead@example.com', created: true });
    expect(admin.generatedPassword).toMatch(/^[\w-]{20,}$/);

    const logIn = await server.graphql(LOG_IN, {
      email: 'ops.lead@example.com',
      password: admin.generatedPassword!,
    });
    expect(logIn.data?.logIn.user?.isAdmin).toBe(true);
  });

  it('admin:create promotes an existing account and keeps its password', async () => {
    const user = await signUp(server, 'promoted');
    const admin = await createAdmin(cli, { email: user.email });
    expect(admin).toMatchObject({ created: false, generatedPassword: null });
    const [row] = await server.sql<{ is_admin: boolean }>('select is_admin from app_user where email = ?', [user.email]);
    expect(row?.is_admin).toBe(true);
  });

  it('admin:create applies the sign-up rules and writes nothing when they fail', async () => {
    const attempt = createAdmin(cli, { email: 'not-an-email', password: 'short' });
    await expect(attempt).rejects.toBeInstanceOf(Problem);
    await expect(attempt).rejects.toMatchObject({ details: [{ code: 'INVALID_EMAIL' }, { code: 'PASSWORD_TOO_SHORT' }] });
    expect(await server.sql('select 1 from app_user where email = ?', ['not-an-email'])).toEqual([]);
  });

  it('credential:verify verifies as the named admin, and refuses an account that is not one', async () => {
    const holder = await signUp(server, 'nutritionist');
    const submitted = await server.graphql(
      CliCredentialSubmitDocument,
      {},
      { token: holder.token },
    );
    const credentialId = submitted.data!.credentialSubmit.credential!.id;

    await expect(verifyCredential(cli, { credentialId, adminEmail: holder.email })).rejects.toBeInstanceOf(CommandError);
    const admin = await createAdmin(cli, { email: 'reviewer@example.com' });
    const verified = await verifyCredential(cli, { credentialId, adminEmail: admin.email, note: 'Licence checked' });
    expect(verified).toEqual({ credentialId, status: 'VERIFIED' });
    const [row] = await server.sql<{ status: string; review_note: string }>('select status, review_note from credential where id = ?', [
      verified.credentialId && Buffer.from(credentialId, 'base64url').toString().split(':')[1],
    ]);
    expect(row).toEqual({ status: 'VERIFIED', review_note: 'Licence checked' });
  });

  it('match prints the same ranking as the API, with scores and the strongest reasons', async () => {
    const brand = await createBrand(server);
    const briefId = await createBrief(server, brand, { formats: ['SHORT_VIDEO'], platforms: ['DOUYIN'] });
    await skincareCreator(server, 'Dr. Lin, dermatologist', 120_000);
    await skincareCreator(server, 'Skin Lab Notes', 40_000);
    await skincareCreator(server, 'Barrier Repair Daily', 8_000);

    const { matches, totalCount } = await briefMatches(cli, { briefId, first: 5 });
    expect(matches.length).toBe(3);

    const api = await server.graphql(
      CliRankingDocument,
      { id: briefId },
      { token: brand.owner.token },
    );
    const ranked = api.data!.briefMatchRecommendations!.edges.map(({ node }) => [node.creator?.displayName ?? node.trader?.displayName, node.score.toFixed(3)]);
    expect(totalCount).toBe(api.data!.briefMatchRecommendations!.totalCount);

    const table = matchTable(matches).split('\n');
    expect(table[0]).toMatch(/^#\s+candidate\s+kind\s+score\s+ROI\s+flags\s+top reasons$/);
    expect(table[1]).toMatch(/^-+( +-+)+$/);
    expect(table.slice(2)).toHaveLength(ranked.length);
    table.slice(2).forEach((line, index) => {
      const [name, score] = ranked[index]!;
      expect(line).toMatch(new RegExp(`^\\s*${index + 1}\\s+${name!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+\\w+\\s+${score}\\s`));
      // The two reasons with the largest contributions, in words.
      const reasons = [...matches[index]!.score.factors].sort((a, b) => b.contribution - a.contribution).slice(0, 2).map((factor) => factor.reason);
      expect(line.endsWith(reasons.join(' / '))).toBe(true);
    });
  });

  it('match refuses an id that is not a brief', async () => {
    await expect(briefMatches(cli, { briefId: toGlobalId('Deal', '00000000-0000-0000-0000-000000000001'), first: 5 })).rejects.toBeInstanceOf(CommandError);
  });
});

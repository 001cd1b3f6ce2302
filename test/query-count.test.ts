import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../src/graphql/global-id.js';
import { CreatorListingDocument, PublicCreatorProfileDocument } from './generated/graphql.js';
import { signUp } from './support/actors.js';
import { nodeWith, useTestServer } from './support/test-server.js';

const server = useTestServer();
beforeAll(async () => {
  const admin = randomUUID();
  const agencies = [randomUUID(), randomUUID()];
  await server.sql(`insert into app_user (id, email, password_hash, display_name, is_admin, created_at) values (?, 'qc-admin@example.com', 'x', 'Admin', true, now())`, [admin]);
  for (const [index, agency] of agencies.entries()) {
    await server.sql(`insert into agency (id, name, created_at, updated_at) values (?, ?, now(), now())`, [agency, `Agency ${index}`]);
  }
  // 60 creators, each with two channel accounts, a verified credential and (for most) an agency.
  for (let index = 0; index < 60; index += 1) {
    const user = randomUUID();
    const creator = randomUUID();
    await server.sql(`insert into app_user (id, email, password_hash, display_name, created_at) values (?, ?, 'x', ?, now())`, [user, `qc-${index}@example.com`, `Creator ${index}`]);
    await server.sql(
      `insert into creator (id, user_id, display_name, kind, vertical_slugs, platforms, credibility_score, created_at, updated_at)
       values (?, ?, ?, 'REVIEWER', '{beauty.functional-skincare}', '{DOUYIN,XIAOHONGSHU}', ?, now(), now())`,
      [creator, user, `Creator ${index}`, index % 100],
    );
    for (const platform of ['DOUYIN', 'XIAOHONGSHU']) {
      await server.sql(
        `insert into channel_account (id, creator_id, platform, handle, followers, audience, created_at, updated_at)
         values (?, ?, ?, ?, ?, '{}', now(), now())`,
        [randomUUID(), creator, platform, `qc-${index}-${platform}`, 1000 * (index + 1)],
      );
    }
    await server.sql(
      `insert into credential (id, holder_id, type, issuer, license_number, status, reviewed_by_id, reviewed_at, created_at)
       values (?, ?, 'DERMATOLOGIST', 'Board', ?, 'VERIFIED', ?, now(), now())`,
      [randomUUID(), user, `L-${index}`, admin],
    );
    if (index % 4 !== 0) {
      await server.sql(
        `insert into roster_membership (id, agency_id, creator_id, status, share_bp, invited_by_id, created_at, responded_at)
         values (?, ?, ?, 'ACTIVE', 1500, ?, now(), now())`,
        [randomUUID(), agencies[index % 2], creator, admin],
      );
    }
  }
});

const LIST = CreatorListingDocument;

async function statementsFor(first: number): Promise<{ statements: number; creators: number }> {
  server.resetQueryCount();
  const result = await server.graphql(LIST, { first });
  expect(result.errors).toBeUndefined();
  const edges = result.data!.creators.edges;
  expect(edges.every((edge) => edge.node.channelAccounts.length === 2 && edge.node.credentials.length === 1)).toBe(true);
  return { statements: server.queryCount(), creators: edges.length };
}

describe('listing creators with their channels, credentials and agency', () => {
  it('issues the same number of SQL statements for 5 creators as for 50', async () => {
    const five = await statementsFor(5);
    const fifty = await statementsFor(50);
    expect(five.creators).toBe(5);
    expect(fifty.creators).toBe(50);
    expect(fifty.statements).toBe(five.statements);
    // page + count, channel accounts, credentials, agency memberships, agencies
    expect(fifty.statements).toBeLessThanOrEqual(6);
  });
});

describe('reading as a signed-in viewer', () => {
  it('reads a public profile by id in one statement: the viewer’s memberships are not read when nothing asks for them', async () => {
    const reader = await signUp(server, 'reader');
    const [creator] = await server.sql<{ id: string }>('select id from creator order by id limit 1');
    server.resetQueryCount();
    const result = await server.graphql(
      PublicCreatorProfileDocument,
      { id: toGlobalId('Creator', creator!.id) },
      { token: reader.token },
    );
    expect(result.errors).toBeUndefined();
    expect(nodeWith(result.data?.node, 'displayName')?.displayName).toMatch(/^Creator \d+$/);
    expect(server.queryCount()).toBe(1);
  });

  it('reads the viewer once for a request whose fields all depend on who is asking', async () => {
    const reader = await signUp(server, 'several');
    const single = async (query: string) => {
      server.resetQueryCount();
      const result = await server.graphql(query, {}, { token: reader.token });
      expect(result.errors).toBeUndefined();
      return server.queryCount();
    };
    // Each `viewer` field reads its account row; the memberships behind them are read once.
    const one = await single(`{ viewer { id } }`);
    const three = await single(`{ a: viewer { id } b: viewer { email } c: viewer { displayName } }`);
    expect(one).toBe(2);
    expect(three).toBe(4);
  });
});

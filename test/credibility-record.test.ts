import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, signUp, signUpAdmin, succeeded } from './support/actors.js';
import { createAgency, ERRORS, rowId, type Talent } from './support/bids.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/**
 * Credibility from the record, through the API: every change of score or level leaves a history
 * row with its reason, which the talent (and their agency, and admins) can read and nobody else;
 * the track record is public.
 */

let server: TestServer;
let admin: Actor;
beforeAll(async () => {
  server = await startTestServer();
  admin = await signUpAdmin(server);
});
afterAll(() => server?.stop());

const HISTORY_FIELDS = `credibility { score level }
  credibilityHistory(first: 10) { totalCount edges { node { previousScore previousLevel newScore newLevel reason explanation deal { id } } } }`;

interface HistoryNode {
  previousScore: number;
  previousLevel: string;
  newScore: number;
  newLevel: string;
  reason: string;
  explanation: string;
  deal: { id: string } | null;
}
interface CreatorView {
  credibility: { score: number; level: string };
  credibilityHistory: { totalCount: number; edges: { node: HistoryNode }[] } | null;
}

async function readCreator(creatorId: string, viewer: Actor | null): Promise<CreatorView> {
  const result = await server.graphql<{ node: CreatorView }>(
    `query($id: ID!) { node(id: $id) { ... on Creator { ${HISTORY_FIELDS} } } }`,
    { id: creatorId },
    viewer ? { token: viewer.token } : {},
  );
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!.node;
}

/** A creator made only through the API, so every summary column is what the services computed. */
async function createCreator(_server: TestServer, name: string): Promise<Talent> {
  const actor = await signUp(server, name);
  const { creator } = succeeded<{ creator: { id: string } }>(
    (await server.graphql(
      `mutation($input: CreatorProfileCreateInput!) { creatorProfileCreate(input: $input) { creator { id } ${ERRORS} } }`,
      { input: { displayName: name, kind: 'PROFESSIONAL' } },
      { token: actor.token },
    )) as never,
    'creatorProfileCreate',
  );
  return { actor, id: creator.id };
}

async function addChannel(talent: Talent, followers: number, realFollowerShare: number): Promise<void> {
  succeeded(
    (await server.graphql(
      `mutation($creatorId: ID!, $input: ChannelAccountAddInput!) { channelAccountAdd(creatorId: $creatorId, input: $input) { creator { id } ${ERRORS} } }`,
      { creatorId: talent.id, input: { platform: 'DOUYIN', handle: `h-${rowId(talent.id).slice(0, 8)}-${followers}`, followers, realFollowerShare } },
      { token: talent.actor.token },
    )) as never,
    'channelAccountAdd',
  );
}

async function verifiedCredential(holder: Actor, type: string): Promise<void> {
  const submitted = succeeded<{ credential: { id: string } }>(
    (await server.graphql(
      `mutation($input: CredentialSubmitInput!) { credentialSubmit(input: $input) { credential { id } ${ERRORS} } }`,
      { input: { type, issuer: 'National Health Commission', licenseNumber: `L-${holder.userId.slice(0, 8)}` } },
      { token: holder.token },
    )) as never,
    'credentialSubmit',
  );
  succeeded(
    (await server.graphql(`mutation($id: ID!) { credentialVerify(id: $id) { credential { id } ${ERRORS} } }`, { id: submitted.credential.id }, { token: admin.token })) as never,
    'credentialVerify',
  );
}

describe('credibility history', () => {
  it('records each change of score or level with its reason, newest first', async () => {
    const creator = await createCreator(server, 'historian');
    await addChannel(creator, 100_000, 0.95);
    await verifiedCredential(creator.actor, 'PEDIATRICIAN');
    const view = await readCreator(creator.id, creator.actor);
    expect(view.credibility).toEqual({ score: 52, level: 'L4' });
    expect(view.credibilityHistory?.totalCount).toBe(2);
    expect(view.credibilityHistory?.edges.map((edge) => edge.node)).toEqual([
      {
        previousScore: 28,
        previousLevel: 'L2',
        newScore: 52,
        newLevel: 'L4',
        reason: 'CREDENTIAL_VERIFIED',
        explanation: 'Verified credential now counts: PEDIATRICIAN, PHYSICIAN. Score 28 → 52, level L2 → L4.',
        deal: null,
      },
      {
        previousScore: 0,
        previousLevel: 'L1',
        newScore: 28,
        newLevel: 'L2',
        reason: 'AUDIENCE_CHANGED',
        explanation: 'Channel accounts changed: 100,000 followers, 95 % of them real. Score 0 → 28, level L1 → L2.',
        deal: null,
      },
    ]);
  });

  it('writes nothing when a change leaves score and level as they were', async () => {
    const creator = await createCreator(server, 'steady');
    await addChannel(creator, 5_000, 0.3);
    expect((await readCreator(creator.id, creator.actor)).credibilityHistory).toEqual({ totalCount: 0, edges: [] });
  });

  it('shows the history to the creator, their agency and admins; to anyone else it is null', async () => {
    const creator = await createCreator(server, 'private');
    await addChannel(creator, 20_000, 1);
    const agency = await createAgency(server, [creator]);
    const otherCreator = await createCreator(server, 'nosy');
    const stranger = await signUp(server, 'stranger');
    for (const viewer of [creator.actor, agency.member, admin]) {
      expect((await readCreator(creator.id, viewer)).credibilityHistory?.totalCount).toBe(1);
    }
    for (const viewer of [otherCreator.actor, stranger, null]) {
      const view = await readCreator(creator.id, viewer);
      expect(view.credibilityHistory).toBeNull();
      expect(view.credibility).toEqual({ score: 30, level: 'L2' });
    }
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { fromGlobalId, toGlobalId } from '../src/graphql/global-id.js';
import {
  type CredentialFieldsFragment,
  CredentialHolderChannelAddDocument,
  CredentialHolderCreateDocument,
  CredentialOrHolderDocument,
  CredentialRejectFullDocument,
  CredentialsPendingPageDocument,
  type CredentialSubmitInput,
  CredentialSubmitFullDocument,
  CredentialVerifyFullDocument,
  ViewerCredentialIdsDocument,
} from './generated/graphql.js';
import { type Actor, errorCodes, signUp, signUpAdmin, succeeded } from './support/actors.js';
import { nodeWith, useTestServer } from './support/test-server.js';

const server = useTestServer();
let admin: Actor;
beforeAll(async () => {
  admin = await signUpAdmin(server);
});

const SUBMIT = CredentialSubmitFullDocument;
const VERIFY = CredentialVerifyFullDocument;
const REJECT = CredentialRejectFullDocument;
const NODE = CredentialOrHolderDocument;
const PENDING = CredentialsPendingPageDocument;

type CredentialView = CredentialFieldsFragment;
type NodeResult = Awaited<ReturnType<typeof readNode>>;

const readNode = (id: string, token?: string) => server.graphql(NODE, { id }, token ? { token } : {});
/** The node as a credential, a creator or an operator: told apart by a field only that type's selection has. */
const asCreator = (result: NodeResult) => nodeWith(result.data?.node, 'totalFollowers');
const heldCredentialIds = (result: NodeResult) => (nodeWith(result.data?.node, 'credentials')?.credentials as { id: string }[] | undefined)?.map((credential) => credential.id);

const uid = (actor: Actor) => fromGlobalId(actor.userId)!.id;
const inOneYear = () => new Date(Date.now() + 365 * 24 * 3600 * 1000).toISOString();
let licences = 0;

async function submit(actor: Actor, input: Partial<CredentialSubmitInput> = {}): Promise<CredentialView> {
  const result = await server.graphql(
    SUBMIT,
    { input: { type: 'DERMATOLOGIST', issuer: 'Shanghai Medical Council', licenseNumber: `SH-${++licences}`, evidenceUrl: 'https://registry.example.com/x', ...input } },
    { token: actor.token },
  );
  return succeeded(result, 'credentialSubmit').credential;
}

async function verify(id: string, by: Actor = admin): Promise<CredentialView> {
  return succeeded(await server.graphql(VERIFY, { id, input: { note: 'checked the register' } }, { token: by.token }), 'credentialVerify').credential;
}

async function reject(id: string, reason = 'not on the register'): Promise<CredentialView> {
  return succeeded(await server.graphql(REJECT, { id, input: { reason } }, { token: admin.token }), 'credentialReject').credential;
}

async function createCreator(actor: Actor) {
  const result = await server.graphql(CredentialHolderCreateDocument, { input: { displayName: 'Dr', kind: 'PROFESSIONAL' } }, { token: actor.token });
  return succeeded(result, 'creatorProfileCreate').creator;
}

const statusOf = async (id: string) => (await server.sql<{ status: string }>('select status from credential where id = ?', [fromGlobalId(id)!.id]))[0]?.status;

describe('credentialSubmit', () => {
  it('records a pending credential for the signed-in account', async () => {
    const holder = await signUp(server, 'holder');
    const expiresAt = inOneYear();
    const credential = await submit(holder, { type: 'NUTRITIONIST', issuer: ' Chinese Nutrition Society ', licenseNumber: ' N-77 ', expiresAt });
    expect(credential).toMatchObject({
      type: 'NUTRITIONIST',
      issuer: 'Chinese Nutrition Society',
      licenseNumber: 'N-77',
      evidenceUrl: 'https://registry.example.com/x',
      status: 'PENDING',
      expiresAt,
      reviewedAt: null,
      reviewNote: null,
      holder: { id: holder.userId },
    });
  });

  it.each([
    ['an expiry in the past', { expiresAt: '2020-01-01T00:00:00.000Z' }, 'INVALID', ['input', 'expiresAt']],
    ['an evidence link that is not a web address', { evidenceUrl: 'javascript:alert(1)' }, 'INVALID', ['input', 'evidenceUrl']],
    ['a blank issuer', { issuer: '  ' }, 'OUT_OF_RANGE', ['input', 'issuer']],
    ['a blank licence number', { licenseNumber: '' }, 'OUT_OF_RANGE', ['input', 'licenseNumber']],
  ])('refuses %s and records nothing', async (_label, change, code, field) => {
    const holder = await signUp(server, 'bad');
    const result = await server.graphql(SUBMIT, { input: { type: 'PHARMACIST', issuer: 'Board', licenseNumber: 'P-1', ...change } }, { token: holder.token });
    expect(errorCodes(result, 'credentialSubmit')).toEqual([code]);
    expect(result.data?.credentialSubmit?.userErrors[0]?.field).toEqual(field);
    expect(await server.sql('select count(*)::int as n from credential where holder_id = ?', [uid(holder)])).toEqual([{ n: 0 }]);
  });

  it('needs a signed-in account', async () => {
    const result = await server.graphql(SUBMIT, { input: { type: 'PHARMACIST', issuer: 'Board', licenseNumber: 'P-1' } });
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('credentialVerify and credentialReject', () => {
  it('verifies a pending credential and raises the holder’s credibility: dermatologist + clean audience = L4', async () => {
    const holder = await signUp(server, 'derm');
    const creator = await createCreator(holder);
    const channel = await server.graphql(
      CredentialHolderChannelAddDocument,
      { creatorId: creator.id, input: { platform: 'XIAOHONGSHU', handle: `derm-${uid(holder)}`, followers: 200_000, realFollowerShare: 1 } },
      { token: holder.token },
    );
    expect(channel.data?.channelAccountAdd.creator?.credibility).toEqual({ score: 30, level: 'L2' });

    const credential = await submit(holder);
    const pending = await readNode(creator.id);
    expect(asCreator(pending)?.credibility).toEqual({ score: 30, level: 'L2' });

    const verified = await verify(credential.id);
    expect(verified).toMatchObject({ status: 'VERIFIED', reviewNote: 'checked the register' });
    expect(verified.reviewedAt).not.toBeNull();
    const after = await readNode(creator.id);
    expect(after.data?.node).toMatchObject({ credibility: { score: 54, level: 'L4' }, totalFollowers: 200_000 });
  });

  it('counts credentials verified before the creator profile existed', async () => {
    const holder = await signUp(server, 'early');
    await verify((await submit(holder, { type: 'PHARMACIST' })).id);
    expect((await createCreator(holder)).credibility).toEqual({ score: 24, level: 'L2' });
  });

  it('refuses to verify a credential that lapsed while it waited', async () => {
    const holder = await signUp(server, 'lapsed');
    const credential = await submit(holder, { expiresAt: inOneYear() });
    await server.sql(`update credential set expires_at = now() - interval '1 day' where id = ?`, [fromGlobalId(credential.id)!.id]);
    const result = await server.graphql(VERIFY, { id: credential.id }, { token: admin.token });
    expect(errorCodes(result, 'credentialVerify')).toEqual(['INVALID']);
    expect(await statusOf(credential.id)).toBe('PENDING');
  });

  it('rejects with a reason the holder can read and leaves credibility as it was', async () => {
    const holder = await signUp(server, 'rejected');
    const creator = await createCreator(holder);
    const credential = await submit(holder);
    const rejected = await reject(credential.id, ' licence number not on the register ');
    expect(rejected).toMatchObject({ status: 'REJECTED', reviewNote: 'licence number not on the register' });
    const seenByHolder = await readNode(credential.id, holder.token);
    expect(seenByHolder.data?.node).toMatchObject({ status: 'REJECTED', reviewNote: 'licence number not on the register' });
    const after = await readNode(creator.id);
    expect(asCreator(after)?.credibility).toEqual({ score: 0, level: 'L1' });
  });

  it('requires a reason to reject', async () => {
    const holder = await signUp(server, 'reason');
    const credential = await submit(holder);
    const result = await server.graphql(REJECT, { id: credential.id, input: { reason: '   ' } }, { token: admin.token });
    expect(errorCodes(result, 'credentialReject')).toEqual(['OUT_OF_RANGE']);
    expect(result.data?.credentialReject?.userErrors[0]?.field).toEqual(['input', 'reason']);
    expect(await statusOf(credential.id)).toBe('PENDING');
  });

  it('refuses an admin reviewing their own credential with SELF_REVIEW', async () => {
    const selfReviewer = await signUpAdmin(server);
    const credential = await submit(selfReviewer);
    expect(errorCodes(await server.graphql(VERIFY, { id: credential.id }, { token: selfReviewer.token }), 'credentialVerify')).toEqual(['SELF_REVIEW']);
    expect(errorCodes(await server.graphql(REJECT, { id: credential.id, input: { reason: 'no' } }, { token: selfReviewer.token }), 'credentialReject')).toEqual([
      'SELF_REVIEW',
    ]);
    expect(await statusOf(credential.id)).toBe('PENDING');
  });

  it('refuses to review a credential twice with ALREADY_REVIEWED', async () => {
    const holder = await signUp(server, 'twice');
    const verified = await verify((await submit(holder)).id);
    const rejected = await reject((await submit(holder)).id);
    for (const id of [verified.id, rejected.id]) {
      expect(errorCodes(await server.graphql(VERIFY, { id }, { token: admin.token }), 'credentialVerify')).toEqual(['ALREADY_REVIEWED']);
      expect(errorCodes(await server.graphql(REJECT, { id, input: { reason: 'again' } }, { token: admin.token }), 'credentialReject')).toEqual(['ALREADY_REVIEWED']);
    }
    expect(await statusOf(verified.id)).toBe('VERIFIED');
    expect(await statusOf(rejected.id)).toBe('REJECTED');
  });

  it('lets exactly one of two admins reviewing at the same moment decide', async () => {
    const holder = await signUp(server, 'race');
    const credential = await submit(holder);
    const other = await signUpAdmin(server);
    const [first, second] = await Promise.all([
      server.graphql(VERIFY, { id: credential.id }, { token: admin.token }),
      server.graphql(REJECT, { id: credential.id, input: { reason: 'fake' } }, { token: other.token }),
    ]);
    const codes = [errorCodes(first, 'credentialVerify')[0] ?? 'OK', errorCodes(second, 'credentialReject')[0] ?? 'OK'];
    expect(codes.sort()).toEqual(['ALREADY_REVIEWED', 'OK']);
  });

  it('answers NOT_FOUND alike for a missing credential, an id of another type and garbage', async () => {
    const holder = await signUp(server, 'missing');
    for (const id of [toGlobalId('Credential', '00000000-0000-0000-0000-000000000000'), holder.userId, 'garbage']) {
      const result = await server.graphql(VERIFY, { id }, { token: admin.token });
      expect(errorCodes(result, 'credentialVerify')).toEqual(['NOT_FOUND']);
      expect(result.data?.credentialVerify?.userErrors[0]?.field).toEqual(['id']);
    }
  });

  it('is for admins only: others get FORBIDDEN, anonymous callers UNAUTHENTICATED, and nothing changes', async () => {
    const holder = await signUp(server, 'gate');
    const credential = await submit(holder);
    const stranger = await signUp(server, 'stranger');
    for (const token of [stranger.token, holder.token]) {
      expect((await server.graphql(VERIFY, { id: credential.id }, { token })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await server.graphql(REJECT, { id: credential.id, input: { reason: 'x' } }, { token })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect((await server.graphql(VERIFY, { id: credential.id })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await server.graphql(REJECT, { id: credential.id, input: { reason: 'x' } })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await statusOf(credential.id)).toBe('PENDING');
  });
});

describe('credentialsPendingReview', () => {
  it('lists only pending credentials, oldest first, page by page', async () => {
    const holder = await signUp(server, 'queue');
    const submitted = [];
    for (let index = 0; index < 3; index += 1) submitted.push(await submit(holder));
    await verify(submitted[1]!.id);

    const expected = (await server.sql<{ id: string }>(`select id from credential where status = 'PENDING' order by created_at, id`)).map((row) => toGlobalId('Credential', row.id));
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const result = await server.graphql(PENDING, { first: 2, after }, { token: admin.token });
      expect(result.errors).toBeUndefined();
      const page = result.data!.credentialsPendingReview;
      expect(page.totalCount).toBe(expected.length);
      expect(page.edges.every((edge) => edge.node.status === 'PENDING' && edge.node.licenseNumber)).toBe(true);
      seen.push(...page.edges.map((edge) => edge.node.id));
      after = page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? undefined) : undefined;
    } while (after);
    expect(seen).toEqual(expected);
    expect(seen).toContain(submitted[0]!.id);
    expect(seen).not.toContain(submitted[1]!.id);
    expect(seen.indexOf(submitted[0]!.id)).toBeLessThan(seen.indexOf(submitted[2]!.id));
  });

  it('is for admins only', async () => {
    const stranger = await signUp(server, 'peek');
    expect((await server.graphql(PENDING, {}, { token: stranger.token })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await server.graphql(PENDING, {})).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('who sees which credentials', () => {
  let holder: Actor;
  let stranger: Actor;
  let creatorId: string;
  let verified: CredentialView;
  let pending: CredentialView;
  let rejected: CredentialView;

  beforeAll(async () => {
    holder = await signUp(server, 'visible');
    stranger = await signUp(server, 'stranger');
    creatorId = (await createCreator(holder)).id;
    verified = await verify((await submit(holder, { type: 'DERMATOLOGIST' })).id);
    pending = await submit(holder, { type: 'RESEARCHER' });
    rejected = await reject((await submit(holder, { type: 'LAWYER' })).id);
  });

  const creatorCredentials = async (token?: string) =>
    asCreator(await readNode(creatorId, token))?.credentials;

  it('shows the holder every credential with its private details', async () => {
    const seen = await creatorCredentials(holder.token);
    expect(seen?.map((credential) => credential.status)).toEqual(['VERIFIED', 'PENDING', 'REJECTED']);
    expect(seen?.every((credential) => credential.licenseNumber && credential.evidenceUrl && credential.holder?.id === holder.userId)).toBe(true);
    const own = await server.graphql(ViewerCredentialIdsDocument, {}, { token: holder.token });
    expect(own.data?.viewer?.credentials.map((credential) => credential.id)).toEqual([verified.id, pending.id, rejected.id]);
  });

  it('shows admins every credential with its private details', async () => {
    const seen = await creatorCredentials(admin.token);
    expect(seen?.map((credential) => credential.id)).toEqual([verified.id, pending.id, rejected.id]);
    expect(seen?.find((credential) => credential.id === rejected.id)?.reviewNote).toBe('not on the register');
  });

  it('shows everyone else only the verified credential, without licence number, evidence, note or holder', async () => {
    for (const token of [stranger.token, undefined]) {
      const seen = await creatorCredentials(token);
      expect(seen).toEqual([
        { ...verified, licenseNumber: null, evidenceUrl: null, reviewNote: null, holder: null, createdAt: expect.any(String) },
      ]);
    }
  });

  it('answers node(id:) for someone else’s unverified credential exactly like a missing id', async () => {
    const missing = toGlobalId('Credential', '00000000-0000-0000-0000-000000000000');
    for (const token of [stranger.token, undefined]) {
      for (const id of [pending.id, rejected.id, missing]) {
        const result = await server.graphql(NODE, { id }, token ? { token } : {});
        expect(result).toEqual({ status: 200, data: { node: null } });
      }
      const open = await readNode(verified.id, token);
      expect(open.data?.node).toMatchObject({ id: verified.id, status: 'VERIFIED', licenseNumber: null });
    }
    for (const token of [holder.token, admin.token]) {
      const result = await readNode(pending.id, token);
      expect(result.data?.node).toMatchObject({ id: pending.id, status: 'PENDING', licenseNumber: expect.any(String) });
    }
  });

  it('applies the same rule to an operator’s credentials', async () => {
    const [row] = await server.sql<{ id: string }>(
      `insert into trader (id, user_id, display_name, created_at, updated_at) values (gen_random_uuid(), ?, 'Operator', now(), now()) returning id`,
      [uid(holder)],
    );
    const traderId = toGlobalId('Trader', row!.id);
    const forStranger = await readNode(traderId, stranger.token);
    expect(heldCredentialIds(forStranger)).toEqual([verified.id]);
    const forHolder = await readNode(traderId, holder.token);
    expect(heldCredentialIds(forHolder)).toEqual([verified.id, pending.id, rejected.id]);
  });
});

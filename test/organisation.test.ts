import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fromGlobalId } from '../src/graphql/global-id.js';
import { type Actor, errorCodes, PASSWORD, signUp, signUpAdmin, succeeded } from './support/actors.js';
import { type GraphQLResponse, useTestServer } from './support/test-server.js';

const server = useTestServer();

const ERRORS = 'userErrors { code field message }';
const INVITATION_FIELDS = 'id email role status invitedAt respondedAt brand { id name } agency { id name }';

interface InvitationView {
  id: string;
  email: string;
  role: string;
  status: string;
  invitedAt: string;
  respondedAt: string | null;
  brand: { id: string; name: string } | null;
  agency: { id: string; name: string } | null;
}
type Payload = { invitation: InvitationView };

/** The same invitation rules hold for brands and agencies; each runs through every test. */
const ORGANISATIONS = [
  { kind: 'brand', type: 'Brand', create: 'brandCreate', update: 'brandUpdate', invite: 'brandMemberInvite', remove: 'brandMemberRemove', table: 'brand_member' },
  { kind: 'agency', type: 'Agency', create: 'agencyCreate', update: 'agencyUpdate', invite: 'agencyMemberInvite', remove: 'agencyMemberRemove', table: 'agency_member' },
] as const;

const ACCEPT = `mutation($id: ID!) { organisationInvitationAccept(id: $id) { invitation { ${INVITATION_FIELDS} } ${ERRORS} } }`;
const DECLINE = `mutation($id: ID!) { organisationInvitationDecline(id: $id) { invitation { ${INVITATION_FIELDS} } ${ERRORS} } }`;
const REVOKE = `mutation($id: ID!) { organisationInvitationRevoke(id: $id) { invitation { ${INVITATION_FIELDS} } ${ERRORS} } }`;
const ANSWERS = [
  [ACCEPT, 'organisationInvitationAccept'],
  [DECLINE, 'organisationInvitationDecline'],
] as const;
const MY_INVITATIONS = `{ viewer { organisationInvitations { id email role status brand { id } agency { id } } } }`;
const INVITATION_NODE = `query($id: ID!) { node(id: $id) { id ... on OrganisationInvitation { email status } } }`;

/** An account with exactly this email. */
async function signUpWith(email: string, displayName: string): Promise<Actor> {
  const result = await server.graphql<{ signUp: { token: string; user: { id: string }; userErrors: unknown[] } }>(
    `mutation($input: SignUpInput!) { signUp(input: $input) { token user { id } ${ERRORS} } }`,
    { input: { email, password: PASSWORD, displayName } },
  );
  return { token: succeeded<{ token: string }>(result as never, 'signUp').token, userId: result.data!.signUp.user.id, email };
}

const freshEmail = (name: string) => `${name}-${randomBytes(4).toString('hex')}@example.com`;

function expectForbidden(result: GraphQLResponse) {
  expect(result.errors?.[0]?.extensions?.code, JSON.stringify(result)).toBe('FORBIDDEN');
}

describe.each(ORGANISATIONS)('$kind invitations', (organisation) => {
  const { kind, type } = organisation;
  const idArgument = `${kind}Id`;
  const INVITE = `mutation($id: ID!, $input: MemberInviteInput!) {
    ${organisation.invite}(${idArgument}: $id, input: $input) { invitation { ${INVITATION_FIELDS} } ${ERRORS} }
  }`;
  const ORGANISATION_NODE = `query($id: ID!) { node(id: $id) { ... on ${type} {
    members { displayName role } memberInvitations { id email role status }
  } } }`;
  const UPDATE = `mutation($id: ID!, $input: ${type}UpdateInput!) { ${organisation.update}(id: $id, input: $input) { ${kind} { id description } ${ERRORS} } }`;

  async function createOrganisation(owner: Actor, name = `Test ${kind}`): Promise<string> {
    const result = await server.graphql(
      `mutation($input: ${type}CreateInput!) { ${organisation.create}(input: $input) { ${kind} { id } ${ERRORS} } }`,
      { input: { name } },
      { token: owner.token },
    );
    return succeeded<Record<string, { id: string }>>(result as never, organisation.create)[kind]!.id;
  }

  const invite = (owner: Actor, id: string, input: Record<string, unknown>) => server.graphql(INVITE, { id, input }, { token: owner.token });

  async function invited(owner: Actor, id: string, email: string, role = 'MEMBER'): Promise<InvitationView> {
    return succeeded<Payload>((await invite(owner, id, { email, role })) as never, organisation.invite).invitation;
  }

  async function answered(mutation: string, field: string, actor: Actor, invitationId: string): Promise<InvitationView> {
    return succeeded<Payload>((await server.graphql(mutation, { id: invitationId }, { token: actor.token })) as never, field).invitation;
  }

  async function join(owner: Actor, id: string, newcomer: Actor, role = 'MEMBER'): Promise<void> {
    await answered(ACCEPT, 'organisationInvitationAccept', newcomer, (await invited(owner, id, newcomer.email, role)).id);
  }

  async function organisationAs(id: string, viewer?: Actor) {
    const result = await server.graphql<{ node: { members: { displayName: string; role: string }[] | null; memberInvitations: { id: string; email: string }[] | null } }>(
      ORGANISATION_NODE,
      { id },
      viewer ? { token: viewer.token } : {},
    );
    expect(result.errors).toBeUndefined();
    return result.data!.node;
  }

  async function myInvitations(viewer: Actor): Promise<{ id: string; status: string }[]> {
    const result = await server.graphql<{ viewer: { organisationInvitations: { id: string; status: string }[] } }>(MY_INVITATIONS, {}, { token: viewer.token });
    expect(result.errors).toBeUndefined();
    return result.data!.viewer.organisationInvitations;
  }

  async function membershipCount(id: string, actor: Actor): Promise<number> {
    const rows = await server.sql<{ n: number }>(`select count(*)::int as n from ${organisation.table} where ${kind}_id = ? and user_id = ?`, [
      fromGlobalId(id)!.id,
      fromGlobalId(actor.userId)!.id,
    ]);
    return rows[0]!.n;
  }

  it('makes the invitee a member only once they accept, with the role they were invited to', async () => {
    const owner = await signUp(server, 'owner');
    const newcomer = await signUp(server, 'newcomer');
    const id = await createOrganisation(owner);

    const invitation = await invited(owner, id, `  ${newcomer.email.toUpperCase()} `, 'OWNER');
    expect(invitation).toMatchObject({ email: newcomer.email, role: 'OWNER', status: 'INVITED', respondedAt: null, [kind]: { id } });
    expect(await membershipCount(id, newcomer)).toBe(0);
    expectForbidden(await server.graphql(UPDATE, { id, input: { description: 'Too early.' } }, { token: newcomer.token }));
    expect(await myInvitations(newcomer)).toEqual([
      { id: invitation.id, email: newcomer.email, role: 'OWNER', status: 'INVITED', brand: kind === 'brand' ? { id } : null, agency: kind === 'agency' ? { id } : null },
    ]);
    expect((await organisationAs(id, owner)).memberInvitations).toEqual([{ id: invitation.id, email: newcomer.email, role: 'OWNER', status: 'INVITED' }]);

    const accepted = await answered(ACCEPT, 'organisationInvitationAccept', newcomer, invitation.id);
    expect(accepted).toMatchObject({ id: invitation.id, status: 'ACCEPTED', [kind]: { id } });
    expect(accepted.respondedAt).not.toBeNull();

    expect((await organisationAs(id, newcomer)).members).toEqual([
      { displayName: 'owner', role: 'OWNER' },
      { displayName: 'newcomer', role: 'OWNER' },
    ]);
    expect((await organisationAs(id, owner)).memberInvitations).toEqual([]);
    expect(await myInvitations(newcomer)).toEqual([]);
    const update = await server.graphql(UPDATE, { id, input: { description: 'Edited by the newcomer.' } }, { token: newcomer.token });
    expect(succeeded<Record<string, { description: string }>>(update as never, organisation.update)[kind]!.description).toBe('Edited by the newcomer.');
    // As an owner, the newcomer now invites others too.
    expect((await invited(newcomer, id, freshEmail('third'))).status).toBe('INVITED');
  });

  it('answers an email with an account exactly as one without, and names no account', async () => {
    const owner = await signUp(server, 'owner');
    const email = freshEmail('someone');
    // The same email, first before anyone has signed up with it and then after.
    const beforeSignUp = await invite(owner, await createOrganisation(owner, 'Same name'), { email });
    await signUpWith(email, 'Secret Name');
    const afterSignUp = await invite(owner, await createOrganisation(owner, 'Same name'), { email });

    const comparable = (result: GraphQLResponse) =>
      JSON.stringify(result.data, (key, value) => (['id', 'invitedAt'].includes(key) ? typeof value : value as unknown));
    expect(comparable(afterSignUp)).toBe(comparable(beforeSignUp));
    expect(afterSignUp.errors).toBeUndefined();
    expect(JSON.stringify(afterSignUp)).not.toContain('Secret Name');
    const fields = await server.graphql<{ __type: { fields: { name: string }[] } }>(`{ __type(name: "OrganisationInvitation") { fields { name } } }`);
    expect(fields.data?.__type.fields.map((field) => field.name).sort()).toEqual(['agency', 'brand', 'email', 'id', 'invitedAt', 'respondedAt', 'role', 'status']);
  });

  it('waits for whoever signs up with an email that had no account, and lets them accept', async () => {
    const owner = await signUp(server, 'owner');
    const id = await createOrganisation(owner);
    const email = freshEmail('later');
    const invitation = await invited(owner, id, email);
    const latecomer = await signUpWith(email, 'latecomer');
    expect((await myInvitations(latecomer)).map((open) => open.id)).toEqual([invitation.id]);
    await answered(ACCEPT, 'organisationInvitationAccept', latecomer, invitation.id);
    expect(await membershipCount(id, latecomer)).toBe(1);
  });

  it('can be answered only by the invitee: members of the organisation get FORBIDDEN, anyone else NOT_FOUND', async () => {
    const owner = await signUp(server, 'owner');
    const colleague = await signUp(server, 'colleague');
    const invitee = await signUp(server, 'invitee');
    const stranger = await signUp(server, 'stranger');
    const admin = await signUpAdmin(server);
    const id = await createOrganisation(owner);
    await join(owner, id, colleague);
    const invitation = await invited(owner, id, invitee.email);

    for (const [mutation, field] of ANSWERS) {
      for (const member of [owner, colleague]) expectForbidden(await server.graphql(mutation, { id: invitation.id }, { token: member.token }));
      for (const outsider of [stranger, admin]) {
        const result = await server.graphql(mutation, { id: invitation.id }, { token: outsider.token });
        expect(errorCodes(result as never, field)).toEqual(['NOT_FOUND']);
      }
      const wrongType = await server.graphql(mutation, { id }, { token: invitee.token });
      expect(errorCodes(wrongType as never, field)).toEqual(['NOT_FOUND']);
    }
    expect(await membershipCount(id, stranger)).toBe(0);
    expect(await membershipCount(id, owner)).toBe(1);

    const declined = await answered(DECLINE, 'organisationInvitationDecline', invitee, invitation.id);
    expect(declined.status).toBe('DECLINED');
    expect(declined.respondedAt).not.toBeNull();
    for (const [mutation, field] of ANSWERS) {
      const again = await server.graphql(mutation, { id: invitation.id }, { token: invitee.token });
      expect(errorCodes(again as never, field)).toEqual(['INVITATION_NOT_PENDING']);
    }
    expect(await membershipCount(id, invitee)).toBe(0);
    expect(await myInvitations(invitee)).toEqual([]);
    // A declined invitation does not stand in the way of a new one.
    expect((await invited(owner, id, invitee.email)).status).toBe('INVITED');
  });

  it('can be revoked by owners only, and then no longer accepted', async () => {
    const owner = await signUp(server, 'owner');
    const colleague = await signUp(server, 'colleague');
    const invitee = await signUp(server, 'invitee');
    const stranger = await signUp(server, 'stranger');
    const id = await createOrganisation(owner);
    await join(owner, id, colleague);
    const invitation = await invited(owner, id, invitee.email);

    // Those who see the invitation but do not own the organisation may not withdraw it.
    for (const viewer of [colleague, invitee]) expectForbidden(await server.graphql(REVOKE, { id: invitation.id }, { token: viewer.token }));
    expect(errorCodes((await server.graphql(REVOKE, { id: invitation.id }, { token: stranger.token })) as never, 'organisationInvitationRevoke')).toEqual([
      'NOT_FOUND',
    ]);
    expect((await organisationAs(id, owner)).memberInvitations?.map((open) => open.id)).toEqual([invitation.id]);

    const revoked = await answered(REVOKE, 'organisationInvitationRevoke', owner, invitation.id);
    expect(revoked.status).toBe('REVOKED');
    const late = await server.graphql(ACCEPT, { id: invitation.id }, { token: invitee.token });
    expect(errorCodes(late as never, 'organisationInvitationAccept')).toEqual(['INVITATION_NOT_PENDING']);
    const twice = await server.graphql(REVOKE, { id: invitation.id }, { token: owner.token });
    expect(errorCodes(twice as never, 'organisationInvitationRevoke')).toEqual(['INVITATION_NOT_PENDING']);
    expect(await myInvitations(invitee)).toEqual([]);
    expect((await organisationAs(id, owner)).memberInvitations).toEqual([]);
    expect(await membershipCount(id, invitee)).toBe(0);
  });

  it('can be sent by owners only: members and outsiders get FORBIDDEN and nothing is written', async () => {
    const owner = await signUp(server, 'owner');
    const colleague = await signUp(server, 'colleague');
    const stranger = await signUp(server, 'stranger');
    const id = await createOrganisation(owner);
    await join(owner, id, colleague);
    const email = freshEmail('target');
    for (const actor of [colleague, stranger]) expectForbidden(await invite(actor, id, { email, role: 'OWNER' }));
    expect(await server.sql(`select count(*)::int as n from organisation_invitation where email = ?`, [email])).toEqual([{ n: 0 }]);
    const anonymous = await server.graphql(INVITE, { id, input: { email } });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a bad email, a second open invitation, a current member and an unknown organisation', async () => {
    const owner = await signUp(server, 'owner');
    const colleague = await signUp(server, 'colleague');
    const id = await createOrganisation(owner);
    await join(owner, id, colleague);
    const codesAndFields = async (result: GraphQLResponse) => {
      expect(result.errors).toBeUndefined();
      return (result.data as Record<string, { userErrors: { code: string; field: string[] }[] }>)[organisation.invite]!.userErrors.map((error) => [error.code, error.field]);
    };

    expect(await codesAndFields(await invite(owner, id, { email: 'not an email' }))).toEqual([['INVALID_EMAIL', ['input', 'email']]]);
    expect(await codesAndFields(await invite(owner, id, { email: `${'a'.repeat(250)}@example.com` }))).toEqual([['INVALID_EMAIL', ['input', 'email']]]);
    const email = freshEmail('twice');
    await invited(owner, id, email);
    expect(await codesAndFields(await invite(owner, id, { email: email.toUpperCase(), role: 'OWNER' }))).toEqual([['ALREADY_INVITED', ['input', 'email']]]);
    expect(await codesAndFields(await invite(owner, id, { email: colleague.email }))).toEqual([['ALREADY_MEMBER', ['input', 'email']]]);
    expect(await codesAndFields(await invite(owner, id, { email: owner.email }))).toEqual([['ALREADY_MEMBER', ['input', 'email']]]);
    for (const wrongId of [owner.userId, 'garbage']) {
      expect(await codesAndFields(await invite(owner, wrongId, { email: freshEmail('x') }))).toEqual([['NOT_FOUND', [idArgument]]]);
    }
    expect(await server.sql(`select role from organisation_invitation where email = ?`, [email])).toEqual([{ role: 'MEMBER' }]);
  });

  it('refuses to accept for someone who became a member meanwhile (ALREADY_MEMBER), and keeps the invitation open', async () => {
    const owner = await signUp(server, 'owner');
    const invitee = await signUp(server, 'invitee');
    const id = await createOrganisation(owner);
    const invitation = await invited(owner, id, invitee.email);
    // Members are also written directly, e.g. by the demo seeds.
    await server.sql(`insert into ${organisation.table} (id, ${kind}_id, user_id, role, created_at) values (gen_random_uuid(), ?, ?, 'MEMBER', now())`, [
      fromGlobalId(id)!.id,
      fromGlobalId(invitee.userId)!.id,
    ]);
    const result = await server.graphql(ACCEPT, { id: invitation.id }, { token: invitee.token });
    expect(errorCodes(result as never, 'organisationInvitationAccept')).toEqual(['ALREADY_MEMBER']);
    expect(await membershipCount(id, invitee)).toBe(1);
    expect((await myInvitations(invitee)).map((open) => open.status)).toEqual(['INVITED']);
  });

  it('are shown only to the organisation’s members and the invitee; anyone else cannot tell them from a missing id', async () => {
    const owner = await signUp(server, 'owner');
    const colleague = await signUp(server, 'colleague');
    const invitee = await signUp(server, 'invitee');
    const stranger = await signUp(server, 'stranger');
    const admin = await signUpAdmin(server);
    const id = await createOrganisation(owner);
    await join(owner, id, colleague);
    const invitation = await invited(owner, id, invitee.email);

    for (const member of [owner, colleague]) {
      expect((await organisationAs(id, member)).memberInvitations?.map((open) => open.email)).toEqual([invitee.email]);
    }
    for (const outsider of [invitee, stranger, admin, undefined]) expect((await organisationAs(id, outsider)).memberInvitations).toBeNull();

    const nodeAs = async (viewer?: Actor) => (await server.graphql<{ node: unknown }>(INVITATION_NODE, { id: invitation.id }, viewer ? { token: viewer.token } : {})).data?.node;
    for (const insider of [owner, colleague, invitee]) expect(await nodeAs(insider)).toEqual({ id: invitation.id, email: invitee.email, status: 'INVITED' });
    const missingId = Buffer.from('OrganisationInvitation:00000000-0000-0000-0000-000000000000').toString('base64url');
    const missing = await server.graphql(INVITATION_NODE, { id: missingId }, { token: stranger.token });
    for (const outsider of [stranger, admin]) {
      expect(await server.graphql(INVITATION_NODE, { id: invitation.id }, { token: outsider.token })).toEqual(missing);
    }
    expect(await nodeAs()).toBeNull();

    expect(await myInvitations(stranger)).toEqual([]);
    // Another account's invitations stay private, even from an admin who may read the account.
    const otherUser = await server.graphql<{ node: { organisationInvitations: unknown } }>(
      `query($id: ID!) { node(id: $id) { ... on User { organisationInvitations { id } } } }`,
      { id: invitee.userId },
      { token: admin.token },
    );
    expect(otherUser.data?.node.organisationInvitations).toBeNull();
  });

  it('gives one membership when the invitee accepts the same invitation many times at once', async () => {
    const owner = await signUp(server, 'owner');
    const invitee = await signUp(server, 'invitee');
    const id = await createOrganisation(owner);
    const invitation = await invited(owner, id, invitee.email);
    const results = await Promise.all(Array.from({ length: 5 }, () => server.graphql(ACCEPT, { id: invitation.id }, { token: invitee.token })));
    const codes = results.map((result) => errorCodes(result as never, 'organisationInvitationAccept')[0] ?? 'OK');
    expect(codes.filter((code) => code === 'OK')).toHaveLength(1);
    expect(codes.filter((code) => code !== 'OK')).toEqual(Array(4).fill('INVITATION_NOT_PENDING'));
    expect(await membershipCount(id, invitee)).toBe(1);
  });

  it('lets an owner remove members, but never the last owner', async () => {
    const REMOVE = `mutation($id: ID!, $userEmail: String!) { ${organisation.remove}(${idArgument}: $id, userEmail: $userEmail) { ${kind} { id } ${ERRORS} } }`;
    const owner = await signUp(server, 'owner');
    const colleague = await signUp(server, 'colleague');
    const id = await createOrganisation(owner);
    await join(owner, id, colleague);
    expectForbidden(await server.graphql(REMOVE, { id, userEmail: owner.email }, { token: colleague.token }));
    const lastOwner = await server.graphql(REMOVE, { id, userEmail: owner.email }, { token: owner.token });
    expect(errorCodes(lastOwner as never, organisation.remove)).toEqual(['LAST_OWNER']);
    succeeded((await server.graphql(REMOVE, { id, userEmail: colleague.email.toUpperCase() }, { token: owner.token })) as never, organisation.remove);
    expect(await membershipCount(id, colleague)).toBe(0);
    expect((await organisationAs(id, colleague)).members).toBeNull();
  });
});

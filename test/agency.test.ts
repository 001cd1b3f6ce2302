import { beforeAll, describe, expect, it } from 'vitest';
import { fromGlobalId } from '../src/graphql/global-id.js';
import { type Actor, errorCodes, signUp, signUpAdmin, succeeded } from './support/actors.js';
import { useTestServer } from './support/test-server.js';

const server = useTestServer();

const AGENCY_FIELDS = /* GraphQL */ `id name description defaultShareBp createdAt members { displayName role joinedAt }`;
const MEMBERSHIP_FIELDS = /* GraphQL */ `
  id status shareBp invitedAt respondedAt endedAt
  agency { id name }
  creator { id displayName }
  trader { id displayName }
`;
const ERRORS = 'userErrors { code field message }';

const AGENCY_CREATE = `mutation($input: AgencyCreateInput!) { agencyCreate(input: $input) { agency { ${AGENCY_FIELDS} } ${ERRORS} } }`;
const AGENCY_UPDATE = `mutation($id: ID!, $input: AgencyUpdateInput!) { agencyUpdate(id: $id, input: $input) { agency { ${AGENCY_FIELDS} } ${ERRORS} } }`;
const MEMBER_INVITE = `mutation($agencyId: ID!, $input: MemberInviteInput!) {
  agencyMemberInvite(agencyId: $agencyId, input: $input) { invitation { id email role status agency { id } } ${ERRORS} }
}`;
const INVITATION_ACCEPT = `mutation($id: ID!) { organisationInvitationAccept(id: $id) { invitation { id status } ${ERRORS} } }`;
const INVITE = `mutation($agencyId: ID!, $input: RosterInviteInput!) { rosterInvite(agencyId: $agencyId, input: $input) { rosterMembership { ${MEMBERSHIP_FIELDS} } ${ERRORS} } }`;
const ACCEPT = `mutation($id: ID!) { rosterInvitationAccept(id: $id) { rosterMembership { ${MEMBERSHIP_FIELDS} } ${ERRORS} } }`;
const DECLINE = `mutation($id: ID!) { rosterInvitationDecline(id: $id) { rosterMembership { ${MEMBERSHIP_FIELDS} } ${ERRORS} } }`;
const END = `mutation($id: ID!) { rosterMembershipEnd(id: $id) { rosterMembership { ${MEMBERSHIP_FIELDS} } ${ERRORS} } }`;
const AGENCY_NODE = `query($id: ID!) { node(id: $id) { id ... on Agency { ${AGENCY_FIELDS} } } }`;
const MEMBERSHIP_NODE = `query($id: ID!) { node(id: $id) { id ... on RosterMembership { ${MEMBERSHIP_FIELDS} } } }`;
const ROSTER = `query($id: ID!, $status: RosterStatus, $first: Int, $after: String, $last: Int, $before: String) {
  node(id: $id) { ... on Agency { roster(status: $status, first: $first, after: $after, last: $last, before: $before) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id status } }
  } } }
}`;
const CREATOR = `query($id: ID!) { node(id: $id) { ... on Creator { agency { id name } rosterInvitations { id status agency { name } } } } }`;
const TRADER = `query($id: ID!) { node(id: $id) { ... on Trader { agency { id name } rosterInvitations { id status } } } }`;

interface AgencyView {
  id: string;
  name: string;
  description: string;
  defaultShareBp: number;
  members: { displayName: string; role: string; joinedAt: string }[] | null;
}
interface MembershipView {
  id: string;
  status: string;
  shareBp: number;
  invitedAt: string;
  respondedAt: string | null;
  endedAt: string | null;
  agency: { id: string; name: string };
  creator: { id: string; displayName: string } | null;
  trader: { id: string; displayName: string } | null;
}
interface RosterPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string };
  edges: { node: { id: string; status: string } }[];
}
type Payload = Record<string, { agency: AgencyView; rosterMembership: MembershipView; userErrors: { code: string; field: string[] }[] }>;

interface Talent {
  actor: Actor;
  creatorId: string;
}

async function createAgency(owner: Actor, input: Record<string, unknown> = {}): Promise<AgencyView> {
  const result = await server.graphql<Payload>(AGENCY_CREATE, { input: { name: 'Agency', ...input } }, { token: owner.token });
  return succeeded<{ agency: AgencyView }>(result as never, 'agencyCreate').agency;
}

/** Invites the person by email and has them accept, the one way into someone else's agency. */
async function joinAgency(owner: Actor, agencyId: string, person: Actor): Promise<void> {
  const invited = await server.graphql(MEMBER_INVITE, { agencyId, input: { email: person.email } }, { token: owner.token });
  const { invitation } = succeeded<{ invitation: { id: string } }>(invited as never, 'agencyMemberInvite');
  succeeded((await server.graphql(INVITATION_ACCEPT, { id: invitation.id }, { token: person.token })) as never, 'organisationInvitationAccept');
}

async function createCreator(name = 'creator'): Promise<Talent> {
  const actor = await signUp(server, name.toLowerCase().replace(/\W+/g, '-'));
  const result = await server.graphql(
    `mutation($input: CreatorProfileCreateInput!) { creatorProfileCreate(input: $input) { creator { id } ${ERRORS} } }`,
    { input: { displayName: name, kind: 'PROFESSIONAL' } },
    { token: actor.token },
  );
  return { actor, creatorId: succeeded<{ creator: { id: string } }>(result as never, 'creatorProfileCreate').creator.id };
}

async function invite(member: Actor, agencyId: string, input: Record<string, unknown>): Promise<MembershipView> {
  const result = await server.graphql<Payload>(INVITE, { agencyId, input }, { token: member.token });
  return succeeded<{ rosterMembership: MembershipView }>(result as never, 'rosterInvite').rosterMembership;
}

async function answer(mutation: string, field: string, talent: Actor, id: string): Promise<MembershipView> {
  const result = await server.graphql<Payload>(mutation, { id }, { token: talent.token });
  return succeeded<{ rosterMembership: MembershipView }>(result as never, field).rosterMembership;
}
const accept = (talent: Actor, id: string) => answer(ACCEPT, 'rosterInvitationAccept', talent, id);

async function rosterOf(agencyId: string, viewer?: Actor, variables: Record<string, unknown> = {}): Promise<RosterPage> {
  const page = variables.first == null && variables.last == null ? { first: 20 } : {};
  const result = await server.graphql<{ node: { roster: RosterPage } }>(ROSTER, { id: agencyId, ...page, ...variables }, viewer ? { token: viewer.token } : {});
  expect(result.errors).toBeUndefined();
  return result.data!.node.roster;
}

async function creatorView(creatorId: string, viewer?: Actor) {
  const result = await server.graphql<{ node: { agency: { id: string; name: string } | null; rosterInvitations: { id: string; status: string }[] | null } }>(
    CREATOR,
    { id: creatorId },
    viewer ? { token: viewer.token } : {},
  );
  expect(result.errors).toBeUndefined();
  return result.data!.node;
}

async function membershipNode(id: string, viewer?: Actor): Promise<MembershipView | null> {
  const result = await server.graphql<{ node: MembershipView | null }>(MEMBERSHIP_NODE, { id }, viewer ? { token: viewer.token } : {});
  expect(result.errors).toBeUndefined();
  return result.data!.node;
}

describe('agencyCreate', () => {
  it('creates a public agency with the caller as its owner', async () => {
    const owner = await signUp(server, 'Mei');
    const agency = await createAgency(owner, { name: '  Seedling MCN ', description: 'Specialist creators.', defaultShareBp: 2000 });
    expect(agency).toMatchObject({ name: 'Seedling MCN', description: 'Specialist creators.', defaultShareBp: 2000 });
    expect(agency.members).toEqual([{ displayName: 'Mei', role: 'OWNER', joinedAt: expect.any(String) }]);

    const viewer = await server.graphql<{ viewer: { agencies: { id: string }[] } }>(`{ viewer { agencies { id } } }`, {}, { token: owner.token });
    expect(viewer.data?.viewer.agencies).toEqual([{ id: agency.id }]);
    const anonymous = await server.graphql<{ node: AgencyView }>(AGENCY_NODE, { id: agency.id });
    expect(anonymous.data?.node).toMatchObject({ id: agency.id, name: 'Seedling MCN' });
  });

  it('uses a 15 % default share when none is given', async () => {
    const agency = await createAgency(await signUp(server, 'defaults'));
    expect(agency.defaultShareBp).toBe(1500);
  });

  it.each([
    ['a share over 100 %', { name: 'Greedy', defaultShareBp: 10_001 }, 'OUT_OF_RANGE', ['input', 'defaultShareBp']],
    ['a blank name', { name: '  ' }, 'OUT_OF_RANGE', ['input', 'name']],
  ])('refuses %s and creates nothing', async (_label, input, code, field) => {
    const before = (await server.sql<{ n: number }>('select count(*)::int as n from agency'))[0]!.n;
    const result = await server.graphql<Payload>(AGENCY_CREATE, { input }, { token: (await signUp(server, 'bad')).token });
    expect(errorCodes(result as never, 'agencyCreate')).toEqual([code]);
    expect(result.data?.agencyCreate?.userErrors[0]?.field).toEqual(field);
    expect((await server.sql<{ n: number }>('select count(*)::int as n from agency'))[0]!.n).toBe(before);
  });
});

describe('agency members', () => {
  it('are shown to members and admins only; others get null', async () => {
    const owner = await signUp(server, 'owner');
    const agency = await createAgency(owner);
    const stranger = await signUp(server, 'stranger');
    const admin = await signUpAdmin(server);
    const membersFor = async (viewer?: Actor) =>
      (await server.graphql<{ node: AgencyView }>(AGENCY_NODE, { id: agency.id }, viewer ? { token: viewer.token } : {})).data?.node.members;
    expect(await membersFor(owner)).toHaveLength(1);
    expect(await membersFor(admin)).toHaveLength(1);
    expect(await membersFor(stranger)).toBeNull();
    expect(await membersFor()).toBeNull();
  });

  it('join by accepting an owner’s invitation; the new member may then edit the agency', async () => {
    const owner = await signUp(server, 'owner');
    const colleague = await signUp(server, 'Colleague');
    const agency = await createAgency(owner);
    const invited = await server.graphql(MEMBER_INVITE, { agencyId: agency.id, input: { email: colleague.email.toUpperCase() } }, { token: owner.token });
    const { invitation } = succeeded<{ invitation: { id: string; email: string; role: string; status: string } }>(invited as never, 'agencyMemberInvite');
    expect(invitation).toMatchObject({ email: colleague.email.toLowerCase(), role: 'MEMBER', status: 'INVITED', agency: { id: agency.id } });
    const early = await server.graphql(AGENCY_UPDATE, { id: agency.id, input: { description: 'Too early.' } }, { token: colleague.token });
    expect(early.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    succeeded((await server.graphql(INVITATION_ACCEPT, { id: invitation.id }, { token: colleague.token })) as never, 'organisationInvitationAccept');
    const updated = await server.graphql<Payload>(AGENCY_UPDATE, { id: agency.id, input: { description: 'Now with two people.' } }, { token: colleague.token });
    expect(succeeded<{ agency: AgencyView }>(updated as never, 'agencyUpdate').agency).toMatchObject({
      description: 'Now with two people.',
      members: [
        { displayName: 'owner', role: 'OWNER' },
        { displayName: 'Colleague', role: 'MEMBER' },
      ],
    });
  });

  it('cannot be invited by a plain member or an outsider (FORBIDDEN)', async () => {
    const owner = await signUp(server, 'owner');
    const member = await signUp(server, 'member');
    const outsider = await signUp(server, 'outsider');
    const agency = await createAgency(owner);
    await joinAgency(owner, agency.id, member);
    for (const actor of [member, outsider]) {
      const result = await server.graphql(MEMBER_INVITE, { agencyId: agency.id, input: { email: 'newcomer@example.com', role: 'OWNER' } }, { token: actor.token });
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(await server.sql(`select count(*)::int as n from organisation_invitation where email = 'newcomer@example.com'`)).toEqual([{ n: 0 }]);
  });

  it('can be removed by an owner, except the last owner', async () => {
    const REMOVE = `mutation($agencyId: ID!, $userEmail: String!) { agencyMemberRemove(agencyId: $agencyId, userEmail: $userEmail) { agency { ${AGENCY_FIELDS} } ${ERRORS} } }`;
    const owner = await signUp(server, 'owner');
    const member = await signUp(server, 'member');
    const agency = await createAgency(owner);
    await joinAgency(owner, agency.id, member);
    const lastOwner = await server.graphql(REMOVE, { agencyId: agency.id, userEmail: owner.email }, { token: owner.token });
    expect(errorCodes(lastOwner as never, 'agencyMemberRemove')).toEqual(['LAST_OWNER']);
    const forbidden = await server.graphql(REMOVE, { agencyId: agency.id, userEmail: owner.email }, { token: member.token });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const removed = await server.graphql(REMOVE, { agencyId: agency.id, userEmail: member.email }, { token: owner.token });
    expect(succeeded<{ agency: AgencyView }>(removed as never, 'agencyMemberRemove').agency.members?.map((person) => person.displayName)).toEqual(['owner']);
    const again = await server.graphql(REMOVE, { agencyId: agency.id, userEmail: member.email }, { token: owner.token });
    expect(errorCodes(again as never, 'agencyMemberRemove')).toEqual(['NOT_FOUND']);
  });
});

describe('agencyUpdate', () => {
  it('changes only the fields given, for a member', async () => {
    const owner = await signUp(server, 'owner');
    const agency = await createAgency(owner, { name: 'Before', description: 'Kept' });
    const result = await server.graphql<Payload>(AGENCY_UPDATE, { id: agency.id, input: { name: 'After', defaultShareBp: 900 } }, { token: owner.token });
    expect(succeeded<{ agency: AgencyView }>(result as never, 'agencyUpdate').agency).toMatchObject({ name: 'After', description: 'Kept', defaultShareBp: 900 });
  });

  it('refuses a non-member with FORBIDDEN and changes nothing', async () => {
    const agency = await createAgency(await signUp(server, 'owner'), { name: 'Original' });
    const result = await server.graphql(AGENCY_UPDATE, { id: agency.id, input: { name: 'Hijacked' } }, { token: (await signUp(server, 'rival')).token });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await server.graphql<{ node: AgencyView }>(AGENCY_NODE, { id: agency.id })).data?.node.name).toBe('Original');
  });

  it('answers an unknown agency with NOT_FOUND', async () => {
    const result = await server.graphql(AGENCY_UPDATE, { id: 'QWdlbmN5OjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMA', input: { name: 'X' } }, { token: (await signUp(server)).token });
    expect(errorCodes(result as never, 'agencyUpdate')).toEqual(['NOT_FOUND']);
  });
});

describe('agencies', () => {
  it('lists agencies by name and finds them by part of the name, ignoring case', async () => {
    const owner = await signUp(server, 'lister');
    await createAgency(owner, { name: 'Zebra Talent 100%' });
    await createAgency(owner, { name: 'Aardvark Talent' });
    const result = await server.graphql<{ agencies: { edges: { node: { name: string } }[] } }>(
      `query($search: String) { agencies(search: $search, first: 100) { edges { node { name } } } }`,
      { search: 'TALENT' },
    );
    expect(result.data?.agencies.edges.map((edge) => edge.node.name)).toEqual(['Aardvark Talent', 'Zebra Talent 100%']);
    const literal = await server.graphql<{ agencies: { edges: { node: { name: string } }[] } }>(`{ agencies(search: "0%", first: 20) { edges { node { name } } } }`);
    expect(literal.data?.agencies.edges.map((edge) => edge.node.name)).toEqual(['Zebra Talent 100%']);
  });
});

describe('roster invitations', () => {
  it('do not put a creator on the roster until they accept', async () => {
    const owner = await signUp(server, 'owner');
    const agency = await createAgency(owner, { name: 'Invites', defaultShareBp: 1200 });
    const { actor: talent, creatorId } = await createCreator('Dr Chen');
    const invitation = await invite(owner, agency.id, { creatorId });
    expect(invitation).toMatchObject({ status: 'INVITED', shareBp: 1200, respondedAt: null, creator: { id: creatorId }, trader: null });

    expect((await creatorView(creatorId)).agency).toBeNull();
    expect((await rosterOf(agency.id)).edges).toEqual([]);
    expect((await rosterOf(agency.id, undefined, { status: 'ACTIVE' })).edges).toEqual([]);
    expect((await rosterOf(agency.id, owner)).edges).toEqual([{ node: { id: invitation.id, status: 'INVITED' } }]);
    expect((await creatorView(creatorId, talent)).rosterInvitations).toEqual([{ id: invitation.id, status: 'INVITED', agency: { name: 'Invites' } }]);

    const accepted = await accept(talent, invitation.id);
    expect(accepted.status).toBe('ACTIVE');
    expect(accepted.respondedAt).not.toBeNull();
    expect((await creatorView(creatorId)).agency).toEqual({ id: agency.id, name: 'Invites' });
    expect((await rosterOf(agency.id)).edges).toEqual([{ node: { id: invitation.id, status: 'ACTIVE' } }]);
    expect(await membershipNode(invitation.id)).toMatchObject({ status: 'ACTIVE', agency: { id: agency.id } });
    expect((await creatorView(creatorId, talent)).rosterInvitations).toEqual([]);
  });

  it('can be declined, which keeps the creator off the roster for good', async () => {
    const owner = await signUp(server, 'owner');
    const agency = await createAgency(owner);
    const { actor: talent, creatorId } = await createCreator();
    const invitation = await invite(owner, agency.id, { creatorId, shareBp: 500 });
    const declined = await answer(DECLINE, 'rosterInvitationDecline', talent, invitation.id);
    expect(declined).toMatchObject({ status: 'DECLINED', shareBp: 500 });
    expect(declined.respondedAt).not.toBeNull();
    expect((await creatorView(creatorId)).agency).toBeNull();
    expect((await rosterOf(agency.id)).edges).toEqual([]);

    for (const [mutation, field] of [
      [ACCEPT, 'rosterInvitationAccept'],
      [DECLINE, 'rosterInvitationDecline'],
    ] as const) {
      const again = await server.graphql(mutation, { id: invitation.id }, { token: talent.token });
      expect(errorCodes(again as never, field)).toEqual(['INVITATION_NOT_PENDING']);
    }
    // A declined invitation no longer blocks a fresh one.
    expect((await invite(owner, agency.id, { creatorId })).status).toBe('INVITED');
  });

  it('are private: another agency, a stranger and anonymous callers see nothing, exactly as for a missing id', async () => {
    const owner = await signUp(server, 'owner');
    const agency = await createAgency(owner);
    const rivalOwner = await signUp(server, 'rival');
    await createAgency(rivalOwner);
    const stranger = await signUp(server, 'stranger');
    const admin = await signUpAdmin(server);
    const { actor: talent, creatorId } = await createCreator();
    const invitation = await invite(owner, agency.id, { creatorId });

    for (const outsider of [rivalOwner, stranger, undefined]) {
      expect(await membershipNode(invitation.id, outsider)).toBeNull();
      expect((await rosterOf(agency.id, outsider)).edges).toEqual([]);
      expect((await rosterOf(agency.id, outsider)).totalCount).toBe(0);
      // Paging backwards reads the roster another way; it must hide the same memberships.
      expect((await rosterOf(agency.id, outsider, { last: 10 })).edges).toEqual([]);
      expect((await creatorView(creatorId, outsider)).rosterInvitations).toBeNull();
    }
    const missing = await server.graphql(MEMBERSHIP_NODE, { id: 'Um9zdGVyTWVtYmVyc2hpcDowMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDA' }, { token: rivalOwner.token });
    const hidden = await server.graphql(MEMBERSHIP_NODE, { id: invitation.id }, { token: rivalOwner.token });
    expect(hidden).toEqual(missing);

    for (const insider of [owner, talent, admin]) {
      expect(await membershipNode(invitation.id, insider)).toMatchObject({ id: invitation.id, status: 'INVITED' });
    }
    expect((await rosterOf(agency.id, talent)).edges).toEqual([{ node: { id: invitation.id, status: 'INVITED' } }]);
    expect((await rosterOf(agency.id, talent, { last: 10 })).edges).toEqual([{ node: { id: invitation.id, status: 'INVITED' } }]);
    expect((await rosterOf(agency.id, admin)).edges).toHaveLength(1);
  });

  it('can be answered only by the invited talent; anyone else gets NOT_FOUND', async () => {
    const owner = await signUp(server, 'owner');
    const agency = await createAgency(owner);
    const { creatorId } = await createCreator();
    const { actor: otherCreator } = await createCreator('other');
    const invitation = await invite(owner, agency.id, { creatorId });
    for (const actor of [owner, otherCreator, await signUpAdmin(server)]) {
      for (const [mutation, field] of [
        [ACCEPT, 'rosterInvitationAccept'],
        [DECLINE, 'rosterInvitationDecline'],
      ] as const) {
        const result = await server.graphql(mutation, { id: invitation.id }, { token: actor.token });
        expect(errorCodes(result as never, field)).toEqual(['NOT_FOUND']);
      }
    }
    expect((await membershipNode(invitation.id, owner))?.status).toBe('INVITED');
  });

  describe('rosterInvite refuses', () => {
    let owner: Actor;
    let agencyId: string;
    let creatorId: string;
    beforeAll(async () => {
      owner = await signUp(server, 'inviter');
      agencyId = (await createAgency(owner)).id;
      creatorId = (await createCreator()).creatorId;
    });

    it.each([
      ['both a creator and an operator', () => ({ creatorId, traderId: 'VHJhZGVyOjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMA' }), 'INVALID', ['input']],
      ['neither a creator nor an operator', () => ({ shareBp: 100 }), 'INVALID', ['input']],
      ['a share over 100 %', () => ({ creatorId, shareBp: 10_001 }), 'OUT_OF_RANGE', ['input', 'shareBp']],
      ['a negative share', () => ({ creatorId, shareBp: -1 }), 'OUT_OF_RANGE', ['input', 'shareBp']],
      ['an unknown creator', () => ({ creatorId: 'Q3JlYXRvcjowMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDA' }), 'NOT_FOUND', ['input', 'creatorId']],
      ['an agency id given as the creator', () => ({ creatorId: agencyId }), 'NOT_FOUND', ['input', 'creatorId']],
      ['an unknown operator', () => ({ traderId: 'garbage' }), 'NOT_FOUND', ['input', 'traderId']],
    ])('%s', async (_label, input, code, field) => {
      const result = await server.graphql<Payload>(INVITE, { agencyId, input: input() }, { token: owner.token });
      expect(errorCodes(result as never, 'rosterInvite')).toEqual([code]);
      expect(result.data?.rosterInvite?.userErrors[0]?.field).toEqual(field);
    });

    it('an unknown agency with NOT_FOUND', async () => {
      const result = await server.graphql(INVITE, { agencyId: 'QWdlbmN5OjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMA', input: { creatorId } }, { token: owner.token });
      expect(errorCodes(result as never, 'rosterInvite')).toEqual(['NOT_FOUND']);
    });

    it('anyone outside the agency with FORBIDDEN, and writes nothing', async () => {
      const result = await server.graphql(INVITE, { agencyId, input: { creatorId } }, { token: (await signUp(server, 'poacher')).token });
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await rosterOf(agencyId, owner)).totalCount).toBe(0);
    });

    it('a second invitation while one is open, and an invitation to someone already on the roster (ALREADY_ON_ROSTER)', async () => {
      const { actor: talent, creatorId: invitee } = await createCreator();
      const first = await invite(owner, agencyId, { creatorId: invitee });
      const duplicate = await server.graphql(INVITE, { agencyId, input: { creatorId: invitee } }, { token: owner.token });
      expect(errorCodes(duplicate as never, 'rosterInvite')).toEqual(['ALREADY_ON_ROSTER']);
      await accept(talent, first.id);
      const active = await server.graphql(INVITE, { agencyId, input: { creatorId: invitee } }, { token: owner.token });
      expect(errorCodes(active as never, 'rosterInvite')).toEqual(['ALREADY_ON_ROSTER']);
    });
  });
});

describe('one agency at a time', () => {
  it('refuses to accept a second agency while active at the first', async () => {
    const ownerA = await signUp(server, 'a');
    const ownerB = await signUp(server, 'b');
    const agencyA = await createAgency(ownerA, { name: 'A' });
    const agencyB = await createAgency(ownerB, { name: 'B' });
    const { actor: talent, creatorId } = await createCreator();
    const fromA = await invite(ownerA, agencyA.id, { creatorId });
    // Being active elsewhere does not stop an agency from inviting; it stops the talent from accepting.
    const fromB = await invite(ownerB, agencyB.id, { creatorId });
    await accept(talent, fromA.id);
    const second = await server.graphql(ACCEPT, { id: fromB.id }, { token: talent.token });
    expect(errorCodes(second as never, 'rosterInvitationAccept')).toEqual(['ALREADY_ON_ROSTER']);
    expect((await creatorView(creatorId)).agency?.name).toBe('A');
    expect((await membershipNode(fromB.id, talent))?.status).toBe('INVITED');
  });

  it('lets exactly one of two invitations accepted at the same time through', async () => {
    const agencies = await Promise.all(['one', 'two', 'three'].map(async (name) => {
      const owner = await signUp(server, name);
      return { owner, agency: await createAgency(owner, { name }) };
    }));
    const { actor: talent, creatorId } = await createCreator();
    const invitations = await Promise.all(agencies.map(({ owner, agency }) => invite(owner, agency.id, { creatorId })));
    const results = await Promise.all(invitations.map((invitation) => server.graphql(ACCEPT, { id: invitation.id }, { token: talent.token })));
    const codes = results.map((result) => errorCodes(result as never, 'rosterInvitationAccept')[0] ?? 'OK');
    expect(codes.filter((code) => code === 'OK')).toHaveLength(1);
    expect(codes.filter((code) => code === 'ALREADY_ON_ROSTER')).toHaveLength(2);
    const rows = await server.sql<{ status: string; n: number }>(
      'select status, count(*)::int as n from roster_membership where creator_id = ? group by status order by status',
      [fromGlobalId(creatorId)!.id],
    );
    expect(rows).toEqual([
      { status: 'ACTIVE', n: 1 },
      { status: 'INVITED', n: 2 },
    ]);
    const winner = agencies[codes.indexOf('OK')]!.agency;
    expect((await creatorView(creatorId)).agency?.id).toBe(winner.id);
  });
});

describe('rosterMembershipEnd', () => {
  it('lets the agency end a membership; the talent is then free to join another agency', async () => {
    const owner = await signUp(server, 'owner');
    const agency = await createAgency(owner);
    const { actor: talent, creatorId } = await createCreator();
    const membership = await invite(owner, agency.id, { creatorId });
    await accept(talent, membership.id);
    const ended = await answer(END, 'rosterMembershipEnd', owner, membership.id);
    expect(ended.status).toBe('ENDED');
    expect(ended.endedAt).not.toBeNull();
    expect((await creatorView(creatorId)).agency).toBeNull();
    expect((await rosterOf(agency.id)).edges).toEqual([]);
    // Ended memberships stay in the agency's own history.
    expect((await rosterOf(agency.id, owner, { status: 'ENDED' })).edges).toEqual([{ node: { id: membership.id, status: 'ENDED' } }]);

    const otherOwner = await signUp(server, 'next');
    const next = await invite(otherOwner, (await createAgency(otherOwner, { name: 'Next' })).id, { creatorId });
    expect((await accept(talent, next.id)).status).toBe('ACTIVE');
    expect((await creatorView(creatorId)).agency?.name).toBe('Next');
  });

  it('lets the talent leave, and refuses to end it twice', async () => {
    const owner = await signUp(server, 'owner');
    const agency = await createAgency(owner);
    const { actor: talent, creatorId } = await createCreator();
    const membership = await invite(owner, agency.id, { creatorId });
    await accept(talent, membership.id);
    expect((await answer(END, 'rosterMembershipEnd', talent, membership.id)).status).toBe('ENDED');
    const again = await server.graphql(END, { id: membership.id }, { token: owner.token });
    expect(errorCodes(again as never, 'rosterMembershipEnd')).toEqual(['ROSTER_MEMBERSHIP_CLOSED']);
  });

  it('lets the agency withdraw an open invitation, which can then no longer be accepted', async () => {
    const owner = await signUp(server, 'owner');
    const agency = await createAgency(owner);
    const { actor: talent, creatorId } = await createCreator();
    const invitation = await invite(owner, agency.id, { creatorId });
    const withdrawn = await answer(END, 'rosterMembershipEnd', owner, invitation.id);
    expect(withdrawn).toMatchObject({ status: 'ENDED', respondedAt: null });
    expect(withdrawn.endedAt).not.toBeNull();
    const late = await server.graphql(ACCEPT, { id: invitation.id }, { token: talent.token });
    expect(errorCodes(late as never, 'rosterInvitationAccept')).toEqual(['INVITATION_NOT_PENDING']);
  });

  it('lets the talent turn an open invitation down by ending it, which reads as DECLINED, not as withdrawn', async () => {
    const owner = await signUp(server, 'owner');
    const agency = await createAgency(owner);
    const { actor: talent, creatorId } = await createCreator();
    const invitation = await invite(owner, agency.id, { creatorId });
    const declined = await answer(END, 'rosterMembershipEnd', talent, invitation.id);
    expect(declined).toMatchObject({ status: 'DECLINED', endedAt: null });
    expect(declined.respondedAt).not.toBeNull();
    expect((await rosterOf(agency.id, owner, { status: 'DECLINED' })).edges).toEqual([{ node: { id: invitation.id, status: 'DECLINED' } }]);
    const late = await server.graphql(ACCEPT, { id: invitation.id }, { token: talent.token });
    expect(errorCodes(late as never, 'rosterInvitationAccept')).toEqual(['INVITATION_NOT_PENDING']);
    const again = await server.graphql(END, { id: invitation.id }, { token: owner.token });
    expect(errorCodes(again as never, 'rosterMembershipEnd')).toEqual(['ROSTER_MEMBERSHIP_CLOSED']);
  });

  it('refuses outsiders: FORBIDDEN for a public active membership, NOT_FOUND for a private invitation', async () => {
    const owner = await signUp(server, 'owner');
    const agency = await createAgency(owner);
    const outsider = await signUp(server, 'outsider');
    const { actor: talent, creatorId } = await createCreator();
    const active = await invite(owner, agency.id, { creatorId });
    await accept(talent, active.id);
    const forbidden = await server.graphql(END, { id: active.id }, { token: outsider.token });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const { creatorId: invitee } = await createCreator();
    const pending = await invite(owner, agency.id, { creatorId: invitee });
    const hidden = await server.graphql(END, { id: pending.id }, { token: outsider.token });
    expect(errorCodes(hidden as never, 'rosterMembershipEnd')).toEqual(['NOT_FOUND']);
    expect((await membershipNode(active.id))?.status).toBe('ACTIVE');
    expect((await membershipNode(pending.id, owner))?.status).toBe('INVITED');
  });
});

describe('the agency’s share of a roster membership', () => {
  it('is shown to the agency’s members, the talent and admins only; null for everyone else', async () => {
    const owner = await signUp(server, 'owner');
    const colleague = await signUp(server, 'colleague');
    const agency = await createAgency(owner, { name: 'Share keepers' });
    await joinAgency(owner, agency.id, colleague);
    const rival = await signUp(server, 'rival');
    await createAgency(rival);
    const stranger = await signUp(server, 'stranger');
    const admin = await signUpAdmin(server);
    const { actor: talent, creatorId } = await createCreator('Dr Share');
    const membership = await invite(owner, agency.id, { creatorId, shareBp: 2750 });
    await accept(talent, membership.id);

    const shareSeenBy = async (viewer?: Actor) => {
      const viaNode = (await membershipNode(membership.id, viewer))?.shareBp;
      const viaRoster = await server.graphql<{ node: { roster: { edges: { node: { shareBp: number | null } }[] } } }>(
        `query($id: ID!) { node(id: $id) { ... on Agency { roster(first: 5) { edges { node { shareBp } } } } } }`,
        { id: agency.id },
        viewer ? { token: viewer.token } : {},
      );
      expect(viaRoster.errors).toBeUndefined();
      expect(viaRoster.data?.node.roster.edges.map((edge) => edge.node.shareBp)).toEqual([viaNode]);
      return viaNode;
    };
    for (const insider of [owner, colleague, talent, admin]) expect(await shareSeenBy(insider)).toBe(2750);
    for (const outsider of [rival, stranger, undefined]) expect(await shareSeenBy(outsider)).toBeNull();
    // The membership itself stays public.
    expect(await membershipNode(membership.id, stranger)).toMatchObject({ status: 'ACTIVE', agency: { id: agency.id } });
  });
});

describe('operators on a roster', () => {
  it('join the same way creators do, and show their agency', async () => {
    const owner = await signUp(server, 'owner');
    const agency = await createAgency(owner, { name: 'Operators Inc' });
    const operator = await signUp(server, 'operator');
    const created = await server.graphql(
      `mutation($input: TraderProfileCreateInput!) { traderProfileCreate(input: $input) { trader { id } ${ERRORS} } }`,
      { input: { displayName: 'Operator', capabilities: ['LIVE_OPERATION'], rate: { minFixedFee: { amount: 0, currency: 'CNY' }, minCommissionBp: 0 } } },
      { token: operator.token },
    );
    const traderId = succeeded<{ trader: { id: string } }>(created as never, 'traderProfileCreate').trader.id;
    const invitation = await invite(owner, agency.id, { traderId, shareBp: 3000 });
    expect(invitation).toMatchObject({ status: 'INVITED', trader: { id: traderId }, creator: null, shareBp: 3000 });

    const view = async (viewer?: Actor) =>
      (await server.graphql<{ node: { agency: { name: string } | null; rosterInvitations: { id: string }[] | null } }>(TRADER, { id: traderId }, viewer ? { token: viewer.token } : {})).data!
        .node;
    expect(await view(operator)).toEqual({ agency: null, rosterInvitations: [{ id: invitation.id, status: 'INVITED' }] });
    expect((await view(owner)).rosterInvitations).toBeNull();
    await accept(operator, invitation.id);
    expect(await view()).toEqual({ agency: { id: agency.id, name: 'Operators Inc' }, rosterInvitations: null });
  });
});

describe('rosters in lists', () => {
  it('page through a roster with cursors', async () => {
    const owner = await signUp(server, 'pager');
    const agency = await createAgency(owner);
    const ids: string[] = [];
    for (let index = 0; index < 3; index += 1) ids.unshift((await invite(owner, agency.id, { creatorId: (await createCreator()).creatorId })).id);
    const first = await rosterOf(agency.id, owner, { first: 2 });
    expect(first.edges.map((edge) => edge.node.id)).toEqual(ids.slice(0, 2));
    expect(first.totalCount).toBe(3);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await rosterOf(agency.id, owner, { first: 2, after: first.pageInfo.endCursor });
    expect(second.edges.map((edge) => edge.node.id)).toEqual(ids.slice(2));
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('read the last page of every agency’s roster in one statement, hiding what the viewer may not see', async () => {
    const owner = await signUp(server, 'lastpager');
    const agency = await createAgency(owner, { name: 'Zz last pages' });
    const ids: string[] = [];
    for (let index = 0; index < 3; index += 1) ids.unshift((await invite(owner, agency.id, { creatorId: (await createCreator()).creatorId })).id);
    const { actor: talent, creatorId } = await createCreator();
    const active = await invite(owner, agency.id, { creatorId });
    await accept(talent, active.id);
    ids.unshift(active.id);

    const query = `query($search: String) { agencies(search: $search, first: 100) { edges { node { name
      roster(last: 2) { totalCount pageInfo { hasPreviousPage startCursor } edges { node { id status } } } } } } }`;
    type Roster = { totalCount: number; pageInfo: { hasPreviousPage: boolean; startCursor: string }; edges: { node: { id: string; status: string } }[] };
    const rosterFor = async (viewer?: Actor) => {
      server.resetQueryCount();
      const result = await server.graphql<{ agencies: { edges: { node: { name: string; roster: Roster } }[] } }>(query, { search: 'Zz last' }, viewer ? { token: viewer.token } : {});
      expect(result.errors).toBeUndefined();
      return { roster: result.data!.agencies.edges[0]!.node.roster, statements: server.queryCount() };
    };
    const mine = await rosterFor(owner);
    expect(mine.roster).toMatchObject({ totalCount: 4, pageInfo: { hasPreviousPage: true } });
    expect(mine.roster.edges.map((edge) => edge.node.id)).toEqual(ids.slice(2));
    const earlier = await rosterOf(agency.id, owner, { last: 2, before: mine.roster.pageInfo.startCursor });
    expect(earlier.edges.map((edge) => edge.node.id)).toEqual(ids.slice(0, 2));

    const theirs = await rosterFor();
    expect(theirs.roster).toMatchObject({ totalCount: 1, pageInfo: { hasPreviousPage: false }, edges: [{ node: { id: active.id, status: 'ACTIVE' } }] });
    await createAgency(await signUp(server, 'another'), { name: 'Zz last pages too' });
    expect((await rosterFor()).statements).toBe(theirs.statements);
  });

  it('cost a fixed number of statements however many agencies, members and creators a page holds', async () => {
    const query = `{ agencies(first: 100) { edges { node { id members { displayName } roster(first: 5) { totalCount edges { node { id creator { id agency { id } } } } } } } } }`;
    const addAgencyWithTalent = async () => {
      const owner = await signUp(server, 'batch');
      const agency = await createAgency(owner);
      const { actor, creatorId } = await createCreator();
      await accept(actor, (await invite(owner, agency.id, { creatorId })).id);
      return owner;
    };
    const viewer = await addAgencyWithTalent();
    server.resetQueryCount();
    expect((await server.graphql(query, {}, { token: viewer.token })).errors).toBeUndefined();
    const before = server.queryCount();
    await addAgencyWithTalent();
    await addAgencyWithTalent();
    server.resetQueryCount();
    expect((await server.graphql(query, {}, { token: viewer.token })).errors).toBeUndefined();
    expect(server.queryCount()).toBe(before);
  });
});

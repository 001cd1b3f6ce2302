import { type Actor, signUpAdmin, succeeded } from './actors.js';
import {
  acceptBid,
  type AgencyAccount,
  type Brand,
  createAgency,
  createBrand,
  createBrief,
  createCreator,
  createTrader,
  deliverable,
  ERRORS,
  placeBid,
  type Talent,
  terms,
} from './bids.js';
import type { TestServer } from './test-server.js';

/**
 * The people of the authorization matrix. `brandOwner` and `talent` are the parties of the deal
 * (the positive controls); `involvedAgency` made the bid that became it; `operator` is an operator
 * with a bid of their own; the rest have nothing to do with any of it.
 */
export const ROLES = [
  'anonymous',
  'otherBrand',
  'otherCreator',
  'uninvolvedAgency',
  'involvedAgency',
  'admin',
  'brandOwner',
  'talent',
  'operator',
] as const;
export type Role = (typeof ROLES)[number];

/** Global ids of the objects the world holds, by what they are. */
export interface WorldIds {
  brandA: string;
  brandB: string;
  productA: string;
  publicBrief: string;
  inviteOnlyBrief: string;
  draftBrief: string;
  operatedBrief: string;
  briefInvitation: string;
  /** The agency's bid for the talent on the public brief, accepted. */
  agencyBid: string;
  deal: string;
  /** The talent's own bid on the invite-only brief, still SUBMITTED. */
  talentBid: string;
  operatorBid: string;
  talentCreator: string;
  otherCreator: string;
  operatorTrader: string;
  involvedAgency: string;
  uninvolvedAgency: string;
  /** The talent's ACTIVE place on the involved agency's roster. */
  activeMembership: string;
  /** The involved agency's open invitation to the other creator. */
  pendingMembership: string;
  verifiedCredential: string;
  pendingCredential: string;
  /** The operator's own pending credential. */
  operatorCredential: string;
  channelAccount: string;
  /** Brand A's open invitation to an outsider's email. */
  brandInvitation: string;
  agencyInvitation: string;
  talentUser: string;
  otherCreatorUser: string;
  /** Records of the deal: its first deliverable, a proposed amendment, a sales report and the dispute it is in. */
  dealDeliverable: string;
  dealAmendment: string;
  salesReport: string;
  dealDispute: string;
}

export interface World {
  actors: Record<Exclude<Role, 'anonymous'>, Actor>;
  ids: WorldIds;
  brandA: Brand;
  brandB: Brand;
  talent: Talent;
  otherCreator: Talent;
  operator: Talent;
  involvedAgency: AgencyAccount;
  uninvolvedAgency: AgencyAccount;
}

/** The token a role sends; none for anonymous callers. */
export function tokenOf(world: World, role: Role): string | undefined {
  return role === 'anonymous' ? undefined : world.actors[role].token;
}

async function mutation<T>(server: TestServer, actor: Actor, field: string, document: string, variables: Record<string, unknown>): Promise<T> {
  return succeeded<T>((await server.graphql(document, variables, { token: actor.token })) as never, field);
}

/**
 * Builds the world through the API (direct SQL only where bids.ts already uses it: roster rows and
 * profile facts), once per test file.
 */
export async function buildWorld(server: TestServer): Promise<World> {
  const admin = await signUpAdmin(server);
  const brandA = await createBrand(server);
  const brandB = await createBrand(server);
  const talent = await createCreator(server, 'talent', { credentials: [], level: 3, capacity: 5 });
  const otherCreator = await createCreator(server, 'other-creator', { level: 3, capacity: 5 });
  const operator = await createTrader(server, 'operator', { level: 3, capacity: 5 });
  const involvedAgency = await createAgency(server, [talent]);
  const uninvolvedAgency = await createAgency(server, []);

  const channel = await mutation<{ channelAccount: { id: string } }>(
    server,
    talent.actor,
    'channelAccountAdd',
    `mutation($id: ID!, $input: ChannelAccountAddInput!) { channelAccountAdd(creatorId: $id, input: $input) { channelAccount { id } ${ERRORS} } }`,
    { id: talent.id, input: { platform: 'DOUYIN', handle: `talent-${Date.now()}`, followers: 120_000, averageViews: 9000, engagementRate: 0.05, realFollowerShare: 0.9 } },
  );

  const submitCredential = `mutation($input: CredentialSubmitInput!) { credentialSubmit(input: $input) { credential { id } ${ERRORS} } }`;
  const verified = await mutation<{ credential: { id: string } }>(server, talent.actor, 'credentialSubmit', submitCredential, {
    input: { type: 'PHARMACIST', issuer: 'Provincial board', licenseNumber: 'PH-SECRET-1', evidenceUrl: 'https://example.com/evidence/ph' },
  });
  await mutation(server, admin, 'credentialVerify', `mutation($id: ID!) { credentialVerify(id: $id, input: { note: "checked the registry" }) { credential { id } ${ERRORS} } }`, {
    id: verified.credential.id,
  });
  const pending = await mutation<{ credential: { id: string } }>(server, talent.actor, 'credentialSubmit', submitCredential, {
    input: { type: 'NUTRITIONIST', issuer: 'Nutrition society', licenseNumber: 'NU-SECRET-2', evidenceUrl: 'https://example.com/evidence/nu' },
  });

  const operatorCredential = await mutation<{ credential: { id: string } }>(server, operator.actor, 'credentialSubmit', submitCredential, {
    input: { type: 'RESEARCHER', issuer: 'Academy', licenseNumber: 'RE-SECRET-3' },
  });

  const publicBrief = await createBrief(server, brandA);
  const inviteOnlyBrief = await createBrief(server, brandA, { visibility: 'INVITE_ONLY', title: 'Invite-only seeding' }, false);
  const invited = await mutation<{ brief: { invitations: { id: string }[] } }>(
    server,
    brandA.owner,
    'briefInvite',
    `mutation($id: ID!, $input: BriefInviteInput!) { briefInvite(id: $id, input: $input) { brief { invitations { id } } ${ERRORS} } }`,
    { id: inviteOnlyBrief, input: { creatorIds: [talent.id] } },
  );
  await mutation(server, brandA.owner, 'briefPublish', `mutation($id: ID!) { briefPublish(id: $id) { brief { id } ${ERRORS} } }`, { id: inviteOnlyBrief });
  const draftBrief = await createBrief(server, brandA, { title: 'Draft seeding' }, false);
  const operatedBrief = await createBrief(server, brandA, { objective: 'OPERATED_SELF_BROADCAST', formats: ['LIVE_STREAM'], title: 'Operated broadcast' });

  const agencyBid = await placeBid(server, involvedAgency.member, { briefId: publicBrief, creatorId: talent.id, agencyId: involvedAgency.agencyId });
  const accepted = await acceptBid(server, brandA.owner, agencyBid.id);
  const deal = succeeded<{ deal: { id: string } }>(accepted as never, 'bidAccept').deal;
  const talentBid = await placeBid(server, talent.actor, { briefId: inviteOnlyBrief, creatorId: talent.id });
  const operatorBid = await placeBid(server, operator.actor, {
    briefId: operatedBrief,
    traderId: operator.id,
    terms: terms({ deliverables: [deliverable({ format: 'LIVE_STREAM' })] }),
  });

  const roster = await server.graphql<{ node: { agency: { roster: { edges: { node: { id: string } }[] } } } }>(
    `query($id: ID!) { node(id: $id) { ... on Creator { agency { roster(first: 5) { edges { node { id } } } } } } }`,
    { id: talent.id },
  );
  const activeMembership = roster.data!.node.agency.roster.edges[0]!.node.id;
  const pendingMembership = await mutation<{ rosterMembership: { id: string } }>(
    server,
    involvedAgency.member,
    'rosterInvite',
    `mutation($agencyId: ID!, $input: RosterInviteInput!) { rosterInvite(agencyId: $agencyId, input: $input) { rosterMembership { id } ${ERRORS} } }`,
    { agencyId: involvedAgency.agencyId, input: { creatorId: otherCreator.id, shareBp: 1500 } },
  );

  const outsider = `outsider-${Date.now()}@example.com`;
  const brandInvitation = await mutation<{ invitation: { id: string } }>(
    server,
    brandA.owner,
    'brandMemberInvite',
    `mutation($id: ID!, $input: MemberInviteInput!) { brandMemberInvite(brandId: $id, input: $input) { invitation { id } ${ERRORS} } }`,
    { id: brandA.brandId, input: { email: outsider } },
  );
  const agencyInvitation = await mutation<{ invitation: { id: string } }>(
    server,
    involvedAgency.member,
    'agencyMemberInvite',
    `mutation($id: ID!, $input: MemberInviteInput!) { agencyMemberInvite(agencyId: $id, input: $input) { invitation { id } ${ERRORS} } }`,
    { id: involvedAgency.agencyId, input: { email: outsider } },
  );

  // The deal's own records, each visible to the deal's parties and admins only. The dispute comes
  // last: a DISPUTED deal takes no amendments or reports.
  const dealRecords = await server.graphql<{ node: { deliverables: { id: string }[] } }>(`query($id: ID!) { node(id: $id) { ... on Deal { deliverables { id } } } }`, { id: deal.id }, { token: brandA.owner.token });
  const dealDeliverable = dealRecords.data!.node.deliverables[0]!.id;
  const amendment = await mutation<{ amendment: { id: string } }>(
    server,
    brandA.owner,
    'dealAmendmentPropose',
    `mutation($input: DealAmendmentProposeInput!) { dealAmendmentPropose(input: $input) { amendment { id } ${ERRORS} } }`,
    { input: { dealId: deal.id, reason: 'One more video', terms: { ...terms({ deliverables: [deliverable(), deliverable({ description: 'A second explainer' })] }), agencyShareBp: undefined } } },
  );
  const today = new Date().toISOString().slice(0, 10);
  const salesReport = await mutation<{ salesReport: { id: string } }>(
    server,
    brandA.owner,
    'dealSalesReport',
    `mutation($input: DealSalesReportInput!) { dealSalesReport(input: $input) { salesReport { id } ${ERRORS} } }`,
    { input: { dealId: deal.id, periodStart: today, periodEnd: today, ordersCount: 12, gmv: { amount: 345_600, currency: 'CNY' } } },
  );
  const dispute = await mutation<{ dispute: { id: string } }>(
    server,
    brandA.owner,
    'dealDisputeOpen',
    `mutation($id: ID!) { dealDisputeOpen(id: $id, reason: "The video never went live") { dispute { id } ${ERRORS} } }`,
    { id: deal.id },
  );

  const otherBrand = brandB.owner;
  return {
    actors: {
      otherBrand,
      otherCreator: otherCreator.actor,
      uninvolvedAgency: uninvolvedAgency.member,
      involvedAgency: involvedAgency.member,
      admin,
      brandOwner: brandA.owner,
      talent: talent.actor,
      operator: operator.actor,
    },
    ids: {
      brandA: brandA.brandId,
      brandB: brandB.brandId,
      productA: brandA.productId,
      publicBrief,
      inviteOnlyBrief,
      draftBrief,
      operatedBrief,
      briefInvitation: invited.brief.invitations[0]!.id,
      agencyBid: agencyBid.id,
      deal: deal.id,
      talentBid: talentBid.id,
      operatorBid: operatorBid.id,
      talentCreator: talent.id,
      otherCreator: otherCreator.id,
      operatorTrader: operator.id,
      involvedAgency: involvedAgency.agencyId,
      uninvolvedAgency: uninvolvedAgency.agencyId,
      activeMembership,
      pendingMembership: pendingMembership.rosterMembership.id,
      verifiedCredential: verified.credential.id,
      pendingCredential: pending.credential.id,
      operatorCredential: operatorCredential.credential.id,
      channelAccount: channel.channelAccount.id,
      brandInvitation: brandInvitation.invitation.id,
      agencyInvitation: agencyInvitation.invitation.id,
      talentUser: talent.actor.userId,
      otherCreatorUser: otherCreator.actor.userId,
      dealDeliverable,
      dealAmendment: amendment.amendment.id,
      salesReport: salesReport.salesReport.id,
      dealDispute: dispute.dispute.id,
    },
    brandA,
    brandB,
    talent,
    otherCreator,
    operator,
    involvedAgency,
    uninvolvedAgency,
  };
}

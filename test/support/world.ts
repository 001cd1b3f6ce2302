import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import {
  DealDeliverableIdsDocument,
  SetUpBriefPublishDocument,
  WorldAgencyMemberInviteDocument,
  WorldAmendmentProposeDocument,
  WorldBrandMemberInviteDocument,
  WorldBriefInviteDocument,
  WorldChannelAccountAddDocument,
  WorldCredentialSubmitDocument,
  WorldCredentialVerifyDocument,
  WorldDisputeOpenDocument,
  WorldRosterDocument,
  WorldRosterInviteDocument,
  WorldSalesReportDocument,
} from '../generated/graphql.js';
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
  placeBid,
  type Talent,
  terms,
} from './bids.js';
import type { TestServer, VariablesAndOptions } from './test-server.js';

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

async function mutation<Data, Variables, Field extends keyof Data & string>(
  server: TestServer,
  actor: Actor,
  field: Field,
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
) {
  return succeeded(await server.graphql(document, ...([variables, { token: actor.token }] as VariablesAndOptions<Variables>)), field);
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

  const channel = await mutation(
    server,
    talent.actor,
    'channelAccountAdd',
    WorldChannelAccountAddDocument,
    { id: talent.id, input: { platform: 'DOUYIN', handle: `talent-${Date.now()}`, followers: 120_000, averageViews: 9000, engagementRate: 0.05, realFollowerShare: 0.9 } },
  );

  const submitCredential = WorldCredentialSubmitDocument;
  const verified = await mutation(server, talent.actor, 'credentialSubmit', submitCredential, {
    input: { type: 'PHARMACIST', issuer: 'Provincial board', licenseNumber: 'PH-SECRET-1', evidenceUrl: 'https://example.com/evidence/ph' },
  });
  await mutation(server, admin, 'credentialVerify', WorldCredentialVerifyDocument, {
    id: verified.credential.id,
  });
  const pending = await mutation(server, talent.actor, 'credentialSubmit', submitCredential, {
    input: { type: 'NUTRITIONIST', issuer: 'Nutrition society', licenseNumber: 'NU-SECRET-2', evidenceUrl: 'https://example.com/evidence/nu' },
  });

  const operatorCredential = await mutation(server, operator.actor, 'credentialSubmit', submitCredential, {
    input: { type: 'RESEARCHER', issuer: 'Academy', licenseNumber: 'RE-SECRET-3' },
  });

  const publicBrief = await createBrief(server, brandA);
  const inviteOnlyBrief = await createBrief(server, brandA, { visibility: 'INVITE_ONLY', title: 'Invite-only seeding' }, false);
  const invited = await mutation(
    server,
    brandA.owner,
    'briefInvite',
    WorldBriefInviteDocument,
    { id: inviteOnlyBrief, input: { creatorIds: [talent.id] } },
  );
  await mutation(server, brandA.owner, 'briefPublish', SetUpBriefPublishDocument, { id: inviteOnlyBrief });
  const draftBrief = await createBrief(server, brandA, { title: 'Draft seeding' }, false);
  const operatedBrief = await createBrief(server, brandA, { objective: 'OPERATED_SELF_BROADCAST', formats: ['LIVE_STREAM'], title: 'Operated broadcast' });

  const agencyBid = await placeBid(server, involvedAgency.member, { briefId: publicBrief, creatorId: talent.id, agencyId: involvedAgency.agencyId });
  const accepted = await acceptBid(server, brandA.owner, agencyBid.id);
  const deal = succeeded(accepted, 'bidAccept').deal;
  const talentBid = await placeBid(server, talent.actor, { briefId: inviteOnlyBrief, creatorId: talent.id });
  const operatorBid = await placeBid(server, operator.actor, {
    briefId: operatedBrief,
    traderId: operator.id,
    terms: terms({ deliverables: [deliverable({ format: 'LIVE_STREAM' })] }),
  });

  const roster = await server.graphql(WorldRosterDocument, { id: talent.id });
  const activeMembership = roster.data!.node!.agency!.roster.edges[0]!.node.id;
  const pendingMembership = await mutation(
    server,
    involvedAgency.member,
    'rosterInvite',
    WorldRosterInviteDocument,
    { agencyId: involvedAgency.agencyId, input: { creatorId: otherCreator.id, shareBp: 1500 } },
  );

  const outsider = `outsider-${Date.now()}@example.com`;
  const brandInvitation = await mutation(
    server,
    brandA.owner,
    'brandMemberInvite',
    WorldBrandMemberInviteDocument,
    { id: brandA.brandId, input: { email: outsider } },
  );
  const agencyInvitation = await mutation(
    server,
    involvedAgency.member,
    'agencyMemberInvite',
    WorldAgencyMemberInviteDocument,
    { id: involvedAgency.agencyId, input: { email: outsider } },
  );

  // The deal's own records, each visible to the deal's parties and admins only. The dispute comes
  // last: a DISPUTED deal takes no amendments or reports.
  const dealRecords = await server.graphql(DealDeliverableIdsDocument, { id: deal.id }, { token: brandA.owner.token });
  const dealDeliverable = dealRecords.data!.node!.deliverables![0]!.id;
  const amendment = await mutation(
    server,
    brandA.owner,
    'dealAmendmentPropose',
    WorldAmendmentProposeDocument,
    { input: { dealId: deal.id, reason: 'One more video', terms: { ...terms({ deliverables: [deliverable(), deliverable({ description: 'A second explainer' })] }), agencyShareBp: undefined } } },
  );
  const today = new Date().toISOString().slice(0, 10);
  const salesReport = await mutation(
    server,
    brandA.owner,
    'dealSalesReport',
    WorldSalesReportDocument,
    { input: { dealId: deal.id, periodStart: today, periodEnd: today, ordersCount: 12, gmv: { amount: 345_600, currency: 'CNY' } } },
  );
  const dispute = await mutation(
    server,
    brandA.owner,
    'dealDisputeOpen',
    WorldDisputeOpenDocument,
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
      briefInvitation: invited.brief.invitations![0]!.id,
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

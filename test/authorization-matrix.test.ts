import { randomUUID } from 'node:crypto';
import {
  type GraphQLNamedType,
  type GraphQLObjectType,
  getNamedType,
  isInterfaceType,
  isLeafType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dealChannel } from '../src/deal/deal.events.js';
import { fromGlobalId, toGlobalId } from '../src/graphql/global-id.js';
import { buildApplicationSchema } from '../src/app/schema.js';
import { RULES, ruleOf } from './support/access-rules.js';
import { terms } from './support/bids.js';
import { subscribe, until, wsClient } from './support/subscriptions.js';
import { type GraphQLResponse, useTestServer } from './support/test-server.js';
import { buildWorld, ROLES, type Role, tokenOf, type World, type WorldIds } from './support/world.js';

/**
 * The authorization matrix: every field has an access rule (test/support/access-rules.ts), and
 * every rule that is not PUBLIC is tried for each role of the world: anonymous, a member of
 * another brand, another creator, an agency that is not involved, the involved agency, an admin,
 * and the parties themselves as positive controls. Reads go through direct queries, nested paths
 * and node(id:); writes must be refused and change nothing.
 */

const schema = await buildApplicationSchema();
const ALL: readonly Role[] = ROLES;

/**
 * Query limits and rate limits have tests of their own; here they are raised so that the deep
 * paths below run, and so that hundreds of requests from one address are not throttled.
 */
const TEST_ENVIRONMENT = {
  HOUSEKEEPING_INTERVAL_MS: '3600000',
  GRAPHQL_MAX_DEPTH: '40',
  GRAPHQL_MAX_COST: '10000000',
  GRAPHQL_MAX_TOKENS: '50000',
  GRAPHQL_MAX_ALIASES: '100',
  RATE_LIMIT_POINTS: '100000000',
};

const server = useTestServer(TEST_ENVIRONMENT);
let world: World;
let ids: WorldIds;
let verticalId: string;
beforeAll(async () => {
  world = await buildWorld(server);
  ids = world.ids;
  const vertical = await server.graphql<{ vertical: { id: string } }>(`{ vertical(slug: "beauty.functional-skincare") { id } }`);
  verticalId = vertical.data!.vertical.id;
});

const ask = (role: Role, query: string, variables: Record<string, unknown> = {}) => server.graphql<Record<string, unknown>>(query, variables, { token: tokenOf(world, role) });

/** Every global id anywhere in a response. */
function idsIn(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) idsIn(item, found);
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'id' && typeof inner === 'string') found.add(inner);
      else idsIn(inner, found);
    }
  }
  return found;
}

/** The value at a dotted path of the response data, or undefined. */
function at(result: GraphQLResponse<Record<string, unknown>>, path: string): unknown {
  let value: unknown = result.data;
  for (const key of path.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

/**
 * Top-level error codes; a query that meets a private object answers BAD_USER_INPUT carrying a
 * NOT_FOUND user error (as for a missing one), which counts as NOT_FOUND here.
 */
const codesOf = (result: GraphQLResponse<Record<string, unknown>>) =>
  (result.errors ?? []).map((error) => {
    const userErrors = (error.extensions?.userErrors ?? []) as { code: string }[];
    return error.extensions?.code === 'BAD_USER_INPUT' && userErrors.length > 0 && userErrors.every((userError) => userError.code === 'NOT_FOUND') ? 'NOT_FOUND' : error.extensions?.code;
  });

// -----------------------------------------------------------------------------------------------
// Every field has a rule.

function objectTypes(): GraphQLObjectType[] {
  return Object.values(schema.getTypeMap()).filter(
    (type: GraphQLNamedType): type is GraphQLObjectType => (isObjectType(type) || isInterfaceType(type)) && !type.name.startsWith('__'),
  ) as GraphQLObjectType[];
}

describe('the rules table', () => {
  it('has a rule for every Query field, Mutation field and object field of the schema', () => {
    const missing = objectTypes().flatMap((type) => Object.keys(type.getFields()).filter((field) => ruleOf(type.name, field) === undefined).map((field) => `${type.name}.${field}`));
    expect(missing, 'add these to test/support/access-rules.ts, and an exercise below when they are not PUBLIC').toEqual([]);
  });

  it('has no rule for a field that no longer exists', () => {
    const fields = new Set(objectTypes().flatMap((type) => Object.keys(type.getFields()).map((field) => `${type.name}.${field}`)));
    expect(Object.keys(RULES).filter((key) => !fields.has(key))).toEqual([]);
  });
});

// -----------------------------------------------------------------------------------------------
// Objects that are private as a whole: every field, through node(id:), for every role.

interface ObjectCase {
  label: string;
  type: string;
  id: (ids: WorldIds) => string;
  allowed: readonly Role[];
}

const DEAL_PARTIES: readonly Role[] = ['brandOwner', 'talent', 'involvedAgency', 'admin'];

const OBJECT_CASES: ObjectCase[] = [
  { label: 'the agency’s accepted bid for the talent', type: 'Bid', id: (i) => i.agencyBid, allowed: ['brandOwner', 'talent', 'involvedAgency', 'admin'] },
  { label: 'the talent’s own bid', type: 'Bid', id: (i) => i.talentBid, allowed: ['brandOwner', 'talent', 'admin'] },
  { label: 'the operator’s own bid', type: 'Bid', id: (i) => i.operatorBid, allowed: ['brandOwner', 'operator', 'admin'] },
  { label: 'the deal', type: 'Deal', id: (i) => i.deal, allowed: DEAL_PARTIES },
  { label: 'a draft brief', type: 'Brief', id: (i) => i.draftBrief, allowed: ['brandOwner', 'admin'] },
  { label: 'an invite-only brief that invites the talent', type: 'Brief', id: (i) => i.inviteOnlyBrief, allowed: ['brandOwner', 'admin', 'talent', 'involvedAgency'] },
  { label: 'a published public brief', type: 'Brief', id: (i) => i.publicBrief, allowed: ALL },
  { label: 'a brief invitation', type: 'BriefInvitation', id: (i) => i.briefInvitation, allowed: ['brandOwner', 'admin'] },
  { label: 'a pending credential', type: 'Credential', id: (i) => i.pendingCredential, allowed: ['talent', 'admin'] },
  { label: 'a verified credential', type: 'Credential', id: (i) => i.verifiedCredential, allowed: ALL },
  { label: 'an open roster invitation', type: 'RosterMembership', id: (i) => i.pendingMembership, allowed: ['involvedAgency', 'admin', 'otherCreator'] },
  { label: 'an ACTIVE roster membership', type: 'RosterMembership', id: (i) => i.activeMembership, allowed: ALL },
  { label: 'a brand’s invitation to an outsider', type: 'OrganisationInvitation', id: (i) => i.brandInvitation, allowed: ['brandOwner'] },
  { label: 'an agency’s invitation to an outsider', type: 'OrganisationInvitation', id: (i) => i.agencyInvitation, allowed: ['involvedAgency'] },
  { label: 'the talent’s account', type: 'User', id: (i) => i.talentUser, allowed: ['talent', 'admin'] },
  { label: 'a deliverable of the deal', type: 'DealDeliverable', id: (i) => i.dealDeliverable, allowed: DEAL_PARTIES },
  { label: 'an amendment proposed on the deal', type: 'DealAmendment', id: (i) => i.dealAmendment, allowed: DEAL_PARTIES },
  { label: 'a sales report of the deal', type: 'SalesReport', id: (i) => i.salesReport, allowed: DEAL_PARTIES },
  { label: 'the dispute on the deal', type: 'DealDispute', id: (i) => i.dealDispute, allowed: DEAL_PARTIES },
];

/** Every field of the type whose rule is the object's own (or public), generated from the schema. */
function objectSelection(typeName: string): string {
  const type = schema.getType(typeName) as GraphQLObjectType;
  return Object.values(type.getFields())
    .filter((field) => {
      const rule = ruleOf(typeName, field.name);
      return rule !== 'CARRIED' && (rule?.access === 'OWN_OBJECT' || rule?.access === 'PUBLIC');
    })
    .filter((field) => field.args.every((argument) => !isNonNullType(argument.type) || argument.defaultValue !== undefined))
    .map((field) => {
      const page = field.args.some((argument) => argument.name === 'first') ? '(first: 5)' : '';
      return isLeafType(getNamedType(field.type)) ? `${field.name}${page}` : `${field.name}${page} { __typename }`;
    })
    .join(' ');
}

describe('objects private as a whole, through node(id:)', () => {
  it('every type whose fields follow their object has a case that hides it from someone', () => {
    const types = new Set(Object.entries(RULES).filter(([, rule]) => rule.access === 'OWN_OBJECT').map(([key]) => key.split('.')[0]!));
    types.delete('Node');
    const exercised = new Set(OBJECT_CASES.filter((entry) => entry.allowed.length < ALL.length).map((entry) => entry.type));
    expect([...types].filter((type) => !exercised.has(type))).toEqual([]);
  });

  describe.each(OBJECT_CASES.map((entry) => [entry.label, entry] as const))('%s', (_label, entry) => {
    it.each(ALL.map((role) => [role, entry.allowed.includes(role)] as const))('as %s: seen = %s, every field', async (role, allowed) => {
      const id = entry.id(ids);
      const result = await ask(role, `query($id: ID!) { node(id: $id) { __typename ... on ${entry.type} { ${objectSelection(entry.type)} } } }`, { id });
      expect(result.status).toBe(200);
      if (allowed) {
        expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
        expect(at(result, 'node.__typename')).toBe(entry.type);
      } else {
        // Exactly what an id that names nothing gets: no error, no hint.
        expect({ data: result.data, errors: result.errors }).toEqual({ data: { node: null }, errors: undefined });
      }
    });
  });

  it('answers an unknown id of each type just like a private one', async () => {
    for (const type of new Set(OBJECT_CASES.map((entry) => entry.type))) {
      const result = await ask('otherBrand', `query($id: ID!) { node(id: $id) { id } }`, { id: toGlobalId(type, randomUUID()) });
      expect({ status: result.status, data: result.data, errors: result.errors }).toEqual({ status: 200, data: { node: null }, errors: undefined });
    }
  });
});

// -----------------------------------------------------------------------------------------------
// Nested paths: whatever route a query takes, a role never meets an object it may not see.

const deepBids = `bids(first: 20) { edges { node { id status creator { id } agency { id } deal { id terms { fixedFee { amount } } } } } }`;
const deepCreator = `id credentials { id status licenseNumber evidenceUrl reviewNote holder { id email } } bids(first: 20) { edges { node { id deal { id } } } }
  rosterInvitations { id shareBp } agency { id roster(first: 20) { edges { node { id status shareBp } } } }`;

const dealRecords = `amendments(first: 20) { edges { node { id deal { id } } } } deliverables { id submissions { proofUrl } } salesReports(first: 20) { edges { node { id } } }
  disputes { id reason } settlementPreview { netGmv { amount } } termsHistory { version }`;

const PATHS: { label: string; query: (ids: WorldIds) => [string, Record<string, unknown>] }[] = [
  { label: 'the briefs list, into bids and invitations', query: () => [`{ briefs(first: 100) { edges { node { id ${deepBids} invitations { id creator { id } } } } } }`, {}] },
  {
    label: 'brand → briefs of every status → bids → deal',
    query: (i) => [
      `query($id: ID!) { node(id: $id) { ... on Brand { members { displayName } memberInvitations { id email } briefs(first: 50, statuses: [DRAFT, OPEN, CLOSED, AWARDED, CANCELLED]) { edges { node { id ${deepBids} } } } } } }`,
      { id: i.brandA },
    ],
  },
  { label: 'brand → open briefs → bids → deal', query: (i) => [`query($id: ID!) { node(id: $id) { ... on Brand { briefs(first: 50) { edges { node { id ${deepBids} } } } } } }`, { id: i.brandA }] },
  { label: 'the creators list, into credentials, bids, invitations and roster', query: () => [`{ creators(first: 100) { edges { node { ${deepCreator} } } } }`, {}] },
  { label: 'creator → credentials, bids → deal, roster', query: (i) => [`query($id: ID!) { node(id: $id) { ... on Creator { ${deepCreator} } } }`, { id: i.talentCreator }] },
  { label: 'the other creator → roster invitations', query: (i) => [`query($id: ID!) { node(id: $id) { ... on Creator { ${deepCreator} } } }`, { id: i.otherCreator }] },
  {
    label: 'the traders list, into credentials, bids and invitations',
    query: () => [`{ traders(first: 100) { edges { node { id credentials { id licenseNumber } rosterInvitations { id } ${deepBids} } } } }`, {}],
  },
  {
    label: 'the agencies list, into bids, roster, members and invitations',
    query: () => [
      `{ agencies(first: 100) { edges { node { id ${deepBids} members { displayName } memberInvitations { id email } roster(first: 50) { edges { node { id status shareBp creator { id } } } } } } } }`,
      {},
    ],
  },
  { label: 'bid → brief → bids (from the public brief)', query: (i) => [`query($id: ID!) { node(id: $id) { ... on Brief { ${deepBids} feeRange { min { amount } max { amount } } } } }`, { id: i.publicBrief }] },
  { label: 'deal → bid → brief → invitations', query: (i) => [`query($id: ID!) { node(id: $id) { ... on Deal { id bid { id brief { id invitations { id } } } } } }`, { id: i.deal }] },
  {
    label: 'brief → bids → deal → its records',
    query: (i) => [
      `query($id: ID!) { node(id: $id) { ... on Brief { bids(first: 20) { edges { node { deal { id ${dealRecords} } } } } } } }`,
      { id: i.publicBrief },
    ],
  },
  {
    label: 'creator → credibility history → deal → its records',
    query: (i) => [`query($id: ID!) { node(id: $id) { ... on Creator { credibilityHistory(first: 20) { edges { node { reason deal { id ${dealRecords} } } } } } } }`, { id: i.talentCreator }],
  },
  {
    label: 'creator → bids → deal → its records',
    query: (i) => [`query($id: ID!) { node(id: $id) { ... on Creator { bids(first: 20) { edges { node { deal { id ${dealRecords} } } } } } } }`, { id: i.talentCreator }],
  },
  { label: 'deliverable → deal → amendments', query: (i) => [`query($id: ID!) { node(id: $id) { ... on DealDeliverable { id deal { id ${dealRecords} } } } }`, { id: i.dealDeliverable }] },
  {
    label: 'the viewer, into everything of their own',
    query: () => [
      `{ viewer { id email organisationInvitations { id } credentials { id licenseNumber } creatorProfile { ${deepCreator} } traderProfile { id ${deepBids} }
        brands { id briefs(first: 50, statuses: [DRAFT, OPEN, CLOSED, AWARDED, CANCELLED]) { edges { node { id ${deepBids} } } } }
        agencies { id ${deepBids} roster(first: 50) { edges { node { id shareBp } } } } } }`,
      {},
    ],
  },
  { label: 'the brands list, into members', query: () => [`{ brands(first: 100) { edges { node { id members { displayName } memberInvitations { id } } } } }`, {}] },
];

/** Text that only some roles may ever read, wherever it would appear. */
const SECRETS: { label: string; text: (world: World) => string; allowed: readonly Role[] }[] = [
  { label: 'the verified credential’s licence number', text: () => 'PH-SECRET-1', allowed: ['talent', 'admin'] },
  { label: 'the pending credential’s licence number', text: () => 'NU-SECRET-2', allowed: ['talent', 'admin'] },
  { label: 'the evidence link', text: () => 'example.com/evidence', allowed: ['talent', 'admin'] },
  { label: 'the admin’s review note', text: () => 'checked the registry', allowed: ['talent', 'admin'] },
  { label: 'the talent’s email', text: (w) => w.actors.talent.email, allowed: ['talent', 'admin'] },
  { label: 'the invited outsider’s email', text: () => 'outsider-', allowed: ['brandOwner', 'involvedAgency'] },
];

describe('nested paths', () => {
  it.each(ALL.map((role) => [role] as const))('as %s: no path reaches an object or text the role may not see', async (role) => {
    const forbiddenIds = OBJECT_CASES.filter((entry) => !entry.allowed.includes(role)).map((entry) => ({ label: entry.label, id: entry.id(ids) }));
    const forbiddenTexts = SECRETS.filter((secret) => !secret.allowed.includes(role));
    for (const path of PATHS) {
      const [query, variables] = path.query(ids);
      const result = await ask(role, query, variables);
      expect(result.status, `${path.label}: ${JSON.stringify(result.errors)}`).toBeLessThan(500);
      for (const code of codesOf(result)) expect(['FORBIDDEN', 'UNAUTHENTICATED', 'NOT_FOUND']).toContain(code);
      const seen = idsIn(result.data);
      const text = JSON.stringify(result);
      for (const hidden of forbiddenIds) expect(seen.has(hidden.id), `${path.label} shows ${hidden.label} to ${role}`).toBe(false);
      for (const secret of forbiddenTexts) expect(text.includes(secret.text(world)), `${path.label} shows ${secret.label} to ${role}`).toBe(false);
    }
  });

  it('reaches the hidden objects for the positive controls, so the paths do lead somewhere', async () => {
    const reached = async (role: Role) => {
      const found = new Set<string>();
      for (const path of PATHS) {
        const [query, variables] = path.query(ids);
        idsIn((await ask(role, query, variables)).data, found);
      }
      return found;
    };
    const owner = await reached('brandOwner');
    for (const id of [ids.agencyBid, ids.deal, ids.draftBrief, ids.inviteOnlyBrief, ids.briefInvitation, ids.operatorBid]) expect(owner.has(id)).toBe(true);
    const talent = await reached('talent');
    for (const id of [ids.agencyBid, ids.deal, ids.talentBid, ids.pendingCredential, ids.talentUser]) expect(talent.has(id)).toBe(true);
    const agency = await reached('involvedAgency');
    for (const id of [ids.agencyBid, ids.deal, ids.pendingMembership]) expect(agency.has(id)).toBe(true);
  });
});

// -----------------------------------------------------------------------------------------------
// Fields that narrow who sees them.

interface FieldExercise {
  rule: string;
  label: string;
  query: (ids: WorldIds) => [string, Record<string, unknown>];
  allowed: readonly Role[];
  /** Whether the response shows the protected thing. */
  seen: (result: GraphQLResponse<Record<string, unknown>>, ids: WorldIds) => boolean;
}

const onNode = (type: string, selection: string) => (id: (i: WorldIds) => string) => (i: WorldIds): [string, Record<string, unknown>] => [
  `query($id: ID!) { node(id: $id) { ... on ${type} { ${selection} } } }`,
  { id: id(i) },
];
const notNull = (path: string) => (result: GraphQLResponse<Record<string, unknown>>) => at(result, path) != null;
const contains = (pick: (i: WorldIds) => string) => (result: GraphQLResponse<Record<string, unknown>>, i: WorldIds) => idsIn(result.data).has(pick(i));
const bidSelection = 'bids(first: 20) { edges { node { id } } }';

const FIELD_EXERCISES: FieldExercise[] = [
  { rule: 'Query.briefs', label: 'the invite-only brief in the briefs list', query: () => [`{ briefs(first: 100) { edges { node { id } } } }`, {}], allowed: ['brandOwner', 'admin', 'talent', 'involvedAgency'], seen: contains((i) => i.inviteOnlyBrief) },
  {
    rule: 'Query.briefs',
    label: 'drafts of brand A, asked for by brand',
    query: (i) => [`query($brandId: ID!) { briefs(first: 100, filter: { brandId: $brandId, statuses: [DRAFT] }) { edges { node { id } } } }`, { brandId: i.brandA }],
    allowed: ['brandOwner', 'admin'],
    seen: contains((i) => i.draftBrief),
  },
  { rule: 'Query.credentialsPendingReview', label: 'the review queue', query: () => [`{ credentialsPendingReview(first: 50) { edges { node { id } } } }`, {}], allowed: ['admin'], seen: contains((i) => i.pendingCredential) },
  {
    rule: 'Query.briefMatchRecommendations',
    label: 'recommendations for brand A’s brief',
    query: (i) => [`query($id: ID!) { briefMatchRecommendations(briefId: $id, first: 5) { totalCount } }`, { id: i.publicBrief }],
    allowed: ['brandOwner', 'admin'],
    seen: notNull('briefMatchRecommendations'),
  },
  {
    rule: 'Query.briefMatchRecommendations',
    label: 'recommendations for the involved agency’s roster',
    query: (i) => [`query($id: ID!, $agency: ID!) { briefMatchRecommendations(briefId: $id, first: 5, forAgency: $agency) { totalCount } }`, { id: i.publicBrief, agency: i.involvedAgency }],
    allowed: ['involvedAgency', 'admin'],
    seen: notNull('briefMatchRecommendations'),
  },
  { rule: 'Query.recommendedBriefs', label: 'a draft among recommended briefs', query: () => [`{ recommendedBriefs(first: 50) { edges { node { brief { id } } } } }`, {}], allowed: [], seen: contains((i) => i.draftBrief) },
  { rule: 'Query.viewer', label: 'the talent’s account as the viewer', query: () => [`{ viewer { id } }`, {}], allowed: ['talent'], seen: contains((i) => i.talentUser) },

  { rule: 'Agency.bids', label: 'the involved agency’s bids', query: onNode('Agency', bidSelection)((i) => i.involvedAgency), allowed: ['involvedAgency', 'admin'], seen: notNull('node.bids') },
  { rule: 'Agency.memberInvitations', label: 'the involved agency’s open invitations', query: onNode('Agency', 'memberInvitations { id }')((i) => i.involvedAgency), allowed: ['involvedAgency'], seen: notNull('node.memberInvitations') },
  { rule: 'Agency.members', label: 'the involved agency’s members', query: onNode('Agency', 'members { displayName }')((i) => i.involvedAgency), allowed: ['involvedAgency', 'admin'], seen: notNull('node.members') },
  { rule: 'Agency.opportunities', label: 'the involved agency’s opportunities', query: onNode('Agency', 'opportunities(first: 5) { totalCount }')((i) => i.involvedAgency), allowed: ['involvedAgency', 'admin'], seen: notNull('node.opportunities') },
  { rule: 'Agency.roster', label: 'an open invitation on the roster', query: onNode('Agency', 'roster(first: 20) { edges { node { id } } }')((i) => i.involvedAgency), allowed: ['involvedAgency', 'admin', 'otherCreator'], seen: contains((i) => i.pendingMembership) },
  {
    rule: 'Brand.briefs',
    label: 'brand A’s drafts',
    query: onNode('Brand', 'briefs(first: 20, statuses: [DRAFT]) { edges { node { id } } }')((i) => i.brandA),
    allowed: ['brandOwner', 'admin'],
    seen: contains((i) => i.draftBrief),
  },
  { rule: 'Brand.memberInvitations', label: 'brand A’s open invitations', query: onNode('Brand', 'memberInvitations { id }')((i) => i.brandA), allowed: ['brandOwner'], seen: notNull('node.memberInvitations') },
  { rule: 'Brand.members', label: 'brand A’s members', query: onNode('Brand', 'members { displayName }')((i) => i.brandA), allowed: ['brandOwner', 'admin'], seen: notNull('node.members') },
  { rule: 'User.organisationInvitations', label: 'the talent’s open invitations', query: onNode('User', 'organisationInvitations { id }')((i) => i.talentUser), allowed: ['talent'], seen: notNull('node.organisationInvitations') },

  { rule: 'Brief.bids', label: 'the agency’s bid on the public brief', query: onNode('Brief', bidSelection)((i) => i.publicBrief), allowed: ['brandOwner', 'admin', 'talent', 'involvedAgency'], seen: contains((i) => i.agencyBid) },
  { rule: 'Brief.feeRange', label: 'the fee range of the operated brief', query: onNode('Brief', 'feeRange { min { amount } }')((i) => i.operatedBrief), allowed: ['brandOwner', 'admin', 'operator'], seen: notNull('node.feeRange') },
  { rule: 'Brief.invitations', label: 'who the invite-only brief invites', query: onNode('Brief', 'invitations { id }')((i) => i.inviteOnlyBrief), allowed: ['brandOwner', 'admin'], seen: notNull('node.invitations') },
  {
    rule: 'Brief.matchRecommendations',
    label: 'recommendations on the public brief',
    query: onNode('Brief', 'matchRecommendations(first: 5) { totalCount }')((i) => i.publicBrief),
    allowed: ['brandOwner', 'admin'],
    seen: notNull('node.matchRecommendations'),
  },
  {
    rule: 'Brief.matchRecommendations',
    label: 'recommendations on the public brief for the involved agency’s roster',
    query: (i) => [`query($id: ID!, $agency: ID!) { node(id: $id) { ... on Brief { matchRecommendations(first: 5, forAgency: $agency) { totalCount } } } }`, { id: i.publicBrief, agency: i.involvedAgency }],
    allowed: ['involvedAgency', 'admin'],
    seen: notNull('node.matchRecommendations'),
  },

  { rule: 'Creator.bids', label: 'bids in the talent’s name', query: onNode('Creator', bidSelection)((i) => i.talentCreator), allowed: ['talent', 'admin'], seen: notNull('node.bids') },
  { rule: 'Creator.credentials', label: 'the talent’s pending credential', query: onNode('Creator', 'credentials { id }')((i) => i.talentCreator), allowed: ['talent', 'admin'], seen: contains((i) => i.pendingCredential) },
  { rule: 'Creator.rosterInvitations', label: 'the other creator’s roster invitations', query: onNode('Creator', 'rosterInvitations { id }')((i) => i.otherCreator), allowed: ['otherCreator'], seen: notNull('node.rosterInvitations') },
  {
    rule: 'Creator.credibilityHistory',
    label: 'the talent’s credibility history',
    query: onNode('Creator', 'credibilityHistory(first: 5) { totalCount }')((i) => i.talentCreator),
    allowed: ['talent', 'involvedAgency', 'admin'],
    seen: notNull('node.credibilityHistory'),
  },
  {
    rule: 'Trader.credibilityHistory',
    label: 'the operator’s credibility history',
    query: onNode('Trader', 'credibilityHistory(first: 5) { totalCount }')((i) => i.operatorTrader),
    allowed: ['operator', 'admin'],
    seen: notNull('node.credibilityHistory'),
  },
  { rule: 'Trader.bids', label: 'bids in the operator’s name', query: onNode('Trader', bidSelection)((i) => i.operatorTrader), allowed: ['operator', 'admin'], seen: notNull('node.bids') },
  { rule: 'Trader.credentials', label: 'the operator’s pending credential', query: onNode('Trader', 'credentials { id }')((i) => i.operatorTrader), allowed: ['operator', 'admin'], seen: contains((i) => i.operatorCredential) },
  { rule: 'Trader.rosterInvitations', label: 'the operator’s roster invitations', query: onNode('Trader', 'rosterInvitations { id }')((i) => i.operatorTrader), allowed: ['operator'], seen: notNull('node.rosterInvitations') },

  ...(['licenseNumber', 'evidenceUrl', 'reviewNote', 'holder { id }'] as const).map(
    (field): FieldExercise => ({
      rule: `Credential.${field.split(' ')[0]}`,
      label: `${field.split(' ')[0]} of the verified credential`,
      query: onNode('Credential', field)((i) => i.verifiedCredential),
      allowed: ['talent', 'admin'],
      seen: notNull(`node.${field.split(' ')[0]}`),
    }),
  ),
  { rule: 'RosterMembership.shareBp', label: 'the talent’s share on the ACTIVE membership', query: onNode('RosterMembership', 'shareBp')((i) => i.activeMembership), allowed: ['involvedAgency', 'talent', 'admin'], seen: notNull('node.shareBp') },
];

/** Rules this file does not exercise, and where (or why not) they are. */
const EXERCISED_ELSEWHERE: Record<string, string> = {
  'Subscription.bidEvents': 'over WebSocket, in test/subscriptions.test.ts',
  'Subscription.myBidStatusChanged': 'over WebSocket, in test/subscriptions.test.ts',
  'Subscription.dealEvents': 'over WebSocket, below (live updates)',
  'Query.apiKeys': 'in test/credibility-channels.test.ts (organisation API keys), by owners, strangers and admins',
  'Query.ledgerBalances': 'in test/ledger-money.test.ts (deposits; reads by the owner and by a stranger)',
  'Query.ledgerStatement': 'in test/ledger-money.test.ts (statements; the talent’s read by the brand is null)',
  'Query.ledgerDeposits': 'in test/ledger-money.test.ts (reads by strangers)',
  'Query.payoutDetails': 'in test/ledger-money.test.ts (reads by strangers)',
  'Query.payouts': 'in test/ledger-money.test.ts (reads by strangers)',
  'Query.payoutsInStatus': 'in test/ledger-money.test.ts (reads by strangers)',
  'CredibilityChange.deal':
    'everyone who may read a credibility history (the talent, their agency, admins) is a party of the deals in it here; the nested-path check still proves the deal never reaches anyone else',
};

describe('fields that narrow who sees them', () => {
  it('every such read rule has an exercise', () => {
    const exercised = new Set([...FIELD_EXERCISES.map((exercise) => exercise.rule), ...Object.keys(EXERCISED_ELSEWHERE)]);
    const readRules = Object.entries(RULES).filter(([key, rule]) => !key.startsWith('Mutation.') && (rule.access === 'RESTRICTED' || rule.access === 'SELF'));
    // node(id:) is the object cases above.
    expect(readRules.map(([key]) => key).filter((key) => key !== 'Query.node' && !exercised.has(key))).toEqual([]);
  });

  describe.each(FIELD_EXERCISES.map((exercise) => [`${exercise.rule}: ${exercise.label}`, exercise] as const))('%s', (_label, exercise) => {
    it.each(ALL.map((role) => [role, exercise.allowed.includes(role)] as const))('as %s: seen = %s', async (role, allowed) => {
      const [query, variables] = exercise.query(ids);
      const result = await ask(role, query, variables);
      expect(result.status, JSON.stringify(result.errors)).toBeLessThan(500);
      for (const code of codesOf(result)) expect(['FORBIDDEN', 'UNAUTHENTICATED', 'NOT_FOUND']).toContain(code);
      expect(exercise.seen(result, ids), JSON.stringify(result)).toBe(allowed);
    });
  });
});

// -----------------------------------------------------------------------------------------------
// Live updates over WebSocket: a deal's events reach its parties and admins, nobody else.

describe('live updates over WebSocket', () => {
  const clients: Client[] = [];
  afterAll(() => Promise.all(clients.map((client) => client.dispose())));
  const connect = (role: Role) => {
    const client = wsClient(server.url, tokenOf(world, role));
    clients.push(client);
    return client;
  };
  const DEAL_EVENTS = `subscription($dealId: ID!) { dealEvents(dealId: $dealId) { kind deal { id status } } }`;
  const codes = (result: { errors?: { extensions?: { code?: string } }[] }) => (result.errors ?? []).map((error) => error.extensions?.code);

  it.each(ALL.filter((role) => !DEAL_PARTIES.includes(role)).map((role) => [role] as const))(
    'refuses the deal’s events to %s exactly as it refuses an unknown deal’s',
    async (role) => {
      const result = await subscribe(connect(role), DEAL_EVENTS, { dealId: ids.deal }).next();
      const unknown = await subscribe(connect(role), DEAL_EVENTS, { dealId: toGlobalId('Deal', randomUUID()) }).next();
      expect(result.data ?? null).toBeNull();
      expect(codes(result)).toHaveLength(1);
      expect(codes(result)).toEqual(codes(unknown));
    },
  );

  it('delivers the deal’s change to each party and admin', async () => {
    const subscriptions = DEAL_PARTIES.map((role) => subscribe<{ dealEvents: { kind: string; deal: { id: string; status: string } } }>(connect(role), DEAL_EVENTS, { dealId: ids.deal }));
    const channel = dealChannel(fromGlobalId(ids.deal)!.id);
    await until(() => server.app.liveEvents.listenerCount(channel) >= DEAL_PARTIES.length, `${DEAL_PARTIES.length} listeners on ${channel}`);
    // Resolving the dispute is a change every party hears of; the writes below expect an ended deal no more than a disputed one.
    const resolved = await ask('admin', `mutation($id: ID!) { dealDisputeResolve(id: $id, decision: CANCEL, note: "Resolved for the matrix") { userErrors { code } } }`, {
      id: ids.dealDispute,
    });
    expect(resolved.data).toEqual({ dealDisputeResolve: { userErrors: [] } });
    for (const subscription of subscriptions) expect((await subscription.next()).data?.dealEvents.deal.id).toBe(ids.deal);
  });
});

// -----------------------------------------------------------------------------------------------
// Writes: refused for everyone the rule leaves out, with nothing changed.

interface MutationExercise {
  rule: string;
  document: string;
  variables: (ids: WorldIds, world: World) => Record<string, unknown>;
  allowed: readonly Role[];
  /** The private object acted on: whoever may not see it must get NOT_FOUND, as for a missing one. */
  target?: (ids: WorldIds) => string;
}

const payload = (field: string, call: string) => `mutation($id: ID!, $input: ${call}) { ${field} { __typename userErrors: userErrors { code field message } } }`;
const M = (rule: string, document: string, variables: MutationExercise['variables'], allowed: readonly Role[], target?: (ids: WorldIds) => string): MutationExercise => ({
  rule,
  document,
  variables,
  allowed,
  ...(target ? { target } : {}),
});
const DEAL_SIDES = ['brandOwner', 'talent', 'involvedAgency'] as const;

const NO_SUCH_API_KEY = Buffer.from('ApiKey:00000000-0000-4000-8000-000000000000').toString('base64url');
const NO_SUCH_CREATOR = Buffer.from('Creator:00000000-0000-4000-8000-000000000000').toString('base64url');
const NO_SUCH_PAYOUT = Buffer.from('Payout:00000000-0000-4000-8000-000000000000').toString('base64url');

const MUTATION_EXERCISES: MutationExercise[] = [
  M('connectorCreate', `mutation($input: ConnectorCreateInput!) { connectorCreate(input: $input) { userErrors { code field message } } }`, () => ({ input: { name: 'Intruder sync', platform: 'DOUYIN' } }), ['admin']),
  M('apiKeyCreate', `mutation($input: ApiKeyCreateInput!) { apiKeyCreate(input: $input) { userErrors { code field message } } }`, (i) => ({ input: { organisationId: i.brandA, name: 'intruder', scopes: ['SNAPSHOTS_WRITE'] } }), ['brandOwner']),
  // Nobody is told a key they may not manage exists: an unknown key and another organisation's answer alike.
  M('apiKeyRotate', `mutation($id: ID!) { apiKeyRotate(id: $id) { userErrors { code field message } } }`, () => ({ id: NO_SUCH_API_KEY }), []),
  M('apiKeyRevoke', `mutation($id: ID!) { apiKeyRevoke(id: $id) { userErrors { code field message } } }`, () => ({ id: NO_SUCH_API_KEY }), []),
  M('channelAccountVerificationCodeCreate', `mutation($id: ID!) { channelAccountVerificationCodeCreate(channelAccountId: $id) { userErrors { code field message } } }`, (i) => ({ id: i.channelAccount }), ['talent']),
  M('channelAccountVerify', `mutation($input: ChannelAccountVerifyInput!) { channelAccountVerify(input: $input) { userErrors { code field message } } }`, (i) => ({ input: { channelAccountId: i.channelAccount, code: 'MCN-23456789' } }), ['admin']),
  // People are never connectors: only an API key with the scope may record a snapshot.
  M('channelSnapshotRecord', `mutation($input: ChannelSnapshotInput!) { channelSnapshotRecord(input: $input) { userErrors { code field message } } }`, (i) => ({ input: { channelAccountId: i.channelAccount, snapshotId: 's-1', capturedAt: new Date().toISOString(), followers: 1, averageViews: 1, engagementRate: 0.1 } }), []),
  M('brandUpdate', payload('brandUpdate(id: $id, input: $input)', 'BrandUpdateInput!'), (i) => ({ id: i.brandA, input: { description: 'Changed' } }), ['brandOwner']),
  M('brandMemberInvite', payload('brandMemberInvite(brandId: $id, input: $input)', 'MemberInviteInput!'), (i) => ({ id: i.brandA, input: { email: 'new-member@example.com' } }), ['brandOwner']),
  M('brandMemberRemove', `mutation($id: ID!, $email: String!) { brandMemberRemove(brandId: $id, userEmail: $email) { userErrors { code field message } } }`, (i, w) => ({ id: i.brandA, email: w.actors.brandOwner.email }), ['brandOwner']),
  M('productCreate', `mutation($input: ProductCreateInput!) { productCreate(input: $input) { userErrors { code field message } } }`, (i) => ({ input: { brandId: i.brandA, name: 'Intruder serum', verticalSlug: 'beauty.functional-skincare' } }), ['brandOwner']),
  M('productUpdate', payload('productUpdate(id: $id, input: $input)', 'ProductUpdateInput!'), (i) => ({ id: i.productA, input: { name: 'Renamed' } }), ['brandOwner']),
  M(
    'briefCreate',
    `mutation($input: BriefCreateInput!) { briefCreate(input: $input) { userErrors { code field message } } }`,
    (i) => ({
      input: { brandId: i.brandA, title: 'Intruder brief', objective: 'SEEDING_CONTENT', productIds: [i.productA], formats: ['SHORT_VIDEO'], platforms: ['DOUYIN'], budget: { amount: 100_000, currency: 'CNY' }, preferredStructures: ['HYBRID'], slots: 1, deadline: new Date(Date.now() + 7 * 86_400_000).toISOString() },
    }),
    ['brandOwner'],
  ),
  M('briefUpdate', payload('briefUpdate(id: $id, input: $input)', 'BriefUpdateInput!'), (i) => ({ id: i.draftBrief, input: { title: 'Renamed draft' } }), ['brandOwner'], (i) => i.draftBrief),
  M('briefInvite', payload('briefInvite(id: $id, input: $input)', 'BriefInviteInput!'), (i) => ({ id: i.inviteOnlyBrief, input: { creatorIds: [i.otherCreator] } }), ['brandOwner']),
  M('briefUninvite', `mutation($id: ID!, $invitation: ID!) { briefUninvite(id: $id, invitationId: $invitation) { userErrors { code field message } } }`, (i) => ({ id: i.inviteOnlyBrief, invitation: i.briefInvitation }), ['brandOwner']),
  M('briefPublish', `mutation($id: ID!) { briefPublish(id: $id) { userErrors { code field message } } }`, (i) => ({ id: i.draftBrief }), ['brandOwner'], (i) => i.draftBrief),
  M('briefClose', `mutation($id: ID!) { briefClose(id: $id) { userErrors { code field message } } }`, (i) => ({ id: i.publicBrief }), ['brandOwner']),
  M('briefCancel', `mutation($id: ID!) { briefCancel(id: $id, reason: "no longer needed") { userErrors { code field message } } }`, (i) => ({ id: i.draftBrief }), ['brandOwner'], (i) => i.draftBrief),
  M('bidShortlist', `mutation($id: ID!) { bidShortlist(id: $id) { userErrors { code field message } } }`, (i) => ({ id: i.operatorBid }), ['brandOwner'], (i) => i.operatorBid),
  M('bidReject', `mutation($id: ID!) { bidReject(id: $id, reason: "no") { userErrors { code field message } } }`, (i) => ({ id: i.operatorBid }), ['brandOwner'], (i) => i.operatorBid),
  M('bidCounter', `mutation($id: ID!, $terms: BidTermsInput!) { bidCounter(id: $id, terms: $terms) { userErrors { code field message } } }`, (i) => ({ id: i.talentBid, terms: terms({ commissionBp: 1200 }) }), ['brandOwner'], (i) => i.talentBid),
  M('bidAccept', `mutation($id: ID!) { bidAccept(id: $id, revision: 1) { userErrors { code field message } } }`, (i) => ({ id: i.talentBid }), ['brandOwner'], (i) => i.talentBid),
  M(
    'bidSubmit',
    `mutation($input: BidSubmitInput!) { bidSubmit(input: $input) { userErrors { code field message } } }`,
    (i) => ({ input: { briefId: i.operatedBrief, creatorId: i.talentCreator, agencyId: i.involvedAgency, terms: terms(), pitch: 'in someone else’s name' } }),
    ['involvedAgency'],
  ),
  M('bidRevise', `mutation($id: ID!, $terms: BidTermsInput!) { bidRevise(id: $id, terms: $terms) { userErrors { code field message } } }`, (i) => ({ id: i.talentBid, terms: terms({ commissionBp: 900 }) }), ['talent'], (i) => i.talentBid),
  M('bidCounterAccept', `mutation($id: ID!) { bidCounterAccept(id: $id, revision: 1) { userErrors { code field message } } }`, (i) => ({ id: i.talentBid }), ['talent'], (i) => i.talentBid),
  M('bidWithdraw', `mutation($id: ID!) { bidWithdraw(id: $id) { userErrors { code field message } } }`, (i) => ({ id: i.talentBid }), ['talent'], (i) => i.talentBid),
  M('creatorProfileUpdate', payload('creatorProfileUpdate(id: $id, input: $input)', 'CreatorProfileUpdateInput!'), (i) => ({ id: i.talentCreator, input: { bio: 'Hijacked' } }), ['talent']),
  M(
    'creatorRateCardSet',
    `mutation($id: ID!, $input: CreatorRateCardInput!) { creatorRateCardSet(creatorId: $id, input: $input) { userErrors { code field message } } }`,
    (i) => ({ id: i.talentCreator, input: { currency: 'CNY', minCommissionBp: 100, rates: [] } }),
    ['talent'],
  ),
  M(
    'channelAccountAdd',
    `mutation($id: ID!, $input: ChannelAccountAddInput!) { channelAccountAdd(creatorId: $id, input: $input) { userErrors { code field message } } }`,
    (i) => ({ id: i.talentCreator, input: { platform: 'BILIBILI', handle: `intruder-${randomUUID().slice(0, 8)}`, followers: 10 } }),
    ['talent'],
  ),
  M('channelAccountUpdate', payload('channelAccountUpdate(id: $id, input: $input)', 'ChannelAccountUpdateInput!'), (i) => ({ id: i.channelAccount, input: { followers: 1 } }), ['talent']),
  M('channelAccountRemove', `mutation($id: ID!) { channelAccountRemove(id: $id) { userErrors { code field message } } }`, (i) => ({ id: i.channelAccount }), ['talent']),
  M('traderProfileUpdate', payload('traderProfileUpdate(id: $id, input: $input)', 'TraderProfileUpdateInput!'), (i) => ({ id: i.operatorTrader, input: { bio: 'Hijacked' } }), ['operator']),
  M('credentialVerify', `mutation($id: ID!) { credentialVerify(id: $id) { userErrors { code field message } } }`, (i) => ({ id: i.pendingCredential }), ['admin'], (i) => i.pendingCredential),
  M('credentialReject', `mutation($id: ID!) { credentialReject(id: $id, input: { reason: "no" }) { userErrors { code field message } } }`, (i) => ({ id: i.pendingCredential }), ['admin'], (i) => i.pendingCredential),
  M('agencyUpdate', payload('agencyUpdate(id: $id, input: $input)', 'AgencyUpdateInput!'), (i) => ({ id: i.involvedAgency, input: { description: 'Hijacked' } }), ['involvedAgency']),
  M('agencyMemberInvite', payload('agencyMemberInvite(agencyId: $id, input: $input)', 'MemberInviteInput!'), (i) => ({ id: i.involvedAgency, input: { email: 'new-agent@example.com' } }), ['involvedAgency']),
  M(
    'agencyMemberRemove',
    `mutation($id: ID!, $email: String!) { agencyMemberRemove(agencyId: $id, userEmail: $email) { userErrors { code field message } } }`,
    (i, w) => ({ id: i.involvedAgency, email: w.actors.involvedAgency.email }),
    ['involvedAgency'],
  ),
  M('rosterInvite', payload('rosterInvite(agencyId: $id, input: $input)', 'RosterInviteInput!'), (i) => ({ id: i.involvedAgency, input: { traderId: i.operatorTrader } }), ['involvedAgency']),
  M('rosterMembershipEnd', `mutation($id: ID!) { rosterMembershipEnd(id: $id) { userErrors { code field message } } }`, (i) => ({ id: i.activeMembership }), ['involvedAgency', 'talent']),
  M('rosterInvitationAccept', `mutation($id: ID!) { rosterInvitationAccept(id: $id) { userErrors { code field message } } }`, (i) => ({ id: i.pendingMembership }), ['otherCreator'], (i) => i.pendingMembership),
  M('rosterInvitationDecline', `mutation($id: ID!) { rosterInvitationDecline(id: $id) { userErrors { code field message } } }`, (i) => ({ id: i.pendingMembership }), ['otherCreator'], (i) => i.pendingMembership),
  M('organisationInvitationAccept', `mutation($id: ID!) { organisationInvitationAccept(id: $id) { userErrors { code field message } } }`, (i) => ({ id: i.brandInvitation }), [], (i) => i.brandInvitation),
  M('organisationInvitationDecline', `mutation($id: ID!) { organisationInvitationDecline(id: $id) { userErrors { code field message } } }`, (i) => ({ id: i.brandInvitation }), [], (i) => i.brandInvitation),
  M('organisationInvitationRevoke', `mutation($id: ID!) { organisationInvitationRevoke(id: $id) { userErrors { code field message } } }`, (i) => ({ id: i.brandInvitation }), ['brandOwner'], (i) => i.brandInvitation),
  M('verticalCreate', `mutation { verticalCreate(input: { name: "Intruders", slug: "intruders" }) { userErrors { code field message } } }`, () => ({}), ['admin']),
  M('verticalUpdate', `mutation($id: ID!) { verticalUpdate(id: $id, input: { name: "Renamed" }) { userErrors { code field message } } }`, () => ({ id: verticalId }), ['admin']),
  M(
    'dealSalesReport',
    `mutation($input: DealSalesReportInput!) { dealSalesReport(input: $input) { userErrors { code field message } } }`,
    (i) => ({ input: { dealId: i.deal, periodStart: '2026-01-01', periodEnd: '2026-01-02', ordersCount: 1, gmv: { amount: 100, currency: 'CNY' } } }),
    ['brandOwner', 'admin'],
    (i) => i.deal,
  ),
  M('dealSettle', `mutation($id: ID!) { dealSettle(id: $id) { userErrors { code field message } } }`, (i) => ({ id: i.deal }), ['brandOwner', 'admin'], (i) => i.deal),
  M('dealDisputeOpen', `mutation($id: ID!) { dealDisputeOpen(id: $id, reason: "Me too") { userErrors { code field message } } }`, (i) => ({ id: i.deal }), DEAL_SIDES, (i) => i.deal),
  M('dealCancel', `mutation($id: ID!) { dealCancel(input: { dealId: $id, reason: "Called off" }) { userErrors { code field message } } }`, (i) => ({ id: i.deal }), DEAL_SIDES, (i) => i.deal),
  M(
    'dealReview',
    `mutation($id: ID!) { dealReview(id: $id, rating: 1) { userErrors { code field message } } }`,
    (i) => ({ id: i.deal }),
    DEAL_SIDES,
    (i) => i.deal,
  ),
  M(
    'dealAmendmentPropose',
    `mutation($input: DealAmendmentProposeInput!) { dealAmendmentPropose(input: $input) { userErrors { code field message } } }`,
    (i) => ({ input: { dealId: i.deal, reason: 'Cheaper', terms: terms({ commissionBp: 1 }) } }),
    DEAL_SIDES,
    (i) => i.deal,
  ),
  M('dealAmendmentAccept', `mutation($id: ID!) { dealAmendmentAccept(id: $id) { userErrors { code field message } } }`, (i) => ({ id: i.dealAmendment }), ['talent', 'involvedAgency'], (i) => i.dealAmendment),
  M('dealAmendmentReject', `mutation($id: ID!) { dealAmendmentReject(id: $id, reason: "no") { userErrors { code field message } } }`, (i) => ({ id: i.dealAmendment }), ['talent', 'involvedAgency'], (i) => i.dealAmendment),
  M('dealAmendmentWithdraw', `mutation($id: ID!) { dealAmendmentWithdraw(id: $id) { userErrors { code field message } } }`, (i) => ({ id: i.dealAmendment }), ['brandOwner'], (i) => i.dealAmendment),
  M(
    'dealDeliverableSubmit',
    `mutation($id: ID!) { dealDeliverableSubmit(id: $id, proofUrl: "https://example.com/proof") { userErrors { code field message } } }`,
    (i) => ({ id: i.dealDeliverable }),
    ['talent', 'involvedAgency'],
    (i) => i.dealDeliverable,
  ),
  M('dealDeliverableApprove', `mutation($id: ID!) { dealDeliverableApprove(id: $id) { userErrors { code field message } } }`, (i) => ({ id: i.dealDeliverable }), ['brandOwner'], (i) => i.dealDeliverable),
  M(
    'dealDeliverableRequestChanges',
    `mutation($id: ID!) { dealDeliverableRequestChanges(id: $id, reason: "Redo") { userErrors { code field message } } }`,
    (i) => ({ id: i.dealDeliverable }),
    ['brandOwner'],
    (i) => i.dealDeliverable,
  ),
  M(
    'ledgerDepositConfirm',
    `mutation($input: LedgerDepositConfirmInput!) { ledgerDepositConfirm(input: $input) { userErrors { code field message } } }`,
    (i) => ({ input: { brandId: i.brandA, amount: { amount: 1000, currency: 'CNY' }, bankReference: 'MATRIX-DEPOSIT' } }),
    ['admin'],
  ),
  M(
    'payoutDetailsSet',
    `mutation($input: PayoutDetailsSetInput!) { payoutDetailsSet(input: $input) { userErrors { code field message } } }`,
    (i) => ({ input: { payeeId: i.talentCreator, accountName: 'Matrix', bankName: 'Matrix Bank', accountNumber: '12345678' } }),
    ['talent'],
  ),
  // A payee nobody here acts for; the payee's own request, and the admin's marks of a real payout, go
  // through in test/ledger-money.test.ts.
  M('payoutRequest', `mutation($input: PayoutRequestInput!) { payoutRequest(input: $input) { userErrors { code field message } } }`, () => ({ input: { payeeId: NO_SUCH_CREATOR, amount: { amount: 1, currency: 'CNY' } } }), []),
  M('payoutBatchCreate', `mutation { payoutBatchCreate(currency: GBP) { userErrors { code field message } } }`, () => ({}), ['admin']),
  M('payoutMarkPaid', `mutation($id: ID!) { payoutMarkPaid(id: $id, bankReference: "MATRIX") { userErrors { code field message } } }`, () => ({ id: NO_SUCH_PAYOUT }), []),
  M('payoutMarkFailed', `mutation($id: ID!) { payoutMarkFailed(id: $id, reason: "Matrix") { userErrors { code field message } } }`, () => ({ id: NO_SUCH_PAYOUT }), []),
  // Resolving the dispute (CANCEL) ends the deal, so its positive control must come last.
  M(
    'dealDisputeResolve',
    `mutation($id: ID!) { dealDisputeResolve(id: $id, decision: CANCEL, note: "Decided") { userErrors { code field message } } }`,
    (i) => ({ id: i.dealDispute }),
    ['admin'],
    (i) => i.dealDispute,
  ),
];

/** Every table's rows as one digest each, to prove a refusal wrote nothing. */
async function databaseDigest(): Promise<Record<string, string>> {
  const tables = await server.sql<{ name: string }>(`select tablename as name from pg_tables where schemaname = current_schema() and tablename not like 'mikro_orm%'`);
  const statement = tables.map(({ name }) => `select '${name}' as name, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from "${name}" t`).join(' union all ');
  return Object.fromEntries((await server.sql<{ name: string; digest: string }>(statement)).map((row) => [row.name, row.digest]));
}

/**
 * A refusal: not signed in, FORBIDDEN, NOT_FOUND (the object is private to the caller), or, for a
 * party of a deal acting for the other side, WRONG_SIDE or SELF_REVIEW.
 */
function refusal(result: GraphQLResponse<Record<string, unknown>>, field: string): string | null {
  const code = codesOf(result)[0];
  if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' || code === 'NOT_FOUND') return code;
  const userErrors = (result.data?.[field] as { userErrors?: { code: string }[] } | undefined)?.userErrors ?? [];
  return userErrors.map((error) => error.code).find((userError) => ['NOT_FOUND', 'WRONG_SIDE', 'SELF_REVIEW'].includes(userError)) ?? null;
}

/** Whether the role may see the object a mutation acts on, by the object cases above. */
function seesTarget(role: Role, id: string): boolean {
  const entry = OBJECT_CASES.find((candidate) => candidate.id(ids) === id);
  return entry ? entry.allowed.includes(role) : true;
}

describe('writes', () => {
  it('every mutation that acts on someone’s object has an exercise', () => {
    const restrictedMutations = Object.entries(RULES).filter(([key, rule]) => key.startsWith('Mutation.') && rule.access === 'RESTRICTED').map(([key]) => key.slice('Mutation.'.length));
    const exercised = new Set(MUTATION_EXERCISES.map((exercise) => exercise.rule));
    expect(restrictedMutations.filter((name) => !exercised.has(name))).toEqual([]);
  });

  describe.each(MUTATION_EXERCISES.map((exercise) => [exercise.rule, exercise] as const))('%s', (_name, exercise) => {
    it.each(ALL.filter((role) => !exercise.allowed.includes(role)).map((role) => [role] as const))('is refused for %s, and changes nothing', async (role) => {
      const before = await databaseDigest();
      const result = await ask(role, exercise.document, exercise.variables(ids, world));
      expect(result.status).toBeLessThan(500);
      const refused = refusal(result, exercise.rule);
      expect(refused, `${role}: ${JSON.stringify(result)}`).not.toBeNull();
      if (role === 'anonymous') expect(codesOf(result)).toEqual(['UNAUTHENTICATED']);
      // Someone who may not see the object learns nothing about it: the answer is the one for an
      // id that names nothing (NOT_FOUND, or the role gate's FORBIDDEN whatever the id).
      else if (exercise.target && !seesTarget(role, exercise.target(ids))) {
        const target = exercise.target(ids);
        const missing = toGlobalId(fromGlobalId(target)!.typeName, randomUUID());
        const variables = JSON.parse(JSON.stringify(exercise.variables(ids, world)).replaceAll(target, missing)) as Record<string, unknown>;
        expect(refused, `${role}: ${JSON.stringify(result)}`).toBe(refusal(await ask(role, exercise.document, variables), exercise.rule));
      }
      expect(await databaseDigest()).toEqual(before);
    });
  });

  // Positive controls last, as they change the world: the same call goes past the access check
  // for a role the rule allows (it may still meet a business rule, e.g. LAST_OWNER).
  describe('positive controls', () => {
    it.each(MUTATION_EXERCISES.filter((exercise) => exercise.allowed.length > 0).map((exercise) => [exercise.rule, exercise] as const))('%s goes through for the role allowed', async (_name, exercise) => {
      const role = exercise.allowed[0]!;
      const result = await ask(role, exercise.document, exercise.variables(ids, world));
      expect(refusal(result, exercise.rule), JSON.stringify(result)).toBeNull();
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    });
  });
});

/** Each signed-in mutation's input type and a valid input; null for those that take none. */
const SIGNED_IN_INPUTS: Record<string, [string, Record<string, unknown>] | null> = {
  brandCreate: ['BrandCreateInput!', { name: 'Anonymous brand' }],
  agencyCreate: ['AgencyCreateInput!', { name: 'Anonymous agency' }],
  creatorProfileCreate: ['CreatorProfileCreateInput!', { displayName: 'Anonymous', kind: 'REVIEWER' }],
  traderProfileCreate: ['TraderProfileCreateInput!', { displayName: 'Anonymous', capabilities: ['LIVE_OPERATION'], rate: { minFixedFee: { amount: 100_000, currency: 'CNY' }, minCommissionBp: 500 } }],
  credentialSubmit: ['CredentialSubmitInput!', { type: 'PHARMACIST', issuer: 'Board', licenseNumber: 'X-1' }],
  emailChangeRequest: ['EmailChangeInput!', { newEmail: 'someone.else@example.com', password: 'not-the-password' }],
  passwordChange: ['PasswordChangeInput!', { currentPassword: 'not-the-password', newPassword: 'a much longer passphrase 2026' }],
  emailVerificationRequest: null,
  logOutEverywhere: null,
};

describe('signing in', () => {
  it('every mutation that creates the viewer’s own things has an input here', () => {
    const signedIn = Object.entries(RULES).filter(([, rule]) => rule.access === 'SIGNED_IN').map(([key]) => key.slice('Mutation.'.length));
    expect(signedIn.sort()).toEqual(Object.keys(SIGNED_IN_INPUTS).sort());
  });

  it.each(Object.entries(SIGNED_IN_INPUTS))('%s needs a signed-in account, and writes nothing without one', async (name, withInput) => {
    const before = await databaseDigest();
    const result = withInput
      ? await ask('anonymous', `mutation($input: ${withInput[0]}) { ${name}(input: $input) { userErrors { code } } }`, { input: withInput[1] })
      : await ask('anonymous', `mutation { ${name} { userErrors { code } } }`);
    expect(codesOf(result)).toEqual(['UNAUTHENTICATED']);
    expect(await databaseDigest()).toEqual(before);
  });
});

import { readFile } from 'node:fs/promises';
import { generate } from '@graphql-codegen/cli';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import codegenConfig from '../codegen.js';
import {
  AgencyOpportunitiesDocument,
  BidAcceptDocument,
  BidSubmitDocument,
  BriefBidsDocument,
  BriefCreateDocument,
  BriefPublishDocument,
  BrowseCreatorsDocument,
  CredentialsPendingReviewDocument,
  CredentialSubmitDocument,
  CredentialVerifyDocument,
  LogInDocument,
  MatchRecommendationsDocument,
  OpenBriefsDocument,
  RecommendedBriefsDocument,
  TradersDocument,
  ViewerDocument,
} from '../examples/generated/graphql.js';
import { PASSWORD, signUpAdmin } from './support/actors.js';
import { createAgency, createBrand, createCreators, createTrader, inDays, type Brand, type Talent } from './support/bids.js';
import { useTestServer } from './support/test-server.js';

describe('the generated client types', () => {
  it('match the committed schema, examples and test documents (npm run codegen regenerates them)', async () => {
    const outputs = await generate({ ...codegenConfig, silent: true, cwd: process.cwd() }, false);
    expect(outputs.map((output: { filename: string }) => output.filename).sort()).toEqual(['examples/generated/graphql.ts', 'test/generated/graphql.ts']);
    for (const output of outputs as { filename: string; content: string }[]) {
      expect(output.content, `${output.filename} is stale: run \`npm run codegen\` and commit it`).toBe(await readFile(output.filename, 'utf8'));
    }
  });
});

/**
 * The smallest client a team would write on top of the generated documents: the result and the
 * variables are typed by the document, so a field the schema lost fails to compile here.
 */
function typedClient(url: string) {
  return async function execute<Result, Variables>(
    document: TypedDocumentNode<Result, Variables>,
    variables: Variables,
    token?: string,
  ): Promise<Result> {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: print(document), variables }),
    });
    const body = (await response.json()) as { data?: Result; errors?: unknown[] };
    if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
    return body.data!;
  };
}

describe('the README tour through the generated typed documents', () => {
  const server = useTestServer();
  let execute: ReturnType<typeof typedClient>;
  let brand: Brand;
  let creator: Talent;

  beforeAll(async () => {
    execute = typedClient(server.url);
    brand = await createBrand(server);
    creator = (await createCreators(server, 1))[0]!;
  });

  it('logs in and reads the viewer', async () => {
    const admin = await signUpAdmin(server);
    const { logIn } = await execute(LogInDocument, { email: admin.email, password: PASSWORD });
    expect(logIn.userErrors).toEqual([]);
    expect(logIn.user?.isAdmin).toBe(true);

    const { viewer } = await execute(ViewerDocument, {}, logIn.token!);
    expect(viewer?.id).toBe(admin.userId);
    expect(viewer?.isAdmin).toBe(true);
  });

  it('posts a brief, takes a bid, and makes a deal', async () => {
    const { briefCreate } = await execute(
      BriefCreateDocument,
      {
        idempotencyKey: 'codegen-brief-1',
        input: {
          brandId: brand.brandId,
          productIds: [brand.productId],
          title: 'Ceramide serum: dermatologists explain',
          objective: 'SEEDING_CONTENT',
          formats: ['SHORT_VIDEO'],
          platforms: ['DOUYIN'],
          budget: { amount: 5_000_000, currency: 'CNY' },
          preferredStructures: ['HYBRID'],
          slots: 1,
          deadline: inDays(14),
        },
      },
      brand.owner.token,
    );
    expect(briefCreate.userErrors).toEqual([]);
    const briefId = briefCreate.brief!.id;
    const { briefPublish } = await execute(BriefPublishDocument, { id: briefId }, brand.owner.token);
    expect(briefPublish.brief?.openForBids).toBe(true);

    const { briefs } = await execute(OpenBriefsDocument, { search: 'ceramide', first: 5 }, creator.actor.token);
    expect(briefs.edges.map((edge) => edge.node.id)).toContain(briefId);

    const { bidSubmit } = await execute(
      BidSubmitDocument,
      {
        idempotencyKey: 'codegen-bid-1',
        input: {
          briefId,
          creatorId: creator.id,
          pitch: 'Dermatologist, 8 years in barrier repair',
          terms: {
            fixedFee: { amount: 1_000_000, currency: 'CNY' },
            commissionBp: 1000,
            deliverables: [{ format: 'SHORT_VIDEO', platform: 'DOUYIN', dueAt: inDays(10), description: 'One 60 s explainer' }],
          },
        },
      },
      creator.actor.token,
    );
    expect(bidSubmit.userErrors).toEqual([]);

    const { node } = await execute(BriefBidsDocument, { id: briefId }, brand.owner.token);
    const bid = node && 'bids' in node ? node.bids.edges[0]?.node : undefined;
    expect(bid?.id).toBe(bidSubmit.bid!.id);

    const { bidAccept } = await execute(
      BidAcceptDocument,
      { id: bid!.id, revision: bid!.currentRevision.number, idempotencyKey: 'codegen-accept-1' },
      brand.owner.token,
    );
    expect(bidAccept.userErrors).toEqual([]);
    expect(bidAccept.deal?.terms.fixedFee.amount).toBe(1_000_000);
  });

  it('ranks candidates for a brief, and briefs for a creator and an agency', async () => {
    const { briefCreate } = await execute(
      BriefCreateDocument,
      {
        input: {
          brandId: brand.brandId,
          productIds: [brand.productId],
          title: 'Live stream for the serum',
          objective: 'SEEDING_CONTENT',
          formats: ['SHORT_VIDEO'],
          platforms: ['DOUYIN'],
          budget: { amount: 5_000_000, currency: 'CNY' },
          preferredStructures: ['HYBRID'],
          slots: 1,
          deadline: inDays(20),
        },
      },
      brand.owner.token,
    );
    await execute(BriefPublishDocument, { id: briefCreate.brief!.id }, brand.owner.token);

    const { briefMatchRecommendations } = await execute(MatchRecommendationsDocument, { briefId: briefCreate.brief!.id, first: 5 }, brand.owner.token);
    expect(briefMatchRecommendations.totalCount).toBeGreaterThanOrEqual(0);
    for (const edge of briefMatchRecommendations.edges) expect(edge.node.factors.length).toBeGreaterThan(0);

    const { recommendedBriefs } = await execute(RecommendedBriefsDocument, { first: 5 }, creator.actor.token);
    expect(Array.isArray(recommendedBriefs.edges)).toBe(true);

    const agency = await createAgency(server, [creator]);
    const { node } = await execute(AgencyOpportunitiesDocument, { agencyId: agency.agencyId, first: 5 }, agency.member.token);
    expect(node && 'name' in node ? node.name : null).toBe('Star MCN');
  });

  it('browses the public directory of creators and operators', async () => {
    await createTrader(server, 'Night Market Live');
    const { traders } = await execute(TradersDocument, { first: 5 });
    expect(traders.edges.map((edge) => edge.node.displayName)).toContain('Night Market Live');
    const { creators } = await execute(BrowseCreatorsDocument, { first: 5 });
    expect(creators.totalCount).toBeGreaterThanOrEqual(1);
  });

  it('submits a credential that an admin verifies', async () => {
    const { credentialSubmit } = await execute(
      CredentialSubmitDocument,
      { input: { type: 'NUTRITIONIST', issuer: 'Chinese Nutrition Society', licenseNumber: 'CNS-2024-0192' } },
      creator.actor.token,
    );
    expect(credentialSubmit.credential?.status).toBe('PENDING');
    const admin = await signUpAdmin(server);
    const { credentialsPendingReview } = await execute(CredentialsPendingReviewDocument, { first: 20 }, admin.token);
    expect(credentialsPendingReview.edges.map((edge) => edge.node.id)).toContain(credentialSubmit.credential!.id);
    const { credentialVerify } = await execute(CredentialVerifyDocument, { id: credentialSubmit.credential!.id, note: 'Licence checked' }, admin.token);
    expect(credentialVerify.credential?.status).toBe('VERIFIED');
  });
});

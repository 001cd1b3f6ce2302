import { describe, expect, it } from 'vitest';
import { DealDeliverablesPageDocument, type DealDeliverablesPageQueryVariables } from './generated/graphql.js';
import { signUp } from './support/actors.js';
import { deliverable } from './support/bids.js';
import { createDeal } from './support/deals.js';
import { useTestServer } from './support/test-server.js';

// Deal.deliverablesConnection pages a deal's deliverables like every other list.
const server = useTestServer();

describe('Deal.deliverablesConnection', () => {
  it('pages forward and back in the order of the terms, with the count of all', async () => {
    const descriptions = ['Unboxing', 'Explainer', 'Live Q&A'];
    const deal = await createDeal(server, { deliverables: descriptions.map((description) => deliverable({ description })) });
    const page = async (variables: Omit<DealDeliverablesPageQueryVariables, 'id'>) => {
      const result = await server.graphql(DealDeliverablesPageDocument, { id: deal.dealId, ...variables }, { token: deal.brand.owner.token });
      expect(result.errors).toBeUndefined();
      const node = result.data!.node as { deliverablesConnection: { totalCount: number; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null; startCursor: string | null }; edges: { node: { id: string; description: string } }[] } };
      return node.deliverablesConnection;
    };

    const first = await page({ first: 2 });
    expect(first.totalCount).toBe(3);
    expect(first.edges.map((edge) => edge.node.description)).toEqual(['Unboxing', 'Explainer']);
    expect(first.edges.map((edge) => edge.node.id)).toEqual(deal.deliverableIds.slice(0, 2));
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });

    const rest = await page({ first: 2, after: first.pageInfo.endCursor });
    expect(rest.edges.map((edge) => edge.node.description)).toEqual(['Live Q&A']);
    expect(rest.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });

    const back = await page({ last: 1, before: rest.pageInfo.startCursor });
    expect(back.edges.map((edge) => edge.node.description)).toEqual(['Explainer']);
  });

  it('refuses a cursor from elsewhere and a page size out of range as bad input', async () => {
    const deal = await createDeal(server);
    for (const variables of [{ first: 1, after: 'bm90LWFuLWlk' }, { first: 0 }, { first: 101 }]) {
      const result = await server.graphql(DealDeliverablesPageDocument, { id: deal.dealId, ...variables }, { token: deal.brand.owner.token });
      expect(result.errors?.[0]?.extensions?.code, JSON.stringify(variables)).toBe('BAD_USER_INPUT');
    }
  });

  it('shows nothing of a deal to someone outside it', async () => {
    const deal = await createDeal(server);
    const stranger = await signUp(server, 'stranger');
    const result = await server.graphql(DealDeliverablesPageDocument, { id: deal.dealId, first: 5 }, { token: stranger.token });
    expect(result.data?.node ?? null).toBeNull();
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import { dealChannel } from '../src/deal/deal.events.js';
import { DealEventsDocument } from './generated/graphql.js';
import { succeeded } from './support/actors.js';
import { deliverable, inDays, rowId } from './support/bids.js';
import { createDeal, propose, run, termsInForce } from './support/deals.js';
import { subscribe, until, wsClient } from './support/subscriptions.js';
import { useTestServer } from './support/test-server.js';

const server = useTestServer();
const clients: { dispose(): void | Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
});

const PROOF = 'https://www.douyin.com/video/7301234567890';

describe('a deal’s subscribers', () => {
  it('hear of each submission and review, of amendments, and of the status changes deliverables and amendments cause', async () => {
    const { dealId, brand, talent, deliverableIds } = await createDeal(server, { deliverables: [deliverable({ description: 'Unboxing video' })] });
    const client = wsClient(server.url, talent.actor.token);
    clients.push(client);
    const events = subscribe(client, DealEventsDocument, { dealId });
    await until(() => server.app.liveEvents.listenerCount(dealChannel(rowId(dealId))) > 0, 'the talent listens to the deal');
    const next = async () => (await events.next()).data?.dealEvents;

    succeeded(await run(server, talent.actor, 'submit', { id: deliverableIds[0], proofUrl: PROOF }), 'dealDeliverableSubmit');
    expect(await next()).toEqual({ kind: 'DELIVERABLE', subjectId: deliverableIds[0], deal: { id: dealId, status: 'ACTIVE' } });

    succeeded(await run(server, brand.owner, 'approve', { id: deliverableIds[0] }), 'dealDeliverableApprove');
    expect(await next()).toEqual({ kind: 'DELIVERABLE', subjectId: deliverableIds[0], deal: { id: dealId, status: 'DELIVERED' } });
    expect(await next()).toEqual({ kind: 'STATUS_CHANGED', subjectId: null, deal: { id: dealId, status: 'DELIVERED' } });

    const terms = await termsInForce(server, brand.owner, dealId);
    const deliverables = [...terms.deliverables, { format: 'SHORT_VIDEO' as const, platform: 'DOUYIN' as const, dueAt: inDays(10), description: 'Follow-up clip' }];
    const amendmentId = await propose(server, brand.owner, dealId, { deliverables }, 'One more clip');
    expect(await next()).toMatchObject({ kind: 'AMENDMENT', subjectId: amendmentId });

    succeeded(await run(server, talent.actor, 'accept', { id: amendmentId }), 'dealAmendmentAccept');
    expect(await next()).toEqual({ kind: 'AMENDMENT', subjectId: amendmentId, deal: { id: dealId, status: 'ACTIVE' } });
    expect(await next()).toEqual({ kind: 'STATUS_CHANGED', subjectId: null, deal: { id: dealId, status: 'ACTIVE' } });
    expect(events.pending()).toEqual([]);
  });
});

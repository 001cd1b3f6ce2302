import { describe, expect, it } from 'vitest';
import { periodicJobs } from '../src/app/jobs.js';
import type { ServiceContext } from '../src/common/service-context.js';
import { DeliverWithProofDocument, LedgerBalancesDocument, PayoutDetailsSetDocument, PayoutRequestDocument } from './generated/graphql.js';
import { type Actor, succeeded } from './support/actors.js';
import { deliverable, rowId } from './support/bids.js';
import { cny, dealStatus, markDelivered } from './support/deal-outcomes.js';
import { createDeal } from './support/deals.js';
import { useTestServer } from './support/test-server.js';

/**
 * The ledger's periodic work: proof the brand leaves unanswered is approved after the review
 * period (7 days by default), and earnings a payee never claims go back to the brand after a
 * year (UNCLAIMED_RETURN_DAYS). Each run is given the time it runs at.
 */
const server = useTestServer();
const DAY = 86_400_000;
const FUNDED = 1_000_000_000;

function asJob<T>(work: (context: ServiceContext) => Promise<T>): Promise<T> {
  return server.app.core.unitOfWork.run({ em: server.app.orm.em.fork(), viewer: null }, work);
}

async function balances(actor: Actor, ownerId: string): Promise<Record<string, number>> {
  const rows = (await server.graphql(LedgerBalancesDocument, { ownerId }, { token: actor.token })).data!.ledgerBalances!;
  return Object.fromEntries(rows.map((row) => [row.account, row.balance.amount]));
}

describe('periodic money jobs', () => {
  it('are registered with the other periodic jobs', () => {
    expect(periodicJobs.map((job) => job.name)).toEqual(expect.arrayContaining(['deliverables approved after the brand’s review period', 'unclaimed earnings returned to brands']));
  });

  it('approve proof the brand left unanswered past the review period, releasing the fee, and only then', async () => {
    const deal = await createDeal(server, { deliverables: [deliverable()] });
    succeeded(await server.graphql(DeliverWithProofDocument, { id: deal.deliverableIds[0] }, { token: deal.talent.actor.token }), 'dealDeliverableSubmit');
    const { services } = server.app.core;

    expect(await asJob((context) => services.dealDeliverables.autoApproveOverdue(context, new Date(Date.now() + 6 * DAY)))).toBe(0);
    expect(await dealStatus(server, deal.dealId)).toBe('ACTIVE');

    expect(await asJob((context) => services.dealDeliverables.autoApproveOverdue(context, new Date(Date.now() + 8 * DAY)))).toBeGreaterThanOrEqual(1);
    expect(await dealStatus(server, deal.dealId)).toBe('DELIVERED');
    const [submission] = await server.sql<{ outcome: string; auto_approved: boolean; reviewed_by_id: string | null }>(
      'select outcome, auto_approved, reviewed_by_id from deliverable_submission where deliverable_id = ?',
      [rowId(deal.deliverableIds[0])],
    );
    expect(submission).toEqual({ outcome: 'APPROVED', auto_approved: true, reviewed_by_id: null });
    expect((await balances(deal.talent.actor, deal.talent.id)).TALENT_PAYABLE).toBe(800_000);
  });

  it('return earnings a payee never claimed to the brand that paid them, once, keeping what was paid out', async () => {
    const deal = await createDeal(server);
    await markDelivered(server, deal);
    const talent = deal.talent;
    succeeded(
      await server.graphql(PayoutDetailsSetDocument, { input: { payeeId: talent.id, accountName: 'Lin Wei', bankName: 'ICBC', accountNumber: '62220000111122223333' } }, { token: talent.actor.token }),
      'payoutDetailsSet',
    );
    succeeded(await server.graphql(PayoutRequestDocument, { input: { payeeId: talent.id, amount: cny(300_000) } }, { token: talent.actor.token }), 'payoutRequest');
    const { services } = server.app.core;

    expect(await asJob((context) => services.payouts.returnUnclaimed(context, new Date(Date.now() + 30 * DAY)))).toBe(0);
    await asJob((context) => services.payouts.returnUnclaimed(context, new Date(Date.now() + 366 * DAY)));
    expect(await balances(talent.actor, talent.id)).toEqual({ TALENT_PAYABLE: 0, PAYOUT_IN_TRANSIT: 300_000 });
    expect((await balances(deal.brand.owner, deal.brand.brandId)).BRAND_BALANCE).toBe(FUNDED - 800_000 + 500_000);
    // A second run finds nothing left to return.
    const [before] = await server.sql<{ n: number }>(`select count(*)::int as n from ledger_entry where kind = 'UNCLAIMED_RETURN'`);
    await asJob((context) => services.payouts.returnUnclaimed(context, new Date(Date.now() + 400 * DAY)));
    const [after] = await server.sql<{ n: number }>(`select count(*)::int as n from ledger_entry where kind = 'UNCLAIMED_RETURN'`);
    expect(after!.n).toBe(before!.n);
  });
});

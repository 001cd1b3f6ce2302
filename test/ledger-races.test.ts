import { describe, expect, it } from 'vitest';
import { ledgerCheck } from '../src/cli/commands.js';
import { ApproveDeliveryDocument, CancelDealDocument, DeliverWithProofDocument, OpenDisputeDocument, ResolveDisputeDocument, SettleDealDocument } from './generated/graphql.js';
import { createBrand, deliverable, rowId } from './support/bids.js';
import { cny, markDelivered, reported } from './support/deal-outcomes.js';
import { createDeal } from './support/deals.js';
import { ledgerAdmin } from './support/ledger.js';
import { useTestServer } from './support/test-server.js';

/**
 * Money moves in the transaction of the state change that justifies it, under the deal's lock, so
 * two answers given at once can never both move it: a deal is never both paid and refunded.
 */
const server = useTestServer();
const ROUNDS = 30;

/** What the ledger did with one deal's money, by entry kind, and what its escrow holds. */
async function moneyOf(dealId: string) {
  const entries = await server.sql<{ kind: string; n: number }>('select kind, count(*)::int as n from ledger_entry where deal_id = ? group by kind', [rowId(dealId)]);
  const kinds = Object.fromEntries(entries.map((row) => [row.kind, row.n]));
  const [paid] = await server.sql<{ total: string }>(
    `select coalesce(sum(line.amount), 0) as total from ledger_line line join ledger_entry entry on entry.id = line.entry_id
      join ledger_account account on account.id = line.account_id
     where entry.deal_id = ? and account.kind in ('TALENT_PAYABLE', 'AGENCY_PAYABLE')`,
    [rowId(dealId)],
  );
  const [escrow] = await server.sql<{ balance: string }>(`select coalesce(sum(balance), 0) as balance from ledger_account where deal_id = ? and kind = 'DEAL_ESCROW'`, [rowId(dealId)]);
  return { kinds, paidToTalent: Number(paid!.total), escrow: Number(escrow!.balance) };
}

async function expectLedgerOk() {
  const check = await ledgerCheck({ orm: server.app.orm, services: server.app.core.services, unitOfWork: server.app.core.unitOfWork });
  expect(check.ok, JSON.stringify(check)).toBe(true);
}

describe('races', () => {
  it(`approve against cancel, ${ROUNDS} times: the talent is paid or the brand refunded, never both`, async () => {
    const brand = await createBrand(server);
    const outcomes = { paid: 0, refunded: 0 };
    for (let round = 0; round < ROUNDS; round += 1) {
      const deal = await createDeal(server, { brand, deliverables: [deliverable()] });
      const id = deal.deliverableIds[0];
      const approve = async () => {
        await server.graphql(DeliverWithProofDocument, { id }, { token: deal.talent.actor.token });
        return server.graphql(ApproveDeliveryDocument, { id }, { token: brand.owner.token });
      };
      const cancel = () => server.graphql(CancelDealDocument, { input: { dealId: deal.dealId, reason: 'Changed our mind' } }, { token: brand.owner.token });
      const [approved, cancelled] = await Promise.all([approve(), cancel()]);
      expect(approved.errors).toBeUndefined();
      expect(cancelled.errors).toBeUndefined();
      const approvedOk = approved.data!.dealDeliverableApprove.userErrors.length === 0;
      const cancelledOk = cancelled.data!.dealCancel.userErrors.length === 0;
      expect(approvedOk !== cancelledOk, `round ${round}: approved ${approvedOk}, cancelled ${cancelledOk}`).toBe(true);

      const money = await moneyOf(deal.dealId);
      const refunded = (money.kinds.ESCROW_REFUND ?? 0) > 0;
      expect(money.paidToTalent > 0 && refunded).toBe(false);
      expect(money.escrow).toBe(0);
      expect(approvedOk ? money.paidToTalent : 0).toBe(approvedOk ? 800_000 : 0);
      if (approvedOk) outcomes.paid += 1;
      else outcomes.refunded += 1;
    }
    expect(outcomes.paid + outcomes.refunded).toBe(ROUNDS);
    await expectLedgerOk();
  }, 300_000);

  it(`settle against dispute, ${ROUNDS} times: a deal settled is never also refunded`, async () => {
    const brand = await createBrand(server);
    const admin = await ledgerAdmin(server);
    for (let round = 0; round < ROUNDS; round += 1) {
      // A guaranteed fee stays in escrow until settlement, so both sides race for the same money.
      const deal = await createDeal(server, { brand, deliverables: [deliverable()], termsOverrides: { gmvGuarantee: cny(400_000) } });
      await markDelivered(server, deal);
      await reported(server, brand.owner, { dealId: deal.dealId, gmv: cny(200_000) });
      const [settled, disputed] = await Promise.all([
        server.graphql(SettleDealDocument, { id: deal.dealId }, { token: brand.owner.token }),
        server.graphql(OpenDisputeDocument, { id: deal.dealId, reason: 'The numbers are wrong' }, { token: deal.talent.actor.token }),
      ]);
      const settledOk = settled.data?.dealSettle.userErrors.length === 0;
      const dispute = disputed.data?.dealDisputeOpen.dispute;
      expect(settledOk !== Boolean(dispute), `round ${round}`).toBe(true);
      if (dispute) {
        const resolved = await server.graphql(ResolveDisputeDocument, { id: dispute.id, decision: 'CANCEL', note: 'Figures unverifiable.' }, { token: admin.token });
        expect(resolved.data?.dealDisputeResolve.userErrors).toEqual([]);
      }
      const money = await moneyOf(deal.dealId);
      expect((money.kinds.SETTLEMENT ?? 0) + (money.kinds.ESCROW_REFUND ?? 0)).toBe(1);
      expect(money.escrow).toBe(0);
      // Settled: make-good 400,000 back to the brand, 400,000 + commission 20,000 to the talent.
      expect(money.paidToTalent).toBe(settledOk ? 420_000 : 0);
    }
    await expectLedgerOk();
  }, 300_000);
});

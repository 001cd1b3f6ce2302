import { describe, expect, it } from 'vitest';
import { ledgerCheck } from '../src/cli/commands.js';
import {
  ApproveDeliveryDocument,
  CancelDealDocument,
  type CurrencyCode,
  DealEscrowDocument,
  DeliverWithProofDocument,
  DisputeResolveSplitDocument,
  LedgerBalancesDocument,
  LedgerDepositConfirmDocument,
  LedgerStatementDocument,
  OpenDisputeDocument,
  PayoutBatchCreateDocument,
  PayoutDetailsSetDocument,
  PayoutMarkFailedDocument,
  PayoutMarkPaidDocument,
  PayoutRequestDocument,
  ResolveDisputeDocument,
  SettleDealDocument,
} from './generated/graphql.js';
import { type Actor, errorCodes, signUp, succeeded } from './support/actors.js';
import { acceptBid, type Brand, createAgency, createBrand, createBrief, createCreator, deliverable, placeBid, rowId, type Talent, terms } from './support/bids.js';
import { cny, dealStatus, markDelivered, reported } from './support/deal-outcomes.js';
import { createDeal, type DealSetup } from './support/deals.js';
import { ledgerAdmin } from './support/ledger.js';
import { useTestServer } from './support/test-server.js';

/**
 * Money on the ledger, through the API: deposits, funded deal starts, releases on approval,
 * settlement exactly as computed, refunds and slots freed by cancellation, dispute splits,
 * payouts and statements. Every brand made by createBrand starts with a confirmed deposit of
 * 1,000,000,000 minor units of CNY (test/support/ledger.ts).
 */
const server = useTestServer();
const FUNDED = 1_000_000_000;

/** The owner's balances in CNY by account kind, as the owner's people read them; null when hidden. */
async function balances(actor: Actor, ownerId: string): Promise<Record<string, number> | null> {
  const result = await server.graphql(LedgerBalancesDocument, { ownerId }, { token: actor.token });
  const rows = result.data?.ledgerBalances;
  return rows ? Object.fromEntries(rows.filter((row) => row.balance.currency === 'CNY').map((row) => [row.account, row.balance.amount])) : null;
}

async function escrow(actor: Actor, dealId: string): Promise<number> {
  const result = await server.graphql(DealEscrowDocument, { id: dealId }, { token: actor.token });
  const node = result.data?.node;
  return node && 'escrow' in node ? node.escrow.amount : Number.NaN;
}

async function platformRevenue(): Promise<number> {
  const [row] = await server.sql<{ balance: string }>(`select coalesce(sum(balance), 0) as balance from ledger_account where kind = 'PLATFORM_REVENUE' and currency = 'CNY'`);
  return Number(row!.balance);
}

async function deliver(deal: DealSetup, index: number) {
  const id = deal.deliverableIds[index]!;
  succeeded(await server.graphql(DeliverWithProofDocument, { id }, { token: deal.talent.actor.token }), 'dealDeliverableSubmit');
  succeeded(await server.graphql(ApproveDeliveryDocument, { id }, { token: deal.brand.owner.token }), 'dealDeliverableApprove');
}

async function expectLedgerOk() {
  const check = await ledgerCheck({ orm: server.app.orm, services: server.app.core.services, unitOfWork: server.app.core.unitOfWork });
  expect(check.unbalancedEntries).toEqual([]);
  expect(check.mismatchedAccounts).toEqual([]);
  expect(check.overdrawnAccounts).toEqual([]);
  expect(check.ok).toBe(true);
}

describe('deposits', () => {
  it('top up a brand’s balance once per bank reference, confirmed by an admin', async () => {
    const brand = await createBrand(server);
    const admin = await ledgerAdmin(server);
    const confirm = (bankReference: string, amount = 50_000) =>
      server.graphql(LedgerDepositConfirmDocument, { input: { brandId: brand.brandId, amount: cny(amount), bankReference, note: 'ICBC transfer' } }, { token: admin.token });

    const deposit = succeeded(await confirm('ICBC-2026-0001'), 'ledgerDepositConfirm').deposit;
    expect(deposit.bankReference).toBe('ICBC-2026-0001');
    expect((await balances(brand.owner, brand.brandId))!.BRAND_BALANCE).toBe(FUNDED + 50_000);

    // The same transfer again, even spelled with other case and spaces, is refused and writes nothing.
    expect(errorCodes(await confirm(' icbc-2026-0001 '), 'ledgerDepositConfirm')).toEqual(['DEPOSIT_REFERENCE_USED']);
    expect(errorCodes(await confirm('ICBC-2026-0002', 0), 'ledgerDepositConfirm')).toEqual(['OUT_OF_RANGE']);
    expect((await balances(brand.owner, brand.brandId))!.BRAND_BALANCE).toBe(FUNDED + 50_000);

    const byMember = await server.graphql(
      LedgerDepositConfirmDocument,
      { input: { brandId: brand.brandId, amount: cny(1), bankReference: 'SELF-SERVICE' } },
      { token: brand.owner.token },
    );
    expect(byMember.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Another brand's balance is nobody else's business: it reads as an unknown id.
    expect(await balances(await signUp(server, 'stranger'), brand.brandId)).toBeNull();
    await expectLedgerOk();
  });
});

describe('a deal’s money', () => {
  it('starts funded: the fixed fee moves from the brand’s balance into escrow; an unfunded deal never starts', async () => {
    const deal = await createDeal(server);
    expect(await escrow(deal.brand.owner, deal.dealId)).toBe(800_000);
    expect((await balances(deal.brand.owner, deal.brand.brandId))!.BRAND_BALANCE).toBe(FUNDED - 800_000);

    const brand = await createBrand(server);
    const briefId = await createBrief(server, brand);
    const talent = await createCreator(server, 'pricey');
    const bid = await placeBid(server, talent.actor, { briefId, creatorId: talent.id, terms: terms({ fixedFee: cny(FUNDED + 1) }) });
    expect(errorCodes(await acceptBid(server, brand.owner, bid.id), 'bidAccept')).toEqual(['INSUFFICIENT_FUNDS']);
    const [row] = await server.sql<{ slots_filled: number; deals: number }>(
      'select slots_filled, (select count(*)::int from deal where brief_id = brief.id) as deals from brief where id = ?',
      [rowId(briefId)],
    );
    expect(row).toEqual({ slots_filled: 0, deals: 0 });
    expect((await balances(brand.owner, brand.brandId))!.BRAND_BALANCE).toBe(FUNDED);
  });

  it('releases each approved deliverable’s share, then settles exactly as the settlement says', async () => {
    const deal = await createDeal(server, { viaAgency: true });
    const agencyId = deal.agency!.agencyId;
    await deliver(deal, 0);
    expect(await escrow(deal.brand.owner, deal.dealId)).toBe(400_000);
    expect((await balances(deal.talent.actor, deal.talent.id))!.TALENT_PAYABLE).toBe(320_000);
    expect((await balances(deal.agency!.member, agencyId))!.AGENCY_PAYABLE).toBe(80_000);
    await deliver(deal, 1);
    expect(await dealStatus(server, deal.dealId)).toBe('DELIVERED');
    expect(await escrow(deal.brand.owner, deal.dealId)).toBe(0);

    const platformBefore = await platformRevenue();
    await reported(server, deal.brand.owner, { dealId: deal.dealId, gmv: cny(100_000) });
    const settlement = succeeded(await server.graphql(SettleDealDocument, { id: deal.dealId }, { token: deal.brand.owner.token }), 'dealSettle');
    expect(settlement.deal?.status).toBe('SETTLED');
    // 10 % commission on 100,000 → 10,000; gross 810,000; agency 20 % → 162,000; platform 5 % → 40,500.
    expect((await balances(deal.talent.actor, deal.talent.id))!.TALENT_PAYABLE).toBe(648_000);
    expect((await balances(deal.agency!.member, agencyId))!.AGENCY_PAYABLE).toBe(162_000);
    expect((await platformRevenue()) - platformBefore).toBe(40_500);
    expect((await balances(deal.brand.owner, deal.brand.brandId))!.BRAND_BALANCE).toBe(FUNDED - 850_500);
    await expectLedgerOk();
  });

  it('holds a guaranteed deal’s fee in escrow until settlement, and returns the make-good from it', async () => {
    const deal = await createDeal(server, { termsOverrides: { gmvGuarantee: cny(1_000_000) } });
    await markDelivered(server, deal);
    expect(await escrow(deal.brand.owner, deal.dealId)).toBe(800_000);
    await reported(server, deal.brand.owner, { dealId: deal.dealId, gmv: cny(250_000) });
    succeeded(await server.graphql(SettleDealDocument, { id: deal.dealId }, { token: deal.brand.owner.token }), 'dealSettle');
    // make-good 800,000 × 750,000 / 1,000,000 = 600,000; earned 200,000 + commission 25,000; platform 11,250.
    expect((await balances(deal.talent.actor, deal.talent.id))!.TALENT_PAYABLE).toBe(225_000);
    expect((await balances(deal.brand.owner, deal.brand.brandId))!.BRAND_BALANCE).toBe(FUNDED - 236_250);
    expect(await escrow(deal.brand.owner, deal.dealId)).toBe(0);
  });

  it('refuses a settlement the brand’s balance cannot pay, and writes nothing', async () => {
    const brand = await createBrand(server);
    const deal = await createDeal(server, { brand, deliverables: [deliverable()], termsOverrides: { fixedFee: cny(FUNDED - 1_000), commissionBp: 5000 } });
    await markDelivered(server, deal);
    await reported(server, deal.brand.owner, { dealId: deal.dealId, gmv: cny(1_000_000) });
    expect(errorCodes(await server.graphql(SettleDealDocument, { id: deal.dealId }, { token: brand.owner.token }), 'dealSettle')).toEqual(['INSUFFICIENT_FUNDS']);
    expect(await dealStatus(server, deal.dealId)).toBe('DELIVERED');
    expect(await server.sql(`select 1 from deal_settlement where deal_id = ?`, [rowId(deal.dealId)])).toEqual([]);
  });
});

describe('cancelled deals', () => {
  it('return the escrow and free their slots: an awarded brief reopens and takes another bid', async () => {
    const brand = await createBrand(server);
    const briefId = await createBrief(server, brand, { slots: 2 });
    const talents: Talent[] = [];
    for (const name of ['first', 'second']) talents.push(await createCreator(server, name));
    const dealIds: string[] = [];
    for (const talent of talents) {
      const bid = await placeBid(server, talent.actor, { briefId, creatorId: talent.id });
      dealIds.push(succeeded(await acceptBid(server, brand.owner, bid.id), 'bidAccept').deal!.id);
    }
    const briefRow = async () => (await server.sql<{ status: string; slots_filled: number }>('select status, slots_filled from brief where id = ?', [rowId(briefId)]))[0];
    expect(await briefRow()).toEqual({ status: 'AWARDED', slots_filled: 2 });

    // One called off by a party …
    succeeded(await server.graphql(CancelDealDocument, { input: { dealId: dealIds[0]!, reason: 'Launch moved' } }, { token: brand.owner.token }), 'dealCancel');
    expect(await briefRow()).toEqual({ status: 'OPEN', slots_filled: 1 });
    // … the other cancelled through a dispute.
    const dispute = succeeded(await server.graphql(OpenDisputeDocument, { id: dealIds[1]!, reason: 'No answer for weeks' }, { token: brand.owner.token }), 'dealDisputeOpen').dispute!;
    const admin = await ledgerAdmin(server);
    succeeded(await server.graphql(ResolveDisputeDocument, { id: dispute.id, decision: 'CANCEL', note: 'The talent never started.' }, { token: admin.token }), 'dealDisputeResolve');
    expect(await briefRow()).toEqual({ status: 'OPEN', slots_filled: 0 });
    for (const dealId of dealIds) expect(await escrow(brand.owner, dealId)).toBe(0);
    expect((await balances(brand.owner, brand.brandId))!.BRAND_BALANCE).toBe(FUNDED);

    const next = await createCreator(server, 'third');
    const bid = await placeBid(server, next.actor, { briefId, creatorId: next.id });
    expect(succeeded(await acceptBid(server, brand.owner, bid.id), 'bidAccept').deal?.status).toBe('ACTIVE');
    await expectLedgerOk();
  });
});

describe('dispute splits', () => {
  async function disputedDeal(): Promise<{ deal: DealSetup; disputeId: string; admin: Actor }> {
    const deal = await createDeal(server, { deliverables: [deliverable()] });
    succeeded(await server.graphql(DeliverWithProofDocument, { id: deal.deliverableIds[0] }, { token: deal.talent.actor.token }), 'dealDeliverableSubmit');
    const dispute = succeeded(await server.graphql(OpenDisputeDocument, { id: deal.dealId, reason: 'Half the video is missing' }, { token: deal.brand.owner.token }), 'dealDisputeOpen').dispute!;
    return { deal, disputeId: dispute.id, admin: await ledgerAdmin(server) };
  }

  it('divide the escrow between the sides with a reason, and free the slot', async () => {
    const { deal, disputeId, admin } = await disputedDeal();
    const split = (talentAmount: { amount: number; currency: CurrencyCode } | null, note = 'Half the work was delivered.') =>
      server.graphql(DisputeResolveSplitDocument, { id: disputeId, note, talentAmount }, { token: admin.token });

    expect(errorCodes(await split(null), 'dealDisputeResolve')).toEqual(['INVALID']);
    expect(errorCodes(await split(cny(800_001)), 'dealDisputeResolve')).toEqual(['EXCEEDS_ESCROW']);
    expect(errorCodes(await split({ amount: 1, currency: 'USD' }), 'dealDisputeResolve')).toEqual(['CURRENCY_MISMATCH']);
    expect(errorCodes(await split(cny(300_000), ''), 'dealDisputeResolve')).toEqual(['OUT_OF_RANGE']);
    expect(await dealStatus(server, deal.dealId)).toBe('DISPUTED');
    expect(await escrow(deal.brand.owner, deal.dealId)).toBe(800_000);

    const resolved = succeeded(await split(cny(300_000)), 'dealDisputeResolve');
    expect(resolved.deal?.status).toBe('CANCELLED');
    expect(resolved.dispute).toEqual({ decision: 'SPLIT', splitTalentAmount: 300_000 });
    expect((await balances(deal.talent.actor, deal.talent.id))!.TALENT_PAYABLE).toBe(300_000);
    expect((await balances(deal.brand.owner, deal.brand.brandId))!.BRAND_BALANCE).toBe(FUNDED - 300_000);
    expect(await escrow(deal.brand.owner, deal.dealId)).toBe(0);
    await expectLedgerOk();
  });
});

describe('payouts', () => {
  async function earned(): Promise<{ talent: Talent; brand: Brand; admin: Actor }> {
    const deal = await createDeal(server);
    await markDelivered(server, deal);
    return { talent: deal.talent, brand: deal.brand, admin: await ledgerAdmin(server) };
  }

  it('go requested → processing → paid, or failed and returned; never above what is available', async () => {
    const { talent, brand, admin } = await earned();
    const request = (amount: number, actor: Actor = talent.actor, key?: string) =>
      server.graphql(PayoutRequestDocument, { input: { payeeId: talent.id, amount: cny(amount) }, ...(key ? { key } : {}) }, { token: actor.token });

    expect(errorCodes(await request(100_000), 'payoutRequest')).toEqual(['NO_PAYOUT_DETAILS']);
    const details = { payeeId: talent.id, accountName: 'Dr. Lin Wei', bankName: 'China Merchants Bank', accountNumber: '6225 8801 2345 6789' };
    expect(errorCodes(await server.graphql(PayoutDetailsSetDocument, { input: details }, { token: brand.owner.token }), 'payoutDetailsSet')).toEqual(['NOT_FOUND']);
    expect(succeeded(await server.graphql(PayoutDetailsSetDocument, { input: details }, { token: talent.actor.token }), 'payoutDetailsSet').details).toEqual({
      accountName: 'Dr. Lin Wei',
      bankName: 'China Merchants Bank',
      accountNumberLast4: '6789',
    });

    expect(errorCodes(await request(800_001), 'payoutRequest')).toEqual(['EXCEEDS_AVAILABLE']);
    expect(errorCodes(await request(1, brand.owner), 'payoutRequest')).toEqual(['NOT_FOUND']);
    const first = succeeded(await request(500_000, talent.actor, 'payout-1'), 'payoutRequest').payout!;
    const retried = succeeded(await request(500_000, talent.actor, 'payout-1'), 'payoutRequest').payout!;
    expect(retried.id).toBe(first.id);
    expect(await balances(talent.actor, talent.id)).toEqual({ TALENT_PAYABLE: 300_000, PAYOUT_IN_TRANSIT: 500_000 });

    const batch = succeeded(await server.graphql(PayoutBatchCreateDocument, { currency: 'CNY' }, { token: admin.token }), 'payoutBatchCreate');
    expect(batch.payouts?.find((payout) => payout.id === first.id)?.status).toBe('PROCESSING');
    const paid = succeeded(await server.graphql(PayoutMarkPaidDocument, { id: first.id, bankReference: 'CMB-OUT-77' }, { token: admin.token }), 'payoutMarkPaid');
    expect(paid.payout).toEqual({ id: first.id, status: 'PAID', bankReference: 'CMB-OUT-77' });
    expect(errorCodes(await server.graphql(PayoutMarkFailedDocument, { id: first.id, reason: 'late bounce' }, { token: admin.token }), 'payoutMarkFailed')).toEqual([
      'ILLEGAL_TRANSITION',
    ]);

    const second = succeeded(await request(300_000), 'payoutRequest').payout!;
    succeeded(await server.graphql(PayoutBatchCreateDocument, { currency: 'CNY' }, { token: admin.token }), 'payoutBatchCreate');
    const failed = succeeded(await server.graphql(PayoutMarkFailedDocument, { id: second.id, reason: 'Account closed' }, { token: admin.token }), 'payoutMarkFailed');
    expect(failed.payout?.status).toBe('FAILED');
    expect(await balances(talent.actor, talent.id)).toEqual({ TALENT_PAYABLE: 300_000, PAYOUT_IN_TRANSIT: 0 });
    await expectLedgerOk();
  });
});

describe('statements', () => {
  it('list a payee’s movements over a period with running balances, as CSV too, for its own people only', async () => {
    const deal = await createDeal(server);
    await markDelivered(server, deal);
    const from = new Date(Date.now() - 60_000).toISOString();
    const to = new Date(Date.now() + 60_000).toISOString();
    const read = (actor: Actor, ownerId: string) => server.graphql(LedgerStatementDocument, { input: { ownerId, currency: 'CNY', from, to } }, { token: actor.token });

    const statement = (await read(deal.talent.actor, deal.talent.id)).data!.ledgerStatement!;
    expect(statement.opening.amount).toBe(0);
    expect(statement.lines.map((line) => [line.kind, line.amount.amount, line.balanceAfter.amount, line.dealId])).toEqual([
      ['FEE_RELEASE', 400_000, 400_000, deal.dealId],
      ['FEE_RELEASE', 400_000, 800_000, deal.dealId],
    ]);
    expect(statement.closing.amount).toBe(800_000);
    const csv = statement.csv.trim().split('\r\n');
    expect(csv[0]).toBe('posted_at,entry_id,kind,memo,deal_id,currency,amount_minor,balance_after_minor');
    expect(csv.at(-1)).toBe(',,CLOSING,,,CNY,,800000');

    const brandStatement = (await read(deal.brand.owner, deal.brand.brandId)).data!.ledgerStatement!;
    expect(brandStatement.lines.map((line) => line.kind)).toEqual(['DEPOSIT', 'DEAL_FUNDING']);
    expect(brandStatement.closing.amount).toBe(FUNDED - 800_000);

    expect((await read(deal.brand.owner, deal.talent.id)).data!.ledgerStatement).toBeNull();
    const tooLong = await server.graphql(
      LedgerStatementDocument,
      { input: { ownerId: deal.talent.id, currency: 'CNY', from: '2024-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' } },
      { token: deal.talent.actor.token },
    );
    expect(tooLong.errors?.[0]?.extensions?.code).toBeDefined();
  });
});

describe('the database', () => {
  it('refuses an entry that does not balance, and never lets an entry or line change or disappear', async () => {
    await createDeal(server);
    const [line] = await server.sql<{ id: string; entry_id: string }>('select id, entry_id from ledger_line limit 1');
    await expect(server.sql('update ledger_line set amount = amount + 1 where id = ?', [line!.id])).rejects.toThrow(/append-only/);
    await expect(server.sql('delete from ledger_entry where id = ?', [line!.entry_id])).rejects.toThrow(/append-only/);
    const [account] = await server.sql<{ id: string; currency: string }>(`select id, currency from ledger_account where kind = 'BANK' limit 1`);
    await expect(
      server.sql(
        `with entry as (insert into ledger_entry (id, kind, idempotency_key, cause_type, cause_id, memo) values (gen_random_uuid(), 'DEPOSIT', 'forged', 'deal', gen_random_uuid(), 'forged') returning id)
         insert into ledger_line (entry_id, account_id, currency, amount) select id, ?, ?, 100 from entry`,
        [account!.id, account!.currency],
      ),
    ).rejects.toThrow(/at least two|does not balance/);
    await expectLedgerOk();
  });
});

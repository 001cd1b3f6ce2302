import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeSettlement } from '../deal/settlement/settlement.js';
import { account, type AccountRef, feeRelease, isBalanced, mayGoNegative, type PostingLine, releaseLines, settlementLines, splitLines, transfer } from './postings.js';

const key = (ref: AccountRef) => `${ref.kind}:${JSON.stringify(ref.owner)}`;

/** A ledger in memory that, like LedgerService.post, refuses a posting that would overdraw an account. */
class MemoryLedger {
  readonly balances = new Map<string, number>();
  readonly kinds = new Map<string, AccountRef['kind']>();

  balance(ref: AccountRef): number {
    return this.balances.get(key(ref)) ?? 0;
  }

  post(lines: PostingLine[]): boolean {
    expect(isBalanced(lines)).toBe(true);
    expect(lines.every((line) => line.amount !== 0)).toBe(true);
    const after = new Map<string, number>();
    for (const line of lines) after.set(key(line.account), (after.get(key(line.account)) ?? this.balance(line.account)) + line.amount);
    if (lines.some((line) => !mayGoNegative(line.account.kind) && after.get(key(line.account))! < 0)) return false;
    for (const line of lines) this.kinds.set(key(line.account), line.account.kind);
    for (const [name, value] of after) this.balances.set(name, value);
    return true;
  }

  /** All balances sum to zero: what came in from the bank equals what went out plus what is held. */
  total(): number {
    return [...this.balances.values()].reduce((sum, value) => sum + value, 0);
  }
}

describe('feeRelease', () => {
  it('releases floor(fee × approved ÷ live) in all, the rest at the last approval, never more than the fee', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 10_000 }), fc.boolean(), (fee, live, bp, hasAgency) => {
        let released = { talent: 0, agency: 0 };
        for (let approved = 1; approved <= live; approved += 1) {
          const escrow = fee - released.talent - released.agency;
          const step = feeRelease({ fixedFee: fee, live, approved, released, escrow, agencyShareBp: bp, hasAgency });
          expect(step.talent).toBeGreaterThanOrEqual(0);
          expect(step.agency).toBeGreaterThanOrEqual(0);
          released = { talent: released.talent + step.talent, agency: released.agency + step.agency };
          expect(released.talent + released.agency).toBe(Math.floor((fee * approved) / live));
          expect(released.agency).toBe(hasAgency ? Math.floor(((released.talent + released.agency) * bp) / 10_000) : 0);
        }
        expect(released.talent + released.agency).toBe(fee);
      }),
    );
  });

  it('never releases more than escrow holds', () => {
    expect(feeRelease({ fixedFee: 1000, live: 1, approved: 1, released: { talent: 0, agency: 0 }, escrow: 300, agencyShareBp: 0, hasAgency: false })).toEqual({ talent: 300, agency: 0 });
  });
});

describe('settlementLines', () => {
  it('pays the talent creatorNet, the agency agencyShare and the platform its fee, counting earlier releases, and balances', () => {
    fc.assert(
      fc.property(
        fc.record({
          fee: fc.integer({ min: 0, max: 5_000_000 }),
          commissionBp: fc.integer({ min: 0, max: 10_000 }),
          agencyShareBp: fc.integer({ min: 0, max: 10_000 }),
          platformFeeBp: fc.integer({ min: 0, max: 10_000 }),
          guarantee: fc.option(fc.integer({ min: 1, max: 20_000_000 }), { nil: null }),
          gmv: fc.integer({ min: 0, max: 20_000_000 }),
          hasAgency: fc.boolean(),
          live: fc.integer({ min: 1, max: 5 }),
          approvedBefore: fc.integer({ min: 0, max: 5 }),
        }),
        (input) => {
          const breakdown = computeSettlement({
            terms: {
              currency: 'CNY',
              fixedFee: input.fee,
              commissionBp: input.commissionBp,
              gmvGuarantee: input.guarantee,
              agencyShareBp: input.agencyShareBp,
              platformFeeBp: input.platformFeeBp,
              refundWindowDays: 7,
            },
            sales: [{ gmv: input.gmv, refunds: [] }],
            hasAgency: input.hasAgency,
          });
          const ledger = new MemoryLedger();
          const talent = { creatorId: 't' };
          const agencyId = input.hasAgency ? 'a' : null;
          const deposit = breakdown.brandTotalCost + input.fee;
          ledger.post(transfer(account.bank(), account.brand('b'), deposit));
          if (input.fee > 0) expect(ledger.post(transfer(account.brand('b'), account.escrow('d'), input.fee))).toBe(true);
          // Releases happen only without a guarantee, as DealMoney does.
          let released = { talent: 0, agency: 0 };
          if (input.guarantee === null) {
            for (let approved = 1; approved <= Math.min(input.approvedBefore, input.live); approved += 1) {
              const step = feeRelease({ fixedFee: input.fee, live: input.live, approved, released, escrow: ledger.balance(account.escrow('d')), agencyShareBp: input.agencyShareBp, hasAgency: input.hasAgency });
              const lines = releaseLines('d', talent, agencyId, step);
              if (lines.length) expect(ledger.post(lines)).toBe(true);
              released = { talent: released.talent + step.talent, agency: released.agency + step.agency };
            }
          }
          const lines = settlementLines({ dealId: 'd', brandId: 'b', talent, agencyId, breakdown, escrow: ledger.balance(account.escrow('d')), released });
          expect(isBalanced(lines)).toBe(true);
          expect(ledger.post(lines)).toBe(true);
          expect(ledger.balance(account.escrow('d'))).toBe(0);
          expect(ledger.balance(account.talent(talent))).toBe(breakdown.creatorNet);
          expect(ledger.balance(account.agency('a'))).toBe(breakdown.agencyShare);
          expect(ledger.balance(account.platform())).toBe(breakdown.platformFee);
          expect(ledger.balance(account.brand('b'))).toBe(deposit - breakdown.brandTotalCost);
          expect(ledger.total()).toBe(0);
        },
      ),
    );
  });
});

describe('random sequences of deal events', () => {
  const event = fc.oneof(
    fc.record({ type: fc.constant('deposit' as const), amount: fc.integer({ min: 1, max: 2_000_000 }) }),
    fc.record({ type: fc.constant('start' as const), fee: fc.integer({ min: 0, max: 1_500_000 }), live: fc.integer({ min: 1, max: 4 }), bp: fc.integer({ min: 0, max: 5_000 }) }),
    fc.record({ type: fc.constant('approve' as const), deal: fc.nat() }),
    fc.record({ type: fc.constant('settle' as const), deal: fc.nat(), gmv: fc.integer({ min: 0, max: 5_000_000 }), commissionBp: fc.integer({ min: 0, max: 3_000 }) }),
    fc.record({ type: fc.constant('cancel' as const), deal: fc.nat() }),
    fc.record({ type: fc.constant('split' as const), deal: fc.nat(), share: fc.double({ min: 0, max: 1, noNaN: true }) }),
    fc.record({ type: fc.constant('payout' as const), amount: fc.integer({ min: 1, max: 1_000_000 }), outcome: fc.constantFrom('paid' as const, 'failed' as const) }),
  );

  it('keep every entry balanced, no account but the bank below zero, and money in equal to money out plus balances', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), (events) => {
        const ledger = new MemoryLedger();
        const talent = { creatorId: 't' };
        const deals: { id: string; fee: number; live: number; approved: number; bp: number; released: { talent: number; agency: number }; open: boolean }[] = [];
        let deposited = 0;
        let paidOut = 0;
        const openDeal = (index: number) => {
          const open = deals.filter((deal) => deal.open);
          return open.length ? open[index % open.length]! : null;
        };
        for (const step of events) {
          switch (step.type) {
            case 'deposit':
              ledger.post(transfer(account.bank(), account.brand('b'), step.amount));
              deposited += step.amount;
              break;
            case 'start': {
              const id = `d${deals.length}`;
              const funded = step.fee === 0 || ledger.post(transfer(account.brand('b'), account.escrow(id), step.fee));
              if (funded) deals.push({ id, fee: step.fee, live: step.live, approved: 0, bp: step.bp, released: { talent: 0, agency: 0 }, open: true });
              break;
            }
            case 'approve': {
              const deal = openDeal(step.deal);
              if (!deal || deal.approved >= deal.live) break;
              deal.approved += 1;
              const release = feeRelease({ fixedFee: deal.fee, live: deal.live, approved: deal.approved, released: deal.released, escrow: ledger.balance(account.escrow(deal.id)), agencyShareBp: deal.bp, hasAgency: true });
              const lines = releaseLines(deal.id, talent, 'a', release);
              if (lines.length) expect(ledger.post(lines)).toBe(true);
              deal.released = { talent: deal.released.talent + release.talent, agency: deal.released.agency + release.agency };
              break;
            }
            case 'settle': {
              const deal = openDeal(step.deal);
              if (!deal) break;
              const breakdown = computeSettlement({
                terms: { currency: 'CNY', fixedFee: deal.fee, commissionBp: step.commissionBp, agencyShareBp: deal.bp, platformFeeBp: 500, refundWindowDays: 7 },
                sales: [{ gmv: step.gmv, refunds: [] }],
                hasAgency: true,
              });
              const lines = settlementLines({ dealId: deal.id, brandId: 'b', talent, agencyId: 'a', breakdown, escrow: ledger.balance(account.escrow(deal.id)), released: deal.released });
              if (ledger.post(lines)) deal.open = false;
              break;
            }
            case 'cancel': {
              const deal = openDeal(step.deal);
              if (!deal) break;
              const escrow = ledger.balance(account.escrow(deal.id));
              if (escrow > 0) expect(ledger.post(transfer(account.escrow(deal.id), account.brand('b'), escrow))).toBe(true);
              deal.open = false;
              break;
            }
            case 'split': {
              const deal = openDeal(step.deal);
              if (!deal) break;
              const escrow = ledger.balance(account.escrow(deal.id));
              const lines = splitLines({ dealId: deal.id, brandId: 'b', talent, agencyId: 'a', agencyShareBp: deal.bp, escrow, toTalent: Math.floor(escrow * step.share) });
              if (lines.length) expect(ledger.post(lines)).toBe(true);
              deal.open = false;
              break;
            }
            case 'payout': {
              if (!ledger.post(transfer(account.talent(talent), account.inTransit(talent), step.amount))) break;
              if (step.outcome === 'paid') {
                expect(ledger.post(transfer(account.inTransit(talent), account.bank(), step.amount))).toBe(true);
                paidOut += step.amount;
              } else {
                expect(ledger.post(transfer(account.inTransit(talent), account.talent(talent), step.amount))).toBe(true);
              }
              break;
            }
          }
          for (const [name, value] of ledger.balances) if (!mayGoNegative(ledger.kinds.get(name)!)) expect(value, name).toBeGreaterThanOrEqual(0);
          const held = [...ledger.balances].filter(([name]) => !mayGoNegative(ledger.kinds.get(name)!)).reduce((sum, [, value]) => sum + value, 0);
          expect(deposited).toBe(paidOut + held);
          expect(ledger.total()).toBe(0);
        }
        for (const deal of deals.filter((candidate) => !candidate.open)) expect(ledger.balance(account.escrow(deal.id))).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});

import { defineModule } from '../common/module.js';
import type { AppConfig } from '../config/env.js';
import { LedgerAccount, LedgerDeposit, LedgerEntry, LedgerLine, Payout, PayoutBatch, PayoutDetails } from './ledger.entity.js';
import { LedgerProblem } from './ledger.problems.js';
import { LedgerResolver, PayoutResolver } from './ledger.resolver.js';
import { LedgerService } from './ledger.service.js';
import { PayoutService } from './payout.service.js';

export { LedgerService, type LedgerCheck } from './ledger.service.js';
export { PayoutService } from './payout.service.js';
export type { PaymentProvider } from './payment-provider.js';

/**
 * Money: a double-entry ledger in PostgreSQL (accounts, append-only balanced entries), deposits an
 * admin confirms against a bank reference, and payouts. Other modules move money only through
 * `LedgerService.post`, inside the unit of work of the state change that justifies it.
 */
export const ledgerModule = defineModule({
  name: 'ledger',
  entities: [LedgerAccount, LedgerEntry, LedgerLine, LedgerDeposit, PayoutDetails, PayoutBatch, Payout],
  resolvers: [LedgerResolver, PayoutResolver],
  problems: [LedgerProblem],
  createServices: ({ config }: { config: AppConfig }) => {
    const ledger = new LedgerService();
    return { ledger, payouts: new PayoutService(ledger, config.UNCLAIMED_RETURN_DAYS) };
  },
  jobs: [{ name: 'unclaimed earnings returned to brands', run: ({ payouts }, context) => payouts.returnUnclaimed(context) }],
});

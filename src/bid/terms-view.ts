import type { CurrencyCode } from '../common/money.js';
import type { DeliverableTerm } from './bid.entity.js';
import type { DeliverableType } from './deliverable.types.js';

/** What a bid revision and a deal's terms have in common, as stored. */
export interface StoredTerms {
  currency: string;
  fixedFee: number;
  commissionBp: number;
  gmvGuarantee?: number | null;
  deliverables: DeliverableTerm[];
}

/** Those common terms as the API shows them: amounts as Money in the terms' currency, due dates as dates. */
export function commonTermsView(terms: StoredTerms) {
  const currency = terms.currency as CurrencyCode;
  return {
    currency,
    fixedFee: { amount: terms.fixedFee, currency },
    commissionBp: terms.commissionBp,
    gmvGuarantee: terms.gmvGuarantee == null ? null : { amount: terms.gmvGuarantee, currency },
    deliverables: terms.deliverables.map((deliverable) => ({ ...deliverable, dueAt: new Date(deliverable.dueAt) })) as DeliverableType[],
  };
}

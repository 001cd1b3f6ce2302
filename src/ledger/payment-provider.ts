import type { Money } from '../common/money.js';

/**
 * The port a payment provider (WeChat Pay, Alipay, Stripe) plugs into. None is wired today: brands
 * top up by bank transfer, which an admin confirms against its reference (`ledgerDepositConfirm`),
 * and payouts are bank transfers an admin marks paid. An adapter implements this interface and
 * reports what the provider confirmed; the ledger then posts exactly what it posts for a
 * confirmed bank transfer, keyed by the provider's own reference, so a webhook delivered twice
 * tops a balance up once. See docs/ledger.md for the contract in full.
 */
export interface PaymentProvider {
  /** The provider's name as recorded with every reference it issues, e.g. "wechat-pay". */
  readonly name: string;

  /**
   * Starts a top-up of a brand's balance: the provider returns where the brand pays (a QR code or
   * checkout URL) and the reference it will confirm the payment with. Nothing is posted yet.
   */
  createTopUp(request: { brandId: string; amount: Money; idempotencyKey: string }): Promise<{ providerReference: string; payUrl: string }>;

  /**
   * Checks a notification the provider sent (its signature, and that it is the provider's) and
   * says what it confirms; null when it is not authentic or confirms nothing. Only a confirmed
   * payment becomes a deposit.
   */
  verifyNotification(headers: Readonly<Record<string, string>>, body: string): Promise<{ providerReference: string; amount: Money; status: 'SUCCEEDED' | 'FAILED' } | null>;

  /**
   * Sends a payout the ledger already moved into transit; the provider's answer later marks it
   * paid (with its reference) or failed (the money returns to the payee's balance).
   */
  sendPayout(request: { payoutId: string; amount: Money; accountName: string; bankName: string; accountNumber: string }): Promise<{ providerReference: string }>;
}

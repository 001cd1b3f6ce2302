import { z } from 'zod';

/** Currencies the marketplace settles in; each has two decimal places (minor unit = 1/100). */
export const CurrencyCode = {
  CNY: 'CNY',
  HKD: 'HKD',
  USD: 'USD',
  EUR: 'EUR',
  GBP: 'GBP',
  SGD: 'SGD',
} as const;
export type CurrencyCode = (typeof CurrencyCode)[keyof typeof CurrencyCode];

/** An amount in integer minor units (fen, cents) and its currency. Never a float. */
export interface Money {
  amount: number;
  currency: CurrencyCode;
}

/** 100 million in major units: far above any real slot fee, far below 2^53. */
export const MAX_MONEY_AMOUNT = 10_000_000_000;

export const moneySchema = z.object({
  amount: z
    .number()
    .int('must be a whole number of minor units')
    .min(0, 'must not be negative')
    .max(MAX_MONEY_AMOUNT, `must be at most ${MAX_MONEY_AMOUNT} minor units`),
  currency: z.enum(CurrencyCode),
});

export const basisPointsSchema = z
  .number()
  .int('must be a whole number of basis points')
  .min(0, 'must be at least 0 bp')
  .max(10_000, 'must be at most 10000 bp (100 %)');

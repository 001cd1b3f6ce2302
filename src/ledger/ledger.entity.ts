import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import { User } from '../account/account.entity.js';
import { Agency } from '../agency/agency.entity.js';
import { Brand } from '../brand/brand.entity.js';
import { Creator } from '../creator/creator.entity.js';
import { Deal } from '../deal/deal.entity.js';
import { Trader } from '../trader/trader.entity.js';
import { AccountKind, EntryKind } from './postings.js';

/**
 * The ledger's tables (migration 20261208010000). Accounts, entries and lines are written only by
 * `LedgerService.post`, in SQL, so that the database's triggers see every line; the entities are
 * here for reads and for the ORM to know the tables.
 */
const LedgerAccountSchema = defineEntity({
  name: 'LedgerAccount',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    kind: p.enum(() => AccountKind),
    brand: () => p.manyToOne(Brand).ref().nullable(),
    deal: () => p.manyToOne(Deal).ref().nullable(),
    creator: () => p.manyToOne(Creator).ref().nullable(),
    trader: () => p.manyToOne(Trader).ref().nullable(),
    agency: () => p.manyToOne(Agency).ref().nullable(),
    currency: p.string().length(3),
    /** Cached: the sum of the account's lines, moved by a trigger with each line; `ledger:check` recomputes it. */
    balance: p.bigint('number').default(0),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export class LedgerAccount extends LedgerAccountSchema.class {}
LedgerAccountSchema.setClass(LedgerAccount);

const LedgerEntrySchema = defineEntity({
  name: 'LedgerEntry',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    kind: p.enum(() => EntryKind),
    /** Derived from what caused the entry, so the same movement can never be posted twice. */
    idempotencyKey: p.text().unique(),
    /** The table and row whose change justified the entry. */
    causeType: p.text(),
    causeId: p.uuid(),
    deal: () => p.manyToOne(Deal).ref().nullable(),
    memo: p.text(),
    createdBy: () => p.manyToOne(User).ref().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export class LedgerEntry extends LedgerEntrySchema.class {}
LedgerEntrySchema.setClass(LedgerEntry);

const LedgerLineSchema = defineEntity({
  name: 'LedgerLine',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    entry: () => p.manyToOne(LedgerEntry).ref(),
    account: () => p.manyToOne(LedgerAccount).ref(),
    currency: p.string().length(3),
    /** Positive: into the account; negative: out of it. */
    amount: p.bigint('number'),
  },
});
export class LedgerLine extends LedgerLineSchema.class {}
LedgerLineSchema.setClass(LedgerLine);

/** Money a brand sent by bank transfer, confirmed by an admin against the transfer's reference. */
const LedgerDepositSchema = defineEntity({
  name: 'LedgerDeposit',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    brand: () => p.manyToOne(Brand).ref(),
    currency: p.string().length(3),
    amount: p.bigint('number'),
    /** Unique: one bank transfer tops a balance up once. */
    bankReference: p.text().unique(),
    note: p.text().nullable(),
    confirmedBy: () => p.manyToOne(User).ref(),
    confirmedAt: p.datetime().onCreate(() => new Date()),
  },
});
export class LedgerDeposit extends LedgerDepositSchema.class {}
LedgerDepositSchema.setClass(LedgerDeposit);

/** Where a payee's money goes: a bank account. */
const PayoutDetailsSchema = defineEntity({
  name: 'PayoutDetails',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    creator: () => p.manyToOne(Creator).ref().nullable(),
    trader: () => p.manyToOne(Trader).ref().nullable(),
    agency: () => p.manyToOne(Agency).ref().nullable(),
    accountName: p.text(),
    bankName: p.text(),
    accountNumber: p.text(),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});
export class PayoutDetails extends PayoutDetailsSchema.class {}
PayoutDetailsSchema.setClass(PayoutDetails);

const PayoutBatchSchema = defineEntity({
  name: 'PayoutBatch',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    currency: p.string().length(3),
    createdBy: () => p.manyToOne(User).ref(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export class PayoutBatch extends PayoutBatchSchema.class {}
PayoutBatchSchema.setClass(PayoutBatch);

export const PayoutStatus = { REQUESTED: 'REQUESTED', PROCESSING: 'PROCESSING', PAID: 'PAID', FAILED: 'FAILED' } as const;
export type PayoutStatus = (typeof PayoutStatus)[keyof typeof PayoutStatus];

/** A payee's request to be paid what is available, and its way through a bank transfer. */
const PayoutSchema = defineEntity({
  name: 'Payout',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    creator: () => p.manyToOne(Creator).ref().nullable(),
    trader: () => p.manyToOne(Trader).ref().nullable(),
    agency: () => p.manyToOne(Agency).ref().nullable(),
    currency: p.string().length(3),
    amount: p.bigint('number'),
    status: p.enum(() => PayoutStatus).default(PayoutStatus.REQUESTED),
    /** The payout details as they were when it was requested: a later change does not redirect it. */
    accountName: p.text(),
    bankName: p.text(),
    accountNumber: p.text(),
    batch: () => p.manyToOne(PayoutBatch).ref().nullable(),
    bankReference: p.text().nullable().unique(),
    failureReason: p.text().nullable(),
    requestedBy: () => p.manyToOne(User).ref(),
    requestedAt: p.datetime().onCreate(() => new Date()),
    processingAt: p.datetime().nullable(),
    paidAt: p.datetime().nullable(),
    failedAt: p.datetime().nullable(),
  },
});
export class Payout extends PayoutSchema.class {}
PayoutSchema.setClass(Payout);

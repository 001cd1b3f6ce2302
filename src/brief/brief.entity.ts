import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import { User } from '../account/account.entity.js';
import { Agency } from '../agency/agency.entity.js';
import { Brand } from '../brand/brand.entity.js';
import { Product } from '../brand/product.entity.js';
import { SearchVectorType } from '../db/search-vector-type.js';
import { Creator } from '../creator/creator.entity.js';
import { Trader } from '../trader/trader.entity.js';

/** What the brand wants: content that plants purchase intent, a live sale, or its own operated stream. */
export const BriefObjective = {
  SEEDING_CONTENT: 'SEEDING_CONTENT',
  LIVE_SALE: 'LIVE_SALE',
  OPERATED_SELF_BROADCAST: 'OPERATED_SELF_BROADCAST',
} as const;
export type BriefObjective = (typeof BriefObjective)[keyof typeof BriefObjective];

export const BriefStatus = {
  DRAFT: 'DRAFT',
  OPEN: 'OPEN',
  CLOSED: 'CLOSED',
  AWARDED: 'AWARDED',
  CANCELLED: 'CANCELLED',
} as const;
export type BriefStatus = (typeof BriefStatus)[keyof typeof BriefStatus];

/** OPEN: bidders see how many bids there are and the range of fees. SEALED: only the count. */
export const BiddingMode = { OPEN: 'OPEN', SEALED: 'SEALED' } as const;
export type BiddingMode = (typeof BiddingMode)[keyof typeof BiddingMode];

export const BriefVisibility = { PUBLIC: 'PUBLIC', INVITE_ONLY: 'INVITE_ONLY' } as const;
export type BriefVisibility = (typeof BriefVisibility)[keyof typeof BriefVisibility];

/** How the brand prefers to pay: a slot fee, a commission on net GMV, or both. */
export const DealStructure = { FIXED_FEE: 'FIXED_FEE', COMMISSION: 'COMMISSION', HYBRID: 'HYBRID' } as const;
export type DealStructure = (typeof DealStructure)[keyof typeof DealStructure];

/** Whether the brand wants bidders to guarantee GMV (with a pro-rata refund of the fee if missed). */
export const GmvGuaranteePreference = { REQUIRED: 'REQUIRED', WELCOME: 'WELCOME', NOT_WANTED: 'NOT_WANTED' } as const;
export type GmvGuaranteePreference = (typeof GmvGuaranteePreference)[keyof typeof GmvGuaranteePreference];

export const TargetGender = { ANY: 'ANY', FEMALE: 'FEMALE', MALE: 'MALE' } as const;
export type TargetGender = (typeof TargetGender)[keyof typeof TargetGender];

function briefSearchTexts(brief: { title: string; description: string; nicheTags: string[] }) {
  return { A: brief.title, B: brief.description, C: brief.nicheTags.join(' ') };
}

const BriefSchema = defineEntity({
  name: 'Brief',
  checks: [
    { name: 'brief_slots_not_overfilled', expression: 'slots_filled <= slots' },
    { name: 'brief_required_capabilities_only_for_self_broadcast', expression: "required_capabilities = '{}' or objective = 'OPERATED_SELF_BROADCAST'" },
    {
      name: 'brief_status_dates',
      expression:
        "(status <> 'DRAFT' or published_at is null) and (status not in ('OPEN', 'CLOSED', 'AWARDED') or published_at is not null)",
    },
  ],
  indexes: [
    { properties: ['status', 'deadline'] },
    { properties: ['platforms'], type: 'gin' },
    { properties: ['nicheTags'], type: 'gin' },
    { properties: ['verticalSlugs'], type: 'gin' },
    { properties: ['searchVector'], type: 'fulltext' },
  ],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    brand: () => p.manyToOne(Brand).ref().index(),
    createdBy: () => p.manyToOne(User).ref(),
    title: p.string().length(160),
    description: p.text().default(''),
    objective: p.enum(() => BriefObjective),
    products: () => p.manyToMany(Product).pivotTable('brief_product').owner(),
    /** The products' verticals and tags, copied when the brief is saved, for indexed search. */
    verticalSlugs: p.array().default([]),
    nicheTags: p.array().default([]),
    formats: p.array().default([]),
    platforms: p.array().default([]),
    targetGender: p.enum(() => TargetGender).default(TargetGender.ANY),
    targetAgeBands: p.array().default([]),
    targetRegions: p.array().default([]),
    /** Credential types the brief asks for itself; the products' own requirements apply too. */
    requiredCredentials: p.array().default([]),
    /** What an operated self-broadcast needs its operator to run; empty means end to end. Other briefs keep it empty. */
    requiredCapabilities: p.array().default([]),
    minCredibilityLevel: p.smallint().default(1).check('min_credibility_level between 1 and 5'),
    budgetAmount: p.bigint('number').check('budget_amount >= 0'),
    budgetCurrency: p.string().length(3),
    preferredStructures: p.array().default([]),
    gmvGuarantee: p.enum(() => GmvGuaranteePreference).default(GmvGuaranteePreference.WELCOME),
    slots: p.integer().check('slots between 1 and 100'),
    slotsFilled: p.integer().default(0).check('slots_filled >= 0'),
    biddingMode: p.enum(() => BiddingMode).default(BiddingMode.OPEN),
    visibility: p.enum(() => BriefVisibility).default(BriefVisibility.PUBLIC),
    deadline: p.datetime(),
    status: p.enum(() => BriefStatus).default(BriefStatus.DRAFT),
    publishedAt: p.datetime().nullable(),
    closedAt: p.datetime().nullable(),
    awardedAt: p.datetime().nullable(),
    cancelledAt: p.datetime().nullable(),
    /** What the brand told bidders when it cancelled. */
    cancellationReason: p.text().nullable(),
    /** Title (weight A), description (B) and niche tags (C), cut into words by search-text.ts; never read back. */
    searchVector: p.type(new SearchVectorType()).lazy().nullable().onCreate(briefSearchTexts).onUpdate(briefSearchTexts),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
    /** The inverse side only (no column): lets visibility conditions ask "is anyone of these invited?". */
    invitations: () => p.oneToMany(BriefInvitation).mappedBy('brief'),
  },
});
export class Brief extends BriefSchema.class {}
BriefSchema.setClass(Brief);

/** Who may bid on an INVITE_ONLY brief: a creator, an operator, or an agency for its roster. */
const BriefInvitationSchema = defineEntity({
  name: 'BriefInvitation',
  checks: [
    {
      name: 'brief_invitation_one_invitee',
      expression: 'num_nonnulls(creator_id, trader_id, agency_id) = 1',
    },
  ],
  uniques: [
    { properties: ['brief', 'creator'] },
    { properties: ['brief', 'trader'] },
    { properties: ['brief', 'agency'] },
  ],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    brief: () => p.manyToOne(Brief).ref().deleteRule('cascade'),
    creator: () => p.manyToOne(Creator).ref().nullable().deleteRule('cascade').index(),
    trader: () => p.manyToOne(Trader).ref().nullable().deleteRule('cascade').index(),
    agency: () => p.manyToOne(Agency).ref().nullable().deleteRule('cascade').index(),
    invitedBy: () => p.manyToOne(User).ref(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export class BriefInvitation extends BriefInvitationSchema.class {}
BriefInvitationSchema.setClass(BriefInvitation);

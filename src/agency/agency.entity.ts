import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import { User } from '../account/account.entity.js';
import { MemberRole } from '../brand/brand.entity.js';
import { Creator } from '../creator/creator.entity.js';
import { Trader } from '../trader/trader.entity.js';

const AgencySchema = defineEntity({
  name: 'Agency',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    name: p.string().length(120),
    description: p.text().default(''),
    /** The agency's usual share of what its roster earns, in basis points; each member may differ. */
    defaultShareBp: p.integer().default(1500).check('default_share_bp between 0 and 10000'),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
    members: () => p.oneToMany(AgencyMember).mappedBy('agency'),
  },
});
export class Agency extends AgencySchema.class {}
AgencySchema.setClass(Agency);

const AgencyMemberSchema = defineEntity({
  name: 'AgencyMember',
  uniques: [{ properties: ['agency', 'user'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    agency: () => p.manyToOne(Agency).ref().deleteRule('cascade'),
    user: () => p.manyToOne(User).ref().deleteRule('cascade').index(),
    role: p.enum(() => MemberRole),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export class AgencyMember extends AgencyMemberSchema.class {}
AgencyMemberSchema.setClass(AgencyMember);

/** INVITED → ACTIVE (accepted) or DECLINED; ACTIVE → ENDED. */
export const RosterStatus = {
  INVITED: 'INVITED',
  ACTIVE: 'ACTIVE',
  DECLINED: 'DECLINED',
  ENDED: 'ENDED',
} as const;
export type RosterStatus = (typeof RosterStatus)[keyof typeof RosterStatus];

/**
 * A creator's or operator's place on an agency's roster. It starts as an invitation and counts
 * only once the talent accepts it.
 */
const RosterMembershipSchema = defineEntity({
  name: 'RosterMembership',
  checks: [
    { name: 'roster_membership_one_talent', expression: '(creator_id is null) <> (trader_id is null)' },
  ],
  indexes: [{ properties: ['agency', 'status'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    agency: () => p.manyToOne(Agency).ref().deleteRule('cascade'),
    creator: () => p.manyToOne(Creator).ref().nullable().deleteRule('cascade').index(),
    trader: () => p.manyToOne(Trader).ref().nullable().deleteRule('cascade').index(),
    status: p.enum(() => RosterStatus).default(RosterStatus.INVITED),
    shareBp: p.integer().check('share_bp between 0 and 10000'),
    invitedBy: () => p.manyToOne(User).ref(),
    createdAt: p.datetime().onCreate(() => new Date()),
    respondedAt: p.datetime().nullable(),
    endedAt: p.datetime().nullable(),
  },
});
export class RosterMembership extends RosterMembershipSchema.class {}
RosterMembershipSchema.setClass(RosterMembership);

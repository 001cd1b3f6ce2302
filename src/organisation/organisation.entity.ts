import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import { User } from '../account/account.entity.js';
import { Agency } from '../agency/agency.entity.js';
import { Brand, MemberRole } from '../brand/brand.entity.js';

/** INVITED → ACCEPTED or DECLINED (by the invitee), or REVOKED (by an owner). Answered invitations stay closed. */
export const InvitationStatus = {
  INVITED: 'INVITED',
  ACCEPTED: 'ACCEPTED',
  DECLINED: 'DECLINED',
  REVOKED: 'REVOKED',
} as const;
export type InvitationStatus = (typeof InvitationStatus)[keyof typeof InvitationStatus];

/**
 * An owner's offer of a place in a brand or an agency, addressed to an email rather than to an
 * account: whoever signs in with that email may accept it, so inviting never tells the owner
 * whether the email has an account, and nobody becomes a member without saying yes.
 */
const OrganisationInvitationSchema = defineEntity({
  name: 'OrganisationInvitation',
  checks: [
    { name: 'organisation_invitation_one_organisation', expression: '(brand_id is null) <> (agency_id is null)' },
    { name: 'organisation_invitation_email_lower', expression: 'email = lower(email)' },
    { name: 'organisation_invitation_responded', expression: "(status = 'INVITED') = (responded_at is null)" },
  ],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    brand: () => p.manyToOne(Brand).ref().nullable().deleteRule('cascade'),
    agency: () => p.manyToOne(Agency).ref().nullable().deleteRule('cascade'),
    /** Lower-cased, like account emails, so the invitee's account matches it exactly. */
    email: p.string().length(254),
    role: p.enum(() => MemberRole),
    status: p.enum(() => InvitationStatus).default(InvitationStatus.INVITED),
    invitedBy: () => p.manyToOne(User).ref(),
    createdAt: p.datetime().onCreate(() => new Date()),
    /** When the invitation was accepted, declined or revoked; null while it is open. */
    respondedAt: p.datetime().nullable(),
  },
});
export class OrganisationInvitation extends OrganisationInvitationSchema.class {}
OrganisationInvitationSchema.setClass(OrganisationInvitation);

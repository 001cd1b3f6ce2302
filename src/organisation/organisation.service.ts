import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../account/account.entity.js';
import type { Viewer } from '../auth/viewer.js';
import { MemberRole } from '../brand/brand.entity.js';
import { AccessDenied, parseInput, Problem, ProblemCode } from '../common/problems.js';
import type { ServiceContext } from '../common/service-context.js';
import { InvitationStatus, OrganisationInvitation } from './organisation.entity.js';
import type { OrganisationKind } from './organisation-membership.js';
import { memberInviteSchema, type MemberInviteValues } from './organisation.inputs.js';
import { OrganisationProblem } from './organisation.problems.js';
import { InvitationAction, invitationTransitions } from './organisation.transitions.js';
import { flushOrProblem } from '../db/flush.js';

/** What the invitations need of an organisation's membership rules (see OrganisationMembership). */
export interface InvitingOrganisation {
  find(em: EntityManager, organisationId: string | null, field: (string | number)[]): Promise<{ id: string }>;
  requireOwner(em: EntityManager, viewer: Viewer | null, organisation: { id: string }): Promise<Viewer>;
  roleOf(em: EntityManager, organisationId: string, userId: string): Promise<MemberRole | null>;
  hasMemberWithEmail(em: EntityManager, organisation: { id: string }, email: string): Promise<boolean>;
  addMember(em: EntityManager, organisation: { id: string }, userId: string, role: MemberRole, field: (string | number)[]): Promise<unknown>;
}

const INVITATION_ORDER = { createdAt: 'desc', id: 'desc' } as const;

/** How the viewer stands towards one invitation. */
interface Standing {
  /** The viewer signs in with the invited email. */
  isInvitee: boolean;
  /** The viewer's role in the inviting organisation, or null. */
  role: MemberRole | null;
}

/**
 * Invitations to act for a brand or an agency. An owner invites an email; the answer is the same
 * whether or not an account has that email, so inviting reveals nothing about who is signed up.
 * Only the person who signs in with that email sees the invitation outside the organisation, and
 * only they can accept it, which is the one way to become a member of someone else's organisation.
 */
export class OrganisationInvitationService {
  constructor(private readonly organisations: Readonly<Record<OrganisationKind, InvitingOrganisation>>) {}

  async invite(
    { em, viewer }: ServiceContext,
    kind: OrganisationKind,
    organisationId: string | null,
    input: MemberInviteValues,
  ): Promise<{ invitation: OrganisationInvitation }> {
    const organisations = this.organisations[kind];
    const organisation = await organisations.find(em, organisationId, [`${kind}Id`]);
    const owner = await organisations.requireOwner(em, viewer, organisation);
    const { email, role } = parseInput(memberInviteSchema, input);
    // Says something only about the owner's own organisation, whose members they already manage.
    if (await organisations.hasMemberWithEmail(em, organisation, email)) {
      throw Problem.of(OrganisationProblem.ALREADY_MEMBER, `Someone with that email is already a member of this ${kind}.`, ['input', 'email']);
    }
    const open = { [kind]: organisation.id, email, status: InvitationStatus.INVITED };
    if (await em.count(OrganisationInvitation, open)) throw alreadyInvited(kind);

    const invitation = em.create(OrganisationInvitation, { [kind]: organisation.id, email, role, invitedBy: owner.userId });
    await flushOrProblem(em, () => alreadyInvited(kind));
    return { invitation };
  }

  /** Makes the invitee a member with the invited role. Two accepts at once run one after the other; the second finds it answered. */
  async accept(context: ServiceContext, invitationId: string | null): Promise<{ invitation: OrganisationInvitation }> {
    const { invitation, viewer } = await this.lockAsInvitee(context, invitationId, InvitationAction.ACCEPT);
    const kind = kindOf(invitation);
    const organisations = this.organisations[kind];
    const organisation = await organisations.find(context.em, organisationIdOf(invitation), ['id']);
    await organisations.addMember(context.em, organisation, viewer.userId, invitation.role, ['id']);
    return { invitation: await close(context.em, invitation, InvitationAction.ACCEPT) };
  }

  async decline(context: ServiceContext, invitationId: string | null): Promise<{ invitation: OrganisationInvitation }> {
    const { invitation } = await this.lockAsInvitee(context, invitationId, InvitationAction.DECLINE);
    return { invitation: await close(context.em, invitation, InvitationAction.DECLINE) };
  }

  /** Withdraws an open invitation. Owners of the inviting organisation only. */
  async revoke(context: ServiceContext, invitationId: string | null): Promise<{ invitation: OrganisationInvitation }> {
    const invitation = await lock(context.em, invitationId);
    const standing = invitation && (await this.standingOf(context, invitation));
    if (!invitation || !standing || !canSee(standing)) throw Problem.notFound('invitation', ['id']);
    if (standing.role !== MemberRole.OWNER) throw new AccessDenied(`Only owners of the ${kindOf(invitation)} may revoke its invitations.`);
    return { invitation: await close(context.em, invitation, InvitationAction.REVOKE) };
  }

  /** The invitation, or null when it does not exist or the viewer may not see it: the two look alike. */
  async visibleById(context: ServiceContext, invitationId: string): Promise<OrganisationInvitation | null> {
    const invitation = await context.em.findOne(OrganisationInvitation, invitationId);
    const standing = invitation && (await this.standingOf(context, invitation));
    return invitation && standing && canSee(standing) ? invitation : null;
  }

  /** Open invitations addressed to the user's email, newest first; null for anyone but the user. */
  async openInvitationsOfUser({ em, viewer }: ServiceContext, user: User): Promise<OrganisationInvitation[] | null> {
    if (viewer?.userId !== user.id) return null;
    return em.find(OrganisationInvitation, { email: user.email, status: InvitationStatus.INVITED }, { orderBy: INVITATION_ORDER });
  }

  /**
   * For each organisation, its open invitations, newest first. One statement for the batch; the
   * caller decides who may see them (the organisation's members).
   */
  async openInvitationsOf(em: EntityManager, kind: OrganisationKind, organisationIds: readonly string[]): Promise<OrganisationInvitation[][]> {
    const invitations = await em.find(
      OrganisationInvitation,
      { [kind]: { $in: [...organisationIds] }, status: InvitationStatus.INVITED },
      { orderBy: INVITATION_ORDER },
    );
    const byOrganisation = new Map<string, OrganisationInvitation[]>();
    for (const invitation of invitations) {
      const organisationId = organisationIdOf(invitation);
      byOrganisation.set(organisationId, [...(byOrganisation.get(organisationId) ?? []), invitation]);
    }
    return organisationIds.map((organisationId) => byOrganisation.get(organisationId) ?? []);
  }

  /**
   * The invitation, locked for the rest of the transaction, for its invitee to answer. Members of
   * the organisation see it but may not answer it; to anyone else it does not exist.
   */
  private async lockAsInvitee(
    context: ServiceContext,
    invitationId: string | null,
    action: typeof InvitationAction.ACCEPT | typeof InvitationAction.DECLINE,
  ): Promise<{ invitation: OrganisationInvitation; viewer: Viewer }> {
    const invitation = await lock(context.em, invitationId);
    const standing = invitation && (await this.standingOf(context, invitation));
    if (!invitation || !standing || !canSee(standing) || !context.viewer) throw Problem.notFound('invitation', ['id']);
    if (!standing.isInvitee) throw new AccessDenied(`Only the person invited may ${action.toLowerCase()} an invitation.`);
    if (!invitationTransitions.next(invitation.status, action)) throw notPending();
    return { invitation, viewer: context.viewer };
  }

  private async standingOf({ em, viewer }: ServiceContext, invitation: OrganisationInvitation): Promise<Standing | null> {
    if (!viewer) return null;
    const user = await em.findOne(User, viewer.userId);
    return {
      isInvitee: user?.email === invitation.email,
      role: await this.organisations[kindOf(invitation)].roleOf(em, organisationIdOf(invitation), viewer.userId),
    };
  }
}

export function kindOf(invitation: OrganisationInvitation): OrganisationKind {
  return invitation.brand ? 'brand' : 'agency';
}

function organisationIdOf(invitation: OrganisationInvitation): string {
  return (invitation.brand ?? invitation.agency)!.id;
}

const canSee = (standing: Standing) => standing.isInvitee || standing.role !== null;

function lock(em: EntityManager, invitationId: string | null): Promise<OrganisationInvitation | null> {
  if (!invitationId) return Promise.resolve(null);
  return em.findOne(OrganisationInvitation, invitationId, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
}

async function close(em: EntityManager, invitation: OrganisationInvitation, action: InvitationAction): Promise<OrganisationInvitation> {
  const status = invitationTransitions.next(invitation.status, action);
  if (!status) throw notPending();
  Object.assign(invitation, { status, respondedAt: new Date() });
  await em.flush();
  return invitation;
}

function alreadyInvited(kind: OrganisationKind): Problem {
  return Problem.of(OrganisationProblem.ALREADY_INVITED, `That email already has an open invitation to this ${kind}; revoke it to invite again.`, ['input', 'email']);
}

function notPending(): Problem {
  return Problem.of(ProblemCode.INVITATION_NOT_PENDING, 'This invitation was already answered or revoked.', ['id']);
}

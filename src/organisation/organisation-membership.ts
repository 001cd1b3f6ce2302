import { type Collection, type Cursor, type EntityClass, type FilterQuery, LockMode, type Ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { User } from '../account/account.entity.js';
import type { Viewer } from '../auth/viewer.js';
import { MemberRole } from '../brand/brand.entity.js';
import { findPage, type PageRequest } from '../common/page.js';
import { AccessDenied, Problem, ProblemCode } from '../common/problems.js';
import type { ServiceContext } from '../common/service-context.js';
import { flushOrProblem } from '../db/flush.js';
import { OrganisationProblem } from './organisation.problems.js';

/**
 * The kinds of organisation people act for. Each name is also the property by which a member row
 * (BrandMember.brand, AgencyMember.agency) and an invitation point at their organisation.
 */
export type OrganisationKind = 'brand' | 'agency';

/** A person's place in an organisation: what BrandMember and AgencyMember have in common. */
export interface MemberEntity {
  id: string;
  user: Ref<User>;
  role: MemberRole;
  createdAt: Date;
}

/** What Brand and Agency have in common. */
export interface OrganisationEntity<Member extends MemberEntity> {
  id: string;
  name: string;
  members: Collection<Member>;
}

/** `%` and `_` in a search are literal characters, not wildcards. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);

/**
 * Membership rules shared by brands and agencies: who belongs, who may manage members, and the
 * invariant that an organisation keeps at least one owner. Each organisation's service holds one,
 * made for its own member entity; the services themselves keep only what is specific to them.
 */
export class OrganisationMembership<Organisation extends OrganisationEntity<Member>, Member extends MemberEntity> {
  constructor(
    /** The member's property that points at the organisation; also names the organisation in messages. */
    readonly kind: OrganisationKind,
    private readonly organisation: EntityClass<Organisation>,
    private readonly member: EntityClass<Member>,
  ) {}

  /** Organisations by name; `search` keeps those whose name contains it, ignoring case. */
  list(em: EntityManager, search: string | null | undefined, page: PageRequest): Promise<Cursor<Organisation>> {
    const term = search?.trim();
    const where = (term ? { name: { $ilike: `%${escapeLike(term)}%` } } : {}) as FilterQuery<Organisation>;
    return findPage(em, this.organisation, { where, orderBy: { name: 'asc', id: 'asc' } as never, page });
  }

  /** The organisation, or NOT_FOUND on `field` (the argument that named it). */
  async find(em: EntityManager, organisationId: string | null, field: (string | number)[]): Promise<Organisation> {
    const organisation = organisationId ? await em.findOne(this.organisation, organisationId as never) : null;
    if (!organisation) throw Problem.notFound(this.kind, field);
    return organisation;
  }

  /**
   * The organisation, locked for the rest of the transaction: membership changes of one
   * organisation run one after another, so two owners removing each other at once cannot leave it
   * without an owner.
   */
  async lockForMembershipChange(em: EntityManager, organisationId: string | null, field: (string | number)[]): Promise<Organisation> {
    const organisation = organisationId
      ? await em.findOne(this.organisation, organisationId as never, { lockMode: LockMode.PESSIMISTIC_WRITE })
      : null;
    if (!organisation) throw Problem.notFound(this.kind, field);
    return organisation;
  }

  /** The user's role in the organisation, read from the database (not the viewer's token-time snapshot); null for non-members. */
  async roleOf(em: EntityManager, organisationId: string, userId: string): Promise<MemberRole | null> {
    const membership = await em.findOne(this.member, this.where({ [this.kind]: organisationId, user: userId }));
    return membership?.role ?? null;
  }

  /** The viewer, when they own the organisation; FORBIDDEN otherwise. */
  async requireOwner(em: EntityManager, viewer: Viewer | null, organisation: Organisation): Promise<Viewer> {
    const role = viewer ? await this.roleOf(em, organisation.id, viewer.userId) : null;
    if (!viewer || role !== MemberRole.OWNER) throw new AccessDenied(`Only owners of this ${this.kind} may manage its members.`);
    return viewer;
  }

  /** Whether someone with this email belongs to the organisation. */
  async hasMemberWithEmail(em: EntityManager, organisation: Organisation, email: string): Promise<boolean> {
    return (await em.count(this.member, this.where({ [this.kind]: organisation, user: { email } }))) > 0;
  }

  /** Adds the user; ALREADY_MEMBER on `field` when they already belong, even if another request just added them. */
  async addMember(em: EntityManager, organisation: Organisation, userId: string, role: MemberRole, field: (string | number)[]): Promise<Member> {
    if (await em.count(this.member, this.where({ [this.kind]: organisation, user: userId }))) throw this.alreadyMember(field);
    const member = em.create(this.member, { [this.kind]: organisation, user: userId, role } as never);
    await flushOrProblem(em, () => this.alreadyMember(field));
    return member;
  }

  /** The organisation's first owner, written with it in the same flush. */
  addFounder(em: EntityManager, organisation: Organisation, userId: string): Member {
    return em.create(this.member, { [this.kind]: organisation, user: userId, role: MemberRole.OWNER } as never);
  }

  /** Removes the member with this email; owners only, and never the last owner. */
  async removeMember({ em, viewer }: ServiceContext, organisationId: string | null, userEmail: string): Promise<Organisation> {
    const organisation = await this.lockForMembershipChange(em, organisationId, [`${this.kind}Id`]);
    await this.requireOwner(em, viewer, organisation);
    const member = await em.findOne(this.member, this.where({ [this.kind]: organisation, user: { email: userEmail.trim().toLowerCase() } }));
    if (!member) throw Problem.of(ProblemCode.NOT_FOUND, `Nobody with that email is a member of this ${this.kind}.`, ['userEmail']);
    if (member.role === MemberRole.OWNER && (await em.count(this.member, this.where({ [this.kind]: organisation, role: MemberRole.OWNER }))) <= 1) {
      throw Problem.of(OrganisationProblem.LAST_OWNER, `A ${this.kind} needs at least one owner; make someone else an owner first.`, ['userEmail']);
    }
    em.remove(member);
    await em.flush();
    return organisation;
  }

  /**
   * Whether the viewer belongs to the organisation, read from the memberships rather than from the
   * viewer's token-time snapshot, so an organisation created or joined in this request already counts.
   */
  async viewerIsMember({ viewer }: ServiceContext, organisation: Organisation): Promise<boolean> {
    if (!viewer) return false;
    const members = await organisation.members.loadItems();
    return members.some((member) => member.user.id === viewer.userId);
  }

  /** The members, longest-standing first, for the organisation's members and admins; null for anyone else. */
  async visibleMembers(context: ServiceContext, organisation: Organisation): Promise<Member[] | null> {
    if (!context.viewer?.isAdmin && !(await this.viewerIsMember(context, organisation))) return null;
    const members = await organisation.members.loadItems();
    return [...members].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  }

  /** For each user, the organisations they belong to, by name. One statement for the whole batch. */
  async organisationsOfUsers(em: EntityManager, userIds: readonly string[]): Promise<Organisation[][]> {
    const memberships = await em.find(this.member, this.where({ user: { $in: [...userIds] } }), {
      populate: [this.kind] as never,
      orderBy: { [this.kind]: { name: 'asc', id: 'asc' } } as never,
    });
    const organisationsByUser = new Map<string, Organisation[]>();
    for (const membership of memberships) {
      const organisations = organisationsByUser.get(membership.user.id) ?? [];
      organisations.push((membership as unknown as Record<OrganisationKind, Ref<Organisation>>)[this.kind].getEntity() as Organisation);
      organisationsByUser.set(membership.user.id, organisations);
    }
    return userIds.map((userId) => organisationsByUser.get(userId) ?? []);
  }

  /** A condition on the member entity whose organisation property is only known at run time. */
  private where(condition: Record<string, unknown>): FilterQuery<Member> {
    return condition as FilterQuery<Member>;
  }

  private alreadyMember(field: (string | number)[]): Problem {
    return Problem.of(OrganisationProblem.ALREADY_MEMBER, `That person is already a member of this ${this.kind}.`, field);
  }
}

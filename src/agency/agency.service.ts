import { type Cursor, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { User } from '../account/user.entity.js';
import type { Viewer } from '../auth/viewer.js';
import { MemberRole } from '../brand/brand.entity.js';
import { basisPointsSchema } from '../common/money.js';
import { AccessDenied, parseInput, Problem, ProblemCode } from '../common/problems.js';
import type { ServiceContext } from '../common/service-context.js';
import type { PageRequest } from '../graphql/connection.js';
import { Agency, AgencyMember } from './agency.entity.js';

const MAX_DESCRIPTION_LENGTH = 5000;

const nameSchema = z.string().trim().min(1, 'Agency names need 1 to 120 characters.').max(120, 'Agency names need 1 to 120 characters.');
const descriptionSchema = z.string().trim().max(MAX_DESCRIPTION_LENGTH, `Descriptions have at most ${MAX_DESCRIPTION_LENGTH} characters.`);

const createSchema = z.object({
  name: nameSchema,
  description: descriptionSchema.nullish().transform((value) => value ?? ''),
  // Left out, the column default applies.
  defaultShareBp: basisPointsSchema.nullish().transform((value) => value ?? undefined),
});

const updateSchema = z.object({
  name: nameSchema.nullish(),
  description: descriptionSchema.nullish(),
  defaultShareBp: basisPointsSchema.nullish(),
});

export interface AgencyCreateInput {
  name: string;
  description?: string | null;
  defaultShareBp?: number | null;
}

export interface AgencyUpdateInput {
  name?: string | null;
  description?: string | null;
  defaultShareBp?: number | null;
}

export interface AgencyMemberAddInput {
  email: string;
  role: MemberRole;
}

/** `%` and `_` in a search are literal characters, not wildcards. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);

/** Agencies' public profiles and the people who act for them. */
export class AgencyService {
  /** Agencies by name; `search` keeps those whose name contains it, ignoring case. */
  list(em: EntityManager, search: string | null | undefined, page: PageRequest): Promise<Cursor<Agency>> {
    const term = search?.trim();
    return em.findByCursor(Agency, {
      where: term ? { name: { $ilike: `%${escapeLike(term)}%` } } : {},
      ...page,
      orderBy: { name: 'asc', id: 'asc' },
    });
  }

  byId(em: EntityManager, agencyId: string): Promise<Agency | null> {
    return em.findOne(Agency, agencyId);
  }

  async create({ em, viewer }: ServiceContext, input: AgencyCreateInput): Promise<{ agency: Agency }> {
    if (!viewer) throw new AccessDenied('Sign in first.');
    const { defaultShareBp, ...data } = parseInput(createSchema, input);
    const agency = em.create(Agency, { ...data, ...(defaultShareBp !== undefined ? { defaultShareBp } : {}) });
    em.create(AgencyMember, { agency, user: viewer.userId, role: MemberRole.OWNER });
    await em.flush();
    return { agency };
  }

  async update({ em, viewer }: ServiceContext, agencyId: string | null, input: AgencyUpdateInput): Promise<{ agency: Agency }> {
    const agency = agencyId ? await em.findOne(Agency, agencyId) : null;
    if (!agency) throw Problem.notFound('agency', ['id']);
    if (!viewer?.isAgencyMember(agency.id)) throw new AccessDenied('Only members of this agency may change it.');
    const data = parseInput(updateSchema, input);
    if (data.name != null) agency.name = data.name;
    if (data.description != null) agency.description = data.description;
    if (data.defaultShareBp != null) agency.defaultShareBp = data.defaultShareBp;
    await em.flush();
    return { agency };
  }

  async addMember(
    { em, viewer }: ServiceContext,
    agencyId: string | null,
    input: AgencyMemberAddInput,
  ): Promise<{ agency: Agency; member: AgencyMember }> {
    const agency = agencyId ? await em.findOne(Agency, agencyId) : null;
    if (!agency) throw Problem.notFound('agency', ['agencyId']);
    await requireOwner(em, viewer, agency);
    const user = await em.findOne(User, { email: input.email.trim().toLowerCase() });
    if (!user) throw Problem.of(ProblemCode.NOT_FOUND, 'No account has that email; ask them to sign up first.', ['input', 'email']);
    if (await em.count(AgencyMember, { agency, user })) throw alreadyMember();

    const member = em.create(AgencyMember, { agency, user, role: input.role });
    try {
      await em.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw alreadyMember();
      throw error;
    }
    return { agency, member };
  }

  /**
   * Whether the viewer belongs to the agency, read from the memberships rather than from the
   * viewer's token-time snapshot, so an agency created in this request already counts.
   */
  async viewerIsMember({ viewer }: ServiceContext, agency: Agency): Promise<boolean> {
    if (!viewer) return false;
    const members = await agency.members.loadItems();
    return members.some((member) => member.user.id === viewer.userId);
  }

  /** The members, longest-standing first, for the agency's members and admins; null for anyone else. */
  async visibleMembers(context: ServiceContext, agency: Agency): Promise<AgencyMember[] | null> {
    if (!context.viewer?.isAdmin && !(await this.viewerIsMember(context, agency))) return null;
    const members = await agency.members.loadItems();
    return [...members].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  }

  /** For each user, the agencies they act for, by name. One statement for the whole batch. */
  async agenciesOfUsers(em: EntityManager, userIds: readonly string[]): Promise<Agency[][]> {
    const memberships = await em.find(
      AgencyMember,
      { user: { $in: [...userIds] } },
      { populate: ['agency'], orderBy: { agency: { name: 'asc', id: 'asc' } } },
    );
    const agenciesByUser = new Map<string, Agency[]>();
    for (const membership of memberships) {
      const agencies = agenciesByUser.get(membership.user.id) ?? [];
      agencies.push(membership.agency.getEntity());
      agenciesByUser.set(membership.user.id, agencies);
    }
    return userIds.map((userId) => agenciesByUser.get(userId) ?? []);
  }
}

async function requireOwner(em: EntityManager, viewer: Viewer | null, agency: Agency): Promise<void> {
  const membership = viewer ? await em.findOne(AgencyMember, { agency, user: viewer.userId }) : null;
  if (membership?.role !== MemberRole.OWNER) throw new AccessDenied('Only owners of this agency may manage its members.');
}

function alreadyMember(): Problem {
  return Problem.of(ProblemCode.ALREADY_MEMBER, 'That person is already a member of this agency.', ['input', 'email']);
}

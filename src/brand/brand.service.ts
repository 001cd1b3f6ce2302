import { type Cursor, LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { User } from '../account/user.entity.js';
import type { Viewer } from '../auth/viewer.js';
import { AccessDenied, Problem, ProblemCode, parseInput } from '../common/problems.js';
import type { ServiceContext } from '../common/service-context.js';
import type { PageRequest } from '../graphql/connection.js';
import { Brand, BrandMember, MemberRole } from './brand.entity.js';

const MAX_DESCRIPTION_LENGTH = 5000;

const nameSchema = z.string().trim().min(1, 'Brand names need 1 to 120 characters.').max(120, 'Brand names need 1 to 120 characters.');
const descriptionSchema = z.string().trim().max(MAX_DESCRIPTION_LENGTH, `Descriptions have at most ${MAX_DESCRIPTION_LENGTH} characters.`);
/** Blank means "no website". */
const websiteUrlSchema = z
  .string()
  .trim()
  .transform((value) => value || null)
  .pipe(z.httpUrl('Enter an http or https address, like https://example.com.').max(500, 'Website addresses have at most 500 characters.').nullable());

const createSchema = z.object({
  name: nameSchema,
  description: descriptionSchema.nullish().transform((value) => value ?? ''),
  websiteUrl: websiteUrlSchema.nullish().transform((value) => value ?? null),
});

const updateSchema = z.object({
  name: nameSchema.nullish(),
  description: descriptionSchema.nullish(),
  websiteUrl: websiteUrlSchema.nullish(),
});

export interface BrandCreateInput {
  name: string;
  description?: string | null;
  websiteUrl?: string | null;
}

export interface BrandUpdateInput {
  name?: string | null;
  description?: string | null;
  /** Null or blank removes the website; undefined leaves it. */
  websiteUrl?: string | null;
}

export interface BrandMemberAddInput {
  email: string;
  role: MemberRole;
}

/** `%` and `_` in a search are literal characters, not wildcards. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);

export class BrandService {
  /** Brands by name; `search` keeps those whose name contains it, ignoring case. */
  list(em: EntityManager, search: string | null | undefined, page: PageRequest): Promise<Cursor<Brand>> {
    const term = search?.trim();
    return em.findByCursor(Brand, {
      where: term ? { name: { $ilike: `%${escapeLike(term)}%` } } : {},
      ...page,
      orderBy: { name: 'asc', id: 'asc' },
    });
  }

  async create({ em, viewer }: ServiceContext, input: BrandCreateInput): Promise<{ brand: Brand }> {
    const signedIn = requireViewer(viewer);
    const data = parseInput(createSchema, input);
    const brand = em.create(Brand, data);
    em.create(BrandMember, { brand, user: signedIn.userId, role: MemberRole.OWNER });
    await em.flush();
    return { brand };
  }

  async update({ em, viewer }: ServiceContext, brandId: string | null, input: BrandUpdateInput): Promise<{ brand: Brand }> {
    const brand = await findBrand(em, brandId, ['id']);
    if (!viewer?.isBrandMember(brand.id)) throw new AccessDenied('Only members of this brand may change it.');
    const data = parseInput(updateSchema, input);
    if (data.name != null) brand.name = data.name;
    if (data.description != null) brand.description = data.description;
    if (data.websiteUrl !== undefined) brand.websiteUrl = data.websiteUrl;
    await em.flush();
    return { brand };
  }

  async addMember({ em, viewer }: ServiceContext, brandId: string | null, input: BrandMemberAddInput): Promise<{ brand: Brand; member: BrandMember }> {
    const brand = await findBrandForMembershipChange(em, brandId);
    await requireOwner(em, viewer, brand);
    const user = await em.findOne(User, { email: input.email.trim().toLowerCase() });
    if (!user) throw Problem.of(ProblemCode.NOT_FOUND, 'No account has that email; ask them to sign up first.', ['input', 'email']);
    if (await em.count(BrandMember, { brand, user })) throw alreadyMember();

    const member = em.create(BrandMember, { brand, user, role: input.role });
    try {
      await em.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw alreadyMember();
      throw error;
    }
    return { brand, member };
  }

  async removeMember({ em, viewer }: ServiceContext, brandId: string | null, userEmail: string): Promise<{ brand: Brand }> {
    const brand = await findBrandForMembershipChange(em, brandId);
    await requireOwner(em, viewer, brand);
    const member = await em.findOne(BrandMember, { brand, user: { email: userEmail.trim().toLowerCase() } });
    if (!member) throw Problem.of(ProblemCode.NOT_FOUND, 'Nobody with that email is a member of this brand.', ['userEmail']);
    if (member.role === MemberRole.OWNER && (await em.count(BrandMember, { brand, role: MemberRole.OWNER })) <= 1) {
      throw Problem.of(ProblemCode.LAST_OWNER, 'A brand needs at least one owner; make someone else an owner first.', ['userEmail']);
    }
    em.remove(member);
    await em.flush();
    return { brand };
  }

  /**
   * Whether the viewer belongs to the brand, read from the memberships rather than from the
   * viewer's token-time snapshot, so a brand created or joined in this request already counts.
   */
  async viewerIsMember({ viewer }: ServiceContext, brand: Brand): Promise<boolean> {
    if (!viewer) return false;
    const members = await brand.members.loadItems();
    return members.some((member) => member.user.id === viewer.userId);
  }

  /** The members, longest-standing first, for the brand's members and admins; null for anyone else. */
  async visibleMembers(context: ServiceContext, brand: Brand): Promise<BrandMember[] | null> {
    if (!context.viewer?.isAdmin && !(await this.viewerIsMember(context, brand))) return null;
    const members = await brand.members.loadItems();
    return [...members].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  }

  /** For each user, the brands they belong to, by name. One statement for the whole batch. */
  async brandsOfUsers(em: EntityManager, userIds: readonly string[]): Promise<Brand[][]> {
    const memberships = await em.find(
      BrandMember,
      { user: { $in: [...userIds] } },
      { populate: ['brand'], orderBy: { brand: { name: 'asc', id: 'asc' } } },
    );
    const brandsByUser = new Map<string, Brand[]>();
    for (const membership of memberships) {
      const brands = brandsByUser.get(membership.user.id) ?? [];
      brands.push(membership.brand.getEntity());
      brandsByUser.set(membership.user.id, brands);
    }
    return userIds.map((userId) => brandsByUser.get(userId) ?? []);
  }
}

function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw new AccessDenied('Sign in first.');
  return viewer;
}

async function findBrand(em: EntityManager, brandId: string | null, field: string[]): Promise<Brand> {
  const brand = brandId ? await em.findOne(Brand, brandId) : null;
  if (!brand) throw Problem.notFound('brand', field);
  return brand;
}

/**
 * The brand, locked for the rest of the transaction: membership changes of one brand run one after
 * another, so two owners removing each other at once cannot leave the brand without an owner.
 */
async function findBrandForMembershipChange(em: EntityManager, brandId: string | null): Promise<Brand> {
  const brand = brandId ? await em.findOne(Brand, brandId, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
  if (!brand) throw Problem.notFound('brand', ['brandId']);
  return brand;
}

async function requireOwner(em: EntityManager, viewer: Viewer | null, brand: Brand): Promise<void> {
  const membership = viewer ? await em.findOne(BrandMember, { brand, user: viewer.userId }) : null;
  if (membership?.role !== MemberRole.OWNER) throw new AccessDenied('Only owners of this brand may manage its members.');
}

function alreadyMember(): Problem {
  return Problem.of(ProblemCode.ALREADY_MEMBER, 'That person is already a member of this brand.', ['input', 'email']);
}

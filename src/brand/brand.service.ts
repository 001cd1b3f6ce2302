import type { Cursor } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { PageRequest } from '../common/page.js';
import { AccessDenied, parseInput } from '../common/problems.js';
import type { ServiceContext } from '../common/service-context.js';
import { OrganisationMembership } from '../organisation/organisation-membership.js';
import { Brand, BrandMember } from './brand.entity.js';

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

/** Brands' public profiles; who acts for a brand is the shared organisation membership's business. */
export class BrandService {
  readonly membership = new OrganisationMembership<Brand, BrandMember>('brand', Brand, BrandMember);

  /** Brands by name; `search` keeps those whose name contains it, ignoring case. */
  list(em: EntityManager, search: string | null | undefined, page: PageRequest): Promise<Cursor<Brand>> {
    return this.membership.list(em, search, page);
  }

  async create({ em, viewer }: ServiceContext, input: BrandCreateInput): Promise<{ brand: Brand }> {
    if (!viewer) throw new AccessDenied('Sign in first.');
    const data = parseInput(createSchema, input);
    const brand = em.create(Brand, data);
    this.membership.addFounder(em, brand, viewer.userId);
    await em.flush();
    return { brand };
  }

  async update({ em, viewer }: ServiceContext, brandId: string | null, input: BrandUpdateInput): Promise<{ brand: Brand }> {
    const brand = await this.membership.find(em, brandId, ['id']);
    if (!viewer?.isBrandMember(brand.id)) throw new AccessDenied('Only members of this brand may change it.');
    const data = parseInput(updateSchema, input);
    if (data.name != null) brand.name = data.name;
    if (data.description != null) brand.description = data.description;
    if (data.websiteUrl !== undefined) brand.websiteUrl = data.websiteUrl;
    await em.flush();
    return { brand };
  }

  async removeMember(context: ServiceContext, brandId: string | null, userEmail: string): Promise<{ brand: Brand }> {
    return { brand: await this.membership.removeMember(context, brandId, userEmail) };
  }
}

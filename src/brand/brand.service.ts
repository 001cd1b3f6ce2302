import type { Cursor } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { PageRequest } from '../common/page.js';
import { AccessDenied, parseInput } from '../common/problems.js';
import type { ServiceContext } from '../common/service-context.js';
import { OrganisationMembership } from '../organisation/organisation-membership.js';
import { Brand, BrandMember } from './brand.entity.js';
import { brandCreateSchema, type BrandCreateValues, brandUpdateSchema, type BrandUpdateValues } from './brand.inputs.js';

/** Brands' public profiles; who acts for a brand is the shared organisation membership's business. */
export class BrandService {
  readonly membership = new OrganisationMembership<Brand, BrandMember>('brand', Brand, BrandMember);

  /** Brands by name; `search` keeps those whose name contains it, ignoring case. */
  list(em: EntityManager, search: string | null | undefined, page: PageRequest): Promise<Cursor<Brand>> {
    return this.membership.list(em, search, page);
  }

  async create({ em, viewer }: ServiceContext, input: BrandCreateValues): Promise<{ brand: Brand }> {
    if (!viewer) throw new AccessDenied('Sign in first.');
    const data = parseInput(brandCreateSchema, input);
    const brand = em.create(Brand, data);
    this.membership.addFounder(em, brand, viewer.userId);
    await em.flush();
    return { brand };
  }

  async update({ em, viewer }: ServiceContext, brandId: string | null, input: BrandUpdateValues): Promise<{ brand: Brand }> {
    const brand = await this.membership.find(em, brandId, ['id']);
    if (!viewer?.isBrandMember(brand.id)) throw new AccessDenied('Only members of this brand may change it.');
    const data = parseInput(brandUpdateSchema, input);
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

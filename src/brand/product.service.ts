import { type Cursor, type FilterQuery, ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { normaliseNicheTag } from '../common/niche-tags.js';
import { findPage, type PageRequest } from '../common/page.js';
import { AccessDenied, Problem, parseInput } from '../common/problems.js';
import type { ServiceContext } from '../common/service-context.js';
import { firstPagesBy, type PageFromEnd } from '../db/first-pages.js';
import type { VerticalService } from '../vertical/vertical.service.js';
import { Brand } from './brand.entity.js';
import { Product } from './product.entity.js';
import { productCreateSchema, type ProductCreateValues, productUpdateSchema, type ProductUpdateValues } from './product.inputs.js';

/** Newest first; the id breaks ties so that cursors are stable. */
const PRODUCT_ORDER = { createdAt: 'desc', id: 'desc' } as const;

/** What a product listing is narrowed to. */
export interface ProductSearch {
  /** Undefined: any brand. Null: an id that names no brand, which matches nothing. */
  brandId?: string | null;
  verticalSlug?: string | null;
  nicheTag?: string | null;
}

export class ProductService {
  constructor(private readonly verticals: VerticalService) {}

  async list(em: EntityManager, filter: ProductSearch, page: PageRequest): Promise<Cursor<Product>> {
    const conditions: FilterQuery<Product>[] = [];
    if (filter.brandId !== undefined) conditions.push(filter.brandId === null ? { id: { $in: [] } } : { brand: filter.brandId });
    if (filter.verticalSlug) {
      conditions.push({ vertical: { slug: { $in: await this.verticals.expandWithChildren(em, filter.verticalSlug.trim()) } } });
    }
    if (filter.nicheTag) conditions.push({ nicheTags: { $contains: [normaliseNicheTag(filter.nicheTag)] } });
    return findPage(em, Product, { where: { $and: conditions }, orderBy: PRODUCT_ORDER, page });
  }

  /** One page of a brand's products, for paging on from a cursor. */
  pageOfBrand(em: EntityManager, brandId: string, page: PageRequest): Promise<Cursor<Product>> {
    return findPage(em, Product, { where: { brand: brandId }, orderBy: PRODUCT_ORDER, page });
  }

  /**
   * One page from the start (or, with `last`, the end) of each brand's products, in one statement
   * for the whole batch, so a list of brands with their products costs no query per brand. The
   * cursors are the ones `pageOfBrand` reads, so a client can page on from any of them.
   */
  firstPagesOfBrands(em: EntityManager, brandIds: readonly string[], page: PageFromEnd): Promise<Cursor<Product>[]> {
    return firstPagesBy(em, Product, { groupBy: 'brand', groupIds: brandIds, orderBy: PRODUCT_ORDER, page });
  }

  async create({ em, viewer }: ServiceContext, brandId: string | null, input: ProductCreateValues): Promise<{ product: Product }> {
    const brand = brandId ? await em.findOne(Brand, brandId) : null;
    if (!brand) throw Problem.notFound('brand', ['input', 'brandId']);
    if (!viewer?.isBrandMember(brand.id)) throw new AccessDenied('Only members of this brand may add its products.');
    const data = parseInput(productCreateSchema, input);
    const vertical = await this.verticals.resolveSlug(em, data.verticalSlug, ['input', 'verticalSlug']);
    const product = em.create(Product, {
      brand,
      name: data.name,
      description: data.description,
      vertical,
      nicheTags: data.nicheTags,
      requiredCredentials: data.requiredCredentials,
    });
    await em.flush();
    return { product };
  }

  async update({ em, viewer }: ServiceContext, productId: string | null, input: ProductUpdateValues): Promise<{ product: Product }> {
    const product = productId ? await em.findOne(Product, productId) : null;
    if (!product) throw Problem.notFound('product', ['id']);
    if (!viewer?.isBrandMember(product.brand.id)) throw new AccessDenied('Only members of the brand may change its products.');
    const data = parseInput(productUpdateSchema, input);
    if (data.verticalSlug != null) {
      product.vertical = ref(await this.verticals.resolveSlug(em, data.verticalSlug, ['input', 'verticalSlug']));
    }
    if (data.name != null) product.name = data.name;
    if (data.description != null) product.description = data.description;
    if (data.nicheTags != null) product.nicheTags = data.nicheTags;
    if (data.requiredCredentials != null) product.requiredCredentials = data.requiredCredentials;
    await em.flush();
    return { product };
  }
}

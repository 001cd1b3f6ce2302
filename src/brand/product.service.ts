import { Cursor, type FilterQuery, type OrderDefinition, ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { values } from '../common/enums.js';
import { normaliseNicheTag, nicheTagsSchema } from '../common/niche-tags.js';
import { AccessDenied, Problem, parseInput } from '../common/problems.js';
import type { ServiceContext } from '../common/service-context.js';
import { CredentialType } from '../credential/credential-type.js';
import type { PageRequest } from '../graphql/connection.js';
import type { VerticalService } from '../vertical/vertical.service.js';
import { Brand } from './brand.entity.js';
import { Product } from './product.entity.js';

const MAX_DESCRIPTION_LENGTH = 5000;

/** Newest first; the id breaks ties so that cursors are stable. */
const PRODUCT_ORDER: OrderDefinition<Product> = { createdAt: 'desc', id: 'desc' };

const nameSchema = z.string().trim().min(1, 'Product names need 1 to 160 characters.').max(160, 'Product names need 1 to 160 characters.');
const descriptionSchema = z.string().trim().max(MAX_DESCRIPTION_LENGTH, `Descriptions have at most ${MAX_DESCRIPTION_LENGTH} characters.`);
const requiredCredentialsSchema = z
  .array(z.enum(values(CredentialType)))
  .transform((types) => [...new Set(types)].sort());

const createSchema = z.object({
  name: nameSchema,
  description: descriptionSchema.nullish().transform((value) => value ?? ''),
  verticalSlug: z.string().trim(),
  nicheTags: nicheTagsSchema.nullish().transform((value) => value ?? []),
  requiredCredentials: requiredCredentialsSchema.nullish().transform((value) => value ?? []),
});

const updateSchema = z.object({
  name: nameSchema.nullish(),
  description: descriptionSchema.nullish(),
  verticalSlug: z.string().trim().nullish(),
  nicheTags: nicheTagsSchema.nullish(),
  requiredCredentials: requiredCredentialsSchema.nullish(),
});

export interface ProductCreateInput {
  name: string;
  description?: string | null;
  verticalSlug: string;
  nicheTags?: string[] | null;
  requiredCredentials?: CredentialType[] | null;
}

export type ProductUpdateInput = Partial<{ [K in keyof ProductCreateInput]: ProductCreateInput[K] | null }>;

export interface ProductFilter {
  /** Undefined: any brand. Null: an id that names no brand, which matches nothing. */
  brandId?: string | null;
  verticalSlug?: string | null;
  nicheTag?: string | null;
}

export class ProductService {
  constructor(private readonly verticals: VerticalService) {}

  async list(em: EntityManager, filter: ProductFilter, page: PageRequest): Promise<Cursor<Product>> {
    const conditions: FilterQuery<Product>[] = [];
    if (filter.brandId !== undefined) conditions.push(filter.brandId === null ? { id: { $in: [] } } : { brand: filter.brandId });
    if (filter.verticalSlug) {
      conditions.push({ vertical: { slug: { $in: await this.verticals.expandWithChildren(em, filter.verticalSlug.trim()) } } });
    }
    if (filter.nicheTag) conditions.push({ nicheTags: { $contains: [normaliseNicheTag(filter.nicheTag)] } });
    return em.findByCursor(Product, { where: { $and: conditions }, ...page, orderBy: PRODUCT_ORDER });
  }

  /** One page of a brand's products, for paging on from a cursor. */
  pageOfBrand(em: EntityManager, brandId: string, page: PageRequest): Promise<Cursor<Product>> {
    return em.findByCursor(Product, { where: { brand: brandId }, ...page, orderBy: PRODUCT_ORDER });
  }

  /**
   * The first `first` products of each brand, newest first, in one statement for the whole batch,
   * so that a list of brands with their products does not cost a query per brand. The cursors are
   * the ones `pageOfBrand` reads, so a client can page on from any of them.
   */
  async firstPagesOfBrands(em: EntityManager, brandIds: readonly string[], first: number): Promise<Cursor<Product>[]> {
    const rows = await em.getConnection().execute<(Record<string, unknown> & { brand_id: string; position: number; total: number })[]>(
      `select * from (
         select product.*,
                row_number() over (partition by brand_id order by created_at desc, id desc)::int as position,
                count(*) over (partition by brand_id)::int as total
           from product
          where brand_id in (?)
       ) ranked
       where position <= ?
       order by brand_id, position`,
      // One more than asked for tells the cursor whether a next page exists.
      [brandIds, first + 1],
    );
    const pages = new Map<string, { items: Product[]; total: number }>();
    for (const { position: _position, total, ...columns } of rows) {
      const page = pages.get(columns.brand_id) ?? { items: [], total };
      page.items.push(em.map(Product, columns));
      pages.set(columns.brand_id, page);
    }
    const meta = em.getMetadata(Product);
    return brandIds.map((brandId) => {
      const page = pages.get(brandId) ?? { items: [], total: 0 };
      return new Cursor(page.items, page.total, { first, orderBy: PRODUCT_ORDER, overfetch: true }, meta);
    });
  }

  async create({ em, viewer }: ServiceContext, brandId: string | null, input: ProductCreateInput): Promise<{ product: Product }> {
    const brand = brandId ? await em.findOne(Brand, brandId) : null;
    if (!brand) throw Problem.notFound('brand', ['input', 'brandId']);
    if (!viewer?.isBrandMember(brand.id)) throw new AccessDenied('Only members of this brand may add its products.');
    const data = parseInput(createSchema, input);
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

  async update({ em, viewer }: ServiceContext, productId: string | null, input: ProductUpdateInput): Promise<{ product: Product }> {
    const product = productId ? await em.findOne(Product, productId) : null;
    if (!product) throw Problem.notFound('product', ['id']);
    if (!viewer?.isBrandMember(product.brand.id)) throw new AccessDenied('Only members of the brand may change its products.');
    const data = parseInput(updateSchema, input);
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

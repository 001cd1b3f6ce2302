import { defineModule } from '../common/module.js';
import type { VerticalService } from '../vertical/vertical.service.js';
import { Brand, BrandMember } from './brand.entity.js';
import { BrandMemberResolver, BrandResolver, UserBrandsResolver } from './brand.resolver.js';
import { BrandService } from './brand.service.js';
import { Product } from './product.entity.js';
import { ProductResolver } from './product.resolver.js';
import { ProductService } from './product.service.js';

export { Brand, BrandMember, MemberRole } from './brand.entity.js';
export { BrandService } from './brand.service.js';
export { Product } from './product.entity.js';
export { ProductService } from './product.service.js';

/**
 * Brands and the products they want promoted. Who acts for a brand is the organisation module's
 * shared membership, which BrandService holds one of.
 */
export const brandModule = defineModule({
  name: 'brand',
  entities: [Brand, BrandMember, Product],
  resolvers: [BrandResolver, BrandMemberResolver, UserBrandsResolver, ProductResolver],
  createServices: ({ verticals }: { verticals: VerticalService }) => ({
    brands: new BrandService(),
    products: new ProductService(verticals),
  }),
});

import type { AgencyService } from '../agency/agency.service.js';
import type { BrandService } from '../brand/brand.service.js';
import { defineModule } from '../common/module.js';
import { ApiKey } from './api-key.entity.js';
import { ApiKeyProblem } from './api-key.problems.js';
import { ApiKeyResolver } from './api-key.resolver.js';
import { ApiKeyService } from './api-key.service.js';

export { ApiKey } from './api-key.entity.js';
export { ApiKeyScope } from './api-key.scopes.js';
export { ApiKeyService, requireScope } from './api-key.service.js';

/**
 * Organisation API keys for server-to-server calls (platform connectors, shops): scoped, shown
 * once, kept as hashes, revocable and rotatable. The HTTP layer resolves them through the
 * `ApiKeyAuthenticator` port this module's service fills.
 */
export const apiKeyModule = defineModule({
  name: 'api-key',
  entities: [ApiKey],
  resolvers: [ApiKeyResolver],
  problems: [ApiKeyProblem],
  createServices: ({ brands, agencies }: { brands: BrandService; agencies: AgencyService }) => ({ apiKeys: new ApiKeyService(brands, agencies) }),
});

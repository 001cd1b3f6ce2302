import type { TokenService } from '../auth/tokens.js';
import { defineModule } from '../common/module.js';
import { User } from './account.entity.js';
import { AccountProblem } from './account.problems.js';
import { AccountResolver } from './account.resolver.js';
import { AccountService } from './account.service.js';

export { User } from './account.entity.js';
export { AccountProblem } from './account.problems.js';
export { AccountService, type Session } from './account.service.js';
export { emailSchema } from './account.inputs.js';

/**
 * Accounts: signing up, logging in, and the viewer behind a token. `accounts.loadViewer` is the
 * `ViewerSource` the HTTP and subscription layers read the viewer through.
 */
export const accountModule = defineModule({
  name: 'account',
  entities: [User],
  resolvers: [AccountResolver],
  problems: [AccountProblem],
  createServices: ({ tokens }: { tokens: TokenService }) => ({ accounts: new AccountService(tokens) }),
});

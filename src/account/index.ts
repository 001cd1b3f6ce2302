import { AttemptThrottle } from '../auth/attempts.js';
import type { TokenService } from '../auth/tokens.js';
import { defineModule } from '../common/module.js';
import type { AppConfig } from '../config/env.js';
import type { MailService } from '../mail/index.js';
import { AccountToken, Session, User } from './account.entity.js';
import { AccountProblem } from './account.problems.js';
import { AccountResolver } from './account.resolver.js';
import { AccountService } from './account.service.js';

export { User, shownEmailOf } from './account.entity.js';
export { AccountProblem } from './account.problems.js';
export { AccountService, type SignedIn } from './account.service.js';
export { emailSchema } from './account.inputs.js';

/**
 * Accounts: signing up, logging in and out, verified email, password reset and change, and the
 * viewer behind a token. `accounts.loadViewer` is the `ViewerSource` the HTTP and subscription
 * layers read the viewer through.
 */
export const accountModule = defineModule({
  name: 'account',
  entities: [User, Session, AccountToken],
  resolvers: [AccountResolver],
  problems: [AccountProblem],
  createServices: ({ tokens, config, mail }: { tokens: TokenService; config: AppConfig; mail: MailService }) => ({
    accounts: new AccountService(
      tokens,
      new AttemptThrottle({
        failuresPerAccount: config.LOGIN_FAILURES_PER_ACCOUNT,
        failuresPerAddress: config.LOGIN_FAILURES_PER_ADDRESS,
        anonymousActionsPerAddress: config.ANONYMOUS_ACTIONS_PER_ADDRESS,
        windowSeconds: config.LOGIN_WINDOW_SECONDS,
      }),
      mail,
      config.APP_URL,
    ),
  }),
});

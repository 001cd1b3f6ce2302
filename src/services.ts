import { AccountService } from './account/account.service.js';
import type { TokenService } from './auth/tokens.js';

/** The application's services, created once and shared by every request. */
export function createServices(dependencies: { tokens: TokenService }) {
  return {
    accounts: new AccountService(dependencies.tokens),
  };
}

export type Services = ReturnType<typeof createServices>;

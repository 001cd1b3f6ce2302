import { AccountService } from './account/account.service.js';
import type { TokenService } from './auth/tokens.js';
import { CredibilityService } from './credibility/credibility.service.js';

/** The application's services, created once and shared by every request. */
export function createServices(dependencies: { tokens: TokenService }) {
  const credibility = new CredibilityService();
  return {
    accounts: new AccountService(dependencies.tokens),
    credibility,
  };
}

export type Services = ReturnType<typeof createServices>;

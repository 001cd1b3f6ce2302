import { defineModule } from '../common/module.js';
import { CredibilityChange } from './credibility.entity.js';
import { CreatorCredibilityResolver, CredibilityChangeResolver, TraderCredibilityResolver } from './credibility.resolver.js';
import { CredibilityService } from './credibility.service.js';

export { computeCredibility, CREDIBILITY_LEVELS, type CredibilityLevel, levelForScore } from './credibility.js';
export { CredibilityChange, CredibilityChangeReason } from './credibility.entity.js';
export { type CredibilityCause, CredibilityService } from './credibility.service.js';

/** People whose credentials expired, refreshed per run; more wait for the next. */
const LAPSED_CREDENTIALS_PER_RUN = 100;

/**
 * Credibility: each profile's score and level, kept in line with the facts they summarise, and
 * the history of their changes. The credential, creator, trader and deal modules call it in the
 * transaction of every change to those facts.
 */
export const credibilityModule = defineModule<object, { credibility: CredibilityService }>({
  name: 'credibility',
  entities: [CredibilityChange],
  resolvers: [CreatorCredibilityResolver, TraderCredibilityResolver, CredibilityChangeResolver],
  createServices: () => ({ credibility: new CredibilityService() }),
  jobs: [
    {
      name: 'profiles refreshed after credentials expired',
      run: ({ credibility }, { em }) => credibility.refreshLapsed(em, LAPSED_CREDENTIALS_PER_RUN),
    },
  ],
});

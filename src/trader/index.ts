import { defineModule } from '../common/module.js';
import type { CredibilityService } from '../credibility/credibility.service.js';
import type { VerticalService } from '../vertical/vertical.service.js';
import { Trader } from './trader.entity.js';
import { TraderResolver, UserTraderProfileResolver } from './trader.resolver.js';
import { TraderService } from './trader.service.js';

export { Trader, TraderCapability } from './trader.entity.js';
export { type TraderSearch, TraderService } from './trader.service.js';

/** Live-stream operators' profiles: public, one per account, changed only by their owner. */
export const traderModule = defineModule({
  name: 'trader',
  entities: [Trader],
  resolvers: [TraderResolver, UserTraderProfileResolver],
  createServices: ({ credibility, verticals }: { credibility: CredibilityService; verticals: VerticalService }) => ({
    traders: new TraderService(credibility, verticals),
  }),
});

import { defineModule } from '../common/module.js';
import type { CredibilityService } from '../credibility/credibility.service.js';
import type { VerticalService } from '../vertical/vertical.service.js';
import { ChannelAccount, Creator, CreatorRate } from './creator.entity.js';
import { ChannelAccountResolver, CreatorResolver, UserCreatorProfileResolver } from './creator.resolver.js';
import { CreatorService } from './creator.service.js';

export { AgeBand, type AudienceProfile, EMPTY_AUDIENCE } from './audience.js';
export { availableSlots } from './capacity.js';
export { summariseChannelAccounts } from './channel-summary.js';
export { ChannelAccount, Creator, CreatorKind, CreatorRate } from './creator.entity.js';
export { CreatorService } from './creator.service.js';

/** Creator profiles, their channel accounts and rate cards: public, changed only by their owner. */
export const creatorModule = defineModule({
  name: 'creator',
  entities: [Creator, ChannelAccount, CreatorRate],
  resolvers: [CreatorResolver, ChannelAccountResolver, UserCreatorProfileResolver],
  createServices: ({ credibility, verticals }: { credibility: CredibilityService; verticals: VerticalService }) => ({
    creators: new CreatorService(credibility, verticals),
  }),
});

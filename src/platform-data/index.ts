import { defineModule } from '../common/module.js';
import type { CredibilityService } from '../credibility/credibility.service.js';
import { ChannelSnapshot } from './channel-snapshot.entity.js';
import { Connector } from './connector.entity.js';
import { PlatformDataProblem } from './platform-data.problems.js';
import { ChannelSnapshotResolver, ChannelVerificationResolver, ConnectorResolver } from './platform-data.resolver.js';
import { PlatformDataService } from './platform-data.service.js';

export { auditAudience } from './audience-audit.js';
export { ChannelSnapshot, SnapshotSource } from './channel-snapshot.entity.js';
export { Connector } from './connector.entity.js';
export { PlatformDataService } from './platform-data.service.js';

/**
 * Verified channels and platform data: one-time verification codes, platform connectors and the
 * snapshots they post with API keys, and the audience-quality audit computed from them.
 */
export const platformDataModule = defineModule({
  name: 'platform-data',
  entities: [Connector, ChannelSnapshot],
  resolvers: [ChannelSnapshotResolver, ConnectorResolver, ChannelVerificationResolver],
  problems: [PlatformDataProblem],
  createServices: ({ credibility }: { credibility: CredibilityService }) => ({ platformData: new PlatformDataService(credibility) }),
});

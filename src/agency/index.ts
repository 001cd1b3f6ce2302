import { defineModule } from '../common/module.js';
import { Agency, AgencyMember, RosterMembership } from './agency.entity.js';
import { AgencyMemberResolver, AgencyResolver, UserAgenciesResolver } from './agency.resolver.js';
import { AgencyService } from './agency.service.js';
import { RosterProblem } from './roster.problems.js';
import { CreatorRosterResolver, RosterMembershipResolver, TraderRosterResolver } from './roster.resolver.js';
import { RosterService } from './roster.service.js';

export { Agency, AgencyMember, RosterMembership, RosterStatus } from './agency.entity.js';
export { AgencyService } from './agency.service.js';
export { RosterProblem } from './roster.problems.js';
export { RosterService, type Talent } from './roster.service.js';
export { OPEN_ROSTER_STATUSES, rosterTransitions } from './roster.transitions.js';

/**
 * MCN agencies and their rosters of creators and operators. Who acts for an agency is the
 * organisation module's shared membership, which AgencyService holds one of.
 */
export const agencyModule = defineModule({
  name: 'agency',
  entities: [Agency, AgencyMember, RosterMembership],
  resolvers: [AgencyResolver, AgencyMemberResolver, UserAgenciesResolver, RosterMembershipResolver, CreatorRosterResolver, TraderRosterResolver],
  problems: [RosterProblem],
  createServices: () => ({ agencies: new AgencyService(), rosters: new RosterService() }),
});

import { defineModule } from '../common/module.js';
import type { VerticalService } from '../vertical/vertical.service.js';
import { Brief, BriefInvitation } from './brief.entity.js';
import { BriefProblem } from './brief.problems.js';
import { BrandBriefsResolver, BriefInvitationResolver, BriefResolver } from './brief.resolver.js';
import { BriefService } from './brief.service.js';

export {
  BiddingMode,
  Brief,
  BriefInvitation,
  BriefObjective,
  BriefStatus,
  BriefVisibility,
  DealStructure,
  GmvGuaranteePreference,
  TargetGender,
} from './brief.entity.js';
export { BriefService } from './brief.service.js';
export { BriefType } from './brief.types.js';
export { BriefProblem } from './brief.problems.js';
export { type BriefAudience, type BriefInvitees, seesAllOfBrand, seesBrief } from './brief.visibility.js';
export { effectiveBriefStatus } from './brief.transitions.js';

/**
 * Briefs: what a brand asks talent for, from its draft to its award or cancellation, with the
 * invitations of an invite-only brief. Bids on a brief belong to the bid module.
 */
export const briefModule = defineModule({
  name: 'brief',
  entities: [Brief, BriefInvitation],
  resolvers: [BriefResolver, BriefInvitationResolver, BrandBriefsResolver],
  problems: [BriefProblem],
  createServices: ({ verticals }: { verticals: VerticalService }) => ({ briefs: new BriefService(verticals) }),
  jobs: [{ name: 'briefs past their deadline closed', run: ({ briefs }, { em }) => briefs.closeOverdue(em) }],
});

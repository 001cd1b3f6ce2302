import type { BriefService } from '../brief/brief.service.js';
import { defineModule } from '../common/module.js';
import { MatchProblem } from './match.problems.js';
import { AgencyOpportunitiesResolver, BriefMatchResolver, MatchQueryResolver } from './match.resolver.js';
import { MatchService } from './match.service.js';

export { MatchService } from './match.service.js';
export type { Match } from './match.service.js';

/** Recommendations: which talents fit a brief, which briefs fit a talent or an agency's roster. */
export const matchModule = defineModule({
  name: 'match',
  resolvers: [BriefMatchResolver, MatchQueryResolver, AgencyOpportunitiesResolver],
  problems: [MatchProblem],
  createServices: ({ briefs }: { briefs: BriefService }) => ({ matches: new MatchService(briefs) }),
});

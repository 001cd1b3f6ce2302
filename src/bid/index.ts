import type { BriefService } from '../brief/brief.service.js';
import { defineModule } from '../common/module.js';
import type { DealService } from '../deal/deal.service.js';
import { BidEventsResolver } from './bid-events.resolver.js';
import { Bid, BidRevision } from './bid.entity.js';
import { BidProblem } from './bid.problems.js';
import { AgencyBidsResolver, BidResolver, BidRevisionResolver, BriefBidsResolver, CreatorBidsResolver, TraderBidsResolver } from './bid.resolver.js';
import { BidService } from './bid.service.js';

export { ACTIVE_BID_STATUSES, Bid, BidRevision, BidStatus, NegotiationSide } from './bid.entity.js';
export { BidService } from './bid.service.js';
export { BidType } from './bid.types.js';
export { BidTermsInput } from './bid.inputs.js';
export { BidProblem } from './bid.problems.js';
export { actsAsBidder, type Parties, seesAsParty } from './bid.visibility.js';
export { bidChannels, BidEventKind, type BidLiveEvent } from './bid.events.js';
export { closeActiveBids } from './bid-closing.js';
export { boundedText, MAX_REASON_LENGTH, parseBidTerms, type ProposedTerms, type TermsContext } from './bid-terms.js';
export { isRightTalentKind, talentEligibilityProblems, talentKindFor, talentMeetsBriefSql, type TalentKind } from './eligibility/eligibility.js';

/**
 * Bids: a talent's offer on a brief (made by themselves or by their agency), negotiated in
 * revisions until the brand accepts one into a deal or the bid closes. Who may bid is the
 * eligibility rule (eligibility/), in TypeScript and in SQL.
 */
export const bidModule = defineModule({
  name: 'bid',
  entities: [Bid, BidRevision],
  resolvers: [BidResolver, BidRevisionResolver, BriefBidsResolver, CreatorBidsResolver, TraderBidsResolver, AgencyBidsResolver, BidEventsResolver],
  problems: [BidProblem],
  createServices: ({ briefs, deals }: { briefs: BriefService; deals: DealService }) => ({ bids: new BidService(briefs, deals) }),
});

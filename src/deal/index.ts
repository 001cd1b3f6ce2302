import { defineModule } from '../common/module.js';
import type { AppConfig } from '../config/env.js';
import type { BriefService } from '../brief/brief.service.js';
import type { CredibilityService } from '../credibility/credibility.service.js';
import type { LedgerService } from '../ledger/ledger.service.js';
import { DealAmendment } from './amendment/amendment.entity.js';
import { AmendmentProblem } from './amendment/amendment.problems.js';
import { DealAmendmentResolver, DealTermsHistoryResolver } from './amendment/amendment.resolver.js';
import { DealAmendmentService } from './amendment/amendment.service.js';
import { DealCancellation } from './cancellation/cancellation.entity.js';
import { CancellationProblem } from './cancellation/cancellation.problems.js';
import { DealCancellationDetailsResolver, DealCancellationResolver } from './cancellation/cancellation.resolver.js';
import { DealCancellationService } from './cancellation/cancellation.service.js';
import { DealEventsResolver } from './deal-events.resolver.js';
import { DealMoney } from './deal-money.js';
import { DealEscrowResolver } from './deal-money.resolver.js';
import { Deal, DealTerms } from './deal.entity.js';
import { DealProblem } from './deal.problems.js';
import { DealResolver } from './deal.resolver.js';
import { DealService } from './deal.service.js';
import { DealDeliverable, DeliverableSubmission } from './deliverable/deliverable.entity.js';
import { DealDeliverableResolver, DealDeliverablesResolver, DeliverableSubmissionResolver } from './deliverable/deliverable.resolver.js';
import { DealDeliverableService } from './deliverable/deliverable.service.js';
import { DealDispute } from './dispute/dispute.entity.js';
import { DealDisputeResolver, DealDisputesResolver } from './dispute/dispute.resolver.js';
import { DealDisputeService } from './dispute/dispute.service.js';
import { DealReview } from './review/review.entity.js';
import { ReviewProblem } from './review/review.problems.js';
import { BrandReviewsResolver, CreatorReviewsResolver, DealReviewsResolver, TraderReviewsResolver } from './review/review.resolver.js';
import { DealReviewService } from './review/review.service.js';
import { SalesReport } from './sales/sales-report.entity.js';
import { SalesReportProblem } from './sales/sales-report.problems.js';
import { DealSalesResolver, SalesReportResolver } from './sales/sales-report.resolver.js';
import { SalesReportService } from './sales/sales-report.service.js';
import { DealSettlement } from './settlement/settlement.entity.js';
import { SettlementProblem } from './settlement/settlement.problems.js';
import { DealSettlementResolver } from './settlement/settlement.resolver.js';
import { DealSettlementService } from './settlement/settlement.service.js';

export { Deal, DealStatus, DealTerms, FeePayment } from './deal.entity.js';
export { DealService } from './deal.service.js';
export { DealType } from './deal.types.js';
export { dealChannel, DealEventKind, type DealLiveEvent } from './deal.events.js';
export { DealAmendmentService, DealCancellationService, DealDeliverableService, DealDisputeService, DealReviewService, DealSettlementService, SalesReportService };
export { DealAmendment, DealCancellation, DealDeliverable, DealDispute, DealReview, DealSettlement, DeliverableSubmission, SalesReport };
export { computeSettlement, type SettlementBreakdown } from './settlement/settlement.js';
export { deliverableTally, type DeliverableTally } from './deliverable/deliverable-tally.js';

/**
 * Deals: what an accepted bid becomes, with its terms and their amendments, the work delivered,
 * the sales reported, settlement, disputes, reviews and cancellation, each a sub-module of its own
 * folder. Only the bid flow creates deals (`deals.createFromBid`, inside bidAccept's transaction).
 */
export const dealModule = defineModule({
  name: 'deal',
  entities: [Deal, DealTerms, DealAmendment, DealDeliverable, DeliverableSubmission, SalesReport, DealSettlement, DealDispute, DealReview, DealCancellation],
  resolvers: [
    DealResolver,
    DealEscrowResolver,
    DealEventsResolver,
    DealTermsHistoryResolver,
    DealAmendmentResolver,
    DealDeliverablesResolver,
    DealDeliverableResolver,
    DeliverableSubmissionResolver,
    DealSalesResolver,
    SalesReportResolver,
    DealSettlementResolver,
    DealDisputesResolver,
    DealDisputeResolver,
    DealReviewsResolver,
    CreatorReviewsResolver,
    TraderReviewsResolver,
    BrandReviewsResolver,
    DealCancellationResolver,
    DealCancellationDetailsResolver,
  ],
  problems: [DealProblem, AmendmentProblem, SalesReportProblem, SettlementProblem, ReviewProblem, CancellationProblem],
  createServices: ({ config, credibility, ledger, briefs }: { config: AppConfig; credibility: CredibilityService; ledger: LedgerService; briefs: BriefService }) => {
    const money = new DealMoney(ledger);
    const dealDeliverables = new DealDeliverableService(money, config.DELIVERABLE_AUTO_APPROVE_DAYS);
    const deals = new DealService(config.PLATFORM_FEE_BP, dealDeliverables, money);
    const salesReports = new SalesReportService(deals);
    const dealSettlements = new DealSettlementService(deals, salesReports, credibility, money);
    return {
      deals,
      dealAmendments: new DealAmendmentService(dealDeliverables, money),
      dealDeliverables,
      salesReports,
      dealSettlements,
      dealDisputes: new DealDisputeService(dealSettlements, deals, money, briefs),
      dealCancellations: new DealCancellationService(money, deals, briefs),
      dealReviews: new DealReviewService(credibility),
    };
  },
  jobs: [{ name: 'deliverables approved after the brand’s review period', run: ({ dealDeliverables }, context) => dealDeliverables.autoApproveOverdue(context) }],
});

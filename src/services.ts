import { AccountService } from './account/account.service.js';
import { AgencyService } from './agency/agency.service.js';
import { RosterService } from './agency/roster.service.js';
import type { TokenService } from './auth/tokens.js';
import type { AppConfig } from './config/env.js';
import { BidService } from './bid/bid.service.js';
import { BrandService } from './brand/brand.service.js';
import { BriefService } from './brief/brief.service.js';
import { ProductService } from './brand/product.service.js';
import { CreatorService } from './creator/creator.service.js';
import { CredentialService } from './credential/credential.service.js';
import { CredibilityService } from './credibility/credibility.service.js';
import { DealService } from './deal/deal.service.js';
import { DealAmendmentService } from './deal/amendment.service.js';
import { DealDeliverableService } from './deal/deliverable.service.js';
import { DealDisputeService } from './deal/deal-dispute.service.js';
import { DealCancellationService } from './deal/deal-cancellation.service.js';
import { DealReviewService } from './deal/deal-review.service.js';
import { DealSettlementService } from './deal/deal-settlement.service.js';
import { SalesReportService } from './deal/sales-report.service.js';
import { IdempotencyService } from './idempotency/idempotency.service.js';
import { MatchService } from './match/match.service.js';
import { OrganisationInvitationService } from './organisation/organisation-invitation.service.js';
import { TraderService } from './trader/trader.service.js';
import { VerticalService } from './vertical/vertical.service.js';

/** The application's services, created once and shared by every request. */
export function createServices(dependencies: { tokens: TokenService; config: AppConfig }) {
  const credibility = new CredibilityService();
  const verticals = new VerticalService();
  const brands = new BrandService();
  const agencies = new AgencyService();
  const briefs = new BriefService(verticals);
  const dealDeliverables = new DealDeliverableService();
  const deals = new DealService(dependencies.config.PLATFORM_FEE_BP, dealDeliverables);
  const salesReports = new SalesReportService(deals);
  const dealSettlements = new DealSettlementService(deals, salesReports, credibility);
  return {
    accounts: new AccountService(dependencies.tokens),
    credibility,
    verticals,
    brands,
    products: new ProductService(verticals),
    creators: new CreatorService(credibility, verticals),
    credentials: new CredentialService(credibility),
    traders: new TraderService(credibility, verticals),
    agencies,
    organisationInvitations: new OrganisationInvitationService({ brand: brands.membership, agency: agencies.membership }),
    rosters: new RosterService(),
    briefs,
    deals,
    dealAmendments: new DealAmendmentService(dealDeliverables),
    dealDeliverables,
    salesReports,
    dealSettlements,
    dealDisputes: new DealDisputeService(dealSettlements),
    dealCancellations: new DealCancellationService(),
    dealReviews: new DealReviewService(credibility),
    bids: new BidService(briefs, deals),
    idempotency: new IdempotencyService(dependencies.config.IDEMPOTENCY_TTL_HOURS),
    matches: new MatchService(briefs),
  };
}

export type Services = ReturnType<typeof createServices>;

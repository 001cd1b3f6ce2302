import { User } from '../account/user.entity.js';
import { Agency, AgencyMember, RosterMembership } from '../agency/agency.entity.js';
import { Bid, BidRevision } from '../bid/bid.entity.js';
import { Brand, BrandMember } from '../brand/brand.entity.js';
import { Product } from '../brand/product.entity.js';
import { Brief, BriefInvitation } from '../brief/brief.entity.js';
import { ChannelAccount, Creator, CreatorRate } from '../creator/creator.entity.js';
import { Credential } from '../credential/credential.entity.js';
import { CredibilityChange } from '../credibility/credibility-change.entity.js';
import { Deal, DealTerms } from '../deal/deal.entity.js';
import { DealDispute } from '../deal/deal-dispute.entity.js';
import { DealCancellation } from '../deal/deal-cancellation.entity.js';
import { DealReview } from '../deal/deal-review.entity.js';
import { DealSettlement } from '../deal/deal-settlement.entity.js';
import { SalesReport } from '../deal/sales-report.entity.js';
import { DealAmendment } from '../deal/amendment.entity.js';
import { DealDeliverable, DeliverableSubmission } from '../deal/deliverable.entity.js';
import { IdempotencyRecord } from '../idempotency/idempotency.entity.js';
import { OrganisationInvitation } from '../organisation/organisation-invitation.entity.js';
import { Trader } from '../trader/trader.entity.js';
import { Vertical } from '../vertical/vertical.entity.js';

/** Every persistent entity; the ORM discovers nothing by scanning folders. */
export const entities = [
  User,
  Vertical,
  Brand,
  BrandMember,
  Product,
  Creator,
  ChannelAccount,
  CreatorRate,
  Credential,
  Trader,
  Agency,
  AgencyMember,
  OrganisationInvitation,
  RosterMembership,
  Brief,
  BriefInvitation,
  Bid,
  BidRevision,
  Deal,
  DealTerms,
  DealAmendment,
  DealDeliverable,
  DeliverableSubmission,
  SalesReport,
  DealDispute,
  DealSettlement,
  DealReview,
  DealCancellation,
  IdempotencyRecord,
  CredibilityChange,
];

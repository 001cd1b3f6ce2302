import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261124000000Foundation } from './Migration20261124000000Foundation.js';
import { Migration20261124000100VerticalTaxonomy } from './Migration20261124000100VerticalTaxonomy.js';
import { Migration20261124010000BriefsAndBids } from './Migration20261124010000BriefsAndBids.js';
import { Migration20261124012000RefusalReasons } from './Migration20261124012000RefusalReasons.js';
import { Migration20261124020000OrganisationInvitations } from './Migration20261124020000OrganisationInvitations.js';
import { Migration20261124030000BidAgreementGuards } from './Migration20261124030000BidAgreementGuards.js';
import { Migration20261124040000MatchIndexes } from './Migration20261124040000MatchIndexes.js';
import { Migration20261124050000CreatorMatchArrays } from './Migration20261124050000CreatorMatchArrays.js';
import { Migration20261124060000DealAmendmentsAndDeliverables } from './Migration20261124060000DealAmendmentsAndDeliverables.js';
import { Migration20261124070000SalesSettlementDisputesReviews } from './Migration20261124070000SalesSettlementDisputesReviews.js';
import { Migration20261124075000CredibilityHistory } from './Migration20261124075000CredibilityHistory.js';
import { Migration20261124080000BriefCapabilities } from './Migration20261124080000BriefCapabilities.js';
import { Migration20261124090000DealCancellation } from './Migration20261124090000DealCancellation.js';
import { Migration20261125000000RecordsAreNeverRewritten } from './Migration20261125000000RecordsAreNeverRewritten.js';
import { Migration20261125100000MatchPlanStatistics } from './Migration20261125100000MatchPlanStatistics.js';
import { Migration20261125120000TextBoundsAndVersionRules } from './Migration20261125120000TextBoundsAndVersionRules.js';
import { Migration20261125140000HotStatementPlans } from './Migration20261125140000HotStatementPlans.js';
import { Migration20261207000000FunctionsFromFiles } from './Migration20261207000000FunctionsFromFiles.js';
import { Migration20261208010000Ledger } from './Migration20261208010000Ledger.js';
import { Migration20261208010300ChineseSearch } from './Migration20261208010300ChineseSearch.js';
import { Migration20261208014500DeliverableAutoApproval } from './Migration20261208014500DeliverableAutoApproval.js';

/** Applied in this order; a migration, once committed, is never edited. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261124000000Foundation', class: Migration20261124000000Foundation },
  { name: 'Migration20261124000100VerticalTaxonomy', class: Migration20261124000100VerticalTaxonomy },
  { name: 'Migration20261124010000BriefsAndBids', class: Migration20261124010000BriefsAndBids },
  { name: 'Migration20261124012000RefusalReasons', class: Migration20261124012000RefusalReasons },
  { name: 'Migration20261124020000OrganisationInvitations', class: Migration20261124020000OrganisationInvitations },
  { name: 'Migration20261124030000BidAgreementGuards', class: Migration20261124030000BidAgreementGuards },
  { name: 'Migration20261124040000MatchIndexes', class: Migration20261124040000MatchIndexes },
  { name: 'Migration20261124050000CreatorMatchArrays', class: Migration20261124050000CreatorMatchArrays },
  { name: 'Migration20261124060000DealAmendmentsAndDeliverables', class: Migration20261124060000DealAmendmentsAndDeliverables },
  { name: 'Migration20261124070000SalesSettlementDisputesReviews', class: Migration20261124070000SalesSettlementDisputesReviews },
  { name: 'Migration20261124075000CredibilityHistory', class: Migration20261124075000CredibilityHistory },
  { name: 'Migration20261124080000BriefCapabilities', class: Migration20261124080000BriefCapabilities },
  { name: 'Migration20261124090000DealCancellation', class: Migration20261124090000DealCancellation },
  { name: 'Migration20261125000000RecordsAreNeverRewritten', class: Migration20261125000000RecordsAreNeverRewritten },
  { name: 'Migration20261125100000MatchPlanStatistics', class: Migration20261125100000MatchPlanStatistics },
  { name: 'Migration20261125120000TextBoundsAndVersionRules', class: Migration20261125120000TextBoundsAndVersionRules },
  { name: 'Migration20261125140000HotStatementPlans', class: Migration20261125140000HotStatementPlans },
  { name: 'Migration20261207000000FunctionsFromFiles', class: Migration20261207000000FunctionsFromFiles },
  { name: 'Migration20261208010000Ledger', class: Migration20261208010000Ledger },
  { name: 'Migration20261208010300ChineseSearch', class: Migration20261208010300ChineseSearch },
  { name: 'Migration20261208014500DeliverableAutoApproval', class: Migration20261208014500DeliverableAutoApproval },
];

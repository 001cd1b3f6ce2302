/**
 * Who may read or do what, for every field of the schema. test/authorization-matrix.test.ts walks
 * the built schema and fails on any Query, Mutation or object field without a rule here, so a new
 * field is public only after someone has said so; and it exercises every non-public rule for each
 * role of the matrix.
 *
 * Reads:
 * - PUBLIC: anyone who can reach the parent object sees the field.
 * - OWN_OBJECT: the whole object is private to some; the field is seen exactly when the object
 *   is (every field of such a type is read through node(id:) for each role).
 * - restricted(who): the field itself narrows who sees it (null, filtered, FORBIDDEN or NOT_FOUND
 *   for the rest); it has its own exercise in the matrix.
 * - SELF: about the signed-in viewer only (their own account or profile).
 * Writes:
 * - ANYONE: no sign-in needed (signUp, logIn).
 * - SIGNED_IN: creates something of the viewer's own; any signed-in account may.
 * - restricted(who): acts on someone's object; everyone else is refused, and nothing changes.
 */
export type Rule =
  | { access: 'PUBLIC' }
  | { access: 'OWN_OBJECT' }
  | { access: 'SELF' }
  | { access: 'ANYONE' }
  | { access: 'SIGNED_IN' }
  | { access: 'RESTRICTED'; who: string };

export const PUBLIC: Rule = { access: 'PUBLIC' };
export const OWN_OBJECT: Rule = { access: 'OWN_OBJECT' };
export const SELF: Rule = { access: 'SELF' };
export const ANYONE: Rule = { access: 'ANYONE' };
export const SIGNED_IN: Rule = { access: 'SIGNED_IN' };
export const restricted = (who: string): Rule => ({ access: 'RESTRICTED', who });

/**
 * Types that carry no access decision of their own: payloads, connections, edges and value types.
 * Whatever they hold is exactly as private as the field that leads to them, which has a rule.
 */
export const CARRIER_TYPES: readonly RegExp[] = [/Connection$/, /Edge$/, /Payload$/, /^PageInfo$/, /^UserError$/];
export const VALUE_TYPES: ReadonlySet<string> = new Set([
  'Money',
  'BidTerms',
  'BidFeeRange',
  'BidRevision',
  'DealTerms',
  'Deliverable',
  'ChannelAudience',
  'ChannelAudienceAgeBand',
  'ChannelAudienceRegion',
  'TargetAudience',
  'CreatorRateCard',
  'CreatorRate',
  'TraderRate',
  'Credibility',
  'CreatorLevelCount',
  'ExpectedRoi',
  'RoiAssumption',
  'MatchFactorScore',
  'Match',
  'AgencyMember',
  'BrandMember',
  'DealSalesTotals',
  'SettlementBreakdown',
  'SettlementRoi',
  'DealSettlement',
  'DealCancellation',
  'SalesRefund',
  'DeliverableSubmission',
  'DealReview',
  'ReviewSummary',
  'TrackRecord',
  'GuaranteedGmv',
  'BidEvent',
  'DealEvent',
  // Money: reached only through ledgerBalances, ledgerStatement, ledgerDeposits and payoutDetails, whose rules decide.
  'LedgerBalance',
  'LedgerStatement',
  'LedgerStatementLine',
  'LedgerDeposit',
  'PayoutDetails',
  // A payout is read through payouts, payoutsInStatus and node(id:), all limited to the payee's people and admins
  // (test/ledger-money.test.ts reads one as a stranger).
  'Payout',
]);

const BRAND_MEMBERS = "the brand's members";
const BRAND_MEMBERS_AND_ADMINS = "the brand's members and admins";
const AGENCY_MEMBERS = "the agency's members";
const AGENCY_MEMBERS_AND_ADMINS = "the agency's members and admins";
const HOLDER_AND_ADMINS = 'the holder and admins';

const publicFields = (type: string, fields: string): Record<string, Rule> =>
  Object.fromEntries(fields.trim().split(/\s+/).map((field) => [`${type}.${field}`, PUBLIC]));
const objectFields = (type: string, fields: string): Record<string, Rule> =>
  Object.fromEntries(fields.trim().split(/\s+/).map((field) => [`${type}.${field}`, OWN_OBJECT]));

export const RULES: Record<string, Rule> = {
  // Reads at the root.
  ...publicFields('Query', 'agencies brands creators products traders vertical verticals'),
  'Query.briefs': restricted('published PUBLIC briefs for all; INVITE_ONLY ones for the invited; drafts and other statuses for the brand’s members; admins all'),
  'Query.node': restricted('what the object’s own rule allows: the same null for unknown, malformed and private ids'),
  'Query.credentialsPendingReview': restricted('admins'),
  'Query.briefMatchRecommendations': restricted(`${BRAND_MEMBERS_AND_ADMINS}; an agency's members with forAgency`),
  'Query.recommendedBriefs': SELF,
  'Query.viewer': SELF,

  // Organisations.
  ...publicFields('Agency', 'createdAt defaultShareBp description id name'),
  'Agency.bids': restricted(AGENCY_MEMBERS_AND_ADMINS),
  'Agency.memberInvitations': restricted(AGENCY_MEMBERS),
  'Agency.members': restricted(AGENCY_MEMBERS_AND_ADMINS),
  'Agency.opportunities': restricted(AGENCY_MEMBERS_AND_ADMINS),
  'Agency.roster': restricted(`ACTIVE memberships for all; the others for ${AGENCY_MEMBERS_AND_ADMINS} and the talent concerned`),
  ...publicFields('Brand', 'createdAt description id name products viewerIsMember websiteUrl reviews reviewSummary'),
  'Brand.briefs': restricted(`published briefs the viewer may see; other statuses for ${BRAND_MEMBERS}`),
  'Brand.memberInvitations': restricted(BRAND_MEMBERS),
  'Brand.members': restricted(BRAND_MEMBERS_AND_ADMINS),
  ...publicFields('Product', 'brand createdAt description id name nicheTags requiredCredentials updatedAt vertical'),
  ...objectFields('OrganisationInvitation', 'agency brand email id invitedAt respondedAt role status'),
  ...objectFields('User', 'agencies brands createdAt creatorProfile credentials displayName email emailVerified id isAdmin traderProfile'),
  'User.organisationInvitations': restricted('the account itself'),

  // Briefs: the brief itself may be private (draft, invite-only); some fields are the brand's only.
  ...objectFields(
    'Brief',
    `awardedAt bidCount biddingMode brand budget cancellationReason cancelledAt closedAt createdAt deadline description formats gmvGuarantee id
     minCredibilityLevel nicheTags objective openForBids ownRequiredCredentials platforms preferredStructures products publishedAt requiredCredentials
     slots slotsFilled slotsRemaining status targetAudience title updatedAt verticals visibility requiredCapabilities`,
  ),
  'Brief.bids': restricted(`every bid for ${BRAND_MEMBERS_AND_ADMINS}; their own for a bidder; none for anyone else`),
  'Brief.feeRange': restricted(`${BRAND_MEMBERS_AND_ADMINS}; in OPEN bidding also bidders with a bid of their own`),
  'Brief.invitations': restricted(BRAND_MEMBERS_AND_ADMINS),
  'Brief.matchRecommendations': restricted(`${BRAND_MEMBERS_AND_ADMINS}; an agency's members with forAgency`),
  ...objectFields('BriefInvitation', 'agency brief creator id invitedAt trader'),

  // Bids and deals: the parties and admins, nobody else.
  ...objectFields('Bid', 'agency agreedRevision brief creator currentRevision currentTerms deal id pitch rejectionReason revisions status submittedAt trader updatedAt'),
  ...objectFields(
    'Deal',
    `agency bid brand brief createdAt creator id status terms trader updatedAt feeReleasedAt salesReports salesTotals settlementPreview settlement
     disputes reviews termsHistory amendments deliverables deliverablesConnection cancellation escrow`,
  ),
  // A deal's records: its parties and admins, like the deal.
  ...objectFields(
    'DealAmendment',
    'id side status reason baseVersion resultingVersion answeredAt answerReason createdAt deal proposedTerms proposedByName answeredByName',
  ),
  ...objectFields('DealDeliverable', 'id format platform description dueAt status firstSubmittedAt approvedAt addedInVersion droppedInVersion deal late submissions'),
  ...objectFields('SalesReport', 'id periodStart periodEnd source ordersCount supersededAt createdAt gmv refunds refundsTotal inForce supersedes supersededBy'),
  ...objectFields('DealDispute', 'id openedBySide openedByName reason openedAt decision resolutionNote resolvedAt resolvedByName splitTalentAmount'),

  // Money: a brand's balance for its members, a payee's for its people; admins see all.
  'Query.ledgerBalances': restricted("the owner's people (a brand's members, the talent, an agency's members) and admins"),
  'Query.ledgerStatement': restricted("the owner's people and admins"),
  'Query.ledgerDeposits': restricted(BRAND_MEMBERS_AND_ADMINS),
  'Query.payoutDetails': restricted("the payee's people and admins"),
  'Query.payouts': restricted("the payee's people and admins"),
  'Query.payoutsInStatus': restricted('admins'),

  // Talent.
  ...publicFields(
    'Creator',
    'activeDealCount agency audienceQuality availableSlots bio capacity channelAccounts createdAt credibility displayName id kind nicheTags rateCard totalFollowers verticals',
  ),
  'Creator.bids': restricted('the creator and admins'),
  'Creator.credentials': restricted(`verified ones for all; pending and rejected ones for ${HOLDER_AND_ADMINS}`),
  'Creator.rosterInvitations': restricted('the creator'),
  ...publicFields('Creator', 'reviews reviewSummary trackRecord'),
  'Creator.credibilityHistory': restricted('the talent, the agency whose roster they are active on, and admins'),
  ...publicFields('Trader', 'activeDealCount agency availableSlots bio capabilities capacity createdAt credibility displayName id platforms rate verticals'),
  'Trader.bids': restricted('the operator and admins'),
  'Trader.credentials': restricted(`verified ones for all; pending and rejected ones for ${HOLDER_AND_ADMINS}`),
  'Trader.rosterInvitations': restricted('the operator'),
  ...publicFields('Trader', 'reviews reviewSummary trackRecord'),
  'Trader.credibilityHistory': restricted('the talent, the agency whose roster they are active on, and admins'),
  ...publicFields('CredibilityChange', 'previousScore previousLevel newScore newLevel reason explanation createdAt'),
  'CredibilityChange.deal': restricted("the deal's parties and admins"),
  ...publicFields('ChannelAccount', 'audience averageViews creator engagementRate followers handle id platform realFollowerShare updatedAt'),
  // Verification, verified figures, audits and snapshot history are as public as the channel.
  ...publicFields('ChannelAccount', 'status verified verification audit snapshots'),
  ...publicFields('Creator', 'declaredFollowers'),
  ...publicFields('ChannelFigures', 'followers averageViews engagementRate realFollowerShare audience'),
  ...publicFields('ChannelVerification', 'method verifiedAt'),
  ...publicFields('AudienceAudit', 'score factors'),
  ...publicFields('AuditFactor', 'kind value weight sentence'),
  ...publicFields('ChannelSnapshot', 'id source capturedAt figures followerHistory audit createdAt'),
  ...publicFields('FollowerCount', 'at followers'),
  ...publicFields('Query', 'credibilityLevels'),
  ...publicFields('CredibilityLevelRequirement', 'level minScore verifiedIdentity minSettledDeals summary'),
  ...publicFields('Connector', 'id name platform'),
  // Keys are reached only through Query.apiKeys and the payloads of their owners' own mutations.
  'Query.apiKeys': restricted("the brand's or agency's owners; admins for connectors"),
  ...publicFields('ApiKey', 'id name scopes prefix createdAt lastUsedAt revokedAt'),
  'Mutation.apiKeyCreate': restricted("the brand's or agency's owners; admins for connectors"),
  'Mutation.apiKeyRotate': restricted("the key's organisation's owners; admins for connectors"),
  'Mutation.apiKeyRevoke': restricted("the key's organisation's owners; admins for connectors"),
  'Mutation.connectorCreate': restricted('admins'),
  'Mutation.channelAccountVerificationCodeCreate': restricted('the creator'),
  'Mutation.channelAccountVerify': restricted('admins, and connector API keys with CHANNELS_VERIFY'),
  'Mutation.channelSnapshotRecord': restricted('connector API keys with SNAPSHOTS_WRITE'),
  // A credential is public once verified; pending and rejected ones are their holder's and the admins'.
  ...objectFields('Credential', 'createdAt expiresAt id issuer reviewedAt status type'),
  'Credential.evidenceUrl': restricted(HOLDER_AND_ADMINS),
  'Credential.holder': restricted(HOLDER_AND_ADMINS),
  'Credential.licenseNumber': restricted(HOLDER_AND_ADMINS),
  'Credential.reviewNote': restricted(HOLDER_AND_ADMINS),
  // ACTIVE memberships are public; invitations and past ones belong to the agency, the talent and admins.
  ...objectFields('RosterMembership', 'agency creator endedAt id invitedAt respondedAt status trader'),
  'RosterMembership.shareBp': restricted(`${AGENCY_MEMBERS_AND_ADMINS} and the talent`),
  ...publicFields('Vertical', 'children creatorCounts description id isTopLevel name parent slug'),
  'Node.id': OWN_OBJECT,

  // Writes.
  'Mutation.signUp': ANYONE,
  'Mutation.logIn': ANYONE,
  // Emailed links are the proof; asking for one says nothing about whether an account exists.
  'Mutation.logOut': ANYONE,
  'Mutation.emailVerify': ANYONE,
  'Mutation.passwordResetRequest': ANYONE,
  'Mutation.passwordReset': ANYONE,
  'Mutation.emailChangeConfirm': ANYONE,
  'Mutation.logOutEverywhere': SIGNED_IN,
  'Mutation.emailVerificationRequest': SIGNED_IN,
  'Mutation.passwordChange': SIGNED_IN,
  'Mutation.emailChangeRequest': SIGNED_IN,
  'Mutation.brandCreate': SIGNED_IN,
  'Mutation.agencyCreate': SIGNED_IN,
  'Mutation.creatorProfileCreate': SIGNED_IN,
  'Mutation.traderProfileCreate': SIGNED_IN,
  'Mutation.credentialSubmit': SIGNED_IN,
  'Mutation.brandUpdate': restricted(BRAND_MEMBERS),
  'Mutation.brandMemberInvite': restricted("the brand's owners"),
  'Mutation.brandMemberRemove': restricted("the brand's owners"),
  'Mutation.productCreate': restricted(BRAND_MEMBERS),
  'Mutation.productUpdate': restricted(BRAND_MEMBERS),
  'Mutation.briefCreate': restricted(BRAND_MEMBERS),
  'Mutation.briefUpdate': restricted(BRAND_MEMBERS),
  'Mutation.briefPublish': restricted(BRAND_MEMBERS),
  'Mutation.briefCancel': restricted(BRAND_MEMBERS),
  'Mutation.briefClose': restricted(BRAND_MEMBERS),
  'Mutation.briefInvite': restricted(BRAND_MEMBERS),
  'Mutation.briefUninvite': restricted(BRAND_MEMBERS),
  'Mutation.bidShortlist': restricted(BRAND_MEMBERS),
  'Mutation.bidReject': restricted(BRAND_MEMBERS),
  'Mutation.bidCounter': restricted(BRAND_MEMBERS),
  'Mutation.bidAccept': restricted(BRAND_MEMBERS),
  'Mutation.bidSubmit': restricted('the talent, or the members of an agency with the talent on its ACTIVE roster'),
  'Mutation.bidRevise': restricted('the talent or the members of the bidding agency'),
  'Mutation.bidWithdraw': restricted('the talent or the members of the bidding agency'),
  'Mutation.bidCounterAccept': restricted('the talent or the members of the bidding agency'),
  'Mutation.creatorProfileUpdate': restricted('the creator'),
  'Mutation.creatorRateCardSet': restricted('the creator'),
  'Mutation.channelAccountAdd': restricted('the creator'),
  'Mutation.channelAccountUpdate': restricted('the creator'),
  'Mutation.channelAccountRemove': restricted('the creator'),
  'Mutation.traderProfileUpdate': restricted('the operator'),
  'Mutation.credentialVerify': restricted('admins'),
  'Mutation.credentialReject': restricted('admins'),
  'Mutation.agencyUpdate': restricted(AGENCY_MEMBERS),
  'Mutation.agencyMemberInvite': restricted("the agency's owners"),
  'Mutation.agencyMemberRemove': restricted("the agency's owners"),
  'Mutation.rosterInvite': restricted(AGENCY_MEMBERS),
  'Mutation.rosterMembershipEnd': restricted(`${AGENCY_MEMBERS} and the talent`),
  'Mutation.rosterInvitationAccept': restricted('the invited talent'),
  'Mutation.rosterInvitationDecline': restricted('the invited talent'),
  'Mutation.organisationInvitationAccept': restricted('the person signed in with the invited email'),
  'Mutation.organisationInvitationDecline': restricted('the person signed in with the invited email'),
  'Mutation.organisationInvitationRevoke': restricted("the organisation's members"),
  'Mutation.verticalCreate': restricted('admins'),
  'Mutation.verticalUpdate': restricted('admins'),
  'Mutation.dealSalesReport': restricted("the deal's brand members and admins"),
  'Mutation.dealSettle': restricted("the deal's brand members and admins"),
  'Mutation.dealDisputeOpen': restricted("the deal's brand members, the talent and the agency's members"),
  'Mutation.dealDisputeResolve': restricted('admins'),
  'Mutation.ledgerDepositConfirm': restricted('admins'),
  'Mutation.payoutDetailsSet': restricted("the payee's people: the creator or operator, or the agency's members"),
  'Mutation.payoutRequest': restricted("the payee's people, up to what is available"),
  'Mutation.payoutBatchCreate': restricted('admins'),
  'Mutation.payoutMarkPaid': restricted('admins'),
  'Mutation.payoutMarkFailed': restricted('admins'),
  'Mutation.dealCancel': restricted("the deal's brand members, the talent and the agency's members, before any proof was submitted"),
  'Mutation.dealReview': restricted('the deal’s parties, once settled'),
  'Mutation.dealAmendmentPropose': restricted("the deal's parties"),
  'Mutation.dealAmendmentAccept': restricted('the side of the deal that did not propose'),
  'Mutation.dealAmendmentReject': restricted('the side of the deal that did not propose'),
  'Mutation.dealAmendmentWithdraw': restricted('the side of the deal that proposed'),
  'Mutation.dealDeliverableSubmit': restricted('the talent or the members of the agency acting for them'),
  'Mutation.dealDeliverableApprove': restricted("the deal's brand members"),
  'Mutation.dealDeliverableRequestChanges': restricted("the deal's brand members"),

  // Live updates over WebSocket.
  'Subscription.bidEvents': restricted("the brief's brand members and admins"),
  'Subscription.myBidStatusChanged': SELF,
  'Subscription.dealEvents': restricted("the deal's parties and admins"),
};

/** The rule of a type's field: its own, or none when the type carries no decision of its own. */
export function ruleOf(type: string, field: string): Rule | 'CARRIED' | undefined {
  if (CARRIER_TYPES.some((pattern) => pattern.test(type)) || VALUE_TYPES.has(type)) return 'CARRIED';
  return RULES[`${type}.${field}`];
}

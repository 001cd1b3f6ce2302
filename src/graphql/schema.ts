import 'reflect-metadata';
import { DateTimeResolver } from 'graphql-scalars';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { createPubSub } from '@graphql-yoga/subscription';
import { LiveEventsResolver } from '../events/live.resolver.js';
import { AccountResolver } from '../account/account.resolver.js';
import { AgencyMemberResolver, AgencyResolver, UserAgenciesResolver } from '../agency/agency.resolver.js';
import { CreatorRosterResolver, RosterMembershipResolver, TraderRosterResolver } from '../agency/roster.resolver.js';
import { TraderResolver, UserTraderProfileResolver } from '../trader/trader.resolver.js';
import { BrandMemberResolver, BrandResolver, UserBrandsResolver } from '../brand/brand.resolver.js';
import { ProductResolver } from '../brand/product.resolver.js';
import { OrganisationInvitationResolver, UserOrganisationInvitationsResolver } from '../organisation/organisation.resolver.js';
import { AgencyBidsResolver, BidResolver, BidRevisionResolver, BriefBidsResolver, CreatorBidsResolver, TraderBidsResolver } from '../bid/bid.resolver.js';
import { DealResolver } from '../deal/deal.resolver.js';
import { DealCancellationDetailsResolver, DealCancellationResolver } from '../deal/deal-cancellation.resolver.js';
import { BrandReviewsResolver, CreatorReviewsResolver, DealDisputeResolver, DealOutcomeResolver, SalesReportResolver, TraderReviewsResolver } from '../deal/deal-outcome.resolver.js';
import { DealAmendmentResolver, DealTermsHistoryResolver } from '../deal/amendment.resolver.js';
import { DealDeliverableResolver, DealDeliverablesResolver, DeliverableSubmissionResolver } from '../deal/deliverable.resolver.js';
import { BrandBriefsResolver, BriefInvitationResolver, BriefResolver } from '../brief/brief.resolver.js';
import { AgencyOpportunitiesResolver, BriefMatchResolver, MatchQueryResolver } from '../match/match.resolver.js';
import { VerticalResolver } from '../vertical/vertical.resolver.js';
import { ChannelAccountResolver, CreatorResolver, UserCreatorProfileResolver } from '../creator/creator.resolver.js';
import { CreatorCredibilityResolver, CredibilityChangeResolver, TraderCredibilityResolver } from '../credibility/credibility.resolver.js';
import {
  CreatorCredentialsResolver,
  CredentialResolver,
  TraderCredentialsResolver,
  UserCredentialsResolver,
} from '../credential/credential.resolver.js';
import { authChecker } from './auth-checker.js';
import { NodeResolver } from './node.resolver.js';
import { translateResolverErrors } from './resolver-errors.js';
import { ResolverInstances } from './viewer-loading.js';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
const resolvers: NonEmptyArray<Function> = [NodeResolver, LiveEventsResolver, AccountResolver, VerticalResolver, BrandResolver, BrandMemberResolver, UserBrandsResolver, ProductResolver, CreatorResolver, ChannelAccountResolver, UserCreatorProfileResolver, CredentialResolver, CreatorCredentialsResolver, TraderCredentialsResolver, UserCredentialsResolver, TraderResolver, UserTraderProfileResolver, AgencyResolver, AgencyMemberResolver, UserAgenciesResolver, OrganisationInvitationResolver, UserOrganisationInvitationsResolver, RosterMembershipResolver, CreatorRosterResolver, TraderRosterResolver, BriefResolver, BriefInvitationResolver, BrandBriefsResolver, BidResolver, BidRevisionResolver, BriefBidsResolver, CreatorBidsResolver, TraderBidsResolver, AgencyBidsResolver, DealResolver, DealOutcomeResolver, SalesReportResolver, DealDisputeResolver, DealCancellationResolver, DealCancellationDetailsResolver, CreatorReviewsResolver, TraderReviewsResolver, BrandReviewsResolver, DealTermsHistoryResolver, DealAmendmentResolver, DealDeliverablesResolver, DealDeliverableResolver, DeliverableSubmissionResolver, BriefMatchResolver, MatchQueryResolver, AgencyOpportunitiesResolver, CreatorCredibilityResolver, TraderCredibilityResolver, CredibilityChangeResolver];

export async function createSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers,
    authChecker,
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    // Every subscription subscribes through the request's LiveEventBus itself; type-graphql still
    // asks for a PubSub once a schema has subscriptions.
    pubSub: createPubSub(),
    validate: false,
    container: new ResolverInstances(),
  });
  translateResolverErrors(schema);
  // type-graphql has no decorator for the root types' own descriptions.
  const queryType = schema.getQueryType();
  const mutationType = schema.getMutationType();
  if (queryType) queryType.description = 'Reads. Public unless a field says who may see it.';
  if (mutationType) mutationType.description = 'Writes. Each returns a payload with `userErrors`; nothing is written when it is not empty.';
  const subscriptionType = schema.getSubscriptionType();
  if (subscriptionType) subscriptionType.description = 'Live updates over WebSocket (graphql-ws) at the same path; authenticate in connection_init. Each event is checked against the subscriber before it is sent.';
  return schema;
}

/** The SDL committed under schema/: sorted, so a diff shows only real changes. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

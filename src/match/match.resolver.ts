import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Agency } from '../agency/agency.entity.js';
import { AgencyType } from '../agency/agency.types.js';
import { Role } from '../auth/viewer.js';
import type { Brief } from '../brief/brief.entity.js';
import { BriefType } from '../brief/brief.types.js';
import type { CurrencyCode } from '../common/money.js';
import type { Creator } from '../creator/creator.entity.js';
import { type ConnectionShape, MAX_PAGE_SIZE, pageRequest } from '../graphql/connection.js';
import type { RequestContext } from '../graphql/context.js';
import { idOfType } from '../graphql/global-id.js';
import type { Trader } from '../trader/trader.entity.js';
import { CANDIDATE_CAP } from './match-candidates.js';
import { type Match, type MatchPage, OPPORTUNITY_BRIEF_CAP } from './match.service.js';
import { MatchConnection, MatchWeightsInput } from './match.types.js';
import type { FactorScore, MatchFlag } from './scoring.js';
import type { RoiAssumption } from './expected-roi.js';

@ArgsType()
class MatchPageArgs {
  @Field(() => Int, { nullable: true, description: `Matches after \`after\`, 1 to ${MAX_PAGE_SIZE}; required.` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the match to start after; only cursors of the same ranking (brief, weights, roster) are accepted.' })
  after?: string | null;
}

interface MatchView {
  brief: Brief;
  creator: Creator | null;
  trader: Trader | null;
  score: number;
  factors: FactorScore[];
  flags: MatchFlag[];
  expectedRoi: {
    roiBp: number | null;
    expectedNetGmv: { amount: number; currency: CurrencyCode } | null;
    expectedCost: { amount: number; currency: CurrencyCode };
    assumptions: RoiAssumption[];
  };
}

function toView(match: Match): MatchView {
  const currency = match.expectedRoi.currency as CurrencyCode;
  return {
    brief: match.brief,
    creator: match.creator,
    trader: match.trader,
    score: match.score.score,
    factors: match.score.factors,
    flags: match.score.flags,
    expectedRoi: {
      roiBp: match.expectedRoi.roiBp,
      expectedNetGmv: match.expectedRoi.expectedNetGmv === null ? null : { amount: match.expectedRoi.expectedNetGmv, currency },
      expectedCost: { amount: match.expectedRoi.expectedCost, currency },
      assumptions: match.expectedRoi.assumptions,
    },
  };
}

function toConnection(page: MatchPage): ConnectionShape<MatchView> {
  return {
    edges: page.items.map((match, index) => ({ node: toView(match), cursor: page.cursors[index]! })),
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: page.cursors[0] ?? null,
      endCursor: page.cursors.at(-1) ?? null,
    },
    totalCount: page.totalCount,
  };
}

const pageOf = (args: MatchPageArgs) => pageRequest({ first: args.first ?? null, after: args.after ?? null });

const WEIGHTS_DESCRIPTION = 'Relative weights of the factors; left out, the defaults. Negative, non-finite or all-zero weights are refused.';
const FOR_AGENCY_DESCRIPTION = 'Only the ACTIVE roster of this agency; you must be its member (FORBIDDEN otherwise). Any brief you can see.';
const RECOMMENDATIONS_DESCRIPTION =
  'Creators (or operators, for operated self-broadcasts) who pass every hard constraint of the brief — required verified credentials, minimum credibility level, an account on one of its platforms and a rate for one of its formats, capacity left, no active bid or deal on it — best match first, with a diversity re-rank that keeps top-reach accounts from filling the first page. The ' +
  `${CANDIDATE_CAP} most credible who pass are ranked (\`totalCount\` is at most ${CANDIDATE_CAP}), which` +
  ' keeps a ranking fast at any number of creators. Over-budget candidates are kept, scored 0 on price fit and flagged OVER_BUDGET. For the brand’s members and admins (others get NOT_FOUND, as for a missing brief), or for an agency’s members with `forAgency`.';

@Resolver(() => BriefType)
export class BriefMatchResolver {
  @Authorized()
  @FieldResolver(() => MatchConnection, { description: RECOMMENDATIONS_DESCRIPTION })
  async matchRecommendations(
    @Root() brief: Brief,
    @Args(() => MatchPageArgs) args: MatchPageArgs,
    @Arg('weights', () => MatchWeightsInput, { nullable: true, description: WEIGHTS_DESCRIPTION }) weights: MatchWeightsInput | null,
    @Arg('forAgency', () => ID, { nullable: true, description: FOR_AGENCY_DESCRIPTION }) forAgency: string | null,
    @Ctx() context: RequestContext,
  ) {
    return toConnection(await context.services.matches.recommendationsForBrief(context, brief, agencyOptions(weights, forAgency), pageOf(args)));
  }
}

@Resolver()
export class MatchQueryResolver {
  @Authorized()
  @Query(() => MatchConnection, { description: `The same as Brief.matchRecommendations, by the brief’s id. ${RECOMMENDATIONS_DESCRIPTION}` })
  async briefMatchRecommendations(
    @Arg('briefId', () => ID, { description: 'The brief.' }) briefId: string,
    @Args(() => MatchPageArgs) args: MatchPageArgs,
    @Arg('weights', () => MatchWeightsInput, { nullable: true, description: WEIGHTS_DESCRIPTION }) weights: MatchWeightsInput | null,
    @Arg('forAgency', () => ID, { nullable: true, description: FOR_AGENCY_DESCRIPTION }) forAgency: string | null,
    @Ctx() context: RequestContext,
  ) {
    const page = pageOf(args);
    return toConnection(await context.services.matches.recommendationsForBrief(context, idOfType(briefId, 'Brief'), agencyOptions(weights, forAgency), page));
  }

  @Authorized(Role.CREATOR, Role.TRADER)
  @Query(() => MatchConnection, {
    description: `Open briefs (the ${OPPORTUNITY_BRIEF_CAP} soonest deadlines you can see) whose hard constraints your creator or operator profile passes, best match first. For creators and operators only.`,
  })
  async recommendedBriefs(@Args(() => MatchPageArgs) args: MatchPageArgs, @Ctx() context: RequestContext) {
    return toConnection(await context.services.matches.recommendedBriefs(context, pageOf(args)));
  }
}

@Resolver(() => AgencyType)
export class AgencyOpportunitiesResolver {
  @Authorized()
  @FieldResolver(() => MatchConnection, {
    description:
      'Open briefs (the soonest deadlines you can see, at most 200) paired with each ACTIVE roster member who passes their hard constraints, best pair first, default weights. Members of the agency and admins only (FORBIDDEN otherwise).',
  })
  async opportunities(@Root() agency: Agency, @Args(() => MatchPageArgs) args: MatchPageArgs, @Ctx() context: RequestContext) {
    return toConnection(await context.services.matches.opportunitiesForAgency(context, agency, pageOf(args)));
  }
}

function agencyOptions(weights: MatchWeightsInput | null, forAgency: string | null) {
  const agencyId = forAgency == null ? null : idOfType(forAgency, 'Agency');
  return { weights: weights ? { ...weights } : null, agencyId, agencyArgumentInvalid: forAgency != null && agencyId === null };
}

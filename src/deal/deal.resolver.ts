import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Agency } from '../agency/agency.entity.js';
import { AgencyType } from '../agency/agency.types.js';
import type { Bid } from '../bid/bid.entity.js';
import { BidType } from '../bid/bid.types.js';
import { commonTermsView } from '../bid/terms-view.js';
import type { Brand } from '../brand/brand.entity.js';
import { BrandType } from '../brand/brand.types.js';
import type { Brief } from '../brief/brief.entity.js';
import { BriefType } from '../brief/brief.types.js';
import type { Creator } from '../creator/creator.entity.js';
import { CreatorType } from '../creator/creator.types.js';
import type { RequestContext } from '../graphql/context.js';
import { defineNode } from '../graphql/node.js';
import type { Trader } from '../trader/trader.entity.js';
import { TraderType } from '../trader/trader.types.js';
import { Deal, type DealTerms } from './deal.entity.js';
import { DealTermsType, DealType } from './deal.types.js';

defineNode({ typeName: 'Deal', entity: Deal, load: (context, id) => context.services.deals.visibleById(context, id) });

/** What a terms version holds; an amendment's proposed terms hold the same. */
export type DealTermsFields = Pick<
  DealTerms,
  | 'version'
  | 'currency'
  | 'fixedFee'
  | 'commissionBp'
  | 'gmvGuarantee'
  | 'refundWindowDays'
  | 'agencyShareBp'
  | 'platformFeeBp'
  | 'deliverables'
  | 'exclusivityDays'
  | 'usageRightsDays'
  | 'feePayment'
  | 'createdAt'
>;

/** A terms version as the API shows it. */
export function termsOf(terms: DealTermsFields): DealTermsType {
  return {
    ...commonTermsView(terms),
    version: terms.version,
    refundWindowDays: terms.refundWindowDays,
    agencyShareBp: terms.agencyShareBp,
    platformFeeBp: terms.platformFeeBp,
    exclusivityDays: terms.exclusivityDays,
    usageRightsDays: terms.usageRightsDays,
    feePayment: terms.feePayment,
    createdAt: terms.createdAt,
  };
}

@Resolver(() => DealType)
export class DealResolver {
  @FieldResolver(() => BriefType, { description: 'The brief the deal fills a slot of.' })
  brief(@Root() deal: Deal): Promise<Brief> {
    return deal.brief.loadOrFail();
  }

  @FieldResolver(() => BidType, { description: 'The bid that was accepted.' })
  bid(@Root() deal: Deal): Promise<Bid> {
    return deal.bid.loadOrFail();
  }

  @FieldResolver(() => BrandType, { description: 'The brand that pays.' })
  brand(@Root() deal: Deal): Promise<Brand> {
    return deal.brand.loadOrFail();
  }

  @FieldResolver(() => CreatorType, { nullable: true, description: 'The creator who does the work, when the talent is a creator.' })
  async creator(@Root() deal: Deal): Promise<Creator | null> {
    return (await deal.creator?.loadOrFail()) ?? null;
  }

  @FieldResolver(() => TraderType, { nullable: true, description: 'The operator who does the work, when the talent is an operator.' })
  async trader(@Root() deal: Deal): Promise<Trader | null> {
    return (await deal.trader?.loadOrFail()) ?? null;
  }

  @FieldResolver(() => AgencyType, { nullable: true, description: 'The agency that represents the talent and takes its share; null without one.' })
  async agency(@Root() deal: Deal): Promise<Agency | null> {
    return (await deal.agency?.loadOrFail()) ?? null;
  }

  @FieldResolver(() => DealTermsType, { description: 'The terms in force: the latest agreed version.' })
  async terms(@Root() deal: Deal, @Ctx() { services }: RequestContext): Promise<DealTermsType> {
    return termsOf(await services.deals.currentTerms(deal));
  }
}

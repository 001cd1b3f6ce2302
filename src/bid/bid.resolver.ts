import type { Cursor } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { Agency } from '../agency/agency.entity.js';
import { AgencyType } from '../agency/agency.types.js';
import type { Brief } from '../brief/brief.entity.js';
import { BriefType } from '../brief/brief.types.js';
import type { CurrencyCode } from '../common/money.js';
import { Creator } from '../creator/creator.entity.js';
import { CreatorType } from '../creator/creator.types.js';
import { pageFromEnd, pageFromEndKey } from '../db/first-pages.js';
import type { Deal } from '../deal/deal.entity.js';
import { DealType } from '../deal/deal.types.js';
import { type ConnectionShape, pageRequest, toConnection, withCursorCheck } from '../graphql/connection.js';
import { loader, type RequestContext } from '../graphql/context.js';
import { idOfType } from '../graphql/global-id.js';
import { mutate, mutateOnce } from '../graphql/mutation.js';
import { defineNode } from '../graphql/node.js';
import { Trader } from '../trader/trader.entity.js';
import { TraderType } from '../trader/trader.types.js';
import { Bid, BidRevision } from './bid.entity.js';
import { commonTermsView } from './terms-view.js';
import type { BidStats } from './bid.service.js';
import {
  BidAcceptPayload,
  BidConnection,
  BidFeeRangeType,
  BidPayload,
  BidRevisionType,
  BidTermsType,
  BidType,
} from './bid.types.js';
import { BidsArgs, BidSubmitInput, BidTermsInput } from './bid.inputs.js';

defineNode({ typeName: 'Bid', entity: Bid, load: (context, id) => context.services.bids.visibleById(context, id) });

/** A revision's terms as the API shows them. */
function termsOf(revision: BidRevision): BidTermsType {
  return { ...commonTermsView(revision), agencyShareBp: revision.agencyShareBp ?? null };
}

async function revisionNumbered(bid: Bid, number: number | null | undefined): Promise<BidRevision | null> {
  if (number == null) return null;
  return (await bid.revisions.loadItems()).find((revision) => revision.number === number) ?? null;
}

async function latestRevision(bid: Bid): Promise<BidRevision> {
  const current = await revisionNumbered(bid, bid.currentRevision);
  if (!current) throw new Error(`bid ${bid.id} has no revision ${bid.currentRevision}`);
  return current;
}

const statusesOf = (args: BidsArgs) => (args.statuses?.length ? [...new Set(args.statuses)].sort() : null);

/** A page the service may refuse to show (null), as a connection. */
const toOptionalConnection = (cursor: Cursor<Bid> | null): ConnectionShape<Bid> | null => (cursor ? toConnection(cursor) : null);

const bidStats = (context: RequestContext) =>
  loader(
    context,
    'bid.statsByBrief',
    (requestContext) =>
      new DataLoader<Brief, BidStats, string>((briefs) => requestContext.services.bids.statsOfBriefs(requestContext, briefs), { cacheKeyFn: (brief) => brief.id }),
  );

const dealOfBid = (context: RequestContext) =>
  loader(context, 'bid.deal', ({ em, services }) => new DataLoader<string, Deal | null>((bidIds) => services.deals.ofBids(em, bidIds)));

/** A talent id as the service takes it: absent stays absent, an id of another type becomes null. */
const optionalIdOf = (globalId: string | null | undefined, typeName: string) => (globalId == null ? undefined : idOfType(globalId, typeName));

@Resolver(() => BidType)
export class BidResolver {
  @FieldResolver(() => BriefType, { description: 'The brief bid on.' })
  brief(@Root() bid: Bid): Promise<Brief> {
    return bid.brief.loadOrFail();
  }

  @FieldResolver(() => CreatorType, { nullable: true, description: 'The creator who would do the work, when the talent is a creator.' })
  async creator(@Root() bid: Bid): Promise<Creator | null> {
    return (await bid.creator?.loadOrFail()) ?? null;
  }

  @FieldResolver(() => TraderType, { nullable: true, description: 'The operator who would do the work, when the talent is an operator.' })
  async trader(@Root() bid: Bid): Promise<Trader | null> {
    return (await bid.trader?.loadOrFail()) ?? null;
  }

  @FieldResolver(() => AgencyType, { nullable: true, description: 'The agency that bid for its roster member; null for a talent’s own bid.' })
  async agency(@Root() bid: Bid): Promise<Agency | null> {
    return (await bid.agency?.loadOrFail()) ?? null;
  }

  @FieldResolver(() => BidTermsType, { description: 'The terms of the latest proposal, whichever side made it.' })
  async currentTerms(@Root() bid: Bid): Promise<BidTermsType> {
    return termsOf(await latestRevision(bid));
  }

  @FieldResolver(() => BidRevisionType, {
    description: 'The latest proposal, whichever side made it. Its number is the one bidAccept and bidCounterAccept take to say yes to it.',
  })
  currentRevision(@Root() bid: Bid): Promise<BidRevision> {
    return latestRevision(bid);
  }

  @FieldResolver(() => [BidRevisionType], { description: 'Every proposal, oldest first: the bid itself is number 1.' })
  revisions(@Root() bid: Bid): Promise<BidRevision[]> {
    return bid.revisions.loadItems();
  }

  @FieldResolver(() => BidRevisionType, { nullable: true, description: 'The revision both sides said yes to; null until they have.' })
  agreedRevision(@Root() bid: Bid): Promise<BidRevision | null> {
    return revisionNumbered(bid, bid.agreedRevision);
  }

  @FieldResolver(() => Date, { description: 'When the bid was submitted.' })
  submittedAt(@Root() bid: Bid): Date {
    return bid.createdAt;
  }

  @FieldResolver(() => DealType, { nullable: true, description: 'The deal the bid became; null unless ACCEPTED.' })
  deal(@Root() bid: Bid, @Ctx() context: RequestContext): Promise<Deal | null> {
    return dealOfBid(context).load(bid.id);
  }

  @Authorized()
  @Mutation(() => BidPayload, {
    description:
      'Bids on an OPEN brief for a creator or an operator: your own profile, or (with agencyId) an active member of your agency’s roster. One active bid per talent and brief. Safe to retry with an idempotency key (argument or `Idempotency-Key` header).',
  })
  bidSubmit(
    @Arg('input', () => BidSubmitInput, { description: 'The brief, the talent and the terms.' }) input: BidSubmitInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: 'Any unique string (e.g. a UUID) that makes a retry return the first result.' })
    idempotencyKey: string | null,
    @Ctx() context: RequestContext,
  ) {
    const { services } = context;
    return mutateOnce(
      context,
      // Hashed to tell a retry from a new request; through JSON so that due dates hash as their text.
      { operation: 'bidSubmit', argumentKey: idempotencyKey, input: JSON.parse(JSON.stringify(input)) as unknown },
      async (tx) => {
        const result = await services.bids.submit(tx, {
          briefId: idOfType(input.briefId, 'Brief'),
          creatorId: optionalIdOf(input.creatorId, 'Creator'),
          traderId: optionalIdOf(input.traderId, 'Trader'),
          agencyId: optionalIdOf(input.agencyId, 'Agency'),
          terms: input.terms,
          pitch: input.pitch,
        });
        return { result, resultId: result.bid.id };
      },
      (tx, bidId) => services.bids.submitted(tx, bidId),
      // The bid and its first revision are one statement; writeBid says how it stays correct.
      { writesAtomically: true },
    );
  }

  @Authorized()
  @Mutation(() => BidPayload, { description: 'Shortlists a SUBMITTED bid. Members of the brief’s brand only.' })
  bidShortlist(@Arg('id', () => ID, { description: 'The bid.' }) id: string, @Ctx() context: RequestContext) {
    return mutate(context, (tx) => context.services.bids.shortlist(tx, idOfType(id, 'Bid')));
  }

  @Authorized()
  @Mutation(() => BidPayload, { description: 'Rejects an active bid, for good. Members of the brief’s brand only.' })
  bidReject(
    @Arg('id', () => ID, { description: 'The bid.' }) id: string,
    @Arg('reason', () => String, { nullable: true, description: 'Why, for the bidder; at most 2000 characters.' }) reason: string | null,
    @Ctx() context: RequestContext,
  ) {
    return mutate(context, (tx) => context.services.bids.reject(tx, idOfType(id, 'Bid'), reason));
  }

  @Authorized()
  @Mutation(() => BidPayload, {
    description: 'Proposes other terms to the bidder (a new revision); the bid becomes COUNTERED. Members of the brief’s brand only.',
  })
  bidCounter(
    @Arg('id', () => ID, { description: 'The bid.' }) id: string,
    @Arg('terms', () => BidTermsInput, { description: 'The brand’s terms; the agency’s share carries over and may not be given.' }) terms: BidTermsInput,
    @Arg('message', () => String, { nullable: true, description: 'A note for the bidder; at most 5000 characters.' }) message: string | null,
    @Ctx() context: RequestContext,
  ) {
    return mutate(context, (tx) => context.services.bids.counter(tx, idOfType(id, 'Bid'), terms, message));
  }

  @Authorized()
  @Mutation(() => BidPayload, {
    description: 'Proposes other terms to the brand (a new revision). The talent or a member of the bidding agency only.',
  })
  bidRevise(
    @Arg('id', () => ID, { description: 'The bid.' }) id: string,
    @Arg('terms', () => BidTermsInput, { description: 'The new terms; only the bidding agency may restate its share.' }) terms: BidTermsInput,
    @Arg('message', () => String, { nullable: true, description: 'A note for the brand; at most 5000 characters.' }) message: string | null,
    @Ctx() context: RequestContext,
  ) {
    return mutate(context, (tx) => context.services.bids.revise(tx, idOfType(id, 'Bid'), terms, message));
  }

  @Authorized()
  @Mutation(() => BidPayload, {
    description: 'Says yes to the brand’s counter-proposal: the bid becomes AGREED on it, ready for the brand to accept. The talent or a member of the bidding agency only.',
  })
  bidCounterAccept(
    @Arg('id', () => ID, { description: 'The bid.' }) id: string,
    @Arg('revision', () => Int, { description: 'The number of the revision you say yes to: the brand’s counter you reviewed (STALE_REVISION if another is current now).' })
    revision: number,
    @Ctx() context: RequestContext,
  ) {
    return mutate(context, (tx) => context.services.bids.acceptCounter(tx, idOfType(id, 'Bid'), revision));
  }

  @Authorized()
  @Mutation(() => BidPayload, { description: 'Takes an active bid back, for good. The talent or a member of the bidding agency only.' })
  bidWithdraw(@Arg('id', () => ID, { description: 'The bid.' }) id: string, @Ctx() context: RequestContext) {
    return mutate(context, (tx) => context.services.bids.withdraw(tx, idOfType(id, 'Bid')));
  }

  @Authorized()
  @Mutation(() => BidAcceptPayload, {
    description:
      'Accepts a bid whose latest proposal is the bidder’s, or an AGREED one, into a deal, filling one of the brief’s slots; when the last slot fills, the brief is AWARDED and its other active bids close as NOT_SELECTED. COUNTER_PENDING while your own counter awaits the bidder; STALE_REVISION when the bid changed since the revision you name; SLOTS_FULL when no slot is left; NOT_ON_ROSTER, MISSING_CREDENTIAL, BELOW_MIN_LEVEL or AT_CAPACITY when the talent no longer qualifies. Members of the brief’s brand only. Safe to retry with an idempotency key.',
  })
  bidAccept(
    @Arg('id', () => ID, { description: 'The bid.' }) id: string,
    @Arg('revision', () => Int, { description: 'The number of the revision you say yes to: the current one you reviewed (STALE_REVISION if another is current now).' })
    revision: number,
    @Arg('idempotencyKey', () => String, { nullable: true, description: 'Any unique string (e.g. a UUID) that makes a retry return the first result.' })
    idempotencyKey: string | null,
    @Ctx() context: RequestContext,
  ) {
    const { services } = context;
    return mutateOnce(
      context,
      { operation: 'bidAccept', argumentKey: idempotencyKey, input: { id, revision } },
      async (tx) => {
        const result = await services.bids.accept(tx, idOfType(id, 'Bid'), revision);
        return { result, resultId: result.deal.id };
      },
      (tx, dealId) => services.bids.accepted(tx, dealId),
    );
  }
}

@Resolver(() => BidRevisionType)
export class BidRevisionResolver {
  @FieldResolver(() => String, { description: 'Display name of the person who proposed it.' })
  async authorName(@Root() revision: BidRevision): Promise<string> {
    return (await revision.author.loadOrFail()).displayName;
  }

  @FieldResolver(() => BidTermsType, { description: 'The proposed terms.' })
  terms(@Root() revision: BidRevision): BidTermsType {
    return termsOf(revision);
  }
}

@Resolver(() => BriefType)
export class BriefBidsResolver {
  @FieldResolver(() => BidConnection, {
    description:
      'The bids on the brief you may see, newest first: every bid for the brand’s members and admins; your own (or your agency’s) for a bidder; none for anyone else.',
  })
  async bids(@Root() brief: Brief, @Args(() => BidsArgs) args: BidsArgs, @Ctx() context: RequestContext) {
    const { services } = context;
    const page = pageRequest(args);
    const statuses = statusesOf(args);
    const fromEnd = pageFromEnd(page);
    if (fromEnd) {
      // The usual case, a list of briefs each with its first page: one statement for all of them.
      const firstPages = loader(
        context,
        `brief.bids:${pageFromEndKey(fromEnd)}:${statuses?.join(',') ?? ''}`,
        (requestContext) =>
          new DataLoader<Brief, Cursor<Bid>, string>((briefs) => services.bids.firstPagesOfBriefs(requestContext, briefs, statuses, fromEnd), {
            cacheKeyFn: (key) => key.id,
          }),
      );
      return toConnection(await firstPages.load(brief));
    }
    return toConnection(await withCursorCheck(() => services.bids.pageOfBrief(context, brief, statuses, page)));
  }

  @FieldResolver(() => Int, { description: 'How many bids were made on the brief, withdrawn ones aside. Anyone who sees the brief sees the count, never who bid.' })
  async bidCount(@Root() brief: Brief, @Ctx() context: RequestContext): Promise<number> {
    return (await bidStats(context).load(brief)).bidCount;
  }

  @FieldResolver(() => BidFeeRangeType, {
    nullable: true,
    description:
      'Lowest and highest fixed fee the bidders propose on the active bids (their latest proposals; the brand’s counters do not count). The brand’s members and admins see it; in OPEN bidding so do bidders with a bid of their own on the brief; null for anyone else, and when there are no active bids.',
  })
  async feeRange(@Root() brief: Brief, @Ctx() context: RequestContext): Promise<BidFeeRangeType | null> {
    const { feeRange } = await bidStats(context).load(brief);
    if (!feeRange) return null;
    const currency = brief.budgetCurrency as CurrencyCode;
    return { min: { amount: feeRange.min, currency }, max: { amount: feeRange.max, currency } };
  }
}

@Resolver(() => CreatorType)
export class CreatorBidsResolver {
  @FieldResolver(() => BidConnection, {
    nullable: true,
    description: 'Bids made in the creator’s name (by themself or their agency), newest first. Only the creator and admins see them; null for anyone else.',
  })
  async bids(@Root() creator: Creator, @Args(() => BidsArgs) args: BidsArgs, @Ctx() context: RequestContext) {
    const page = pageRequest(args);
    return toOptionalConnection(await withCursorCheck(() => context.services.bids.pageOfTalent(context, creator, statusesOf(args), page)));
  }
}

@Resolver(() => TraderType)
export class TraderBidsResolver {
  @FieldResolver(() => BidConnection, {
    nullable: true,
    description: 'Bids made in the operator’s name (by themself or their agency), newest first. Only the operator and admins see them; null for anyone else.',
  })
  async bids(@Root() trader: Trader, @Args(() => BidsArgs) args: BidsArgs, @Ctx() context: RequestContext) {
    const page = pageRequest(args);
    return toOptionalConnection(await withCursorCheck(() => context.services.bids.pageOfTalent(context, trader, statusesOf(args), page)));
  }
}

@Resolver(() => AgencyType)
export class AgencyBidsResolver {
  @FieldResolver(() => BidConnection, {
    nullable: true,
    description: 'Bids the agency submitted for its roster, newest first. Only the agency’s members and admins see them; null for anyone else.',
  })
  async bids(@Root() agency: Agency, @Args(() => BidsArgs) args: BidsArgs, @Ctx() context: RequestContext) {
    const page = pageRequest(args);
    return toOptionalConnection(await withCursorCheck(() => context.services.bids.pageOfAgency(context, agency.id, statusesOf(args), page)));
  }
}

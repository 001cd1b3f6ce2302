import { type Cursor, type FilterQuery, LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { RosterMembership, RosterStatus } from '../agency/agency.entity.js';
import type { Viewer } from '../auth/viewer.js';
import { Brief, BriefStatus, BriefVisibility } from '../brief/brief.entity.js';
import type { BriefService } from '../brief/brief.service.js';
import { type BriefAudience, type BriefInvitees, seesAllOfBrand, seesBrief } from '../brief/brief.visibility.js';
import { findPage, type PageRequest } from '../common/page.js';
import { AccessDenied, Problem, ProblemCode } from '../common/problems.js';
import type { ServiceContext } from '../common/service-context.js';
import { Creator } from '../creator/creator.entity.js';
import { firstPagesBy, type PageFromEnd } from '../db/first-pages.js';
import type { Deal } from '../deal/deal.entity.js';
import type { DealService } from '../deal/deal.service.js';
import { Trader } from '../trader/trader.entity.js';
import { type BriefRequirements, talentEligibilityProblems, type TalentProfile } from './eligibility/eligibility.js';
import { type BidSubmissionFacts, type NamedTalent, readBidSubmissionFacts, writeBid } from './bid-submission.js';
import { closeActiveBids, moveBid } from './bid-closing.js';
import { BidAction } from './bid.transitions.js';
import {
  type BidTermsInput,
  boundedText,
  MAX_MESSAGE_LENGTH,
  MAX_PITCH_LENGTH,
  MAX_REASON_LENGTH,
  parseBidTerms,
  type ProposedTerms,
  type TermsContext,
} from './bid-terms.js';
import { actsAsBidder, bidderBidsSql, type Parties, seesAsParty, seesFeeRange, visibleBidsWhere } from './bid.visibility.js';
import { uuidArray } from '../db/sql-arrays.js';
import { ACTIVE_BID_STATUSES, Bid, BidRevision, BidStatus, NegotiationSide } from './bid.entity.js';
import { BidProblem } from './bid.problems.js';
import { BidEventKind, publishBidEvent as publishEvent } from './bid.events.js';

/** Newest first; the id breaks ties so that cursors are stable. */
const BID_ORDER = { createdAt: 'desc', id: 'desc' } as const;

/** Briefs whose bids may still change: a CLOSED brief stops taking bids, not negotiations. */
const NEGOTIABLE_BRIEF_STATUSES: readonly BriefStatus[] = [BriefStatus.OPEN, BriefStatus.CLOSED];

export interface BidSubmitRequest {
  /** Null when the client's id names no brief. */
  briefId: string | null;
  /** Undefined when not given; null when given but not the id of a creator. */
  creatorId?: string | null;
  /** Undefined when not given; null when given but not the id of an operator. */
  traderId?: string | null;
  /** Undefined when not given (a bid for oneself); null when given but not the id of an agency. */
  agencyId?: string | null;
  terms: BidTermsInput;
  pitch?: string | null;
}

/** The talent a bid is for: a creator or an operator. */
type Talent = { creator: Creator; trader?: undefined } | { trader: Trader; creator?: undefined };

/** Which side of a bid someone acts for. */
type Side = 'brand' | 'bidder';

/** Aggregates about a brief's bids; never who bid. */
export interface BidStats {
  /** Bids made on the brief, except withdrawn ones. */
  bidCount: number;
  /**
   * Lowest and highest fixed fee the bidders propose in their latest proposals on the active bids;
   * null when there are none, or when the viewer may not learn it (`seesFeeRange`).
   */
  feeRange: { min: number; max: number } | null;
}

/**
 * Bids and their negotiation. A bid is made for one talent (by themself, or by an agency for a
 * member of its roster); every proposal after it is a new BidRevision; every status move goes
 * through `bidTransitions`; every read goes through the one rule in bid.visibility.ts. Accepting
 * a bid makes a deal and fills one of the brief's slots, in one transaction.
 */
export class BidService {
  constructor(
    private readonly briefs: BriefService,
    private readonly deals: DealService,
  ) {}

  // ---- Reads -------------------------------------------------------------------------------

  /** The bid, or null when it does not exist or the viewer may not see it: the two look alike. */
  async visibleById({ em, viewer }: ServiceContext, bidId: string): Promise<Bid | null> {
    const bid = await em.findOne(Bid, bidId, { populate: ['brief'] });
    return bid && seesAsParty(viewer, partiesOf(bid)) ? bid : null;
  }

  /** One page of the bids on a brief that the viewer may see: all of them for the brand, one's own for a bidder. */
  pageOfBrief({ em, viewer }: ServiceContext, brief: Brief, statuses: readonly BidStatus[] | null, page: PageRequest): Promise<Cursor<Bid>> {
    const where: FilterQuery<Bid> = { brief: brief.id, ...statusFilter(statuses) };
    return findPage(em, Bid, { where: seesAllOfBrand(viewer, brief.brand.id) ? where : { $and: [where, visibleBidsWhere(viewer)] }, orderBy: BID_ORDER, page });
  }

  /**
   * The first page of visible bids on each brief, in at most two statements for the whole batch
   * (briefs whose bids the viewer sees whole, and briefs where they see only their own), so a list
   * of briefs with their bids costs no query per brief.
   */
  async firstPagesOfBriefs(
    { em, viewer }: ServiceContext,
    briefs: readonly Brief[],
    statuses: readonly BidStatus[] | null,
    page: PageFromEnd,
  ): Promise<Cursor<Bid>[]> {
    const statusSql = statuses ? { sql: 'status = any(?::text[])', parameters: [`{${statuses.join(',')}}`] } : null;
    const whole = briefs.filter((brief) => seesAllOfBrand(viewer, brief.brand.id)).map((brief) => brief.id);
    const own = briefs.filter((brief) => !seesAllOfBrand(viewer, brief.brand.id)).map((brief) => brief.id);
    const bidder = bidderBidsSql(viewer);
    const read = (briefIds: string[], condition: { sql: string; parameters: unknown[] } | null) =>
      briefIds.length
        ? firstPagesBy(em, Bid, { groupBy: 'brief', groupIds: briefIds, orderBy: BID_ORDER, page, ...(condition ? { condition } : {}) })
        : Promise.resolve([]);
    const wholePages = await read(whole, statusSql);
    const ownPages = await read(own, statusSql ? { sql: `(${bidder.sql}) and ${statusSql.sql}`, parameters: [...bidder.parameters, ...statusSql.parameters] } : bidder);
    const pages = new Map<string, Cursor<Bid>>();
    whole.forEach((briefId, index) => pages.set(briefId, wholePages[index]!));
    own.forEach((briefId, index) => pages.set(briefId, ownPages[index]!));
    return briefs.map((brief) => pages.get(brief.id)!);
  }

  /** Bids made in a talent's name, newest first; null for anyone but the talent themself and admins. */
  async pageOfTalent(
    { em, viewer }: ServiceContext,
    talent: Creator | Trader,
    statuses: readonly BidStatus[] | null,
    page: PageRequest,
  ): Promise<Cursor<Bid> | null> {
    const isCreator = talent instanceof Creator;
    const own = isCreator ? viewer?.creatorId === talent.id : viewer?.traderId === talent.id;
    if (!viewer || !(own || viewer.isAdmin)) return null;
    const where: FilterQuery<Bid> = { ...(isCreator ? { creator: talent.id } : { trader: talent.id }), ...statusFilter(statuses) };
    return findPage(em, Bid, { where: { $and: [where, visibleBidsWhere(viewer)] }, orderBy: BID_ORDER, page });
  }

  /** Bids an agency submitted, newest first; null for anyone but its members and admins. */
  async pageOfAgency(
    { em, viewer }: ServiceContext,
    agencyId: string,
    statuses: readonly BidStatus[] | null,
    page: PageRequest,
  ): Promise<Cursor<Bid> | null> {
    if (!viewer || !(viewer.isAgencyMember(agencyId) || viewer.isAdmin)) return null;
    const where: FilterQuery<Bid> = { agency: agencyId, ...statusFilter(statuses) };
    return findPage(em, Bid, { where: { $and: [where, visibleBidsWhere(viewer)] }, orderBy: BID_ORDER, page });
  }

  /**
   * Count and fee range of each brief's bids, in one statement for the batch, the range only where
   * the viewer may learn it (`seesFeeRange`). The range reads each active bid's latest proposal
   * from the bidder's side: the brand's counters are not what bidders ask.
   */
  async statsOfBriefs({ em, viewer }: ServiceContext, briefs: readonly Brief[]): Promise<BidStats[]> {
    const active = `{${ACTIVE_BID_STATUSES.join(',')}}`;
    const ownBid = bidderBidsSql(viewer);
    const rows = await em.execute<{ brief_id: string; bid_count: number; min_fee: string | null; max_fee: string | null; own_bid: boolean }[]>(
      `select bid.brief_id,
              count(*) filter (where bid.status <> 'WITHDRAWN')::int as bid_count,
              min(proposal.fixed_fee) filter (where bid.status = any(?::text[])) as min_fee,
              max(proposal.fixed_fee) filter (where bid.status = any(?::text[])) as max_fee,
              coalesce(bool_or(${ownBid.sql}), false) as own_bid
         from bid
         left join lateral (
           select revision.fixed_fee from bid_revision revision
            where revision.bid_id = bid.id and revision.side = ?
            order by revision.number desc
            limit 1
         ) proposal on true
        where bid.brief_id = any(?::uuid[])
        group by bid.brief_id`,
      [active, active, ...ownBid.parameters, NegotiationSide.BIDDER, uuidArray(briefs.map((brief) => brief.id))],
    );
    const byBrief = new Map(rows.map((row) => [row.brief_id, row]));
    return briefs.map((brief) => {
      const row = byBrief.get(brief.id);
      const shown = seesFeeRange(viewer, { brandId: brief.brand.id, biddingMode: brief.biddingMode }, row?.own_bid ?? false);
      return {
        bidCount: row?.bid_count ?? 0,
        feeRange: shown && row?.min_fee != null && row.max_fee != null ? { min: Number(row.min_fee), max: Number(row.max_fee) } : null,
      };
    });
  }

  // ---- Submitting --------------------------------------------------------------------------

  async submit(context: ServiceContext, input: BidSubmitRequest): Promise<{ bid: Bid }> {
    const { em } = context;
    const viewer = signedIn(context.viewer);
    const audience = await this.briefs.audienceOf(context);
    const named = namedTalent(input);
    // Bids share the brief's row lock, so they come in side by side; an award or a cancellation
    // locks it for update, so it waits until this bid is in and closes it with the others, and a
    // bid that comes after it finds the brief no longer open. In a transaction (a request with an
    // idempotency key) the one read of everything the rules below need takes the lock; without
    // one the write takes it, and checks again what may have changed since (writeBid).
    const facts = input.briefId
      ? await readBidSubmissionFacts(em, {
          briefId: input.briefId,
          talent: named,
          agencyId: input.agencyId ?? null,
          invitationsOf: invitationsToRead(audience, named, input.agencyId ?? null),
        })
      : null;
    if (!facts || !seesBrief(audience, facts.brief, facts.invitees)) throw Problem.notFound('brief', ['input', 'briefId']);
    const { brief } = facts;
    const { talent, profile } = foundTalent(named, facts.talent);
    const representation = biddingAgency(viewer, input.agencyId, talent, facts);

    const now = new Date();
    if (!this.briefs.isOpenForBids(brief, now)) throw briefNotOpen();
    const bidder = { creatorId: talent.creatorId, traderId: talent.traderId, agencyId: representation?.agencyId ?? null };
    if (!this.briefs.isInvited(brief, facts.invitees, bidder)) throw notInvited();
    assertEligible(brief, profile, talent.field);

    const terms = parseBidTerms(
      input.terms,
      termsContext(brief, now, representation ? { allowed: true, fallback: representation.shareBp } : { allowed: false, fallback: null }),
      ['input', 'terms'],
    );
    const pitch = boundedText(input.pitch, { max: MAX_PITCH_LENGTH }, ['input', 'pitch']);

    // One active bid per talent and brief: the partial unique indexes decide, for simultaneous bids
    // too, so no count runs first (it cost every bid a statement and could not settle a race anyway).
    // What may have changed since the facts were read is checked again as the bid is written.
    const inserted = await writeBid(em, {
      briefId: brief.id,
      inviteOnly: brief.visibility === BriefVisibility.INVITE_ONLY,
      ...bidder,
      authorId: viewer.userId,
      pitch,
      terms,
    });
    if ('refused' in inserted) {
      throw { BRIEF_NOT_OPEN: briefNotOpen, NOT_INVITED: notInvited, ALREADY_BID: () => alreadyBid(talent.field) }[inserted.refused]();
    }
    const { bid } = inserted;
    publishBidEvent(context, bid, BidEventKind.SUBMITTED, { brandId: brief.brandId, ...bidder });
    return { bid };
  }

  /** Rebuilds bidSubmit's answer for a retried request. */
  async submitted({ em }: ServiceContext, bidId: string): Promise<{ bid: Bid }> {
    return { bid: await em.findOneOrFail(Bid, bidId) };
  }

  // ---- Negotiating: the brand's side -------------------------------------------------------

  async shortlist(context: ServiceContext, bidId: string | null): Promise<{ bid: Bid }> {
    const { bid } = await lockBidFor(context, bidId, 'brand');
    moveBid(bid, BidAction.SHORTLIST);
    await context.em.flush();
    publishBidEvent(context, bid, BidEventKind.SHORTLISTED);
    return { bid };
  }

  async reject(context: ServiceContext, bidId: string | null, reason: string | null | undefined): Promise<{ bid: Bid }> {
    const { bid } = await lockBidFor(context, bidId, 'brand');
    const rejectionReason = boundedText(reason, { max: MAX_REASON_LENGTH }, ['reason']);
    moveBid(bid, BidAction.REJECT);
    bid.rejectionReason = rejectionReason || null;
    await context.em.flush();
    publishBidEvent(context, bid, BidEventKind.REJECTED);
    return { bid };
  }

  /** The brand proposes other terms; the agency's share, being the agency's business, carries over. */
  async counter(context: ServiceContext, bidId: string | null, terms: BidTermsInput, message: string | null | undefined): Promise<{ bid: Bid }> {
    const { bid, brief } = await lockBidFor(context, bidId, 'brand');
    const current = await currentRevisionOf(context.em, bid);
    const proposed = parseBidTerms(terms, termsContext(brief, new Date(), { allowed: false, fallback: current.agencyShareBp ?? null }), ['terms']);
    const text = boundedText(message, { max: MAX_MESSAGE_LENGTH }, ['message']);
    moveBid(bid, BidAction.COUNTER);
    addRevision(context.em, bid, NegotiationSide.BRAND, context.viewer!.userId, proposed, text);
    await context.em.flush();
    publishBidEvent(context, bid, BidEventKind.COUNTERED);
    return { bid };
  }

  // ---- Negotiating: the bidder's side ------------------------------------------------------

  /** The bidder proposes other terms; only the agency may restate its own share. */
  async revise(context: ServiceContext, bidId: string | null, terms: BidTermsInput, message: string | null | undefined): Promise<{ bid: Bid }> {
    const { bid, brief } = await lockBidFor(context, bidId, 'bidder');
    const current = await currentRevisionOf(context.em, bid);
    const agencyShare = bid.agency
      ? { allowed: context.viewer!.isAgencyMember(bid.agency.id), fallback: current.agencyShareBp ?? null }
      : { allowed: false, fallback: null };
    const proposed = parseBidTerms(terms, termsContext(brief, new Date(), agencyShare), ['terms']);
    const text = boundedText(message, { max: MAX_MESSAGE_LENGTH }, ['message']);
    moveBid(bid, BidAction.REVISE);
    addRevision(context.em, bid, NegotiationSide.BIDDER, context.viewer!.userId, proposed, text);
    await context.em.flush();
    publishBidEvent(context, bid, BidEventKind.REVISED);
    return { bid };
  }

  /**
   * The bidder says yes to the brand's counter, naming the revision they saw: both sides now agree
   * on it. A counter written since is STALE_REVISION.
   */
  async acceptCounter(context: ServiceContext, bidId: string | null, revision: number): Promise<{ bid: Bid }> {
    const { bid } = await lockBidFor(context, bidId, 'bidder');
    moveBid(bid, BidAction.ACCEPT_COUNTER);
    assertCurrentRevision(bid, revision);
    bid.agreedRevision = bid.currentRevision;
    await context.em.flush();
    publishBidEvent(context, bid, BidEventKind.COUNTER_ACCEPTED);
    return { bid };
  }

  async withdraw(context: ServiceContext, bidId: string | null): Promise<{ bid: Bid }> {
    const { bid } = await lockBidFor(context, bidId, 'bidder');
    moveBid(bid, BidAction.WITHDRAW);
    await context.em.flush();
    publishBidEvent(context, bid, BidEventKind.WITHDRAWN);
    return { bid };
  }

  // ---- Accepting ---------------------------------------------------------------------------

  /**
   * The brand says yes to the revision it names: the bid becomes a deal and fills a slot. Who may
   * do it is decided before any lock. Locks are then taken brief first, then bid (as nowhere else a
   * bid is locked before its brief), so concurrent accepts on one brief queue on the brief row
   * instead of deadlocking. The talent must still meet the bidding rules, and the agency still have
   * them on its roster. The slot is taken by a conditional update that cannot overfill, and the
   * brief's CHECK constraint stands behind it. The deal starts funded: its fixed fee moves from the
   * brand's balance into escrow in the same transaction, or nothing happens (INSUFFICIENT_FUNDS).
   */
  async accept(context: ServiceContext, bidId: string | null, revision: number): Promise<{ deal: Deal; bid: Bid }> {
    const { em } = context;
    const found = await bidActableBy(context, bidId, 'brand');
    const brief = await em.findOneOrFail(Brief, found.brief.id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    const bid = await em.findOneOrFail(Bid, found.id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (brief.status === BriefStatus.AWARDED) throw slotsFull();
    assertNegotiable(brief);
    if (bid.status === BidStatus.COUNTERED) {
      throw Problem.of(BidProblem.COUNTER_PENDING, 'Your counter-proposal still awaits the bidder; they must accept it (or revise) first.', ['id']);
    }
    moveBid(bid, BidAction.ACCEPT);
    assertCurrentRevision(bid, revision);
    const talent = await talentOf(em, bid);
    if (bid.agency) await rosterShare(em, bid.agency.id, talent, ['id']);
    await this.assertStillEligible(em, brief, talent, ['id']);

    const [slot] = await em.execute<{ slots_filled: number; slots: number }[]>(
      'update brief set slots_filled = slots_filled + 1, updated_at = now() where id = ? and slots_filled < slots returning slots_filled, slots',
      [brief.id],
    );
    if (!slot) throw slotsFull();
    const [room] = await em.execute<{ id: string }[]>(
      `update ${talent.creator ? 'creator' : 'trader'} set active_deal_count = active_deal_count + 1 where id = ? and active_deal_count < capacity returning id`,
      [talent.creator?.id ?? talent.trader!.id],
    );
    if (!room) {
      throw Problem.of(BidProblem.AT_CAPACITY, 'The talent is working on as many deals as their capacity allows; they take no new ones until one ends.', ['id']);
    }
    await em.refresh(brief);

    bid.agreedRevision = bid.currentRevision;
    const agreed = await currentRevisionOf(em, bid);
    const deal = this.deals.createFromBid(em, bid, agreed, brief.brand.id, context.viewer!.userId);
    if (slot.slots_filled >= slot.slots) {
      await this.briefs.markAwarded(em, brief);
      await closeActiveBids(context, { briefId: brief.id, brandId: brief.brand.id, except: bid.id });
    }
    await em.flush();
    await this.deals.fundAtStart(em, deal, context.viewer!.userId);
    publishBidEvent(context, bid, BidEventKind.ACCEPTED);
    return { deal, bid };
  }

  /** Rebuilds bidAccept's answer for a retried request. */
  async accepted({ em }: ServiceContext, dealId: string): Promise<{ deal: Deal; bid: Bid }> {
    const deal = await this.deals.byId(em, dealId);
    return { deal, bid: await deal.bid.loadOrFail() };
  }

  // ---- Helpers -----------------------------------------------------------------------------

  /** The bidding rules on the talent's profile as it is now, as at submission. */
  private async assertStillEligible(em: EntityManager, brief: Brief, talent: Talent, talentField: string[]): Promise<void> {
    const requirements = { objective: brief.objective, requiredCredentials: await this.briefs.requiredCredentialsNow(em, brief), minCredibilityLevel: brief.minCredibilityLevel };
    assertEligible(requirements, profileOf(talent), talentField);
  }
}

/**
 * The bid with its brief, when the viewer may act on `side` of it, decided on a plain read so that
 * nobody else ever waits on (or holds) a bid's lock. Not visible: NOT_FOUND, as for a missing id.
 * Visible but not theirs to act on: FORBIDDEN.
 */
async function bidActableBy(context: ServiceContext, bidId: string | null, side: Side): Promise<Bid> {
  const viewer = signedIn(context.viewer);
  const bid = bidId ? await context.em.findOne(Bid, bidId, { populate: ['brief'] }) : null;
  if (!bid || !seesAsParty(viewer, partiesOf(bid))) throw Problem.notFound('bid', ['id']);
  if (side === 'brand' && !viewer.isBrandMember(bid.brief.getEntity().brand.id)) {
    throw new AccessDenied('Only members of the brand that posted the brief may do this.');
  }
  if (side === 'bidder' && !actsAsBidder(viewer, partiesOf(bid))) {
    throw new AccessDenied('Only the talent the bid names, or a member of the agency that submitted it, may do this.');
  }
  return bid;
}

/**
 * `bidActableBy`, then the bid locked for the rest of the transaction so that answers to it run one
 * after another, on a brief whose bids may still change. Only the bid row is locked, never its
 * brief: whatever locks both (an acceptance, an award, a cancellation) takes the brief first, so
 * the two cannot wait on each other.
 */
async function lockBidFor(context: ServiceContext, bidId: string | null, side: Side): Promise<{ bid: Bid; brief: Brief }> {
  const found = await bidActableBy(context, bidId, side);
  const bid = await context.em.findOneOrFail(Bid, found.id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  const brief = bid.brief.getEntity();
  assertNegotiable(brief);
  return { bid, brief };
}

/** Tells the bid's parties, once the transaction commits, what happened to it. */
function publishBidEvent(context: ServiceContext, bid: Bid, kind: BidEventKind, parties: Parties = partiesOf(bid)): void {
  publishEvent(context, { bidId: bid.id, briefId: bid.brief.id, status: bid.status, parties }, kind);
}

/** The bidding rules on the talent's profile, the same at submission and at acceptance. */
function assertEligible(brief: BriefRequirements, profile: TalentProfile, talentField: string[]): void {
  const problems = talentEligibilityProblems(brief, profile, talentField);
  if (problems.length) throw new Problem(problems);
}

/** The parties of a bid whose brief is loaded. */
function partiesOf(bid: Bid): Parties {
  return {
    brandId: bid.brief.getEntity().brand.id,
    creatorId: bid.creator?.id ?? null,
    traderId: bid.trader?.id ?? null,
    agencyId: bid.agency?.id ?? null,
  };
}

function addRevision(em: EntityManager, bid: Bid, side: NegotiationSide, authorId: string, terms: ProposedTerms, message: string): void {
  const number = bid.currentRevision + 1;
  em.create(BidRevision, { bid, number, side, author: authorId, ...terms, message });
  // The author says yes to their own proposal; the other side has not answered it yet.
  Object.assign(bid, { currentRevision: number, agreedRevision: null });
}

async function currentRevisionOf(em: EntityManager, bid: Bid): Promise<BidRevision> {
  return em.findOneOrFail(BidRevision, { bid: bid.id, number: bid.currentRevision });
}

function termsContext(
  brief: Pick<Brief, 'budgetCurrency' | 'formats' | 'platforms'>,
  now: Date,
  agencyShare: TermsContext['agencyShare'],
): TermsContext {
  return { currency: brief.budgetCurrency, formats: brief.formats, platforms: brief.platforms, now, agencyShare };
}

function statusFilter(statuses: readonly BidStatus[] | null): { status?: { $in: BidStatus[] } } {
  return statuses ? { status: { $in: [...statuses] } } : {};
}

function signedIn(viewer: Viewer | null): Viewer {
  if (!viewer) throw new AccessDenied('Sign in first.');
  return viewer;
}

/** An agreement names the revision agreed to; any other than the current one is out of date. */
function assertCurrentRevision(bid: Bid, revision: number): void {
  if (revision !== bid.currentRevision) {
    throw Problem.of(
      ProblemCode.STALE_REVISION,
      `The bid changed: revision ${bid.currentRevision} is now current; review it and accept again.`,
      ['revision'],
    );
  }
}

function assertNegotiable(brief: Brief): void {
  if (!NEGOTIABLE_BRIEF_STATUSES.includes(brief.status)) {
    throw Problem.of(BidProblem.BRIEF_NOT_OPEN, `This brief is ${brief.status}; its bids can no longer change.`, ['id']);
  }
}

/** The talent a bid is for, as the request names it, with the input field that names it. */
type RequestedTalent = NamedTalent & { field: string[] };

/** The talent the request names; null unless it gives exactly one of creatorId and traderId. */
function namedTalent(input: BidSubmitRequest): RequestedTalent | null {
  if ((input.creatorId === undefined) === (input.traderId === undefined)) return null;
  if (input.creatorId !== undefined) return { kind: 'creator', id: input.creatorId, field: ['input', 'creatorId'] };
  return { kind: 'trader', id: input.traderId ?? null, field: ['input', 'traderId'] };
}

/** A talent that exists, by the ids a bid stores. */
interface TalentOfBid {
  creatorId: string | null;
  traderId: string | null;
  field: string[];
}

/** The named talent, once its profile was found: INVALID without exactly one, NOT_FOUND without a profile. */
function foundTalent(named: RequestedTalent | null, profile: TalentProfile | null): { talent: TalentOfBid; profile: TalentProfile } {
  if (!named) throw Problem.of(ProblemCode.INVALID, 'Give exactly one of creatorId and traderId: the talent who would do the work.', ['input']);
  if (!named.id || !profile) throw Problem.notFound(named.kind === 'creator' ? 'creator' : 'operator', named.field);
  const talent = { creatorId: named.kind === 'creator' ? named.id : null, traderId: named.kind === 'trader' ? named.id : null, field: named.field };
  return { talent, profile };
}

/**
 * Whose invitations to the brief a bid needs to know of: the viewer's audience, for the visibility
 * rule, and the bidder, for the invitation rule.
 */
function invitationsToRead(audience: BriefAudience, talent: NamedTalent | null, agencyId: string | null): BriefInvitees {
  const withId = (ids: ReadonlySet<string>, id: string | null | undefined) => (id ? [...ids, id] : [...ids]);
  return {
    creatorIds: withId(audience.creatorIds, talent?.kind === 'creator' ? talent.id : null),
    traderIds: withId(audience.traderIds, talent?.kind === 'trader' ? talent.id : null),
    agencyIds: withId(audience.agencyIds, agencyId),
  };
}

/** The talent a bid names, read afresh: acceptance judges them as they are now. */
async function talentOf(em: EntityManager, bid: Bid): Promise<Talent> {
  if (bid.creator) return { creator: await em.findOneOrFail(Creator, bid.creator.id, { refresh: true }) };
  return { trader: await em.findOneOrFail(Trader, bid.trader!.id, { refresh: true }) };
}

function talentWhere(talent: Talent): { creator: string } | { trader: string } {
  return talent.creator ? { creator: talent.creator.id } : { trader: talent.trader.id };
}

/**
 * Who the viewer bids as. Without an agency, only for their own profile. With one, as a member of
 * that agency, for a talent on its ACTIVE roster; the roster membership's share is the default
 * agency share of the terms.
 */
function biddingAgency(
  viewer: Viewer,
  agencyId: string | null | undefined,
  talent: TalentOfBid,
  facts: Pick<BidSubmissionFacts, 'agencyExists' | 'rosterShareBp'>,
): { agencyId: string; shareBp: number } | null {
  if (agencyId === undefined) {
    const own = talent.creatorId ? talent.creatorId === viewer.creatorId : talent.traderId === viewer.traderId;
    if (!own) throw new AccessDenied('You may bid for your own profile only; to bid for a member of your agency’s roster, give agencyId.');
    return null;
  }
  if (!agencyId || !facts.agencyExists) throw Problem.notFound('agency', ['input', 'agencyId']);
  if (!viewer.isAgencyMember(agencyId)) throw new AccessDenied('Only members of this agency may bid for its roster.');
  if (facts.rosterShareBp === null) throw notOnRoster(talent.field);
  return { agencyId, shareBp: facts.rosterShareBp };
}

/** The agency's share in its ACTIVE roster membership of the talent; NOT_ON_ROSTER at `field` without one. */
async function rosterShare(em: EntityManager, agencyId: string, talent: Talent, field: string[]): Promise<number> {
  const membership = await em.findOne(RosterMembership, { agency: agencyId, status: RosterStatus.ACTIVE, ...talentWhere(talent) });
  if (!membership) throw notOnRoster(field);
  return membership.shareBp;
}

function notOnRoster(field: string[]): Problem {
  return Problem.of(
    BidProblem.NOT_ON_ROSTER,
    'The talent is not an active member of this agency’s roster; an agency bids, and makes deals, only for its roster.',
    field,
  );
}

function profileOf(talent: Talent): TalentProfile {
  const profile = talent.creator ?? talent.trader;
  return {
    kind: talent.creator ? 'creator' : 'trader',
    verifiedCredentialTypes: profile.verifiedCredentialTypes,
    credibilityLevel: profile.credibilityLevel,
    capacity: profile.capacity,
    activeDealCount: profile.activeDealCount,
  };
}

function briefNotOpen(): Problem {
  return Problem.of(BidProblem.BRIEF_NOT_OPEN, 'This brief does not take bids: it is not open, its deadline has passed, or its slots are filled.', ['input', 'briefId']);
}

function notInvited(): Problem {
  return Problem.of(BidProblem.NOT_INVITED, 'This brief is invite-only, and neither the talent nor the bidding agency is invited.', ['input', 'briefId']);
}

function alreadyBid(field: string[]): Problem {
  return Problem.of(BidProblem.ALREADY_BID, 'The talent already has an active bid on this brief; revise it instead.', field);
}

function slotsFull(): Problem {
  return Problem.of(BidProblem.SLOTS_FULL, 'Every slot of this brief is already filled.', ['id']);
}

import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { BriefObjective, BriefStatus, BriefVisibility } from '../brief/brief.entity.js';
import type { BriefInvitees } from '../brief/brief.visibility.js';
import { entityFromRow } from '../db/map-row.js';
import type { TalentKind, TalentProfile } from './eligibility/eligibility.js';
import type { ProposedTerms } from './bid-terms.js';
import { Bid, BidStatus, NegotiationSide } from './bid.entity.js';
import { uuidArray } from '../db/sql-arrays.js';

/*
 * bidSubmit is the busiest write, and every statement costs it a round trip to the database and
 * the ORM's work on both ends. So it reads everything its rules need in one round trip and writes
 * the bid with its first revision in another; the rules themselves stay in the service and the
 * pure functions it calls. Both are PL/pgSQL functions (bid-submission.sql), whose statements
 * PostgreSQL plans once per connection rather than on every bid: planning the facts read cost
 * more than running it.
 */

/** The brief as the bidding rules read it. */
export interface BriefForBidding {
  id: string;
  brandId: string;
  status: BriefStatus;
  visibility: BriefVisibility;
  deadline: Date;
  slots: number;
  slotsFilled: number;
  objective: BriefObjective;
  minCredibilityLevel: number;
  budgetCurrency: string;
  formats: string[];
  platforms: string[];
  /** The brief's own required credentials and those of its products now, each once. */
  requiredCredentials: string[];
}

/** A talent the request names, by kind and id (null when the id names no profile of that kind). */
export interface NamedTalent {
  kind: TalentKind;
  id: string | null;
}

export interface BidSubmissionQuestion {
  briefId: string;
  talent: NamedTalent | null;
  /** The agency bidding for the talent, if any. */
  agencyId: string | null;
  /** Whose invitations to the brief to read: the viewer's audience and the bidder. */
  invitationsOf: BriefInvitees;
}

/** What the bidding rules need to know, as of the moment the brief was locked. */
export interface BidSubmissionFacts {
  brief: BriefForBidding;
  /** The brief's invitations of the ids asked about, and of no one else. */
  invitees: BriefInvitees;
  /** The named talent's profile; null when the id names none. */
  talent: TalentProfile | null;
  agencyExists: boolean;
  /** The share in the talent's ACTIVE membership of the bidding agency's roster; null without one. */
  rosterShareBp: number | null;
}

interface FactsRow {
  id: string;
  brand_id: string;
  status: BriefStatus;
  visibility: BriefVisibility;
  deadline_ms: number;
  slots: number;
  slots_filled: number;
  objective: BriefObjective;
  min_credibility_level: number;
  budget_currency: string;
  formats: string[];
  platforms: string[];
  required_credentials: string[];
  invited_creator_ids: string[];
  invited_trader_ids: string[];
  invited_agency_ids: string[];
  talent_found: boolean;
  verified_credential_types: string[] | null;
  credibility_level: number | null;
  capacity: number | null;
  active_deal_count: number | null;
  agency_exists: boolean;
  roster_share_bp: number | null;
}

/**
 * Reads the brief, together with the credentials its products require, the invitations that
 * concern this request, the talent's profile, and the agency's roster membership of the talent:
 * one round trip instead of one per question. In a transaction it takes the brief's row lock FOR
 * SHARE (see `BidService.submit` for why), held until the bid is written, and reads the rest once
 * the lock is granted, so an invitation withdrawn meanwhile is seen withdrawn (an invite-only
 * brief is then hidden from a bidder it no longer invites: NOT_FOUND, as for any later bid);
 * outside one a lock would end with the statement, so none is taken and the write takes its own
 * (`writeBid`). Null when no brief has that id; whether the viewer may see it is the caller's rule.
 */
export async function readBidSubmissionFacts(em: EntityManager, question: BidSubmissionQuestion): Promise<BidSubmissionFacts | null> {
  const talentId = question.talent?.id ?? null;
  const creatorId = question.talent?.kind === 'creator' ? talentId : null;
  const traderId = question.talent?.kind === 'trader' ? talentId : null;
  const [row] = await em.execute<FactsRow[]>('select * from bid_submission_facts(?::uuid, ?::uuid[], ?::uuid[], ?::uuid[], ?::uuid, ?::uuid, ?::uuid, ?::boolean)', [
    question.briefId,
    uuidArray(question.invitationsOf.creatorIds),
    uuidArray(question.invitationsOf.traderIds),
    uuidArray(question.invitationsOf.agencyIds),
    question.agencyId,
    creatorId,
    traderId,
    em.isInTransaction(),
  ]);
  if (!row) return null;
  return {
    brief: {
      id: row.id,
      brandId: row.brand_id,
      status: row.status,
      visibility: row.visibility,
      deadline: new Date(row.deadline_ms),
      slots: row.slots,
      slotsFilled: row.slots_filled,
      objective: row.objective,
      minCredibilityLevel: row.min_credibility_level,
      budgetCurrency: row.budget_currency,
      formats: row.formats,
      platforms: row.platforms,
      requiredCredentials: row.required_credentials.sort(),
    },
    invitees: { creatorIds: row.invited_creator_ids, traderIds: row.invited_trader_ids, agencyIds: row.invited_agency_ids },
    talent: row.talent_found
      ? {
          kind: question.talent!.kind,
          verifiedCredentialTypes: row.verified_credential_types!,
          credibilityLevel: row.credibility_level!,
          capacity: row.capacity!,
          activeDealCount: row.active_deal_count!,
        }
      : null,
    agencyExists: row.agency_exists,
    rosterShareBp: row.roster_share_bp,
  };
}

export interface NewBid {
  briefId: string;
  /** Whether the brief takes bids by invitation only: the invitation is then checked again as the bid is written. */
  inviteOnly: boolean;
  creatorId: string | null;
  traderId: string | null;
  agencyId: string | null;
  authorId: string;
  pitch: string;
  terms: ProposedTerms;
}

/** The bid written, or why it was not: the brief closed meanwhile, an invitation withdrawn meanwhile, or an active bid of the talent's already there. */
export type BidInsertion = { bid: Bid } | { refused: 'BRIEF_NOT_OPEN' | 'NOT_INVITED' | 'ALREADY_BID' };

/**
 * Writes a bid the rules have allowed, checking again as it writes what a concurrent change to the
 * brief (an award, a cancellation, an invitation withdrawn) could have made untrue since they read it:
 * - Inside a transaction (bidSubmit with an idempotency key, whose record is written in the same
 *   one) the facts read has already locked the brief: one statement.
 * - Outside one, on a public brief: one statement, which takes the brief's lock itself and checks
 *   that the brief is still open as it inserts. No BEGIN and COMMIT: two round trips fewer on the
 *   busiest write.
 * - Outside one, on an invite-only brief: a short transaction that takes the brief's lock first,
 *   so that the insert reads the invitation after any withdrawal that held the lock (see below).
 */
export async function writeBid(em: EntityManager, bid: NewBid): Promise<BidInsertion> {
  if (em.isInTransaction() || !bid.inviteOnly) return insertBidWithFirstRevision(em, bid);
  return em.transactional(async (transaction) => {
    await transaction.execute('select id from brief where id = ? for share', [bid.briefId]);
    return insertBidWithFirstRevision(transaction, bid);
  });
}

/**
 * Inserts a SUBMITTED bid and its first revision in one statement, and returns the bid as a
 * managed entity.
 * - The brief is locked FOR SHARE and must still be open (OPEN, before its deadline, a slot left).
 *   An award or a cancellation holding the brief's lock makes this wait, and PostgreSQL then reads
 *   the brief again as it was committed (BRIEF_NOT_OPEN); one that comes after waits for this bid
 *   and closes it with the others.
 * - The partial unique indexes on bid decide whether the talent already has an active bid, for
 *   simultaneous bids too: a bid racing this one is waited for, and if it commits this insert
 *   does nothing (ALREADY_BID).
 * - On an invite-only brief the invitation is looked up again. Other rows are read as of the
 *   statement's start, before any wait for the brief's lock, so this sees a withdrawal (which
 *   closes the bids its invitation allowed) only when the lock was taken by an earlier statement
 *   of the same transaction: the facts read, or `writeBid`'s own lock.
 */
async function insertBidWithFirstRevision(em: EntityManager, bid: NewBid): Promise<BidInsertion> {
  // Timestamps from the clock here, in milliseconds as entities record them, so cursors built
  // from a bid's createdAt match the stored value exactly.
  const now = new Date().toISOString();
  const { terms } = bid;
  const [row] = await em.execute<({ still_open: boolean; still_invited: boolean } & Record<string, unknown>)[]>(
    `select still_open, still_invited, (inserted).*
       from insert_bid_with_first_revision(?::uuid, ?::boolean, ?::uuid, ?::uuid, ?::uuid, ?::uuid, ?::uuid, ?::text, ?::text, ?::timestamptz,
                                           ?::uuid, ?::text, ?::varchar, ?::bigint, ?::integer, ?::bigint, ?::integer, ?::jsonb)`,
    [
      bid.briefId,
      bid.inviteOnly,
      randomUUID(),
      bid.creatorId,
      bid.traderId,
      bid.agencyId,
      bid.authorId,
      bid.pitch,
      BidStatus.SUBMITTED,
      now,
      randomUUID(),
      NegotiationSide.BIDDER,
      terms.currency,
      terms.fixedFee,
      terms.commissionBp,
      terms.gmvGuarantee,
      terms.agencyShareBp,
      JSON.stringify(terms.deliverables),
    ],
  );
  const { still_open: stillOpen, still_invited: stillInvited, ...columns } = row!;
  if (!stillOpen) return { refused: 'BRIEF_NOT_OPEN' };
  if (!stillInvited) return { refused: 'NOT_INVITED' };
  if (columns.id == null) return { refused: 'ALREADY_BID' };
  return { bid: entityFromRow(em, Bid, columns) };
}

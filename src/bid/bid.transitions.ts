import { transitionTable } from '../common/transitions.js';
import { BidStatus } from './bid.entity.js';

/** What someone can do to a bid, and who does it. */
export const BidAction = {
  /** Brand: marks the bid as a favourite; its terms still await the brand's answer. */
  SHORTLIST: 'SHORTLIST',
  /** Brand: turns the bid down for good. */
  REJECT: 'REJECT',
  /** Brand: proposes other terms, which then await the bidder. */
  COUNTER: 'COUNTER',
  /** Bidder: proposes other terms, which then await the brand. */
  REVISE: 'REVISE',
  /** Bidder: says yes to the brand's latest proposal, so both sides agree on it. */
  ACCEPT_COUNTER: 'ACCEPT_COUNTER',
  /** Bidder: takes the bid back. */
  WITHDRAW: 'WITHDRAW',
  /** Brand: says yes to the bidder's terms (or to the agreed ones) and makes a deal. */
  ACCEPT: 'ACCEPT',
  /** System: the brief was awarded to others or cancelled. */
  CLOSE: 'CLOSE',
} as const;
export type BidAction = (typeof BidAction)[keyof typeof BidAction];

const { SUBMITTED, SHORTLISTED, COUNTERED, AGREED, ACCEPTED, REJECTED, WITHDRAWN, NOT_SELECTED } = BidStatus;

/**
 * Every permitted status move, and only those. The status says whose turn it is: SUBMITTED and
 * SHORTLISTED hold the bidder's proposal for the brand to answer, COUNTERED the brand's for the
 * bidder. A shortlisted bid stays shortlisted when its bidder revises, since the brand's interest
 * has not changed. Once both sides agree, the terms are frozen: the brand accepts or rejects, the
 * bidder may still withdraw. ACCEPTED, REJECTED, WITHDRAWN and NOT_SELECTED are final.
 */
export const bidTransitions = transitionTable<BidStatus, BidAction>({
  [SUBMITTED]: {
    SHORTLIST: SHORTLISTED,
    REJECT: REJECTED,
    COUNTER: COUNTERED,
    REVISE: SUBMITTED,
    WITHDRAW: WITHDRAWN,
    ACCEPT: ACCEPTED,
    CLOSE: NOT_SELECTED,
  },
  [SHORTLISTED]: {
    REJECT: REJECTED,
    COUNTER: COUNTERED,
    REVISE: SHORTLISTED,
    WITHDRAW: WITHDRAWN,
    ACCEPT: ACCEPTED,
    CLOSE: NOT_SELECTED,
  },
  [COUNTERED]: {
    REJECT: REJECTED,
    COUNTER: COUNTERED,
    REVISE: SUBMITTED,
    ACCEPT_COUNTER: AGREED,
    WITHDRAW: WITHDRAWN,
    CLOSE: NOT_SELECTED,
  },
  [AGREED]: {
    REJECT: REJECTED,
    WITHDRAW: WITHDRAWN,
    ACCEPT: ACCEPTED,
    CLOSE: NOT_SELECTED,
  },
  [ACCEPTED]: {},
  [REJECTED]: {},
  [WITHDRAWN]: {},
  [NOT_SELECTED]: {},
});

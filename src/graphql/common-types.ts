import { SafeIntResolver } from 'graphql-scalars';
import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { ContentFormat, Platform } from '../common/enums.js';
import { CurrencyCode } from '../common/money.js';
import { ProblemCode } from '../common/problems.js';

registerEnumType(CurrencyCode, { name: 'CurrencyCode', description: 'ISO 4217 currencies the marketplace settles in.' });
registerEnumType(Platform, { name: 'Platform', description: 'Platforms where creators publish and sell.' });
registerEnumType(ContentFormat, { name: 'ContentFormat', description: 'Forms of content or commerce a rate card prices.' });
registerEnumType(ProblemCode, {
  name: 'UserErrorCode',
  description: 'Why a mutation was refused; each code tells the client what to fix.',
  valuesConfig: {
    INVALID: { description: 'A value is malformed; the message says how.' },
    OUT_OF_RANGE: { description: 'A number or length is outside its allowed range.' },
    INVALID_EMAIL: { description: 'The email address is not valid.' },
    PASSWORD_TOO_SHORT: { description: 'Passwords need at least 10 characters.' },
    EMAIL_TAKEN: { description: 'An account with this email already exists.' },
    INVALID_CREDENTIALS: { description: 'The email and password do not match an account.' },
    NOT_FOUND: { description: 'No such object is available to you.' },
    UNKNOWN_VERTICAL: { description: 'No vertical has that slug or id.' },
    DUPLICATE: { description: 'The same value is already registered.' },
    PROFILE_EXISTS: { description: 'The account already has this kind of profile.' },
    ALREADY_MEMBER: { description: 'The user already belongs to this brand or agency.' },
    ALREADY_INVITED: { description: 'That email already has an open invitation to this brand or agency; revoke it first to invite again.' },
    ALREADY_ON_ROSTER: { description: 'The talent already has an open invitation or an active roster place.' },
    INVITATION_NOT_PENDING: { description: 'The invitation was already answered or withdrawn.' },
    ROSTER_MEMBERSHIP_CLOSED: { description: 'The roster membership was already declined or ended.' },
    SELF_REVIEW: { description: 'Nobody may review their own work: verify their own credential, or approve (or ask changes to) a deliverable their side delivers.' },
    ALREADY_REVIEWED: { description: 'The credential has already been reviewed, or your side has already reviewed this deal.' },
    LAST_OWNER: { description: 'A brand or agency must keep at least one owner.' },
    IDEMPOTENCY_KEY_REUSED: { description: 'The idempotency key was already used with different input.' },
    ILLEGAL_TRANSITION: { description: 'The object’s current status does not allow this action.' },
    CURRENCY_MISMATCH: { description: 'An amount is in another currency than the one it must be in (e.g. the brief’s budget currency).' },
    BRIEF_NOT_OPEN: { description: 'The brief does not allow this now: new bids need it OPEN before its deadline; changes to bids need it not yet awarded or cancelled.' },
    NOT_INVITED: { description: 'The brief is invite-only and neither the talent nor the bidding agency is invited.' },
    MISSING_CREDENTIAL: { description: 'The talent lacks a verified credential the brief or its products require.' },
    BELOW_MIN_LEVEL: { description: 'The talent’s credibility level is below the brief’s minimum.' },
    ALREADY_BID: { description: 'The talent already has an active bid on this brief; revise it instead.' },
    AT_CAPACITY: { description: 'The talent is working on as many deals as their capacity allows.' },
    WRONG_BIDDER_KIND: { description: 'Operated self-broadcast briefs take operators; the other objectives take creators.' },
    NOT_ON_ROSTER: { description: 'The talent is not an active member of the agency’s roster.' },
    COUNTER_PENDING: { description: 'The brand’s own counter-proposal still awaits the bidder’s answer.' },
    STALE_REVISION: { description: 'The bid changed since the revision you agreed to; review the current revision and agree to it instead.' },
    SLOTS_FULL: { description: 'Every slot of the brief is already filled.' },
    BRIEF_NOT_EDITABLE: { description: 'The brief’s status rules out this change: its terms change only while it is a DRAFT, its invitations only while it is DRAFT or OPEN.' },
    DEADLINE_IN_PAST: { description: 'The deadline has already passed; choose a moment in the future.' },
    NEGATIVE_WEIGHT: { description: 'A match weight is negative; use 0 to ignore a factor.' },
    NON_FINITE_WEIGHT: { description: 'A match weight is not a finite number.' },
    ALL_WEIGHTS_ZERO: { description: 'Every factor that applies to the candidates weighs 0, so nothing can be ranked.' },
    WRONG_SIDE: {
      description:
        'The action belongs to the other side of the deal: an amendment is answered by the side that did not propose it and withdrawn by the side that did; deliverables are submitted by the talent’s side.',
    },
    AMENDMENT_PENDING: { description: 'An amendment to the deal already awaits an answer; answer or withdraw it first.' },
    NEGATIVE_AMOUNT: { description: 'An amount (GMV, a refund) is negative; report refunds as refunds.' },
    REFUNDS_EXCEED_GMV: { description: 'A sales report’s refunds add up to more than its GMV for the same period.' },
    SALES_REPORT_CONFLICT: { description: 'Another report with other figures is in force for the same deal, period and source; send a correction to replace it.' },
    REPORT_SUPERSEDED: { description: 'The sales report named was already corrected; correct the one in force instead.' },
    PERIOD_OVERLAP: { description: 'The period overlaps another period the same source reported for the deal, so sales would count twice.' },
    DEAL_NOT_DELIVERED: { description: 'The deal is not DELIVERED: it settles only once every deliverable is approved (or when an admin resolves a dispute).' },
    DEAL_NOT_SETTLED: { description: 'The deal is not settled yet; reviews open after settlement.' },
    WORK_STARTED: { description: 'Proof of work was already submitted on the deal, so a party can no longer call it off; open a dispute (dealDisputeOpen) instead.' },
  },
});

@ObjectType({ description: 'An amount of money in integer minor units (fen, cents) with its currency.' })
export class Money {
  @Field(() => SafeIntResolver, { description: 'Integer minor units: 12345 CNY means ¥123.45.' })
  amount!: number;

  @Field(() => CurrencyCode, { description: 'ISO 4217 currency code.' })
  currency!: CurrencyCode;
}

@InputType({ description: 'An amount of money in integer minor units with its currency.' })
export class MoneyInput {
  @Field(() => SafeIntResolver, { description: 'Integer minor units, at least 0.' })
  amount!: number;

  @Field(() => CurrencyCode, { description: 'ISO 4217 currency code.' })
  currency!: CurrencyCode;
}

@ObjectType({ description: 'Something the user can fix, with the input field at fault.' })
export class UserError {
  @Field(() => ProblemCode, { description: 'Machine-readable reason.' })
  code!: ProblemCode;

  @Field(() => [String], {
    nullable: true,
    description: 'Path to the input field at fault, e.g. ["input", "followers"]; list positions are given as numbers in text.',
  })
  field!: string[] | null;

  @Field({ description: 'Human-readable explanation, in English.' })
  message!: string;
}

@ObjectType({ description: 'Relay page information.' })
export class PageInfo {
  @Field({ description: 'Whether more items follow this page.' })
  hasNextPage!: boolean;

  @Field({ description: 'Whether items precede this page.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item on this page.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item on this page.' })
  endCursor!: string | null;
}


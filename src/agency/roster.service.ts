import { type Cursor, type FilterQuery, LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer.js';
import { findPage, type PageRequest } from '../common/page.js';
import { AccessDenied, parseInput, Problem, ProblemCode } from '../common/problems.js';
import type { ServiceContext } from '../common/service-context.js';
import { Creator } from '../creator/creator.entity.js';
import { firstPagesBy, type PageFromEnd } from '../db/first-pages.js';
import { Trader } from '../trader/trader.entity.js';
import { Agency, RosterMembership, RosterStatus } from './agency.entity.js';
import { type RosterInviteValues, rosterShareSchema } from './roster.inputs.js';
import { OPEN_ROSTER_STATUSES, RosterAction, RosterParty, rosterMove, rosterTransitions } from './roster.transitions.js';
import { flushOrProblem } from '../db/flush.js';
import { RosterProblem } from './roster.problems.js';
import { isRosterTalent, rosterFactsOf, seesRosterMembership, seesRosterShare, visibleRosterSql, visibleRosterWhere } from './roster.visibility.js';

/** The creator or operator a roster membership is about. */
export type Talent = { creatorId: string } | { traderId: string };

const ROSTER_ORDER = { createdAt: 'desc', id: 'desc' } as const;

/**
 * Rosters: an agency invites a creator or operator, who joins only by accepting. Every status move
 * goes through `rosterTransitions`; the partial unique indexes on roster_membership back the rules
 * "one open place per agency" and "active at one agency at a time" against concurrent requests.
 */
export class RosterService {
  async invite({ em, viewer }: ServiceContext, agencyId: string | null, input: RosterInviteValues): Promise<{ rosterMembership: RosterMembership }> {
    const agency = agencyId ? await em.findOne(Agency, agencyId) : null;
    if (!agency) throw Problem.notFound('agency', ['agencyId']);
    if (!viewer?.isAgencyMember(agency.id)) throw new AccessDenied('Only members of this agency may invite talent to its roster.');
    if ((input.creatorId === undefined) === (input.traderId === undefined)) {
      throw Problem.of(ProblemCode.INVALID, 'Give exactly one of creatorId and traderId.', ['input']);
    }
    const { shareBp } = parseInput(rosterShareSchema, { shareBp: input.shareBp ?? agency.defaultShareBp });
    const talent = await findTalent(em, input);
    if (await em.count(RosterMembership, { agency, ...talent, status: { $in: [...OPEN_ROSTER_STATUSES] } })) {
      throw alreadyOnThisRoster();
    }

    const rosterMembership = em.create(RosterMembership, { agency, ...talent, shareBp, invitedBy: viewer.userId });
    await flushOrProblem(em, alreadyOnThisRoster);
    return { rosterMembership };
  }

  async accept(context: ServiceContext, membershipId: string | null): Promise<{ rosterMembership: RosterMembership }> {
    const { em } = context;
    const rosterMembership = await this.lockOwnInvitation(context, membershipId);
    const status = rosterTransitions.next(rosterMembership.status, rosterMove(RosterParty.TALENT, RosterAction.ACCEPT));
    if (!status) throw invitationNotPending();
    const talent = rosterMembership.creator ? { creator: rosterMembership.creator.id } : { trader: rosterMembership.trader!.id };
    if (await em.count(RosterMembership, { ...talent, status: RosterStatus.ACTIVE })) throw activeElsewhere();

    Object.assign(rosterMembership, { status, respondedAt: new Date() });
    // Two invitations accepted at once both pass the count above; the unique index lets one through.
    await flushOrProblem(em, activeElsewhere);
    return { rosterMembership };
  }

  async decline(context: ServiceContext, membershipId: string | null): Promise<{ rosterMembership: RosterMembership }> {
    const rosterMembership = await this.lockOwnInvitation(context, membershipId);
    const status = rosterTransitions.next(rosterMembership.status, rosterMove(RosterParty.TALENT, RosterAction.DECLINE));
    if (!status) throw invitationNotPending();
    Object.assign(rosterMembership, { status, respondedAt: new Date() });
    await context.em.flush();
    return { rosterMembership };
  }

  /**
   * Closes a membership. The agency's members end an active one or withdraw an open invitation
   * (ENDED); the talent leaves an active one (ENDED) or turns an open invitation down (DECLINED),
   * so the status always tells who closed an invitation.
   */
  async end({ em, viewer }: ServiceContext, membershipId: string | null): Promise<{ rosterMembership: RosterMembership }> {
    const rosterMembership = await lockMembership(em, membershipId);
    if (!rosterMembership || !seesRosterMembership(viewer, rosterFactsOf(rosterMembership))) throw Problem.notFound('roster membership', ['id']);
    const party = partyOf(viewer, rosterMembership);
    if (!party) throw new AccessDenied('Only the agency’s members or the talent may end a roster membership.');
    const status = rosterTransitions.next(rosterMembership.status, rosterMove(party, RosterAction.END));
    if (!status) {
      throw Problem.of(RosterProblem.ROSTER_MEMBERSHIP_CLOSED, 'This roster membership was already declined or ended.', ['id']);
    }
    const now = new Date();
    Object.assign(rosterMembership, { status, ...(status === RosterStatus.DECLINED ? { respondedAt: now } : { endedAt: now }) });
    await em.flush();
    return { rosterMembership };
  }

  /** The membership, or null when it does not exist or the viewer may not see it: the two look alike. */
  async visibleById({ em, viewer }: ServiceContext, membershipId: string): Promise<RosterMembership | null> {
    const rosterMembership = await em.findOne(RosterMembership, membershipId);
    return rosterMembership && seesRosterMembership(viewer, rosterFactsOf(rosterMembership)) ? rosterMembership : null;
  }

  /** One page of an agency's roster, newest first, holding only the memberships the viewer may see. */
  pageOfRoster({ em, viewer }: ServiceContext, agencyId: string, status: RosterStatus | null, page: PageRequest): Promise<Cursor<RosterMembership>> {
    const where: FilterQuery<RosterMembership> = { agency: agencyId, ...(status ? { status } : {}), ...visibleRosterWhere(viewer, agencyId) };
    return findPage(em, RosterMembership, { where, orderBy: ROSTER_ORDER, page });
  }

  /**
   * One page from the start (or, with `last`, the end) of each agency's roster, holding only the
   * memberships the viewer may see, in one statement for the whole batch, so a list of agencies
   * with their rosters costs no query per agency. The cursors are the ones `pageOfRoster` reads,
   * so a client can page on from any of them.
   */
  firstRosterPages(
    { em, viewer }: ServiceContext,
    agencyIds: readonly string[],
    status: RosterStatus | null,
    page: PageFromEnd,
  ): Promise<Cursor<RosterMembership>[]> {
    const visible = visibleRosterSql(viewer, agencyIds);
    return firstPagesBy(em, RosterMembership, {
      groupBy: 'agency',
      groupIds: agencyIds,
      orderBy: ROSTER_ORDER,
      page,
      condition: { sql: `(?::text is null or status = ?) and ${visible.sql}`, parameters: [status, status, ...visible.parameters] },
    });
  }

  /** The agency's share, for the agency's members, the talent themselves and admins; null for anyone else. */
  visibleShareBp({ viewer }: ServiceContext, membership: RosterMembership): number | null {
    return seesRosterShare(viewer, rosterFactsOf(membership)) ? membership.shareBp : null;
  }

  /** For each talent, the agency whose roster they are active on, or null. One statement for the batch. */
  async activeAgencies(em: EntityManager, talents: readonly Talent[]): Promise<(Agency | null)[]> {
    const creatorIds = talents.flatMap((talent) => ('creatorId' in talent ? [talent.creatorId] : []));
    const traderIds = talents.flatMap((talent) => ('traderId' in talent ? [talent.traderId] : []));
    const memberships = await em.find(
      RosterMembership,
      { status: RosterStatus.ACTIVE, $or: [{ creator: { $in: creatorIds } }, { trader: { $in: traderIds } }] },
      { populate: ['agency'] },
    );
    const agencyByTalent = new Map(memberships.map((membership) => [talentKey(talentOf(membership)), membership.agency.getEntity()]));
    return talents.map((talent) => agencyByTalent.get(talentKey(talent)) ?? null);
  }

  /** Open invitations to a creator or operator, newest first; null for anyone but the talent themselves. */
  async pendingInvitations({ em, viewer }: ServiceContext, talent: Creator | Trader): Promise<RosterMembership[] | null> {
    if (!viewer || talent.user.id !== viewer.userId) return null;
    const where = talent instanceof Creator ? { creator: talent.id } : { trader: talent.id };
    return em.find(RosterMembership, { ...where, status: RosterStatus.INVITED }, { orderBy: ROSTER_ORDER });
  }

  /**
   * The invitation, locked for the rest of the transaction so that simultaneous answers to it
   * run one after another. Only the invited talent may answer, and to anyone else an invitation
   * does not exist.
   */
  private async lockOwnInvitation({ em, viewer }: ServiceContext, membershipId: string | null): Promise<RosterMembership> {
    const rosterMembership = await lockMembership(em, membershipId);
    if (!rosterMembership || !viewer || !isRosterTalent(viewer, rosterFactsOf(rosterMembership))) throw Problem.notFound('roster invitation', ['id']);
    return rosterMembership;
  }
}

async function lockMembership(em: EntityManager, membershipId: string | null): Promise<RosterMembership | null> {
  if (!membershipId) return null;
  return em.findOne(RosterMembership, membershipId, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
}

async function findTalent(em: EntityManager, input: RosterInviteValues): Promise<{ creator: Creator } | { trader: Trader }> {
  if (input.creatorId !== undefined) {
    const creator = input.creatorId ? await em.findOne(Creator, input.creatorId) : null;
    if (!creator) throw Problem.notFound('creator', ['input', 'creatorId']);
    return { creator };
  }
  const trader = input.traderId ? await em.findOne(Trader, input.traderId) : null;
  if (!trader) throw Problem.notFound('operator', ['input', 'traderId']);
  return { trader };
}

function talentOf(membership: RosterMembership): Talent {
  return membership.creator ? { creatorId: membership.creator.id } : { traderId: membership.trader!.id };
}

/** A talent as a DataLoader cache key. */
export const talentKey = (talent: Talent) => ('creatorId' in talent ? `creator:${talent.creatorId}` : `trader:${talent.traderId}`);

/** The side the viewer acts for on this membership, or null; someone on both sides acts as the talent. */
function partyOf(viewer: Viewer | null, membership: RosterMembership): RosterParty | null {
  if (!viewer) return null;
  if (isRosterTalent(viewer, rosterFactsOf(membership))) return RosterParty.TALENT;
  return viewer.isAgencyMember(membership.agency.id) ? RosterParty.AGENCY : null;
}

function alreadyOnThisRoster(): Problem {
  return Problem.of(RosterProblem.ALREADY_ON_ROSTER, 'This talent already has an open invitation or an active place on this agency’s roster.', ['input']);
}

function activeElsewhere(): Problem {
  return Problem.of(RosterProblem.ALREADY_ON_ROSTER, 'You are already on another agency’s roster; end that membership before accepting this one.', ['id']);
}

function invitationNotPending(): Problem {
  return Problem.of(ProblemCode.INVITATION_NOT_PENDING, 'This invitation was already answered or withdrawn.', ['id']);
}

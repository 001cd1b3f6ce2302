import { Cursor, type FilterQuery, LockMode, type OrderDefinition } from '@mikro-orm/core';
import { type EntityManager, type QBFilterQuery, raw } from '@mikro-orm/postgresql';
import { entityById, entityFromRow } from '../db/map-row.js';
import { rankedPage } from '../db/ranked-page.js';
import { searchQuerySql } from '../common/search-text.js';
import type { z } from 'zod';
import type { Viewer } from '../auth/viewer.js';
import { closeActiveBids } from '../bid/bid-closing.js';
import { boundedText, MAX_REASON_LENGTH } from '../bid/bid-terms.js';
import { Agency, RosterMembership, RosterStatus } from '../agency/agency.entity.js';
import { Brand } from '../brand/brand.entity.js';
import { Product } from '../brand/product.entity.js';
import { AccessDenied, parseInput, Problem, ProblemCode, type ProblemDetail } from '../common/problems.js';
import type { ServiceContext } from '../common/service-context.js';
import { Creator } from '../creator/creator.entity.js';
import type { CredentialType } from '../credential/credential-type.js';
import type { PageOfItems, PageRequest } from '../common/page.js';
import { Trader } from '../trader/trader.entity.js';
import type { VerticalService } from '../vertical/vertical.service.js';
import { Brief, BriefInvitation, BriefObjective, BriefStatus, BriefVisibility } from './brief.entity.js';
import { type BriefSearch, briefSearchWhere } from './brief-filter.js';
import { BriefAction, effectiveBriefStatus, ENTERED_AT, briefTransitions, illegalTransitionMessage } from './brief.transitions.js';
import { type BriefAudience, briefAudienceOf, type BriefInvitees, NO_INVITEES, PUBLISHED_BRIEF_STATUSES, seesAllOfBrand, seesBrief, visibleBriefsWhere } from './brief.visibility.js';
import { uuidArray } from '../db/sql-arrays.js';
import { briefCreateSchema, briefUpdateSchema, invitationTargetsSchema } from './brief.inputs.js';
import { BriefProblem } from './brief.problems.js';

/** Soonest deadline first; the id breaks ties so that cursors are stable. */
const BRIEF_ORDER: OrderDefinition<Brief> = { deadline: 'asc', id: 'asc' };

/** Invitations change while the brief is still being prepared or taking bids. */
const INVITABLE_STATUSES: readonly BriefStatus[] = [BriefStatus.DRAFT, BriefStatus.OPEN];

export type BriefCreateInput = z.input<ReturnType<typeof briefCreateSchema>>;
export type BriefUpdateInput = z.input<ReturnType<typeof briefUpdateSchema>>;
export type InvitationTargets = z.input<typeof invitationTargetsSchema>;

/** A brief search as the API receives it: one vertical slug, not yet expanded to its children. */
export type BriefSearchInput = Omit<BriefSearch, 'verticalSlugs'> & { verticalSlug?: string };

/** Who would do the work on a bid, and the agency bidding for them, if any. */
export interface BriefBidder {
  creatorId?: string | null;
  traderId?: string | null;
  agencyId?: string | null;
}

/**
 * Briefs: a brand's members draft, publish, close and cancel them; the system closes them at the
 * deadline and awards them when the slots fill. Every status move goes through `briefTransitions`,
 * and every read goes through the one visibility rule in brief.visibility.ts.
 */
export class BriefService {
  /** Per request (the Viewer object is made per request), so the roster is read at most once. */
  private readonly audiences = new WeakMap<Viewer, Promise<BriefAudience>>();

  constructor(private readonly verticals: VerticalService) {}

  // ---- Reads -------------------------------------------------------------------------------

  /** The brief if the viewer may see it; null exactly as for an id that names no brief. */
  async findVisible(context: ServiceContext, briefId: string): Promise<Brief | null> {
    const audience = await this.audienceOf(context);
    // Read by id and judged by seesBrief, the rule visibleBriefsWhere writes as SQL for lists:
    // building that query for one brief cost more CPU than reading it (~0.5 ms of a ranking).
    const brief = await entityById(context.em, Brief, briefId);
    if (!brief) return null;
    const seen = { brandId: brief.brand.id, status: brief.status, visibility: brief.visibility };
    return seesBrief(audience, seen, await invitationsOfAudience(context.em, brief, audience)) ? brief : null;
  }

  /**
   * Briefs the viewer may see, soonest deadline first, or best match first when `search` has
   * words. By default the ones open for bids (OPEN,
   * deadline ahead); other statuses are a brand's own business, so asking for them needs `brandId`
   * of a brand the viewer belongs to (admins may ask anything).
   */
  async list(context: ServiceContext, search: BriefSearchInput, page: PageRequest): Promise<PageOfItems<Brief>> {
    this.assertMayListStatuses(context.viewer, search.brandId, search.statuses);
    const { verticalSlug, ...rest } = search;
    let verticalSlugs: string[] | undefined;
    if (verticalSlug != null) {
      const slug = verticalSlug.trim();
      await this.verticals.resolveSlugs(context.em, [slug], ['filter', 'verticalSlug']);
      verticalSlugs = await this.verticals.expandWithChildren(context.em, slug);
    }
    const where = briefSearchWhere({ ...rest, ...(verticalSlugs ? { verticalSlugs } : {}) }, new Date());
    const audience = await this.audienceOf(context);
    const visibleWhere = { $and: [visibleBriefsWhere(audience), where] };
    const words = search.search == null ? null : searchQuerySql(search.search);
    if (words) return rankedPage(context.em, Brief, visibleWhere, words, page);
    return context.em.findByCursor(Brief, { where: visibleWhere, ...page, orderBy: BRIEF_ORDER });
  }

  /** Refuses (FORBIDDEN) a list of statuses other than OPEN unless the viewer acts for `brandId`. */
  assertMayListStatuses(viewer: Viewer | null, brandId: string | null | undefined, statuses: readonly BriefStatus[] | undefined): void {
    if (!statuses?.some((status) => status !== BriefStatus.OPEN) || viewer?.isAdmin) return;
    if (!brandId || !viewer?.isBrandMember(brandId)) {
      throw new AccessDenied('Only members of a brand may list its briefs in statuses other than OPEN; give the brandId of your brand.');
    }
  }

  /**
   * The first `first` visible briefs of each brand in `statuses`, in one statement for the whole
   * batch, so a list of brands with their briefs does not cost a query per brand. The cursors are
   * the ones `list` reads, so a client can page on from any of them. Check `assertMayListStatuses`
   * for each brand first.
   */
  async firstPagesOfBrands(
    context: ServiceContext,
    brandIds: readonly string[],
    statuses: BriefStatus[] | undefined,
    first: number,
  ): Promise<Cursor<Brief>[]> {
    const { em } = context;
    const audience = await this.audienceOf(context);
    const where: FilterQuery<Brief> = {
      $and: [visibleBriefsWhere(audience), briefSearchWhere(statuses ? { statuses } : {}, new Date()), { brand: { $in: [...brandIds] } }],
    };
    const ranked = em
      .createQueryBuilder(Brief, 'b')
      .select([
        'b.*',
        raw('row_number() over (partition by b.brand_id order by b.deadline asc, b.id asc)::int as position'),
        raw('count(*) over (partition by b.brand_id)::int as total'),
      ])
      // The same condition `list` gives findByCursor; the query builder types filters more narrowly.
      .where(where as QBFilterQuery<Brief>)
      .toQuery();
    const rows = await em
      .getConnection()
      .execute<(Record<string, unknown> & { brand_id: string; position: number; total: number })[]>(
        // One more than asked for tells the cursor whether a next page exists.
        `select * from (${ranked.sql}) ranked where position <= ? order by brand_id, position`,
        [...ranked.params, first + 1],
      );
    const pages = new Map<string, { items: Brief[]; total: number }>();
    for (const { position: _position, total, search_vector: _searchVector, ...columns } of rows) {
      const page = pages.get(columns.brand_id) ?? { items: [], total };
      page.items.push(entityFromRow(em, Brief, columns));
      pages.set(columns.brand_id, page);
    }
    const meta = em.getMetadata(Brief);
    return brandIds.map((brandId) => {
      const page = pages.get(brandId) ?? { items: [], total: 0 };
      return new Cursor(page.items, page.total, { first, orderBy: BRIEF_ORDER, overfetch: true }, meta);
    });
  }

  /**
   * The invitations of each brief, oldest first, for the brand's members and admins; null for
   * anyone else. One statement for the batch.
   */
  async invitationsOfBriefs({ em, viewer }: ServiceContext, briefs: readonly Brief[]): Promise<(BriefInvitation[] | null)[]> {
    const shown = briefs.filter((brief) => seesAllOfBrand(viewer, brief.brand.id)).map((brief) => brief.id);
    const invitations = shown.length ? await em.find(BriefInvitation, { brief: { $in: shown } }, { orderBy: { createdAt: 'asc', id: 'asc' } }) : [];
    return briefs.map((brief) => (shown.includes(brief.id) ? invitations.filter((invitation) => invitation.brief.id === brief.id) : null));
  }

  /** An invitation, for the brand's members and admins only; null for anyone else. */
  async visibleInvitation({ em, viewer }: ServiceContext, invitationId: string): Promise<BriefInvitation | null> {
    const invitation = await em.findOne(BriefInvitation, invitationId, { populate: ['brief'] });
    return invitation && seesAllOfBrand(viewer, invitation.brief.getEntity().brand.id) ? invitation : null;
  }

  /**
   * The credentials a bidder must hold verified: the brief's own and its products', each once. The
   * products' are read now rather than copied, so a product that gains a requirement passes it on.
   */
  async requiredCredentials(brief: Brief): Promise<CredentialType[]> {
    const products = await brief.products.loadItems();
    const types = new Set([...brief.requiredCredentials, ...products.flatMap((product) => product.requiredCredentials)]);
    return [...types].sort() as CredentialType[];
  }

  /**
   * `requiredCredentials` of one brief in one plain statement, for the bidding rules: loading the
   * products as entities through the pivot table cost each bid more CPU than all its other checks.
   * (Lists of briefs keep `requiredCredentials`, whose product loads are batched across briefs.)
   */
  async requiredCredentialsNow(em: EntityManager, brief: Brief): Promise<CredentialType[]> {
    const rows = await em.execute<{ type: string }[]>(
      `select distinct type
         from brief_product
         join product on product.id = brief_product.product_id
         cross join unnest(product.required_credentials) as type
        where brief_product.brief_id = ?`,
      [brief.id],
    );
    const types = new Set([...brief.requiredCredentials, ...rows.map((row) => row.type)]);
    return [...types].sort() as CredentialType[];
  }

  /**
   * OPEN, before the deadline, with a slot left: the one test for "may bids be made now". (A brief
   * whose last slot fills is AWARDED in the same transaction; the slot count makes sure.)
   */
  isOpenForBids(brief: Pick<Brief, 'status' | 'deadline' | 'slots' | 'slotsFilled'>, now: Date = new Date()): boolean {
    return effectiveBriefStatus(brief, now) === BriefStatus.OPEN && brief.slotsFilled < brief.slots;
  }

  /**
   * Whether an INVITE_ONLY brief invites this bidder: the creator or operator themself, or the
   * agency bidding for them. Always true for PUBLIC briefs. `invitees` needs to hold only the
   * brief's invitations of this bidder.
   */
  isInvited(brief: Pick<Brief, 'visibility'>, invitees: BriefInvitees, bidder: BriefBidder): boolean {
    if (brief.visibility === BriefVisibility.PUBLIC) return true;
    return (
      (!!bidder.creatorId && invitees.creatorIds.includes(bidder.creatorId)) ||
      (!!bidder.traderId && invitees.traderIds.includes(bidder.traderId)) ||
      (!!bidder.agencyId && invitees.agencyIds.includes(bidder.agencyId))
    );
  }

  // ---- Writes ------------------------------------------------------------------------------

  async create({ em, viewer }: ServiceContext, brandId: string | null, input: BriefCreateInput): Promise<{ brief: Brief }> {
    const brand = brandId ? await em.findOne(Brand, brandId) : null;
    if (!brand) throw Problem.notFound('brand', ['input', 'brandId']);
    if (!viewer?.isBrandMember(brand.id)) throw new AccessDenied('Only members of this brand may post its briefs.');
    const { productIds, targetAudience, budget, ...data } = parseInput(briefCreateSchema(new Date()), input);
    const products = await productsOfBrand(em, brand.id, productIds);

    const brief = em.create(Brief, {
      ...data,
      brand,
      createdBy: viewer.userId,
      targetGender: targetAudience.gender,
      targetAgeBands: targetAudience.ageBands,
      targetRegions: targetAudience.regions,
      budgetAmount: budget.amount,
      budgetCurrency: budget.currency,
      ...searchFacetsOf(products),
    });
    checkCapabilitiesFitObjective(brief);
    brief.products.set(products);
    await em.flush();
    return { brief };
  }

  /** Rebuilds briefCreate's answer for a retried request. */
  async created({ em }: ServiceContext, briefId: string): Promise<{ brief: Brief }> {
    return { brief: await em.findOneOrFail(Brief, briefId) };
  }

  /** Changes a DRAFT; fields left out (or null) stay as they are. */
  async update(context: ServiceContext, briefId: string | null, input: BriefUpdateInput): Promise<{ brief: Brief }> {
    const brief = await this.briefToChange(context, briefId);
    if (brief.status !== BriefStatus.DRAFT) {
      throw Problem.of(BriefProblem.BRIEF_NOT_EDITABLE, `This brief is ${brief.status}; only a DRAFT brief can be edited.`, ['id']);
    }
    const { productIds, targetAudience, budget, ...data } = parseInput(briefUpdateSchema(new Date()), input);
    if (productIds) {
      const products = await productsOfBrand(context.em, brief.brand.id, productIds);
      await brief.products.load();
      brief.products.set(products);
      Object.assign(brief, searchFacetsOf(products));
    }
    for (const [field, value] of Object.entries(data)) {
      if (value != null) Object.assign(brief, { [field]: value });
    }
    if (targetAudience?.gender != null) brief.targetGender = targetAudience.gender;
    if (targetAudience?.ageBands != null) brief.targetAgeBands = targetAudience.ageBands;
    if (targetAudience?.regions != null) brief.targetRegions = targetAudience.regions;
    if (budget) Object.assign(brief, { budgetAmount: budget.amount, budgetCurrency: budget.currency });
    checkCapabilitiesFitObjective(brief);
    await context.em.flush();
    return { brief };
  }

  /** DRAFT → OPEN; the deadline must still be ahead. */
  async publish(context: ServiceContext, briefId: string | null): Promise<{ brief: Brief }> {
    const brief = await this.briefToChange(context, briefId);
    const now = new Date();
    applyTransition(brief, BriefAction.PUBLISH, now);
    if (brief.deadline.getTime() <= now.getTime()) {
      throw Problem.of(BriefProblem.DEADLINE_IN_PAST, 'The deadline has passed; move it to the future with briefUpdate, then publish.', ['id']);
    }
    await context.em.flush();
    return { brief };
  }

  /** OPEN → CLOSED before the deadline: the brand stops taking bids and chooses among those it has. */
  close(context: ServiceContext, briefId: string | null): Promise<{ brief: Brief }> {
    return this.move(context, briefId, BriefAction.CLOSE);
  }

  /** DRAFT, OPEN or CLOSED → CANCELLED, with the reason bidders are told; their open bids close as NOT_SELECTED. */
  async cancel(context: ServiceContext, briefId: string | null, reason: string): Promise<{ brief: Brief }> {
    const cancellationReason = boundedText(reason, { min: 1, max: MAX_REASON_LENGTH }, ['reason']);
    const brief = await this.briefToChange(context, briefId);
    applyTransition(brief, BriefAction.CANCEL, new Date());
    brief.cancellationReason = cancellationReason;
    await closeActiveBids(context, { briefId: brief.id, brandId: brief.brand.id });
    await context.em.flush();
    return { brief };
  }

  /**
   * OPEN or CLOSED → AWARDED, for the bids module once accepted bids fill the last slot. Call it in
   * the transaction that fills the slot, with the brief locked; it flushes. An illegal move throws
   * an ILLEGAL_TRANSITION problem.
   */
  async markAwarded(em: EntityManager, brief: Brief): Promise<void> {
    const now = new Date();
    settleDeadline(brief, now);
    applyTransition(brief, BriefAction.AWARD, now);
    await em.flush();
  }

  /**
   * A deal of the brief ended without being carried out (called off by a party, or cancelled or
   * split by an admin's dispute decision), so its slot is free again. A brief AWARDED because of
   * that slot reopens to take new bids before its deadline (past it, it is closed at once, as it
   * would have been). Call it in the transaction that ends the deal.
   */
  async releaseSlot(em: EntityManager, briefId: string): Promise<void> {
    const brief = await em.findOneOrFail(Brief, briefId, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (brief.slotsFilled > 0) brief.slotsFilled -= 1;
    const reopened = briefTransitions.next(brief.status, BriefAction.REOPEN);
    if (reopened) {
      brief.status = reopened;
      brief.awardedAt = null;
      settleDeadline(brief, new Date());
    }
    await em.flush();
  }

  /**
   * Closes every OPEN brief whose deadline has passed, in one conditional statement, so several
   * server instances may run it at once. `closed_at` is the deadline itself, the moment the brief
   * closed for every reader (see effectiveBriefStatus), not the moment housekeeping noticed.
   */
  async closeOverdue(em: EntityManager): Promise<number> {
    const result = await em
      .getConnection()
      .execute<{ affectedRows?: number }>(
        'update brief set status = ?, closed_at = deadline, updated_at = now() where status in (?) and deadline <= now()',
        [BriefStatus.CLOSED, briefTransitions.statesAllowing(BriefAction.EXPIRE)],
        'run',
      );
    return result.affectedRows ?? 0;
  }

  /** Invites creators, operators and agencies to an INVITE_ONLY brief; those already invited stay as they are. */
  async invite(context: ServiceContext, briefId: string | null, input: InvitationTargets): Promise<{ brief: Brief }> {
    const { em, viewer } = context;
    const brief = await this.briefToChange(context, briefId);
    if (brief.visibility !== BriefVisibility.INVITE_ONLY) {
      throw Problem.of(ProblemCode.INVALID, 'Only INVITE_ONLY briefs take invitations; a PUBLIC brief is open to everyone.', ['id']);
    }
    assertInvitationsChangeable(brief);
    const targets = parseInput(invitationTargetsSchema, input);
    const creators = await findEach(targets.creatorIds, 'creatorIds', 'creator', (ids) => em.find(Creator, { id: { $in: ids } }));
    const traders = await findEach(targets.traderIds, 'traderIds', 'operator', (ids) => em.find(Trader, { id: { $in: ids } }));
    const agencies = await findEach(targets.agencyIds, 'agencyIds', 'agency', (ids) => em.find(Agency, { id: { $in: ids } }));
    const problems = [creators, traders, agencies].flatMap((found) => found.problems);
    if (problems.length) throw new Problem(problems);

    // The brief row is locked, so nobody else adds an invitation between this read and the insert.
    const existing = await em.find(BriefInvitation, { brief });
    const invited = new Set(existing.flatMap((invitation) => [invitation.creator?.id, invitation.trader?.id, invitation.agency?.id]));
    const invitedBy = viewer!.userId;
    for (const creator of creators.entities) if (!invited.has(creator.id)) em.create(BriefInvitation, { brief, creator, invitedBy });
    for (const trader of traders.entities) if (!invited.has(trader.id)) em.create(BriefInvitation, { brief, trader, invitedBy });
    for (const agency of agencies.entities) if (!invited.has(agency.id)) em.create(BriefInvitation, { brief, agency, invitedBy });
    await em.flush();
    return { brief };
  }

  /** Withdraws an invitation; the active bids it alone allowed close as NOT_SELECTED. */
  async uninvite(context: ServiceContext, briefId: string | null, invitationId: string | null): Promise<{ brief: Brief }> {
    const { em } = context;
    const brief = await this.briefToChange(context, briefId);
    assertInvitationsChangeable(brief);
    const invitation = invitationId ? await em.findOne(BriefInvitation, { id: invitationId, brief }) : null;
    if (!invitation) throw Problem.notFound('invitation to this brief', ['invitationId']);
    em.remove(invitation);
    await em.flush();
    await closeActiveBids(context, {
      briefId: brief.id,
      brandId: brief.brand.id,
      uninvited: { creatorId: invitation.creator?.id ?? null, traderId: invitation.trader?.id ?? null, agencyId: invitation.agency?.id ?? null },
    });
    return { brief };
  }

  // ---- Helpers -----------------------------------------------------------------------------

  private async move(context: ServiceContext, briefId: string | null, action: BriefAction): Promise<{ brief: Brief }> {
    const brief = await this.briefToChange(context, briefId);
    applyTransition(brief, action, new Date());
    await context.em.flush();
    return { brief };
  }

  /**
   * The brief, locked for the rest of the transaction so that status moves and slot changes run
   * one after another. Not visible to the viewer: NOT_FOUND, as for a missing id. Visible but of
   * another brand: FORBIDDEN. Both are decided on a plain read, before the lock, so nobody but the
   * brand's members ever waits on (or holds) the lock that changes a brief. A deadline that passed
   * before housekeeping noticed is settled first, so the requested move is judged against the
   * status every reader already sees.
   */
  private async briefToChange(context: ServiceContext, briefId: string | null): Promise<Brief> {
    const { em, viewer } = context;
    const audience = await this.audienceOf(context);
    const visible = briefId ? await em.findOne(Brief, { $and: [{ id: briefId }, visibleBriefsWhere(audience)] }) : null;
    if (!visible) throw Problem.notFound('brief', ['id']);
    if (!viewer?.isBrandMember(visible.brand.id)) throw new AccessDenied('Only members of the brief’s brand may change it.');
    const brief = await em.findOneOrFail(Brief, visible.id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    settleDeadline(brief, new Date());
    return brief;
  }

  /** Who the viewer is to the visibility rule; read once per request. */
  audienceOf({ em, viewer }: ServiceContext): Promise<BriefAudience> {
    if (!viewer) return Promise.resolve(briefAudienceOf(null, { creatorIds: [], traderIds: [] }));
    let audience = this.audiences.get(viewer);
    if (!audience) {
      audience = rosterTalentOf(em, viewer).then((talent) => briefAudienceOf(viewer, talent));
      audience.catch(() => this.audiences.delete(viewer));
      this.audiences.set(viewer, audience);
    }
    return audience;
  }
}

/** The creators and operators on the ACTIVE rosters of the viewer's agencies. */
async function rosterTalentOf(em: EntityManager, viewer: Viewer): Promise<{ creatorIds: string[]; traderIds: string[] }> {
  if (viewer.agencyIds.size === 0) return { creatorIds: [], traderIds: [] };
  const memberships = await em.find(RosterMembership, { agency: { $in: [...viewer.agencyIds] }, status: RosterStatus.ACTIVE });
  return {
    creatorIds: memberships.flatMap((membership) => (membership.creator ? [membership.creator.id] : [])),
    traderIds: memberships.flatMap((membership) => (membership.trader ? [membership.trader.id] : [])),
  };
}

/** Moves the brief through the transition table and stamps the time it entered its new status. */
function applyTransition(brief: Brief, action: BriefAction, at: Date): void {
  const next = briefTransitions.next(brief.status, action);
  if (!next) throw Problem.of(ProblemCode.ILLEGAL_TRANSITION, illegalTransitionMessage(brief.status, action), ['id']);
  brief.status = next;
  if (next in ENTERED_AT) brief[ENTERED_AT[next as keyof typeof ENTERED_AT]] = at;
}

/** Writes the close that the deadline already made, as housekeeping would, dated at the deadline. */
function settleDeadline(brief: Brief, now: Date): void {
  if (effectiveBriefStatus(brief, now) !== brief.status) applyTransition(brief, BriefAction.EXPIRE, brief.deadline);
}

function assertInvitationsChangeable(brief: Brief): void {
  if (!INVITABLE_STATUSES.includes(brief.status)) {
    throw Problem.of(BriefProblem.BRIEF_NOT_EDITABLE, `This brief is ${brief.status}; invitations change only while it is DRAFT or OPEN.`, ['id']);
  }
}

/** The products behind the given ids, all of `brandId`; each id that is not one of them is NOT_FOUND at its position. */
async function productsOfBrand(em: EntityManager, brandId: string, productIds: readonly (string | null)[]): Promise<Product[]> {
  const wanted = productIds.filter((id): id is string => id !== null);
  const found = new Map(
    (wanted.length ? await em.find(Product, { id: { $in: wanted }, brand: brandId }, { populate: ['vertical'] }) : []).map((product) => [product.id, product]),
  );
  const problems = productIds.flatMap((id, index) =>
    id && found.has(id) ? [] : Problem.notFound('product of this brand', ['input', 'productIds', index]).details,
  );
  if (problems.length) throw new Problem(problems);
  return [...found.values()];
}

/** The products' verticals and niche tags, copied onto the brief so that searches use its own indexed columns. */
function searchFacetsOf(products: readonly Product[]): { verticalSlugs: string[]; nicheTags: string[] } {
  return {
    verticalSlugs: [...new Set(products.map((product) => product.vertical.getEntity().slug))].sort(),
    nicheTags: [...new Set(products.flatMap((product) => product.nicheTags))].sort(),
  };
}

/** Entities of one kind by id; each id that names none is a NOT_FOUND problem at its position. */
async function findEach<T extends { id: string }>(
  ids: readonly (string | null)[],
  field: string,
  what: string,
  find: (ids: string[]) => Promise<T[]>,
): Promise<{ entities: T[]; problems: ProblemDetail[] }> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  const found = new Map((wanted.length ? await find(wanted) : []).map((entity) => [entity.id, entity]));
  const problems = ids.flatMap((id, index) => (id && found.has(id) ? [] : Problem.notFound(what, ['input', field, index]).details));
  return { entities: [...found.values()], problems };
}

/**
 * Only an operated self-broadcast hires an operator, so only it may say what the operator must
 * run; on any other brief the capabilities would be ignored by matching, which a brand would not
 * expect. Checked on the brief as it would be saved, because an update may change either field.
 */
function checkCapabilitiesFitObjective(brief: Brief): void {
  if (brief.requiredCapabilities.length && brief.objective !== BriefObjective.OPERATED_SELF_BROADCAST) {
    throw Problem.of(ProblemCode.INVALID, 'Only an OPERATED_SELF_BROADCAST brief hires an operator; other briefs require no capabilities.', ['input', 'requiredCapabilities']);
  }
}

/**
 * The audience's invitations to a published INVITE_ONLY brief, which is all seesBrief needs of
 * them; none for any other brief, or for an audience with no profile or agency to be invited.
 */
async function invitationsOfAudience(em: EntityManager, brief: Brief, audience: BriefAudience): Promise<BriefInvitees> {
  const asked = audience.creatorIds.size + audience.traderIds.size + audience.agencyIds.size;
  if (brief.visibility !== BriefVisibility.INVITE_ONLY || !PUBLISHED_BRIEF_STATUSES.includes(brief.status) || !asked) return NO_INVITEES;
  const rows = await em.execute<{ creator_id: string | null; trader_id: string | null; agency_id: string | null }[]>(
    `select creator_id, trader_id, agency_id from brief_invitation
      where brief_id = ? and (creator_id = any(?::uuid[]) or trader_id = any(?::uuid[]) or agency_id = any(?::uuid[]))`,
    [brief.id, uuidArray([...audience.creatorIds]), uuidArray([...audience.traderIds]), uuidArray([...audience.agencyIds])],
  );
  const present = (ids: (string | null)[]) => ids.filter((id): id is string => id !== null);
  return {
    creatorIds: present(rows.map((row) => row.creator_id)),
    traderIds: present(rows.map((row) => row.trader_id)),
    agencyIds: present(rows.map((row) => row.agency_id)),
  };
}

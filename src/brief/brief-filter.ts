import type { FilterQuery } from '@mikro-orm/core';
import type { Platform } from '../common/enums.js';
import { MAX_MONEY_AMOUNT, type Money } from '../common/money.js';
import { normaliseNicheTag } from '../common/niche-tags.js';
import { Problem, ProblemCode, type ProblemDetail } from '../common/problems.js';
import { type Brief, type BriefObjective, BriefStatus } from './brief.entity.js';
import { BriefAction, briefTransitions } from './brief.transitions.js';

export const MAX_SEARCH_LENGTH = 200;

/** A brief search with the vertical already expanded to itself plus its children. */
export interface BriefSearch {
  verticalSlugs?: string[];
  nicheTag?: string;
  objective?: BriefObjective;
  platform?: Platform;
  budgetMin?: Money;
  budgetMax?: Money;
  deadlineBefore?: Date;
  deadlineAfter?: Date;
  search?: string;
  /** Undefined: any brand. Null: an id that names no brand, which matches nothing. */
  brandId?: string | null;
  /** Effective statuses (see `effectiveBriefStatus`); OPEN when not given. */
  statuses?: BriefStatus[];
}

/**
 * The condition for briefs whose effective status is one of `statuses` at `now`: an OPEN brief past
 * its deadline counts as CLOSED before housekeeping writes it, so lists agree with the `status`
 * field between housekeeping ticks.
 */
export function effectiveStatusWhere(statuses: readonly BriefStatus[], now: Date): FilterQuery<Brief> {
  const expiresInto = (from: BriefStatus) => briefTransitions.next(from, BriefAction.EXPIRE);
  const conditions = [...new Set(statuses)].flatMap((status): FilterQuery<Brief>[] => [
    expiresInto(status) ? { status, deadline: { $gt: now } } : { status },
    ...Object.values(BriefStatus)
      .filter((from) => expiresInto(from) === status)
      .map((from) => ({ status: from, deadline: { $lte: now } })),
  ]);
  return conditions.length === 1 ? conditions[0]! : { $or: conditions };
}

/** Checks a search's values and turns it into a database condition; every problem is reported at once. */
export function briefSearchWhere(search: BriefSearch, now: Date, root = 'filter'): FilterQuery<Brief> {
  const problems: ProblemDetail[] = [];
  const nicheTag = search.nicheTag == null ? undefined : normaliseNicheTag(search.nicheTag);
  if (nicheTag === '') problems.push({ code: ProblemCode.INVALID, field: [root, 'nicheTag'], message: 'The niche tag is empty.' });
  const text = search.search?.trim();
  if (text && text.length > MAX_SEARCH_LENGTH) {
    problems.push({ code: ProblemCode.OUT_OF_RANGE, field: [root, 'search'], message: `Search text has at most ${MAX_SEARCH_LENGTH} characters.` });
  }
  for (const bound of ['budgetMin', 'budgetMax'] as const) {
    const amount = search[bound]?.amount;
    if (amount != null && (!Number.isSafeInteger(amount) || amount < 0 || amount > MAX_MONEY_AMOUNT)) {
      problems.push({
        code: ProblemCode.OUT_OF_RANGE,
        field: [root, bound, 'amount'],
        message: `${bound} must be a whole number of minor units from 0 to ${MAX_MONEY_AMOUNT}.`,
      });
    }
  }
  const { budgetMin, budgetMax } = search;
  if (budgetMin && budgetMax) {
    if (budgetMin.currency !== budgetMax.currency) {
      problems.push({
        code: ProblemCode.INVALID,
        field: [root, 'budgetMax', 'currency'],
        message: 'budgetMin and budgetMax must be in the same currency; budgets are never converted.',
      });
    } else if (budgetMin.amount > budgetMax.amount) {
      problems.push({ code: ProblemCode.INVALID, field: [root, 'budgetMax', 'amount'], message: 'budgetMax must not be below budgetMin.' });
    }
  }
  if (problems.length) throw new Problem(problems);

  const budgetCurrency = (budgetMin ?? budgetMax)?.currency;
  const budgetAmount = {
    ...(budgetMin ? { $gte: budgetMin.amount } : {}),
    ...(budgetMax ? { $lte: budgetMax.amount } : {}),
  };
  const deadline = {
    ...(search.deadlineAfter ? { $gt: search.deadlineAfter } : {}),
    ...(search.deadlineBefore ? { $lt: search.deadlineBefore } : {}),
  };
  const conditions: FilterQuery<Brief>[] = [effectiveStatusWhere(search.statuses?.length ? search.statuses : [BriefStatus.OPEN], now)];
  if (search.brandId !== undefined) conditions.push(search.brandId === null ? { id: { $in: [] } } : { brand: search.brandId });
  if (search.verticalSlugs) conditions.push({ verticalSlugs: { $overlap: search.verticalSlugs } });
  if (nicheTag) conditions.push({ nicheTags: { $contains: [nicheTag] } });
  if (search.objective) conditions.push({ objective: search.objective });
  if (search.platform) conditions.push({ platforms: { $contains: [search.platform] } });
  if (budgetCurrency) conditions.push({ budgetCurrency, budgetAmount });
  if (Object.keys(deadline).length) conditions.push({ deadline });
  // The words of `search` are matched and ranked by the caller (db/ranked-page.ts).
  return { $and: conditions };
}

import type { FilterQuery } from '@mikro-orm/core';
import type { Platform } from '../common/enums.js';
import { normaliseNicheTag } from '../common/niche-tags.js';
import { Problem, ProblemCode, type ProblemDetail } from '../common/problems.js';
import type { Creator, CreatorKind } from './creator.entity.js';

/** A creator search with the vertical already expanded to itself plus its children. */
export interface CreatorSearch {
  verticalSlugs?: string[];
  nicheTag?: string;
  kind?: CreatorKind;
  platform?: Platform;
  minFollowers?: number;
  maxFollowers?: number;
  minLevel?: number;
  /** Words matched and ranked by the caller (db/ranked-page.ts); only their length is checked here. */
  search?: string;
}

export const MAX_SEARCH_LENGTH = 200;

/**
 * The database condition for a creator search. Every condition reads a summary column on the
 * creator row (kept current by the credibility refresh) or, for platforms, an indexed
 * sub-select, so a search never loads channel accounts.
 */
export function creatorSearchWhere(search: CreatorSearch, root = 'filter'): FilterQuery<Creator> {
  const problems: ProblemDetail[] = [];
  for (const bound of ['minFollowers', 'maxFollowers'] as const) {
    const value = search[bound];
    if (value != null && (!Number.isSafeInteger(value) || value < 0)) {
      problems.push({ code: ProblemCode.OUT_OF_RANGE, field: [root, bound], message: `${bound} must be a whole number of at least 0.` });
    }
  }
  const nicheTag = search.nicheTag == null ? undefined : normaliseNicheTag(search.nicheTag);
  if (nicheTag === '') problems.push({ code: ProblemCode.INVALID, field: [root, 'nicheTag'], message: 'The niche tag is empty.' });
  if ((search.search?.trim().length ?? 0) > MAX_SEARCH_LENGTH) {
    problems.push({ code: ProblemCode.OUT_OF_RANGE, field: [root, 'search'], message: `Search text has at most ${MAX_SEARCH_LENGTH} characters.` });
  }
  if (problems.length) throw new Problem(problems);

  const followers = {
    ...(search.minFollowers != null ? { $gte: search.minFollowers } : {}),
    ...(search.maxFollowers != null ? { $lte: search.maxFollowers } : {}),
  };
  return {
    ...(search.verticalSlugs ? { verticalSlugs: { $overlap: search.verticalSlugs } } : {}),
    ...(nicheTag ? { nicheTags: { $contains: [nicheTag] } } : {}),
    ...(search.kind ? { kind: search.kind } : {}),
    ...(search.platform ? { channelAccounts: { $some: { platform: search.platform } } } : {}),
    ...(Object.keys(followers).length ? { totalFollowers: followers } : {}),
    ...(search.minLevel != null ? { credibilityLevel: { $gte: search.minLevel } } : {}),
  };
}

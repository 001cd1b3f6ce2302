/** One slug segment: lower-case letters and digits, words joined by single hyphens. */
const SEGMENT = '[a-z0-9]+(?:-[a-z0-9]+)*';

export const MAX_VERTICAL_SLUG_LENGTH = 80;

/** Segments joined by '.': `beauty`, `beauty.functional-skincare`. */
export const VERTICAL_SLUG_FORMAT = new RegExp(`^${SEGMENT}(?:\\.${SEGMENT})*$`);

const ONE_SEGMENT = new RegExp(`^${SEGMENT}$`);

/**
 * Why a well-formed slug does not fit where it is being placed, or null when it fits. The taxonomy
 * has two levels, and a child's slug names its parent, so that a creator's stored slugs say which
 * top-level vertical they belong to without a lookup.
 */
export function slugPlacementProblem(slug: string, parentSlug: string | null): string | null {
  if (parentSlug === null) {
    return ONE_SEGMENT.test(slug) ? null : `A top-level slug is a single segment without '.'; to add "${slug}" as a child, give its parentSlug.`;
  }
  const prefix = `${parentSlug}.`;
  if (!slug.startsWith(prefix)) return `A child slug starts with its parent's slug and a dot: "${prefix}…".`;
  return ONE_SEGMENT.test(slug.slice(prefix.length)) ? null : `After "${prefix}" a child slug has exactly one segment, without a further '.'.`;
}

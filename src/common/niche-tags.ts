import { z } from 'zod';

export const MAX_NICHE_TAGS = 20;
const MAX_TAG_LENGTH = 40;

/**
 * Niche tags are free text ("Hyaluronic Acid", "hyaluronic-acid") but must compare equal, so they
 * are stored lower-case and hyphenated: `hyaluronic-acid`, `dha`, `ceramide`.
 */
export function normaliseNicheTag(tag: string): string {
  return tag
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

/** A list of niche tags from user input: normalised, de-duplicated, bounded. */
export const nicheTagsSchema = z
  .array(z.string())
  .max(MAX_NICHE_TAGS, `at most ${MAX_NICHE_TAGS} niche tags`)
  .transform((tags) => [...new Set(tags.map(normaliseNicheTag))])
  .pipe(
    z.array(
      z
        .string()
        .min(1, 'niche tags must not be empty')
        .max(MAX_TAG_LENGTH, `niche tags have at most ${MAX_TAG_LENGTH} characters`),
    ),
  );

import { describe, expect, it } from 'vitest';
import { nicheTagsSchema, normaliseNicheTag } from './niche-tags.js';

describe('niche tags', () => {
  it('makes differently written tags compare equal', () => {
    expect(normaliseNicheTag('  Hyaluronic Acid ')).toBe('hyaluronic-acid');
    expect(normaliseNicheTag('hyaluronic_acid')).toBe('hyaluronic-acid');
    expect(normaliseNicheTag('DHA')).toBe('dha');
  });

  it('drops duplicates after normalising', () => {
    expect(nicheTagsSchema.parse(['Ceramide', 'ceramide', ' CERAMIDE '])).toEqual(['ceramide']);
  });

  it('refuses empty tags and too many tags', () => {
    expect(nicheTagsSchema.safeParse(['  ']).success).toBe(false);
    expect(nicheTagsSchema.safeParse(Array.from({ length: 21 }, (_, index) => `tag-${index}`)).success).toBe(false);
  });
});

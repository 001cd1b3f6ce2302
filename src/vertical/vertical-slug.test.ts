import { describe, expect, it } from 'vitest';
import { slugPlacementProblem, VERTICAL_SLUG_FORMAT } from './vertical-slug.js';

describe('VERTICAL_SLUG_FORMAT', () => {
  it.each(['beauty', 'mother-baby', 'beauty.functional-skincare', 'food.hyaluronic-acid-snacks', 'k12', 'a.b.c'])('accepts %s', (slug) => {
    expect(VERTICAL_SLUG_FORMAT.test(slug)).toBe(true);
  });

  it.each(['', 'Beauty', 'beauty.', '.beauty', 'beauty..skin', 'beauty-', '-beauty', 'beauty--skin', 'beauty skin', 'beauty_skin', 'beauté'])(
    'rejects %j',
    (slug) => {
      expect(VERTICAL_SLUG_FORMAT.test(slug)).toBe(false);
    },
  );
});

describe('slugPlacementProblem', () => {
  it('accepts a single segment at the top level and refuses a dotted one', () => {
    expect(slugPlacementProblem('pets', null)).toBeNull();
    expect(slugPlacementProblem('pets.cat-food', null)).toMatch(/parentSlug/);
  });

  it("accepts a child that is its parent's slug plus one segment", () => {
    expect(slugPlacementProblem('pets.cat-food', 'pets')).toBeNull();
  });

  it("refuses a child that does not start with its parent's slug", () => {
    expect(slugPlacementProblem('cat-food', 'pets')).toMatch(/"pets\./);
    expect(slugPlacementProblem('petsx.cat-food', 'pets')).toMatch(/"pets\./);
  });

  it('refuses a child that would be a third level', () => {
    expect(slugPlacementProblem('pets.cat.food', 'pets')).toMatch(/exactly one segment/);
  });
});

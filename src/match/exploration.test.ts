import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explore, type ExplorationFacts } from './exploration.js';

interface Item extends ExplorationFacts {
  name: string;
}

const proven = (name: string, expectedValue = 0.8): Item => ({ name, newcomer: false, provenSpecialist: true, expectedValue });
const newcomer = (name: string, expectedValue = 0.5): Item => ({ name, newcomer: true, provenSpecialist: false, expectedValue });
const other = (name: string): Item => ({ name, newcomer: false, provenSpecialist: false, expectedValue: 0.4 });
const names = (items: readonly Item[]) => items.map((item) => item.name);
const facts = (item: Item) => item;

describe('explore', () => {
  it('gives the best newcomer from further down the tenth and twentieth places of a page, and says which it moved', () => {
    const ranked = [...Array.from({ length: 25 }, (_, index) => other(`o${index + 1}`)), newcomer('n1'), newcomer('n2'), newcomer('n3')];
    const { ranked: result, explored } = explore(ranked, facts);
    expect(result[9]!.name).toBe('n1');
    expect(result[19]!.name).toBe('n2');
    expect(names([...explored])).toEqual(['n1', 'n2']);
    expect(result.filter((item) => item.newcomer).length).toBe(3);
  });

  it('moves nobody when the page already holds newcomers on their merit', () => {
    const ranked = [other('o1'), newcomer('n1'), ...Array.from({ length: 10 }, (_, index) => other(`o${index + 2}`)), newcomer('n2'), ...Array.from({ length: 10 }, (_, index) => other(`p${index}`))];
    const { ranked: result, explored } = explore(ranked, facts);
    expect(explored.size).toBe(0);
    expect(names(result)).toEqual(names(ranked));
  });

  it('never lets a newcomer stand in the first three above a proven specialist of the first page with a higher expected value', () => {
    const ranked = [newcomer('cheap', 0.5), proven('a', 0.7), newcomer('bright', 0.9), proven('b', 0.6), other('o')];
    const { ranked: result } = explore(ranked, facts);
    expect(names(result)).toEqual(['a', 'bright', 'b', 'cheap', 'o']);
  });

  it('is a permutation that keeps a ranking with no newcomer as it is', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ newcomer: fc.boolean(), provenSpecialist: fc.boolean(), expectedValue: fc.double({ min: 0, max: 1, noNaN: true }) }), { maxLength: 60 }), (specs) => {
        const ranked: Item[] = specs.map((spec, index) => ({ ...spec, name: `i${index}` }));
        const { ranked: result, explored } = explore(ranked, facts);
        expect([...names(result)].sort()).toEqual([...names(ranked)].sort());
        expect(explored.size).toBeLessThanOrEqual(2 * Math.ceil(ranked.length / 20));
        if (!ranked.some((item) => item.newcomer)) expect(names(result)).toEqual(names(ranked));
      }),
    );
  });
});

/**
 * Cold start. Ranked on evidence, a newcomer rarely reaches the first page, so nobody hires them
 * and they never earn a record. This re-rank gives newcomers a bounded number of exploration
 * places per page, and guards the top of the ranking the other way round: no newcomer sits in
 * the first places above a proven specialist whose expected value is higher.
 */

export interface ExplorationOptions {
  /** The page the places are counted on. One fixed value, as for the diversity re-rank, so every page of a ranking agrees. */
  pageSize: number;
  /** Exploration places per page, at the ends of equal parts of the page (places 10 and 20 of 20 for 2). */
  placesPerPage: number;
  /** The first places, where a newcomer never stands above a proven specialist with a higher expected value. */
  protectedTop: number;
}

export const DEFAULT_EXPLORATION_OPTIONS: ExplorationOptions = Object.freeze({ pageSize: 20, placesPerPage: 2, protectedTop: 3 });

export interface ExplorationFacts {
  /** No completed deal with reported sales in the brief's verticals. */
  newcomer: boolean;
  /** A record in the brief's exact verticals, and works there. */
  provenSpecialist: boolean;
  /** The expected value the guard compares: the expected-ROI factor's value. */
  expectedValue: number;
}

export interface Explored<T> {
  ranked: T[];
  /** The newcomers moved into an exploration place. */
  explored: Set<T>;
}

/**
 * The ranking (best first) with (1) every newcomer in the first `protectedTop` places that stands
 * above a proven specialist of the first page with a higher expected value moved just below the
 * last such specialist, and (2) at each exploration place of each page, the best newcomer from further down moved
 * up when the page holds fewer newcomers than the places passed so far. A permutation of the
 * input; deterministic; everything else keeps its relative order.
 */
export function explore<T>(ranked: readonly T[], factsOf: (item: T) => ExplorationFacts, options: ExplorationOptions = DEFAULT_EXPLORATION_OPTIONS): Explored<T> {
  checkOptions(options);
  const facts = new Map(ranked.map((item) => [item, factsOf(item)]));
  const list = [...ranked];
  const explored = new Set<T>();

  const firstPage = Math.min(list.length, options.pageSize);
  for (let place = 0; place < Math.min(options.protectedTop, list.length); ) {
    const here = facts.get(list[place]!)!;
    let last = -1;
    if (here.newcomer) {
      for (let below = place + 1; below < firstPage; below++) {
        const candidate = facts.get(list[below]!)!;
        if (candidate.provenSpecialist && candidate.expectedValue > here.expectedValue) last = below;
      }
    }
    if (last < 0) {
      place++;
      continue;
    }
    // The newcomer goes just below the last proven specialist that expects more; the place is judged again.
    list.splice(last, 0, ...list.splice(place, 1));
  }

  const stride = Math.floor(options.pageSize / options.placesPerPage);
  if (stride < 1) return { ranked: list, explored };
  for (let pageStart = 0; pageStart < list.length; pageStart += options.pageSize) {
    for (let part = 1; part <= options.placesPerPage; part++) {
      const place = pageStart + part * stride - 1;
      if (place >= list.length || place < options.protectedTop) continue;
      const onPage = list.slice(pageStart, place + 1).filter((item) => facts.get(item)!.newcomer).length;
      if (onPage >= part) continue;
      const next = list.findIndex((item, index) => index > place && facts.get(item)!.newcomer);
      if (next < 0) break;
      const [newcomer] = list.splice(next, 1);
      list.splice(place, 0, newcomer!);
      explored.add(newcomer!);
    }
  }
  return { ranked: list, explored };
}

function checkOptions(options: ExplorationOptions): void {
  if (!Number.isInteger(options.pageSize) || options.pageSize < 1) throw new RangeError('pageSize must be a whole number of 1 or more.');
  if (!Number.isInteger(options.placesPerPage) || options.placesPerPage < 0) throw new RangeError('placesPerPage must be a whole number of 0 or more.');
  if (!Number.isInteger(options.protectedTop) || options.protectedTop < 0) throw new RangeError('protectedTop must be a whole number of 0 or more.');
}

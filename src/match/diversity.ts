/**
 * Spreading opportunity. The market the product serves deliberately moves traffic away from the
 * top hosts; a ranking by fit alone would still let a handful of huge accounts fill the first page
 * whenever they score a little higher. This re-rank caps the top-reach candidates on the first page
 * whenever a specialist fits nearly as well, and leaves the order alone otherwise.
 */

export interface RankedCandidate {
  score: number;
  totalFollowers: number;
}

export interface DiversityOptions {
  /** Candidates with at least this many followers are top reach. Give this or topReachPercentile. */
  topReachFollowerThreshold?: number | null;
  /**
   * Or: candidates at or above this percentile of followers in the ranked set are top reach, in
   * [0, 1): 0.95 makes about the top 5 % top reach.
   */
  topReachPercentile?: number | null;
  /** How many top-reach candidates the first page may hold while a specialist fits nearly as well. */
  maxTopReachOnFirstPage: number;
  /**
   * The first page's size. Use one fixed value, not each request's `first`, so the ranking is the
   * same whichever page a client asks for.
   */
  pageSize: number;
  /** How far below a top-reach candidate's score (0..1) a specialist may be and still take its place. */
  specialistTolerance: number;
}

/** A million followers marks a top host; three per page of twenty; specialists within 0.05 of the score. */
export const DEFAULT_DIVERSITY_OPTIONS: DiversityOptions = Object.freeze({
  topReachFollowerThreshold: 1_000_000,
  maxTopReachOnFirstPage: 3,
  pageSize: 20,
  specialistTolerance: 0.05,
});

/** Scores are whole millionths; this keeps a tolerance of 0.05 meaning exactly 0.05 despite float subtraction. */
const SCORE_EPSILON = 1e-9;

/**
 * The ranking (best first) re-ordered so that the first page holds at most
 * `maxTopReachOnFirstPage` top-reach candidates while a not-top-reach candidate scores within
 * `specialistTolerance` of the top-reach candidate it would displace. A top-reach candidate that no
 * specialist comes close to keeps its place, over the cap. Candidates keep their relative order
 * within each group, everything after the first page keeps its order, and the result is a
 * permutation of the input. Deterministic: it depends only on the input and the options.
 */
export function diversify<T extends RankedCandidate>(ranked: readonly T[], options: DiversityOptions = DEFAULT_DIVERSITY_OPTIONS): T[] {
  checkOptions(options);
  const threshold = topReachThreshold(ranked, options);
  const isTopReach = (candidate: T) => candidate.totalFollowers > 0 && candidate.totalFollowers >= threshold;

  const queue = [...ranked];
  const firstPage: T[] = [];
  let topReachPlaced = 0;
  while (firstPage.length < options.pageSize && queue.length) {
    const head = queue[0]!;
    if (isTopReach(head) && topReachPlaced >= options.maxTopReachOnFirstPage) {
      const specialistIndex = queue.findIndex((candidate) => !isTopReach(candidate));
      const specialist = specialistIndex < 0 ? undefined : queue[specialistIndex]!;
      if (specialist && head.score - specialist.score <= options.specialistTolerance + SCORE_EPSILON) {
        firstPage.push(...queue.splice(specialistIndex, 1));
        continue;
      }
    }
    if (isTopReach(head)) topReachPlaced++;
    firstPage.push(queue.shift()!);
  }
  return [...firstPage, ...queue];
}

/** The follower count from which a candidate is top reach (Infinity when nobody can be). */
export function topReachThreshold(ranked: readonly RankedCandidate[], options: DiversityOptions): number {
  if (options.topReachFollowerThreshold != null) return options.topReachFollowerThreshold;
  if (!ranked.length) return Infinity;
  const followers = ranked.map((candidate) => candidate.totalFollowers).sort((a, b) => a - b);
  const index = Math.min(followers.length - 1, Math.floor(options.topReachPercentile! * followers.length));
  return followers[index]!;
}

function checkOptions(options: DiversityOptions): void {
  const hasThreshold = options.topReachFollowerThreshold != null;
  const hasPercentile = options.topReachPercentile != null;
  if (hasThreshold === hasPercentile) throw new RangeError('Give exactly one of topReachFollowerThreshold and topReachPercentile.');
  if (hasThreshold && !(options.topReachFollowerThreshold! >= 0)) throw new RangeError('topReachFollowerThreshold must be 0 or more.');
  if (hasPercentile && !(options.topReachPercentile! >= 0 && options.topReachPercentile! < 1)) throw new RangeError('topReachPercentile must be in [0, 1).');
  if (!Number.isInteger(options.pageSize) || options.pageSize < 1) throw new RangeError('pageSize must be a whole number of 1 or more.');
  if (!Number.isInteger(options.maxTopReachOnFirstPage) || options.maxTopReachOnFirstPage < 0) {
    throw new RangeError('maxTopReachOnFirstPage must be a whole number of 0 or more.');
  }
  if (!(options.specialistTolerance >= 0 && Number.isFinite(options.specialistTolerance))) throw new RangeError('specialistTolerance must be a finite number of 0 or more.');
}

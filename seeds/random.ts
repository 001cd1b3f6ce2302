/**
 * A small seeded pseudo-random generator, so generated data is identical for the same seed on
 * every machine and every run.
 *
 * sfc32 seeded through splitmix32 rather than mulberry32: the synthetic rows' UUIDs come from this
 * stream, and mulberry32's 32-bit state walks one shared cycle, so two seeds loaded into the same
 * database could land on overlapping stretches of it and produce the same ids. sfc32's 128-bit
 * state makes that practically impossible, at the same few lines of code.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let state = seed >>> 0;
    const splitmix32 = () => {
      state = (state + 0x9e3779b9) | 0;
      let z = state;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = splitmix32();
    this.b = splitmix32();
    this.c = splitmix32();
    this.d = splitmix32();
    // The first outputs of a freshly seeded sfc32 still resemble its seed; skip them.
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** A uniformly distributed integer in 0 .. 2^32 - 1. */
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.uint32() / 4_294_967_296;
  }

  /** A float in [min, max). */
  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('cannot pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** One of `entries`, each as likely as its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let remaining = this.next() * total;
    for (const [item, weight] of entries) {
      remaining -= weight;
      if (remaining < 0) return item;
    }
    return entries[entries.length - 1]![0];
  }

  /** Up to `count` distinct items, each drawn as likely as its weight among those left. */
  weightedDistinct<T>(entries: readonly (readonly [T, number])[], count: number): T[] {
    const left = [...entries];
    const chosen: T[] = [];
    while (chosen.length < count && left.length > 0) {
      const item = this.weighted(left);
      chosen.push(item);
      left.splice(left.findIndex(([candidate]) => candidate === item), 1);
    }
    return chosen;
  }

  /** Up to `count` distinct items in their original order. */
  sample<T>(items: readonly T[], count: number): T[] {
    return this.weightedDistinct(
      items.map((item) => [item, 1] as const),
      count,
    ).sort((x, y) => items.indexOf(x) - items.indexOf(y));
  }

  /** A standard normal draw (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal around `median`: most draws near it, a long tail of much larger ones. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** A version-4-shaped UUID whose 122 random bits come from this stream. */
  uuid(): string {
    const hex = (value: number) => value.toString(16).padStart(8, '0');
    const first = hex(this.uint32());
    const second = hex(((this.uint32() & 0xffff0fff) | 0x00004000) >>> 0);
    const third = hex(((this.uint32() & 0x3fffffff) | 0x80000000) >>> 0);
    const fourth = hex(this.uint32());
    return `${first}-${second.slice(0, 4)}-${second.slice(4)}-${third.slice(0, 4)}-${third.slice(4)}${fourth}`;
  }
}

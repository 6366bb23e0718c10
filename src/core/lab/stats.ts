/** Small statistics the lab shares: a seeded random generator, quantiles, Theil–Sen, Huber. */

/** mulberry32: a 32-bit seeded generator, so bootstrap intervals are the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The q-quantile of `values` by linear interpolation between order statistics (type 7, as numpy). */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

export interface Line {
  readonly slope: number;
  readonly intercept: number;
  /** The slopes' 2.5% and 97.5% quantiles among pairs: a rough band, not a formal interval. */
  readonly slopeLow: number;
  readonly slopeHigh: number;
}

/**
 * Theil–Sen: the median of pairwise slopes (and the median of y − slope·x as the intercept).
 * Over at most `maxPoints` points, thinned evenly, so a 100,000-point window stays fast.
 */
export function theilSen(xs: readonly number[], ys: readonly number[], maxPoints = 500): Line {
  const stride = Math.max(1, Math.ceil(xs.length / maxPoints));
  const x: number[] = [];
  const y: number[] = [];
  for (let i = xs.length - 1; i >= 0; i -= stride) {
    x.push(xs[i]!);
    y.push(ys[i]!);
  }
  const slopes: number[] = [];
  for (let i = 0; i < x.length; i++) {
    for (let j = i + 1; j < x.length; j++) if (x[j] !== x[i]) slopes.push((y[j]! - y[i]!) / (x[j]! - x[i]!));
  }
  if (slopes.length === 0) return { slope: NaN, intercept: NaN, slopeLow: NaN, slopeHigh: NaN };
  slopes.sort((a, b) => a - b);
  const at = (q: number): number => slopes[Math.min(slopes.length - 1, Math.floor(q * slopes.length))]!;
  const slope = at(0.5);
  return { slope, intercept: median(x.map((value, i) => y[i]! - slope * value)), slopeLow: at(0.025), slopeHigh: at(0.975) };
}

/** Huber's loss and its derivative at residual r. */
export function huber(r: number, delta: number): { value: number; derivative: number } {
  const abs = Math.abs(r);
  return abs <= delta ? { value: 0.5 * r * r, derivative: r } : { value: delta * (abs - 0.5 * delta), derivative: delta * Math.sign(r) };
}

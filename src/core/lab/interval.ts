/** A bootstrap interval: the low and high percentiles at the fit's level. */
export interface Interval {
  readonly low: number;
  readonly high: number;
}

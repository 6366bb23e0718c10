/**
 * How sure the lab is of a compute-optimal split: the point estimate under the fitted law, the
 * bootstrap's interval on N*, D*, tokens per parameter and the loss at the optimum (each bootstrap fit's own
 * optimum, then percentiles, as Besiroglu et al. 2024 report their intervals on the allocation),
 * how far the budget lies past the largest run, and whether the interval on N* is narrow enough
 * to call the split determined.
 */
import type { Interval } from './interval';
import { computeOptimal, type Allocation, type LawConstants } from './lossLaw';
import { quantile } from './stats';

/** The split is "determined" only when the interval on N* lies within ±30% of N*. */
export const DETERMINED_WIDTH = 0.3;
/** A budget more than 10× the largest run's compute is an extrapolation worth naming. */
export const EXTRAPOLATION_FACTOR = 10;
/** Fewer bootstrap fits than this give no interval (the percentiles would mean little). */
export const MIN_SAMPLES = 10;

export interface AllocationIntervals {
  readonly parameters: Interval;
  readonly tokens: Interval;
  readonly tokensPerParameter: Interval;
  readonly loss: Interval;
}

export interface SureAllocation extends Allocation {
  /** Bootstrap intervals at `level`; null when there were too few bootstrap fits. */
  readonly intervals: AllocationIntervals | null;
  readonly level: number;
  /** Budget ÷ the largest run's compute (6·N·D); above `EXTRAPOLATION_FACTOR` the split is an extrapolation. */
  readonly extrapolation: number;
  /** True only when the interval on N* lies within ±`DETERMINED_WIDTH` of N*. */
  readonly determined: boolean;
}

/** A fit's bootstrap fits, their level and its largest run: plain data that travels with the user's law. */
export interface Uncertainty {
  readonly samples: readonly LawConstants[];
  readonly level: number;
  /** 6·N·D of the largest run the fit used. */
  readonly largestCompute: number;
}

/** What the allocation needs from a fit: its constants and its uncertainty. */
export interface FittedLaw extends Uncertainty {
  readonly constants: LawConstants;
}

/** The interval part of a split, for surfaces that show a point estimate beside it. */
export type SplitUncertainty = Pick<SureAllocation, 'intervals' | 'level' | 'extrapolation' | 'determined'>;

export function sureAllocation(fit: FittedLaw, compute: number): SureAllocation {
  const point = computeOptimal(fit.constants, compute);
  const optima = fit.samples.map((law) => computeOptimal(law, compute)).filter((a) => Number.isFinite(a.parameters) && Number.isFinite(a.loss));
  const tail = (1 - fit.level) / 2;
  const band = (pick: (a: Allocation) => number): Interval => {
    const values = optima.map(pick);
    return { low: quantile(values, tail), high: quantile(values, 1 - tail) };
  };
  const intervals =
    optima.length >= MIN_SAMPLES
      ? {
          parameters: band((a) => a.parameters),
          tokens: band((a) => a.tokens),
          tokensPerParameter: band((a) => a.tokensPerParameter),
          loss: band((a) => a.loss),
        }
      : null;
  const determined =
    intervals !== null &&
    intervals.parameters.low >= point.parameters * (1 - DETERMINED_WIDTH) &&
    intervals.parameters.high <= point.parameters * (1 + DETERMINED_WIDTH);
  return { ...point, intervals, level: fit.level, extrapolation: compute / fit.largestCompute, determined };
}

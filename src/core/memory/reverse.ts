import type { Architecture } from '../architecture/architecture';
import type { ParameterCount } from '../architecture/parameters';
import { fact } from '../source/fact';
import { estimateMemory } from './estimate';
import type { MemoryLayout } from './layout';

/** The largest micro-batch and sequence length that fit, and the fewest accelerators, for the file's layout. */
export interface ReverseAnswer {
  readonly largestMicroBatch: number | null;
  readonly longestSequence: number | null;
  /** Fewest accelerators (a multiple of TP × PP × CP) at which the run fits; null when none up to 65,536 does. */
  readonly fewestAccelerators: number | null;
}

const MAX_STEPS = 40;

/** The largest integer in [1, limit] with `fits(n)`, assuming fits is monotone (more is never smaller). */
export function largest(fits: (n: number) => boolean, limit: number): number | null {
  if (!fits(1)) return null;
  let fitting = 1;
  while (fitting < limit && fits(Math.min(limit, fitting * 2))) fitting = Math.min(limit, fitting * 2);
  if (fitting === limit) return limit;
  let low = fitting;
  let high = Math.min(limit, fitting * 2);
  for (let i = 0; i < MAX_STEPS && high - low > 1; i++) {
    const mid = Math.floor((low + high) / 2);
    if (fits(mid)) low = mid;
    else high = mid;
  }
  return low;
}

/**
 * `largest`, answered in four estimates when the peak grows linearly with n (it does in the
 * micro-batch, and in the sequence under flash attention): the line through n = 1 and 2 names a
 * candidate, kept only when it fits and one more does not (or it is the limit), which under
 * monotony is exactly the search's answer. Otherwise (s² terms, a change of peak phase) the search
 * runs. This keeps the memory stage within its share of an analysis (`npm run bench`).
 */
export function largestLinear(peakAt: (n: number) => number, usable: number, limit: number): number | null {
  const one = peakAt(1);
  if (one > usable) return null;
  const slope = peakAt(2) - one;
  if (slope > 0) {
    const guess = Math.min(limit, Math.floor(1 + (usable - one) / slope));
    if (guess >= 1 && peakAt(guess) <= usable && (guess === limit || peakAt(guess + 1) > usable)) return guess;
  }
  return largest((n) => peakAt(n) <= usable, limit);
}

/**
 * `fewestDataParallel` the same way: sharded states fall as 1/DP, so the peak is c + d/DP past
 * DP = 1 (where FSDP's gather buffers are absent); two estimates at DP 2 and 4 name a candidate,
 * kept only when it fits and one fewer does not; otherwise the search runs.
 */
export function fewestDataParallelByCurve(peakAt: (dp: number) => number, usable: number, limit: number): number | null {
  const most = Math.max(1, Math.floor(limit));
  const two = peakAt(2);
  const four = peakAt(4);
  const d = 4 * (two - four);
  const c = two - d / 2;
  if (most >= 4 && d > 0 && usable > c) {
    const guess = Math.max(2, Math.ceil(d / (usable - c)));
    if (guess <= most && peakAt(guess) <= usable && peakAt(guess - 1) > usable) return guess;
  }
  return fewestDataParallel((dp) => peakAt(dp) <= usable, limit);
}

export function reverseQuestion(arch: Architecture, count: ParameterCount, layout: MemoryLayout, usableBytes: number): ReverseAnswer {
  const peak = (changed: MemoryLayout) => estimateMemory(arch, count, changed).peakBytesPerDevice;
  const largestMicroBatch = largestLinear((b) => peak({ ...layout, microBatch: fact(b, 'derived') }), usableBytes, 4096);
  // Sequence lengths in whole blocks of 128, as kernels and configs use them.
  const blocks = largestLinear((n) => peak({ ...layout, sequenceLength: fact(n * 128, 'derived') }), usableBytes, 8192);
  const modelParallel = layout.tensorParallel.value * layout.pipelineParallel.value * layout.contextParallel.value;
  // More replicas shrink only sharded states: the smallest data-parallel size that fits.
  const dp = fewestDataParallelByCurve(
    (replicas) => peak({ ...layout, dataParallel: fact(replicas, 'derived') }),
    usableBytes,
    MAX_ACCELERATORS / modelParallel,
  );
  return { largestMicroBatch, longestSequence: blocks === null ? null : blocks * 128, fewestAccelerators: dp === null ? null : dp * modelParallel };
}

/** The most accelerators the reverse question and the layouts consider. */
export const MAX_ACCELERATORS = 65_536;

/** The fewest data-parallel replicas in [1, limit] at which `fitsAt` holds (more replicas never need more memory); null when none does. */
export function fewestDataParallel(fitsAt: (dp: number) => boolean, limit: number): number | null {
  const most = Math.max(1, Math.floor(limit));
  if (!fitsAt(most)) return null;
  const tooFew = largest((dp) => !fitsAt(dp), most);
  return (tooFew ?? 0) + 1;
}

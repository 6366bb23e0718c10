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

export function reverseQuestion(arch: Architecture, count: ParameterCount, layout: MemoryLayout, usableBytes: number): ReverseAnswer {
  const peak = (changed: MemoryLayout) => estimateMemory(arch, count, changed).peakBytesPerDevice;
  const largestMicroBatch = largest((b) => peak({ ...layout, microBatch: fact(b, 'derived') }) <= usableBytes, 4096);
  // Sequence lengths in whole blocks of 128, as kernels and configs use them.
  const blocks = largest((n) => peak({ ...layout, sequenceLength: fact(n * 128, 'derived') }) <= usableBytes, 8192);
  const modelParallel = layout.tensorParallel.value * layout.pipelineParallel.value * layout.contextParallel.value;
  // More replicas shrink only sharded states: the smallest data-parallel size that fits, searched like the largest batch.
  const dp = fewestDataParallel((replicas) => peak({ ...layout, dataParallel: fact(replicas, 'derived') }) <= usableBytes, MAX_ACCELERATORS / modelParallel);
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

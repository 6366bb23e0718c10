import type { Architecture } from '../architecture/architecture';
import type { ParameterCount } from '../architecture/parameters';
import { fact } from '../source/fact';
import { estimateMemory } from './estimate';
import type { MemoryLayout } from './layout';
import { fewestDataParallel, MAX_ACCELERATORS } from './reverse';

/** A TP · PP · DP layout of the file's run that fits the accelerator, with its predicted peak. */
export interface LayoutProposal {
  readonly tensorParallel: number;
  readonly pipelineParallel: number;
  readonly contextParallel: number;
  readonly dataParallel: number;
  readonly accelerators: number;
  /** Peak allocated bytes on the busiest device of this layout. */
  readonly peakBytes: number;
  readonly rank: string;
}

/** Tensor parallelism stays within a node of 8 accelerators, where its all-reduces run over NVLink. */
const TENSOR_PARALLEL = [1, 2, 4, 8];
const PIPELINE_PARALLEL = [1, 2, 4, 8, 16, 32];

/**
 * The layouts that fit `usableBytes` per device, fewest accelerators first (then the least model
 * parallelism, then the lowest peak): for each tensor-parallel size that divides the attention
 * heads (and keeps a KV head per rank within 8× replication) and each pipeline size that divides
 * the layers, the fewest data-parallel replicas at which the busiest device fits. Everything else
 * (micro-batch, sequence, recompute, sharding, the global batch) stays as the file sets it.
 * About 30 estimates per candidate: computed when asked (the planner, `plan --config`), not in every analysis.
 */
export function layoutsThatFit(
  arch: Architecture,
  count: ParameterCount,
  layout: MemoryLayout,
  usableBytes: number,
  options: { readonly most?: number; readonly limit?: number } = {},
): LayoutProposal[] {
  const cp = layout.contextParallel.value;
  const proposals: LayoutProposal[] = [];
  for (const tp of TENSOR_PARALLEL) {
    if (arch.heads.value % tp !== 0 || arch.kvHeads.value * 8 < tp) continue;
    for (const pp of PIPELINE_PARALLEL) {
      if (pp > arch.layers.value || arch.layers.value % pp !== 0) continue;
      const modelParallel = tp * pp * cp;
      const at = (dp: number): MemoryLayout => ({
        ...layout,
        tensorParallel: fact(tp, 'derived'),
        pipelineParallel: fact(pp, 'derived'),
        // Megatron's interleaving needs a pipeline; without one it means nothing.
        virtualStages: pp > 1 ? layout.virtualStages : fact(1, 'derived'),
        dataParallel: fact(dp, 'derived'),
      });
      const dp = fewestDataParallel(
        (replicas) => estimateMemory(arch, count, at(replicas)).peakBytesPerDevice <= usableBytes,
        (options.most ?? MAX_ACCELERATORS) / modelParallel,
      );
      if (dp === null) continue;
      const estimate = estimateMemory(arch, count, at(dp));
      proposals.push({
        tensorParallel: tp,
        pipelineParallel: pp,
        contextParallel: cp,
        dataParallel: dp,
        accelerators: dp * modelParallel,
        peakBytes: estimate.peakBytesPerDevice,
        rank: estimate.rank,
      });
    }
  }
  proposals.sort(
    (a, b) => a.accelerators - b.accelerators || a.tensorParallel * a.pipelineParallel - b.tensorParallel * b.pipelineParallel || a.peakBytes - b.peakBytes,
  );
  return proposals.slice(0, options.limit ?? 5);
}

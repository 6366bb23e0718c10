import type { MemoryParts, PeakPhase } from './estimate';
import type { LayoutProposal } from './layouts';
import type { ReverseAnswer } from './reverse';

/** `memory` of `compute-budget/analyze@1`: the training run's peak on its busiest device. */
export interface MemoryReport {
  /** Peak allocated bytes on the busiest device, as `torch.cuda.max_memory_allocated` reports. */
  readonly peakBytesPerDevice: number;
  readonly statistic: 'max_allocated';
  readonly stages: readonly { readonly stage: number; readonly peakBytes: number }[];
  readonly parts: MemoryParts;
  /** When the peak falls: a part that reads 0 in `parts` is not allocated then (docs/memory.md). */
  readonly peakPhase: PeakPhase;
  readonly rank: string;
  /** `torch.cuda.memory_reserved` at the peak, as a range. */
  readonly reserved: { readonly low: number; readonly high: number };
  readonly accelerator: { readonly name: string; readonly bytes: number } | null;
  /** Whether the peak fits in the accelerator's memory with the stated margin; null without an accelerator. */
  readonly fits: boolean | null;
  readonly reverse: ReverseAnswer | null;
  /** Layouts that fit, fewest accelerators first; only when the analysis was asked for them (`AnalyzeOptions.layouts`). */
  layouts?: readonly LayoutProposal[];
  /** The layout the estimate used, each knob with where it came from. */
  readonly layout: readonly {
    readonly knob: string;
    readonly value: string | number | boolean;
    readonly origin: string;
    readonly key?: string;
    readonly note?: string;
  }[];
}

/** `throughput`: an estimate of one optimizer step and the run's wall-clock days. */
export interface ThroughputReport {
  readonly stepSeconds: number;
  readonly mfu: number;
  readonly mfuSource: string;
  readonly days: number | null;
  /** Accelerator-hours of the run: accelerators × its days × 24; null when the run's length is unknown. */
  readonly acceleratorHours: number | null;
  /** accelerator-hours × `price_per_hour`; null without a price (none is built in) or without the hours. */
  readonly cost: number | null;
  readonly pricePerHour: number | null;
  readonly tokensPerStep: number;
  readonly assumptions: readonly string[];
}

/** `serving`: the KV cache of the model this config describes. */
export interface ServingReport {
  readonly kvCacheBytesPerToken: number;
  readonly kvDtype: string;
  readonly formula: string;
  readonly slidingWindow: number | null;
  readonly stateBytesPerSequence: number;
  /** Tokens of KV cache that fit on the accelerators (vLLM's budget rule); null without an accelerator. */
  readonly maxTokens: number | null;
  readonly devices: number;
  readonly gpuMemoryUtilization: number;
}

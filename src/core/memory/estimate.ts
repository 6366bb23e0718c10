import type { Architecture } from '../architecture/architecture';
import type { ParameterCount } from '../architecture/parameters';
import { stackActivations } from './activations';
import type { MemoryLayout } from './layout';
import { modelStates } from './modelStates';
import { stageShards, type StageShard } from './shards';

export interface MemoryParts {
  readonly weights: number;
  readonly gradients: number;
  readonly optimizer: number;
  readonly activations: number;
  readonly logits: number;
  readonly other: number;
}

export interface StagePeak {
  readonly stage: number;
  readonly peakBytes: number;
  readonly parts: MemoryParts;
  readonly phase: PeakPhase;
}

export type PeakPhase = 'every part' | 'backward start' | 'backward end';

/**
 * Peak allocated memory on the busiest device, as `torch.cuda.max_memory_allocated` reports it:
 * what tensors hold, not the CUDA context, NCCL's own buffers or the caching allocator's slack,
 * which is why reserved memory is given as a range above it.
 */
export interface MemoryEstimate {
  readonly peakBytesPerDevice: number;
  readonly statistic: 'max_allocated';
  readonly stages: readonly StagePeak[];
  readonly parts: MemoryParts;
  /** Which device: "pipeline stage 0 of 4 (first)", or "every device" without pipelining. */
  readonly rank: string;
  /**
   * When the peak falls (`partsAtPeak`): every part live at once, or, in a plain PyTorch loop with
   * one micro-batch, the start of the backward (gradients not yet made) or its end (activations freed).
   */
  readonly peakPhase: PeakPhase;
  /** `torch.cuda.memory_reserved` at the peak: allocated plus the allocator's fragmentation. */
  readonly reserved: { readonly low: number; readonly high: number };
  /** Micro-batches per step per pipeline (global ÷ (micro × DP)); null when unknown. */
  readonly microBatches: number | null;
}

/**
 * The caching allocator reserves more than it hands out: PyTorch's memory notes ("CUDA memory
 * management") say unused cached blocks still show as reserved. We state 0–25% above the peak
 * allocated, the range `memory_reserved`/`max_memory_allocated` takes in the training logs we
 * checked (Megatron-LM prints both; see test/core/memory/measured.test.ts).
 */
export const RESERVED_MARGIN = 0.25;

/** Micro-batches per optimizer step per data-parallel replica, when the global batch and DP are known. */
export function microBatchCount(layout: MemoryLayout): number | null {
  const global = layout.globalBatch?.value;
  const dp = layout.dataParallel?.value;
  if (!global || !dp) return null;
  return Math.max(1, Math.floor(global / (layout.microBatch.value * dp)));
}

export function estimateMemory(arch: Architecture, count: ParameterCount, layout: MemoryLayout): MemoryEstimate {
  const shards = stageShards(arch, count, layout);
  const pp = shards.length;
  const m = microBatchCount(layout);
  const stack = stackActivations(arch, layout);
  const L = arch.layers.value;
  const t = layout.tensorParallel.value;
  const v = layout.virtualStages.value;
  const sb = (layout.sequenceLength.value / layout.contextParallel.value) * layout.microBatch.value;
  const h = arch.hidden.value;
  const V = arch.vocab.value;
  const stages = shards.map((shard): StagePeak => {
    const states = modelStates(shard, layout);
    // 1F1B: stage i holds pp − i micro-batches in flight (fewer when the step has fewer); the
    // interleaved schedule adds (p−1)/(p·v) on the first stage (Megatron-LM's memory penalty).
    let inFlight = pp - shard.stage;
    if (v > 1 && pp > 1) inFlight *= 1 + (pp - 1) / (pp * v);
    else if (m !== null) inFlight = Math.min(inFlight, m);
    const perLayer = stack.kept / L;
    let activations = perLayer * shard.layers * inFlight;
    if (layout.recompute.value === 'full') activations += stack.largestLayer;
    // Offloaded activations leave the device; the layer being computed (and the next, copied back
    // ahead of its backward) stay: torchtune's `OffloadActivations` overlaps copies on a second stream.
    if (layout.offloadActivations?.value) activations = Math.min(activations, 2 * stack.largestLayer);
    // Token ids (8 bytes each) and the embedding's dropout mask on the first stage.
    if (shard.stage === 0) activations += inFlight * (8 * sb + (layout.dropout.value ? (sb * h) / t : 0));
    const logits = shard.stage === pp - 1 ? logitBytes(layout, sb, h, V) : 0;
    const other = transientBytes(layout, shard);
    const { parts, phase } = partsAtPeak(layout, m, { ...states, activations, logits, other });
    const peakBytes = parts.weights + parts.gradients + parts.optimizer + parts.activations + parts.logits + parts.other;
    return { stage: shard.stage, peakBytes, parts, phase };
  });
  const busiest = stages.reduce((best, stage) => (stage.peakBytes > best.peakBytes ? stage : best), stages[0]);
  const rank =
    pp === 1
      ? 'every device (no pipeline parallelism)'
      : `pipeline stage ${busiest.stage} of ${pp}${busiest.stage === 0 ? ' (first)' : busiest.stage === pp - 1 ? ' (last)' : ''}`;
  return {
    peakBytesPerDevice: busiest.peakBytes,
    statistic: 'max_allocated',
    stages,
    parts: busiest.parts,
    peakPhase: busiest.phase,
    rank,
    reserved: { low: busiest.peakBytes, high: busiest.peakBytes * (1 + RESERVED_MARGIN) },
    microBatches: m,
  };
}

/**
 * Which parts are allocated together at the peak. Megatron-LM keeps a persistent gradient buffer
 * and DeepSpeed its gradient partitions, so every part is live at once. A plain PyTorch loop (the
 * Hugging Face Trainer, torchtune, torchtitan's FSDP2) frees gradients at `zero_grad()`
 * (`set_to_none=True`, PyTorch's default since 2.0) and creates them during the backward pass as
 * the activations it consumes are freed: with one micro-batch per step the peak is the larger of
 * the start of the backward (activations and logits, no gradients yet) and its end (gradients, no
 * activations). With accumulation the gradients of the first micro-batch live through the next
 * forward, so every part counts. The parts returned are those live at the peak.
 */
function partsAtPeak(layout: MemoryLayout, microBatches: number | null, all: MemoryParts): { parts: MemoryParts; phase: PeakPhase } {
  const persistent = layout.regime === 'megatron' || layout.regime === 'deepspeed';
  if (persistent || microBatches !== 1) return { parts: all, phase: 'every part' };
  return all.activations + all.logits >= all.gradients
    ? { parts: { ...all, gradients: 0 }, phase: 'backward start' }
    : { parts: { ...all, activations: 0, logits: 0 }, phase: 'backward end' };
}

/**
 * The output layer's logits and the loss. Megatron-LM's vocab-parallel cross entropy upcasts the
 * bf16 logits split over TP to fp32 and keeps the fp32 softmax for the backward: while both live,
 * 2 + 4 bytes per logit (`6sb·V/t`), plus the final norm's output (Megatron's `4sbh`).
 * Hugging Face models and torchtitan keep the bf16 logits, upcast them to fp32 for the loss
 * (`logits.float()` in transformers' `ForCausalLMLoss`) and keep the fp32 log-softmax for the
 * backward: 2 + 4 + 4 = 10 bytes per logit during the forward. The backward of the log-softmax
 * then holds its saved output, the gradient it receives and the one it returns beside the bf16
 * logits (the fp32 upcast is freed by then): 2 + 4 + 4 + 4 = 14 bytes per logit, the larger.
 */
function logitBytes(layout: MemoryLayout, sb: number, h: number, V: number): number {
  const t = layout.tensorParallel.value;
  if (layout.regime === 'megatron') return (4 * sb * h + 6 * sb * V) / t;
  // A chunked loss keeps the bf16 logits and upcasts one chunk at a time: 2 bytes per logit and 8 per logit of a chunk.
  const chunks = layout.lossChunks?.value;
  if (chunks && chunks > 1) return (2 * sb * V + (8 * sb * V) / chunks) / t;
  return (14 * sb * V) / t;
}

/**
 * Buffers beside the model states: ZeRO-3 and FSDP gather a layer's weights (bf16) and reduce its
 * gradients (fp32) while the next is prefetched, about two layers' worth; DeepSpeed ZeRO-1/2
 * reduce gradients through a bucket of `reduce_bucket_size` elements (default 5e8, DeepSpeed's
 * config documentation) in the training dtype.
 */
function transientBytes(layout: MemoryLayout, shard: StageShard): number {
  const stage = layout.shardStage.value;
  const perLayer = (shard.dense + shard.experts) / Math.max(1, shard.layers);
  if (layout.baseBits || layout.trainable !== undefined) return 0;
  // FSDP with pipeline parallelism does not reshard after the forward (torchtitan's
  // `parallelize_llama`: per-micro-batch all-gathers would not overlap): the stage's bf16 weights stay gathered.
  if (stage === 3 && layout.regime === 'fsdp' && layout.pipelineParallel.value > 1) return 2 * (shard.dense + shard.experts);
  if (stage === 3 && (layout.dataParallel?.value ?? 1) > 1) return 2 * perLayer * (2 + 4);
  if (layout.regime === 'deepspeed' && stage >= 1) return 2 * (layout.bucketElements?.value ?? 5e8);
  return 0;
}

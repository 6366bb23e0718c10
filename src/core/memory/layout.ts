import type { Fact } from '../source/fact';

/**
 * Activation recomputation, as Megatron-LM names it (`--recompute-granularity`): none, selective
 * (attention's core) or full; `op` is torchtitan's per-op selective AC, which keeps only the
 * outputs of every second matmul and of attention (and recomputes the rest).
 */
export type Recompute = 'none' | 'selective' | 'op' | 'full';

/** Optimizers whose state size differs; `adam` covers AdamW. */
export type OptimizerKind = 'adam' | 'adam-8bit' | 'adafactor' | 'sgd' | 'sgd-momentum' | 'muon';

/**
 * How a framework lays out the model states, which fixes bytes per parameter before sharding:
 * - `megatron`: bf16 weights, fp32 gradient buffer, fp32 master weights with the optimizer
 *   (Megatron-LM `theoretical_memory_usage.py`: 18 bytes, or 6 + 12/DP with the distributed optimizer).
 * - `deepspeed`: fp16/bf16 weights and gradients, fp32 master weights and Adam states (ZeRO paper, Rajbhandari et al. 2020, §3.1: 2 + 2 + 12 bytes).
 * - `fsdp`: fp32 sharded weights and gradients cast to bf16 for compute (torchtitan's FSDP2 `MixedPrecisionPolicy(param_dtype=bf16, reduce_dtype=fp32)`).
 * - `amp`: PyTorch autocast over fp32 weights (the Hugging Face Trainer's `bf16: true` without DeepSpeed or FSDP).
 * - `pure`: weights, gradients and optimizer states all in the training dtype (torchtune's `dtype: bf16`).
 */
export type StateRegime = 'megatron' | 'deepspeed' | 'fsdp' | 'amp' | 'pure';

/**
 * The knobs that decide memory per device, each a Fact so a diagnostic can point at the key that
 * set it and a hover can say whether it was written, assumed or a framework default.
 */
export interface MemoryLayout {
  readonly framework: string;
  readonly regime: StateRegime;
  readonly tensorParallel: Fact;
  readonly pipelineParallel: Fact;
  /** Virtual pipeline stages per rank (interleaved 1F1B); 1 when not interleaved. */
  readonly virtualStages: Fact;
  readonly contextParallel: Fact;
  readonly expertParallel: Fact;
  /** Expert tensor parallelism; Megatron-LM defaults it to the tensor-parallel size. */
  readonly expertTensorParallel?: Fact;
  /** Data-parallel replicas; null when the accelerator count is not known. */
  readonly dataParallel?: Fact;
  /**
   * How far the model states are sharded over data parallelism: 0 none, 1 optimizer states
   * (ZeRO-1, Megatron's distributed optimizer), 2 also gradients, 3 also weights (ZeRO-3, FSDP full shard).
   */
  readonly shardStage: Fact;
  readonly microBatch: Fact;
  readonly globalBatch?: Fact;
  readonly sequenceLength: Fact;
  readonly recompute: Fact<Recompute>;
  /** Layers recomputed fully per stage when `recompute` is full with a count (Megatron `--recompute-num-layers` with `block`). */
  readonly recomputeLayers?: Fact;
  /**
   * With `recompute` full: only every k-th layer is recomputed, the others keep everything
   * (torchtitan's layer-level selective AC, `selective_ac_option = "2"`, its default).
   */
  readonly recomputeEvery?: Fact;
  readonly sequenceParallel: Fact<boolean>;
  readonly flashAttention: Fact<boolean>;
  /** Dropout masks are stored (1 byte per element) when dropout is on: Megatron's default 0.1, 0 in most Hugging Face models. */
  readonly dropout: Fact<boolean>;
  readonly optimizer: Fact<OptimizerKind>;
  readonly offloadOptimizer: Fact<boolean>;
  readonly offloadParameters: Fact<boolean>;
  /** Bits of a frozen, quantised base (QLoRA's NF4: 4); absent for a base in the training dtype. */
  readonly baseBits?: Fact;
  /** Parameters that train (LoRA adapters); absent when every parameter trains. */
  readonly trainable?: number;
  /** DeepSpeed's reduce bucket, elements (`zero_optimization.reduce_bucket_size`, default 5e8). */
  readonly bucketElements?: Fact;
  /**
   * Chunks of a chunked loss (torchtune's `CEWithChunkedOutputLoss`, `LinearCrossEntropyLoss`:
   * `num_output_chunks` 8): the fp32 upcast and log-softmax live one chunk at a time.
   */
  readonly lossChunks?: Fact;
  /** Activations kept for the backward are offloaded to the CPU (torchtune's `enable_activation_offloading`). */
  readonly offloadActivations?: Fact<boolean>;
}

import type { MemoryLayout, OptimizerKind, StateRegime } from './layout';
import type { StageShard } from './shards';

/** Bytes of weights, gradients and optimizer states (master weights included) on one device. */
export interface ModelStates {
  readonly weights: number;
  readonly gradients: number;
  readonly optimizer: number;
}

/** Bytes per parameter before any sharding: [weights, gradients, fp32 master copy]. */
const REGIME_BYTES: Readonly<Record<StateRegime, readonly [number, number, number]>> = {
  // Megatron-LM: bf16 weights, fp32 main-gradient buffer, fp32 master weights (18 = 2 + 4 + 4 + 8).
  megatron: [2, 4, 4],
  // ZeRO paper §3.1: fp16 weights and gradients, fp32 master copy beside Adam's momentum and variance (16 = 2 + 2 + 12).
  deepspeed: [2, 2, 4],
  // FSDP2 with bf16 compute: fp32 sharded parameters and gradients; the optimizer steps on them directly.
  fsdp: [4, 4, 0],
  // Autocast over fp32 weights: fp32 weights and gradients, no separate master copy.
  amp: [4, 4, 0],
  // Everything in the training dtype.
  pure: [2, 2, 0],
};

/**
 * Optimizer state bytes per parameter, at fp32 unless the regime trains in one dtype. Adam keeps
 * momentum and variance (8); bitsandbytes' 8-bit Adam one byte each (2, Dettmers et al. 2022,
 * "8-bit Optimizers via Block-wise Quantization"); SGD with momentum one buffer (4); Muon one
 * momentum buffer (4, Jordan et al. 2024); Adafactor factors the second moment into row and
 * column vectors, negligible next to the weights, and keeps no momentum by default (beta1=None).
 */
function optimizerBytes(kind: OptimizerKind, regime: StateRegime): number {
  const scale = regime === 'pure' ? 0.5 : 1;
  switch (kind) {
    case 'adam':
      return 8 * scale;
    case 'adam-8bit':
      return 2;
    case 'sgd-momentum':
    case 'muon':
      return 4 * scale;
    case 'adafactor':
    case 'sgd':
      return 0;
  }
}

/**
 * The model states of one device of a stage. Sharding over data parallelism follows ZeRO's stages:
 * 1 shards optimizer states and master weights, 2 also gradients, 3 also weights. Megatron's
 * distributed optimizer is stage 1 (6 + 12/DP bytes per parameter). Offloaded states leave the
 * device. A quantised frozen base (QLoRA) holds `baseBits`/8 bytes per weight plus its block
 * constants and trains only the adapters.
 */
export function modelStates(shard: StageShard, layout: MemoryLayout): ModelStates {
  const [w, g, master] = REGIME_BYTES[layout.regime];
  const o = optimizerBytes(layout.optimizer.value, layout.regime) + master;
  const stage = layout.shardStage.value;
  const dp = layout.dataParallel?.value ?? 1;
  // Experts are replicated over the expert-data-parallel group, smaller by EP × expert-TP ÷ TP.
  const etp = layout.expertTensorParallel?.value ?? layout.tensorParallel.value;
  const expertDp = Math.max(1, (dp * layout.tensorParallel.value) / (layout.expertParallel.value * etp));
  const split = (bytes: number, shardedFrom: number) => ({
    dense: stage >= shardedFrom ? bytes / dp : bytes,
    experts: stage >= shardedFrom ? bytes / expertDp : bytes,
  });
  const on = (bytes: { dense: number; experts: number }) => shard.dense * bytes.dense + shard.experts * bytes.experts;
  const total = shard.dense + shard.experts;
  if (layout.baseBits) {
    // QLoRA: the frozen base in NF4 with double-quantised constants, 0.127 bits per parameter
    // (Dettmers et al. 2023, §3); the adapters train in the regime's dtypes, unsharded. Only the
    // transformer's linear layers are quantised: the embedding and the output layer stay in bf16
    // (bitsandbytes replaces `nn.Linear` modules and transformers skips `lm_head`; torchtune's
    // `qlora_*` builders quantise the LoRA-wrapped linears only).
    const trainable = Math.min(layout.trainable ?? 0, total);
    const edges = Math.min(shard.edges, total);
    const base = ((total - edges) * (layout.baseBits.value + 0.127)) / 8 + edges * 2;
    return { weights: base + trainable * w, gradients: trainable * g, optimizer: layout.offloadOptimizer.value ? 0 : trainable * o };
  }
  if (layout.trainable !== undefined) {
    // LoRA over a base in the training dtype: the base holds weights only.
    const trainable = Math.min(layout.trainable, total);
    return { weights: total * (layout.regime === 'megatron' ? 2 : w), gradients: trainable * g, optimizer: trainable * o };
  }
  return {
    weights: layout.offloadParameters.value ? 0 : on(split(w, 3)),
    gradients: on(split(g, 2)),
    optimizer: layout.offloadOptimizer.value ? 0 : on(split(o, 1)),
  };
}

import type { Architecture } from '../architecture/architecture';

/** KV-cache dtypes by bytes per element; the model's `torch_dtype` decides unless one is stated. */
export const DTYPE_BYTES: Readonly<Record<string, number>> = {
  float32: 4,
  fp32: 4,
  float: 4,
  bfloat16: 2,
  bf16: 2,
  float16: 2,
  fp16: 2,
  half: 2,
  fp8: 1,
  fp8_e4m3: 1,
  fp8_e5m2: 1,
  float8_e4m3fn: 1,
  int8: 1,
};

export interface KvCache {
  /** Bytes one token adds to the cache, over every attention layer, at `dtypeBytes`. */
  readonly bytesPerToken: number;
  readonly dtypeBytes: number;
  readonly formula: string;
  /** Layers that attend over a sliding window: their share of a token stops growing past `window`. */
  readonly slidingLayers: number;
  readonly window: number | null;
  /** Mamba layers' recurrent state per sequence (conv + SSM state), at the same dtype; 0 without. */
  readonly stateBytesPerSequence: number;
}

/**
 * KV-cache bytes per token: 2 (K and V) × KV heads × head dim × dtype bytes per attention layer;
 * grouped-query attention stores only its KV heads. Multi-head latent attention (DeepSeek-V2/V3)
 * caches the compressed latent and the rotary key, (kv_lora_rank + qk_rope_head_dim) per layer, as
 * vLLM's MLA backend does. Mamba layers keep no per-token cache but a fixed state per sequence.
 */
export function kvCache(arch: Architecture, dtypeBytes: number, sliding?: { window: number; layers: number }): KvCache {
  const layers = arch.stack ? arch.stack.attentionLayers : arch.layers.value;
  const mla = arch.latentAttention;
  const perLayer = mla ? mla.kvLoraRank.value + mla.qkRopeHeadDim.value : 2 * arch.kvHeads.value * arch.headDim.value;
  const formula = mla
    ? `${layers} layers × (${mla.kvLoraRank.value} + ${mla.qkRopeHeadDim.value}) × ${dtypeBytes} bytes`
    : `2 × ${layers} layers × ${arch.kvHeads.value} KV heads × ${arch.headDim.value} × ${dtypeBytes} bytes`;
  const mixer = arch.stack?.mixer;
  let state = 0;
  if (mixer && arch.stack) {
    const inner = mixer.kind === 'mamba2' ? mixer.heads.value * mixer.headDim.value : mixer.inner.value;
    const groups = mixer.kind === 'mamba2' ? mixer.groups.value : 0;
    const conv = (inner + 2 * groups * mixer.stateSize.value) * (mixer.convKernel.value - 1);
    state = arch.stack.mambaLayers * (conv + inner * mixer.stateSize.value) * dtypeBytes;
  }
  return {
    bytesPerToken: layers * perLayer * dtypeBytes,
    dtypeBytes,
    formula,
    slidingLayers: sliding ? Math.min(sliding.layers, layers) : 0,
    window: sliding?.window ?? null,
    stateBytesPerSequence: state,
  };
}

/**
 * Tokens of KV cache that fit, by vLLM's budget rule (vllm-project/vllm@35d5cda:
 * vllm/v1/worker/gpu_worker.py `determine_available_memory`): the requested memory is total ×
 * `gpu_memory_utilization`; from it go the weights, the peak activation of a profiling forward
 * pass over `max_num_batched_tokens` tokens, and non-torch memory; the rest holds the cache. Under
 * tensor parallelism each of `devices` holds 1/devices of the weights and of every token's KV.
 */
export function servingCapacity(input: {
  readonly capacityBytes: number;
  readonly devices: number;
  readonly utilization: number;
  readonly weightBytes: number;
  readonly activationBytes: number;
  readonly bytesPerToken: number;
}): { readonly kvBudgetBytes: number; readonly maxTokens: number } {
  const perDevice = input.capacityBytes * input.utilization - input.weightBytes / input.devices - input.activationBytes;
  const budget = Math.max(0, perDevice);
  return { kvBudgetBytes: budget * input.devices, maxTokens: Math.floor((budget * input.devices) / input.bytesPerToken) };
}

/**
 * Peak activation of vLLM's profiling forward pass over `tokens` tokens on one device, estimated:
 * the widest intermediate (the MLP's gate and up outputs, 2·f each for a gated MLP) with its input
 * and the residual stream in the model dtype, plus fp32 logits for the sampled rows (one per
 * sequence; vLLM profiles up to `max_num_seqs` = 256 of them). Non-torch memory (CUDA graphs,
 * NCCL) is not in it; vLLM measures it, we do not.
 */
export function profileActivationBytes(arch: Architecture, tokens: number, devices: number, dtypeBytes: number): number {
  const h = arch.hidden.value;
  const f = arch.moe ? Math.max(arch.ffn.value, arch.moe.ffn.value * Math.min(arch.moe.topK.value, arch.moe.experts.value)) : arch.ffn.value;
  const widest = (arch.gated.value ? 3 : 2) * f;
  const perToken = (widest / devices + 3 * h) * dtypeBytes;
  const logits = Math.min(tokens, 256) * arch.vocab.value * 4;
  return tokens * perToken + logits / devices;
}

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
 * What vLLM finds in use on each device outside PyTorch's allocator once the worker has set up
 * tensor parallelism (NCCL's communicators, the custom all-reduce's IPC buffers, cuBLAS
 * workspaces), as a stated allowance rather than a measurement: its own logs print it as
 * `non_torch_memory`: 0.16 GiB on one H100 (vllm-project/vllm#12126), 0.25 GiB per device at
 * tensor parallelism 2 (vllm-project/vllm#13061). Since #12126 vLLM counts only what grew after the
 * worker started, so the CUDA context itself is not in it (it lives in the 1 − utilisation margin).
 */
export function nonTorchAllowance(devices: number): number {
  return (devices > 1 ? 0.25 : 0.16) * 2 ** 30;
}

/**
 * Tokens of KV cache that fit, by vLLM's budget rule (vllm-project/vllm@35d5cda:
 * vllm/v1/worker/gpu_worker.py `determine_available_memory`, with `memory_profiling` in
 * vllm/utils.py): per device, the requested memory is total × `gpu_memory_utilization`; from it go
 * that device's shard of the weights, the peak activation of a profiling forward pass over
 * `max_num_batched_tokens` tokens, and the memory that grew outside PyTorch (`nonTorchBytes`); the
 * rest holds the cache. Under tensor parallelism each of `devices` holds 1/devices of the weights
 * and of every token's KV.
 */
export function servingCapacity(input: {
  readonly capacityBytes: number;
  readonly devices: number;
  readonly utilization: number;
  readonly weightBytes: number;
  readonly activationBytes: number;
  /** Per device; `nonTorchAllowance(devices)` unless known. */
  readonly nonTorchBytes: number;
  readonly bytesPerToken: number;
}): { readonly kvBudgetBytes: number; readonly maxTokens: number } {
  const perDevice = input.capacityBytes * input.utilization - input.weightBytes / input.devices - input.activationBytes - input.nonTorchBytes;
  const budget = Math.max(0, perDevice);
  return { kvBudgetBytes: budget * input.devices, maxTokens: Math.floor((budget * input.devices) / input.bytesPerToken) };
}

/**
 * Peak activation of vLLM's profiling forward pass over `tokens` tokens on the device that samples,
 * estimated: the widest intermediate (the MLP's gate and up outputs, 2·f each for a gated MLP, split
 * over the devices) with its input and the residual stream in the model dtype, plus the fp32 logits
 * of the sampled rows (one per sequence; vLLM profiles up to `max_num_seqs` = 256 of them). The
 * logits are not split: vLLM gathers the whole vocabulary onto the rank that samples
 * (`LogitsProcessor`, `tensor_model_parallel_gather`/`all_gather`).
 */
export function profileActivationBytes(arch: Architecture, tokens: number, devices: number, dtypeBytes: number): number {
  const h = arch.hidden.value;
  const f = arch.moe ? Math.max(arch.ffn.value, arch.moe.ffn.value * Math.min(arch.moe.topK.value, arch.moe.experts.value)) : arch.ffn.value;
  const widest = (arch.gated.value ? 3 : 2) * f;
  const perToken = (widest / devices + 3 * h) * dtypeBytes;
  const logits = Math.min(tokens, 256) * arch.vocab.value * 4;
  return tokens * perToken + logits;
}

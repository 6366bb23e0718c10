import type { Architecture } from '../architecture/architecture';
import type { Accelerator } from '../hardware/accelerator';
import { userFact, type UserFact } from '../source/directives';
import type { ConfigView } from '../source/view';
import { DTYPE_BYTES, kvCache, nonTorchAllowance, profileActivationBytes, servingCapacity } from './kvCache';
import type { ServingReport } from './report';

/** vLLM's defaults: `gpu_memory_utilization` 0.9 and, for its profiling pass, `max_num_batched_tokens` 8192 (the OpenAI server's chunked-prefill default). */
export const VLLM_UTILIZATION = 0.9;
export const VLLM_BATCHED_TOKENS = 8192;

/** The dtype a key names ("bfloat16", "torch.float16", "fp8_e4m3"), as a row of DTYPE_BYTES. */
function dtypeOf(view: ConfigView, names: readonly string[]): string | undefined {
  const located = view.find(names);
  const text = located ? view.text(located) : undefined;
  const name = text
    ?.trim()
    .toLowerCase()
    .replace(/^torch\./, '');
  return name && DTYPE_BYTES[name] ? name : undefined;
}

/** Weight bytes per parameter: the quantisation's bits when `quantization_config` states them, else the dtype's. */
function weightBytes(view: ConfigView, dtypeBytes: number): number {
  const bits = view.at(['quantization_config', 'bits']) ?? view.at(['quantization_config', 'weight_bits']);
  const text = bits ? view.text(bits) : undefined;
  const value = text ? Number(text) : NaN;
  return value > 0 && value <= 16 ? value / 8 : dtypeBytes;
}

/**
 * Serving memory for the model a config describes: KV-cache bytes per token at the KV dtype
 * (`kv_cache_dtype` when stated, else the model's `torch_dtype`/`dtype`, else bf16; never the
 * weights' quantisation) and, with an accelerator, the tokens that fit by vLLM's budget rule.
 */
export function readServing(
  view: ConfigView,
  arch: Architecture,
  parameters: number,
  chip: Accelerator | undefined,
  facts: readonly UserFact[],
): ServingReport {
  const kvDtype = dtypeOf(view, ['kv_cache_dtype']) ?? dtypeOf(view, ['torch_dtype', 'dtype']) ?? 'bfloat16';
  const modelDtype = dtypeOf(view, ['torch_dtype', 'dtype']) ?? 'bfloat16';
  const windowAt = view.find(['sliding_window']);
  const windowText = windowAt ? view.text(windowAt) : undefined;
  const window = windowText && /^\d+$/.test(windowText) ? Number(windowText) : undefined;
  const useSliding = view.find(['use_sliding_window']);
  const slidingOff = useSliding ? view.flag(useSliding) === false : false;
  const layerTypes = view.find(['layer_types'])?.entry.value;
  const slidingLayers =
    layerTypes?.kind === 'seq' ? layerTypes.items.filter((item) => item.kind === 'scalar' && item.value === 'sliding_attention').length : arch.layers.value;
  const sliding = window && !slidingOff && slidingLayers > 0 ? { window, layers: slidingLayers } : undefined;
  const cache = kvCache(arch, DTYPE_BYTES[kvDtype], sliding);
  const devices = userFact(facts, 'gpus')?.value ?? 1;
  const utilization = userFact(facts, 'serving_gpu_utilization')?.value ?? VLLM_UTILIZATION;
  const batched = userFact(facts, 'max_num_batched_tokens')?.value ?? VLLM_BATCHED_TOKENS;
  const capacity = chip?.memoryBytes;
  const maxTokens =
    capacity && cache.bytesPerToken > 0
      ? servingCapacity({
          capacityBytes: capacity,
          devices,
          utilization,
          weightBytes: parameters * weightBytes(view, DTYPE_BYTES[modelDtype]),
          activationBytes: profileActivationBytes(arch, batched, devices, DTYPE_BYTES[modelDtype]),
          nonTorchBytes: nonTorchAllowance(devices),
          bytesPerToken: cache.bytesPerToken,
        }).maxTokens
      : null;
  return {
    kvCacheBytesPerToken: cache.bytesPerToken,
    kvDtype,
    formula: cache.formula,
    slidingWindow: cache.window,
    stateBytesPerSequence: cache.stateBytesPerSequence,
    maxTokens,
    devices,
    gpuMemoryUtilization: utilization,
  };
}

import type { Architecture } from '../../../src/core/architecture/architecture';
import { decoder } from './shapes';

/**
 * Published KV-cache capacities of vLLM, each with the log it comes from and the configuration it
 * ran. `measuredTokens` is the tokens of cache the log states (blocks × block size, or the KV bytes
 * per device × devices over a token's bytes). `miss` says, for a row the estimate misses by more
 * than 10%, why: it stays so the rate is honest.
 */
export interface ServingRow {
  readonly source: string;
  readonly setup: string;
  readonly arch: Architecture;
  readonly chip: string;
  readonly devices: number;
  readonly utilization: number;
  /** The tokens of vLLM's profiling pass (`max_num_batched_tokens`). */
  readonly batchedTokens: number;
  readonly measuredTokens: number;
  readonly miss?: string;
}

const GiB = 2 ** 30;

const llama2 = (hidden: number, layers: number, kvHeads: number, ffn: number) =>
  decoder({ hidden, layers, heads: hidden / 128, kvHeads, headDim: 128, ffn, vocab: 32000, gated: true, tied: false });
/** Meta-Llama-3-8B's `config.json`: 8 KV heads of 128, 131,072 bytes a token in bf16. */
const LLAMA_3_8B = decoder({ hidden: 4096, layers: 32, heads: 32, kvHeads: 8, headDim: 128, ffn: 14336, vocab: 128256, gated: true, tied: false });

const PR_2031 = 'vllm-project/vllm#2031 ("Fix peak memory profiling", 2023-12-12), "# GPU blocks" of benchmark_throughput.py with that PR, blocks of 16 tokens';
const PR_10511 = 'vllm-project/vllm#10511 (2024-12-14, sanity checks), "Memory profiling results" of `vllm serve meta-llama/Meta-Llama-3-8B`';

export const SERVING_ROWS: readonly ServingRow[] = [
  {
    source: `${PR_2031}, Llama-2-7B TP 1`,
    setup: 'one A100 80GB, fp16, gpu_memory_utilization 0.9, profiling over max(max_model_len 4096, 2560) = 4096 tokens: 7,351 blocks',
    arch: llama2(4096, 32, 32, 11008),
    chip: 'A100',
    devices: 1,
    utilization: 0.9,
    batchedTokens: 4096,
    measuredTokens: 7351 * 16,
  },
  {
    source: `${PR_2031}, Llama-2-70B TP 4`,
    setup: 'four A100 80GB, fp16, gpu_memory_utilization 0.9, 4,096 profiling tokens: 20,865 blocks (31,615 before the PR)',
    arch: llama2(8192, 80, 8, 28672),
    chip: 'A100',
    devices: 4,
    utilization: 0.9,
    batchedTokens: 4096,
    measuredTokens: 20865 * 16,
    miss:
      'vLLM 0.2.x took everything in use on the device after profiling (total − free, vllm/worker/worker.py ' +
      '`profile_num_available_blocks`) as the peak; at TP 4 that was about 13 GiB per device beyond weights and ' +
      'activations (10,750 blocks of 1.25 MiB), far more than NCCL buffers, and the PR does not say what it was; ' +
      'the estimate gives the PR\'s "before" figure (31,615) within 1%',
  },
  {
    source: `${PR_10511}, TP 1`,
    setup: 'one H100 80GB (79.22 GiB), bf16, utilization 0.9, max_model_len 8192 so 8,192 profiling tokens: available_kv_cache_memory 53.29 GiB',
    arch: LLAMA_3_8B,
    chip: 'H100',
    devices: 1,
    utilization: 0.9,
    batchedTokens: 8192,
    measuredTokens: Math.floor((53.29 * GiB) / 131_072),
  },
  {
    source: `${PR_10511} -tp 2`,
    setup:
      'two H100 80GB, bf16, utilization 0.9, 8,192 profiling tokens: per device 71.29 GiB usable − weights 7.48 − non_torch 3.58 − activation peak 1.26 = 58.97 GiB (the terms as logged)',
    arch: LLAMA_3_8B,
    chip: 'H100',
    devices: 2,
    utilization: 0.9,
    batchedTokens: 8192,
    measuredTokens: Math.floor((2 * 58.97 * GiB) / 131_072),
  },
];

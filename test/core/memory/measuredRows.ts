import type { Architecture } from '../../../src/core/architecture/architecture';
import { decoder, type layout } from './shapes';

/**
 * Published measured peaks, each with its source and the exact configuration it was measured on.
 * `statistic` is what the log reports: `allocated` (`allocated_bytes.all.peak`, what the estimate
 * predicts), `active` (`active_bytes.all.peak`, torchtune's "Peak Memory Active": allocated blocks
 * not yet freed, equal to allocated for our purpose) or `reserved` (`reserved_bytes.all.peak`,
 * torchtitan's "memory" figure: the estimate states reserved memory as a range above its peak).
 * `miss` says, for a row the estimate is known to miss by more than 15%, why: it stays in the
 * table so the rate is honest.
 */
export interface MeasuredPeak {
  readonly source: string;
  readonly setup: string;
  readonly statistic: 'allocated' | 'active' | 'reserved';
  readonly arch: Architecture;
  readonly knobs: Parameters<typeof layout>[0];
  /** The pipeline stage the log reports; the busiest when absent. */
  readonly stage?: number;
  readonly measuredBytes: number;
  readonly miss?: string;
}

const GiB = 2 ** 30;

/** Megatron-LM's 345M test GPT: 12 layers, hidden 512, 8 heads, GPT-2 vocabulary padded to a multiple of 128 × TP. */
const GPT_345M_TEST = (vocab: number) =>
  decoder({ hidden: 512, layers: 12, heads: 8, ffn: 2048, vocab, gated: false, tied: true, positions: 1024, gpt2: true });

/** Llama 3.1 and 3.2 as their released `config.json` files state them (meta-llama on the Hugging Face Hub). */
const LLAMA_3_1_8B = decoder({ hidden: 4096, layers: 32, heads: 32, kvHeads: 8, headDim: 128, ffn: 14336, vocab: 128256, gated: true, tied: false });
const LLAMA_3_1_70B = decoder({ hidden: 8192, layers: 80, heads: 64, kvHeads: 8, headDim: 128, ffn: 28672, vocab: 128256, gated: true, tied: false });
const LLAMA_3_1_405B = decoder({ hidden: 16384, layers: 126, heads: 128, kvHeads: 8, headDim: 128, ffn: 53248, vocab: 128256, gated: true, tied: false });
const LLAMA_3_2_3B = decoder({ hidden: 3072, layers: 28, heads: 24, kvHeads: 8, headDim: 128, ffn: 8192, vocab: 128256, gated: true, tied: true });

/** LoRA parameters: rank × (in + out) for every adapted projection of every layer. */
function loraParameters(layers: number, rank: number, projections: readonly [number, number][]): number {
  return layers * rank * projections.reduce((sum, [input, output]) => sum + input + output, 0);
}

// Llama 3.2 3B's projections: q and o 3072 → 3072, v 3072 → 1024 (8 KV heads of 128), the MLP's gate/up/down 3072 ↔ 8192.
const LORA_3B_RANK_64 = loraParameters(28, 64, [
  [3072, 3072],
  [3072, 1024],
  [3072, 3072],
  [3072, 8192],
  [3072, 8192],
  [8192, 3072],
]);
const LORA_8B_QV_RANK_8 = loraParameters(32, 8, [
  [4096, 4096],
  [4096, 1024],
]);
const QLORA_8B_RANK_8 = loraParameters(32, 8, [
  [4096, 4096],
  [4096, 1024],
  [4096, 1024],
  [4096, 4096],
  [4096, 14336],
  [4096, 14336],
  [14336, 4096],
]);

const MEGATRON_CASE = 'NVIDIA/Megatron-LM tests/functional_tests/test_cases/gpt';
const MEGATRON_SETUP =
  '345M test GPT, seq 1024, micro-batch 4, global batch 32 on 8 A100s, bf16, --transformer-impl local (unfused attention), dropout 0.1, tied embeddings; steady value from step 5';
const megatron = { regime: 'megatron', microBatch: 4, globalBatch: 32, sequenceLength: 1024, flashAttention: false, dropout: true } as const;

const TITAN = 'pytorch/torchtitan@820504e2 benchmarks/llama3_h100_202412_torchtitan.md';
const TITAN_SETUP = 'H100 96 GB (Grand Teton), torchtitan@9dec370, bf16 FSDP2 (fp32 sharded states), AdamW';

const TUNE_FLAGS = 'pytorch/torchtune@1814feb1 README.md, "Optimization flags" table';
const TUNE_FLAGS_SETUP = 'Llama 3.2 3B, batch 2, packed sequences of 4096, bf16, A100, no accumulation, each row on top of the one before';
const tune3b = { regime: 'pure', microBatch: 2, sequenceLength: 4096, globalBatch: 2, dataParallel: 1 } as const;
const OFFLOAD =
  "torch.compile with activation offloading: the log holds about 2.5 GiB beyond the base weights; the estimate keeps two layers' working set on the device and a chunk's fp32 upcast, about 2 GiB more";
const TUNE_SPEED = 'pytorch/torchtune@30b8519e README.md, "Memory and training speed" table';
const tune8b = { regime: 'pure', microBatch: 2, sequenceLength: 2048, globalBatch: 2, dataParallel: 1, recompute: 'full', lossChunks: 8 } as const;

export const MEASURED_PEAKS: readonly MeasuredPeak[] = [
  {
    source: `${MEGATRON_CASE}/gpt3_345m_nightly_dgx_a100_1N8G_mcore_tp1_pp2/golden_values_dev.json @10654a44 (config @3bf9b874)`,
    setup: `${MEGATRON_SETUP}; TP 1, PP 2; mem-max-allocated-bytes of the last stage`,
    statistic: 'allocated',
    arch: GPT_345M_TEST(50_304),
    knobs: { ...megatron, pipelineParallel: 2, dataParallel: 4 },
    stage: 1,
    measuredBytes: 3_632_653_312,
  },
  {
    source: `${MEGATRON_CASE}/gpt3_345m_nightly_dgx_a100_1N8G_mcore_tp4_pp1/golden_values_dev.json @10654a44 (config @56275662)`,
    setup: `${MEGATRON_SETUP}; TP 4, PP 1`,
    statistic: 'allocated',
    arch: GPT_345M_TEST(50_688),
    knobs: { ...megatron, tensorParallel: 4, dataParallel: 2 },
    stage: 0,
    measuredBytes: 1_628_741_632,
  },
  {
    source: `${MEGATRON_CASE}/gpt3_345m_nightly_dgx_a100_1N8G_mcore_tp1_pp4/golden_values_dev.json @23e2e09e (config @3bf9b874)`,
    setup: `${MEGATRON_SETUP}; TP 1, PP 4; the last stage`,
    statistic: 'allocated',
    arch: GPT_345M_TEST(50_304),
    knobs: { ...megatron, pipelineParallel: 4, dataParallel: 2 },
    stage: 3,
    measuredBytes: 2_748_673_024,
  },
  {
    source: `${MEGATRON_CASE}/gpt3_345m_nightly_dgx_a100_1N8G_mcore_tp1_pp1_dist_optimizer_overlap_grad_reduce_param_gather/golden_values_dev.json @2a9793d1 (config @11b87228)`,
    setup: `${MEGATRON_SETUP}; TP 1, PP 1, distributed optimizer over DP 8`,
    statistic: 'allocated',
    arch: GPT_345M_TEST(50_304),
    knobs: { ...megatron, shardStage: 1, dataParallel: 8 },
    stage: 0,
    measuredBytes: 4_735_983_616,
  },
  {
    source: `${TITAN}, table 1, row "FSDP"`,
    setup: `${TITAN_SETUP}; Llama 3.1 8B, FSDP over 8 GPUs, local batch 2, global 16, seq 8192, selective (op) AC, no compile`,
    statistic: 'reserved',
    arch: LLAMA_3_1_8B,
    knobs: { regime: 'fsdp', shardStage: 3, dataParallel: 8, microBatch: 2, globalBatch: 16, sequenceLength: 8192, recompute: 'op' },
    measuredBytes: 82.4 * GiB,
  },
  {
    source: `${TITAN}, table 3, row "FSDP"`,
    setup: `${TITAN_SETUP}; Llama 3.1 8B, FSDP over 128 GPUs, local batch 2, global 256, seq 8192, selective (op) AC, no compile`,
    statistic: 'reserved',
    arch: LLAMA_3_1_8B,
    knobs: { regime: 'fsdp', shardStage: 3, dataParallel: 128, microBatch: 2, globalBatch: 256, sequenceLength: 8192, recompute: 'op' },
    measuredBytes: 67.0 * GiB,
  },
  {
    source: `${TITAN}, table 2, row "FSDP 8, CP 1"`,
    setup: `${TITAN_SETUP}; Llama 3.1 8B, FSDP 8, local batch 1, seq 32768, full AC, torch.compile, Float8`,
    statistic: 'reserved',
    arch: LLAMA_3_1_8B,
    knobs: { regime: 'fsdp', shardStage: 3, dataParallel: 8, microBatch: 1, globalBatch: 8, sequenceLength: 32768, recompute: 'full' },
    measuredBytes: 83.9 * GiB,
  },
  {
    source: `${TITAN}, table 2, row "FSDP 1, CP 8"`,
    setup: `${TITAN_SETUP}; Llama 3.1 8B, FSDP 1 × CP 8 (states sharded over all 8), local batch 1, seq 262144, full AC, torch.compile, Float8`,
    statistic: 'reserved',
    arch: LLAMA_3_1_8B,
    knobs: { regime: 'fsdp', shardStage: 3, dataParallel: 8, contextParallel: 8, microBatch: 1, globalBatch: 1, sequenceLength: 262144, recompute: 'full' },
    measuredBytes: 84.5 * GiB,
  },
  {
    source: `${TITAN}, table 4, row "2D"`,
    setup: `${TITAN_SETUP}; Llama 3.1 70B, FSDP 32 × TP 8 with sequence parallelism, local batch 16, global 512, seq 8192, full AC, torch.compile, Float8`,
    statistic: 'reserved',
    arch: LLAMA_3_1_70B,
    knobs: {
      regime: 'fsdp',
      shardStage: 3,
      dataParallel: 32,
      tensorParallel: 8,
      sequenceParallel: true,
      microBatch: 16,
      globalBatch: 512,
      sequenceLength: 8192,
      recompute: 'full',
    },
    measuredBytes: 71.9 * GiB,
  },
  {
    source: `${TITAN}, table 5, row "1F1B"`,
    setup: `${TITAN_SETUP}; Llama 3.1 405B, FSDP 8 × TP 8 × PP 8, local batch 32 in 8 micro-batches of 4, global 256, seq 8192, full AC, torch.compile, Float8, async TP; the maximum over all GPUs`,
    statistic: 'reserved',
    arch: LLAMA_3_1_405B,
    knobs: {
      regime: 'fsdp',
      shardStage: 3,
      dataParallel: 8,
      tensorParallel: 8,
      pipelineParallel: 8,
      sequenceParallel: true,
      microBatch: 4,
      globalBatch: 256,
      sequenceLength: 8192,
      recompute: 'full',
    },
    measuredBytes: 82.5 * GiB,
    miss: 'unexplained half: the estimate keeps the stage gathered (FSDP does not reshard under PP) but not what else torchtitan holds across 8 micro-batches (gradients before their reduce-scatter, async-TP and Float8 buffers are candidates)',
  },
  {
    source: `${TUNE_FLAGS}, row "+ Packed Dataset"`,
    setup: `${TUNE_FLAGS_SETUP}; full fine-tune, AdamW, no AC, no compile, plain cross entropy`,
    statistic: 'active',
    arch: LLAMA_3_2_3B,
    knobs: tune3b,
    measuredBytes: 60.0 * GiB,
    miss: "just outside (−15.2%): the loss's backward is counted (14 bytes per logit) but not the output layer's weight gradient and cast buffers live beside it",
  },
  {
    source: `${TUNE_FLAGS}, row "+ Compile"`,
    setup: `${TUNE_FLAGS_SETUP}; as above with torch.compile`,
    statistic: 'active',
    arch: LLAMA_3_2_3B,
    knobs: tune3b,
    measuredBytes: 51.0 * GiB,
  },
  {
    source: `${TUNE_FLAGS}, row "+ Chunked Cross Entropy"`,
    setup: `${TUNE_FLAGS_SETUP}; as above with CEWithChunkedOutputLoss (8 chunks)`,
    statistic: 'active',
    arch: LLAMA_3_2_3B,
    knobs: { ...tune3b, lossChunks: 8 },
    measuredBytes: 42.9 * GiB,
  },
  {
    source: `${TUNE_FLAGS}, row "+ Activation Checkpointing"`,
    setup: `${TUNE_FLAGS_SETUP}; as above with activation checkpointing (every layer)`,
    statistic: 'active',
    arch: LLAMA_3_2_3B,
    knobs: { ...tune3b, lossChunks: 8, recompute: 'full' },
    measuredBytes: 24.9 * GiB,
  },
  {
    source: `${TUNE_FLAGS}, row "+ Fuse optimizer step into backward"`,
    setup: `${TUNE_FLAGS_SETUP}; as above with optimizer_in_bwd (each gradient freed as its step runs)`,
    statistic: 'active',
    arch: LLAMA_3_2_3B,
    knobs: { ...tune3b, lossChunks: 8, recompute: 'full' },
    measuredBytes: 23.1 * GiB,
  },
  {
    source: `${TUNE_FLAGS}, row "+ Activation Offloading"`,
    setup: `${TUNE_FLAGS_SETUP}; as above with enable_activation_offloading`,
    statistic: 'active',
    arch: LLAMA_3_2_3B,
    knobs: { ...tune3b, lossChunks: 8, recompute: 'full', offloadActivations: true },
    measuredBytes: 21.8 * GiB,
  },
  {
    source: `${TUNE_FLAGS}, row "+ 8-bit AdamW"`,
    setup: `${TUNE_FLAGS_SETUP}; as above with bitsandbytes' AdamW8bit`,
    statistic: 'active',
    arch: LLAMA_3_2_3B,
    knobs: { ...tune3b, lossChunks: 8, recompute: 'full', offloadActivations: true, optimizer: 'adam-8bit' },
    measuredBytes: 17.6 * GiB,
  },
  {
    source: `${TUNE_FLAGS}, row "LoRA"`,
    setup: `${TUNE_FLAGS_SETUP}; LoRA rank 64 on q, v, output and the MLP (3B_lora_single_device.yaml @1814feb1), AdamW, compile, chunked CE, AC, activation offloading`,
    statistic: 'active',
    arch: LLAMA_3_2_3B,
    knobs: { ...tune3b, lossChunks: 8, recompute: 'full', offloadActivations: true, trainable: LORA_3B_RANK_64 },
    measuredBytes: 8.5 * GiB,
    miss: OFFLOAD,
  },
  {
    source: `${TUNE_FLAGS}, row "QLoRA"`,
    setup: `${TUNE_FLAGS_SETUP}; QLoRA (NF4 base) rank 64 on q, v, output and the MLP, AdamW, compile, chunked CE, AC, activation offloading`,
    statistic: 'active',
    arch: LLAMA_3_2_3B,
    knobs: { ...tune3b, lossChunks: 8, recompute: 'full', offloadActivations: true, trainable: LORA_3B_RANK_64, baseBits: 4 },
    measuredBytes: 4.6 * GiB,
    miss: OFFLOAD,
  },
  {
    source: `${TUNE_SPEED}, row "Llama 3.1 8B | LoRA | 1x 4090"`,
    setup: 'Llama 3.1 8B, batch 2, packed sequences of 2048, compile, LoRA rank 8 on q and v (8B_lora_single_device.yaml @30b8519e), AdamW, chunked CE, AC',
    statistic: 'active',
    arch: LLAMA_3_1_8B,
    knobs: { ...tune8b, trainable: LORA_8B_QV_RANK_8 },
    measuredBytes: 16.2 * GiB,
  },
  {
    source: `${TUNE_SPEED}, row "Llama 3.1 8B | QLoRA | 1x 4090"`,
    setup:
      'Llama 3.1 8B, batch 2, packed sequences of 2048, compile, QLoRA rank 8 on q, k, v, output and the MLP (8B_qlora_single_device.yaml @30b8519e), AdamW, chunked CE, AC',
    statistic: 'active',
    arch: LLAMA_3_1_8B,
    knobs: { ...tune8b, trainable: QLORA_8B_RANK_8, baseBits: 4 },
    measuredBytes: 7.4 * GiB,
  },
];

export { LLAMA_3_1_8B };

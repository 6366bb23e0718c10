import type { Architecture } from '../../../src/core/architecture/architecture';
import { decoder } from './shapes';
import { LLAMA_3_1_8B } from './measuredRows';

/**
 * Published training throughputs, each with its source and configuration, for the step-time
 * estimate at the chip's published MFU (no MFU given). `tokensPerSecondPerGpu` is the log's
 * figure; the step is tokens per step ÷ (GPUs × that). `miss` says why a row the estimate misses by
 * more than 25% stays in the table.
 */
export interface StepRow {
  readonly source: string;
  readonly setup: string;
  readonly arch: Architecture;
  readonly chip: string;
  readonly sequence: number;
  readonly tokensPerSecondPerGpu: number;
  readonly miss?: string;
}

const LLAMA_3_70B = decoder({ hidden: 8192, layers: 80, heads: 64, kvHeads: 8, headDim: 128, ffn: 28672, vocab: 128256, gated: true, tied: false });
/** MPT as mosaicml/llm-foundry's yamls define it: heads of 128, MLP 4·d, 50,368-token vocabulary, tied embeddings. */
const mpt = (hidden: number, layers: number) => decoder({ hidden, layers, heads: hidden / 128, ffn: 4 * hidden, vocab: 50368, gated: false, tied: true });

const TT_A100 = 'pytorch/torchtitan@04133643 docs/performance.md, "Llama 3 performance numbers" (FSDP2 on 64 A100 80GB, local batch 1, sequence 8192)';
const TT_H100 = 'pytorch/torchtitan@820504e2 benchmarks/llama3_h100_202412_torchtitan.md';
const TT_H100_SETUP = 'H100 96GB HBM2e SXM at 500 W (Grand Teton), local batch 2, sequence 8192, selective AC';
const FOUNDRY = 'mosaicml/llm-foundry@c90b9b31 scripts/train/benchmarking/README.md';

export const STEP_ROWS: readonly StepRow[] = [
  {
    source: `${TT_A100}, 8B selective op AC`,
    setup: '64 A100, bf16: 2,973 tokens/s/GPU',
    arch: LLAMA_3_1_8B,
    chip: 'A100',
    sequence: 8192,
    tokensPerSecondPerGpu: 2973,
  },
  { source: `${TT_A100}, 70B full AC`, setup: '64 A100, bf16: 331 tokens/s/GPU', arch: LLAMA_3_70B, chip: 'A100', sequence: 8192, tokensPerSecondPerGpu: 331 },
  {
    source: `${TT_H100} table 1, "FSDP"`,
    setup: `8 GPUs, ${TT_H100_SETUP}: 5,762 tokens/s/GPU`,
    arch: LLAMA_3_1_8B,
    chip: 'H100',
    sequence: 8192,
    tokensPerSecondPerGpu: 5762,
  },
  {
    source: `${TT_H100} table 1, "FSDP + torch.compile"`,
    setup: `8 GPUs, ${TT_H100_SETUP}: 6,667 tokens/s/GPU`,
    arch: LLAMA_3_1_8B,
    chip: 'H100',
    sequence: 8192,
    tokensPerSecondPerGpu: 6667,
  },
  {
    source: `${TT_H100} table 3, "FSDP"`,
    setup: `128 GPUs, ${TT_H100_SETUP}: 5,605 tokens/s/GPU`,
    arch: LLAMA_3_1_8B,
    chip: 'H100',
    sequence: 8192,
    tokensPerSecondPerGpu: 5605,
  },
  // llm-foundry: per model size, the sequence-2048 row with the most GPUs of each table.
  {
    source: `${FOUNDRY}, "H100 80GB BF16", 70b`,
    setup: '64 GPUs, sequence 2048, FULL_SHARD, activation checkpointing: 1,039 tokens/s/GPU',
    arch: mpt(8192, 80),
    chip: 'H100',
    sequence: 2048,
    tokensPerSecondPerGpu: 1039,
  },
  {
    source: `${FOUNDRY}, "H100 80GB BF16", 30b`,
    setup: '32 GPUs, sequence 2048, FULL_SHARD, activation checkpointing: 2,308 tokens/s/GPU',
    arch: mpt(7168, 48),
    chip: 'H100',
    sequence: 2048,
    tokensPerSecondPerGpu: 2308,
  },
  {
    source: `${FOUNDRY}, "H100 80GB BF16", 13b`,
    setup: '64 GPUs, sequence 2048, FULL_SHARD, no checkpointing: 4,800 tokens/s/GPU',
    arch: mpt(5120, 40),
    chip: 'H100',
    sequence: 2048,
    tokensPerSecondPerGpu: 4800,
  },
  {
    source: `${FOUNDRY}, "H100 80GB BF16", 7b`,
    setup: '8 GPUs, sequence 2048, FULL_SHARD, no checkpointing: 10,643 tokens/s/GPU',
    arch: mpt(4096, 32),
    chip: 'H100',
    sequence: 2048,
    tokensPerSecondPerGpu: 10643,
  },
  {
    source: `${FOUNDRY}, "A100 80GB", 70b`,
    setup: '64 GPUs, sequence 2048, pure bf16, FULL_SHARD, activation checkpointing: 410 tokens/s/GPU',
    arch: mpt(8192, 80),
    chip: 'A100',
    sequence: 2048,
    tokensPerSecondPerGpu: 410,
  },
  {
    source: `${FOUNDRY}, "A100 80GB", 30b`,
    setup: '8 GPUs, sequence 2048, FULL_SHARD, activation checkpointing: 916 tokens/s/GPU',
    arch: mpt(7168, 48),
    chip: 'A100',
    sequence: 2048,
    tokensPerSecondPerGpu: 916,
  },
  {
    source: `${FOUNDRY}, "A100 80GB", 13b`,
    setup: '8 GPUs, sequence 2048, FULL_SHARD, no checkpointing: 2,262 tokens/s/GPU',
    arch: mpt(5120, 40),
    chip: 'A100',
    sequence: 2048,
    tokensPerSecondPerGpu: 2262,
  },
  {
    source: `${FOUNDRY}, "A100 80GB", 7b`,
    setup: '8 GPUs, sequence 2048, FULL_SHARD, no checkpointing, micro-batch 6: 4,641 tokens/s/GPU',
    arch: mpt(4096, 32),
    chip: 'A100',
    sequence: 2048,
    tokensPerSecondPerGpu: 4641,
    miss: 'the run reached 64% MFU (its table says 64.23), well above the A100 row (50%): a small model on one node without recompute',
  },
];

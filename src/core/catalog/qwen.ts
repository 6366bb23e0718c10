import type { CatalogModel } from './catalogModel';
import { decoder, LITGPT, type HfConfig } from './shapes';

/**
 * Qwen2, Qwen2.5 and Qwen3 (dense and MoE). Shapes: LitGPT's config.py, the same numbers as
 * each model's Hugging Face config.json (`vocab_size` is the padded 151,936 or 152,064 of
 * config.json); `tie_word_embeddings` from config.json: true for Qwen2.5 0.5B–3B and Qwen3
 * 0.6B–4B. Qwen3 sets `head_dim: 128` whatever the width.
 */
const qwen2 = (h: number, layers: number, heads: number, kv: number, ffn: number, vocab: number, tied: boolean) =>
  decoder('qwen2', h, layers, heads, kv, ffn, vocab, tied);
const qwen3 = (h: number, layers: number, heads: number, kv: number, ffn: number, tied: boolean) =>
  decoder('qwen3', h, layers, heads, kv, ffn, 151936, tied, { head_dim: 128 });
const qwen3Moe = (h: number, layers: number, heads: number, kv: number, expertFfn: number): HfConfig =>
  decoder('qwen3_moe', h, layers, heads, kv, 0, 151936, false, {
    head_dim: 128,
    num_experts: 128,
    num_experts_per_tok: 8,
    moe_intermediate_size: expertFfn,
    decoder_sparse_step: 1,
    mlp_only_layers: [],
  });

const QWEN25 = { trainingTokens: 18e12, tokensSource: 'Qwen2.5 technical report (18T tokens)' };
const QWEN3 = { trainingTokens: 36e12, tokensSource: 'Qwen3 technical report (36T tokens)' };
const names = (id: string, litgpt = true) => {
  const bare = id.split('/')[1];
  return [`${id}-Instruct`, `${bare}-Instruct`, ...(litgpt ? [bare] : [])];
};

export const QWEN_MODELS: readonly CatalogModel[] = [
  {
    id: 'Qwen/Qwen2-7B',
    aliases: ['Qwen2-7B', 'qwen2-7b', 'Qwen/Qwen2-7B-Instruct'],
    config: { ...qwen2(3584, 28, 28, 4, 18944, 152064, false) },
    trainingTokens: 7e12,
    tokensSource: 'Qwen2 technical report (7T tokens)',
    configSource: 'Qwen/Qwen2-7B config.json',
  },
  { id: 'Qwen/Qwen2.5-0.5B', aliases: names('Qwen/Qwen2.5-0.5B'), config: qwen2(896, 24, 14, 2, 4864, 151936, true), ...QWEN25, configSource: LITGPT },
  { id: 'Qwen/Qwen2.5-1.5B', aliases: names('Qwen/Qwen2.5-1.5B'), config: qwen2(1536, 28, 12, 2, 8960, 151936, true), ...QWEN25, configSource: LITGPT },
  { id: 'Qwen/Qwen2.5-3B', aliases: names('Qwen/Qwen2.5-3B'), config: qwen2(2048, 36, 16, 2, 11008, 151936, true), ...QWEN25, configSource: LITGPT },
  { id: 'Qwen/Qwen2.5-7B', aliases: names('Qwen/Qwen2.5-7B'), config: qwen2(3584, 28, 28, 4, 18944, 152064, false), ...QWEN25, configSource: LITGPT },
  { id: 'Qwen/Qwen2.5-14B', aliases: names('Qwen/Qwen2.5-14B'), config: qwen2(5120, 48, 40, 8, 13824, 152064, false), ...QWEN25, configSource: LITGPT },
  { id: 'Qwen/Qwen2.5-32B', aliases: names('Qwen/Qwen2.5-32B'), config: qwen2(5120, 64, 40, 8, 27648, 152064, false), ...QWEN25, configSource: LITGPT },
  { id: 'Qwen/Qwen2.5-72B', aliases: names('Qwen/Qwen2.5-72B'), config: qwen2(8192, 80, 64, 8, 29568, 152064, false), ...QWEN25, configSource: LITGPT },
  {
    id: 'Qwen/Qwen3-0.6B',
    aliases: ['Qwen3-0.6B', 'Qwen/Qwen3-0.6B-Base', 'Qwen3-0.6B-Base'],
    config: qwen3(1024, 28, 16, 8, 3072, true),
    ...QWEN3,
    configSource: LITGPT,
  },
  {
    id: 'Qwen/Qwen3-1.7B',
    aliases: ['Qwen3-1.7B', 'Qwen/Qwen3-1.7B-Base', 'Qwen3-1.7B-Base'],
    config: qwen3(2048, 28, 16, 8, 6144, true),
    ...QWEN3,
    configSource: LITGPT,
  },
  {
    id: 'Qwen/Qwen3-4B',
    aliases: ['Qwen3-4B', 'Qwen/Qwen3-4B-Base', 'Qwen3-4B-Base'],
    config: qwen3(2560, 36, 32, 8, 9728, true),
    ...QWEN3,
    configSource: LITGPT,
  },
  {
    id: 'Qwen/Qwen3-8B',
    aliases: ['Qwen3-8B', 'Qwen/Qwen3-8B-Base', 'Qwen3-8B-Base'],
    config: qwen3(4096, 36, 32, 8, 12288, false),
    ...QWEN3,
    configSource: LITGPT,
  },
  {
    id: 'Qwen/Qwen3-14B',
    aliases: ['Qwen3-14B', 'Qwen/Qwen3-14B-Base', 'Qwen3-14B-Base'],
    config: qwen3(5120, 40, 40, 8, 17408, false),
    ...QWEN3,
    configSource: LITGPT,
  },
  { id: 'Qwen/Qwen3-32B', aliases: ['Qwen3-32B'], config: qwen3(5120, 64, 64, 8, 25600, false), ...QWEN3, configSource: LITGPT },
  {
    id: 'Qwen/Qwen3-30B-A3B',
    aliases: ['Qwen3-30B-A3B', 'Qwen/Qwen3-30B-A3B-Base', 'Qwen3-30B-A3B-Base'],
    config: qwen3Moe(2048, 48, 32, 4, 768),
    ...QWEN3,
    configSource: LITGPT,
  },
  { id: 'Qwen/Qwen3-235B-A22B', aliases: ['Qwen3-235B-A22B'], config: qwen3Moe(4096, 94, 64, 4, 1536), ...QWEN3, configSource: LITGPT },
  // The 2507 re-releases: their own repositories and config.json files, with their bases' shapes.
  { id: 'Qwen/Qwen3-4B-Instruct-2507', aliases: ['Qwen3-4B-Instruct-2507'], config: qwen3(2560, 36, 32, 8, 9728, true), ...QWEN3, configSource: LITGPT },
  { id: 'Qwen/Qwen3-4B-Thinking-2507', aliases: ['Qwen3-4B-Thinking-2507'], config: qwen3(2560, 36, 32, 8, 9728, true), ...QWEN3, configSource: LITGPT },
  { id: 'Qwen/Qwen3-30B-A3B-Instruct-2507', aliases: ['Qwen3-30B-A3B-Instruct-2507'], config: qwen3Moe(2048, 48, 32, 4, 768), ...QWEN3, configSource: LITGPT },
  { id: 'Qwen/Qwen3-30B-A3B-Thinking-2507', aliases: ['Qwen3-30B-A3B-Thinking-2507'], config: qwen3Moe(2048, 48, 32, 4, 768), ...QWEN3, configSource: LITGPT },
  {
    id: 'Qwen/Qwen3-235B-A22B-Instruct-2507',
    aliases: ['Qwen3-235B-A22B-Instruct-2507'],
    config: qwen3Moe(4096, 94, 64, 4, 1536),
    ...QWEN3,
    configSource: LITGPT,
  },
  {
    id: 'Qwen/Qwen3-235B-A22B-Thinking-2507',
    aliases: ['Qwen3-235B-A22B-Thinking-2507'],
    config: qwen3Moe(4096, 94, 64, 4, 1536),
    ...QWEN3,
    configSource: LITGPT,
  },
];

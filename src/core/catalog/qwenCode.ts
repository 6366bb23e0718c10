import type { CatalogModel } from './catalogModel';
import { decoder, LITGPT } from './shapes';

/**
 * Qwen2.5-Coder, Qwen2.5-Math, Qwen2.5-1M, QwQ and Qwen3-Coder. The 2.5 shapes are LitGPT's
 * config.py, the same as each config.json (q/k/v biases; embeddings tied up to 3B, as Qwen2.5);
 * Qwen3-Coder-480B-A35B is MaxText's `qwen3-480b-a35b.yml` (AI-Hypercomputer/maxtext@e591f30).
 */
const qwen2 = (h: number, layers: number, heads: number, kv: number, ffn: number, vocab: number, tied: boolean) =>
  decoder('qwen2', h, layers, heads, kv, ffn, vocab, tied);
const instruct = (id: string) => [`${id}-Instruct`, id.split('/')[1], `${id.split('/')[1]}-Instruct`];
const CODER = { trainingTokens: 18e12 + 5.5e12, tokensSource: 'Qwen2.5-Coder technical report: Qwen2.5 (18T tokens) + 5.5T tokens of code and text' };

export const QWEN_CODE_MODELS: readonly CatalogModel[] = [
  {
    id: 'Qwen/Qwen2.5-Coder-0.5B',
    aliases: instruct('Qwen/Qwen2.5-Coder-0.5B'),
    config: qwen2(896, 24, 14, 2, 4864, 151936, true),
    ...CODER,
    configSource: LITGPT,
  },
  {
    id: 'Qwen/Qwen2.5-Coder-1.5B',
    aliases: instruct('Qwen/Qwen2.5-Coder-1.5B'),
    config: qwen2(1536, 28, 12, 2, 8960, 151936, true),
    ...CODER,
    configSource: LITGPT,
  },
  {
    id: 'Qwen/Qwen2.5-Coder-3B',
    aliases: instruct('Qwen/Qwen2.5-Coder-3B'),
    config: qwen2(2048, 36, 16, 2, 11008, 151936, true),
    ...CODER,
    configSource: LITGPT,
  },
  {
    id: 'Qwen/Qwen2.5-Coder-7B',
    aliases: instruct('Qwen/Qwen2.5-Coder-7B'),
    config: qwen2(3584, 28, 28, 4, 18944, 152064, false),
    ...CODER,
    configSource: LITGPT,
  },
  {
    id: 'Qwen/Qwen2.5-Coder-14B',
    aliases: instruct('Qwen/Qwen2.5-Coder-14B'),
    config: qwen2(5120, 48, 40, 8, 13824, 152064, false),
    ...CODER,
    configSource: LITGPT,
  },
  {
    id: 'Qwen/Qwen2.5-Coder-32B',
    aliases: instruct('Qwen/Qwen2.5-Coder-32B'),
    config: qwen2(5120, 64, 40, 8, 27648, 152064, false),
    ...CODER,
    configSource: LITGPT,
  },
  { id: 'Qwen/Qwen2.5-Math-1.5B', aliases: instruct('Qwen/Qwen2.5-Math-1.5B'), config: qwen2(1536, 28, 12, 2, 8960, 151936, true), configSource: LITGPT },
  { id: 'Qwen/Qwen2.5-Math-7B', aliases: instruct('Qwen/Qwen2.5-Math-7B'), config: qwen2(3584, 28, 28, 4, 18944, 152064, false), configSource: LITGPT },
  { id: 'Qwen/Qwen2.5-Math-72B', aliases: instruct('Qwen/Qwen2.5-Math-72B'), config: qwen2(8192, 80, 64, 8, 29568, 152064, false), configSource: LITGPT },
  { id: 'Qwen/Qwen2.5-7B-Instruct-1M', aliases: ['Qwen2.5-7B-Instruct-1M'], config: qwen2(3584, 28, 28, 4, 18944, 152064, false), configSource: LITGPT },
  { id: 'Qwen/Qwen2.5-14B-Instruct-1M', aliases: ['Qwen2.5-14B-Instruct-1M'], config: qwen2(5120, 48, 40, 8, 13824, 152064, false), configSource: LITGPT },
  { id: 'Qwen/QwQ-32B', aliases: ['QwQ-32B'], config: qwen2(5120, 64, 40, 8, 27648, 152064, false), configSource: LITGPT },
  { id: 'Qwen/QwQ-32B-Preview', aliases: ['QwQ-32B-Preview'], config: qwen2(5120, 64, 40, 8, 27648, 152064, false), configSource: LITGPT },
  {
    id: 'Qwen/Qwen3-Coder-480B-A35B-Instruct',
    aliases: ['Qwen3-Coder-480B-A35B-Instruct', 'Qwen3-Coder-480B-A35B', 'qwen3-480b-a35b'],
    config: decoder('qwen3_moe', 6144, 62, 96, 8, 0, 151936, false, {
      head_dim: 128,
      num_experts: 160,
      num_experts_per_tok: 8,
      moe_intermediate_size: 2560,
      decoder_sparse_step: 1,
      mlp_only_layers: [],
    }),
    configSource: 'AI-Hypercomputer/maxtext@e591f30cbbf217ed67ef71263ec0538239f9c3b8:src/maxtext/configs/models/qwen3-480b-a35b.yml',
  },
];

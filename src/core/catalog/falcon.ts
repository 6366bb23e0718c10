import type { CatalogModel } from './catalogModel';
import { decoder, LITGPT } from './shapes';

/**
 * TII's Falcon. Falcon-40B and 180B use the "new decoder architecture" (grouped key/value heads,
 * separate LayerNorms for attention and MLP, no biases, plain 4× MLP); Falcon3 is Llama-shaped
 * with a 256 head size. Shapes: LitGPT's config.py, the same numbers as each config.json.
 */
const falconNew = (h: number, layers: number, heads: number) => ({
  model_type: 'falcon',
  hidden_size: h,
  num_hidden_layers: layers,
  num_attention_heads: heads,
  num_kv_heads: 8,
  new_decoder_architecture: true,
  parallel_attn: true,
  bias: false,
  vocab_size: 65024,
});
const falcon3 = (layers: number, ffn: number, h = 3072, heads = 12) => decoder('llama', h, layers, heads, 4, ffn, 131072, false, { head_dim: 256 });

export const FALCON_MODELS: readonly CatalogModel[] = [
  {
    id: 'tiiuae/falcon-40b',
    aliases: ['falcon-40b', 'falcon-40b-instruct', 'tiiuae/falcon-40b-instruct'],
    config: falconNew(8192, 60, 128),
    trainingTokens: 1e12,
    tokensSource: 'tiiuae/falcon-40b model card (1,000B tokens of RefinedWeb)',
    configSource: LITGPT,
  },
  {
    id: 'tiiuae/falcon-180B',
    aliases: ['falcon-180B', 'falcon-180B-chat', 'tiiuae/falcon-180B-chat'],
    config: falconNew(14848, 80, 232),
    trainingTokens: 3.5e12,
    tokensSource: 'tiiuae/falcon-180B model card (3.5T tokens of RefinedWeb)',
    configSource: LITGPT,
  },
  {
    id: 'tiiuae/Falcon3-3B-Base',
    aliases: ['Falcon3-3B-Base', 'Falcon3-3B-Instruct', 'tiiuae/Falcon3-3B-Instruct', 'Falcon3-3B'],
    config: falcon3(22, 9216),
    configSource: LITGPT,
  },
  {
    id: 'tiiuae/Falcon3-7B-Base',
    aliases: ['Falcon3-7B-Base', 'Falcon3-7B-Instruct', 'tiiuae/Falcon3-7B-Instruct', 'Falcon3-7B'],
    config: falcon3(28, 23040),
    trainingTokens: 14e12,
    tokensSource: 'tiiuae/Falcon3-7B-Base model card (14T tokens)',
    configSource: LITGPT,
  },
  {
    id: 'tiiuae/Falcon3-10B-Base',
    aliases: ['Falcon3-10B-Base', 'Falcon3-10B-Instruct', 'tiiuae/Falcon3-10B-Instruct', 'Falcon3-10B'],
    config: falcon3(40, 23040),
    configSource: LITGPT,
  },
];

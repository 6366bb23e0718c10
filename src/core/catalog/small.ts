import type { CatalogModel } from './catalogModel';
import { decoder, LITGPT } from './shapes';

/**
 * Small open models people fine-tune on one GPU, and AI2's OLMo. SmolLM and SmolLM2 share their
 * shapes (tied embeddings, 49,152-token vocabulary): LitGPT's config.py for SmolLM2, and
 * `HuggingFaceTB/SmolLM-{135M,360M,1.7B}` config.json for SmolLM. OLMo 2: LitGPT's config.py
 * (q/k norms over all heads, norms after attention and MLP).
 */
const smol = (h: number, layers: number, heads: number, kv: number, ffn: number) => decoder('llama', h, layers, heads, kv, ffn, 49152, true);
const olmo2 = (h: number, layers: number, ffn: number) => decoder('olmo2', h, layers, h / 128, h / 128, ffn, 100352, false);
const tokens = (count: number, source: string) => ({ trainingTokens: count, tokensSource: source });

export const SMALL_MODELS: readonly CatalogModel[] = [
  {
    id: 'HuggingFaceTB/SmolLM-135M',
    aliases: ['SmolLM-135M', 'HuggingFaceTB/SmolLM-135M-Instruct'],
    config: smol(576, 30, 9, 3, 1536),
    ...tokens(600e9, 'SmolLM blog post, Hugging Face 2024 (600B tokens)'),
    configSource: 'HuggingFaceTB/SmolLM-135M config.json',
  },
  {
    id: 'HuggingFaceTB/SmolLM-360M',
    aliases: ['SmolLM-360M', 'HuggingFaceTB/SmolLM-360M-Instruct'],
    config: smol(960, 32, 15, 5, 2560),
    ...tokens(600e9, 'SmolLM blog post, Hugging Face 2024 (600B tokens)'),
    configSource: 'HuggingFaceTB/SmolLM-360M config.json',
  },
  {
    id: 'HuggingFaceTB/SmolLM-1.7B',
    aliases: ['SmolLM-1.7B', 'HuggingFaceTB/SmolLM-1.7B-Instruct'],
    config: smol(2048, 24, 32, 32, 8192),
    ...tokens(1e12, 'SmolLM blog post, Hugging Face 2024 (1T tokens)'),
    configSource: 'HuggingFaceTB/SmolLM-1.7B config.json',
  },
  {
    id: 'HuggingFaceTB/SmolLM2-135M',
    aliases: ['SmolLM2-135M', 'SmolLM2-135M-Instruct', 'HuggingFaceTB/SmolLM2-135M-Instruct'],
    config: smol(576, 30, 9, 3, 1536),
    ...tokens(2e12, 'SmolLM2-135M model card (2T tokens)'),
    configSource: LITGPT,
  },
  {
    id: 'HuggingFaceTB/SmolLM2-360M',
    aliases: ['SmolLM2-360M', 'SmolLM2-360M-Instruct', 'HuggingFaceTB/SmolLM2-360M-Instruct'],
    config: smol(960, 32, 15, 5, 2560),
    ...tokens(4e12, 'SmolLM2-360M model card (4T tokens)'),
    configSource: LITGPT,
  },
  {
    id: 'HuggingFaceTB/SmolLM2-1.7B',
    aliases: ['SmolLM2-1.7B', 'SmolLM2-1.7B-Instruct', 'HuggingFaceTB/SmolLM2-1.7B-Instruct'],
    config: smol(2048, 24, 32, 32, 8192),
    ...tokens(11e12, 'Allal et al. 2025, SmolLM2 (11T tokens)'),
    configSource: LITGPT,
  },
  {
    id: 'allenai/OLMo-7B',
    aliases: ['OLMo-7B', 'olmo-7b', 'allenai/OLMo-7B-hf', 'OLMo-7B-hf', 'OLMo-7B-Instruct-hf'],
    config: {
      model_type: 'olmo',
      hidden_size: 4096,
      num_hidden_layers: 32,
      num_attention_heads: 32,
      intermediate_size: 11008,
      vocab_size: 50304,
      tie_word_embeddings: false,
    },
    ...tokens(2.46e12, 'Groeneveld et al. 2024, OLMo (2.46T tokens)'),
    configSource: LITGPT,
  },
  {
    id: 'allenai/OLMo-1B-hf',
    aliases: ['OLMo-1B-hf', 'allenai/OLMo-1B', 'OLMo-1B', 'olmo-1b'],
    config: { ...decoder('olmo', 2048, 16, 16, 16, 8192, 50304, true) },
    ...tokens(3e12, 'allenai/OLMo-1B model card (3T tokens)'),
    configSource: LITGPT,
  },
  {
    id: 'allenai/OLMoE-1B-7B-0924',
    aliases: [
      'OLMoE-1B-7B-0924',
      'OLMoE-1B-7B-0924-Instruct',
      'allenai/OLMoE-1B-7B-0924-Instruct',
      'allenai/OLMoE-1B-7B-0125',
      'OLMoE-1B-7B-0125',
      'OLMoE-1B-7B',
    ],
    config: decoder('olmoe', 2048, 16, 16, 16, 1024, 50304, false, { num_experts: 64, num_experts_per_tok: 8 }),
    ...tokens(5e12, 'Muennighoff et al. 2024, OLMoE (5T tokens)'),
    configSource:
      'allenai/OLMoE-1B-7B-0924 config.json (intermediate_size 1,024 per expert); model_type defaults: huggingface/transformers@008e574391258935f3ecc3035c882e73bbcac419:src/transformers/models/olmoe/configuration_olmoe.py',
  },
  {
    // SmolLM3Config's defaults are those of HuggingFaceTB/SmolLM3-3B's config.json (`@auto_docstring(checkpoint=...)`).
    id: 'HuggingFaceTB/SmolLM3-3B',
    aliases: ['SmolLM3-3B', 'HuggingFaceTB/SmolLM3-3B-Base', 'SmolLM3-3B-Base'],
    config: decoder('smollm3', 2048, 36, 16, 4, 11008, 128256, true),
    ...tokens(11.2e12, 'HuggingFaceTB/SmolLM3-3B model card (11.2T tokens)'),
    configSource:
      'huggingface/transformers@008e574391258935f3ecc3035c882e73bbcac419:src/transformers/models/smollm3/configuration_smollm3.py (SmolLM3Config defaults)',
  },
  {
    id: 'allenai/Olmo-3-1025-7B',
    aliases: ['Olmo-3-1025-7B', 'Olmo-3-7B', 'olmo3-7b'],
    config: decoder('olmo3', 4096, 32, 32, 32, 11008, 100278, false, { head_dim: 128 }),
    configSource: 'AI-Hypercomputer/maxtext@e591f30cbbf217ed67ef71263ec0538239f9c3b8:src/maxtext/configs/models/olmo3-7b.yml',
  },
  {
    id: 'allenai/Olmo-3-1125-32B',
    aliases: ['Olmo-3-1125-32B', 'Olmo-3-32B', 'olmo3-32b'],
    config: decoder('olmo3', 5120, 64, 40, 8, 27648, 100278, false, { head_dim: 128 }),
    configSource: 'AI-Hypercomputer/maxtext@e591f30cbbf217ed67ef71263ec0538239f9c3b8:src/maxtext/configs/models/olmo3-32b.yml',
  },
  {
    id: 'allenai/OLMo-2-1124-7B',
    aliases: ['OLMo-2-1124-7B', 'OLMo-2-1124-7B-Instruct', 'allenai/OLMo-2-1124-7B-Instruct', 'OLMo-2-1124-7B-SFT', 'OLMo-2-1124-7B-DPO'],
    config: olmo2(4096, 32, 11008),
    ...tokens(4e12, 'OLMo 2 model card (4T tokens)'),
    configSource: LITGPT,
  },
  {
    id: 'allenai/OLMo-2-1124-13B',
    aliases: ['OLMo-2-1124-13B', 'OLMo-2-1124-13B-Instruct', 'allenai/OLMo-2-1124-13B-Instruct', 'OLMo-2-1124-13B-SFT', 'OLMo-2-1124-13B-DPO'],
    config: olmo2(5120, 40, 13824),
    ...tokens(5e12, 'OLMo 2 model card (5T tokens)'),
    configSource: LITGPT,
  },
];

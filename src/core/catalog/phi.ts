import type { CatalogModel } from './catalogModel';
import { decoder, LITGPT } from './shapes';

/**
 * Microsoft Phi-3, Phi-3.5 and Phi-4 (`model_type: phi3`: fused qkv and gate/up projections,
 * the same count as separate ones; embeddings untied). Shapes: LitGPT's config.py (`n_head`
 * and `n_query_groups` default to 32 when unset); Phi-3-medium is not in LitGPT: its shape is
 * `microsoft/Phi-3-medium-4k-instruct` config.json.
 */
const phi3 = (h: number, layers: number, heads: number, kv: number, ffn: number, vocab: number) => decoder('phi3', h, layers, heads, kv, ffn, vocab, false);

/** Phi-1.5 and Phi-2 (`model_type: phi`): parallel attention and MLP, partial rotary, biases everywhere, vocabulary padded to 51,200. */
const phi = (h: number, layers: number) => ({
  model_type: 'phi',
  hidden_size: h,
  num_hidden_layers: layers,
  num_attention_heads: 32,
  intermediate_size: 4 * h,
  vocab_size: 51200,
  tie_word_embeddings: false,
});

export const PHI_MODELS: readonly CatalogModel[] = [
  {
    id: 'microsoft/phi-1_5',
    aliases: ['phi-1_5', 'phi-1.5'],
    config: phi(2048, 24),
    trainingTokens: 150e9,
    tokensSource: 'Li et al. 2023, Textbooks Are All You Need II: phi-1.5 (150B tokens)',
    configSource: LITGPT,
  },
  {
    id: 'microsoft/phi-2',
    aliases: ['phi-2'],
    config: phi(2560, 32),
    trainingTokens: 1.4e12,
    tokensSource: 'microsoft/phi-2 model card (1.4T tokens)',
    configSource: LITGPT,
  },
  {
    id: 'microsoft/Phi-4-mini-instruct',
    aliases: ['Phi-4-mini-instruct', 'phi-4-mini'],
    config: decoder('phi3', 3072, 32, 24, 8, 8192, 200064, true),
    trainingTokens: 5e12,
    tokensSource: 'microsoft/Phi-4-mini-instruct model card (5T tokens)',
    configSource: LITGPT,
  },
  {
    id: 'microsoft/Phi-4-mini-reasoning',
    aliases: ['Phi-4-mini-reasoning'],
    config: decoder('phi3', 3072, 32, 24, 8, 8192, 200064, true),
    configSource: LITGPT,
  },
  { id: 'microsoft/Phi-4-reasoning', aliases: ['Phi-4-reasoning'], config: phi3(5120, 40, 40, 10, 17920, 100352), configSource: LITGPT },
  { id: 'microsoft/Phi-4-reasoning-plus', aliases: ['Phi-4-reasoning-plus'], config: phi3(5120, 40, 40, 10, 17920, 100352), configSource: LITGPT },
  // The 4k models attend within a window: the Hub's config.json says `sliding_window: 2047` (what
  // transformers' Phi3 attention uses); LitGPT writes 2,048 (`sliding_window_size`, its count
  // includes the token itself, Lightning-AI/litgpt@26857050 litgpt/config.py:1830). The 128k
  // models' windows (262,144 and 131,072) are no shorter than their context, so they have none.
  {
    id: 'microsoft/Phi-3-mini-4k-instruct',
    aliases: ['Phi-3-mini-4k-instruct', 'phi-3-mini'],
    config: { ...phi3(3072, 32, 32, 32, 8192, 32064), sliding_window: 2047 },
    trainingTokens: 3.3e12,
    tokensSource: 'Abdin et al. 2024, Phi-3 technical report (3.3T tokens)',
    configSource: `${LITGPT}; sliding_window from microsoft/Phi-3-mini-4k-instruct config.json`,
  },
  {
    id: 'microsoft/Phi-3-mini-128k-instruct',
    aliases: ['Phi-3-mini-128k-instruct'],
    config: phi3(3072, 32, 32, 32, 8192, 32064),
    trainingTokens: 3.3e12,
    tokensSource: 'Abdin et al. 2024, Phi-3 technical report (3.3T tokens)',
    configSource: LITGPT,
  },
  {
    id: 'microsoft/Phi-3-medium-4k-instruct',
    aliases: ['Phi-3-medium-4k-instruct', 'phi-3-medium'],
    config: { ...phi3(5120, 40, 40, 10, 17920, 32064), sliding_window: 2047 },
    trainingTokens: 4.8e12,
    tokensSource: 'Abdin et al. 2024, Phi-3 technical report (4.8T tokens)',
    configSource: 'microsoft/Phi-3-medium-4k-instruct config.json',
  },
  {
    id: 'microsoft/Phi-3-medium-128k-instruct',
    aliases: ['Phi-3-medium-128k-instruct'],
    config: phi3(5120, 40, 40, 10, 17920, 32064),
    trainingTokens: 4.8e12,
    tokensSource: 'Abdin et al. 2024, Phi-3 technical report (4.8T tokens)',
    configSource: 'microsoft/Phi-3-medium-128k-instruct config.json',
  },
  {
    id: 'microsoft/Phi-3.5-mini-instruct',
    aliases: ['Phi-3.5-mini-instruct', 'phi-3.5-mini'],
    config: phi3(3072, 32, 32, 32, 8192, 32064),
    trainingTokens: 3.4e12,
    tokensSource: 'Phi-3.5-mini-instruct model card (3.4T tokens)',
    configSource: LITGPT,
  },
  {
    id: 'microsoft/phi-4',
    aliases: ['phi-4', 'Phi-4', 'unsloth/phi-4'],
    config: phi3(5120, 40, 40, 10, 17920, 100352),
    trainingTokens: 9.8e12,
    tokensSource: 'Abdin et al. 2024, Phi-4 technical report (9.8T tokens)',
    configSource: LITGPT,
  },
];

import type { CatalogModel } from './catalogModel';
import { decoder, LITGPT } from './shapes';

/**
 * Microsoft Phi-3, Phi-3.5 and Phi-4 (`model_type: phi3`: fused qkv and gate/up projections,
 * the same count as separate ones; embeddings untied). Shapes: LitGPT's config.py (`n_head`
 * and `n_query_groups` default to 32 when unset); Phi-3-medium is not in LitGPT: its shape is
 * `microsoft/Phi-3-medium-4k-instruct` config.json.
 */
const phi3 = (h: number, layers: number, heads: number, kv: number, ffn: number, vocab: number) => decoder('phi3', h, layers, heads, kv, ffn, vocab, false);

export const PHI_MODELS: readonly CatalogModel[] = [
  {
    id: 'microsoft/Phi-3-mini-4k-instruct',
    aliases: ['Phi-3-mini-4k-instruct', 'Phi-3-mini-128k-instruct', 'microsoft/Phi-3-mini-128k-instruct', 'phi-3-mini'],
    config: phi3(3072, 32, 32, 32, 8192, 32064),
    trainingTokens: 3.3e12,
    tokensSource: 'Abdin et al. 2024, Phi-3 technical report (3.3T tokens)',
    configSource: LITGPT,
  },
  {
    id: 'microsoft/Phi-3-medium-4k-instruct',
    aliases: ['Phi-3-medium-4k-instruct', 'Phi-3-medium-128k-instruct', 'microsoft/Phi-3-medium-128k-instruct', 'phi-3-medium'],
    config: phi3(5120, 40, 40, 10, 17920, 32064),
    trainingTokens: 4.8e12,
    tokensSource: 'Abdin et al. 2024, Phi-3 technical report (4.8T tokens)',
    configSource: 'microsoft/Phi-3-medium-4k-instruct config.json',
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

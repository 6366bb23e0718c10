import type { CatalogModel } from './catalogModel';
import { decoder, LITGPT } from './shapes';

/**
 * Mistral AI's open models. 7B and Mixtral shapes: LitGPT's config.py. Nemo and Small 3 are
 * not in LitGPT: their shapes are those of `mistralai/Mistral-Nemo-Base-2407` and
 * `mistralai/Mistral-Small-24B-Base-2501` config.json on the Hub (both `head_dim: 128` with a
 * 5,120 width, so 32 heads × 128 ≠ 5,120). Mistral publishes no training-token counts.
 */
const mistral = (ffn: number, vocab: number) => decoder('mistral', 4096, 32, 32, 8, ffn, vocab, false);

export const MISTRAL_MODELS: readonly CatalogModel[] = [
  {
    id: 'mistralai/Mistral-7B-v0.1',
    aliases: ['Mistral-7B-v0.1', 'Mistral-7B-Instruct-v0.1', 'mistralai/Mistral-7B-Instruct-v0.1', 'mistral-7b', 'Mistral-7B'],
    // The Hub's config.json: every layer attends within 4,096 keys (v0.2 and later drop the window).
    config: { ...mistral(14336, 32000), sliding_window: 4096 },
    configSource: LITGPT,
  },
  {
    id: 'mistralai/Mistral-7B-v0.2',
    aliases: ['Mistral-7B-v0.2', 'Mistral-7B-Instruct-v0.2', 'mistralai/Mistral-7B-Instruct-v0.2', 'unsloth/Mistral-7B-v0.2'],
    config: mistral(14336, 32000),
    configSource: LITGPT,
  },
  {
    id: 'mistralai/mathstral-7B-v0.1',
    aliases: ['mathstral-7B-v0.1', 'Mathstral-7B-v0.1'],
    config: mistral(14336, 32768),
    configSource: LITGPT,
  },
  {
    id: 'mistralai/Mistral-Large-Instruct-2407',
    aliases: ['Mistral-Large-Instruct-2407', 'Mistral-Large-2407'],
    config: decoder('mistral', 12288, 88, 96, 8, 28672, 32768, false),
    configSource: LITGPT,
  },
  {
    id: 'mistralai/Mistral-Large-Instruct-2411',
    aliases: ['Mistral-Large-Instruct-2411', 'Mistral-Large-2411'],
    config: decoder('mistral', 12288, 88, 96, 8, 28672, 32768, false),
    configSource: LITGPT,
  },
  {
    id: 'mistralai/Mistral-7B-v0.3',
    aliases: ['Mistral-7B-v0.3', 'Mistral-7B-Instruct-v0.3', 'mistralai/Mistral-7B-Instruct-v0.3', 'unsloth/mistral-7b-v0.3'],
    config: mistral(14336, 32768),
    configSource: LITGPT,
  },
  {
    id: 'mistralai/Mistral-Nemo-Base-2407',
    aliases: ['Mistral-Nemo-Base-2407', 'mistralai/Mistral-Nemo-Instruct-2407', 'Mistral-Nemo-Instruct-2407', 'mistral-nemo'],
    config: decoder('mistral', 5120, 40, 32, 8, 14336, 131072, false, { head_dim: 128 }),
    configSource: 'mistralai/Mistral-Nemo-Base-2407 config.json',
  },
  {
    id: 'mistralai/Mistral-Small-24B-Base-2501',
    aliases: ['Mistral-Small-24B-Base-2501', 'mistralai/Mistral-Small-24B-Instruct-2501', 'Mistral-Small-24B-Instruct-2501', 'mistral-small-24b'],
    config: decoder('mistral', 5120, 40, 32, 8, 32768, 131072, false, { head_dim: 128 }),
    configSource: 'mistralai/Mistral-Small-24B-Base-2501 config.json',
  },
  {
    id: 'mistralai/Mixtral-8x7B-v0.1',
    aliases: ['Mixtral-8x7B-v0.1', 'Mixtral-8x7B-Instruct-v0.1', 'mistralai/Mixtral-8x7B-Instruct-v0.1', 'mixtral-8x7b', 'Mixtral-8x7B'],
    config: { ...mistral(14336, 32000), model_type: 'mixtral', num_local_experts: 8, num_experts_per_tok: 2 },
    configSource: LITGPT,
  },
  {
    id: 'mistralai/Mixtral-8x22B-v0.1',
    aliases: ['Mixtral-8x22B-v0.1', 'Mixtral-8x22B-Instruct-v0.1', 'mistralai/Mixtral-8x22B-Instruct-v0.1', 'mixtral-8x22b', 'Mixtral-8x22B'],
    config: decoder('mixtral', 6144, 56, 48, 8, 16384, 32768, false, { num_local_experts: 8, num_experts_per_tok: 2 }),
    configSource: LITGPT,
  },
];

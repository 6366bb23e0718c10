import type { CatalogModel } from './catalogModel';
import { decoder, LITGPT } from './shapes';

/**
 * Llama-architecture models trained or extended outside Meta that people fine-tune: OpenLLaMA,
 * Together's 32K-context Llama 2, MicroLlama, BSC's Salamandra and NVIDIA's Nemotron 70B. Shapes:
 * LitGPT's config.py (the same numbers as each model's config.json); embeddings untied, as
 * every one of these config.json files sets.
 */
const llama = (h: number, layers: number, heads: number, kv: number, ffn: number, vocab: number, extra = {}) =>
  decoder('llama', h, layers, heads, kv, ffn, vocab, false, extra);

export const COMMUNITY_MODELS: readonly CatalogModel[] = [
  {
    id: 'openlm-research/open_llama_3b',
    aliases: ['open_llama_3b', 'openlm-research/open_llama_3b_v2', 'open_llama_3b_v2'],
    config: llama(3200, 26, 32, 32, 8640, 32000),
    trainingTokens: 1e12,
    tokensSource: 'OpenLLaMA README (1T tokens of RedPajama)',
    configSource: LITGPT,
  },
  {
    id: 'openlm-research/open_llama_7b',
    aliases: ['open_llama_7b', 'openlm-research/open_llama_7b_v2', 'open_llama_7b_v2'],
    config: llama(4096, 32, 32, 32, 11008, 32000),
    trainingTokens: 1e12,
    tokensSource: 'OpenLLaMA README (1T tokens of RedPajama)',
    configSource: LITGPT,
  },
  {
    id: 'openlm-research/open_llama_13b',
    aliases: ['open_llama_13b'],
    config: llama(5120, 40, 40, 40, 13824, 32000),
    trainingTokens: 1e12,
    tokensSource: 'OpenLLaMA README (1T tokens of RedPajama)',
    configSource: LITGPT,
  },
  { id: 'togethercomputer/LLaMA-2-7B-32K', aliases: ['LLaMA-2-7B-32K'], config: llama(4096, 32, 32, 32, 11008, 32000), configSource: LITGPT },
  {
    id: 'keeeeenw/MicroLlama',
    aliases: ['micro-llama-300M', 'MicroLlama'],
    config: llama(1024, 12, 16, 4, 5632, 32000),
    trainingTokens: 50e9,
    tokensSource: 'keeeeenw/MicroLlama model card (50B tokens of SlimPajama)',
    configSource: LITGPT,
  },
  {
    id: 'BSC-LT/salamandra-2b',
    aliases: ['salamandra-2b', 'salamandra-2b-instruct', 'BSC-LT/salamandra-2b-instruct'],
    config: llama(2048, 24, 16, 16, 5440, 256000),
    configSource: LITGPT,
  },
  {
    id: 'BSC-LT/salamandra-7b',
    aliases: ['salamandra-7b', 'salamandra-7b-instruct', 'BSC-LT/salamandra-7b-instruct'],
    config: llama(4096, 32, 32, 8, 11008, 256000),
    configSource: LITGPT,
  },
  {
    id: 'nvidia/Llama-3.1-Nemotron-70B-Instruct-HF',
    aliases: ['Llama-3.1-Nemotron-70B-Instruct-HF', 'Llama-3.1-Nemotron-70B-Instruct'],
    config: llama(8192, 80, 64, 8, 28672, 128256),
    configSource: LITGPT,
  },
  // LitGPT's built-in fine-tunes of Llama and Llama 2, each with its own config.json (Platypus-30B is LLaMA-1 30B).
  { id: 'garage-bAInd/Platypus-30B', aliases: ['Platypus-30B'], config: llama(6656, 60, 52, 52, 17920, 32000), configSource: LITGPT },
  { id: 'garage-bAInd/Platypus2-7B', aliases: ['Platypus2-7B'], config: llama(4096, 32, 32, 32, 11008, 32000), configSource: LITGPT },
  { id: 'garage-bAInd/Platypus2-13B', aliases: ['Platypus2-13B'], config: llama(5120, 40, 40, 40, 13824, 32000), configSource: LITGPT },
  { id: 'garage-bAInd/Camel-Platypus2-13B', aliases: ['Camel-Platypus2-13B'], config: llama(5120, 40, 40, 40, 13824, 32000), configSource: LITGPT },
  { id: 'garage-bAInd/Stable-Platypus2-13B', aliases: ['Stable-Platypus2-13B'], config: llama(5120, 40, 40, 40, 13824, 32000), configSource: LITGPT },
  { id: 'garage-bAInd/Camel-Platypus2-70B', aliases: ['Camel-Platypus2-70B'], config: llama(8192, 80, 64, 8, 28672, 32000), configSource: LITGPT },
  { id: 'garage-bAInd/Platypus2-70B-instruct', aliases: ['Platypus2-70B-instruct'], config: llama(8192, 80, 64, 8, 28672, 32000), configSource: LITGPT },
  {
    id: 'stabilityai/FreeWilly2',
    aliases: ['FreeWilly2', 'stabilityai/StableBeluga2', 'StableBeluga2'],
    config: llama(8192, 80, 64, 8, 28672, 32000),
    configSource: LITGPT,
  },
  {
    id: 'Trelis/Llama-2-7b-chat-hf-function-calling-v2',
    aliases: ['Llama-2-7b-chat-hf-function-calling-v2'],
    config: llama(4096, 32, 32, 32, 11008, 32000),
    configSource: LITGPT,
  },
];

import type { CatalogModel } from './catalogModel';
import { decoder, LITGPT } from './shapes';

/**
 * Meta Llama 2, 3, 3.1, 3.2, 3.3 and TinyLlama. Shapes: LitGPT's config.py (`n_embd`,
 * `n_layer`, `n_head`, `n_query_groups`, `intermediate_size`, `padded_vocab_size`), the same
 * numbers as each model's Hugging Face config.json; `tie_word_embeddings` from that config.json
 * (true only for Llama 3.2 1B and 3B).
 */
const llama = (h: number, layers: number, heads: number, kv: number, ffn: number, vocab: number, tied = false) =>
  decoder('llama', h, layers, heads, kv, ffn, vocab, tied);

const LLAMA_2 = { trainingTokens: 2e12, tokensSource: 'Touvron et al. 2023, Llama 2 (2T tokens)' };
const LLAMA_3 = { trainingTokens: 15e12, tokensSource: 'Meta Llama 3 / 3.1 / 3.3 model cards (15T+ tokens)' };
const CODE_LLAMA = { trainingTokens: 2.5e12, tokensSource: 'Rozière et al. 2023, Code Llama: Llama 2 (2T tokens) + 500B tokens of code' };
const LLAMA_32 = { trainingTokens: 9e12, tokensSource: 'Meta Llama 3.2 model card (up to 9T tokens)' };

export const LLAMA_MODELS: readonly CatalogModel[] = [
  {
    id: 'meta-llama/Llama-2-7b-hf',
    aliases: ['Llama-2-7b', 'llama-2-7b', 'Llama-2-7b-hf', 'Llama-2-7b-chat-hf', 'meta-llama/Llama-2-7b-chat-hf', 'NousResearch/Llama-2-7b-hf'],
    config: llama(4096, 32, 32, 32, 11008, 32000),
    ...LLAMA_2,
    configSource: LITGPT,
  },
  {
    id: 'meta-llama/Llama-2-13b-hf',
    aliases: ['Llama-2-13b', 'llama-2-13b', 'Llama-2-13b-hf', 'Llama-2-13b-chat-hf', 'NousResearch/Llama-2-13b-hf'],
    config: llama(5120, 40, 40, 40, 13824, 32000),
    ...LLAMA_2,
    configSource: LITGPT,
  },
  {
    id: 'meta-llama/Llama-2-70b-hf',
    aliases: ['Llama-2-70b', 'llama-2-70b', 'Llama-2-70b-hf', 'Llama-2-70b-chat-hf', 'NousResearch/Llama-2-70b-hf'],
    config: llama(8192, 80, 64, 8, 28672, 32000),
    ...LLAMA_2,
    configSource: LITGPT,
  },
  {
    id: 'meta-llama/Meta-Llama-3-8B',
    aliases: ['Llama-3-8B', 'llama-3-8b', 'Llama-3-8B-Instruct', 'Meta-Llama-3-8B', 'NousResearch/Meta-Llama-3-8B', 'meta-llama/Meta-Llama-3-8B-Instruct'],
    config: llama(4096, 32, 32, 8, 14336, 128256),
    ...LLAMA_3,
    configSource: LITGPT,
  },
  {
    id: 'meta-llama/Meta-Llama-3-70B',
    aliases: ['Llama-3-70B', 'llama-3-70b', 'Llama-3-70B-Instruct', 'Meta-Llama-3-70B', 'NousResearch/Meta-Llama-3-70B'],
    config: llama(8192, 80, 64, 8, 28672, 128256),
    ...LLAMA_3,
    configSource: LITGPT,
  },
  {
    id: 'meta-llama/Llama-3.1-8B',
    aliases: [
      'Llama-3.1-8B',
      'Llama-3.1-8B-Instruct',
      'meta-llama/Llama-3.1-8B-Instruct',
      'meta-llama/Meta-Llama-3.1-8B',
      'Meta-Llama-3.1-8B',
      'unsloth/Meta-Llama-3.1-8B',
      'unsloth/Llama-3.1-8B',
    ],
    config: llama(4096, 32, 32, 8, 14336, 128256),
    ...LLAMA_3,
    configSource: LITGPT,
  },
  {
    id: 'meta-llama/Llama-3.1-70B',
    aliases: ['Llama-3.1-70B', 'Llama-3.1-70B-Instruct', 'meta-llama/Llama-3.1-70B-Instruct', 'meta-llama/Meta-Llama-3.1-70B', 'Meta-Llama-3.1-70B'],
    config: llama(8192, 80, 64, 8, 28672, 128256),
    ...LLAMA_3,
    configSource: LITGPT,
  },
  {
    id: 'meta-llama/Llama-3.1-405B',
    aliases: ['Llama-3.1-405B', 'Llama-3.1-405B-Instruct', 'meta-llama/Llama-3.1-405B-Instruct', 'meta-llama/Meta-Llama-3.1-405B', 'Meta-Llama-3.1-405B'],
    config: llama(16384, 126, 128, 8, 53248, 128256),
    ...LLAMA_3,
    configSource: LITGPT,
  },
  {
    id: 'meta-llama/Llama-3.2-1B',
    aliases: ['Llama-3.2-1B', 'Llama-3.2-1B-Instruct', 'meta-llama/Llama-3.2-1B-Instruct', 'unsloth/Llama-3.2-1B'],
    config: llama(2048, 16, 32, 8, 8192, 128256, true),
    ...LLAMA_32,
    configSource: LITGPT,
  },
  {
    id: 'meta-llama/Llama-3.2-3B',
    aliases: ['Llama-3.2-3B', 'Llama-3.2-3B-Instruct', 'meta-llama/Llama-3.2-3B-Instruct', 'unsloth/Llama-3.2-3B'],
    config: llama(3072, 28, 24, 8, 8192, 128256, true),
    ...LLAMA_32,
    configSource: LITGPT,
  },
  {
    id: 'meta-llama/Llama-3.3-70B-Instruct',
    aliases: ['Llama-3.3-70B-Instruct', 'Llama-3.3-70B', 'unsloth/Llama-3.3-70B-Instruct'],
    config: llama(8192, 80, 64, 8, 28672, 128256),
    ...LLAMA_3,
    configSource: LITGPT,
  },
  // Code Llama: Llama 2 trained on 500B more tokens of code; 7B and 13B add 16 infilling tokens (32,016).
  {
    id: 'codellama/CodeLlama-7b-hf',
    aliases: ['CodeLlama-7b-hf', 'CodeLlama-7b', 'codellama/CodeLlama-7b-Instruct-hf', 'codellama/CodeLlama-7b-Python-hf'],
    config: llama(4096, 32, 32, 32, 11008, 32016),
    ...CODE_LLAMA,
    configSource: 'codellama/CodeLlama-7b-hf config.json',
  },
  {
    id: 'codellama/CodeLlama-13b-hf',
    aliases: ['CodeLlama-13b-hf', 'CodeLlama-13b', 'codellama/CodeLlama-13b-Instruct-hf', 'codellama/CodeLlama-13b-Python-hf'],
    config: llama(5120, 40, 40, 40, 13824, 32016),
    ...CODE_LLAMA,
    configSource: 'codellama/CodeLlama-13b-hf config.json',
  },
  {
    id: 'codellama/CodeLlama-34b-hf',
    aliases: ['CodeLlama-34b-hf', 'CodeLlama-34b', 'codellama/CodeLlama-34b-Instruct-hf', 'codellama/CodeLlama-34b-Python-hf'],
    config: llama(8192, 48, 64, 8, 22016, 32000),
    ...CODE_LLAMA,
    configSource: 'codellama/CodeLlama-34b-hf config.json',
  },
  {
    id: 'codellama/CodeLlama-70b-hf',
    aliases: ['CodeLlama-70b-hf', 'CodeLlama-70b', 'codellama/CodeLlama-70b-Instruct-hf', 'codellama/CodeLlama-70b-Python-hf'],
    config: llama(8192, 80, 64, 8, 28672, 32016),
    configSource: LITGPT,
  },
  // TinyLlama: one architecture for every checkpoint of the 3T-token run and v1.1.
  {
    id: 'TinyLlama/TinyLlama-1.1B-intermediate-step-1431k-3T',
    aliases: ['tiny-llama-1.1b', 'tiny-llama-1.1b-chat', 'TinyLlama-1.1B', 'tinyllama-1.1b', 'TinyLlama/TinyLlama-1.1B-Chat-v1.0', 'TinyLlama-1.1B-Chat-v1.0'],
    config: llama(2048, 22, 32, 4, 5632, 32000),
    trainingTokens: 3e12,
    tokensSource: 'Zhang et al. 2024, TinyLlama (3T tokens)',
    configSource: LITGPT,
  },
];

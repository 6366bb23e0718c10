import type { CatalogModel } from './catalogModel';
import { LITGPT } from './shapes';

/** GPT-2, Pythia and Falcon-7B: the reference points of the scaling literature. */
const pythia = (h: number, layers: number, heads: number, vocab: number) => ({
  model_type: 'gpt_neox',
  hidden_size: h,
  num_hidden_layers: layers,
  num_attention_heads: heads,
  intermediate_size: 4 * h,
  vocab_size: vocab,
  tie_word_embeddings: false,
});
const gpt2 = (h: number, layers: number, heads: number) => ({
  model_type: 'gpt2',
  n_embd: h,
  n_layer: layers,
  n_head: heads,
  n_positions: 1024,
  vocab_size: 50257,
});
const PYTHIA = { trainingTokens: 299_892_736_000, tokensSource: 'Biderman et al. 2023, Pythia (143,000 steps × 2,097,152 tokens)', configSource: LITGPT };

export const CLASSIC_MODELS: readonly CatalogModel[] = [
  { id: 'openai-community/gpt2', aliases: ['gpt2', 'gpt2-small', 'GPT-2'], config: gpt2(768, 12, 12) },
  { id: 'openai-community/gpt2-medium', aliases: ['gpt2-medium'], config: gpt2(1024, 24, 16) },
  { id: 'openai-community/gpt2-large', aliases: ['gpt2-large'], config: gpt2(1280, 36, 20) },
  { id: 'openai-community/gpt2-xl', aliases: ['gpt2-xl'], config: gpt2(1600, 48, 25) },
  { id: 'EleutherAI/pythia-14m', aliases: ['pythia-14m'], config: pythia(128, 6, 4, 50304), ...PYTHIA },
  { id: 'EleutherAI/pythia-70m', aliases: ['pythia-70m', 'pythia-70m-deduped', 'EleutherAI/pythia-70m-deduped'], config: pythia(512, 6, 8, 50304), ...PYTHIA },
  {
    id: 'EleutherAI/pythia-160m',
    aliases: ['pythia-160m', 'pythia-160m-deduped', 'EleutherAI/pythia-160m-deduped'],
    config: pythia(768, 12, 12, 50304),
    ...PYTHIA,
  },
  {
    id: 'EleutherAI/pythia-410m',
    aliases: ['pythia-410m', 'pythia-410m-deduped', 'EleutherAI/pythia-410m-deduped'],
    config: pythia(1024, 24, 16, 50304),
    ...PYTHIA,
  },
  {
    id: 'EleutherAI/pythia-1.4b',
    aliases: ['pythia-1.4b', 'pythia-1.4b-deduped', 'EleutherAI/pythia-1.4b-deduped'],
    config: pythia(2048, 24, 16, 50304),
    ...PYTHIA,
  },
  {
    id: 'EleutherAI/pythia-6.9b',
    aliases: ['pythia-6.9b', 'pythia-6.9b-deduped', 'EleutherAI/pythia-6.9b-deduped'],
    config: pythia(4096, 32, 32, 50432),
    ...PYTHIA,
  },
  {
    id: 'EleutherAI/pythia-12b',
    aliases: ['pythia-12b', 'pythia-12b-deduped', 'EleutherAI/pythia-12b-deduped'],
    config: pythia(5120, 36, 40, 50688),
    ...PYTHIA,
  },
  {
    id: 'tiiuae/falcon-7b',
    aliases: ['falcon-7b', 'falcon-7b-instruct', 'tiiuae/falcon-7b-instruct'],
    config: {
      model_type: 'falcon',
      hidden_size: 4544,
      num_hidden_layers: 32,
      num_attention_heads: 71,
      multi_query: true,
      parallel_attn: true,
      bias: false,
      vocab_size: 65024,
    },
    trainingTokens: 1.5e12,
    tokensSource: 'Falcon-7B model card (1.5T tokens)',
    configSource: LITGPT,
  },
];

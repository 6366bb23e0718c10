import type { CatalogModel } from './catalogModel';
import { LITGPT } from './shapes';

/** GPT-2, GPT-Neo, Pythia, StarCoder2 and Falcon-7B: the reference points of the scaling literature. */
const TRANSFORMERS = 'huggingface/transformers@008e574391258935f3ecc3035c882e73bbcac419:src/transformers/models';
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
  { id: 'EleutherAI/pythia-31m', aliases: ['pythia-31m', 'pythia-31m-deduped', 'EleutherAI/pythia-31m-deduped'], config: pythia(256, 6, 8, 50304), ...PYTHIA },
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
    id: 'EleutherAI/pythia-1b',
    aliases: ['pythia-1b', 'pythia-1b-deduped', 'EleutherAI/pythia-1b-deduped'],
    config: pythia(2048, 16, 8, 50304),
    ...PYTHIA,
  },
  {
    id: 'EleutherAI/pythia-1.4b',
    aliases: ['pythia-1.4b', 'pythia-1.4b-deduped', 'EleutherAI/pythia-1.4b-deduped'],
    config: pythia(2048, 24, 16, 50304),
    ...PYTHIA,
  },
  {
    id: 'EleutherAI/pythia-2.8b',
    aliases: ['pythia-2.8b', 'pythia-2.8b-deduped', 'EleutherAI/pythia-2.8b-deduped'],
    config: pythia(2560, 32, 32, 50304),
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
    // The mesh-tensorflow config of the 125M run (768 wide, 12 layers, learned positions over 2,048); the released
    // checkpoint's vocabulary is GPT-2's 50,257 (GPTNeoConfig's default), not the 50,304 the run padded to.
    id: 'EleutherAI/gpt-neo-125m',
    aliases: ['gpt-neo-125m', 'gpt-neo-125M', 'EleutherAI/gpt-neo-125M'],
    config: { model_type: 'gpt_neo', hidden_size: 768, num_layers: 12, num_heads: 12, max_position_embeddings: 2048, vocab_size: 50257 },
    trainingTokens: 300e9,
    tokensSource: 'EleutherAI/gpt-neo-125m model card (300B tokens, 572,300 steps)',
    configSource: 'EleutherAI/gpt-neo@23485e3:configs/gpt3_small_256.json',
  },
  {
    id: 'EleutherAI/gpt-neo-2.7B',
    aliases: ['gpt-neo-2.7B', 'gpt-neo-2.7b'],
    config: { model_type: 'gpt_neo', hidden_size: 2560, num_layers: 32, num_heads: 20, max_position_embeddings: 2048, vocab_size: 50257 },
    trainingTokens: 420e9,
    tokensSource: 'EleutherAI/gpt-neo-2.7B model card (420B tokens, 400,000 steps)',
    configSource: 'EleutherAI/gpt-neo@23485e3:configs/gpt3_2-7B_256.json',
  },
  {
    // GPT-NeoX-20B: the 20B_tokenizer's 50,277 tokens padded to 128 × model-parallel 2 = 50,432, untied.
    id: 'EleutherAI/gpt-neox-20b',
    aliases: ['gpt-neox-20b', 'GPT-NeoX-20B'],
    config: pythia(6144, 44, 64, 50432),
    configSource: 'EleutherAI/gpt-neox@ea7aefd8f8e183256992d9fede4d7c71a46d67a5:configs/20B.yml',
  },
  {
    // GPTNeoConfig's defaults are gpt-neo-1.3B's config.json ("will yield a similar configuration to that of gpt-neo-1.3B").
    id: 'EleutherAI/gpt-neo-1.3B',
    aliases: ['gpt-neo-1.3B', 'gpt-neo-1.3b'],
    config: { model_type: 'gpt_neo', hidden_size: 2048, num_layers: 24, num_heads: 16, max_position_embeddings: 2048, vocab_size: 50257 },
    trainingTokens: 380e9,
    tokensSource: 'EleutherAI/gpt-neo-1.3B model card (380B tokens of the Pile)',
    configSource:
      'huggingface/transformers@04c7fd35d5fe2d3542a41ad8c9b801bf0edfee61:src/transformers/models/gpt_neo/configuration_gpt_neo.py (GPTNeoConfig defaults)',
  },
  {
    // Starcoder2Config's defaults are the shape of starcoder2-3b's config.json (3,072 wide, 30 layers, 2 KV heads).
    id: 'bigcode/starcoder2-3b',
    aliases: ['starcoder2-3b'],
    config: {
      model_type: 'starcoder2',
      hidden_size: 3072,
      num_hidden_layers: 30,
      num_attention_heads: 24,
      num_key_value_heads: 2,
      intermediate_size: 12288,
      vocab_size: 49152,
      use_bias: true,
      tie_word_embeddings: true,
    },
    trainingTokens: 3.3e12,
    tokensSource: 'bigcode/starcoder2-3b model card (3.3T tokens)',
    configSource: `${TRANSFORMERS}/starcoder2/configuration_starcoder2.py (Starcoder2Config defaults)`,
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

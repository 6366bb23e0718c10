import type { CatalogModel } from './catalogModel';
import { LITGPT } from './shapes';

/**
 * Stability AI's StableLM. The alpha models are GPT-NeoX-shaped (`model_type: gpt_neox`); StableLM-3B-4E1T
 * and its fine-tunes are `model_type: stablelm` (LayerNorm, SwiGLU, no biases, untied). Shapes:
 * LitGPT's config.py, the same numbers as each config.json.
 */
const alpha = (h: number, heads: number, vocab: number) => ({
  model_type: 'gpt_neox',
  hidden_size: h,
  num_hidden_layers: 16,
  num_attention_heads: heads,
  intermediate_size: 4 * h,
  vocab_size: vocab,
  tie_word_embeddings: false,
});
/** StableCode alpha: GPT-NeoX-shaped, 2,560 wide, 32 layers, a 49,152-token code vocabulary. */
const stablecode = {
  model_type: 'gpt_neox',
  hidden_size: 2560,
  num_hidden_layers: 32,
  num_attention_heads: 32,
  intermediate_size: 10240,
  vocab_size: 49152,
  tie_word_embeddings: false,
};
const stablelm3b = {
  model_type: 'stablelm',
  hidden_size: 2560,
  num_hidden_layers: 32,
  num_attention_heads: 32,
  num_key_value_heads: 32,
  intermediate_size: 6912,
  vocab_size: 50304,
  use_qkv_bias: false,
  tie_word_embeddings: false,
};
const FOUR_EPOCHS = { trainingTokens: 4e12, tokensSource: 'stabilityai/stablelm-3b-4e1t model card (1T tokens for 4 epochs)' };

export const STABLELM_MODELS: readonly CatalogModel[] = [
  {
    id: 'stabilityai/stablelm-base-alpha-3b',
    aliases: ['stablelm-base-alpha-3b', 'stablelm-tuned-alpha-3b', 'stabilityai/stablelm-tuned-alpha-3b'],
    config: alpha(4096, 32, 50688),
    configSource: LITGPT,
  },
  {
    id: 'stabilityai/stablelm-base-alpha-7b',
    aliases: ['stablelm-base-alpha-7b', 'stablelm-tuned-alpha-7b', 'stabilityai/stablelm-tuned-alpha-7b'],
    config: alpha(6144, 48, 50432),
    configSource: LITGPT,
  },
  { id: 'stabilityai/stablelm-3b-4e1t', aliases: ['stablelm-3b-4e1t'], config: stablelm3b, ...FOUR_EPOCHS, configSource: LITGPT },
  { id: 'stabilityai/stablelm-zephyr-3b', aliases: ['stablelm-zephyr-3b'], config: stablelm3b, ...FOUR_EPOCHS, configSource: LITGPT },
  { id: 'stabilityai/stable-code-3b', aliases: ['stable-code-3b'], config: stablelm3b, configSource: LITGPT },
  { id: 'stabilityai/stablecode-completion-alpha-3b', aliases: ['stablecode-completion-alpha-3b'], config: stablecode, configSource: LITGPT },
  { id: 'stabilityai/stablecode-completion-alpha-3b-4k', aliases: ['stablecode-completion-alpha-3b-4k'], config: stablecode, configSource: LITGPT },
  { id: 'stabilityai/stablecode-instruct-alpha-3b', aliases: ['stablecode-instruct-alpha-3b'], config: stablecode, configSource: LITGPT },
];

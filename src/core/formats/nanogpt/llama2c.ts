import { getEntry, type MapNode } from '../../source/tree';

/**
 * llama2.c's `train.py` (karpathy/llama2.c@350e04fe35433e6d2941dce5a1f53308f87058eb) keeps
 * nanoGPT's training globals and configurator but trains a Llama: `dim`, `n_layers`, `n_heads`,
 * `n_kv_heads`, `multiple_of`, `vocab_size`, sequences of `max_seq_len`. model.py builds the MLP as
 * int(2 · 4·dim / 3) rounded up to `multiple_of` (FeedForward), with no biases, RMSNorm, and the
 * output layer tied to the token embedding (`self.tok_embeddings.weight = self.output.weight`).
 */
export const LLAMA2C_SOURCE = 'karpathy/llama2.c@350e04fe35433e6d2941dce5a1f53308f87058eb:train.py';

/** train.py's defaults for the numbers that fix the count. */
export const LLAMA2C_DEFAULTS: Readonly<Record<string, number>> = {
  dim: 288,
  n_layers: 6,
  n_heads: 6,
  n_kv_heads: 6,
  multiple_of: 32,
  vocab_size: 32000,
  max_seq_len: 256,
  batch_size: 128,
  gradient_accumulation_steps: 4,
  max_iters: 100_000,
};

/** A file of llama2.c's names: its model keys, and none of nanoGPT's GPT-2 ones. */
export function isLlama2c(root: MapNode): boolean {
  const has = (key: string) => getEntry(root, key) !== undefined;
  return !has('n_layer') && !has('n_embd') && (has('multiple_of') || has('n_kv_heads') || (has('dim') && has('n_layers')));
}

/** The Hugging Face keys of the Llama that model.py builds from the globals. */
export function llama2cModel(value: (key: string) => number | undefined): Record<string, number | string | boolean | null> {
  const dim = value('dim');
  const multiple = value('multiple_of') ?? 256;
  const hidden = value('hidden_dim') ?? (dim === undefined ? undefined : multiple * Math.ceil(Math.floor((2 * 4 * dim) / 3) / multiple));
  return {
    model_type: 'llama',
    hidden_size: dim ?? null,
    num_hidden_layers: value('n_layers') ?? null,
    num_attention_heads: value('n_heads') ?? null,
    num_key_value_heads: value('n_kv_heads') ?? value('n_heads') ?? null,
    intermediate_size: hidden ?? null,
    vocab_size: value('vocab_size') ?? null,
    tie_word_embeddings: true,
  };
}

/**
 * Builders for the Hugging Face `config.json` fields that fix a parameter count, so a catalog
 * row reads like the file it was taken from. Only the fields the count needs are kept.
 */
export type HfConfig = Readonly<Record<string, unknown>>;

/** Llama-shaped decoders (`LlamaForCausalLM` and the many families that copy it). */
export function decoder(
  modelType: string,
  h: number,
  layers: number,
  heads: number,
  kv: number,
  ffn: number,
  vocab: number,
  tied: boolean,
  extra: HfConfig = {},
): HfConfig {
  return {
    model_type: modelType,
    hidden_size: h,
    num_hidden_layers: layers,
    num_attention_heads: heads,
    num_key_value_heads: kv,
    intermediate_size: ffn,
    vocab_size: vocab,
    tie_word_embeddings: tied,
    ...extra,
  };
}

/** LitGPT's `litgpt/config.py` at the commit the catalog was checked against. */
export const LITGPT = 'Lightning-AI/litgpt@26857050fe3ff627cd714fe92f5838f51a3d5efa:litgpt/config.py';

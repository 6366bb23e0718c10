/**
 * Well-known models, so a config that only names its model (LitGPT's `model_name`, Axolotl's
 * `base_model`, a plain `architecture:`) still resolves offline. Architectures are the models'
 * published Hugging Face configs; training tokens are the papers' or model cards' figures.
 */
export interface CatalogModel {
  readonly id: string;
  /** Other names for the same model: framework names, mirrors, short names. */
  readonly aliases: readonly string[];
  /** The published Hugging Face `config.json` fields that fix the parameter count. */
  readonly config: Readonly<Record<string, unknown>>;
  /** Pretraining tokens, when published, and where the figure comes from. */
  readonly trainingTokens?: number;
  readonly tokensSource?: string;
}

const llama = (h: number, layers: number, heads: number, kv: number, ffn: number, vocab: number) => ({ model_type: 'llama', hidden_size: h, num_hidden_layers: layers, num_attention_heads: heads, num_key_value_heads: kv, intermediate_size: ffn, vocab_size: vocab, tie_word_embeddings: false });
const pythia = (h: number, layers: number, heads: number, vocab: number) => ({ model_type: 'gpt_neox', hidden_size: h, num_hidden_layers: layers, num_attention_heads: heads, intermediate_size: 4 * h, vocab_size: vocab, tie_word_embeddings: false });
const gpt2 = (h: number, layers: number, heads: number) => ({ model_type: 'gpt2', n_embd: h, n_layer: layers, n_head: heads, n_positions: 1024, vocab_size: 50257 });

export const MODELS: readonly CatalogModel[] = [
  { id: 'meta-llama/Llama-2-7b-hf', aliases: ['Llama-2-7b', 'llama-2-7b', 'Llama-2-7b-chat-hf', 'NousResearch/Llama-2-7b-hf'], config: llama(4096, 32, 32, 32, 11008, 32000), trainingTokens: 2e12, tokensSource: 'Touvron et al. 2023, Llama 2' },
  { id: 'meta-llama/Llama-2-13b-hf', aliases: ['Llama-2-13b', 'llama-2-13b', 'NousResearch/Llama-2-13b-hf'], config: llama(5120, 40, 40, 40, 13824, 32000), trainingTokens: 2e12, tokensSource: 'Touvron et al. 2023, Llama 2' },
  { id: 'meta-llama/Llama-2-70b-hf', aliases: ['Llama-2-70b', 'llama-2-70b', 'NousResearch/Llama-2-70b-hf'], config: llama(8192, 80, 64, 8, 28672, 32000), trainingTokens: 2e12, tokensSource: 'Touvron et al. 2023, Llama 2' },
  { id: 'meta-llama/Meta-Llama-3-8B', aliases: ['Llama-3-8B', 'llama-3-8b', 'Meta-Llama-3-8B', 'NousResearch/Meta-Llama-3-8B', 'meta-llama/Llama-3.1-8B', 'Llama-3.1-8B', 'meta-llama/Meta-Llama-3-8B-Instruct'], config: llama(4096, 32, 32, 8, 14336, 128256), trainingTokens: 15e12, tokensSource: 'Meta Llama 3 model card (15T+ tokens)' },
  { id: 'meta-llama/Meta-Llama-3-70B', aliases: ['Llama-3-70B', 'llama-3-70b', 'Meta-Llama-3-70B', 'NousResearch/Meta-Llama-3-70B', 'meta-llama/Llama-3.1-70B'], config: llama(8192, 80, 64, 8, 28672, 128256), trainingTokens: 15e12, tokensSource: 'Meta Llama 3 model card (15T+ tokens)' },
  { id: 'TinyLlama/TinyLlama-1.1B-intermediate-step-1431k-3T', aliases: ['tiny-llama-1.1b', 'TinyLlama-1.1B', 'tinyllama-1.1b', 'TinyLlama/TinyLlama_v1.1'], config: llama(2048, 22, 32, 4, 5632, 32000), trainingTokens: 3e12, tokensSource: 'Zhang et al. 2024, TinyLlama' },
  { id: 'mistralai/Mistral-7B-v0.1', aliases: ['Mistral-7B-v0.1', 'mistral-7b', 'Mistral-7B'], config: { ...llama(4096, 32, 32, 8, 14336, 32000), model_type: 'mistral' } },
  { id: 'mistralai/Mixtral-8x7B-v0.1', aliases: ['Mixtral-8x7B-v0.1', 'mixtral-8x7b', 'Mixtral-8x7B'], config: { ...llama(4096, 32, 32, 8, 14336, 32000), model_type: 'mixtral', num_local_experts: 8, num_experts_per_tok: 2 } },
  { id: 'openai-community/gpt2', aliases: ['gpt2', 'gpt2-small', 'GPT-2'], config: gpt2(768, 12, 12) },
  { id: 'openai-community/gpt2-medium', aliases: ['gpt2-medium'], config: gpt2(1024, 24, 16) },
  { id: 'openai-community/gpt2-large', aliases: ['gpt2-large'], config: gpt2(1280, 36, 20) },
  { id: 'openai-community/gpt2-xl', aliases: ['gpt2-xl'], config: gpt2(1600, 48, 25) },
  { id: 'EleutherAI/pythia-160m', aliases: ['pythia-160m'], config: pythia(768, 12, 12, 50304), trainingTokens: 299_892_736_000, tokensSource: 'Biderman et al. 2023, Pythia' },
  { id: 'EleutherAI/pythia-410m', aliases: ['pythia-410m'], config: pythia(1024, 24, 16, 50304), trainingTokens: 299_892_736_000, tokensSource: 'Biderman et al. 2023, Pythia' },
  { id: 'EleutherAI/pythia-1.4b', aliases: ['pythia-1.4b'], config: pythia(2048, 24, 16, 50304), trainingTokens: 299_892_736_000, tokensSource: 'Biderman et al. 2023, Pythia' },
  { id: 'EleutherAI/pythia-6.9b', aliases: ['pythia-6.9b'], config: pythia(4096, 32, 32, 50432), trainingTokens: 299_892_736_000, tokensSource: 'Biderman et al. 2023, Pythia' },
  { id: 'EleutherAI/pythia-12b', aliases: ['pythia-12b'], config: pythia(5120, 36, 40, 50688), trainingTokens: 299_892_736_000, tokensSource: 'Biderman et al. 2023, Pythia' },
  { id: 'allenai/OLMo-7B', aliases: ['OLMo-7B', 'olmo-7b', 'allenai/OLMo-7B-hf'], config: { model_type: 'olmo', hidden_size: 4096, num_hidden_layers: 32, num_attention_heads: 32, intermediate_size: 11008, vocab_size: 50304, tie_word_embeddings: false }, trainingTokens: 2.46e12, tokensSource: 'Groeneveld et al. 2024, OLMo' },
  { id: 'google/gemma-7b', aliases: ['gemma-7b'], config: { model_type: 'gemma', hidden_size: 3072, num_hidden_layers: 28, num_attention_heads: 16, num_key_value_heads: 16, head_dim: 256, intermediate_size: 24576, vocab_size: 256000 }, trainingTokens: 6e12, tokensSource: 'Gemma Team 2024' },
  { id: 'google/gemma-2b', aliases: ['gemma-2b'], config: { model_type: 'gemma', hidden_size: 2048, num_hidden_layers: 18, num_attention_heads: 8, num_key_value_heads: 1, head_dim: 256, intermediate_size: 16384, vocab_size: 256000 }, trainingTokens: 3e12, tokensSource: 'Gemma Team 2024' },
  { id: 'tiiuae/falcon-7b', aliases: ['falcon-7b'], config: { model_type: 'falcon', hidden_size: 4544, num_hidden_layers: 32, num_attention_heads: 71, multi_query: true, parallel_attn: true, bias: false, vocab_size: 65024 }, trainingTokens: 1.5e12, tokensSource: 'Falcon-7B model card' },
  { id: 'Qwen/Qwen2-7B', aliases: ['Qwen2-7B', 'qwen2-7b'], config: { model_type: 'qwen2', hidden_size: 3584, num_hidden_layers: 28, num_attention_heads: 28, num_key_value_heads: 4, intermediate_size: 18944, vocab_size: 152064, tie_word_embeddings: false }, trainingTokens: 7e12, tokensSource: 'Qwen2 technical report' },
];

function normalize(name: string): string {
  return name.trim().toLowerCase().replace(/^hf:\/\//, '').replace(/[_\s]/g, '-');
}

const BY_NAME = new Map<string, CatalogModel>();
for (const model of MODELS) {
  for (const name of [model.id, ...model.aliases]) {
    BY_NAME.set(normalize(name), model);
    // `org/name` also by its bare name, as LitGPT and local checkpoints write it.
    const bare = name.split('/').pop();
    if (bare && !BY_NAME.has(normalize(bare))) BY_NAME.set(normalize(bare), model);
  }
}

export function findModel(name: string): CatalogModel | undefined {
  const wanted = normalize(name);
  return BY_NAME.get(wanted) ?? BY_NAME.get(wanted.split('/').pop() ?? wanted);
}

import type { CatalogModel } from './catalogModel';

/**
 * DeepSeek-V2 and V3: multi-head latent attention (MLA) and DeepSeekMoE. Fields are the
 * Hugging Face config.json names; the numbers are those of deepseek-ai/DeepSeek-V3@f09f5fa
 * `inference/configs/config_236B.json` (the V2 shape) and `config_671B.json` (`dim`,
 * `inter_dim`, `moe_inter_dim`, `n_layers`, `n_dense_layers`, `n_heads`, `n_routed_experts`,
 * `n_shared_experts`, `n_activated_experts`, `q_lora_rank`, `kv_lora_rank`, `qk_nope_head_dim`,
 * `qk_rope_head_dim`, `v_head_dim`, `vocab_size`). Counting MLA needs the low-rank projections;
 * until the engine reads them these entries count attention as plain multi-head attention.
 */
const deepseek = (type: string, fields: Record<string, number>) => ({
  model_type: type,
  num_key_value_heads: fields.num_attention_heads,
  tie_word_embeddings: false,
  ...fields,
});

export const DEEPSEEK_MODELS: readonly CatalogModel[] = [
  {
    id: 'deepseek-ai/DeepSeek-V2',
    aliases: ['DeepSeek-V2', 'deepseek-v2'],
    config: deepseek('deepseek_v2', {
      hidden_size: 5120,
      intermediate_size: 12288,
      moe_intermediate_size: 1536,
      num_hidden_layers: 60,
      first_k_dense_replace: 1,
      num_attention_heads: 128,
      n_routed_experts: 160,
      n_shared_experts: 2,
      num_experts_per_tok: 6,
      q_lora_rank: 1536,
      kv_lora_rank: 512,
      qk_nope_head_dim: 128,
      qk_rope_head_dim: 64,
      v_head_dim: 128,
      vocab_size: 102400,
    }),
    trainingTokens: 8.1e12,
    tokensSource: 'DeepSeek-AI 2024, DeepSeek-V2 (8.1T tokens)',
    configSource: 'deepseek-ai/DeepSeek-V3@f09f5fa:inference/configs/config_236B.json',
  },
  {
    id: 'deepseek-ai/DeepSeek-V3',
    aliases: ['DeepSeek-V3', 'deepseek-v3', 'deepseek-ai/DeepSeek-V3-Base', 'DeepSeek-V3-Base'],
    config: deepseek('deepseek_v3', {
      hidden_size: 7168,
      intermediate_size: 18432,
      moe_intermediate_size: 2048,
      num_hidden_layers: 61,
      first_k_dense_replace: 3,
      num_attention_heads: 128,
      n_routed_experts: 256,
      n_shared_experts: 1,
      num_experts_per_tok: 8,
      q_lora_rank: 1536,
      kv_lora_rank: 512,
      qk_nope_head_dim: 128,
      qk_rope_head_dim: 64,
      v_head_dim: 128,
      vocab_size: 129280,
    }),
    trainingTokens: 14.8e12,
    tokensSource: 'DeepSeek-AI 2024, DeepSeek-V3 technical report (14.8T tokens)',
    configSource: 'deepseek-ai/DeepSeek-V3@f09f5fa:inference/configs/config_671B.json',
  },
];

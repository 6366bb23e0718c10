import type { CatalogModel } from './catalogModel';
import { decoder, LITGPT } from './shapes';

const MAXTEXT = 'AI-Hypercomputer/maxtext@e591f30cbbf217ed67ef71263ec0538239f9c3b8:src/maxtext/configs/models';

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
      // The Hub config.json's one multi-token-prediction module (the technical report's D = 1): in FLOPs, not in N.
      num_nextn_predict_layers: 1,
    }),
    trainingTokens: 14.8e12,
    tokensSource: 'DeepSeek-AI 2024, DeepSeek-V3 technical report (14.8T tokens)',
    configSource: 'deepseek-ai/DeepSeek-V3@f09f5fa:inference/configs/config_671B.json',
  },
  {
    // DeepSeek-R1 has DeepSeek-V3's architecture (the R1 README: "built on DeepSeek-V3-Base").
    id: 'deepseek-ai/DeepSeek-R1',
    aliases: ['DeepSeek-R1', 'deepseek-r1', 'deepseek-ai/DeepSeek-R1-0528', 'DeepSeek-R1-0528', 'deepseek-ai/DeepSeek-R1-Zero'],
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
      num_nextn_predict_layers: 1,
    }),
    configSource: 'deepseek-ai/DeepSeek-V3@f09f5fa:inference/configs/config_671B.json',
  },
  {
    // V2-Lite: no query compression (`q_lora_rank: 0` in MaxText, null in config.json).
    id: 'deepseek-ai/DeepSeek-V2-Lite',
    aliases: ['DeepSeek-V2-Lite', 'deepseek-ai/DeepSeek-V2-Lite-Chat', 'DeepSeek-V2-Lite-Chat', 'deepseek2-16b'],
    config: deepseek('deepseek_v2', {
      hidden_size: 2048,
      intermediate_size: 10944,
      moe_intermediate_size: 1408,
      num_hidden_layers: 27,
      first_k_dense_replace: 1,
      num_attention_heads: 16,
      n_routed_experts: 64,
      n_shared_experts: 2,
      num_experts_per_tok: 6,
      kv_lora_rank: 512,
      qk_nope_head_dim: 128,
      qk_rope_head_dim: 64,
      v_head_dim: 128,
      vocab_size: 102400,
    }),
    trainingTokens: 5.7e12,
    tokensSource: 'DeepSeek-AI 2024, DeepSeek-V2 (V2-Lite: 5.7T tokens)',
    configSource: `${MAXTEXT}/deepseek2-16b.yml`,
  },
  {
    id: 'moonshotai/Kimi-K2-Base',
    aliases: ['Kimi-K2-Base', 'moonshotai/Kimi-K2-Instruct', 'Kimi-K2-Instruct', 'kimi-k2-1t'],
    config: deepseek('kimi_k2', {
      hidden_size: 7168,
      intermediate_size: 18432,
      moe_intermediate_size: 2048,
      num_hidden_layers: 61,
      first_k_dense_replace: 1,
      num_attention_heads: 64,
      n_routed_experts: 384,
      n_shared_experts: 1,
      num_experts_per_tok: 8,
      q_lora_rank: 1536,
      kv_lora_rank: 512,
      qk_nope_head_dim: 128,
      qk_rope_head_dim: 64,
      v_head_dim: 128,
      vocab_size: 163840,
    }),
    trainingTokens: 15.5e12,
    tokensSource: 'Kimi Team 2025, Kimi K2 (15.5T tokens)',
    configSource: `${MAXTEXT}/kimi-k2-1t.yml`,
  },
  // The R1 distillations into Llama keep their Llama bases' shapes (LitGPT lists them as Llama configs).
  {
    id: 'deepseek-ai/DeepSeek-R1-Distill-Llama-8B',
    aliases: ['R1-Distill-Llama-8B'],
    config: decoder('llama', 4096, 32, 32, 8, 14336, 128256, false),
    configSource: LITGPT,
  },
  {
    id: 'deepseek-ai/DeepSeek-R1-Distill-Llama-70B',
    aliases: ['R1-Distill-Llama-70B'],
    config: decoder('llama', 8192, 80, 64, 8, 28672, 128256, false),
    configSource: LITGPT,
  },
];

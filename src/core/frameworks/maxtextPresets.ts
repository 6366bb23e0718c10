/**
 * MaxText's model presets and base.yml defaults, copied from AI-Hypercomputer/maxtext@e591f30cbbf217ed67ef71263ec0538239f9c3b8
 * (`src/maxtext/configs/models/<model_name>.yml` and `src/maxtext/configs/base.yml`; the repository was
 * google/maxtext, with the configs under `MaxText/configs/`). `line` is the line of each value in that file.
 * MaxText loads `models/<model_name>.yml` over the config (pyconfig.py), so a preset's values win.
 */

export type PresetValue = number | string | boolean | readonly string[];

export interface PresetKey {
  readonly value: PresetValue;
  readonly line: number;
}

export const MAXTEXT_COMMIT = 'e591f30cbbf217ed67ef71263ec0538239f9c3b8';

/** `model_name` → the model keys of its `configs/models/<model_name>.yml`. */
export const MAXTEXT_PRESETS: Readonly<Record<string, Readonly<Record<string, PresetKey>>>> = {
  'llama2-7b': { base_emb_dim: { value: 4096, line: 17 }, base_num_query_heads: { value: 32, line: 18 }, base_num_kv_heads: { value: 32, line: 19 }, base_mlp_dim: { value: 11008, line: 20 }, base_num_decoder_layers: { value: 32, line: 21 }, head_dim: { value: 128, line: 22 }, mlp_activations: { value: ['silu', 'linear'], line: 23 }, vocab_size: { value: 32000, line: 24 }, logits_via_embedding: { value: false, line: 26 }, decoder_block: { value: 'llama2', line: 28 } },
  'llama2-13b': { base_emb_dim: { value: 5120, line: 17 }, base_num_query_heads: { value: 40, line: 18 }, base_num_kv_heads: { value: 40, line: 19 }, base_mlp_dim: { value: 13824, line: 20 }, base_num_decoder_layers: { value: 40, line: 21 }, head_dim: { value: 128, line: 22 }, mlp_activations: { value: ['silu', 'linear'], line: 23 }, vocab_size: { value: 32000, line: 24 }, logits_via_embedding: { value: false, line: 26 }, decoder_block: { value: 'llama2', line: 28 } },
  'llama2-70b': { base_emb_dim: { value: 8192, line: 17 }, base_num_query_heads: { value: 64, line: 18 }, base_num_kv_heads: { value: 8, line: 19 }, base_mlp_dim: { value: 28672, line: 20 }, base_num_decoder_layers: { value: 80, line: 21 }, head_dim: { value: 128, line: 22 }, mlp_activations: { value: ['silu', 'linear'], line: 23 }, vocab_size: { value: 32000, line: 24 }, logits_via_embedding: { value: false, line: 25 }, decoder_block: { value: 'llama2', line: 27 } },
  'llama3-8b': { base_emb_dim: { value: 4096, line: 17 }, base_num_query_heads: { value: 32, line: 18 }, base_num_kv_heads: { value: 8, line: 19 }, base_mlp_dim: { value: 14336, line: 21 }, base_num_decoder_layers: { value: 32, line: 20 }, head_dim: { value: 128, line: 22 }, mlp_activations: { value: ['silu', 'linear'], line: 23 }, vocab_size: { value: 128256, line: 24 }, logits_via_embedding: { value: false, line: 26 }, decoder_block: { value: 'llama2', line: 29 } },
  'llama3-70b': { base_emb_dim: { value: 8192, line: 17 }, base_num_query_heads: { value: 64, line: 18 }, base_num_kv_heads: { value: 8, line: 19 }, base_mlp_dim: { value: 28672, line: 21 }, base_num_decoder_layers: { value: 80, line: 20 }, head_dim: { value: 128, line: 22 }, mlp_activations: { value: ['silu', 'linear'], line: 23 }, vocab_size: { value: 128256, line: 24 }, logits_via_embedding: { value: false, line: 26 }, decoder_block: { value: 'llama2', line: 29 } },
  'llama3.1-8b': { base_emb_dim: { value: 4096, line: 17 }, base_num_query_heads: { value: 32, line: 18 }, base_num_kv_heads: { value: 8, line: 19 }, base_mlp_dim: { value: 14336, line: 21 }, base_num_decoder_layers: { value: 32, line: 20 }, head_dim: { value: 128, line: 22 }, mlp_activations: { value: ['silu', 'linear'], line: 23 }, vocab_size: { value: 128256, line: 24 }, logits_via_embedding: { value: false, line: 26 }, decoder_block: { value: 'llama2', line: 29 } },
  'llama3.1-70b': { base_emb_dim: { value: 8192, line: 17 }, base_num_query_heads: { value: 64, line: 18 }, base_num_kv_heads: { value: 8, line: 19 }, base_mlp_dim: { value: 28672, line: 21 }, base_num_decoder_layers: { value: 80, line: 20 }, head_dim: { value: 128, line: 22 }, mlp_activations: { value: ['silu', 'linear'], line: 23 }, vocab_size: { value: 128256, line: 24 }, logits_via_embedding: { value: false, line: 26 }, decoder_block: { value: 'llama2', line: 29 } },
  'llama3.1-405b': { base_emb_dim: { value: 16384, line: 17 }, base_num_query_heads: { value: 128, line: 18 }, base_num_kv_heads: { value: 8, line: 19 }, base_mlp_dim: { value: 53248, line: 21 }, base_num_decoder_layers: { value: 126, line: 20 }, head_dim: { value: 128, line: 22 }, mlp_activations: { value: ['silu', 'linear'], line: 23 }, vocab_size: { value: 128256, line: 24 }, logits_via_embedding: { value: false, line: 26 }, decoder_block: { value: 'llama2', line: 29 } },
  'mistral-7b': { base_emb_dim: { value: 4096, line: 17 }, base_num_query_heads: { value: 32, line: 18 }, base_num_kv_heads: { value: 8, line: 19 }, base_mlp_dim: { value: 14336, line: 20 }, base_num_decoder_layers: { value: 32, line: 21 }, head_dim: { value: 128, line: 22 }, mlp_activations: { value: ['silu', 'linear'], line: 23 }, vocab_size: { value: 32000, line: 24 }, logits_via_embedding: { value: false, line: 26 }, decoder_block: { value: 'mistral', line: 29 } },
  'mixtral-8x7b': { base_emb_dim: { value: 4096, line: 18 }, base_num_query_heads: { value: 32, line: 19 }, base_num_kv_heads: { value: 8, line: 20 }, base_mlp_dim: { value: 14336, line: 21 }, base_moe_mlp_dim: { value: 14336, line: 22 }, base_num_decoder_layers: { value: 32, line: 23 }, head_dim: { value: 128, line: 24 }, mlp_activations: { value: ['silu', 'linear'], line: 25 }, vocab_size: { value: 32000, line: 26 }, logits_via_embedding: { value: false, line: 28 }, decoder_block: { value: 'mixtral', line: 33 }, num_experts: { value: 8, line: 30 }, num_experts_per_tok: { value: 2, line: 31 } },
  'mixtral-8x22b': { base_emb_dim: { value: 6144, line: 18 }, base_num_query_heads: { value: 48, line: 19 }, base_num_kv_heads: { value: 8, line: 20 }, base_mlp_dim: { value: 16384, line: 21 }, base_moe_mlp_dim: { value: 16384, line: 22 }, base_num_decoder_layers: { value: 56, line: 23 }, head_dim: { value: 128, line: 24 }, mlp_activations: { value: ['silu', 'linear'], line: 25 }, vocab_size: { value: 32768, line: 26 }, logits_via_embedding: { value: false, line: 28 }, decoder_block: { value: 'mixtral', line: 33 }, num_experts: { value: 8, line: 30 }, num_experts_per_tok: { value: 2, line: 31 } },
  'gemma-2b': { base_emb_dim: { value: 2048, line: 17 }, base_num_query_heads: { value: 8, line: 18 }, base_num_kv_heads: { value: 1, line: 19 }, base_mlp_dim: { value: 16384, line: 20 }, base_num_decoder_layers: { value: 18, line: 21 }, head_dim: { value: 256, line: 22 }, mlp_activations: { value: ['gelu', 'linear'], line: 23 }, vocab_size: { value: 256128, line: 24 }, logits_via_embedding: { value: true, line: 27 }, decoder_block: { value: 'gemma', line: 25 } },
  'gemma-7b': { base_emb_dim: { value: 3072, line: 17 }, base_num_query_heads: { value: 16, line: 18 }, base_num_kv_heads: { value: 16, line: 19 }, base_mlp_dim: { value: 24576, line: 20 }, base_num_decoder_layers: { value: 28, line: 21 }, head_dim: { value: 256, line: 22 }, mlp_activations: { value: ['gelu', 'linear'], line: 23 }, vocab_size: { value: 256128, line: 24 }, logits_via_embedding: { value: true, line: 27 }, decoder_block: { value: 'gemma', line: 25 } },
  'gemma2-2b': { base_emb_dim: { value: 2304, line: 17 }, base_num_query_heads: { value: 8, line: 18 }, base_num_kv_heads: { value: 4, line: 19 }, base_mlp_dim: { value: 9216, line: 20 }, base_num_decoder_layers: { value: 13, line: 21 }, head_dim: { value: 256, line: 22 }, mlp_activations: { value: ['gelu', 'linear'], line: 23 }, vocab_size: { value: 256128, line: 24 }, logits_via_embedding: { value: true, line: 27 }, decoder_block: { value: 'gemma2', line: 25 }, use_post_attn_norm: { value: true, line: 31 }, use_post_ffw_norm: { value: true, line: 32 } },
  'gemma2-9b': { base_emb_dim: { value: 3584, line: 17 }, base_num_query_heads: { value: 16, line: 18 }, base_num_kv_heads: { value: 8, line: 19 }, base_mlp_dim: { value: 14336, line: 20 }, base_num_decoder_layers: { value: 21, line: 21 }, head_dim: { value: 256, line: 22 }, mlp_activations: { value: ['gelu', 'linear'], line: 23 }, vocab_size: { value: 256128, line: 24 }, logits_via_embedding: { value: true, line: 27 }, decoder_block: { value: 'gemma2', line: 25 }, use_post_attn_norm: { value: true, line: 31 }, use_post_ffw_norm: { value: true, line: 32 } },
  'gemma2-27b': { base_emb_dim: { value: 4608, line: 17 }, base_num_query_heads: { value: 32, line: 18 }, base_num_kv_heads: { value: 16, line: 19 }, base_mlp_dim: { value: 36864, line: 20 }, base_num_decoder_layers: { value: 23, line: 21 }, head_dim: { value: 128, line: 22 }, mlp_activations: { value: ['gelu', 'linear'], line: 23 }, vocab_size: { value: 256128, line: 24 }, logits_via_embedding: { value: true, line: 27 }, decoder_block: { value: 'gemma2', line: 25 }, use_post_attn_norm: { value: true, line: 31 }, use_post_ffw_norm: { value: true, line: 32 } },
};

/** The defaults in `configs/base.yml` that fix the model and the training length, used when a config's `base_config` is not at hand. */
export const MAXTEXT_BASE_DEFAULTS: Readonly<Record<string, PresetKey>> = {
  base_emb_dim: { value: 2048, line: 176 },
  base_num_query_heads: { value: 16, line: 177 },
  base_num_kv_heads: { value: 16, line: 178 },
  base_mlp_dim: { value: 7168, line: 179 },
  base_moe_mlp_dim: { value: -1, line: 226 },
  base_num_decoder_layers: { value: 16, line: 181 },
  head_dim: { value: 128, line: 182 },
  mlp_activations: { value: ['silu', 'linear'], line: 187 },
  vocab_size: { value: 32000, line: 712 },
  logits_via_embedding: { value: false, line: 190 },
  decoder_block: { value: 'llama2', line: 170 },
  use_post_attn_norm: { value: false, line: 405 },
  use_post_ffw_norm: { value: false, line: 406 },
  num_experts: { value: 1, line: 213 },
  num_experts_per_tok: { value: 1, line: 214 },
  model_name: { value: 'default', line: 23 },
  global_parameter_scale: { value: 1, line: 175 },
  steps: { value: 150001, line: 836 },
  learning_rate_schedule_steps: { value: -1, line: 876 },
  per_device_batch_size: { value: 12, line: 731 },
  gradient_accumulation_steps: { value: 1, line: 968 },
  max_target_length: { value: 2048, line: 880 },
  num_slices: { value: -1, line: 698 },
  dcn_diloco_parallelism: { value: 1, line: 659 },
  dcn_data_parallelism: { value: -1, line: 660 },
  dcn_fsdp_parallelism: { value: 1, line: 661 },
  dcn_fsdp_transpose_parallelism: { value: 1, line: 662 },
  dcn_sequence_parallelism: { value: 1, line: 663 },
  dcn_context_parallelism: { value: 1, line: 664 },
  dcn_context_usp_ulysses_parallelism: { value: 1, line: 665 },
  dcn_context_autoregressive_parallelism: { value: 1, line: 666 },
  dcn_tensor_parallelism: { value: 1, line: 667 },
  dcn_tensor_sequence_parallelism: { value: 1, line: 668 },
  dcn_pipeline_parallelism: { value: 1, line: 669 },
  dcn_expert_parallelism: { value: 1, line: 670 },
  dcn_autoregressive_parallelism: { value: 1, line: 671 },
  ici_diloco_parallelism: { value: 1, line: 672 },
  ici_data_parallelism: { value: 1, line: 673 },
  ici_fsdp_parallelism: { value: -1, line: 674 },
  ici_fsdp_transpose_parallelism: { value: 1, line: 675 },
  ici_sequence_parallelism: { value: 1, line: 676 },
  ici_context_parallelism: { value: 1, line: 677 },
  ici_context_usp_ulysses_parallelism: { value: 1, line: 678 },
  ici_context_autoregressive_parallelism: { value: 1, line: 679 },
  ici_tensor_parallelism: { value: 1, line: 680 },
  ici_tensor_sequence_parallelism: { value: 1, line: 681 },
  ici_autoregressive_parallelism: { value: 1, line: 682 },
  ici_pipeline_parallelism: { value: 1, line: 683 },
  ici_expert_parallelism: { value: 1, line: 684 },
};

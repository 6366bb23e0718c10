import { readNeox } from './modelReader';
import type { MapNode } from '../../source/tree';
import { COMMON_MODEL_NAME_KEYS, COMMON_TRAINING, has, tally, type FrameworkModule } from '../format';
import { tokenizerFileReader } from '../../architecture/readers/tokenizerFile';

const DASHED = /^(num-layers|hidden-size|num-attention-heads|train-iters|seq-length)$/;

/**
 * Argument names only GPT-NeoX's `neox_args.py` uses (Megatron-LM spells them otherwise:
 * `tensor_model_parallel_size`, `untie_embeddings_and_output_weights`, `position_embedding_type`).
 */
const NEOX_ONLY = [
  'pipe_parallel_size',
  'model_parallel_size',
  'pos_emb',
  'no_weight_tying',
  'gpt_j_residual',
  'gpt_j_tied',
  'output_layer_parallelism',
  'rotary_pct',
  'use_bias_in_norms',
  'use_bias_in_attn_linear',
  'use_bias_in_mlp',
  'mlp_multiple_of',
  'attention_config',
  'moe_num_experts',
  'moe_expert_interval',
  'scaled_upper_triang_masked_softmax_fusion',
  'checkpoint_factor',
];

/** A top-level model written with NeoX's argument names: dashed, or underscored with NeoX-only keys beside it. */
function detect(root: MapNode): number {
  if (root.entries.some((entry) => DASHED.test(entry.key))) return 9;
  const model = has(root, 'num_layers') && has(root, 'hidden_size');
  const signs = tally(root, NEOX_ONLY);
  if (model && signs >= 2) return 9;
  if (signs >= 3) return 8;
  return has(root, 'train_micro_batch_size_per_gpu') && has(root, 'num_layers') ? 7 : 0;
}

/** GPT-NeoX YAML: Megatron's argument names with dashes or underscores, DeepSpeed batch keys. */
export const gptNeox: FrameworkModule = {
  id: 'gpt-neox',
  name: 'GPT-NeoX',
  syntaxes: ['yaml'],
  detect,
  readArchitecture: (view, context) => (view.find(['hidden_size', 'num_layers']) ? readNeox(view, tokenizerFileReader(context)) : undefined),
  training: COMMON_TRAINING,
  modelNameKeys: COMMON_MODEL_NAME_KEYS,
};

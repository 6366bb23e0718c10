import { getEntry, type ConfigNode } from './tree';

/** The training frameworks whose config shapes the engine reads. */
export type Framework = 'huggingface' | 'gpt-neox' | 'nemo' | 'olmo' | 'llm-foundry' | 'litgpt' | 'levanter' | 'axolotl' | 'plain' | 'unknown';

export const FRAMEWORK_NAMES: Record<Framework, string> = {
  huggingface: 'Hugging Face config',
  'gpt-neox': 'GPT-NeoX',
  nemo: 'NeMo / Megatron-LM',
  olmo: 'OLMo',
  'llm-foundry': 'llm-foundry / Composer',
  litgpt: 'LitGPT',
  levanter: 'Levanter',
  axolotl: 'Axolotl',
  plain: 'plain budget',
  unknown: 'unrecognised',
};

const has = (node: ConfigNode | undefined, ...keys: string[]) => keys.some((key) => getEntry(node, key) !== undefined);
const section = (node: ConfigNode | undefined, key: string) => {
  const value = getEntry(node, key)?.value;
  return value?.kind === 'map' ? value : undefined;
};

/** Recognises a framework by the keys only it writes; the most specific signs first. */
export function detectFramework(root: ConfigNode | undefined): Framework {
  if (!root || root.kind !== 'map') return 'unknown';
  const model = section(root, 'model');
  if (has(root, 'base_model')) return 'axolotl';
  if (has(root, 'model_name') || (has(root, 'model_config') && section(root, 'train'))) return 'litgpt';
  if (root.entries.some((entry) => /^(num-layers|hidden-size|num-attention-heads|train-iters|seq-length)$/.test(entry.key)) || has(root, 'train_micro_batch_size_per_gpu') && has(root, 'num_layers')) return 'gpt-neox';
  if (has(root, 'model_type', 'architectures')) return 'huggingface';
  // Levanter also has `trainer:` and `model:`, but writes `hidden_dim` and `num_train_steps`.
  if (model && (has(model, 'hidden_dim') || has(section(root, 'trainer'), 'num_train_steps'))) return 'levanter';
  if (section(root, 'trainer') && model && has(model, 'num_layers', 'hidden_size', 'encoder_seq_length')) return 'nemo';
  if (model && has(model, 'd_model')) {
    if (has(model, 'block_type', 'mlp_hidden_size', 'mlp_ratio', 'weight_tying', 'include_bias', 'layer_norm_type', 'embedding_size', 'activation_type')) return 'olmo';
    return 'llm-foundry';
  }
  const training = section(root, 'training') ?? section(root, 'train');
  if (has(root, 'parameters', 'params', 'tokens') || has(model, 'parameters', 'params', 'architecture') || has(training, 'tokens')) return 'plain';
  if (has(root, 'hidden_size', 'n_embd', 'num_hidden_layers')) return 'huggingface';
  return 'unknown';
}

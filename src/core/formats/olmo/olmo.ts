import { readOlmo } from './modelReader';
import { COMMON_MODEL_NAME_KEYS, COMMON_TRAINING, has, section, tally, type FrameworkModule } from '../format';

/** Keys of OLMo's `ModelConfig` that llm-foundry's MPT does not write. */
const OLMO_MODEL_KEYS = ['block_type', 'mlp_hidden_size', 'mlp_ratio', 'weight_tying', 'include_bias', 'layer_norm_type', 'embedding_size', 'activation_type'];

/** OLMo (1.x) training YAML: `model.d_model` with OLMo's own model keys, `max_duration` in tokens. */
export const olmo: FrameworkModule = {
  id: 'olmo',
  name: 'OLMo',
  syntaxes: ['yaml'],
  detect: (root) => {
    const model = section(root, 'model');
    return has(model, 'd_model') && tally(model, OLMO_MODEL_KEYS) > 0 ? 8 : 0;
  },
  readArchitecture: (view) => readOlmo(view),
  training: COMMON_TRAINING,
  modelNameKeys: COMMON_MODEL_NAME_KEYS,
};

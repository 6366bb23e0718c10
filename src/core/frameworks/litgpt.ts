import { readLitgptModelConfig } from '../architecture/readers/litgpt';
import { COMMON_MODEL_NAME_KEYS, COMMON_TRAINING, has, section, type FrameworkModule } from './framework';

/** LitGPT YAML: a `model_name` from its catalog, or an inline `model_config`, with a `train:` section. */
export const litgpt: FrameworkModule = {
  id: 'litgpt',
  name: 'LitGPT',
  syntaxes: ['yaml'],
  detect: (root) => (has(root, 'model_config') && section(root, 'train') ? 8 : has(root, 'model_name') ? 6 : 0),
  readArchitecture: (view) => (view.find(['n_embd'], { under: ['model_config'] }) ? readLitgptModelConfig(view) : undefined),
  training: COMMON_TRAINING,
  modelNameKeys: COMMON_MODEL_NAME_KEYS,
};

import { readMpt } from '../architecture/readers/mpt';
import { COMMON_MODEL_NAME_KEYS, COMMON_TRAINING, has, section, type FrameworkModule } from './framework';

/** llm-foundry / Composer YAML: an MPT `model:` with `d_model`, `max_duration` in batches or tokens. */
export const llmFoundry: FrameworkModule = {
  id: 'llm-foundry',
  name: 'llm-foundry / Composer',
  syntaxes: ['yaml'],
  detect: (root) => (has(section(root, 'model'), 'd_model') ? 6 : 0),
  readArchitecture: (view) => readMpt(view),
  training: COMMON_TRAINING,
  modelNameKeys: COMMON_MODEL_NAME_KEYS,
};

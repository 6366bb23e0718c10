import { readLevanter } from '../architecture/readers/levanter';
import { COMMON_MODEL_NAME_KEYS, COMMON_TRAINING, has, section, type FrameworkModule } from './framework';

/** Levanter YAML: `model:` with `hidden_dim`, `trainer:` with `num_train_steps`. */
export const levanter: FrameworkModule = {
  id: 'levanter',
  name: 'Levanter',
  syntaxes: ['yaml'],
  detect: (root) => (has(section(root, 'model'), 'hidden_dim') || has(section(root, 'trainer'), 'num_train_steps') ? 8 : 0),
  readArchitecture: (view) => readLevanter(view),
  training: COMMON_TRAINING,
  modelNameKeys: COMMON_MODEL_NAME_KEYS,
};

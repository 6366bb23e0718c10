import { COMMON_MODEL_NAME_KEYS, COMMON_TRAINING, has, section, type FrameworkModule } from './framework';

/** A plain budget file: `parameters: 70B`, `tokens: 1.4T`, or a model named by `architecture:`. */
export const plain: FrameworkModule = {
  id: 'plain',
  name: 'plain budget',
  syntaxes: ['yaml', 'json'],
  detect: (root) => {
    const model = section(root, 'model');
    const training = section(root, 'training') ?? section(root, 'train');
    return has(root, 'parameters', 'params', 'tokens') || has(model, 'parameters', 'params', 'architecture') || has(training, 'tokens') ? 3 : 0;
  },
  training: COMMON_TRAINING,
  modelNameKeys: COMMON_MODEL_NAME_KEYS,
};

import { COMMON_MODEL_NAME_KEYS, COMMON_TRAINING, has, type FrameworkModule } from './framework';

/** Axolotl YAML: fine-tunes a `base_model` named by its Hub id, for epochs over datasets. */
export const axolotl: FrameworkModule = {
  id: 'axolotl',
  name: 'Axolotl',
  syntaxes: ['yaml'],
  detect: (root) => (has(root, 'base_model') ? 8 : 0),
  training: COMMON_TRAINING,
  modelNameKeys: COMMON_MODEL_NAME_KEYS,
  fineTunes: true,
};

import { readHuggingFace } from './modelReader';
import { COMMON_MODEL_NAME_KEYS, COMMON_TRAINING, has, type FrameworkModule } from '../format';

/** A Hugging Face `config.json`: `model_type` or `architectures` say so; bare common keys hint at it. */
export const huggingface: FrameworkModule = {
  id: 'huggingface',
  name: 'Hugging Face config',
  syntaxes: ['json', 'yaml'],
  detect: (root) => (has(root, 'model_type', 'architectures') ? 7 : has(root, 'hidden_size', 'n_embd', 'num_hidden_layers') ? 2 : 0),
  readArchitecture: (view) => readHuggingFace(view),
  training: COMMON_TRAINING,
  modelNameKeys: COMMON_MODEL_NAME_KEYS,
};

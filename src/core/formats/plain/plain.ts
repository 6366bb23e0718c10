import { readHuggingFace } from '../huggingface/modelReader';
import { COMMON_MODEL_NAME_KEYS, COMMON_TRAINING, has, section, type FrameworkModule } from '../format';

/** Architecture keys a plain budget may state, as Hugging Face spells them. */
const ARCHITECTURE_KEYS = ['hidden_size', 'n_embd', 'num_hidden_layers', 'num_attention_heads'];

/** A plain budget file: `parameters: 70B`, `tokens: 1.4T`, a model named by `architecture:`, its shape in Hugging Face's keys, or `hardware:` (accelerator, count, days or hours, utilisation). */
export const plain: FrameworkModule = {
  id: 'plain',
  name: 'plain budget',
  syntaxes: ['yaml', 'json'],
  detect: (root) => {
    const model = section(root, 'model');
    const training = section(root, 'training') ?? section(root, 'train');
    // A budget may state only hardware and time: the Commission's hardware method needs nothing else.
    return has(root, 'parameters', 'params', 'tokens', 'hardware') || has(model, 'parameters', 'params', 'architecture') || has(training, 'tokens', 'hardware')
      ? 3
      : 0;
  },
  readArchitecture: (view) => (ARCHITECTURE_KEYS.some((key) => view.find([key])) ? readHuggingFace(view) : undefined),
  training: COMMON_TRAINING,
  modelNameKeys: COMMON_MODEL_NAME_KEYS,
};

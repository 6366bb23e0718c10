import { readNeox } from '../architecture/readers/neox';
import { COMMON_MODEL_NAME_KEYS, COMMON_TRAINING, has, type FrameworkModule } from './framework';

const DASHED = /^(num-layers|hidden-size|num-attention-heads|train-iters|seq-length)$/;

/** GPT-NeoX YAML: Megatron's argument names with dashes (`num-layers`), DeepSpeed batch keys. */
export const gptNeox: FrameworkModule = {
  id: 'gpt-neox',
  name: 'GPT-NeoX',
  syntaxes: ['yaml'],
  detect: (root) => (root.entries.some((entry) => DASHED.test(entry.key)) ? 9 : has(root, 'train_micro_batch_size_per_gpu') && has(root, 'num_layers') ? 7 : 0),
  readArchitecture: (view) => readNeox(view),
  training: COMMON_TRAINING,
  modelNameKeys: COMMON_MODEL_NAME_KEYS,
};

import { readLitgptModelConfig } from './modelReader';
import { COMMON_MODEL_NAME_KEYS, COMMON_TRAINING, has, section, type FrameworkModule } from '../format';

/**
 * LitGPT YAML (config_hub/pretrain, config_hub/finetune): a `model_name` from its catalog or an
 * inline `model_config` for pretraining; a `checkpoint_dir` (`checkpoints/<org>/<name>`) holding
 * the model a fine-tune adapts; a `train:` section of `TrainArgs` (litgpt/args.py).
 */
export const litgpt: FrameworkModule = {
  id: 'litgpt',
  name: 'LitGPT',
  syntaxes: ['yaml'],
  detect: (root) => {
    const train = section(root, 'train');
    if (has(root, 'model_config') && train) return 8;
    if (has(root, 'checkpoint_dir') && train && has(train, 'micro_batch_size', 'global_batch_size')) return 8;
    return has(root, 'model_name') ? 6 : 0;
  },
  readArchitecture: (view) => (view.find(['n_embd'], { under: ['model_config'] }) ? readLitgptModelConfig(view) : undefined),
  training: { ...COMMON_TRAINING, stepsUnder: ['train'], sequenceUnder: ['train'] },
  modelNameKeys: ['model_name', 'checkpoint_dir', ...COMMON_MODEL_NAME_KEYS],
};

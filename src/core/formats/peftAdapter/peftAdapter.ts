import { COMMON_TRAINING, has, type FrameworkModule } from '../format';

/**
 * A PEFT `adapter_config.json` (huggingface/peft `PeftConfig.save_pretrained`): the adapter of a
 * base named in `base_model_name_or_path`. It says what trains, not for how long: tokens come from facts.
 */
export const peftAdapter: FrameworkModule = {
  id: 'peft-adapter',
  name: 'PEFT adapter config',
  syntaxes: ['json', 'yaml'],
  detect: (root) => (has(root, 'peft_type') && has(root, 'base_model_name_or_path', 'r', 'target_modules') ? 10 : 0),
  training: { ...COMMON_TRAINING, direct: [], steps: [], epochs: [] },
  modelNameKeys: ['base_model_name_or_path'],
  fineTunes: true,
};

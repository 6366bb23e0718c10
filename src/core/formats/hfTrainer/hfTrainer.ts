import { guessedProgram } from '../../source/shellTree';
import { guessesNeverErrors } from '../shared/guessedMeaning';
import { readTrainerArgs } from '../../training/hfTrainer/trainerArgs';
import { readTrainerTokens } from '../../training/hfTrainer/tokens';
import { COMMON_TRAINING, has, tally, type FrameworkModule } from '../format';

/** Keys only Hugging Face Trainer recipes write (TrainingArguments, TRL configs, the recipe tools' own). */
const TRAINER_KEYS = [
  'per_device_train_batch_size',
  'num_train_epochs',
  'gradient_accumulation_steps',
  'lr_scheduler_type',
  'warmup_ratio',
  'output_dir',
  'max_steps',
  'logging_steps',
  'save_strategy',
];
/** Trainer flags that only a training run sets (not `output_dir`, which conversion scripts write too). */
const LAUNCH_TRAINER_KEYS = ['per_device_train_batch_size', 'num_train_epochs', 'gradient_accumulation_steps', 'max_steps'];
/** Keys that name a recipe tool built on the Trainer: LLaMA-Factory, ms-swift, alignment-handbook, TRL. */
const RECIPE_KEYS = ['stage', 'finetuning_type', 'rlhf_type', 'train_type', 'dataset_mixer', 'use_peft', 'cutoff_len', 'num_generations', 'dataset_name'];

/**
 * A Hugging Face Trainer / TRL recipe (TRL and alignment-handbook YAML, open-instruct, LLaMA-Factory,
 * ms-swift, and the same flags on a launch line): the model is a Hub id in `model_name_or_path` (or `model`), the length is epochs over
 * a dataset or `max_steps`, and the run adapts pretrained weights.
 */
export const hfTrainer: FrameworkModule = {
  id: 'hf-trainer',
  name: 'Hugging Face Trainer / TRL recipe',
  // Launch lines too: `accelerate launch train.py --model_name_or_path … --per_device_train_batch_size …`, `swift sft --model …`.
  syntaxes: ['yaml', 'json', 'shell'],
  detect: (root) => {
    const model = has(root, 'model_name_or_path', 'model', 'model_id', 'model_id_or_path');
    if (!model) return 0;
    const trainer = tally(root, TRAINER_KEYS);
    const recipe = tally(root, RECIPE_KEYS);
    if (recipe > 0 && trainer > 0) return 9;
    if (trainer >= 2) return 6;
    // On a launch line a model flag and one Trainer flag are enough (`uv run grpo_fast.py --model_name_or_path …
    // --per_device_train_batch_size 1`): no other program writes TrainingArguments' names.
    return guessedProgram(root) && tally(root, LAUNCH_TRAINER_KEYS) >= 1 ? 5 : 0;
  },
  training: { ...COMMON_TRAINING, sequence: ['max_seq_length', 'max_length', 'cutoff_len', ...COMMON_TRAINING.sequence] },
  readTokens: (view, context) => {
    const tokens = readTrainerTokens(view, readTrainerArgs(view), context.facts, context.findings);
    // On a launch line the program is known by its flags only (a quantisation script's `--num_train_epochs 0`).
    if (guessedProgram(view.root)) guessesNeverErrors(view.findings, 'flag of a launch line, read by its name');
    return tokens;
  },
  modelNameKeys: ['model_name_or_path', 'model', 'model_id', 'model_id_or_path', 'base_model', 'pretrained_model_name_or_path'],
  fineTunes: true,
};

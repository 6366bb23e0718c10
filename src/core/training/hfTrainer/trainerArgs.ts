import type { Fact } from '../../source/fact';
import type { ConfigView, Located } from '../../source/view';
import { readTrainerType, type TrainerChoice } from './trainerType';

/**
 * The Hugging Face Trainer / TRL argument set (transformers' TrainingArguments and TRL's configs),
 * as TRL, alignment-handbook, open-instruct, LLaMA-Factory, ms-swift and Axolotl recipes write it.
 * Read once here so every format, and other readers (memory per accelerator), share one meaning.
 */
export interface TrainerArgs {
  readonly trainer?: TrainerChoice;
  /** What trains when no adapter is declared: GaLore and freeze tuning are named here; otherwise every weight. */
  readonly method?: 'galore' | 'freeze' | 'full';
  /** `max_steps` when positive; −1 (transformers' default) and 0 mean "train by epochs". */
  readonly maxSteps?: Fact;
  readonly epochs?: Fact;
  readonly perDeviceBatch?: Fact;
  readonly accumulation?: Fact;
  /** The longest sequence: `max_seq_length`, `max_length`, `cutoff_len`, `sequence_len`. */
  readonly sequence?: Fact;
  readonly packing?: boolean;
  readonly gradientCheckpointing?: boolean;
  readonly deepspeed?: string;
  readonly optim?: string;
  /** Share of the dataset held out for evaluation (`val_size`, `val_set_size`, `split_ratio`), 0…1. */
  readonly heldOut?: Fact;
  /** DPO: reference log-probs computed once before training (`precompute_ref_log_probs`). */
  readonly precomputeReference?: boolean;
  /** GRPO/RLOO: completions sampled per prompt; PPO/GRPO: policy updates per batch of rollouts. */
  readonly generationsPerPrompt?: Fact;
  readonly updatesPerRollout?: Fact;
  readonly maxPromptLength?: Fact;
  readonly maxCompletionLength?: Fact;
  /** GRPO's KL coefficient: 0 loads no reference model. */
  readonly klBeta?: number;
  /** A reward model named for PPO/GRPO/RLOO, and a teacher for distillation. */
  readonly rewardModel?: string;
  readonly teacherModel?: string;
  /** The key that makes the run start from random weights (`reinit_weights`, `from_scratch`): then it is pretraining. */
  readonly reinitialises?: Located;
}

export const SEQUENCE_KEYS = ['max_seq_length', 'max_length', 'cutoff_len', 'sequence_len', 'max_seq_len', 'seq_length', 'max_len'];
export const EPOCH_KEYS = ['num_train_epochs', 'num_epochs', 'epochs'];
export const MICRO_BATCH_KEYS = ['per_device_train_batch_size', 'micro_batch_size', 'train_micro_batch_size_per_gpu', 'batch_size'];
export const ACCUMULATION_KEYS = ['gradient_accumulation_steps', 'gradient_accumulation_iters', 'accumulate_grad_batches'];
export const HELD_OUT_KEYS = ['val_size', 'val_set_size', 'split_ratio', 'dataset_test_split_ratio'];

/** `fileName`, when known, lets the recipe's path name its trainer (`orpo/config_full.yaml`). */
export function readTrainerArgs(view: ConfigView, fileName?: string): TrainerArgs {
  const text = (names: readonly string[]) => view.text(view.find(names))?.trim();
  const flag = (names: readonly string[]) => view.flag(view.find(names));
  const stepsKey = view.find(['max_steps']);
  // Read as text first: −1 is the Trainer's "no step limit", not a negative count to report.
  const stepsText = view.text(stepsKey)?.trim();
  const byEpochs = stepsText !== undefined && /^(-1|0|-1\.0|none|null)$/i.test(stepsText);
  const maxSteps = stepsKey && !byEpochs ? view.count(stepsKey, 'a number of steps', { integer: true, positive: true }) : undefined;
  const betaText = text(['beta']);
  const reinit = view.find(['reinit_weights', 'from_scratch', 'train_from_scratch']);
  const finetuning = text(['finetuning_type', 'train_type', 'tuner_type'])?.toLowerCase();
  const galore = flag(['use_galore']) === true || /^galore/i.test(text(['optim', 'optimizer']) ?? '');
  return {
    trainer: readTrainerType(view, fileName),
    method: galore ? 'galore' : finetuning === 'freeze' ? 'freeze' : finetuning === 'full' ? 'full' : undefined,
    maxSteps,
    epochs: view.count(view.find(EPOCH_KEYS), 'a number of epochs', { positive: true }),
    perDeviceBatch: view.count(view.find(MICRO_BATCH_KEYS), 'a per-device batch size', { integer: true, positive: true }),
    accumulation: view.count(view.find(ACCUMULATION_KEYS), 'a number of accumulation steps', { integer: true, positive: true }),
    sequence: view.count(view.find(SEQUENCE_KEYS), 'a sequence length', { integer: true, positive: true }),
    packing: flag(['packing', 'sample_packing', 'neat_packing']),
    gradientCheckpointing: flag(['gradient_checkpointing']),
    deepspeed: text(['deepspeed']),
    optim: text(['optim', 'optimizer']),
    heldOut: heldOut(view),
    precomputeReference: flag(['precompute_ref_log_probs']),
    generationsPerPrompt: view.count(view.find(['num_generations', 'rloo_k', 'num_sample_generations_per_prompt']), 'a number of generations', {
      integer: true,
      positive: true,
    }),
    updatesPerRollout: view.count(view.find(['num_iterations', 'num_ppo_epochs', 'ppo_epochs']), 'a number of updates', { integer: true, positive: true }),
    maxPromptLength: view.count(view.find(['max_prompt_length']), 'a prompt length', { integer: true, positive: true }),
    maxCompletionLength: view.count(view.find(['max_completion_length', 'response_length', 'max_new_tokens']), 'a completion length', {
      integer: true,
      positive: true,
    }),
    klBeta: betaText !== undefined && Number.isFinite(Number(betaText)) ? Number(betaText) : undefined,
    rewardModel: text(['reward_model_path', 'reward_model_name_or_path', 'reward_model']),
    teacherModel: text(['teacher_model_name_or_path', 'teacher_model', 'teacher_model_path']),
    reinitialises: reinit && view.flag(reinit) === true ? reinit : undefined,
  };
}

/** A held-out share: a fraction below one (a count of rows is not a share, and is left out). */
function heldOut(view: ConfigView): Fact | undefined {
  const located = view.find(HELD_OUT_KEYS);
  const value = view.count(located, 'a validation share', {});
  return value && value.value > 0 && value.value < 1 ? value : undefined;
}

import { launchedProgram } from '../../source/shellTree';
import type { Span } from '../../source/tree';
import { dotted, printable, spanOfEntry, type ConfigView } from '../../source/view';

/** What a post-training run optimises, which fixes the compute it spends per token. */
export type TrainerType = 'sft' | 'dpo' | 'orpo' | 'kto' | 'simpo' | 'reward' | 'ppo' | 'grpo' | 'rloo' | 'distillation' | 'continued-pretraining';

export const TRAINER_TYPES: readonly TrainerType[] = [
  'sft',
  'dpo',
  'orpo',
  'kto',
  'simpo',
  'reward',
  'ppo',
  'grpo',
  'rloo',
  'distillation',
  'continued-pretraining',
];

export interface TrainerChoice {
  readonly type: TrainerType;
  /** Why this type: "stage: dpo", "num_generations (a GRPOConfig key)", "no preference or RL key: supervised". */
  readonly because: string;
  readonly span?: Span;
}

/**
 * The names frameworks give their trainers. LLaMA-Factory's `stage` (pt, sft, rm, ppo, dpo, kto;
 * src/llamafactory/hparams/finetuning_args.py), ms-swift's `rlhf_type`, Axolotl's `rl`, open-instruct's
 * and TRL's script names. DPO variants that keep DPO's reference model (IPO, cDPO, RSO, APO) are DPO here.
 */
const NAMES: Readonly<Record<string, TrainerType>> = {
  pt: 'continued-pretraining',
  pretrain: 'continued-pretraining',
  pretraining: 'continued-pretraining',
  'continued-pretraining': 'continued-pretraining',
  cpt: 'continued-pretraining',
  sft: 'sft',
  rm: 'reward',
  reward: 'reward',
  reward_modeling: 'reward',
  ppo: 'ppo',
  dpo: 'dpo',
  ipo: 'dpo',
  cdpo: 'dpo',
  rso: 'dpo',
  apo: 'dpo',
  sigmoid: 'dpo',
  hinge: 'dpo',
  // open-instruct's `loss_type` (dpo, dpo_norm, wpo; open_instruct/dpo_utils.py) and TRL's DPOConfig
  // `loss_type` values that keep the reference model (trl/trainer/dpo_config.py).
  dpo_norm: 'dpo',
  wpo: 'dpo',
  robust: 'dpo',
  exo_pair: 'dpo',
  nca_pair: 'dpo',
  bco_pair: 'dpo',
  sppo_hard: 'dpo',
  aot: 'dpo',
  aot_pair: 'dpo',
  discopop: 'dpo',
  // KTOConfig's unpaired APO loss keeps KTO's trainer.
  apo_zero_unpaired: 'kto',
  apo_zero: 'dpo',
  apo_down: 'dpo',
  orpo: 'orpo',
  simpo: 'simpo',
  cpo: 'simpo',
  kto: 'kto',
  grpo: 'grpo',
  dapo: 'grpo',
  gspo: 'grpo',
  rloo: 'rloo',
  gkd: 'distillation',
  kd: 'distillation',
  distill: 'distillation',
  distillation: 'distillation',
};

/**
 * Keys that name the trainer outright, most specific first. A loss (`loss_type: dpo_norm`,
 * open-instruct's and TRL's) names its trainer only when it is a name above: SFT's `nll` or
 * GRPO's `bnpo` are not, and the trainer is then told by its other arguments.
 */
const NAMING_KEYS = ['trainer_class', 'rlhf_type', 'rl', 'stage', 'trainer_type', 'training_type', 'algorithm', 'dpo_loss_type', 'loss_type'];

/**
 * Keys only one trainer's arguments have, in the order they are tested. At
 * huggingface/trl@f2cd57710ae345ea6428ae95363267fcf38a3dc8 `beta` is an argument of DPOConfig, KTOConfig,
 * ORPOConfig, CPOConfig, BCOConfig, GKDConfig, GRPOConfig and RLOOConfig, and `precompute_ref_log_probs` of
 * DPO's, KTO's and BCO's (trl/trainer/<name>_config.py, trl/experimental/<name>/<name>_config.py);
 * `max_prompt_length` was ORPO's, KTO's and CPO's as well as DPO's. None of them names a trainer:
 * they are `SHARED` below.
 */
const SIGNATURES: readonly (readonly [TrainerType, readonly string[]])[] = [
  ['distillation', ['teacher_model_name_or_path', 'teacher_model', 'teacher_model_path']],
  ['rloo', ['rloo_k']],
  ['grpo', ['num_generations']],
  ['ppo', ['num_ppo_epochs', 'ppo_epochs', 'vf_coef', 'value_model_path', 'critic_model']],
  ['kto', ['desirable_weight', 'undesirable_weight']],
  ['simpo', ['simpo_gamma', 'gamma_beta_ratio']],
  ['orpo', ['orpo_alpha']],
  ['dpo', ['dpo_beta', 'dpo_loss_type', 'ref_model', 'rpo_alpha', 'reference_free']],
];

/**
 * Arguments of several preference trainers. Left after the keys, the trainer class and the recipe's
 * path, they are read as DPO's, the most common (open-instruct's `--beta 5` beside `--max_seq_length`,
 * which SFT also has), and the reason says the trainer was not named.
 */
const SHARED = ['beta', 'max_prompt_length', 'precompute_ref_log_probs'];

const SFT_KEYS = ['packing', 'dataset_text_field', 'max_seq_length', 'completion_only_loss', 'assistant_only_loss'];

/** Trainer names a recipe's path can carry (`recipes/zephyr-141b-A35b/orpo/config_full.yaml`, `llama3_lora_kto.yaml`). */
const PATH_NAMES = new Set(['sft', 'dpo', 'ipo', 'orpo', 'simpo', 'cpo', 'kto', 'grpo', 'rloo', 'ppo', 'gkd', 'distill', 'reward']);

/** The one trainer the path names; none when it names none or several (`mistral-sft-then-dpo.yaml`). */
function namedByPath(fileName: string | undefined): { type: TrainerType; word: string } | undefined {
  const words = [...new Set((fileName ?? '').toLowerCase().split(/[\\/_.\-\s]+/))].filter((word) => PATH_NAMES.has(word));
  const types = new Set(words.map((word) => NAMES[word]));
  return types.size === 1 ? { type: NAMES[words[0]], word: words[0] } : undefined;
}

/**
 * The trainer a recipe runs, decided by what names it first: a naming key (`stage`, `rlhf_type`, a
 * script's trainer class, a loss), then an argument only one trainer has, then the recipe's path,
 * then an argument several preference trainers share. Undefined when nothing in the file says it is
 * post-training, so a pretraining config is never read as one.
 */
export function readTrainerType(view: ConfigView, fileName?: string): TrainerChoice | undefined {
  for (const key of NAMING_KEYS) {
    const located = view.find([key]);
    const written = view.text(located)?.trim();
    // A script's trainer class names its trainer: `KTOTrainer`, `GRPOConfig` (trl/trainer/__init__.py).
    const name = key === 'trainer_class' ? written?.replace(/(Trainer|Config|TrainingArguments)$/, '').toLowerCase() : written?.toLowerCase();
    if (!located || !name || !Object.hasOwn(NAMES, name)) continue;
    const because = key === 'trainer_class' ? `${written!.slice(0, 40)}, the script's trainer` : `${dotted(located)}: ${name.slice(0, 30)}`;
    return { type: refined(view, NAMES[name]), because, span: spanOfEntry(located.entry) };
  }
  const program = programTrainer(view);
  if (program) return program;
  for (const [type, keys] of SIGNATURES) {
    const located = view.find(keys);
    if (located)
      return { type: refined(view, type), because: `${dotted(located)} (a ${type.toUpperCase()} trainer argument)`, span: spanOfEntry(located.entry) };
  }
  // Axolotl's `reward_model: true` / `process_reward_model: true` train a reward model
  // (axolotl-ai-cloud/axolotl@067b021c8b87a9e5e380b9173c704cf7340e30f5:src/axolotl/utils/schemas/config.py); a
  // `reward_model` naming a model (a PPO or GRPO run's scorer) is a string and is not this.
  const reward = view.find(['reward_model', 'process_reward_model']);
  if (reward && view.flag(reward) === true)
    return { type: 'reward', because: `${dotted(reward)}: true (trains a reward model)`, span: spanOfEntry(reward.entry) };
  const shared = view.find(SHARED);
  const sft = view.find(SFT_KEYS);
  const byPath = namedByPath(fileName);
  // The path decides only for a file that trains after pretraining: a preference or SFT argument is in it.
  if (byPath && (shared || sft))
    return { type: refined(view, byPath.type), because: `the recipe's path names it ("${byPath.word}")`, span: spanOfEntry((shared ?? sft)!.entry) };
  if (shared)
    return {
      type: refined(view, 'dpo'),
      because: `${dotted(shared)}, which DPO, KTO, ORPO and CPO share: read as DPO's, since nothing names the trainer`,
      span: spanOfEntry(shared.entry),
    };
  if (sft) return { type: 'sft', because: `${dotted(sft)} (an SFTConfig argument)`, span: spanOfEntry(sft.entry) };
  return undefined;
}

/**
 * Words of a launched script's name that name its trainer: open-instruct's `grpo_fast.py` and
 * `dpo_tune_cache.py`, TRL's `trl/scripts/dpo.py`, `sft.py`, `reward_modeling.py`. Only names
 * no other word uses (`pt`, `rm`, `kd` are left to the keys).
 */
const PROGRAM_WORDS = new Set(['sft', 'dpo', 'orpo', 'simpo', 'cpo', 'kto', 'grpo', 'dapo', 'gspo', 'rloo', 'ppo', 'reward', 'gkd', 'distill', 'distillation']);

function programTrainer(view: ConfigView): TrainerChoice | undefined {
  const program = launchedProgram(view.root);
  const base = program?.replace(/^.*\//, '').replace(/\.py$/, '');
  const word = base
    ?.toLowerCase()
    .split(/[^a-z]+/)
    .find((part) => PROGRAM_WORDS.has(part));
  return word && program ? { type: refined(view, NAMES[word]), because: `the program ${printable(program, 60)}` } : undefined;
}

/** A DPO run with another loss: LLaMA-Factory's `pref_loss`, open-instruct's `dpo_loss_type`, TRL's `loss_type` (ORPO and SimPO have no reference). */
function refined(view: ConfigView, type: TrainerType): TrainerType {
  if (type !== 'dpo') return type;
  const loss = view
    .text(view.find(['pref_loss', 'dpo_loss_type', 'loss_type']))
    ?.trim()
    .toLowerCase();
  return loss && Object.hasOwn(NAMES, loss) && (NAMES[loss] === 'orpo' || NAMES[loss] === 'simpo') ? NAMES[loss] : type;
}

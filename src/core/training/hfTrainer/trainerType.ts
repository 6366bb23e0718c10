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
const NAMING_KEYS = ['rlhf_type', 'rl', 'stage', 'trainer_type', 'training_type', 'algorithm', 'dpo_loss_type', 'loss_type'];

/** Keys only one trainer's arguments have (TRL's configs), in the order they are tested. */
const SIGNATURES: readonly (readonly [TrainerType, readonly string[]])[] = [
  ['distillation', ['teacher_model_name_or_path', 'teacher_model', 'teacher_model_path']],
  ['rloo', ['rloo_k']],
  ['grpo', ['num_generations']],
  ['ppo', ['num_ppo_epochs', 'ppo_epochs', 'vf_coef', 'value_model_path', 'critic_model']],
  ['kto', ['desirable_weight', 'undesirable_weight']],
  ['simpo', ['simpo_gamma', 'gamma_beta_ratio']],
  ['orpo', ['orpo_alpha']],
  ['dpo', ['dpo_beta', 'dpo_loss_type', 'precompute_ref_log_probs', 'ref_model', 'max_prompt_length', 'rpo_alpha', 'reference_free']],
  // The KL weight of a preference loss: GRPO's, KTO's, ORPO's and SimPO's runs are told by their own keys above,
  // so a `beta` left here is DPO's (open-instruct's `--beta 5` beside `--max_seq_length`, which SFT also has).
  ['dpo', ['beta']],
];

/**
 * The trainer a recipe runs. Undefined when nothing in the file says it is post-training, so a
 * pretraining config is never read as one.
 */
export function readTrainerType(view: ConfigView): TrainerChoice | undefined {
  for (const key of NAMING_KEYS) {
    const located = view.find([key]);
    const name = view.text(located)?.trim().toLowerCase();
    if (!located || !name || !Object.hasOwn(NAMES, name)) continue;
    return { type: refined(view, NAMES[name]), because: `${dotted(located)}: ${name.slice(0, 30)}`, span: spanOfEntry(located.entry) };
  }
  const program = programTrainer(view);
  if (program) return program;
  for (const [type, keys] of SIGNATURES) {
    const located = view.find(keys);
    if (located)
      return { type: refined(view, type), because: `${dotted(located)} (a ${type.toUpperCase()} trainer argument)`, span: spanOfEntry(located.entry) };
  }
  const packing = view.find(['packing', 'dataset_text_field', 'max_seq_length', 'completion_only_loss', 'assistant_only_loss']);
  if (packing) return { type: 'sft', because: `${dotted(packing)} (an SFTConfig argument)`, span: spanOfEntry(packing.entry) };
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

import type { TrainerArgs } from './trainerArgs';
import type { TrainerType } from './trainerType';

/**
 * Training compute per token of a post-training run, term by term. D is the tokens the trainer
 * feeds its policy: for preference trainers prompt + chosen and prompt + rejected, for RL trainers
 * the rollouts' prompt + completion tokens. Each term is a multiple of N (the policy's active
 * parameters) per token, so C = Σ terms × D.
 *
 * Sources: 2·N forward, 4·N backward per token (Kaplan et al. 2020, "Scaling Laws for Neural
 * Language Models", §2.1). Adapters: frozen weights pass gradients back to the activations (2·N)
 * but get none of their own, so a step costs 4·N + 2·N_trainable (Hu et al. 2021, LoRA §4.2;
 * Dettmers et al. 2023, QLoRA). DPO runs the policy and a frozen reference on chosen and rejected
 * (Rafailov et al. 2023; huggingface/trl@9d58faa767ee18f52217b32b82d75807c8ce404a:trl/trainer/dpo_trainer.py).
 * ORPO and SimPO have no reference model (Hong et al. 2024; Meng et al. 2024). KTO runs the
 * policy without gradients on a mismatched "KL" batch and the reference on both batches
 * (Ethayarajh et al. 2024; huggingface/trl@b12c2cf006effb32a3408d0ad61dbc8ef7d75119:trl/trainer/kto_trainer.py).
 * GRPO samples completions, scores them and updates the policy num_iterations times, with a
 * reference forward when beta ≠ 0 (Shao et al. 2024, DeepSeekMath §4;
 * huggingface/trl@f4ff4c6ac658ad4a81cbb9a5da62870315b35533:trl/trainer/grpo_config.py).
 * PPO adds a value model trained beside the policy (Ouyang et al. 2022; TRL PPOConfig num_ppo_epochs = 4).
 * RLOO drops the value model (Ahmadian et al. 2024). Distillation adds the teacher's forward (Hinton et al. 2015).
 */
export interface TrainerTerm {
  /** What runs: "policy forward + backward", "reference forward". */
  readonly what: string;
  /** FLOP per token of D. */
  readonly perToken: number;
  /** The term written out: "4·N + 2·N_trainable", "2·N". */
  readonly formula: string;
}

export interface TrainerCompute {
  readonly trainer: TrainerType;
  /** FLOP per token of D; null when a model it needs (teacher) is unknown. */
  readonly perToken: number | null;
  readonly terms: readonly TrainerTerm[];
  /** The whole formula: "(4·N + 2·N_trainable) + 2·N (reference)". */
  readonly formula: string;
  /** What the count assumes or leaves out, in words. */
  readonly notes: readonly string[];
  /** What is missing for a figure ("the teacher's parameters"). */
  readonly needs?: string;
}

export interface TrainerModels {
  /** The policy's active parameters. */
  readonly parameters: number;
  /** Parameters that get gradients: the adapters', or all of them (full fine-tune). */
  readonly trainable: number;
  readonly adapter: boolean;
  readonly quantised?: boolean;
  /** Parameters of the teacher (distillation) and of a reward model, when known. */
  readonly teacher?: number;
}

/** C for D tokens: `6·N·D`, `(4·N + 2·N_trainable + 2·N)·D`; brackets only around a sum. */
export function perRun(formula: string, times = '·'): string {
  return formula.includes('+') ? `(${formula})${times}D` : `${formula}${times}D`;
}

/** TRL's PPOConfig/RLOOConfig num_ppo_epochs and GRPOConfig num_iterations defaults. */
const DEFAULT_UPDATES: Partial<Record<TrainerType, number>> = { ppo: 4, rloo: 4, grpo: 1 };
/** GRPOConfig.beta at the cited commit: a reference model runs unless beta is 0. */
const GRPO_DEFAULT_BETA = 0.04;

export function trainerCompute(trainer: TrainerType, models: TrainerModels, args: TrainerArgs): TrainerCompute {
  const N = models.parameters;
  const train = models.adapter ? 4 * N + 2 * models.trainable : 6 * N;
  const trainFormula = models.adapter ? '4·N + 2·N_trainable' : '6·N';
  const terms: TrainerTerm[] = [];
  const notes: string[] = [];
  const forward = (what: string) => terms.push({ what, perToken: 2 * N, formula: '2·N' });
  if (models.quantised)
    notes.push('QLoRA dequantises the 4-bit weights before each matrix multiply: memory traffic, not multiply-adds, so it adds no FLOP here');
  const updates = args.updatesPerRollout?.value ?? DEFAULT_UPDATES[trainer] ?? 1;
  switch (trainer) {
    case 'sft':
    case 'continued-pretraining':
    case 'orpo':
    case 'simpo':
    case 'reward':
      terms.push({
        what: trainer === 'reward' ? 'reward model forward + backward on chosen and rejected' : 'policy forward + backward',
        perToken: train,
        formula: trainFormula,
      });
      if (trainer === 'orpo' || trainer === 'simpo') notes.push(`${trainer.toUpperCase()} has no reference model`);
      break;
    case 'dpo': {
      terms.push({ what: 'policy forward + backward on chosen and rejected', perToken: train, formula: trainFormula });
      const epochs = args.epochs?.value ?? 1;
      if (args.precomputeReference && epochs > 1) {
        terms.push({
          what: 'reference forward, once before training (precompute_ref_log_probs)',
          perToken: (2 * N) / epochs,
          formula: `2·N ÷ ${epochs} epochs`,
        });
      } else forward(args.precomputeReference ? 'reference forward, once before training (precompute_ref_log_probs)' : 'reference forward');
      break;
    }
    case 'kto':
      terms.push({ what: 'policy forward + backward', perToken: train, formula: trainFormula });
      forward('policy forward on the mismatched KL batch (no gradient)');
      terms.push({ what: 'reference forward on the batch and the KL batch', perToken: 4 * N, formula: '4·N' });
      break;
    case 'grpo':
    case 'rloo':
    case 'ppo': {
      forward('rollout generation (prompt prefill and each sampled token)');
      const oldPolicy = trainer !== 'grpo' || updates > 1;
      if (oldPolicy) forward('policy log-probs of the rollouts');
      const beta = args.klBeta ?? (trainer === 'grpo' ? GRPO_DEFAULT_BETA : undefined);
      if (trainer !== 'grpo' || beta !== 0) forward('reference forward (KL penalty)');
      else notes.push('beta = 0: no reference model runs');
      if (trainer !== 'grpo' || args.rewardModel) {
        forward('reward model forward');
        notes.push("the reward model is counted at the policy's size");
      } else notes.push('rewards from functions (no reward model) cost no model FLOP here');
      if (trainer === 'ppo') {
        forward('value model forward');
        notes.push("the value model is counted at the policy's size and fully trained");
      }
      terms.push({ what: `policy update × ${updates}`, perToken: updates * train, formula: updates === 1 ? trainFormula : `${updates} × (${trainFormula})` });
      if (trainer === 'ppo') terms.push({ what: `value model update × ${updates}`, perToken: updates * 6 * N, formula: `${updates} × 6·N` });
      break;
    }
    case 'distillation':
      terms.push({ what: 'student forward + backward', perToken: train, formula: trainFormula });
      if (models.teacher === undefined) {
        return { trainer, perToken: null, terms, formula: `${trainFormula} + 2·N_teacher`, notes, needs: "the teacher's parameters" };
      }
      terms.push({ what: 'teacher forward', perToken: 2 * models.teacher, formula: '2·N_teacher' });
      break;
  }
  const perToken = terms.reduce((sum, term) => sum + term.perToken, 0);
  return {
    trainer,
    perToken,
    terms,
    formula: terms.map((term) => (terms.length > 1 && term.formula.includes('+') ? `(${term.formula})` : term.formula)).join(' + '),
    notes,
  };
}

import * as assert from 'node:assert/strict';
import { parseSource } from '../../../../src/core/source/syntax';
import { ConfigView } from '../../../../src/core/source/view';
import { readTrainerType } from '../../../../src/core/training/hfTrainer/trainerType';

const typeOf = (yaml: string) => readTrainerType(new ConfigView(parseSource(yaml, 'yaml').root))?.type;

describe('the trainer a recipe runs', () => {
  it('reads LLaMA-Factory’s stage, with ORPO and SimPO run through stage dpo and pref_loss', () => {
    assert.equal(typeOf('stage: sft\n'), 'sft');
    assert.equal(typeOf('stage: dpo\npref_loss: sigmoid\n'), 'dpo');
    assert.equal(typeOf('stage: dpo\npref_loss: orpo\n'), 'orpo');
    assert.equal(typeOf('stage: dpo\npref_loss: simpo\n'), 'simpo');
    assert.equal(typeOf('stage: kto\n'), 'kto');
    assert.equal(typeOf('stage: rm\n'), 'reward');
    assert.equal(typeOf('stage: ppo\n'), 'ppo');
    assert.equal(typeOf('stage: pt\n'), 'continued-pretraining');
  });

  it('reads ms-swift’s rlhf_type and Axolotl’s rl', () => {
    assert.equal(typeOf('rlhf_type: grpo\n'), 'grpo');
    assert.equal(typeOf('rlhf_type: kto\n'), 'kto');
    assert.equal(typeOf('rl: dpo\n'), 'dpo');
    assert.equal(typeOf('rl: ipo\n'), 'dpo');
  });

  it('recognises TRL configs by the arguments only one trainer has', () => {
    assert.equal(typeOf('num_generations: 16\nmax_prompt_length: 512\n'), 'grpo');
    assert.equal(typeOf('rloo_k: 4\n'), 'rloo');
    assert.equal(typeOf('desirable_weight: 1.0\n'), 'kto');
    assert.equal(typeOf('beta: 0.01\nmax_prompt_length: 512\n'), 'dpo');
    // open-instruct's DPO script run with its SimPO loss.
    assert.equal(typeOf('dpo_loss_type: simpo\ndpo_beta: 10\n'), 'simpo');
    assert.equal(typeOf('teacher_model_name_or_path: Qwen/Qwen2.5-7B\n'), 'distillation');
    assert.equal(typeOf('packing: true\nmax_seq_length: 2048\n'), 'sft');
  });

  it('reads open-instruct’s DPO by its loss or its beta, not as SFT by the max_seq_length both have', () => {
    assert.equal(typeOf('loss_type: dpo_norm\nbeta: 5\nmax_seq_length: 2048\n'), 'dpo');
    assert.equal(typeOf('beta: 5\nmax_seq_length: 2048\n'), 'dpo');
    assert.equal(typeOf('loss_type: simpo\nbeta: 2\nmax_seq_length: 2048\n'), 'simpo');
    // A loss that names no trainer leaves the decision to the other keys.
    assert.equal(typeOf('loss_type: nll\nmax_seq_length: 2048\n'), 'sft');
    assert.equal(typeOf('loss_type: bnpo\nnum_generations: 8\nbeta: 0.04\n'), 'grpo');
  });

  it('never makes a KTO, ORPO or CPO recipe DPO by a beta they all have: the trainer class, a key only one has, or the path decides first', () => {
    const view = (yaml: string) => new ConfigView(parseSource(yaml, 'yaml').root);
    // beta, max_prompt_length and precompute_ref_log_probs are DPOConfig's, KTOConfig's, ORPOConfig's and CPOConfig's.
    const orpo = readTrainerType(view('beta: 0.05\nmax_length: 2048\nmax_prompt_length: 1792\n'), 'recipes/zephyr-141b-A35b/orpo/config_full.yaml');
    assert.equal(orpo?.type, 'orpo');
    assert.match(orpo!.because, /path names it \("orpo"\)/);
    assert.equal(readTrainerType(view('beta: 0.1\nprecompute_ref_log_probs: true\n'), 'examples/train_lora/llama3_lora_kto.yaml')?.type, 'kto');
    assert.equal(readTrainerType(view('trainer_class: KTOTrainer\nbeta: 0.1\nmax_prompt_length: 512\n'))?.type, 'kto');
    assert.equal(readTrainerType(view('trainer_class: CPOConfig\nbeta: 0.1\n'))?.type, 'simpo');
    assert.equal(typeOf('beta: 0.1\ndesirable_weight: 1.33\n'), 'kto');
    assert.equal(typeOf('beta: 0.1\nloss_type: apo_zero_unpaired\n'), 'kto');
    // A path naming two trainers names none; nothing else named, the shared beta is read as DPO's and the reason says so.
    const unnamed = readTrainerType(view('beta: 0.1\n'), 'mistral-sft-then-dpo.yaml');
    assert.equal(unnamed?.type, 'dpo');
    assert.match(unnamed!.because, /DPO, KTO, ORPO and CPO share: read as DPO's, since nothing names the trainer/);
    // A path alone (no post-training argument) makes no pretraining config a fine-tune.
    assert.equal(readTrainerType(view('hidden_size: 4096\n'), 'configs/dpo/model.yaml'), undefined);
  });

  it('reads Axolotl’s reward_model: true as reward modelling, and a reward model a run names as no trainer of its own', () => {
    assert.equal(typeOf('reward_model: true\nsequence_len: 2048\n'), 'reward');
    assert.equal(typeOf('process_reward_model: true\n'), 'reward');
    assert.equal(typeOf('reward_model: some/rm\nnum_generations: 8\n'), 'grpo');
    assert.equal(typeOf('reward_model: false\nmax_seq_length: 2048\n'), 'sft');
  });

  it('says nothing for a file without a post-training key', () => {
    assert.equal(typeOf('hidden_size: 4096\nnum_layers: 32\n'), undefined);
  });
});

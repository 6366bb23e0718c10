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

  it('says nothing for a file without a post-training key', () => {
    assert.equal(typeOf('hidden_size: 4096\nnum_layers: 32\n'), undefined);
  });
});

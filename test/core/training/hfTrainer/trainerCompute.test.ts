import * as assert from 'node:assert/strict';
import type { TrainerArgs } from '../../../../src/core/training/hfTrainer/trainerArgs';
import { trainerCompute, type TrainerModels } from '../../../../src/core/training/hfTrainer/trainerCompute';
import { fact } from '../../../../src/core/source/fact';

// A 1B-parameter policy; a LoRA with 10M trainable parameters.
const N = 1e9;
const full: TrainerModels = { parameters: N, trainable: N, adapter: false };
const lora: TrainerModels = { parameters: N, trainable: 1e7, adapter: true };
const none: TrainerArgs = {};

describe('each trainer’s compute per token', () => {
  it('SFT: 6·N full, 4·N + 2·N_trainable with adapters', () => {
    assert.equal(trainerCompute('sft', full, none).perToken, 6e9);
    assert.equal(trainerCompute('sft', lora, none).perToken, 4e9 + 2e7);
  });

  it('SFT with QLoRA notes the dequantisation and counts no FLOP for it', () => {
    const result = trainerCompute('sft', { ...lora, quantised: true }, none);
    assert.equal(result.perToken, 4e9 + 2e7);
    assert.match(result.notes.join(' '), /dequantises/);
  });

  it('DPO: the policy on chosen and rejected plus 2·N for the reference forward', () => {
    assert.equal(trainerCompute('dpo', full, none).perToken, 6e9 + 2e9);
    assert.equal(trainerCompute('dpo', lora, none).perToken, 4e9 + 2e7 + 2e9);
  });

  it('DPO with precomputed reference log-probs runs the reference once, not once per epoch', () => {
    const args: TrainerArgs = { precomputeReference: true, epochs: fact(4, 'config') };
    assert.equal(trainerCompute('dpo', full, args).perToken, 6e9 + 2e9 / 4);
  });

  it('ORPO, SimPO and reward modelling have no reference model', () => {
    for (const trainer of ['orpo', 'simpo', 'reward'] as const) assert.equal(trainerCompute(trainer, full, none).perToken, 6e9, trainer);
  });

  it('KTO: the policy, its forward on the KL batch, and the reference on both batches', () => {
    assert.equal(trainerCompute('kto', full, none).perToken, 6e9 + 2e9 + 4e9);
  });

  it('GRPO with TRL’s defaults: generation, reference (beta 0.04), one policy update', () => {
    assert.equal(trainerCompute('grpo', full, none).perToken, 2e9 + 2e9 + 6e9);
  });

  it('GRPO with beta 0 and two iterations: no reference, the old policy’s log-probs, two updates', () => {
    const args: TrainerArgs = { klBeta: 0, updatesPerRollout: fact(2, 'config') };
    assert.equal(trainerCompute('grpo', full, args).perToken, 2e9 + 2e9 + 2 * 6e9);
  });

  it('GRPO with a reward model counts its forward', () => {
    assert.equal(trainerCompute('grpo', full, { rewardModel: 'org/rm' }).perToken, 2e9 + 2e9 + 2e9 + 6e9);
  });

  it('PPO: generation, log-probs, reference, reward and value forwards, four policy and value updates', () => {
    assert.equal(trainerCompute('ppo', full, none).perToken, 5 * 2e9 + 4 * 6e9 + 4 * 6e9);
  });

  it('RLOO: like PPO without the value model', () => {
    assert.equal(trainerCompute('rloo', full, none).perToken, 4 * 2e9 + 4 * 6e9);
  });

  it('distillation adds the teacher’s forward, and is unknown without the teacher', () => {
    assert.equal(trainerCompute('distillation', { ...full, teacher: 7e9 }, none).perToken, 6e9 + 14e9);
    const unknown = trainerCompute('distillation', full, none);
    assert.equal(unknown.perToken, null);
    assert.match(unknown.needs ?? '', /teacher/);
  });
});
